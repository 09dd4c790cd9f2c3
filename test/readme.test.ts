import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
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
import type { Published } from '../scripts/demo-common.ts';

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

/** Every file under `dir` with its mode and SHA-256: what "left untouched" means. */
async function tree(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(e.parentPath, e.name);
    const st = await fs.lstat(file);
    const hash = st.isFile()
      ? createHash('sha256')
          .update(await fs.readFile(file))
          .digest('hex')
      : '';
    out.push(`${path.relative(dir, file)} ${st.mode.toString(8)} ${hash}`);
  }
  return out.sort();
}

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

  test('npm run demo prints the variables that point the CLI at the stand-ins, and what each ecosystem published', async () => {
    const examples = path.join(ROOT, 'examples');
    const before = await tree(examples);
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'demo-results-'));
    const results = path.join(tmp, 'results.json');
    let all: Published[];
    let res: Awaited<ReturnType<typeof spawnNode>>;
    try {
      res = await spawnNode([path.join(ROOT, 'scripts/demo.ts'), '--results', results], {
        cwd: ROOT,
        env: baseEnv(),
      });
      assert.equal(res.status, 0, res.stdout.slice(-4000) + res.stderr);
      all = JSON.parse(await fs.readFile(results, 'utf8')) as Published[];
    } finally {
      await fs.rm(tmp, { recursive: true, force: true });
    }
    assert.match(res.stdout, /export GITHUB_API_URL=http:\/\/127\.0\.0\.1:\d+\S*/);
    for (const v of ['GITHUB_REPOSITORY', 'NO_PROXY', 'ACTIONS_ID_TOKEN_REQUEST_URL'])
      assert.match(res.stdout, new RegExp(`export ${v}=\\S+`));
    assert.match(res.stdout, /--fulcio-url http:\S+ --rekor-url http:\S+ --trusted-root \S+/);
    // The committed examples are copied, never written to.
    assert.deepEqual(await tree(examples), before);
    // No token, key or seed of the demo is printed.
    assert.doesNotMatch(
      res.stdout + res.stderr,
      /NeverPrinted|never-printed|PRIVATE KEY|privateKeyB64/,
    );

    assert.deepEqual(
      all.map((p) => p.ecosystem),
      ['nexo', 'osaurus', 'biosimulant', 'elizaos', 'pryzm'],
    );
    const names = (p: Published) => p.assets.map((a) => a.name).sort();
    const asset = (p: Published, name: string) => p.assets.find((a) => a.name === name)!;
    for (const p of all) {
      assert.equal(p.draft, false, p.ecosystem);
      assert.ok(p.releaseUrl.endsWith(`/${p.repo}/releases/tag/${p.tag}`), p.releaseUrl);
      assert.ok(res.stdout.includes(p.releaseUrl), `${p.ecosystem}: the release URL is printed`);
      for (const a of p.assets) {
        assert.match(a.sha256, /^[0-9a-f]{64}$/, a.name);
        assert.ok(a.size > 0, a.name);
        assert.match(
          res.stdout,
          new RegExp(`${a.name.replace(/[.]/g, '\\.')} +${a.size} B  sha256:${a.sha256}`),
          `${a.name}: its size and sha256 are printed`,
        );
      }
    }
    const [, , bsi, eliza, pryzm] = all as [Published, Published, Published, Published, Published];

    // Biosimulant: the package signed with the key made for the run, as the operator trusted it.
    const bsiplugin = 'cell-counter-0.2.0.bsiplugin';
    assert.deepEqual(names(bsi), [bsiplugin, `${bsiplugin}.sha256`]);
    assert.equal(asset(bsi, bsiplugin).contentType, 'application/zip');
    const sig = bsi.entries.signature as Record<string, string>;
    assert.equal(sig.signer_id, 'acme-lab');
    assert.equal(sig.algorithm, 'ed25519');
    assert.equal(bsi.entries.trustedSigningKeys, `acme-lab=${sig.public_key}`);
    assert.match(sig.public_key!, /^[A-Za-z0-9+/]{43}=$/);

    // ElizaOS: the release, npm's entry with the release asset's bytes, the registry pull request.
    const tgz = 'octo-plugin-hello-0.1.0.tgz';
    assert.deepEqual(names(eliza), [tgz, `${tgz}.sha256`]);
    assert.equal(asset(eliza, tgz).contentType, 'application/gzip');
    const npm = eliza.entries.npm as Record<string, unknown>;
    assert.equal(npm.version, '0.1.0');
    assert.deepEqual(npm.distTags, { latest: '0.1.0' });
    assert.match(String(npm.integrity), /^sha512-/);
    assert.equal(npm.integrity, npm.releaseIntegrity);
    assert.deepEqual(eliza.entries.registryPullRequests, [
      {
        number: 1,
        title: 'Register @octo/plugin-hello',
        head: 'octo/registry:add-octo-plugin-hello-to-registry',
      },
    ]);
    const entry = eliza.entries.registryEntry as Record<string, unknown>;
    assert.equal(entry.package, '@octo/plugin-hello');
    assert.equal(entry.repository, 'github:octo/plugin-hello');
    assert.equal(entry.version, '0.1.0');

    // PRYZM: the signed release, and the marketplace's version pointing at its tarball.
    const bundle = 'hello-pryzm-0.1.0.tgz';
    assert.deepEqual(names(pryzm), [bundle, `${bundle}.sha256`, `${bundle}.signature.json`]);
    assert.equal(asset(pryzm, bundle).contentType, 'application/gzip');
    assert.equal(asset(pryzm, `${bundle}.signature.json`).contentType, 'application/json');
    const [row, ...more] = pryzm.entries.marketplace as Record<string, string>[];
    assert.equal(more.length, 0);
    assert.equal(row!.pluginId, 'acme/hello-pryzm');
    assert.equal(row!.version, '0.1.0');
    assert.equal(row!.bundleSha256, asset(pryzm, bundle).sha256);
    assert.ok(row!.bundleUrl!.endsWith(`/acme/hello-pryzm/releases/download/v0.1.0/${bundle}`));
    assert.equal(row!.signedByKeyid, pryzm.entries.publisherPublicKey);
  });
});
