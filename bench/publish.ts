/**
 * Publishing: `plugin-release publish` (the real CLI, a child process) against the local GitHub
 * emulator with added latency, compared with a sequential delete-then-upload baseline
 * (gh-baseline.ts) on the same emulator and files, interleaved per run on fresh repositories.
 * Requests are counted by the emulator, on all of its origins. Also: an identical rerun (must
 * upload nothing), and the publisher's peak RSS with one very large asset.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startGitHubEmulator } from '../test/support/github-emulator/index.ts';
import { sequentialClobberPublish } from './lib/gh-baseline.ts';
import { measureOk, type Probe } from './lib/measure.ts';
import {
  TAG,
  TOKEN,
  counts,
  makeDist,
  published,
  type CommandCount,
} from './lib/publish-inputs.ts';
import { describeLoad, type LoadWatch } from './lib/quiet.ts';
import { check, interleave, series, MIB, type Check, type Series } from './lib/stats.ts';

export interface PublishOptions {
  work: string;
  cli: string;
  targets: readonly string[];
  tarballBytes: number;
  bigAssetBytes: number;
  latencyMs: number;
  runs: number;
  probe: Probe;
  log: (line: string) => void;
  watch: LoadWatch;
}

export interface PublishResult {
  assets: number;
  targets: number;
  latencyMs: number;
  baseline: { what: string; wallMs: Series; requests: number };
  ours: { command: string; wallMs: Series; maxRssMiB: Series };
  first: CommandCount;
  rerun: CommandCount & { wallMs: Series };
  big: { bytes: number; maxRssMiB: number; wallMs: number; stored: boolean };
  /** The same publish through the action's entry (dist/index.js, inputs as INPUT_*), which is
   * what runs on GitHub: it also loads @actions/core. */
  bigAction?: { maxRssMiB: number; wallMs: number; stored: boolean };
  ratio: number;
  checks: Check[];
}

export async function benchPublish(o: PublishOptions): Promise<PublishResult> {
  const root = path.join(o.work, 'publish');
  const plugin = path.join(root, 'plugin');
  o.log(
    `publish: writing ${o.targets.length} targets x 7 files (${o.tarballBytes / MIB} MiB tarballs)`,
  );
  const files = await makeDist(plugin, o.targets, o.tarballBytes);
  const emu = await startGitHubEmulator({ latencyMs: o.latencyMs, dataDir: root });
  emu.addToken(TOKEN, 'write');
  const env = (repo: string) => ({
    PATH: process.env.PATH,
    HOME: process.env.HOME ?? os.homedir(),
    NO_PROXY: '127.0.0.1,localhost',
    GITHUB_API_URL: emu.apiUrl,
    GITHUB_SERVER_URL: emu.downloadOrigin,
    GITHUB_REPOSITORY: repo,
    GITHUB_REF: `refs/tags/${TAG}`,
    GITHUB_TOKEN: TOKEN,
  });
  // verify (on by default after publish) downloads the release as the installer would; it is
  // measured by its own command, not here: these targets are about publishing. The signature
  // files here are placeholders, which verify would rightly reject.
  const publishArgs = (targets: readonly string[]) => [
    o.cli,
    'publish',
    '--targets',
    targets.join(','),
    '--verify',
    'false',
  ];
  const args = publishArgs(o.targets);
  const cli = (repo: string, cwd = plugin) =>
    measureOk('node', args, { cwd, env: env(repo), probe: o.probe });

  const rss: number[] = [];
  const rerunWall: number[] = [];
  const firsts: CommandCount[] = [];
  const reruns: CommandCount[] = [];
  let baselineRequests = 0;
  try {
    const samples = await interleave(
      o.runs,
      [
        {
          key: 'baseline',
          run: async (i) => {
            const repo = `bench/baseline-${i}`;
            emu.addRepo(repo);
            emu.resetRequests();
            const started = performance.now();
            await sequentialClobberPublish(
              { apiUrl: emu.apiUrl, repo, token: TOKEN, tag: TAG },
              files,
            );
            const ms = performance.now() - started;
            baselineRequests = emu.requests.length;
            if (!published(emu, repo, files.length)) throw new Error('baseline did not publish');
            return ms;
          },
        },
        {
          key: 'ours',
          run: async (i) => {
            const repo = `bench/ours-${i}`;
            emu.addRepo(repo);
            emu.resetRequests();
            const m = await cli(repo);
            firsts.push(counts(emu));
            if (!published(emu, repo, files.length)) throw new Error('publish did not publish');
            rss.push(m.maxRssKiB! / 1024);
            emu.resetRequests();
            const again = await cli(repo);
            reruns.push(counts(emu));
            rerunWall.push(again.wallMs);
            return m.wallMs;
          },
        },
      ],
      o.watch,
      (key, i, v, load) =>
        o.log(
          `publish: run ${i + 1}/${o.runs} ${key} ${(v / 1000).toFixed(2)} s${describeLoad(load)}`,
        ),
    );

    o.log(`publish: one ${(o.bigAssetBytes / MIB).toFixed(0)} MiB asset, peak RSS`);
    const bigDir = path.join(root, 'big');
    await makeDist(bigDir, o.targets.slice(0, 1), o.bigAssetBytes);
    let big: PublishResult['big'];
    let bigAction: PublishResult['bigAction'];
    const storedBig = (repo: string) =>
      emu.releases(repo).some((r) => !r.draft && r.assets.some((a) => a.size === o.bigAssetBytes));
    try {
      emu.addRepo('bench/big');
      const m = await measureOk('node', publishArgs(o.targets.slice(0, 1)), {
        cwd: bigDir,
        env: env('bench/big'),
        probe: o.probe,
      });
      big = {
        bytes: o.bigAssetBytes,
        maxRssMiB: m.maxRssKiB! / 1024,
        wallMs: m.wallMs,
        stored: storedBig('bench/big'),
      };
      emu.addRepo('bench/big-action');
      const files = path.join(root, 'action-files');
      fs.mkdirSync(files, { recursive: true });
      // The runner creates these before a step starts; @actions/core appends to them.
      for (const f of ['output', 'summary']) fs.writeFileSync(path.join(files, f), '');
      const a = await measureOk('node', [path.join(path.dirname(o.cli), 'index.js')], {
        cwd: bigDir,
        env: {
          ...env('bench/big-action'),
          INPUT_COMMAND: 'publish',
          INPUT_TARGETS: o.targets[0]!,
          INPUT_VERIFY: 'false',
          GITHUB_OUTPUT: path.join(files, 'output'),
          GITHUB_STEP_SUMMARY: path.join(files, 'summary'),
        },
        probe: o.probe,
      });
      bigAction = {
        maxRssMiB: a.maxRssKiB! / 1024,
        wallMs: a.wallMs,
        stored: storedBig('bench/big-action'),
      };
    } finally {
      fs.rmSync(bigDir, { recursive: true, force: true });
    }

    const wall = {
      baseline: series(samples.baseline.values, samples.baseline.load),
      ours: series(samples.ours.values, samples.ours.load),
    };
    const ratio = wall.ours.median / wall.baseline.median;
    const worst = (xs: CommandCount[], key: 'requests' | 'uploads') =>
      xs.reduce((a, b) => (b[key] > a[key] ? b : a));
    const first = worst(firsts, 'requests');
    const rerun = worst(reruns, 'requests');
    const n = files.length;
    const checks = [
      check(
        'publish.first-requests',
        `first publish of ${n} assets: requests (worst run)`,
        first.requests,
        '<=',
        // N + 5 for the release itself, 1 for the preflight, 3 for the post-publish check.
        n + 10,
        'requests',
        'count',
      ),
      check(
        'publish.rerun-uploads',
        'identical rerun: uploads (worst run)',
        worst(reruns, 'uploads').uploads,
        '<=',
        0,
        'uploads',
        'count',
      ),
      check(
        'publish.rerun-requests',
        'identical rerun: requests (worst run)',
        rerun.requests,
        '<=',
        6,
        'requests',
        'count',
      ),
      check(
        'publish.vs-sequential',
        `first publish of ${n} assets at ${o.latencyMs} ms latency vs sequential delete-then-upload (wall, ratio of medians)`,
        ratio,
        '<=',
        0.35,
        'x',
        'ratio',
      ),
      check(
        'publish.rss-big',
        `publish peak RSS with one ${(o.bigAssetBytes / MIB).toFixed(0)} MiB asset`,
        big.stored ? big.maxRssMiB : Infinity,
        '<=',
        100,
        'MiB',
        'memory',
      ),
      check(
        'publish.rss-big-action',
        `the same through the action's entry (dist/index.js)`,
        bigAction.stored ? bigAction.maxRssMiB : Infinity,
        '<=',
        100,
        'MiB',
        'memory',
      ),
    ];
    return {
      assets: n,
      targets: o.targets.length,
      latencyMs: o.latencyMs,
      baseline: {
        what: 'create draft; per asset: list assets, delete if present, upload; publish (sequential fetch)',
        wallMs: wall.baseline,
        requests: baselineRequests,
      },
      ours: {
        command: `node dist/cli.js publish --targets <${o.targets.length} targets> --verify false`,
        wallMs: wall.ours,
        maxRssMiB: series(rss),
      },
      first,
      rerun: { ...rerun, wallMs: series(rerunWall) },
      big,
      bigAction,
      ratio,
      checks,
    };
  } finally {
    await emu.close();
  }
}
