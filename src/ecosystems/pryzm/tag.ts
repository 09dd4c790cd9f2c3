import { ReleaseError } from '../../errors.ts';
import { explainTag, type ParsedTag } from '../../tag.ts';
import { VERSION_RE } from './schema.ts';

/**
 * PRYZM's tag rule: `v<MAJOR.MINOR.PATCH>`. A PRYZM version is three numbers only (the SDK's
 * schema and the marketplace's StrictSemver both refuse anything more), so a prerelease or
 * build tag could never name a valid release: it is an error that says so, not a prerelease.
 */
export function parsePryzmTag(tag: string): ParsedTag {
  const body = tag.startsWith('v') ? tag.slice(1) : tag;
  const core = body.split(/[-+]/)[0] ?? '';
  if (tag.startsWith('v') && /[-+]/.test(body) && VERSION_RE.test(core)) {
    throw new ReleaseError(
      'TAG_INVALID',
      `tag '${tag}' has a ${body.includes('-') ? 'prerelease' : 'build'} part, but PRYZM versions have no prerelease part: plugin.manifest.json's version must be MAJOR.MINOR.PATCH and the PRYZM marketplace refuses anything else. Tag v${core} (and ship test builds under a lower or separate version instead)`,
    );
  }
  const why =
    explainTag(tag) ?? (VERSION_RE.test(body) ? undefined : 'it is not MAJOR.MINOR.PATCH');
  if (why !== undefined) {
    throw new ReleaseError(
      'TAG_INVALID',
      `tag '${tag}' does not match v<MAJOR.MINOR.PATCH>: ${why}. PRYZM tags are v + three numbers without leading zeros, e.g. v1.4.0`,
    );
  }
  return { tag, version: body, prerelease: false };
}
