import semver from 'semver';
import { ReleaseError } from '../../errors.ts';
import type { ParsedTag } from '../../tag.ts';

/** `v<version>`, the version strict SemVer as npm stores it (no build metadata, which npm drops). */
export function parseElizaTag(tag: string): ParsedTag {
  const version = tag.startsWith('v') ? tag.slice(1) : '';
  if (version === '' || semver.valid(version) !== version) {
    const why = !tag.startsWith('v')
      ? /^\d/.test(tag)
        ? `it needs a leading 'v' (v${tag})`
        : "it must start with 'v'"
      : version.includes('+')
        ? "build metadata ('+...') is not allowed: npm drops it"
        : 'the part after v is not strict SemVer';
    throw new ReleaseError(
      'TAG_INVALID',
      `tag '${tag}' does not match v<version>: ${why}. Expected v + the version in package.json, e.g. v1.0.0 or v1.1.0-beta.1`,
    );
  }
  return { tag, version, prerelease: (semver.prerelease(version) ?? []).length > 0 };
}
