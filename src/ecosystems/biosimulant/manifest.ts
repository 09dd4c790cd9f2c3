/**
 * `plugin.json`, the Biosimulant plugin manifest (ecosystems/biosimulant.md § Manifest). The
 * rules are pure functions of the text, shared by validate (on the file) and verify (on the
 * copy inside a package); every violation is reported at once, each at its key's line and
 * column. The file is packed byte for byte, never re-serialised.
 */
import { basename } from 'node:path';
import { ReleaseError, type Diagnostic } from '../../errors.ts';
import { parseLocatedJson, type JsonPath } from '../../manifest/json-locate.ts';
import type { ProfileManifest } from '../types.ts';

export const MANIFEST_FILE = 'plugin.json';
/** biosim's package-segment rule. */
export const ID_RE = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
/** biosim's version rule: SemVer without build metadata. */
export const VERSION_RE =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
/** Strict SemVer 2.0.0 (semver.org's regular expression). */
const SEMVER_RE =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
const PLATFORMS = ['macos', 'linux', 'windows'];
const ARCHITECTURES = ['x86_64', 'arm64'];

export interface BsiManifest extends ProfileManifest {
  /** The entrypoint, as written (a relative '/'-separated path). */
  entrypoint: string;
}

export interface ManifestCheck {
  manifest?: BsiManifest;
  diagnostics: Diagnostic[];
  /** True when the text is not UTF-8 JSON (MANIFEST_PARSE rather than MANIFEST_INVALID). */
  syntax: boolean;
}

/** Why `p` is not a relative '/'-separated path without empty, '.' or '..' segments. */
export function relativePathProblem(p: string): string | undefined {
  if (p === '') return 'it is empty';
  if (p.includes('\\')) return "it contains '\\' (use '/' as the separator)";
  if (/[\r\n\0]/.test(p)) return 'it contains a line break or NUL';
  if (p.startsWith('/')) return "it starts with '/' (it must be relative to the package root)";
  const bad = p.split('/').find((s) => s === '' || s === '.' || s === '..');
  if (bad !== undefined) return `it has ${bad === '' ? 'an empty' : `a '${bad}'`} segment`;
  return undefined;
}

function listProblem(v: unknown, allowed: readonly string[]): string | undefined {
  if (!Array.isArray(v)) return 'must be an array of strings';
  if (v.length === 0)
    return `must not be empty (leave it out, or list some of ${allowed.join(', ')})`;
  const wrong = v.filter((x) => typeof x !== 'string' || !allowed.includes(x));
  if (wrong.length > 0) {
    return `has ${wrong.map((x) => JSON.stringify(x)).join(', ')}: allowed values are ${allowed.join(', ')}`;
  }
  const dup = v.find((x, i) => v.indexOf(x) !== i);
  if (dup !== undefined) return `lists ${JSON.stringify(dup)} twice`;
  return undefined;
}

/** The rule for each known key: a problem, or undefined. */
const RULES: Record<string, (v: unknown) => string | undefined> = {
  id: (v) =>
    typeof v !== 'string' || !ID_RE.test(v)
      ? `must be lowercase letters, digits and '-', 1-64 characters, starting and ending with a letter or digit (${ID_RE.source}), e.g. "cell-counter"`
      : undefined,
  version: (v) =>
    typeof v !== 'string' || !VERSION_RE.test(v)
      ? 'must be SemVer MAJOR.MINOR.PATCH with an optional -prerelease and no +build metadata, e.g. "1.2.0" or "1.2.0-rc.1"'
      : undefined,
  entrypoint: (v) => {
    if (typeof v !== 'string') return 'must be a string: the relative path of the file to run';
    const why = relativePathProblem(v);
    return why ? `must be a relative path with '/' separators: ${why}` : undefined;
  },
  name: (v) => (typeof v !== 'string' || v === '' ? 'must be a non-empty string' : undefined),
  description: (v) =>
    typeof v !== 'string' || v === '' ? 'must be a non-empty string' : undefined,
  platforms: (v) => listProblem(v, PLATFORMS),
  architectures: (v) => listProblem(v, ARCHITECTURES),
  min_desktop_version: (v) =>
    typeof v !== 'string' || !SEMVER_RE.test(v)
      ? 'must be a strict SemVer version, e.g. "0.9.0"'
      : undefined,
};
const REQUIRED = ['id', 'version', 'entrypoint'];

/** Decodes strict UTF-8; undefined (with a diagnostic) for bad bytes or a BOM. */
function decode(bytes: Uint8Array, file: string, out: Diagnostic[]): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const good = Buffer.from(bytes).toString('utf8').indexOf('\ufffd');
    const before = Buffer.from(bytes).toString('utf8').slice(0, Math.max(0, good));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    out.push({
      message: `${basename(file)} is not valid UTF-8; re-save it as UTF-8`,
      location: { file, line, column },
    });
    return undefined;
  }
  if (text.startsWith('\ufeff')) {
    out.push({
      message: `${basename(file)} starts with a byte order mark, which JSON readers refuse; re-save it as UTF-8 without BOM`,
      location: { file, line: 1, column: 1 },
    });
    return undefined;
  }
  return text;
}

/** Checks manifest bytes; never throws for a defect of the manifest. */
export function checkManifest(bytes: Uint8Array, file: string): ManifestCheck {
  const diagnostics: Diagnostic[] = [];
  const text = decode(bytes, file, diagnostics);
  if (text === undefined) return { diagnostics, syntax: true };
  const parsed = parseLocatedJson(text);
  if ('error' in parsed) {
    const { message, line, column } = parsed.error;
    return {
      diagnostics: [
        {
          message: `${basename(file)} is not valid JSON: ${message}; fix the syntax at this position`,
          location: { file, line, column },
        },
      ],
      syntax: true,
    };
  }
  const at = (p: JsonPath) => ({ file, ...parsed.at(p) });
  const doc = parsed.value;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return {
      diagnostics: [{ message: `${basename(file)} must hold a JSON object`, location: at([]) }],
      syntax: false,
    };
  }
  const obj = doc as Record<string, unknown>;
  for (const d of parsed.duplicates) {
    diagnostics.push({
      message: `key "${String(d.path.at(-1))}" is written twice; readers disagree on which one counts. Keep one`,
      location: { file, ...d.position },
    });
  }
  for (const key of REQUIRED) {
    if (!Object.hasOwn(obj, key)) {
      diagnostics.push({ message: `"${key}" is required`, location: at([]) });
    }
  }
  for (const [key, rule] of Object.entries(RULES)) {
    if (!Object.hasOwn(obj, key)) continue;
    const why = rule(obj[key]);
    if (why) diagnostics.push({ message: `"${key}" ${why}`, location: at([key]) });
  }
  diagnostics.sort(
    (a, b) =>
      (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
      (a.location?.column ?? 0) - (b.location?.column ?? 0),
  );
  if (diagnostics.length > 0) return { diagnostics, syntax: false };
  const str = (k: string) => (typeof obj[k] === 'string' ? (obj[k] as string) : '');
  const manifest: BsiManifest = {
    id: str('id'),
    version: str('version'),
    name: str('name') || str('id'),
    description: str('description'),
    entrypoint: str('entrypoint'),
    file,
    text,
  };
  return { manifest, diagnostics, syntax: false };
}

/** The MANIFEST_PARSE / MANIFEST_INVALID error carrying every diagnostic. */
export function manifestError(file: string, check: ManifestCheck): ReleaseError {
  const lines = check.diagnostics.map(
    (d) => `  ${d.location?.file}:${d.location?.line}:${d.location?.column}: ${d.message}`,
  );
  const n = check.diagnostics.length;
  const what = check.syntax
    ? 'cannot be read as UTF-8 JSON'
    : `has ${n} problem${n === 1 ? '' : 's'} Biosimulant would reject`;
  return new ReleaseError(
    check.syntax ? 'MANIFEST_PARSE' : 'MANIFEST_INVALID',
    `${file} ${what}:\n${lines.join('\n')}`,
    {
      location: check.diagnostics[0]?.location ?? { file },
      diagnostics: check.diagnostics,
    },
  );
}
