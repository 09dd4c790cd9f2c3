/**
 * One publish scenario: the same release published by gh's algorithm (gh-baseline.ts, in this
 * process) and by our CLI (a child process, process start included), each run on a fresh
 * repository of the emulator, then our identical rerun on our repository. Every run must end
 * with the release published holding exactly the expected assets, or the benchmark fails.
 */
import fs from 'node:fs';
import type { GitHubEmulator } from '../../test/support/github-emulator/index.ts';
import { ghReleaseCreate } from './gh-baseline.ts';
import { measureOk, type Probe } from './measure.ts';
import {
  TAG,
  TOKEN,
  assertPublished,
  counts,
  firstRequestAt,
  type CommandCount,
} from './publish-inputs.ts';
import type { ReleaseDist } from './release-dist.ts';
import { series, type Sampled, type Series } from './stats.ts';

export interface ScenarioResult {
  name: string;
  assets: number;
  /** Bytes of every asset together. */
  bytes: number;
  baseline: { wallMs: Series; requests: number; byRoute: Record<string, number> };
  ours: {
    /** The command as an operator would type it (paths elided). */
    command: string;
    wallMs: Series;
    maxRssMiB: Series;
    /** From spawning our process to the emulator's first request, first publishes. */
    startupMs: Series;
  };
  /** Requests of the first publish with the most requests. */
  first: CommandCount;
  /** The identical rerun with the most requests, the most uploads of any rerun, and every
   * rerun's wall time. */
  rerun: CommandCount & { uploadsMax: number; wallMs: Series };
  /** The same rerun with `--verify false`, the worst of them. */
  rerunQuiet: CommandCount;
  /** ours / gh, ratio of medians. */
  ratio: number;
}

export interface ScenarioContext {
  emu: GitHubEmulator;
  cli: string;
  probe: Probe;
  env: (repo: string) => Record<string, string | undefined>;
}

/**
 * Ms from `since` (Date.now() just before a spawn) to the arrival of the first request the
 * emulator recorded: start-up. Both sides are spawned the same way (under the RSS probe).
 */
export function startup(emu: GitHubEmulator, since: number, who: string): number {
  const at = firstRequestAt(emu);
  if (at === undefined) throw new Error(`${who}: the emulator recorded no request`);
  return at - since;
}

export function scenario(
  name: string,
  dist: ReleaseDist,
  args: readonly string[],
  shown: string,
  ctx: ScenarioContext,
) {
  const { emu } = ctx;
  const bytes = dist.files.reduce((a, f) => a + fs.statSync(f).size, 0);
  const ghCounts: CommandCount[] = [];
  const firsts: CommandCount[] = [];
  const reruns: CommandCount[] = [];
  const quietReruns: CommandCount[] = [];
  const rss: number[] = [];
  const rerunWall: number[] = [];
  const starts: number[] = [];
  const cli = (repo: string, a: readonly string[] = args) =>
    measureOk('node', [ctx.cli, ...a], { cwd: dist.dir, env: ctx.env(repo), probe: ctx.probe });
  // The same command with verify off: the rerun budget counts GitHub's own requests.
  const quiet = args.map((x, i) => (args[i - 1] === '--verify' ? 'false' : x));

  const gh = async (i: number): Promise<number> => {
    const repo = `bench/gh-${name}-${i}`;
    emu.addRepo(repo);
    emu.resetRequests();
    const started = performance.now();
    await ghReleaseCreate({ apiUrl: emu.apiUrl, repo, token: TOKEN, tag: TAG }, dist.files);
    const ms = performance.now() - started;
    ghCounts.push(counts(emu));
    assertPublished(emu, repo, dist.files, `gh (${name})`);
    return ms;
  };
  const ours = async (i: number): Promise<number> => {
    const repo = `bench/ours-${name}-${i}`;
    emu.addRepo(repo);
    emu.resetRequests();
    const m = await cli(repo);
    firsts.push(counts(emu));
    starts.push(startup(emu, m.spawnedAt, `publish (${name})`));
    assertPublished(emu, repo, dist.files, `publish (${name})`);
    rss.push(m.maxRssKiB! / 1024);
    emu.resetRequests();
    const again = await cli(repo);
    reruns.push(counts(emu));
    assertPublished(emu, repo, dist.files, `publish rerun (${name})`);
    rerunWall.push(again.wallMs);
    emu.resetRequests();
    await cli(repo, quiet);
    quietReruns.push(counts(emu));
    assertPublished(emu, repo, dist.files, `publish rerun, verify false (${name})`);
    return m.wallMs;
  };
  const result = (g: Sampled, o: Sampled): ScenarioResult => {
    const worst = (xs: CommandCount[]) => xs.reduce((a, b) => (b.requests > a.requests ? b : a));
    const wall = { gh: series(g.values, g.load), ours: series(o.values, o.load) };
    const ghWorst = worst(ghCounts);
    return {
      name,
      assets: dist.files.length,
      bytes,
      baseline: { wallMs: wall.gh, requests: ghWorst.requests, byRoute: ghWorst.byRoute },
      ours: {
        command: shown,
        wallMs: wall.ours,
        maxRssMiB: series(rss),
        // Measured within our first publishes' samples: the same machine load.
        startupMs: series(starts, o.load),
      },
      first: worst(firsts),
      rerun: {
        ...worst(reruns),
        uploadsMax: Math.max(...[...reruns, ...quietReruns].map((r) => r.uploads)),
        wallMs: series(rerunWall),
      },
      rerunQuiet: worst(quietReruns),
      ratio: wall.ours.median / wall.gh.median,
    };
  };
  return { gh, ours, result };
}
