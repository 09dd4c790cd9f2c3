/**
 * Publishing (issue #13: faster than `gh release create`, process start included). Two
 * scenarios against the local GitHub emulator with added latency per request, each comparing
 * `plugin-release publish` (the real CLI, a child process: Node's start counts) with gh's own
 * algorithm (gh-baseline.ts: draft, 5 upload workers, publish; run in this process, so without
 * the start a gh binary pays):
 * - unsigned: per target a real nexo tarball and its sidecar, and the manifest;
 * - signed: the same tarballs signed once beforehand, with all five signature files, which the
 *   draft verification checks against the Sigstore stand-in's trusted root before publishing.
 * Interleaved per run on fresh repositories; after each of our first publishes an identical
 * rerun (must upload nothing). Requests are counted by the emulator, on all of its origins.
 * Also: start-up (spawn to first request) against Node's own start, and the publisher's peak
 * RSS with one very large asset.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startGitHubEmulator } from '../test/support/github-emulator/index.ts';
import { GH_ALGORITHM, GH_WORKERS } from './lib/gh-baseline.ts';
import { measureOk, type Probe } from './lib/measure.ts';
import { TAG, TOKEN, makeDist } from './lib/publish-inputs.ts';
import { scenario, startup, type ScenarioResult } from './lib/publish-scenario.ts';
import { describeLoad, type LoadWatch } from './lib/quiet.ts';
import { makeReleaseDists } from './lib/release-dist.ts';
import { check, interleave, series, MIB, type Check, type Info, type Series } from './lib/stats.ts';

export interface PublishOptions {
  work: string;
  cli: string;
  targets: readonly string[];
  /** Size of each target's (random, so incompressible) binary: about its tarball's size. */
  binaryBytes: number;
  bigAssetBytes: number;
  latencyMs: number;
  runs: number;
  probe: Probe;
  log: (line: string) => void;
  watch: LoadWatch;
}

export interface PublishResult {
  targets: number;
  latencyMs: number;
  /** Size of one tarball. */
  tarballBytes: number;
  /** What the baseline does, in words, and its upload pool. */
  baseline: { what: string; workers: number };
  unsigned: ScenarioResult;
  signed: ScenarioResult;
  /** Node's own start: a script that sends one request, spawn to its arrival. */
  nodeStart: { command: string; startupMs: Series };
  big: { bytes: number; maxRssMiB: number; wallMs: number; stored: boolean };
  /** The same publish through the action's entry (dist/index.js, inputs as INPUT_*), which is
   * what runs on GitHub: it also loads @actions/core. */
  bigAction?: { maxRssMiB: number; wallMs: number; stored: boolean };
  checks: Check[];
  info: Info[];
}

/** The smallest Node program that sends one request (here: the emulator's repository route). */
const NODE_START = `await (await fetch(process.argv[2], { headers: { authorization: 'Bearer ' + process.env.GITHUB_TOKEN } })).arrayBuffer();\n`;

export async function benchPublish(o: PublishOptions): Promise<PublishResult> {
  const root = path.join(o.work, 'publish');
  const t = o.targets.length;
  o.log(
    `publish: packing ${t} targets (${(o.binaryBytes / MIB).toFixed(2)} MiB binaries), signing`,
  );
  const dists = await makeReleaseDists({
    root,
    cli: o.cli,
    targets: o.targets,
    binaryBytes: o.binaryBytes,
  });
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
  const ctx = { emu, cli: o.cli, probe: o.probe, env };
  // The draft verification is on (verify: true): the publish step verifies the draft before it
  // goes live, then the verify step checks the published release.
  const base = ['publish', '--targets', o.targets.join(','), '--verify', 'true'];
  const shown = `node dist/cli.js publish --targets <${t} targets> --verify true`;
  const unsigned = scenario('unsigned', dists.unsigned, base, shown, ctx);
  // The signature files are made beforehand (sign false: nothing is signed again); the draft
  // verification checks every bundle against the stand-in's trust and the signer's identity.
  const signed = scenario(
    'signed',
    dists.signed,
    [...base, '--sign', 'false', ...dists.verifyArgs],
    `${shown} --sign false --trusted-root <stand-in trusted_root.json> --certificate-identity-regexp <signer> --require-signature true`,
    ctx,
  );
  const nodeScript = path.join(root, 'node-start.mjs');
  fs.writeFileSync(nodeScript, NODE_START);
  emu.addRepo('bench/node-start');
  const nodeStart = async (): Promise<number> => {
    emu.resetRequests();
    const m = await measureOk('node', [nodeScript, `${emu.apiUrl}/repos/bench/node-start`], {
      cwd: root,
      env: env('bench/node-start'),
      probe: o.probe,
    });
    return startup(emu, m.spawnedAt, 'node start');
  };

  try {
    const samples = await interleave(
      o.runs,
      [
        { key: 'gh', run: unsigned.gh },
        { key: 'ours', run: unsigned.ours },
        { key: 'ghSigned', run: signed.gh },
        { key: 'oursSigned', run: signed.ours },
        { key: 'node', run: nodeStart },
      ],
      o.watch,
      (key, i, v, load) =>
        o.log(
          `publish: run ${i + 1}/${o.runs} ${key} ${key === 'node' ? `${v.toFixed(0)} ms to first request` : `${(v / 1000).toFixed(2)} s`}${describeLoad(load)}`,
        ),
    );

    o.log(`publish: one ${(o.bigAssetBytes / MIB).toFixed(0)} MiB asset, peak RSS`);
    const big = await bigAsset(o, root, emu, env);

    const u = unsigned.result(samples.gh, samples.ours);
    const s = signed.result(samples.ghSigned, samples.oursSigned);
    const node = series(samples.node.values, samples.node.load);
    const reruns = [u.rerun, s.rerun];
    const firstRequests = (r: ScenarioResult, id: string) =>
      check(
        id,
        `first publish of ${r.assets} assets (${r.name}): requests (worst run)`,
        r.first.requests,
        '<=',
        // Create, race check, N uploads, publish, preflight, and the three reads of the
        // post-publish check.
        r.assets + 8,
        'requests',
        'count',
      );
    const vsGh = (r: ScenarioResult, id: string, limit: number) =>
      check(
        id,
        `${r.name}: first publish of ${r.assets} assets at ${o.latencyMs} ms latency, process start included, vs gh release create's algorithm without process start (wall, ratio of medians)`,
        r.ratio,
        '<=',
        limit,
        'x',
        'ratio',
      );
    const checks = [
      firstRequests(u, 'publish.first-requests'),
      firstRequests(s, 'publish.first-requests-signed'),
      check(
        'publish.rerun-uploads',
        'identical rerun, both scenarios: uploads (worst run)',
        Math.max(...reruns.map((r) => r.uploadsMax)),
        '<=',
        0,
        'uploads',
        'count',
      ),
      check(
        'publish.rerun-requests',
        'identical rerun with verify false, both scenarios: requests (worst run)',
        Math.max(u.rerunQuiet.requests, s.rerunQuiet.requests),
        '<=',
        3,
        'requests',
        'count',
      ),
      check(
        'publish.rerun-requests-verify',
        'identical rerun with verify on (local bytes judged, latest asked), both scenarios: requests (worst run)',
        Math.max(...reruns.map((r) => r.requests)),
        '<=',
        4,
        'requests',
        'count',
      ),
      vsGh(u, 'publish.vs-gh', 1.0),
      vsGh(s, 'publish.vs-gh-signed', 0.8),
      check(
        'publish.rss-big',
        `publish peak RSS with one ${(o.bigAssetBytes / MIB).toFixed(0)} MiB asset`,
        big.big.stored ? big.big.maxRssMiB : Infinity,
        '<=',
        100,
        'MiB',
        'memory',
      ),
      check(
        'publish.rss-big-action',
        `the same through the action's entry (dist/index.js)`,
        big.bigAction.stored ? big.bigAction.maxRssMiB : Infinity,
        '<=',
        100,
        'MiB',
        'memory',
      ),
    ];
    const info: Info[] = [
      {
        id: 'publish.startup',
        what: `unsigned first publish: from spawning our process to the emulator's first request`,
        measured: u.ours.startupMs.median,
        unit: 'ms',
        series: u.ours.startupMs,
      },
      {
        id: 'publish.startup-signed',
        what: `signed first publish: the same`,
        measured: s.ours.startupMs.median,
        unit: 'ms',
        series: s.ours.startupMs,
      },
      {
        id: 'publish.startup-node',
        what: `Node's own start: \`node <script>\` whose only statement is one fetch`,
        measured: node.median,
        unit: 'ms',
        series: node,
      },
      {
        id: 'publish.startup-ratio',
        what: 'unsigned first publish start-up / Node start-up (ratio of medians)',
        measured: u.ours.startupMs.median / node.median,
        unit: 'x',
      },
    ];
    return {
      targets: t,
      latencyMs: o.latencyMs,
      tarballBytes: fs.statSync(dists.unsigned.files.find((f) => f.endsWith('.tar.gz'))!).size,
      baseline: { what: GH_ALGORITHM, workers: GH_WORKERS },
      unsigned: u,
      signed: s,
      nodeStart: { command: 'node <script: one fetch to the emulator>', startupMs: node },
      ...big,
      checks,
      info,
    };
  } finally {
    await emu.close();
  }
}

/** One very large asset published with verify off: the publisher's peak RSS, CLI and action. */
async function bigAsset(
  o: PublishOptions,
  root: string,
  emu: Awaited<ReturnType<typeof startGitHubEmulator>>,
  env: (repo: string) => Record<string, string | undefined>,
): Promise<Pick<PublishResult, 'big'> & { bigAction: NonNullable<PublishResult['bigAction']> }> {
  const bigDir = path.join(root, 'big');
  await makeDist(bigDir, o.targets.slice(0, 1), o.bigAssetBytes);
  // verify would download the 1.5 GiB again and reject the placeholder signature files: this
  // is about the publisher's memory, so it is off.
  const args = [o.cli, 'publish', '--targets', o.targets[0]!, '--verify', 'false'];
  const storedBig = (repo: string) =>
    emu.releases(repo).some((r) => !r.draft && r.assets.some((a) => a.size === o.bigAssetBytes));
  try {
    emu.addRepo('bench/big');
    const m = await measureOk('node', args, { cwd: bigDir, env: env('bench/big'), probe: o.probe });
    const big = {
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
    const bigAction = {
      maxRssMiB: a.maxRssKiB! / 1024,
      wallMs: a.wallMs,
      stored: storedBig('bench/big-action'),
    };
    return { big, bigAction };
  } finally {
    fs.rmSync(bigDir, { recursive: true, force: true });
  }
}
