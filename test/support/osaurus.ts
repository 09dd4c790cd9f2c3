import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseConfig, type Config } from '../../src/config.ts';
import type { RunContext } from '../../src/context.ts';
import { profile } from '../../src/ecosystems/osaurus/index.ts';
import { INPUTS } from '../../src/inputs.ts';
import { recordingReporter } from './fixture.ts';

/**
 * An Osaurus plugin folder for the tests: the manifest `osaurus manifest extract` would print, a
 * fake dylib (random bytes, so the extractor's ratio limit never trips), and documents.
 */
export function osaurusManifest(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    plugin_id: 'osaurus.demo',
    name: 'Demo',
    version: '1.2.3',
    description: 'A demo plugin.',
    license: 'MIT',
    authors: ['Demo Author'],
    min_macos: '14.0',
    min_osaurus: '0.6.0',
    capabilities: {
      tools: [
        {
          id: 'echo',
          description: 'Echoes its input.',
          parameters: { type: 'object', properties: { text: { type: 'string' } } },
          requirements: [],
          permission_policy: 'auto',
        },
      ],
    },
    ...over,
  };
}

export interface OsaurusRepo {
  dir: string;
  dylib: Buffer;
  write(rel: string, body: string | Buffer): Promise<string>;
  config(inputs?: Record<string, string>, env?: Record<string, string | undefined>): Config;
  ctx(
    inputs?: Record<string, string>,
    env?: Record<string, string | undefined>,
  ): RunContext & {
    reporter: ReturnType<typeof recordingReporter>;
  };
  cleanup(): Promise<void>;
}

export async function makeOsaurusRepo(
  o: { manifest?: Record<string, unknown> | string; dylibSize?: number; docs?: boolean } = {},
): Promise<OsaurusRepo> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'prt-osaurus-'));
  const write = async (rel: string, body: string | Buffer) => {
    const p = path.join(dir, rel);
    await fs.mkdir(path.dirname(p), { recursive: true });
    await fs.writeFile(p, body);
    return p;
  };
  const manifest = o.manifest ?? osaurusManifest();
  await write(
    'osaurus-manifest.json',
    typeof manifest === 'string' ? manifest : `${JSON.stringify(manifest, null, 2)}\n`,
  );
  const dylib = randomBytes(o.dylibSize ?? 40_000);
  await write('libOsaurusDemo.dylib', dylib);
  if (o.docs !== false) {
    await write('README.md', '# Demo\n');
    await write(
      'SKILL.md',
      '---\nname: demo-skill\ndescription: Does demo things.\n---\n\n# Skill\n',
    );
    await write('web/index.html', '<h1>demo</h1>\n');
  }
  const config = (inputs: Record<string, string> = {}, env = {}) => {
    const raw: Record<string, string> = {};
    for (const i of INPUTS) raw[i.name] = i.cliDefault ?? i.default;
    Object.assign(raw, { ecosystem: 'osaurus', 'source-date-epoch': '1700000000' }, inputs);
    const c = parseConfig(raw, env, dir);
    return { ...c, manifestPath: path.join(dir, 'osaurus-manifest.json') };
  };
  return {
    dir,
    dylib,
    write,
    config,
    ctx: (inputs = {}, env = {}) => ({
      config: config(inputs, env),
      profile,
      reporter: recordingReporter(),
      state: {},
    }),
    cleanup: () => fs.rm(dir, { recursive: true, force: true }),
  };
}
