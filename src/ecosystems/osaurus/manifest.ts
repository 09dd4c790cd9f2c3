import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Config } from '../../config.ts';
import { ReleaseError, type Diagnostic } from '../../errors.ts';
import type { ProfileManifest } from '../types.ts';
import { JsonSyntaxError, parseJsonSource, type JsonSource } from '../../manifest/json-source.ts';
import type { KeyPath } from '../../manifest/locate.ts';
import { isSemver, parseArtifactName } from './semver.ts';

/**
 * `osaurus-manifest.json`: the JSON `osaurus manifest extract <dylib>` prints, saved by the
 * workflow. Its rules are the release CI's conformance lint plus the registry validator's, all
 * reported together with line and column.
 */
export const MANIFEST_FILE = 'osaurus-manifest.json';
export const PLUGIN_ID_RE = /^[a-z0-9]+(\.[a-z0-9_-]+)+$/;

/** The manifest as parsed, for the registry entry. */
export type OsaurusDoc = Record<string, unknown>;

export interface OsaurusManifest extends ProfileManifest {
  doc: OsaurusDoc;
}

type Issue = { path: KeyPath; message: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const filled = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

function checkTools(tools: unknown, issues: Issue[]): void {
  const at = ['capabilities', 'tools'];
  if (!Array.isArray(tools)) {
    issues.push({ path: at, message: 'capabilities.tools is required: an array of tools' });
    return;
  }
  const seen = new Map<string, number>();
  tools.forEach((tool: unknown, i) => {
    const path = [...at, i];
    if (!isObject(tool)) {
      issues.push({ path, message: `capabilities.tools[${i}] is not an object` });
      return;
    }
    const id = tool['id'];
    const label = filled(id) ? `tool '${id}'` : `capabilities.tools[${i}]`;
    if (!filled(id)) issues.push({ path: [...path, 'id'], message: `${label} has no id` });
    else if (seen.has(id)) {
      const first = seen.get(id)!;
      issues.push({
        path: [...path, 'id'],
        message: `duplicate tool id '${id}' (also capabilities.tools[${first}]); tool ids must be unique`,
      });
    } else seen.set(id, i);
    if (!filled(tool['description']))
      issues.push({ path, message: `${label} has no description (a non-empty string)` });
    for (const key of ['parameters', 'requirements', 'permission_policy']) {
      if (!(key in tool)) issues.push({ path, message: `${label} has no ${key}` });
    }
  });
}

function checkRoutes(routes: unknown, issues: Issue[]): void {
  if (routes === undefined || routes === null) return;
  const at = ['capabilities', 'routes'];
  if (!Array.isArray(routes)) {
    issues.push({ path: at, message: 'capabilities.routes is not an array' });
    return;
  }
  routes.forEach((route: unknown, i) => {
    if (!isObject(route) || !filled(route['id']))
      issues.push({ path: [...at, i], message: `capabilities.routes[${i}] has no id` });
  });
}

/** Every rule the manifest breaks (never just the first). Pure. */
export function checkManifest(doc: unknown): Issue[] {
  const issues: Issue[] = [];
  if (!isObject(doc)) return [{ path: [], message: 'the manifest is not a JSON object' }];
  const id = doc['plugin_id'];
  if (typeof id !== 'string' || !PLUGIN_ID_RE.test(id)) {
    issues.push({
      path: ['plugin_id'],
      message: `plugin_id ${JSON.stringify(id ?? null)} is not lowercase dot-separated (^[a-z0-9]+(\\.[a-z0-9_-]+)+$), e.g. 'osaurus.fetch' or 'mycompany.my-tool'`,
    });
  }
  const version = doc['version'];
  if (!isSemver(version)) {
    issues.push({
      path: ['version'],
      message: `version ${JSON.stringify(version ?? null)} is not strict SemVer, e.g. 1.2.0 or 1.2.0-beta.1`,
    });
  } else if (typeof id === 'string' && PLUGIN_ID_RE.test(id)) {
    const parsed = parseArtifactName(`${id}-${version}.zip`);
    if (parsed?.id !== id || parsed.version !== version) {
      issues.push({
        path: ['version'],
        message: `osaurus tools install would read ${id}-${version}.zip as ${parsed ? `id '${parsed.id}', version ${parsed.version}` : 'nothing'}; choose a version whose pre-release part holds no '-<x.y.z>'`,
      });
    }
  }
  if (!filled(doc['description']))
    issues.push({ path: ['description'], message: 'description is required: a non-empty string' });
  for (const key of ['name', 'license', 'min_macos']) {
    if (key in doc && typeof doc[key] !== 'string')
      issues.push({ path: [key], message: `${key} is not a string` });
  }
  if ('authors' in doc && !Array.isArray(doc['authors']))
    issues.push({ path: ['authors'], message: 'authors is not an array' });
  if ('min_osaurus' in doc && !isSemver(doc['min_osaurus'])) {
    issues.push({
      path: ['min_osaurus'],
      message: `min_osaurus ${JSON.stringify(doc['min_osaurus'])} is not SemVer, e.g. 0.5.0`,
    });
  }
  const caps = doc['capabilities'];
  if (!isObject(caps)) {
    issues.push({
      path: ['capabilities'],
      message: 'capabilities is required: an object with tools',
    });
  } else {
    checkTools(caps['tools'], issues);
    checkRoutes(caps['routes'], issues);
  }
  return issues;
}

function invalid(code: 'MANIFEST_PARSE' | 'MANIFEST_INVALID', file: string, d: Diagnostic[]) {
  const lines = d.map(
    (x) => `  ${x.location?.file}:${x.location?.line}:${x.location?.column}: ${x.message}`,
  );
  const what =
    code === 'MANIFEST_PARSE'
      ? 'is not valid JSON'
      : `has ${d.length} problem${d.length === 1 ? '' : 's'} the Osaurus release lint or registry validator rejects`;
  return new ReleaseError(code, `${file} ${what}:\n${lines.join('\n')}`, {
    location: d[0]?.location ?? { file },
    diagnostics: d,
  });
}

export async function readOsaurusManifest(config: Config): Promise<OsaurusManifest> {
  const file = config.manifestPath;
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new ReleaseError(
      'MANIFEST_NOT_FOUND',
      `manifest not found: ${file}; save it from the built library with \`osaurus manifest extract <plugin>.dylib > ${MANIFEST_FILE}\` (or pass manifest: <path>)`,
      { location: { file }, cause: e },
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalid('MANIFEST_PARSE', file, [
      { message: `${basename(file)} is not valid UTF-8; re-save it as UTF-8`, location: { file } },
    ]);
  }
  let where: JsonSource;
  try {
    where = parseJsonSource(text);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    const location = { file, line: e.line, column: e.column };
    const message = `${basename(file)} is not valid JSON: ${e.message}; fix the syntax at this position`;
    throw invalid('MANIFEST_PARSE', file, [{ message, location }]);
  }
  const doc = where.value;
  const issues = checkManifest(doc);
  if (issues.length > 0) {
    const diagnostics = issues.map((i) => ({
      message: i.message,
      location: { file, ...where.at(i.path) },
    }));
    // In reading order; the sort is stable, so issues at one place keep their rule order.
    diagnostics.sort(
      (a, b) => a.location.line - b.location.line || a.location.column - b.location.column,
    );
    throw invalid('MANIFEST_INVALID', file, diagnostics);
  }
  const d = doc as OsaurusDoc;
  const id = d['plugin_id'] as string;
  return {
    id,
    version: d['version'] as string,
    name: filled(d['name']) ? d['name'] : id,
    description: d['description'] as string,
    file,
    text,
    doc: d,
  };
}
