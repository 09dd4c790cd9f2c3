/**
 * Signing: `signTarballs` over all tarballs at once (one Fulcio certificate, Rekor entries
 * concurrently) against calling it once per tarball, sequentially (one certificate each), both
 * in this process, against the local Sigstore stand-in with added latency running in a child
 * process (like the real, remote services). Interleaved per run. Certificates and log entries
 * are counted by the stand-in.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { signTarballs, SIGNATURE_FILE_KINDS, type SigningConfig } from '../src/sign/index.ts';
import { writeRandom } from './lib/payload.ts';
import { describeLoad, type LoadWatch } from './lib/quiet.ts';
import { check, interleave, series, MIB, type Check, type Series } from './lib/stats.ts';

export interface SignOptions {
  work: string;
  tarballs: number;
  tarballBytes: number;
  latencyMs: number;
  concurrency: number;
  runs: number;
  log: (line: string) => void;
  watch: LoadWatch;
}

export interface SignResult {
  tarballs: number;
  latencyMs: number;
  concurrency: number;
  sequential: { wallMs: Series; certificates: number; logEntries: number };
  ours: { wallMs: Series; certificates: number; logEntries: number };
  ratio: number;
  checks: Check[];
}

const SUBJECT = 'https://github.com/bench/plugin/.github/workflows/release.yml@refs/tags/v1.0.0';
const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lib', 'sigstore-child.ts');

interface Counts {
  fulcio: number;
  rekor: number;
}

/** The stand-in child: its first line, and a way to ask for its counts. */
async function startChild(latencyMs: number) {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [CHILD, String(latencyMs), SUBJECT],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const lines: Interface = createInterface({ input: child.stdout });
  const waiting: { resolve: (line: string) => void; reject: (e: Error) => void }[] = [];
  lines.on('line', (line) => waiting.shift()?.resolve(line));
  child.on('exit', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`stand-in exited ${code}: ${stderr}`));
  });
  const nextLine = () =>
    new Promise<string>((resolve, reject) => waiting.push({ resolve, reject }));
  const info = JSON.parse(await nextLine()) as {
    url: string;
    trustedRootPath: string;
    env: Record<string, string>;
  };
  return {
    ...info,
    async counts(): Promise<Counts> {
      const answer = nextLine();
      child.stdin.write('counts\n');
      return JSON.parse(await answer) as Counts;
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}

export async function benchSign(o: SignOptions): Promise<SignResult> {
  // The signing client honours proxy variables; the stand-in is on loopback.
  process.env.NO_PROXY = process.env.no_proxy = '127.0.0.1,localhost';
  const dir = path.join(o.work, 'sign');
  o.log(`sign: writing ${o.tarballs} tarballs of ${o.tarballBytes / MIB} MiB`);
  const tarballs: string[] = [];
  for (let i = 0; i < o.tarballs; i++) {
    const t = path.join(dir, `bench_plugin-1.0.0-target${i}.tar.gz`);
    await writeRandom(t, o.tarballBytes);
    tarballs.push(t);
  }
  const standIn = await startChild(o.latencyMs);
  const cfg: SigningConfig = {
    fulcioURL: standIn.url,
    rekorURL: standIn.url,
    trustedRootPath: standIn.trustedRootPath,
    files: [...SIGNATURE_FILE_KINDS],
    concurrency: o.concurrency,
    env: standIn.env,
    retries: 2,
    retryBaseMs: 50,
    timeoutMs: 30_000,
  };
  const tally = { sequential: { fulcio: 0, rekor: 0 }, ours: { fulcio: 0, rekor: 0 } };
  const counted = async (key: 'sequential' | 'ours', fn: () => Promise<void>) => {
    const before = await standIn.counts();
    const started = performance.now();
    await fn();
    const ms = performance.now() - started;
    const after = await standIn.counts();
    tally[key] = { fulcio: after.fulcio - before.fulcio, rekor: after.rekor - before.rekor };
    return ms;
  };
  try {
    const samples = await interleave(
      o.runs,
      [
        {
          key: 'sequential',
          run: () =>
            counted('sequential', async () => {
              for (const t of tarballs) await signTarballs(cfg, [t]);
            }),
        },
        {
          key: 'ours',
          run: () =>
            counted('ours', async () => {
              const out = await signTarballs(cfg, tarballs);
              if (out.artifacts.length !== tarballs.length) throw new Error('not all signed');
            }),
        },
      ],
      o.watch,
      (key, i, v, load) =>
        o.log(
          `sign: run ${i + 1}/${o.runs} ${key} ${(v / 1000).toFixed(2)} s${describeLoad(load)}`,
        ),
    );
    const wall = {
      sequential: series(samples.sequential.values, samples.sequential.load),
      ours: series(samples.ours.values, samples.ours.load),
    };
    const ratio = wall.ours.median / wall.sequential.median;
    return {
      tarballs: o.tarballs,
      latencyMs: o.latencyMs,
      concurrency: o.concurrency,
      sequential: {
        wallMs: wall.sequential,
        certificates: tally.sequential.fulcio,
        logEntries: tally.sequential.rekor,
      },
      ours: { wallMs: wall.ours, certificates: tally.ours.fulcio, logEntries: tally.ours.rekor },
      ratio,
      checks: [
        check(
          'sign.vs-sequential',
          `signing ${o.tarballs} tarballs at ${o.latencyMs} ms latency vs one signTarballs call per tarball, sequential (wall, ratio of medians)`,
          ratio,
          '<=',
          0.3,
          'x',
          'ratio',
        ),
      ],
    };
  } finally {
    await standIn.close();
  }
}
