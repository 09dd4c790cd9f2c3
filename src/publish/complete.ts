import type { ReleaseAsset } from '../github/types.ts';
import type { LocalAsset } from './local.ts';

/**
 * The completeness check before publishing: every expected asset is on the release, stored
 * whole (`uploaded`), and GitHub's digest equals the local sha256. Sidecars were checked against
 * their tarballs locally (preflight), so equal digests make them agree on the release too.
 * Pure; returns every problem so the error lists them all.
 */
export function completenessProblems(
  expected: readonly string[],
  local: readonly LocalAsset[],
  remote: readonly ReleaseAsset[],
  kept: ReadonlySet<string> = new Set(),
): string[] {
  const problems: string[] = [];
  const localBy = new Map(local.map((l) => [l.name, l]));
  const remoteBy = new Map(remote.map((r) => [r.name, r]));
  for (const name of expected) {
    const l = localBy.get(name);
    const r = remoteBy.get(name);
    if (l === undefined && r === undefined)
      problems.push(`${name} is missing (not in dist, not on the release)`);
    else if (r === undefined) problems.push(`${name} is not on the release`);
    else if (r.state !== 'uploaded') problems.push(`${name} is a broken upload (state ${r.state})`);
    else if (
      l !== undefined &&
      !kept.has(name) &&
      r.digest !== null &&
      r.digest !== `sha256:${l.sha256}`
    )
      problems.push(`${name} on the release has ${r.digest}, the local file sha256:${l.sha256}`);
    else if (l === undefined && r.digest === null)
      problems.push(`${name} on the release has no digest and no local copy to compare with`);
  }
  return problems;
}
