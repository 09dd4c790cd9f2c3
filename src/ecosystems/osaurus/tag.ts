import { ReleaseError } from '../../errors.ts';
import type { ParsedTag } from '../../tag.ts';
import { isSemver, SEMVER_RE } from './semver.ts';

/**
 * The Osaurus release CI's tag rule: `refs/tags/` stripped (config does that), then one leading
 * `v`; what is left is the version and must be strict SemVer. So `v1.2.0` and `1.2.0` both name
 * version 1.2.0.
 */
export function parseOsaurusTag(tag: string): ParsedTag {
  const version = tag.startsWith('v') ? tag.slice(1) : tag;
  if (!isSemver(version)) {
    throw new ReleaseError(
      'TAG_INVALID',
      `tag '${tag}' is not v<version> or <version> with a strict SemVer version (the Osaurus release workflow strips one leading 'v' and uses the rest as the version). Expected e.g. v1.2.0, 1.2.0 or v1.3.0-beta.1`,
    );
  }
  return { tag, version, prerelease: SEMVER_RE.exec(version)![4] !== undefined };
}
