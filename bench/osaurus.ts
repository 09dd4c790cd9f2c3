/**
 * Osaurus pack: `plugin-release pack --ecosystem osaurus` (the real CLI, a child process) on a
 * large dylib of machine code plus the plugin's documents, against `zip -q -r -6` of the same
 * files (what the Osaurus release workflow runs), interleaved per run. Ours also hashes the zip
 * and writes its `.sha256`, and scans every file for private keys; zip does neither.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measureOk, type Measured, type Probe } from './lib/measure.ts';
import { writeMachineCode } from './lib/payload.ts';
import { describeLoad, type LoadWatch } from './lib/quiet.ts';
import { check, interleave, series, MIB, type Check, type Series } from './lib/stats.ts';

export interface OsaurusOptions {
  work: string;
  cli: string;
  dylibBytes: number;
  runs: number;
  level: number;
  probe: Probe;
  log: (line: string) => void;
  watch: LoadWatch;
}

export interface OsaurusResult {
  payload: { dylibBytes: number; files: string[] };
  zip: { command: string; wallMs: Series; cpuS: Series | null };
  ours: { command: string; wallMs: Series; cpuS: Series | null; maxRssMiB: Series };
  sizes: { ours: number; zip: number };
  ratio: number;
  checks: Check[];
}

const ID = 'bench.osaurus';
const MANIFEST = `${JSON.stringify({
  plugin_id: ID,
  version: '1.0.0',
  description: 'Benchmark payload of machine code.',
  capabilities: {
    tools: [
      { id: 'noop', description: 'x', parameters: {}, requirements: [], permission_policy: 'ask' },
    ],
  },
})}\n`;
const DOCS = {
  'README.md': '# Bench\n\nA large plugin library.\n',
  'SKILL.md': '---\nname: bench\ndescription: Benchmark.\n---\n',
};
const cpu = (m: Measured) =>
  m.userS === undefined || m.sysS === undefined ? undefined : m.userS + m.sysS;
const seriesOrNull = (xs: (number | undefined)[]) =>
  xs.every((x) => x !== undefined) ? series(xs as number[]) : null;

/**
 * Libraries under /usr/lib embed PEM test keys, which pack rightly refuses to ship; the payload
 * gets those markers broken (a byte each), so both sides compress the same harmless bytes.
 */
function defuseKeyBlocks(file: string): void {
  const bytes = fs.readFileSync(file);
  const mark = Buffer.from('PRIVATE KEY-----');
  for (let at = bytes.indexOf(mark); at >= 0; at = bytes.indexOf(mark, at + 1)) bytes[at] = 0x58;
  fs.writeFileSync(file, bytes);
}

export async function benchOsaurus(o: OsaurusOptions): Promise<OsaurusResult> {
  const repo = path.join(o.work, 'osaurus');
  fs.mkdirSync(repo, { recursive: true });
  o.log(
    `osaurus: cutting a ${o.dylibBytes / MIB} MiB dylib of machine code from /usr/bin, /usr/lib`,
  );
  const dylib = path.join(repo, 'libBench.dylib');
  writeMachineCode([dylib], o.dylibBytes);
  defuseKeyBlocks(dylib);
  fs.writeFileSync(path.join(repo, 'osaurus-manifest.json'), MANIFEST);
  for (const [name, text] of Object.entries(DOCS)) fs.writeFileSync(path.join(repo, name), text);
  const files = ['libBench.dylib', ...Object.keys(DOCS)];
  const zipOut = path.join(o.work, 'osaurus-zip', `${ID}-1.0.0.zip`);
  fs.mkdirSync(path.dirname(zipOut), { recursive: true });
  const env = { PATH: process.env.PATH, HOME: process.env.HOME ?? os.homedir() };
  const args = [
    o.cli,
    'pack',
    '--ecosystem',
    'osaurus',
    '--source-date-epoch',
    '1700000000',
    '--compression-level',
    String(o.level),
  ];
  const zipArgs = ['-q', '-r', `-${o.level}`, zipOut, ...files];
  const oursRuns: Measured[] = [];
  const zipRuns: Measured[] = [];
  const samples = await interleave(
    o.runs,
    [
      {
        key: 'zip',
        run: async () => {
          fs.rmSync(zipOut, { force: true });
          const m = await measureOk('zip', zipArgs, { cwd: repo, env, probe: o.probe });
          zipRuns.push(m);
          return m.wallMs;
        },
      },
      {
        key: 'ours',
        run: async () => {
          fs.rmSync(path.join(repo, 'dist'), { recursive: true, force: true });
          const m = await measureOk('node', args, { cwd: repo, env, probe: o.probe });
          oursRuns.push(m);
          return m.wallMs;
        },
      },
    ],
    o.watch,
    (key, i, v, load) =>
      o.log(
        `osaurus: run ${i + 1}/${o.runs} ${key} ${(v / 1000).toFixed(2)} s${describeLoad(load)}`,
      ),
  );
  const sizes = {
    ours: fs.statSync(path.join(repo, 'dist', `${ID}-1.0.0.zip`)).size,
    zip: fs.statSync(zipOut).size,
  };
  const wall = {
    zip: series(samples.zip.values, samples.zip.load),
    ours: series(samples.ours.values, samples.ours.load),
  };
  const ratio = wall.ours.median / wall.zip.median;
  // Signed: smaller than zip's is better, not a miss; the target bounds the growth.
  const sizeDiff = ((sizes.ours - sizes.zip) / sizes.zip) * 100;
  const mib = `${Math.round(o.dylibBytes / MIB)} MiB`;
  return {
    payload: { dylibBytes: o.dylibBytes, files },
    zip: {
      command: `zip ${zipArgs.join(' ').replace(zipOut, '<zip>')}`,
      wallMs: wall.zip,
      cpuS: seriesOrNull(zipRuns.map(cpu)),
    },
    ours: {
      command: `node dist/cli.js ${args.slice(1).join(' ')}`,
      wallMs: wall.ours,
      cpuS: seriesOrNull(oursRuns.map(cpu)),
      maxRssMiB: series(oursRuns.map((m) => m.maxRssKiB! / 1024)),
    },
    sizes,
    ratio,
    checks: [
      check(
        'osaurus.vs-zip',
        `osaurus pack + sha256 of a ${mib} dylib vs zip -q -r -${o.level} (wall, ratio of medians)`,
        ratio,
        '<=',
        0.5,
        'x',
        'ratio',
      ),
      check(
        'osaurus.size',
        `osaurus zip size vs zip -${o.level} of the same files (+ larger, - smaller)`,
        sizeDiff,
        '<=',
        1,
        '%',
        'size',
      ),
    ],
  };
}
