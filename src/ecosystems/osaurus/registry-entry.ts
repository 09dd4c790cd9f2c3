import { ReleaseError } from '../../errors.ts';
import type { OsaurusDoc } from './manifest.ts';
import { compareSemver, isSemver } from './semver.ts';

/**
 * `plugins/<plugin_id>.json` of the osaurus-tools registry, written as the release CI
 * (`build-plugin.yml`, "Generate registry manifest") writes it: its fields in its order, 2-space
 * JSON and a trailing LF, plus `size` on the artifact and `requires` on the version. Merging into
 * the registry's current entry replaces `capabilities`, `skill` and `docs`, keeps every other
 * top-level field, puts this version in place of any entry for the same version and re-sorts the
 * versions newest first. The minisign key never changes (the validator's immutability rule).
 */
export type Entry = Record<string, unknown>;

export interface EntryFacts {
  doc: OsaurusDoc;
  /** `<server>/<owner>/<repo>` of the plugin's repository. */
  homepage: string;
  owner: string;
  publicKey: string;
  url: string;
  sha256: string;
  size: number;
  /** The whole `.minisig` text. */
  signature: string;
  epoch: number;
  /** SKILL.md's text when the plugin has one. */
  skillText: string | undefined;
  hasReadme: boolean;
  hasChangelog: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
/** jq's `a // b`: b when a is null, false or absent. */
const or = <T>(v: unknown, d: T): unknown => (v === undefined || v === null || v === false ? d : v);

/** `(.name = .id) | del(.id, .parameters, .requirements, .permission_policy)`, key order kept. */
function toolSummary(tool: unknown): unknown {
  if (!isObject(tool)) return tool;
  const out: Record<string, unknown> = { ...tool, name: tool['id'] ?? null };
  for (const k of ['id', 'parameters', 'requirements', 'permission_policy']) delete out[k];
  return out;
}

/** The CI's SKILL.md frontmatter read: `sed -n '/^---$/,/^---$/p' | sed '1d;$d'`, then grep. */
export function skillSummary(text: string): { name: string; description: string } {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const kept: string[] = [];
  let inside = false;
  for (const line of lines) {
    if (inside) {
      kept.push(line);
      if (line === '---') inside = false;
    } else if (line === '---') {
      kept.push(line);
      inside = true;
    }
  }
  const front = kept.slice(1, -1);
  const field = (key: string) =>
    front.find((l) => l.startsWith(`${key}:`))?.replace(new RegExp(`^${key}:\\s*`), '') ?? '';
  return { name: field('name'), description: field('description') };
}

function capabilities(f: EntryFacts): Entry {
  const caps = isObject(f.doc['capabilities']) ? f.doc['capabilities'] : {};
  const out: Entry = { tools: (or(caps['tools'], []) as unknown[]).map(toolSummary) };
  if (f.skillText !== undefined) out['skills'] = [skillSummary(f.skillText)];
  const routes = (or(caps['routes'], []) as unknown[]).map((r) => {
    const route = isObject(r) ? r : {};
    return {
      name: or(route['id'], route['name'] ?? null),
      description: or(route['description'], ''),
    };
  });
  if (routes.length > 0) out['routes'] = routes;
  return out;
}

function docs(f: EntryFacts): Entry | undefined {
  const manifestDocs = or(f.doc['docs'], {});
  const hasManifestDocs = !(isObject(manifestDocs) && Object.keys(manifestDocs).length === 0);
  if (!f.hasReadme && !f.hasChangelog && !hasManifestDocs) return undefined;
  const out: Entry = {};
  if (f.hasReadme) out['readme'] = 'README.md';
  if (f.hasChangelog) out['changelog'] = 'CHANGELOG.md';
  const links = isObject(manifestDocs) ? or(manifestDocs['links'], []) : [];
  if (!(Array.isArray(links) && links.length === 0)) out['links'] = links;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The UTC date of the source date, as `date -u +%Y-%m-%d` prints it. */
export function releaseDate(epoch: number): string {
  return new Date(epoch * 1000).toISOString().slice(0, 10);
}

/** The entry of this release alone, fields in the CI's order. */
export function buildEntry(f: EntryFacts): Entry {
  const d = f.doc;
  const id = d['plugin_id'] as string;
  const last = id.split('.').at(-1)!;
  const minMacos = or(d['min_macos'], '13.0');
  const minOsaurus = or(d['min_osaurus'], '0.5.0');
  const entry: Entry = {
    plugin_id: id,
    name: or(d['name'], '') || last.charAt(0).toUpperCase() + last.slice(1),
    description: or(d['description'], ''),
    homepage: f.homepage,
    license: or(d['license'], 'MIT'),
    authors: or(d['authors'], [f.owner]),
    capabilities: capabilities(f),
    public_keys: { minisign: f.publicKey },
    requires: { min_macos: minMacos, osaurus_min_version: minOsaurus },
    versions: [
      {
        version: d['version'],
        release_date: releaseDate(f.epoch),
        requires: { osaurus_min_version: minOsaurus },
        artifacts: [
          {
            os: 'macos',
            arch: 'arm64',
            url: f.url,
            sha256: f.sha256,
            size: f.size,
            min_macos: minMacos,
            minisign: { signature: f.signature },
          },
        ],
      },
    ],
  };
  // `$(cat SKILL.md)` in the CI: trailing newlines dropped.
  const skill = f.skillText?.replace(/\n+$/, '');
  if (skill) entry['skill'] = skill;
  const docsObj = docs(f);
  if (docsObj !== undefined) entry['docs'] = docsObj;
  return entry;
}

export function formatEntry(entry: Entry): string {
  return `${JSON.stringify(entry, null, 2)}\n`;
}

/** The registered key of an entry, or undefined when it has none yet. */
export function registeredKey(entry: unknown): string | undefined {
  const keys = isObject(entry) ? entry['public_keys'] : undefined;
  const key = isObject(keys) ? keys['minisign'] : undefined;
  return typeof key === 'string' && key !== '' ? key : undefined;
}

/** Parses a current entry; REGISTRY_ENTRY when it is not a JSON object. */
export function parseEntry(text: string, where: string): Entry {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ReleaseError('REGISTRY_ENTRY', `${where} is not JSON: ${(e as Error).message}`, {
      location: { file: where },
    });
  }
  if (!isObject(value))
    throw new ReleaseError('REGISTRY_ENTRY', `${where} is not a JSON object`, {
      location: { file: where },
    });
  return value;
}

/** Throws REGISTRY_KEY_CHANGED when `base` registers a key other than `mine`. */
export function checkKeyUnchanged(base: Entry, mine: string, where: string): void {
  const theirs = registeredKey(base);
  if (theirs !== undefined && theirs !== mine) {
    throw new ReleaseError(
      'REGISTRY_KEY_CHANGED',
      `${where} registers minisign key ${theirs}, but this release is signed with ${mine}. The registry never accepts a key change; sign with the registered key`,
      { location: { file: where } },
    );
  }
}

/** Merges `ours` (one version) into `base`. Throws REGISTRY_KEY_CHANGED for another key. */
export function mergeEntry(base: Entry, ours: Entry, where: string): Entry {
  const mine = registeredKey(ours)!;
  checkKeyUnchanged(base, mine, where);
  const theirs = registeredKey(base);
  const out: Entry = { ...base };
  if (theirs === undefined)
    out['public_keys'] = {
      ...(isObject(base['public_keys']) ? base['public_keys'] : {}),
      minisign: mine,
    };
  for (const key of ['capabilities', 'skill', 'docs']) {
    if (key in ours) out[key] = ours[key];
    else delete out[key];
  }
  const version = (ours['versions'] as Entry[])[0]!;
  const older = Array.isArray(base['versions']) ? (base['versions'] as unknown[]) : [];
  const kept = older.filter((v) => !(isObject(v) && v['version'] === version['version']));
  const all = [version, ...kept];
  const key = (v: unknown) => (isObject(v) && isSemver(v['version']) ? v['version'] : undefined);
  // Newest first by SemVer precedence; the sort is stable, unparseable versions go last.
  out['versions'] = all.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === undefined || kb === undefined)
      return (ka === undefined ? 1 : 0) - (kb === undefined ? 1 : 0);
    return compareSemver(kb, ka);
  });
  return out;
}
