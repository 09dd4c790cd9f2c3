/**
 * Checks a parsed TOML value against a `Spec` the way serde would deserialize it (unknown keys,
 * missing keys, wrong types, integer ranges, enum values, version syntax), but collects every
 * problem instead of stopping at the first. Values come from smol-toml parsed with
 * `integersAsBigInt: true`, so integers are bigints and floats are numbers.
 */
import { parse as npmSemverParse } from 'semver';
import { TomlDate } from 'smol-toml';
import { formatPath, type KeyPath } from './locate.ts';
import { rustVersionError, rustVersionReqError } from './rust-semver.ts';
import type { Field, Spec } from './schema.ts';

/** One problem, located by key path. `where: 'table'` = point at the table (missing key). */
export interface Issue {
  path: KeyPath;
  where: 'key' | 'table';
  message: string;
}

export type TomlTableValue = Record<string, unknown>;

export function isTable(v: unknown): v is TomlTableValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof TomlDate);
}

/** "a string", "an integer (3)"... for messages. */
export function describe(v: unknown): string {
  if (typeof v === 'string') return `a string (${JSON.stringify(v)})`;
  if (typeof v === 'bigint') return `an integer (${v})`;
  if (typeof v === 'number') return `a float (${v})`;
  if (typeof v === 'boolean') return `a boolean (${v})`;
  if (v instanceof TomlDate) return 'a date/time';
  if (Array.isArray(v)) return 'an array';
  return 'a table';
}

function expected(spec: Spec): string {
  switch (spec.kind) {
    case 'string':
      return 'a string';
    case 'bool':
      return 'a boolean (true or false)';
    case 'int':
      return `a whole number from 0 to ${spec.max}`;
    case 'enum':
      return `one of ${spec.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'array':
      return `an array of ${expected(spec.of).replace(/^an? /, '')} values`;
    default:
      return 'a table';
  }
}

/** Levenshtein distance, for "did you mean" hints on misspelt keys. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

function closest(key: string, known: readonly string[]): string | undefined {
  const scored = known.map((k) => ({ k, d: distance(key.toLowerCase(), k) }));
  scored.sort((x, y) => x.d - y.d);
  const best = scored[0];
  return best !== undefined && best.d <= Math.max(1, Math.floor(key.length / 3))
    ? best.k
    : undefined;
}

function unknownKey(path: KeyPath, key: string, fields: Readonly<Record<string, Field>>): string {
  const where = path.length === 0 ? 'at the top level' : `in [${formatPath(path)}]`;
  const known = Object.keys(fields);
  const hint = closest(key, known);
  const fix = hint !== undefined ? `rename it to '${hint}'` : 'remove it';
  if (path.length === 0) {
    return (
      `unknown top-level key '${key}': nexo-plugin.toml may contain only the [plugin] table, and ` +
      `the nexo installer rejects anything else; move it under [plugin] (as ` +
      `[plugin.${key}] or plugin.${key}) if it is a plugin setting, or ${fix}`
    );
  }
  return (
    `unknown key '${formatPath([...path, key])}' ${where}: the nexo installer rejects unknown ` +
    `keys; ${fix} (allowed keys: ${known.join(', ')})`
  );
}

function checkString(
  v: string,
  spec: Extract<Spec, { kind: 'string' }>,
  path: KeyPath,
): string | undefined {
  const name = formatPath(path);
  if (spec.format === 'version') {
    const why = rustVersionError(v);
    if (why !== undefined) {
      return (
        `${name} '${v}' is not a valid SemVer version (${why}); write MAJOR.MINOR.PATCH with ` +
        `optional -prerelease and +build parts, e.g. "1.2.0" or "1.2.0-beta.1" (no 'v' prefix, ` +
        `no leading zeros)`
      );
    }
    const npm = npmSemverParse(v);
    if (npm === null || npm.version !== v.split('+')[0]) {
      return `${name} '${v}' is valid SemVer but too large for the release tooling; keep each number at most ${Number.MAX_SAFE_INTEGER} and the whole version under 256 characters`;
    }
  }
  if (spec.format === 'versionReq') {
    const why = rustVersionReqError(v);
    if (why !== undefined) {
      return (
        `${name} '${v}' is not a valid version requirement (${why}); use Cargo syntax such as ` +
        `">=0.1.0", "^0.2" or ">=0.1.0, <0.3.0" (comparators separated by commas; npm forms ` +
        `such as "||" or "1.0.0 - 2.0.0" are not accepted)`
      );
    }
  }
  return undefined;
}

/** Appends every mismatch between `value` and `spec` at `path` to `out`. */
export function checkShape(value: unknown, spec: Spec, path: KeyPath, out: Issue[]): void {
  const name = formatPath(path);
  const wrongType = (): void => {
    out.push({
      path,
      where: 'key',
      message: `${name} must be ${expected(spec)}, found ${describe(value)}`,
    });
  };
  switch (spec.kind) {
    case 'string': {
      if (typeof value !== 'string') return wrongType();
      const message = checkString(value, spec, path);
      if (message !== undefined) out.push({ path, where: 'key', message });
      return;
    }
    case 'bool':
      if (typeof value !== 'boolean') wrongType();
      return;
    case 'int':
      if (typeof value !== 'bigint') return wrongType();
      if (value < 0n || value > spec.max) {
        out.push({
          path,
          where: 'key',
          message: `${name} must be a whole number from 0 to ${spec.max} (it is read as a Rust ${spec.rust}), found ${value}`,
        });
      }
      return;
    case 'enum':
      if (typeof value !== 'string') return wrongType();
      if (!spec.values.includes(value)) {
        out.push({
          path,
          where: 'key',
          message: `${name} is ${JSON.stringify(value)}, which nexo does not know; use ${expected(spec)} (exact spelling and case)`,
        });
      }
      return;
    case 'array':
      if (!Array.isArray(value)) return wrongType();
      value.forEach((item, i) => checkShape(item, spec.of, [...path, i], out));
      return;
    case 'map':
      if (!isTable(value)) return wrongType();
      for (const [key, item] of Object.entries(value))
        checkShape(item, spec.of, [...path, key], out);
      return;
    case 'table': {
      if (!isTable(value)) return wrongType();
      for (const [key, item] of Object.entries(value)) {
        const field = spec.fields[key];
        if (field !== undefined) checkShape(item, field.spec, [...path, key], out);
        else if (spec.denyUnknown) {
          out.push({
            path: [...path, key],
            where: 'key',
            message: unknownKey(path, key, spec.fields),
          });
        }
      }
      for (const [key, field] of Object.entries(spec.fields)) {
        if (field.required === true && !Object.hasOwn(value, key)) {
          const where = path.length === 0 ? 'the file' : `[${name}]`;
          out.push({
            path,
            where: 'table',
            message: `missing required key '${formatPath([...path, key])}' in ${where}; add it, e.g. ${field.example ?? key}`,
          });
        }
      }
    }
  }
}
