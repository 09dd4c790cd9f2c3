import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import semver from 'semver';
import { ReleaseError } from '../errors.ts';
import { contentDifferences, tarballContents } from './contents.ts';
import { fetchTarball, readPackument, type Packument, type RegistryAccess } from './registry.ts';

/**
 * npm never accepts a version twice, not even after an unpublish. So before anything is
 * published (and before the GitHub release goes live) the registry's record of this version is
 * compared with ours:
 * - not there: `new`, publish it;
 * - there with our integrity: `unchanged`, nothing to publish;
 * - there with another integrity but the same contents (paths, bytes, modes), e.g. packed by
 *   another npm version: `unchanged`, and the registry's tarball becomes the release asset;
 * - anything else, or a version that was unpublished: VERSION_EXISTS, bump the version.
 */

export interface LocalTarball {
  file: string;
  integrity: string;
}

export type VersionState =
  | { kind: 'new'; packument: Packument | null }
  /** The version exists; compared when a local tarball was given. */
  | { kind: 'exists'; packument: Packument }
  | { kind: 'unchanged'; packument: Packument; integrity: string }
  | { kind: 'unchanged-contents'; packument: Packument; integrity: string; tarball: Buffer };

/** `npm-tag`'s default: latest for a release, else the first prerelease identifier when npm can take it as a tag, else next. */
export function defaultDistTag(version: string): string {
  const pre = semver.prerelease(version);
  if (pre === null || pre.length === 0) return 'latest';
  const first = String(pre[0]);
  // x/X (and anything else that parses as a range) is read by npm as a version range, not a tag.
  if (
    /^[A-Za-z]/.test(first) &&
    first !== 'x' &&
    first !== 'X' &&
    semver.validRange(first) === null
  )
    return first;
  return 'next';
}

function exists(name: string, version: string, registry: string, why: string): ReleaseError {
  return new ReleaseError(
    'VERSION_EXISTS',
    `${name}@${version} is already on ${registry} ${why}. npm never accepts a version twice (not even after an unpublish): bump version in package.json, tag v<new version> and release again. Nothing was published`,
  );
}

export async function checkVersion(
  access: RegistryAccess,
  name: string,
  version: string,
  /** Our tarball, or how to make it (asked only when the version exists). */
  local?: LocalTarball | (() => Promise<LocalTarball>),
): Promise<VersionState> {
  const packument = await readPackument(access, name);
  const entry = packument?.versions?.[version];
  if (packument === null) return { kind: 'new', packument };
  if (entry === undefined) {
    if (packument.time?.[version] !== undefined) {
      throw exists(
        name,
        version,
        access.registry,
        `as an unpublished version (published ${packument.time[version]})`,
      );
    }
    return { kind: 'new', packument };
  }
  if (local === undefined) return { kind: 'exists', packument };
  const ours = typeof local === 'function' ? await local() : local;
  const theirs = entry.dist?.integrity;
  if (theirs === ours.integrity) return { kind: 'unchanged', packument, integrity: theirs };
  const url = entry.dist?.tarball;
  if (url === undefined)
    throw exists(
      name,
      version,
      access.registry,
      `with integrity ${theirs ?? '(none)'}, not ours (${ours.integrity}), and no tarball to compare`,
    );
  const tarball = await fetchTarball(access, url);
  if (tarball === null)
    throw exists(name, version, access.registry, `but its tarball ${url} is gone`);
  const got = `sha512-${createHash('sha512').update(tarball).digest('base64')}`;
  if (theirs !== undefined && got !== theirs) {
    throw new ReleaseError(
      'NPM_PUBLISH',
      `the registry's tarball of ${name}@${version} (${url}) hashes to ${got}, not its recorded integrity ${theirs}: the download was altered (a proxy?). Run again`,
    );
  }
  const [a, b] = await Promise.all([
    fs.readFile(ours.file).then(tarballContents),
    tarballContents(tarball).catch(() => new Map()),
  ]);
  const diffs = contentDifferences(a, b);
  if (diffs.length > 0) {
    throw exists(name, version, access.registry, `with other contents: ${diffs.join('; ')}`);
  }
  return { kind: 'unchanged-contents', packument, integrity: got, tarball };
}
