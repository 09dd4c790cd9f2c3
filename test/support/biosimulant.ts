import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../src/config.ts';
import { parseConfig } from '../../src/config.ts';
import type { RunContext } from '../../src/context.ts';
import { profile } from '../../src/ecosystems/biosimulant/index.ts';
import { resolveProfile } from '../../src/ecosystems/index.ts';
import { INPUTS } from '../../src/inputs.ts';
import { recordingReporter } from './fixture.ts';

/** A Biosimulant plugin folder for tests, and the config and context to run the profile on it. */
export const PLUGIN_JSON = `{
  "id": "cell-counter",
  "version": "1.2.0",
  "name": "Cell Counter",
  "description": "Counts cells.",
  "entrypoint": "bin/cell-counter",
  "platforms": ["linux", "macos"],
  "architectures": ["x86_64", "arm64"],
  "min_desktop_version": "0.9.0"
}
`;

export interface BsiRepo {
  dir: string;
  write(rel: string, body: string | Buffer, mode?: number): Promise<string>;
}

export async function makeBsiRepo(manifest = PLUGIN_JSON): Promise<BsiRepo> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bsi-'));
  const write = async (rel: string, body: string | Buffer, mode = 0o644) => {
    const p = path.join(dir, rel);
    await fs.mkdir(path.dirname(p), { recursive: true });
    await fs.writeFile(p, body);
    await fs.chmod(p, mode);
    return p;
  };
  await write('plugin.json', manifest);
  // The source modes are deliberately wrong: the package's modes depend only on the path.
  await write('bin/cell-counter', '#!/bin/sh\necho counting\n', 0o600);
  await write('runtime/lib/helper.py', 'print("help")\n', 0o644);
  await write('models/weights.bin', Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 251)));
  await write('x/bin/tool', 'not executable: not under a root bin/\n', 0o755);
  await write('empty.txt', '');
  return { dir, write };
}

function rawInputs(over: Record<string, string>): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const i of INPUTS) raw[i.name] = i.cliDefault ?? i.default;
  return { ...raw, ...over };
}

export async function bsiConfig(
  dir: string,
  inputs: Record<string, string> = {},
  env: Record<string, string | undefined> = {},
): Promise<Config> {
  const config = parseConfig(
    rawInputs({ 'source-date-epoch': '1700000000', ...inputs }),
    { ...env },
    dir,
  );
  return (await resolveProfile(config)).config;
}

export function bsiContext(config: Config) {
  const reporter = recordingReporter();
  const ctx: RunContext = { config, profile, reporter, state: {} };
  return { ctx, reporter };
}

/** A fresh Ed25519 key from openssl: the PEM and the raw public key in base64. */
export function opensslKey(
  dir: string,
  name = 'key.pem',
): { pem: string; file: string; publicKey: string } {
  const file = path.join(dir, name);
  execFileSync('openssl', ['genpkey', '-algorithm', 'ed25519', '-out', file]);
  const der = execFileSync('openssl', ['pkey', '-in', file, '-pubout', '-outform', 'DER']);
  return {
    pem: execFileSync('cat', [file]).toString(),
    file,
    publicKey: der.subarray(der.length - 32).toString('base64'),
  };
}

/** Reads a package and writes it again (same order, modes and date) after `edit` changed the
 * entries' bytes: "a file changed and re-zipped". */
export async function rezip(
  file: string,
  edit: (files: Map<string, Buffer>) => void,
  out = file,
): Promise<void> {
  const { readZip } = await import('../../src/archive/zip-read.ts');
  const { writeZip } = await import('../../src/archive/zip.ts');
  const { createWriteStream } = await import('node:fs');
  const zip = readZip(await fs.readFile(file));
  const files = new Map(zip.entries.map((e) => [e.name, zip.readEntry(e)]));
  const modes = new Map(zip.entries.map((e) => [e.name, e.unixMode & 0o7777]));
  edit(files);
  const entries = [...files].map(([p, data]) => ({
    path: p,
    type: 'file' as const,
    mode: modes.get(p) ?? 0o644,
    data,
  }));
  await writeZip(entries, createWriteStream(out), { mtime: 1_700_000_000, compressionLevel: 6 });
}
