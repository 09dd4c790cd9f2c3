import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseConfig, type Config } from '../../src/config.ts';
import type { RunContext } from '../../src/context.ts';
import { profile } from '../../src/ecosystems/pryzm/index.ts';
import { INPUTS } from '../../src/inputs.ts';
import { baseEnv, recordingReporter } from './fixture.ts';

/** PRYZM test scaffolding: a plugin package on disk, a seed, a run context for the profile. */
export function pryzmManifest(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    pryzmPlugin: '1.0',
    id: 'wall-counter',
    version: '1.2.3',
    displayName: 'Wall Counter · Zähler 壁',
    description: 'Counts walls. «Ünïcödé», emoji 😀 and a tab\there.',
    author: 'Ada <ada@example.com>',
    main: 'build/plugin.js',
    permissions: ['read:project', 'register:panel'],
    contributions: [
      { kind: 'panel', id: 'wall-count', location: 'sidebar-right', label: 'Wände' },
      { kind: 'command', id: 'count', label: 'Count walls', keybinding: 'Ctrl+Shift+W' },
    ],
    minPRYZMVersion: '1.0.0',
    ...over,
  };
}

export interface PryzmPlugin {
  dir: string;
  write(rel: string, body: string | Buffer): Promise<string>;
  cleanup(): Promise<void>;
}

export async function makePryzmPlugin(
  opts: {
    manifest?: Record<string, unknown> | string;
    pkg?: Record<string, unknown>;
  } = {},
): Promise<PryzmPlugin> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'prt-pryzm-'));
  const write = async (rel: string, body: string | Buffer) => {
    const p = path.join(dir, rel);
    await fs.mkdir(path.dirname(p), { recursive: true });
    await fs.writeFile(p, body);
    return p;
  };
  const manifest =
    typeof opts.manifest === 'string'
      ? opts.manifest
      : `${JSON.stringify(opts.manifest ?? pryzmManifest(), null, 2)}\n`;
  await write('plugin.manifest.json', manifest);
  const pkg = {
    name: '@acme/wall-counter',
    version: '1.2.3',
    main: 'build/plugin.js',
    files: ['build/', 'plugin.manifest.json'],
    license: 'MIT',
    ...opts.pkg,
  };
  await write('package.json', `${JSON.stringify(pkg, null, 2)}\n`);
  await write('build/plugin.js', 'export function activate(ctx) { return ctx; }\n');
  return { dir, write, cleanup: () => fs.rm(dir, { recursive: true, force: true }) };
}

export function newSeed(): Buffer {
  return randomBytes(32);
}

export function pryzmConfig(
  dir: string,
  inputs: Record<string, string> = {},
  env: Record<string, string | undefined> = {},
): Config {
  const raw: Record<string, string> = {};
  for (const i of INPUTS) raw[i.name] = i.cliDefault ?? i.default;
  Object.assign(raw, { ecosystem: 'pryzm', manifest: 'plugin.manifest.json', ...inputs });
  return parseConfig(raw, { ...baseEnv(), SOURCE_DATE_EPOCH: undefined, ...env }, dir);
}

export function pryzmContext(config: Config) {
  const reporter = recordingReporter();
  const ctx: RunContext = { config, profile, reporter, state: {} };
  return { ctx, reporter };
}
