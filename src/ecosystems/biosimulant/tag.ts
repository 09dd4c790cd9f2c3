import { ReleaseError } from '../../errors.ts';
import type { ParsedTag } from '../../tag.ts';
import { VERSION_RE } from './manifest.ts';

/**
 * The tag rule: `v<version>`, where the version obeys the manifest's own rule (SemVer without
 * build metadata, biosim's pattern, which allows '-' inside pre-release identifiers). Equality
 * with the manifest's `version` is checked by validate, as for every profile.
 */
function explain(tag: string): string | undefined {
  if (tag === '') return 'it is empty';
  if (/\s/.test(tag)) return 'it contains white space';
  if (!tag.startsWith('v')) {
    return /^\d/.test(tag) ? `it needs a leading 'v' (v${tag})` : "it must start with 'v'";
  }
  const version = tag.slice(1);
  if (version.includes('+')) return "build metadata ('+...') is not allowed";
  const core = version.split('-')[0]!;
  const parts = core.split('.');
  if (parts.length !== 3) return `it needs three numbers MAJOR.MINOR.PATCH, found ${parts.length}`;
  const bad = parts.find((p) => !/^(0|[1-9]\d*)$/.test(p));
  if (bad !== undefined) return `'${bad}' is not a number without leading zeros`;
  if (!VERSION_RE.test(version)) {
    return 'the pre-release part after the first - must be dot-separated identifiers of letters, digits and -';
  }
  return undefined;
}

export function parseBiosimulantTag(tag: string): ParsedTag {
  const why = explain(tag);
  if (why !== undefined) {
    throw new ReleaseError(
      'TAG_INVALID',
      `tag '${tag}' is not v<version>: ${why}. A Biosimulant plugin's tag is v + its plugin.json version, e.g. v1.2.0 or v1.2.0-rc.1`,
    );
  }
  const version = tag.slice(1);
  return { tag, version, prerelease: version.includes('-') };
}
