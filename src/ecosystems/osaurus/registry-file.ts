import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config.ts';
import { ReleaseError } from '../../errors.ts';
import { publicKeyLine } from './key.ts';
import type { OsaurusManifest } from './manifest.ts';
import {
  buildEntry,
  formatEntry,
  mergeEntry,
  parseEntry,
  registeredKey,
  type Entry,
} from './registry-entry.ts';
import { validateEntry } from './registry-validate.ts';

/**
 * The registry entry of this release from what the run knows: the manifest, the packed zip and
 * its `.minisig`, the plugin's repository and tag (for the download URL), and the plugin's
 * SKILL.md, README.md and CHANGELOG.md in working-directory (as the CI reads them).
 */
export interface ReleasedZip {
  name: string;
  sha256: string;
  size: number;
  signature: string;
  epoch: number;
}

async function textIfFile(file: string): Promise<string | undefined> {
  const st = await fs.stat(file).catch(() => undefined);
  return st?.isFile() ? fs.readFile(file, 'utf8') : undefined;
}

/** Why the entry cannot be written in this run, or undefined. */
export function entryPrerequisite(config: Config): string | undefined {
  if (config.osaurus.minisignSecretKey === '')
    return 'the registry entry needs the minisign signature: pass minisign-secret-key';
  if (config.repo === undefined)
    return "the registry entry's download URL needs the plugin's repository: pass repo (or run in GitHub Actions)";
  if (config.tag === undefined)
    return `the registry entry's download URL needs the tag: ${config.tagHint}`;
  return undefined;
}

export function downloadUrl(config: Config, name: string): string {
  const repo = config.repo!;
  return `${config.serverUrl}/${repo.owner}/${repo.name}/releases/download/${config.tag}/${name}`;
}

export async function entryOf(
  config: Config,
  m: OsaurusManifest,
  zip: ReleasedZip,
): Promise<Entry> {
  const why = entryPrerequisite(config);
  if (why !== undefined) throw new ReleaseError('USAGE', why);
  const repo = config.repo!;
  const dir = config.workingDirectory;
  return buildEntry({
    doc: m.doc,
    homepage: `${config.serverUrl}/${repo.owner}/${repo.name}`,
    owner: repo.owner,
    publicKey: publicKeyLine(config),
    url: downloadUrl(config, zip.name),
    sha256: zip.sha256,
    size: zip.size,
    signature: zip.signature,
    epoch: zip.epoch,
    skillText: await textIfFile(path.join(dir, 'SKILL.md')),
    hasReadme: (await textIfFile(path.join(dir, 'README.md'))) !== undefined,
    hasChangelog: (await textIfFile(path.join(dir, 'CHANGELOG.md'))) !== undefined,
  });
}

/** Merges into `baseText` when given, validates every registry rule, returns the file text. */
export function finishEntry(
  ours: Entry,
  base: { text: string; where: string } | undefined,
): { text: string; baseKey: string | undefined } {
  const baseEntry = base === undefined ? undefined : parseEntry(base.text, base.where);
  const merged = baseEntry === undefined ? ours : mergeEntry(baseEntry, ours, base!.where);
  const text = formatEntry(merged);
  const id = ours['plugin_id'] as string;
  const baseKey = registeredKey(baseEntry);
  const problems = validateEntry(text, id, baseKey);
  if (problems.length > 0) {
    throw new ReleaseError(
      'REGISTRY_ENTRY',
      `the registry entry plugins/${id}.json would fail the osaurus-tools validator: ${problems.map((p) => p.message).join('; ')}`,
    );
  }
  return { text, baseKey };
}

/** Reads `registry-base` when it is set. */
export async function readBase(
  config: Config,
): Promise<{ text: string; where: string } | undefined> {
  const file = config.registry.base;
  if (file === undefined) return undefined;
  const text = await fs.readFile(file, 'utf8').catch((e: unknown) => {
    throw new ReleaseError(
      'REGISTRY_ENTRY',
      `registry-base ${file} cannot be read: ${(e as Error).message}; pass the path of the current plugins/<plugin_id>.json (e.g. from a checkout of the registry)`,
      { location: { file } },
    );
  });
  return { text, where: file };
}

/** `registry-entry`: a file path, or a directory to write `<plugin_id>.json` into. */
export async function entryPath(config: Config, id: string): Promise<string> {
  const file = config.registry.entry!;
  const st = await fs.stat(file).catch(() => undefined);
  return st?.isDirectory() ? path.join(file, `${id}.json`) : file;
}

/** Writes the `registry-entry` file (merged with `registry-base`); returns its path. */
export async function writeRegistryEntry(
  config: Config,
  m: OsaurusManifest,
  zip: ReleasedZip,
): Promise<string> {
  const file = await entryPath(config, m.id);
  const { text } = finishEntry(await entryOf(config, m, zip), await readBase(config));
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, text);
  return file;
}
