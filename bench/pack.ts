/**
 * Pack: `plugin-release pack` (the real CLI, a child process) against the publishing guide's
 * own pipeline (`tar -czf` then `sha256sum`) on the same files, and against the machine's zlib
 * ceiling (N threads deflating in memory at the same level). Interleaved per run: guide, ours,
 * zlib ceiling, our deflater's own ceiling (informational), ours on the first payload file alone
 * (peak RSS at a second payload size).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measureOk, type Measured, type Probe } from './lib/measure.ts';
import {
  EPOCH,
  ID,
  MANIFEST,
  TARGET,
  makeRepo,
  makeStage,
  recompress,
  type Layout,
} from './lib/pack-inputs.ts';
import { writeMachineCode } from './lib/payload.ts';
import { describeLoad, type LoadWatch } from './lib/quiet.ts';
import { check, interleave, series, MIB, type Check, type Series } from './lib/stats.ts';
import { runDeflaterCeiling } from './lib/deflater-ceiling.ts';
import { startCeiling } from './lib/zlib-ceiling.ts';

export interface PackOptions {
  work: string;
  cli: string;
  partBytes: number;
  parts: number;
  runs: number;
  level: number;
  probe: Probe;
  log: (line: string) => void;
  watch: LoadWatch;
}

export interface PackResult {
  payload: { bytes: number; files: number; smallBytes: number; elfSources: number };
  guide: { command: string; wallMs: Series; cpuS: Series | null };
  ours: { command: string; wallMs: Series; cpuS: Series | null; maxRssMiB: Series };
  oursSmall: { wallMs: Series; maxRssMiB: Series };
  ceiling: { threads: number; wallMs: Series };
  /** Informational: our deflater alone, flat out on the same threads (deflater-ceiling.ts). */
  deflaterCeiling: { threads: number; wallMs: Series };
  sizes: {
    ours: number;
    gzip6SameTar: number;
    /** node:zlib at the same level over the same tar stream as ONE stream (no blocks). */
    nodeZlibSameTar: number;
    guideTarCzf: number;
    ceilingDeflate: number;
    deflaterCeiling: number;
  };
  throughputMBs: { ours: number; ceiling: number; deflaterCeiling: number };
  ratio: number;
  checks: Check[];
}

const cpu = (m: Measured) =>
  m.userS === undefined || m.sysS === undefined ? undefined : m.userS + m.sysS;
const seriesOrNull = (xs: (number | undefined)[]) =>
  xs.every((x) => x !== undefined) ? series(xs as number[]) : null;

export async function benchPack(o: PackOptions): Promise<PackResult> {
  const root = path.join(o.work, 'pack');
  const partPaths = Array.from({ length: o.parts }, (_, i) =>
    path.join(root, 'payload', `part-${i}.bin`),
  );
  o.log(
    `pack: cutting ${o.parts} x ${o.partBytes / MIB} MiB of machine code from /usr/bin, /usr/lib`,
  );
  const sources = writeMachineCode(partPaths, o.partBytes);
  const large = makeRepo(path.join(root, 'large'), partPaths);
  const small = makeRepo(path.join(root, 'small'), partPaths.slice(0, 1));
  const stage = path.join(root, 'stage');
  makeStage(stage, partPaths);
  const guideOut = path.join(root, 'guide', `${ID}-1.0.0-${TARGET}.tar.gz`);
  fs.mkdirSync(path.dirname(guideOut), { recursive: true });
  const payloadBytes = o.parts * o.partBytes + MANIFEST.length;

  const env = { PATH: process.env.PATH, HOME: process.env.HOME ?? os.homedir() };
  const packArgs = (withLib: boolean) => [
    o.cli,
    'pack',
    '--targets',
    TARGET,
    '--source-date-epoch',
    EPOCH,
    '--compression-level',
    String(o.level),
    ...(withLib ? ['--include', 'lib'] : []),
  ];
  const guideScript = `tar -czf "$1" -C "$2" . && sha256sum "$1" > "$1.sha256"`;
  const ours = (layout: Layout, withLib: boolean) => {
    fs.rmSync(path.join(layout.repo, 'dist'), { recursive: true, force: true });
    return measureOk('node', packArgs(withLib), { cwd: layout.repo, env, probe: o.probe });
  };

  const threads = os.availableParallelism();
  const ceiling = startCeiling(
    partPaths.map((p) => fs.readFileSync(p)),
    threads,
  );
  const oursRuns: Measured[] = [];
  const smallRuns: Measured[] = [];
  const guideRuns: Measured[] = [];
  let ceilingDeflate = 0;
  let deflaterCeiling = 0;
  try {
    const samples = await interleave(
      o.runs,
      [
        {
          key: 'guide',
          run: async () => {
            fs.rmSync(guideOut, { force: true });
            const m = await measureOk('sh', ['-c', guideScript, 'sh', guideOut, stage], {
              cwd: root,
              env: { ...env, GZIP: undefined },
              probe: o.probe,
            });
            guideRuns.push(m);
            return m.wallMs;
          },
        },
        {
          key: 'ours',
          run: async () => {
            const m = await ours(large, true);
            oursRuns.push(m);
            return m.wallMs;
          },
        },
        {
          key: 'ceiling',
          run: async () => {
            const r = await ceiling.run(o.level);
            ceilingDeflate = r.outBytes;
            return r.wallMs;
          },
        },
        {
          key: 'deflater',
          run: async () => {
            const r = await runDeflaterCeiling(ceiling.payload, o.level, threads);
            deflaterCeiling = r.outBytes;
            return r.wallMs;
          },
        },
        {
          key: 'small',
          run: async () => {
            const m = await ours(small, false);
            smallRuns.push(m);
            return m.wallMs;
          },
        },
      ],
      o.watch,
      (key, i, v, load) =>
        o.log(
          `pack: run ${i + 1}/${o.runs} ${key} ${(v / 1000).toFixed(2)} s${describeLoad(load)}`,
        ),
    );

    const oursTarball = path.join(large.repo, 'dist', `${ID}-1.0.0-${TARGET}.tar.gz`);
    const recompressed = await recompress(oursTarball, o.level);
    const sizes = {
      ours: fs.statSync(oursTarball).size,
      gzip6SameTar: recompressed.gzip,
      nodeZlibSameTar: recompressed.node,
      guideTarCzf: fs.statSync(guideOut).size,
      ceilingDeflate,
      deflaterCeiling,
    };
    const wall = {
      guide: series(samples.guide.values, samples.guide.load),
      ours: series(samples.ours.values, samples.ours.load),
    };
    const ceil = series(samples.ceiling.values, samples.ceiling.load);
    const deflaterCeil = series(samples.deflater.values, samples.deflater.load);
    const ratio = wall.ours.median / wall.guide.median;
    const throughput = {
      ours: payloadBytes / 1e6 / (wall.ours.median / 1000),
      ceiling: payloadBytes / 1e6 / (ceil.median / 1000),
      deflaterCeiling: payloadBytes / 1e6 / (deflaterCeil.median / 1000),
    };
    const rss = series(oursRuns.map((m) => m.maxRssKiB! / 1024));
    const rssSmall = series(smallRuns.map((m) => m.maxRssKiB! / 1024));
    // Signed: a smaller archive than gzip's is better, not a miss. The target bounds the growth.
    const sizeDiff = ((sizes.ours - sizes.gzip6SameTar) / sizes.gzip6SameTar) * 100;
    const mib = (n: number) => `${Math.round(n / MIB)} MiB`;
    const checks = [
      check(
        'pack.vs-guide',
        `pack + sha256 of ${mib(payloadBytes)} vs tar -czf + sha256sum (wall, ratio of medians)`,
        ratio,
        '<=',
        0.4,
        'x',
        'ratio',
      ),
      check(
        'pack.vs-ceiling',
        `pack throughput vs ${threads} threads of zlib level ${o.level} flat out in memory`,
        throughput.ours / throughput.ceiling,
        '>=',
        0.85,
        'x',
        'ratio',
      ),
      check(
        'pack.size',
        `compressed size vs gzip -${o.level} of the same tar stream (+ larger, - smaller)`,
        sizeDiff,
        '<=',
        1,
        '%',
        'size',
      ),
      check(
        'pack.rss-small',
        `pack peak RSS, ${mib(o.partBytes)} payload (max of runs)`,
        rssSmall.max,
        '<=',
        150,
        'MiB',
        'memory',
      ),
      check(
        'pack.rss-large',
        `pack peak RSS, ${mib(payloadBytes)} payload (max of runs)`,
        rss.max,
        '<=',
        150,
        'MiB',
        'memory',
      ),
    ];
    return {
      payload: {
        bytes: payloadBytes,
        files: o.parts,
        smallBytes: o.partBytes + MANIFEST.length,
        elfSources: sources.length,
      },
      guide: {
        command: 'tar -czf <tarball> -C <stage> . && sha256sum <tarball> > <tarball>.sha256',
        wallMs: wall.guide,
        cpuS: seriesOrNull(guideRuns.map(cpu)),
      },
      ours: {
        command: `node dist/cli.js ${packArgs(true).slice(1).join(' ')}`,
        wallMs: wall.ours,
        cpuS: seriesOrNull(oursRuns.map(cpu)),
        maxRssMiB: rss,
      },
      oursSmall: { wallMs: series(samples.small.values, samples.small.load), maxRssMiB: rssSmall },
      ceiling: { threads, wallMs: ceil },
      deflaterCeiling: { threads, wallMs: deflaterCeil },
      sizes,
      throughputMBs: throughput,
      ratio,
      checks,
    };
  } finally {
    await ceiling.close();
  }
}
