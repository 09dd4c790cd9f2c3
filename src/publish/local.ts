import fs from 'node:fs/promises';
import path from 'node:path';
import { ReleaseError } from '../errors.ts';
import { sha256File } from '../hash.ts';
import { mapLimit } from '../sign/pool.ts';
import { SIGNATURE_FILE_KINDS } from '../sign/config.ts';
import { expectedAssets, type ReleasePlan } from '../plan.ts';
import type { Asset, RunContext } from '../context.ts';
import { assetNameProblem, contentTypeFor } from './names.ts';

/**
 * What this run will put on the release: the plan's artifacts found in `dist` (tarballs,
 * sidecars, signature files) and the manifest. Everything that can be refused is refused here,
 * before any request that changes GitHub: a missing dist or manifest, names GitHub would
 * rewrite, files over 2 GiB, sidecars that disagree with their tarball.
 */
export interface LocalAsset extends Asset {
  contentType: string;
}

export const MAX_ASSET_BYTES = 2 * 1024 * 1024 * 1024;
const HASH_CONCURRENCY = 4;
const SUFFIX = /\.tar\.gz(\.sha256|\.sig|\.cert|\.pem|\.bundle|\.sigstore\.json)?$/;

/**
 * Which files in dist belong to this release. nexo: any `<id>-<version>-<target>.tar.gz` and its
 * companions, so a per-job upload attaches whatever target that job built. Other profiles: the
 * plan's artifacts, their sidecars and signature files, and the native signature files.
 */
function selector(plan: ReleasePlan): (name: string) => string | null | undefined {
  if (plan.ecosystem === 'nexo') {
    const prefix = `${plan.id}-${plan.version}-`;
    return (name) =>
      name.startsWith(prefix) && SUFFIX.test(name)
        ? name.slice(prefix.length).replace(SUFFIX, '')
        : undefined;
  }
  const plain = new Set(plan.plainAssets.map((a) => a.name));
  const names = new Set(expectedAssets(plan, SIGNATURE_FILE_KINDS).filter((n) => !plain.has(n)));
  return (name) => (names.has(name) ? null : undefined);
}

export async function collectLocalAssets(
  plan: ReleasePlan,
  known: readonly Asset[] = [],
  opts: { allowMissingDist?: boolean } = {},
): Promise<{ assets: LocalAsset[]; ignored: string[]; distMissing: boolean }> {
  const found = await fs.readdir(plan.distDir).catch(() => undefined);
  if (found === undefined && !opts.allowMissingDist) {
    throw new ReleaseError(
      'DIST_MISSING',
      `the artifact directory ${plan.distDir} does not exist. Run pack first, or download the build jobs' artifacts into it (actions/download-artifact with path: dist)`,
    );
  }
  const dir = found ?? [];
  const select = selector(plan);
  const ignored: string[] = [];
  const picked: { name: string; target: string | null }[] = [];
  for (const name of dir.sort()) {
    if (name.startsWith('.')) continue;
    const target = select(name);
    if (target !== undefined) picked.push({ name, target });
    else ignored.push(name);
  }
  const byPath = new Map(known.map((a) => [a.path, a]));
  // Hashed a few at a time: one file's reads overlap another's hashing.
  const found2 = await mapLimit(picked, HASH_CONCURRENCY, async ({ name, target }) => {
    const file = path.join(plan.distDir, name);
    const st = await fs.stat(file);
    if (!st.isFile()) return undefined;
    const prior = byPath.get(file);
    // Files over GitHub's limit are refused by preflight; hashing 2 GiB first would only waste time.
    const sha256 =
      prior !== undefined && prior.size === st.size
        ? prior.sha256
        : st.size > MAX_ASSET_BYTES
          ? ''
          : await sha256File(file);
    const asset: LocalAsset = {
      name,
      path: file,
      size: st.size,
      sha256,
      target,
      contentType: contentTypeFor(name),
    };
    return asset;
  });
  const assets = found2.filter((a): a is LocalAsset => a !== undefined);
  const plain: LocalAsset[] = [];
  for (const a of plan.plainAssets) {
    const st = await fs.stat(a.path).catch(() => undefined);
    if (!st?.isFile())
      throw new ReleaseError(
        'MANIFEST_NOT_FOUND',
        `manifest ${a.path} not found; it is always published as ${a.name}`,
      );
    plain.push({
      name: a.name,
      path: a.path,
      size: st.size,
      sha256: await sha256File(a.path),
      target: null,
      contentType: a.contentType,
    });
  }
  assets.unshift(...plain);
  return { assets, ignored, distMissing: found === undefined };
}

/** Refusals that need no network: names, sizes, sidecars. Throws with every problem at once. */
export async function preflightLocal(assets: readonly LocalAsset[]): Promise<void> {
  const problems: string[] = [];
  const byName = new Map(assets.map((a) => [a.name, a]));
  for (const a of assets) {
    const why = assetNameProblem(a.name);
    if (why !== undefined)
      problems.push(
        `asset name '${a.name}': ${why}; rename it to letters, digits, '.', '-' and '_'`,
      );
    if (a.size > MAX_ASSET_BYTES)
      problems.push(
        `${a.name} is ${a.size} bytes; GitHub's limit per asset is 2 GiB (${MAX_ASSET_BYTES} bytes)`,
      );
    if (a.name.endsWith('.sha256')) {
      const text = await fs.readFile(a.path, 'utf8');
      const tarball = byName.get(a.name.slice(0, -'.sha256'.length));
      if (!/^[0-9a-f]{64}\n$/.test(text))
        problems.push(`${a.name} is not 64 lowercase hex digits and a newline; re-run pack`);
      else if (tarball !== undefined && text.trim() !== tarball.sha256)
        problems.push(
          `${a.name} says ${text.trim()} but ${tarball.name} hashes to ${tarball.sha256}; re-run pack so they agree`,
        );
    }
  }
  if (problems.length > 0) {
    const code = problems.some((p) => p.includes('2 GiB'))
      ? 'ASSET_TOO_LARGE'
      : problems.some((p) => p.startsWith('asset name'))
        ? 'ASSET_NAME'
        : 'HASH_MISMATCH';
    throw new ReleaseError(code, `refusing to upload anything: ${problems.join('; ')}`);
  }
}

export interface LocalFiles {
  assets: LocalAsset[];
  ignored: string[];
  distMissing: boolean;
}

/**
 * The upload step's local work: this run's files, found and hashed. `publish` may run where no
 * dist exists: in the per-job upload variant the build jobs already attached their files, and
 * the completeness check judges the release itself.
 */
export function localAssets(ctx: RunContext): Promise<LocalFiles> {
  return collectLocalAssets(ctx.state.plan!, ctx.state.assets, {
    allowMissingDist: ctx.config.command === 'publish',
  });
}
