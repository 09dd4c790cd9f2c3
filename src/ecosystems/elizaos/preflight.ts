import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeAtomic, writeSidecar } from '../../artifacts.ts';
import type { RunContext } from '../../context.ts';
import { isReleaseError, ReleaseError } from '../../errors.ts';
import { npmDigests, npmPack } from '../../npm/pack.ts';
import { npmWhoami, requireOidc } from '../../npm/publish.ts';
import { checkVersion, type LocalTarball } from '../../npm/version.ts';
import {
  accessOf,
  manifestOf,
  packageDir,
  registryOf,
  reportImages,
  runState,
  tarballPath,
  targetOf,
} from './run-state.ts';

/**
 * Before anything is uploaded (a run that will publish): everything that would make the npm
 * publish fail after the GitHub release went live is checked now. Provenance needs an OIDC
 * token; the token must be valid on the registry (`npm whoami`); and this version must not
 * already be on the registry with other contents (npm never takes a version twice). When it is
 * there with the same contents, the run goes on as `unchanged`, and where the registry's bytes
 * differ from ours its tarball is what the release will carry.
 */

/**
 * The tarball this run will release: for `all`, npm's pack of the package now (a private copy,
 * exactly as the pack step will make it: dist may still hold an earlier run's tarball); for
 * `upload` and `publish`, the one already in dist, from the pack job.
 */
async function ourTarball(
  ctx: RunContext,
  name: string,
  version: string,
): Promise<LocalTarball & { cleanup?: () => Promise<void> }> {
  const inDist = tarballPath(ctx.config, name, version);
  if (ctx.config.command !== 'all' && (await isFile(inDist))) {
    return { file: inDist, integrity: (await npmDigests(inDist)).integrity };
  }
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'elizaos-preflight-'));
  const packed = await npmPack(packageDir(ctx.config), tmp, ctx.config.env);
  return {
    file: packed.file,
    integrity: packed.integrity,
    cleanup: () => fs.rm(tmp, { recursive: true, force: true }),
  };
}

async function isFile(p: string): Promise<boolean> {
  return (await fs.stat(p).catch(() => undefined))?.isFile() === true;
}

export async function preflightEliza(ctx: RunContext): Promise<void> {
  const { config, reporter } = ctx;
  const { pkg } = await manifestOf(ctx);
  await reportImages(ctx, reporter);
  if (config.registry.repo !== undefined && config.registry.token === '') {
    throw new ReleaseError(
      'USAGE',
      `registry-repo is ${config.registry.repo.owner}/${config.registry.repo.name} but registry-token is empty: the pull request needs a token that can fork it and open pull requests (the default GITHUB_TOKEN cannot). Pass registry-token: \${{ secrets.REGISTRY_TOKEN }}, or drop registry-repo. Nothing was published`,
    );
  }
  if (config.npm.provenance) requireOidc(config.env);
  const registry = await registryOf(ctx, pkg.name);
  const target = targetOf(config, pkg.name, registry);
  if (config.npm.token === '') {
    reporter.info(
      `npm: no npm-token or NODE_AUTH_TOKEN: npm publishes to ${registry} with its own configuration (an .npmrc or trusted publishing)`,
    );
  } else {
    try {
      reporter.info(`npm: the token is ${await npmWhoami(target)}'s on ${registry}`);
    } catch (e) {
      // A registry without `whoami` cannot tell; only a refused token stops the run here.
      if (isReleaseError(e, 'NPM_AUTH')) throw e;
      reporter.warning(
        `npm: could not check the token with npm whoami on ${registry}: ${(e as Error).message}`,
      );
    }
  }

  let cleanup: (() => Promise<void>) | undefined;
  try {
    const state = await checkVersion(
      accessOf(config, registry),
      pkg.name,
      pkg.version,
      async () => {
        const t = await ourTarball(ctx, pkg.name, pkg.version);
        cleanup = t.cleanup;
        return t;
      },
    );
    runState(ctx).version = state;
    if (state.kind === 'new') {
      reporter.info(
        `npm: ${pkg.name}@${pkg.version} is not on ${registry} yet; it is published after the GitHub release`,
      );
    } else if (state.kind === 'unchanged') {
      reporter.info(
        `npm: ${pkg.name}@${pkg.version} is already on ${registry} with this tarball (${state.integrity}): nothing to publish there`,
      );
    } else if (state.kind === 'unchanged-contents') {
      reporter.info(
        `npm: ${pkg.name}@${pkg.version} is already on ${registry} with the same files but other tarball bytes (another npm packed it): nothing to publish, and the release carries the registry's tarball`,
      );
      // `all` packs after this and writes the registry's tarball then; otherwise dist holds the
      // pack job's tarball, which the release must not carry.
      const inDist = tarballPath(config, pkg.name, pkg.version);
      if (config.command !== 'all' && (await isFile(inDist))) {
        const asset = await writeAtomic(inDist, state.tarball);
        await writeSidecar(inDist, asset.sha256);
      }
    }
  } finally {
    await cleanup?.();
  }
}
