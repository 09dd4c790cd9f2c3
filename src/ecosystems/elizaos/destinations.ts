import { setTimeout as sleep } from 'node:timers/promises';
import type { RunContext } from '../../context.ts';
import { ReleaseError } from '../../errors.ts';
import { openRegistryPullRequest } from '../../github/pull-request.ts';
import { retryPolicyFromEnv } from '../../github/retry.ts';
import { npmDigests } from '../../npm/pack.ts';
import { npmDistTagAdd, npmPublish } from '../../npm/publish.ts';
import { readPackument, type Packument, type RegistryAccess } from '../../npm/registry.ts';
import { checkVersion } from '../../npm/version.ts';
import type { Destination } from '../types.ts';
import {
  ENTRY_DIRS,
  entryBranch,
  entryFileName,
  pullRequestBody,
  registryEntry,
  registryEntryText,
} from './entry.ts';
import { accessOf, distTag, manifestOf, registryOf, tarballPath, targetOf } from './run-state.ts';

/**
 * The two destinations after the GitHub release, in this order: npm first, because the ElizaOS
 * registry installs `<name>@<dist-tag>` from npm and must never list a version nobody can
 * install; then the registry pull request. Both are idempotent: a rerun publishes nothing that
 * is already there and updates the same pull request.
 */

/** Waits until the registry serves the version (a registry's packument may lag a publish). */
async function served(
  access: RegistryAccess,
  name: string,
  version: string,
): Promise<Packument | undefined> {
  const base = retryPolicyFromEnv(access.env).baseMs;
  for (let i = 0; i < 8; i++) {
    const doc = await readPackument(access, name);
    if (doc?.versions?.[version] !== undefined) return doc;
    await sleep(Math.min(base * 2 ** i, base * 30));
  }
  return undefined;
}

export const npmDestination: Destination = {
  name: 'npm',
  skip: () => undefined,
  async run(ctx: RunContext): Promise<void> {
    const { config, reporter } = ctx;
    const { pkg } = await manifestOf(ctx);
    const spec = `${pkg.name}@${pkg.version}`;
    const registry = await registryOf(ctx, pkg.name);
    const access = accessOf(config, registry);
    const target = targetOf(config, pkg.name, registry);
    const file = tarballPath(config, pkg.name, pkg.version);
    const { integrity } = await npmDigests(file).catch((e: unknown) => {
      throw new ReleaseError(
        'DIST_MISSING',
        `the npm tarball ${file} is not here to publish: run pack first (or download the pack job's dist)`,
        { cause: e },
      );
    });
    const tag = distTag(config, pkg.version);
    // Asked again (not trusted from preflight): another run may have published since.
    const state = await checkVersion(access, pkg.name, pkg.version, { file, integrity });
    if (state.kind === 'unchanged-contents') {
      reporter.warning(
        `npm: ${spec} is on ${registry} with the same files as ${file} but other bytes: nothing was published, and the release asset is not the registry's tarball. Run pack and the release again so the release carries the registry's tarball`,
      );
    }
    if (state.kind === 'new') {
      await npmPublish(target, file, {
        tag,
        access: config.npm.access,
        provenance: config.npm.provenance,
      });
    }
    const doc = await served(access, pkg.name, pkg.version);
    if (doc === undefined) {
      throw new ReleaseError(
        'NPM_PUBLISH',
        `npm reported ${spec} published, but ${registry} does not serve it: check the registry (and npm-registry), then run again`,
      );
    }
    const theirs = doc.versions![pkg.version]!.dist?.integrity;
    if (state.kind === 'new' && theirs !== integrity) {
      throw new ReleaseError(
        'NPM_PUBLISH',
        `${registry} serves ${spec} with integrity ${theirs ?? '(none)'}, not the published tarball's ${integrity}`,
      );
    }
    if (doc['dist-tags']?.[tag] !== pkg.version) await npmDistTagAdd(target, pkg.version, tag);
    const what =
      state.kind === 'new'
        ? `published ${spec}`
        : `${spec} was already published (unchanged), nothing sent`;
    reporter.info(`npm: ${what} on ${registry}; dist-tag ${tag} -> ${pkg.version}`);
    reporter.summary(
      `npm: ${state.kind === 'new' ? 'published' : 'unchanged'} **${spec}** on ${registry} with dist-tag \`${tag}\``,
    );
  },
};

export const registryPullRequestDestination: Destination = {
  name: 'registry-pr',
  skip: (ctx) => (ctx.config.registry.repo === undefined ? 'registry-repo is not set' : undefined),
  async run(ctx: RunContext): Promise<void> {
    const { config, reporter } = ctx;
    const { pkg } = await manifestOf(ctx);
    const repo = config.registry.repo!;
    const title = `Register ${pkg.name}`;
    const result = await openRegistryPullRequest({
      apiUrl: config.apiUrl,
      token: config.registry.token,
      repo: { owner: repo.owner, name: repo.name },
      dirCandidates: [...ENTRY_DIRS],
      fileName: entryFileName(pkg.name),
      content: registryEntryText(pkg),
      branch: entryBranch(pkg.name),
      title,
      commitMessage: title,
      body: pullRequestBody(registryEntry(pkg)),
      log: (m) => reporter.info(`registry-pr: ${m}`),
    });
    const where = `${repo.owner}/${repo.name}`;
    const line =
      result.action === 'already-on-base'
        ? `${result.path} in ${where} already lists ${pkg.name} with this content; no pull request needed`
        : `pull request ${result.action}${result.url ? `: ${result.url}` : ''} (${result.path} in ${where})`;
    reporter.info(`registry: ${line}`);
    // The job summary gets its own section (the CLI prints summaries too: not the same line twice).
    reporter.summary(`### ElizaOS registry\n\n${line}\n`);
  },
};
