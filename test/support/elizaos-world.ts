import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startGitHubEmulator, type GitHubEmulator } from './github-emulator/index.ts';
import { ROOT, runAction } from './fixture.ts';
import { startVerdaccio, type Verdaccio } from './verdaccio.ts';

/**
 * An ElizaOS plugin release world: the example plugin copied into a temporary repository, a
 * GitHub emulator holding the plugin's repository and the ElizaOS registry repository, and a
 * Verdaccio npm registry on loopback. `action()` runs the real action entry (node dist/index.js)
 * with INPUT_* variables, HOME and npm's cache isolated, so nothing of the machine's npm
 * configuration plays a part. `npm()` runs the npm a user would, against the same registry.
 */
export const REPO = 'octo/plugin-hello';
export const REGISTRY_REPO = 'elizaos-plugins/registry';
export const TOKEN = 'ghs_elizaosWriteToken0123456789';
/** A user's personal access token: can fork the registry and open pull requests. */
export const REGISTRY_TOKEN = 'ghp_octoRegistryToken0123456789';

const exec = promisify(execFile);

export interface ElizaWorld {
  emu: GitHubEmulator;
  reg: Verdaccio;
  dir: string;
  home: string;
  env: Record<string, string>;
  /** Rewrites package.json fields (the test's own package name keeps tests apart). */
  setPackage(fields: Record<string, unknown>): Promise<void>;
  action(
    inputs: Record<string, string>,
    env?: Record<string, string>,
  ): ReturnType<typeof runAction>;
  npm(args: string[]): Promise<string>;
  close(): Promise<void>;
}

export async function elizaWorld(opts: {
  reg?: Verdaccio;
  name: string;
  version: string;
}): Promise<ElizaWorld> {
  const reg = opts.reg ?? (await startVerdaccio());
  const emu = await startGitHubEmulator({});
  emu.addRepo(REPO);
  emu.addRepo(REGISTRY_REPO);
  emu.seedRepoFiles(REGISTRY_REPO, 'main', {
    'README.md': '# registry\n',
    'entries/third-party/plugin-other.json':
      '{\n  "package": "plugin-other",\n  "repository": "github:o/plugin-other"\n}\n',
  });
  emu.addToken(TOKEN, 'write', { repos: [REPO] });
  emu.addToken(REGISTRY_TOKEN, 'write', { login: 'octo' });
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'elizaos-world-'));
  await fs.cp(path.join(ROOT, 'examples/elizaos-plugin'), dir, { recursive: true });
  const home = await fs.mkdtemp(path.join(os.tmpdir(), 'elizaos-home-'));
  const env = {
    HOME: home,
    npm_config_cache: path.join(home, '.npm'),
    GITHUB_API_URL: emu.apiUrl,
    GITHUB_SERVER_URL: emu.downloadOrigin,
    GITHUB_REPOSITORY: REPO,
    GITHUB_REF: `refs/tags/v${opts.version}`,
    PLUGIN_RELEASE_RETRY_BASE_MS: '5',
    SOURCE_DATE_EPOCH: '1700000000',
  };
  const world: ElizaWorld = {
    emu,
    reg,
    dir,
    home,
    env,
    async setPackage(fields) {
      const file = path.join(dir, 'package.json');
      const doc = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
      await fs.writeFile(file, `${JSON.stringify({ ...doc, ...fields }, null, 2)}\n`);
      if (typeof fields.version === 'string') env.GITHUB_REF = `refs/tags/v${fields.version}`;
    },
    action: (inputs, extra = {}) =>
      runAction(
        {
          token: TOKEN,
          'npm-registry': reg.url,
          'npm-token': reg.token,
          dist: 'release',
          ...inputs,
        },
        { cwd: dir, env: { ...env, ...extra } },
      ),
    async npm(args) {
      const { stdout } = await exec('npm', [...args, '--registry', reg.url], {
        cwd: home,
        env: { ...process.env, HOME: home, npm_config_cache: env.npm_config_cache },
      });
      return stdout;
    },
    async close() {
      await emu.close();
      if (opts.reg === undefined) await reg.close();
      await fs.rm(dir, { recursive: true, force: true });
      await fs.rm(home, { recursive: true, force: true });
    },
  };
  await world.setPackage({ name: opts.name, version: opts.version });
  return world;
}
