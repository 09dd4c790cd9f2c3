import { formatPath, type KeyPath } from '../../manifest/locate.ts';
import { CONTRIBUTIONS, PERMISSIONS, TOP, VERSION_RE, type Rule } from './schema-rules.ts';

/**
 * PRYZM's v1 manifest schema (`packages/plugin-sdk/src/descriptor.ts`, a zod object) as a pure
 * function that reports every violation at once. Like zod it drops unknown keys (we return them
 * as warnings) and fills in the defaults (`license: "MIT"`, `allowedOrigins: []`,
 * `contributions: []`); the result is the validated manifest, the exact object the SDK signs
 * and the editor compares. One stricter rule than the SDK: `version` has no leading zeros, since
 * the marketplace refuses them.
 */
export type PryzmManifestValue = Record<string, unknown> & {
  id: string;
  version: string;
  displayName: string;
  description: string;
};

export interface SchemaIssue {
  path: KeyPath;
  /** `key`: point at the member's key (unknown or missing keys); `value`: at its value. */
  where: 'key' | 'value';
  message: string;
}

export interface SchemaResult {
  /** Present only when there are no issues. */
  manifest?: PryzmManifestValue;
  issues: SchemaIssue[];
  /** Unknown keys, dropped from the validated manifest. */
  dropped: SchemaIssue[];
}

export { PERMISSIONS, VERSION_RE };

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string')
    return `a string (${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v)})`;
  return `${typeof v === 'number' ? 'a number' : `a ${typeof v}`} (${String(v)})`;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

class Checker {
  readonly issues: SchemaIssue[] = [];
  readonly dropped: SchemaIssue[] = [];

  private add(path: KeyPath, message: string, where: SchemaIssue['where'] = 'value'): void {
    this.issues.push({ path, where, message: `${formatPath(path)} ${message}` });
  }

  object(
    value: Record<string, unknown>,
    rules: Readonly<Record<string, Rule>>,
    path: KeyPath,
    known: string[],
  ): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (Object.hasOwn(rules, key) || known.includes(key)) continue;
      const where = path.length === 0 ? 'the manifest' : formatPath(path);
      this.dropped.push({
        path: [...path, key],
        where: 'key',
        message: `unknown key '${key}' in ${where}: PRYZM's schema drops it, so it is neither signed nor seen by the editor; remove it or check its spelling (known keys: ${[...known, ...Object.keys(rules)].join(', ')})`,
      });
    }
    for (const [key, rule] of Object.entries(rules)) {
      const v = this.field(
        Object.hasOwn(value, key) ? value[key] : undefined,
        rule,
        [...path, key],
        Object.hasOwn(value, key),
      );
      if (v !== undefined) out[key] = v;
    }
    return out;
  }

  private field(v: unknown, rule: Rule, path: KeyPath, present: boolean): unknown {
    if (!present) {
      if ('default' in rule && rule.default !== undefined) return structuredClone(rule.default);
      if (rule.type === 'contributions') return [];
      if ('optional' in rule && rule.optional) return undefined;
      this.issues.push({
        path,
        where: 'key',
        message: `missing required key '${formatPath(path)}'; add it (${hint(rule)})`,
      });
      return undefined;
    }
    switch (rule.type) {
      case 'literal':
        if (v !== rule.value)
          this.add(
            path,
            `must be the string ${JSON.stringify(rule.value)} (the v1 schema), found ${describe(v)}`,
          );
        return v;
      case 'string': {
        if (typeof v !== 'string') return this.add(path, `must be a string, found ${describe(v)}`);
        const why = rule.check?.(v);
        if (why !== undefined) this.add(path, `${JSON.stringify(v)} ${why}`);
        return v;
      }
      case 'enum':
        if (typeof v !== 'string' || !rule.values.includes(v))
          this.add(
            path,
            `must be one of ${rule.values.map((x) => JSON.stringify(x)).join(', ')}, found ${describe(v)}`,
          );
        return v;
      case 'number':
        if (typeof v !== 'number') return this.add(path, `must be a number, found ${describe(v)}`);
        if (!Number.isFinite(v))
          this.add(
            path,
            'must be a finite number (it overflows to Infinity, which JSON cannot sign)',
          );
        return v;
      case 'strings':
        if (!Array.isArray(v))
          return this.add(path, `must be an array of strings, found ${describe(v)}`);
        v.forEach((item, i) => {
          if (typeof item !== 'string')
            this.add([...path, i], `must be a string, found ${describe(item)}`);
          else if (rule.of !== undefined && !rule.of.includes(item))
            this.add(
              [...path, i],
              `is ${JSON.stringify(item)}, not a PRYZM permission; use one of ${rule.of.join(', ')}`,
            );
        });
        return v;
      case 'contributions':
        if (!Array.isArray(v))
          return this.add(path, `must be an array of contributions, found ${describe(v)}`);
        return v.map((item, i) => this.contribution(item, [...path, i]));
    }
  }

  private contribution(v: unknown, path: KeyPath): unknown {
    const kinds = Object.keys(CONTRIBUTIONS)
      .map((k) => JSON.stringify(k))
      .join(', ');
    if (!isObject(v))
      return this.add(path, `must be an object with a "kind" (${kinds}), found ${describe(v)}`);
    const rules =
      typeof v.kind === 'string' && Object.hasOwn(CONTRIBUTIONS, v.kind)
        ? CONTRIBUTIONS[v.kind]
        : undefined;
    if (rules === undefined) {
      const at = Object.hasOwn(v, 'kind') ? [...path, 'kind'] : path;
      this.add(
        at,
        `${Object.hasOwn(v, 'kind') ? `kind is ${describe(v.kind)}` : 'has no "kind"'}; a contribution's kind is one of ${kinds}`,
      );
      return v;
    }
    return { kind: v.kind, ...this.object(v, rules, path, ['kind']) };
  }
}

function hint(rule: Rule): string {
  switch (rule.type) {
    case 'literal':
      return `"${rule.value}"`;
    case 'enum':
      return `one of ${rule.values.join(', ')}`;
    case 'strings':
      return rule.of ? `an array of ${rule.of.join(', ')}` : 'an array of strings';
    case 'number':
      return 'a number';
    default:
      return 'a string';
  }
}

/** Validates a parsed `plugin.manifest.json` value. Pure. */
export function validateManifestValue(value: unknown): SchemaResult {
  const c = new Checker();
  if (!isObject(value)) {
    c.issues.push({
      path: [],
      where: 'value',
      message: `the manifest must be a JSON object, found ${describe(value)}`,
    });
    return { issues: c.issues, dropped: [] };
  }
  const out = c.object(value, TOP, [], []);
  const perms = out.permissions;
  const origins = out.allowedOrigins;
  if (
    Array.isArray(perms) &&
    perms.includes('network:fetch') &&
    Array.isArray(origins) &&
    origins.length === 0
  ) {
    c.issues.push({
      path: Object.hasOwn(value, 'allowedOrigins') ? ['allowedOrigins'] : ['permissions'],
      where: 'value',
      message: `allowedOrigins must be non-empty when the 'network:fetch' permission is granted; list the origins the plugin fetches from (e.g. ["https://api.example.com"]) or drop the permission`,
    });
  }
  if (c.issues.length > 0) return { issues: c.issues, dropped: c.dropped };
  return { manifest: out as PryzmManifestValue, issues: [], dropped: c.dropped };
}
