import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { after, describe, test } from 'node:test';
import {
  ROOT,
  baseEnv,
  makePluginRepo,
  runCli,
  spawnNode,
  type PluginRepo,
} from './support/fixture.ts';

// What the README promises a newcomer, held to what the code does: the package name, the runner
// matrix, the migration notes, and the offline rehearsal with the emulator's command line.
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const NAME = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string })
  .name;
const section = (title: string) => {
  const start = README.indexOf(`## ${title}`);
  assert.ok(start >= 0, title);
  const end = README.indexOf('\n## ', start + 3);
  return README.slice(start, end === -1 ? undefined : end);
};
const repos: PluginRepo[] = [];
after(() => Promise.all(repos.map((r) => r.cleanup())));

describe('README', () => {
  test('getting the CLI: npx of the scoped package, and npm exec from GitHub until published', () => {
    assert.ok(README.includes(`npx ${NAME} `), `npx ${NAME}`);
    assert.match(README, /npm exec --package=github:[\w.-]+\/[\w.-]+ -- plugin-release /);
    assert.doesNotMatch(README, /npx plugin-release /);
    const quick = section('Quick start');
    assert.match(quick, /Node 24/);
    assert.match(quick, /nvm install 24/);
  });

  test('the matrix example uses a runner that exists: macos-15-intel for x86_64-apple-darwin', () => {
    assert.doesNotMatch(README, /macos-13\b/);
    assert.match(README, /target: x86_64-apple-darwin, os: macos-15-intel/);
  });

  test('migrating from the nexo template: aliases, .pem vs .cert, the dispatch tag, [[bin]] name', () => {
    const m = section("Migrating from the nexo template's release.yml");
    assert.match(m, /target-aliases: x86_64-unknown-linux-musl=x86_64-unknown-linux-gnu/);
    assert.match(m, /\.pem/);
    assert.match(m, /\.cert/);
    assert.match(m, /workflow_dispatch/);
    assert.match(m, /tag: \$\{\{ inputs\.tag \}\}/);
    assert.match(m, /\[\[bin\]\]\n\s*name = "/);
  });

  test('the offline rehearsal works as written: the emulator command line, then the CLI', async () => {
    const cmd = /^node (test\/support\/github-emulator\/main\.ts .*)$/m.exec(README)?.[1];
    assert.ok(cmd, 'the emulator command line is documented');
    const vars = ['GITHUB_API_URL', 'GITHUB_REPOSITORY', 'GITHUB_TOKEN', 'NO_PROXY'];
    for (const v of vars) assert.match(section('Use it in a plugin repository'), new RegExp(v));
    const args = cmd.split(/\s+/).slice(1);
    const repo = args[args.indexOf('--repo') + 1]!;
    const token = args[args.indexOf('--token') + 1]!.split(':')[0]!;
    const emu = spawn(
      process.execPath,
      [path.join(ROOT, 'test/support/github-emulator/main.ts'), ...args],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    try {
      const line = await new Promise<string>((resolve, reject) => {
        emu.once('error', reject);
        createInterface({ input: emu.stdout }).once('line', resolve);
      });
      const { apiUrl } = JSON.parse(line) as { apiUrl: string };
      const r = await makePluginRepo();
      repos.push(r);
      await r.binary('x86_64-unknown-linux-gnu');
      const env = { GITHUB_API_URL: apiUrl, GITHUB_REPOSITORY: repo, GITHUB_TOKEN: token };
      const res = await runCli(
        ['all', '--tag', 'v1.2.3', '--targets', 'x86_64-unknown-linux-gnu'],
        { cwd: r.dir, env: { ...env, NO_PROXY: '127.0.0.1' } },
      );
      assert.equal(res.status, 0, res.stderr);
      const rel = (await (await fetch(`${apiUrl}/repos/${repo}/releases/tags/v1.2.3`)).json()) as {
        draft: boolean;
        assets: unknown[];
      };
      assert.equal(rel.draft, false);
      assert.equal(rel.assets.length, 3);
    } finally {
      emu.kill('SIGTERM');
    }
  });

  test('npm run demo prints the variables that point the CLI at the stand-ins', async () => {
    const res = await spawnNode([path.join(ROOT, 'scripts/demo.ts')], {
      cwd: ROOT,
      env: baseEnv(),
    });
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /export GITHUB_API_URL=http:\/\/127\.0\.0\.1:\d+\S*/);
    for (const v of ['GITHUB_REPOSITORY', 'NO_PROXY', 'ACTIONS_ID_TOKEN_REQUEST_URL'])
      assert.match(res.stdout, new RegExp(`export ${v}=\\S+`));
    assert.match(res.stdout, /--fulcio-url http:\S+ --rekor-url http:\S+ --trusted-root \S+/);
  });
});
