import { after } from 'node:test';
import fs from 'node:fs/promises';
import path from 'node:path';
import { startGitHubEmulator, type GitHubEmulator } from './github-emulator/index.ts';
import { makePluginRepo, runAction, type PluginRepo } from './fixture.ts';

/**
 * A plugin repository wired to a fresh GitHub emulator: `action()` runs the real action entry
 * (node dist/index.js) against it through GITHUB_API_URL, like a workflow step would.
 */
export const REPO = 'octo/plugin';
export const TOKEN = 'ghs_writeTokenForTests0123456789';
export const READ_TOKEN = 'ghs_readOnlyTokenForTests98765';
export const GNU = 'x86_64-unknown-linux-gnu';
export const ARM = 'aarch64-unknown-linux-gnu';
export const MAC = 'aarch64-apple-darwin';
export const MAC_X86 = 'x86_64-apple-darwin';

export interface PublishWorld {
  emu: GitHubEmulator;
  repo: PluginRepo;
  env: Record<string, string>;
  action(
    inputs: Record<string, string>,
    opts?: { cwd?: string; env?: Record<string, string> },
  ): ReturnType<typeof runAction>;
  /** Everything printed by every run so far (for the token-leak check). */
  transcript: string[];
  close(): Promise<void>;
}

export async function publishWorld(
  opts: { raceWindowMs?: number; immutable?: boolean; version?: string; latencyMs?: number } = {},
): Promise<PublishWorld> {
  const emu = await startGitHubEmulator({
    raceWindowMs: opts.raceWindowMs,
    latencyMs: opts.latencyMs,
  });
  emu.addRepo(REPO, { immutableReleases: opts.immutable ?? false });
  emu.addToken(TOKEN, 'write');
  emu.addToken(READ_TOKEN, 'read');
  const version = opts.version ?? '1.2.3';
  const repo = await makePluginRepo({
    manifest: `[plugin]\nid = "demo_plugin"\nversion = "${version}"\nname = "Demo"\ndescription = "A demo plugin."\nmin_nexo_version = ">=0.1.0"\n`,
  });
  const env = {
    GITHUB_API_URL: emu.apiUrl,
    GITHUB_SERVER_URL: emu.downloadOrigin,
    GITHUB_REPOSITORY: REPO,
    GITHUB_REF: `refs/tags/v${version}`,
    PLUGIN_RELEASE_RETRY_BASE_MS: '5',
    SOURCE_DATE_EPOCH: '1700000000',
  };
  const transcript: string[] = [];
  return {
    emu,
    repo,
    env,
    transcript,
    async action(inputs, o = {}) {
      const res = await runAction(
        { token: TOKEN, ...inputs },
        { cwd: o.cwd ?? repo.dir, env: { ...env, ...o.env } },
      );
      transcript.push(res.stdout, res.stderr, res.summary, JSON.stringify(res.outputs));
      return res;
    },
    async close() {
      await emu.close();
      await repo.cleanup();
    },
  };
}

export async function writeChangelog(dir: string, text: string): Promise<void> {
  await fs.writeFile(path.join(dir, 'CHANGELOG.md'), text);
}

export function uploads(emu: GitHubEmulator): number {
  return emu.requests.filter((r) => r.route === 'upload-asset').length;
}

export function writes(emu: GitHubEmulator): number {
  return emu.requests.filter((r) => r.origin !== 'download' && r.method !== 'GET').length;
}

/**
 * `world()` for a test file: each call starts a fresh PublishWorld, and all of them are closed
 * when the file's tests are done.
 */
export function worldsClosedAfter(): (
  opts?: Parameters<typeof publishWorld>[0],
) => Promise<PublishWorld> {
  const worlds: PublishWorld[] = [];
  after(() => Promise.all(worlds.map((w) => w.close())));
  return async (opts) => {
    const w = await publishWorld(opts);
    worlds.push(w);
    return w;
  };
}
