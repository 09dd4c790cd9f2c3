/**
 * `npm run bench` (= node bench/run.ts): every comparison of issues #6 and #13 in one go, each
 * pair interleaved over several runs, printed as medians with min–max, ratios and pass/fail
 * (and informational rows without a target), and written to bench/results.json.
 *
 *   node bench/run.ts [--runs N] [--only pack,publish,sign] [--out FILE] [--probe auto|time|wrapper]
 *                     [--settle S]   wait up to S seconds for idle cores before each sample
 *   node bench/run.ts --smoke [--out FILE]   tiny sizes, one run (what test/bench.test.ts runs)
 *   node bench/run.ts --write-md [--out FILE] [--md FILE]   BENCHMARKS.md from a results file
 *
 * Needs a built CLI (npm run build). Inputs are generated or cut from this machine's binaries
 * into a temporary directory, removed at the end. The exit code is 0 even when a target is
 * missed (the results say so); it is 1 only when the benchmark itself failed.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { format, resolveConfig } from 'prettier';
import { describeMachine, loadAverage } from './lib/machine.ts';
import { resolveProbe, type Probe } from './lib/measure.ts';
import { LoadWatch } from './lib/quiet.ts';
import type { Results } from './lib/results.ts';
import { check, MIB } from './lib/stats.ts';
import { benchOsaurus } from './osaurus.ts';
import { benchPack } from './pack.ts';
import { benchPublish } from './publish.ts';
import { renderConsole, renderMarkdown } from './report.ts';
import { benchSign } from './sign.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SECTIONS = ['pack', 'publish', 'sign', 'osaurus'] as const;
type Section = (typeof SECTIONS)[number];

const TARGETS = [
  'x86_64-unknown-linux-gnu',
  'aarch64-unknown-linux-gnu',
  'x86_64-unknown-linux-musl',
  'aarch64-unknown-linux-musl',
  'x86_64-apple-darwin',
  'aarch64-apple-darwin',
  'x86_64-pc-windows-msvc',
  'aarch64-pc-windows-msvc',
];

/** Sizes per mode. Full: the issue's. Smoke: small enough for the test suite. */
const SIZES = {
  full: {
    runs: 5,
    pack: { partBytes: 50 * MIB, parts: 4 },
    publish: { targets: 8, binaryBytes: 5 * MIB, bigAssetBytes: 1536 * MIB, latencyMs: 100 },
    sign: { tarballs: 8, tarballBytes: 5 * MIB, latencyMs: 50 },
    osaurus: { dylibBytes: 200 * MIB },
  },
  smoke: {
    runs: 1,
    pack: { partBytes: 1 * MIB, parts: 2 },
    publish: { targets: 2, binaryBytes: 64 * 1024, bigAssetBytes: 16 * MIB, latencyMs: 5 },
    sign: { tarballs: 2, tarballBytes: 64 * 1024, latencyMs: 5 },
    osaurus: { dylibBytes: 2 * MIB },
  },
};

function sourceInfo(cli: string): Results['source'] {
  const git = (args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  };
  return {
    commit: git(['rev-parse', '--short', 'HEAD']) || 'unknown',
    dirtyFiles: git(['status', '--porcelain', '--', 'src', 'dist']).split('\n').filter(Boolean)
      .length,
    cli: path.relative(ROOT, cli),
    cliSha256: createHash('sha256').update(fs.readFileSync(cli)).digest('hex'),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      smoke: { type: 'boolean', default: false },
      runs: { type: 'string' },
      only: { type: 'string' },
      out: { type: 'string' },
      md: { type: 'string', default: path.join(ROOT, 'BENCHMARKS.md') },
      'write-md': { type: 'boolean', default: false },
      probe: { type: 'string', default: 'auto' },
      cli: { type: 'string', default: path.join(ROOT, 'dist', 'cli.js') },
      settle: { type: 'string', default: '0' },
    },
    strict: true,
  });
  const out = path.resolve(values.out ?? path.join(ROOT, 'bench', 'results.json'));
  if (values['write-md']) {
    const results = JSON.parse(fs.readFileSync(out, 'utf8')) as Results;
    fs.writeFileSync(values.md, `${renderMarkdown(results)}\n`);
    console.log(`wrote ${values.md} from ${out}`);
    return;
  }
  const mode = values.smoke ? SIZES.smoke : SIZES.full;
  const runs = values.runs === undefined ? mode.runs : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
  const only = (values.only?.split(',') ?? [...SECTIONS]) as Section[];
  for (const s of only) if (!SECTIONS.includes(s)) throw new Error(`--only: unknown section ${s}`);
  if (!['auto', 'time', 'wrapper'].includes(values.probe))
    throw new Error('--probe: auto|time|wrapper');
  const probe: Probe = resolveProbe(values.probe as 'auto' | Probe);
  const settle = Number(values.settle);
  if (!Number.isFinite(settle) || settle < 0) throw new Error('--settle: seconds >= 0');
  const cli = path.resolve(values.cli);
  if (!fs.existsSync(cli)) throw new Error(`${cli} does not exist: run npm run build first`);

  const started = new Date();
  const t0 = performance.now();
  const load = { before: loadAverage(), after: [] as number[] };
  const log = (line: string) =>
    console.log(`[${((performance.now() - t0) / 1000).toFixed(1)} s] ${line}`);
  const watch = new LoadWatch(os.availableParallelism(), settle);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'plugin-release-bench-'));
  const results: Results = {
    schema: 1,
    smoke: values.smoke,
    command: `node bench/run.ts ${process.argv.slice(2).join(' ')}`.trim(),
    startedAt: started.toISOString(),
    finishedAt: '',
    durationS: 0,
    runs,
    settleS: settle,
    settledS: 0,
    probe,
    machine: describeMachine(),
    load,
    source: sourceInfo(cli),
    checks: [],
  };
  // What every section takes; pack and publish also run the CLI under the RSS probe.
  const common = { work, runs, log, watch };
  try {
    if (only.includes('pack')) {
      results.pack = await benchPack({ ...common, cli, probe, level: 6, ...mode.pack });
    }
    if (only.includes('publish')) {
      const { targets, ...rest } = mode.publish;
      results.publish = await benchPublish({
        ...common,
        cli,
        probe,
        targets: TARGETS.slice(0, targets),
        ...rest,
      });
    }
    if (only.includes('sign')) {
      results.sign = await benchSign({ ...common, concurrency: 4, ...mode.sign });
    }
    if (only.includes('osaurus')) {
      results.osaurus = await benchOsaurus({ ...common, cli, probe, level: 6, ...mode.osaurus });
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  results.finishedAt = new Date().toISOString();
  results.durationS = (performance.now() - t0) / 1000;
  load.after = loadAverage();
  results.settledS = watch.waitedS;
  results.checks = [
    ...(results.pack?.checks ?? []),
    ...(results.publish?.checks ?? []),
    ...(results.sign?.checks ?? []),
    ...(results.osaurus?.checks ?? []),
  ];
  results.info = [...(results.publish?.info ?? [])];
  if (!values.smoke && only.length === SECTIONS.length) {
    results.checks.push(
      check(
        'suite.duration',
        'the whole suite, wall time',
        results.durationS,
        '<=',
        600,
        's',
        'duration',
      ),
    );
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // Formatted as the repository's prettier config wants, so `npm run lint` accepts the file.
  const json = await format(JSON.stringify(results), {
    ...(await resolveConfig(out)),
    parser: 'json',
  });
  fs.writeFileSync(out, json);
  console.log(renderConsole(results));
  console.log(`\nresults: ${out}`);
}

try {
  await main();
} catch (e) {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exitCode = 1;
}
