/**
 * Validation against the schemas extracted from GitHub's OpenAPI description
 * (test/fixtures/openapi/schemas.json, written by scripts/extract-openapi.mjs). Used by the
 * emulator to refuse malformed request bodies the way GitHub does, and by tests to check that
 * served objects and sent bodies have GitHub's shape.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';

export type SchemaName =
  | 'release'
  | 'release-asset'
  | 'release-notes-content'
  | 'check-immutable-releases'
  | 'create-release-request'
  | 'update-release-request'
  | 'update-release-asset-request'
  | 'generate-release-notes-request'
  | 'get-authenticated-user-response'
  | 'full-repository'
  | 'git-ref'
  | 'git-commit'
  | 'git-tree'
  | 'content-file'
  | 'content-directory'
  | 'file-commit'
  | 'pull-request'
  | 'pull-request-simple'
  | 'create-fork-request'
  | 'create-ref-request'
  | 'update-ref-request'
  | 'create-tree-request'
  | 'create-commit-request'
  | 'create-or-update-file-contents-request'
  | 'create-pull-request-request'
  | 'update-pull-request-request';

interface SchemaFile {
  source: { package: string; version: string; extractedAt: string };
  schemas: Record<SchemaName, object>;
}

const file = new URL('../../fixtures/openapi/schemas.json', import.meta.url);
export const openapiSchemas = JSON.parse(readFileSync(file, 'utf8')) as SchemaFile;

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
// The CJS module object doubles as its own `default` at runtime, which is what TS sees here.
formats.default(ajv);
ajv.addKeyword('example');
// GitHub's own format for `owner/name` (create-pull-request's head_repo).
ajv.addFormat('repo.nwo', /^[^/]+\/[^/]+$/);

const compiled = new Map<SchemaName, ValidateFunction>();

function validator(name: SchemaName): ValidateFunction {
  let v = compiled.get(name);
  if (!v) {
    const schema = openapiSchemas.schemas[name];
    if (!schema) throw new Error(`no schema ${name} in schemas.json`);
    v = ajv.compile(schema);
    compiled.set(name, v);
  }
  return v;
}

/** Human-readable problems, one per line; empty when `value` matches. */
export function schemaProblems(name: SchemaName, value: unknown): string[] {
  const v = validator(name);
  if (v(value)) return [];
  return (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
}

/** Throws an AssertionError-like Error listing every mismatch. */
export function assertMatchesSchema(name: SchemaName, value: unknown): void {
  const problems = schemaProblems(name, value);
  if (problems.length > 0) {
    throw new Error(`value does not match OpenAPI schema "${name}":\n  ${problems.join('\n  ')}`);
  }
}

/** GitHub's wording for a value of the wrong type: Ruby's names for JSON values. */
function describe(value: unknown): string {
  if (value === null) return 'nil';
  return typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value));
}

function githubMessage(e: ErrorObject, body: unknown): string {
  if (e.keyword === 'required') {
    return `"${String((e.params as { missingProperty: string }).missingProperty)}" wasn't supplied.`;
  }
  const path = e.instancePath
    .split('/')
    .filter(Boolean)
    .map((p) => `properties/${p}`)
    .join('/');
  const where = path || 'items';
  const value = e.instancePath
    .split('/')
    .filter(Boolean)
    .reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], body);
  if (e.keyword === 'enum') {
    const allowed = (e.params as { allowedValues: unknown[] }).allowedValues;
    return `For '${where}', ${describe(value)} is not one of ${JSON.stringify(allowed)}.`;
  }
  if (e.keyword === 'type') {
    return `For '${where}', ${describe(value)} is not ${article(String(e.params.type))}.`;
  }
  return `For '${where}', ${describe(value)} ${e.message ?? 'is invalid'}.`;
}

const article = (t: string) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);

/** GitHub's 422 "Invalid request" message for a body that breaks the operation's schema, or null
 * when the body is fine. */
export function invalidRequestMessage(name: SchemaName, body: unknown): string | null {
  const v = validator(name);
  if (v(body)) return null;
  const errors = v.errors ?? [];
  // A wrong type also fails the enum; GitHub reports the type only.
  const typed = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const lines = errors
    .filter((e) => e.keyword !== 'enum' || !typed.has(e.instancePath))
    .map((e) => githubMessage(e, body));
  return `Invalid request.\n\n${[...new Set(lines)].join('\n')}`;
}
