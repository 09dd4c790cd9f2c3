import semver from 'semver';
import type { Release } from '../github/types.ts';

/**
 * `make_latest` for publishing. `auto` makes a release latest only when it is a full release
 * whose version is above every other published full release, so a backport (1.2.5 after 2.0.0)
 * never becomes the `latest` that installers follow. Tags that are not v<semver> are ignored.
 */
export function decideMakeLatest(
  input: 'auto' | 'true' | 'false' | 'legacy',
  version: string,
  prerelease: boolean,
  releases: readonly Pick<Release, 'tag_name' | 'draft' | 'prerelease' | 'id'>[],
  selfId?: number,
): 'true' | 'false' | 'legacy' {
  if (input !== 'auto') return input;
  if (prerelease) return 'false';
  const others = releases
    .filter((r) => !r.draft && !r.prerelease && r.id !== selfId)
    .map((r) => semver.valid(r.tag_name.replace(/^v/, '')))
    .filter((v): v is string => v !== null);
  return others.every((v) => semver.gt(version, v)) ? 'true' : 'false';
}
