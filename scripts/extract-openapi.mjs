#!/usr/bin/env node
/**
 * Extracts the few GitHub REST schemas the emulator and the publisher's tests check against, from
 * GitHub's official OpenAPI description as shipped in the npm package `@octokit/openapi`.
 *
 * Usage: node scripts/extract-openapi.mjs <path/to/@octokit/openapi> [out.json]
 *   The first argument is the package directory (its package.json gives the version) or the
 *   description file itself (`generated/api.github.com.json`). The package is installed OUTSIDE the
 *   project (e.g. `npm install --prefix /tmp/openapi @octokit/openapi`); it is not a dependency.
 *   Output defaults to test/fixtures/openapi/schemas.json.
 *
 * Every `$ref` is inlined, and OpenAPI 3.0 `nullable: true` is turned into a JSON Schema type union
 * (the package ships 3.0 only), and vendor `x-` keys are dropped, so the result is plain JSON Schema
 * (draft-07) for ajv.
 */
import { existsSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [input, outArg] = process.argv.slice(2);
if (!input) {
  console.error(
    'usage: node scripts/extract-openapi.mjs <@octokit/openapi dir | description.json> [out]',
  );
  process.exit(2);
}

const isDir = statSync(input).isDirectory();
const descriptionPath = isDir ? join(input, 'generated', 'api.github.com.json') : input;
const pkgPath = isDir ? join(input, 'package.json') : join(dirname(input), '..', 'package.json');
const pkg = existsSync(pkgPath) ? JSON.parse(readFileSync(pkgPath, 'utf8')) : {};
const doc = JSON.parse(readFileSync(descriptionPath, 'utf8'));
const out = resolve(outArg ?? join(here, '..', 'test', 'fixtures', 'openapi', 'schemas.json'));

/** Resolves a local JSON pointer such as `#/components/schemas/release`. */
function pointer(ref) {
  if (!ref.startsWith('#/')) throw new Error(`non-local $ref ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((node, key) => {
      if (node === undefined || !(key in node)) throw new Error(`dangling $ref ${ref}`);
      return node[key];
    }, doc);
}

/** Adds null to a schema that OpenAPI 3.0 marks `nullable`. */
function makeNullable(schema) {
  const s = { ...schema };
  if (typeof s.type === 'string') {
    s.type = [s.type, 'null'];
    if (Array.isArray(s.enum) && !s.enum.includes(null)) s.enum = [...s.enum, null];
    return s;
  }
  // No single type (allOf/anyOf/oneOf): allow null beside the whole schema.
  return { anyOf: [s, { type: 'null' }] };
}

/** Deep copy with every $ref inlined and `nullable` converted; `stack` catches cycles. */
function deref(node, stack = []) {
  if (Array.isArray(node)) return node.map((n) => deref(n, stack));
  if (node === null || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string') {
    if (stack.includes(node.$ref)) throw new Error(`cyclic $ref ${node.$ref}`);
    const { $ref, ...siblings } = node;
    return deref({ ...pointer($ref), ...siblings }, [...stack, $ref]);
  }
  const copy = {};
  let nullable = false;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'nullable') nullable = value === true;
    else if (!key.startsWith('x-')) copy[key] = deref(value, stack);
  }
  return nullable ? makeNullable(copy) : copy;
}

function requestBody(path, method) {
  const op = doc.paths[path]?.[method];
  const schema = op?.requestBody?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`no JSON request body for ${method.toUpperCase()} ${path}`);
  return { ...deref(schema), title: `${op.operationId} request body` };
}

/** The JSON body of an operation's success response (e.g. 200 or 201). */
function responseBody(path, method, status) {
  const op = doc.paths[path]?.[method];
  const res = op?.responses?.[status];
  const resolved = res?.$ref ? pointer(res.$ref) : res;
  const schema = resolved?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`no JSON ${status} response for ${method.toUpperCase()} ${path}`);
  return { ...deref(schema), title: `${op.operationId} ${status} response` };
}

function component(name) {
  const schema = doc.components.schemas[name];
  if (!schema) throw new Error(`no component schema ${name}`);
  return deref(schema);
}

/** OpenAPI's discriminator is not JSON Schema (ajv needs an option and literal `const`s). */
function withoutDiscriminator(schema) {
  const rest = { ...schema };
  delete rest.discriminator;
  return rest;
}

const releaseAsset = component('release-asset');
// GitHub serves state "starter" for the debris a broken upload leaves (the upload operation's own
// description says so) but the component's enum lists only uploaded/open: add it, and say so.
releaseAsset.properties.state.enum = [...releaseAsset.properties.state.enum, 'starter'];
const release = component('release');
release.properties.assets.items = releaseAsset;

const result = {
  source: {
    package: '@octokit/openapi',
    version: pkg.version ?? 'unknown',
    file: 'generated/api.github.com.json',
    openapi: doc.openapi,
    extractedAt: new Date().toISOString(),
  },
  notes: [
    'Every $ref is inlined; OpenAPI 3.0 `nullable: true` became a type union with "null".',
    'release-asset.state: "starter" added to the enum (GitHub serves it for broken uploads).',
    'Keywords kept as in the description, including `example`; validators must allow it.',
    'Vendor extensions (`x-github-...` keys) are dropped: they are not JSON Schema.',
    'get-authenticated-user-response: the discriminator is dropped (its oneOf alone decides).',
  ],
  schemas: {
    release,
    'release-asset': releaseAsset,
    'release-notes-content': component('release-notes-content'),
    'check-immutable-releases': component('check-immutable-releases'),
    'create-release-request': requestBody('/repos/{owner}/{repo}/releases', 'post'),
    'update-release-request': requestBody('/repos/{owner}/{repo}/releases/{release_id}', 'patch'),
    'update-release-asset-request': requestBody(
      '/repos/{owner}/{repo}/releases/assets/{asset_id}',
      'patch',
    ),
    'generate-release-notes-request': requestBody(
      '/repos/{owner}/{repo}/releases/generate-notes',
      'post',
    ),
    // The registry pull-request flow (src/github/pull-request.ts): user, repository and fork, git
    // refs/trees/commits, contents, pulls.
    'get-authenticated-user-response': withoutDiscriminator(responseBody('/user', 'get', '200')),
    'full-repository': component('full-repository'),
    'git-ref': component('git-ref'),
    'git-commit': component('git-commit'),
    'git-tree': component('git-tree'),
    'content-file': component('content-file'),
    'content-directory': component('content-directory'),
    'file-commit': component('file-commit'),
    'pull-request': component('pull-request'),
    'pull-request-simple': component('pull-request-simple'),
    'create-fork-request': requestBody('/repos/{owner}/{repo}/forks', 'post'),
    'create-ref-request': requestBody('/repos/{owner}/{repo}/git/refs', 'post'),
    'update-ref-request': requestBody('/repos/{owner}/{repo}/git/refs/{ref}', 'patch'),
    'create-tree-request': requestBody('/repos/{owner}/{repo}/git/trees', 'post'),
    'create-commit-request': requestBody('/repos/{owner}/{repo}/git/commits', 'post'),
    'create-or-update-file-contents-request': requestBody(
      '/repos/{owner}/{repo}/contents/{path}',
      'put',
    ),
    'create-pull-request-request': requestBody('/repos/{owner}/{repo}/pulls', 'post'),
    'update-pull-request-request': requestBody(
      '/repos/{owner}/{repo}/pulls/{pull_number}',
      'patch',
    ),
  },
};

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
console.log(`wrote ${out} from ${result.source.package}@${result.source.version}`);
