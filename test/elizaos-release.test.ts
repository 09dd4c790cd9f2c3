import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REGISTRY_REPO, REPO, elizaWorld, type ElizaWorld } from './support/elizaos-world.ts';
import { nerfDart as nerf } from '../src/npm/registry.ts';
import { startVerdaccio, type Verdaccio } from './support/verdaccio.ts';

// End to end through the action entry (node dist/index.js): a GitHub emulator and a Verdaccio
// npm registry on loopback; `npm view` and `npm install` read back what was published.
let reg: Verdaccio;
const worlds: ElizaWorld[] = [];
before(async () => {
  reg = await startVerdaccio();
});
after(async () => {
  await Promise.all(worlds.map((w) => w.close()));
  await reg.close();
});

async function world(name: string, version: string): Promise<ElizaWorld> {
  const w = await elizaWorld({ reg, name, version });
  worlds.push(w);
  return w;
}

const sha = (b: Buffer, alg = 'sha256', enc: 'hex' | 'base64' = 'hex') =>
  createHash(alg).update(b).digest(enc);
const writes = (w: ElizaWorld) =>
  w.emu.requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD').length;

async function packument(w: ElizaWorld, name: string) {
  const res = await fetch(`${w.reg.url}${name.replace('/', '%2f')}`);
  return (await res.json()) as {
    versions: Record<string, { dist: { integrity: string } }>;
    'dist-tags': Record<string, string>;
    time: Record<string, string>;
  };
}

describe('elizaos: release to GitHub, npm and the ElizaOS registry', () => {
  test('publish, rerun, a changed file without a bump, then a prerelease', async () => {
    const name = '@octo/plugin-hello';
    const w = await world(name, '0.1.0');
    const inputs = {
      command: 'all',
      'registry-repo': REGISTRY_REPO,
      'registry-token': 'ghp_octoRegistryToken0123456789',
      'registry-entry': 'registry-entry/',
    };
    const first = await w.action(inputs);
    assert.equal(first.status, 0, first.stdout + first.stderr);
    assert.equal(first.outputs.id, name);
    assert.equal(first.outputs.version, '0.1.0');

    // The GitHub release: npm's tarball and its sidecar.
    const [rel] = w.emu.releases(REPO);
    assert.equal(rel!.draft, false);
    assert.deepEqual(rel!.assets.map((a) => a.name).sort(), [
      'octo-plugin-hello-0.1.0.tgz',
      'octo-plugin-hello-0.1.0.tgz.sha256',
    ]);
    const tgz = await w.emu.assetBytes(REPO, rel!.assets.find((a) => a.name.endsWith('.tgz'))!.id);
    const sidecar = await w.emu.assetBytes(
      REPO,
      rel!.assets.find((a) => a.name.endsWith('.sha256'))!.id,
    );
    assert.equal(sidecar.toString(), `${sha(tgz)}\n`);

    // npm serves it with the release asset's integrity, under latest, and it installs.
    const view = JSON.parse(await w.npm(['view', `${name}@0.1.0`, '--json'])) as {
      dist: { integrity: string; shasum: string };
      'dist-tags': Record<string, string>;
    };
    assert.equal(view.dist.integrity, `sha512-${sha(tgz, 'sha512', 'base64')}`);
    assert.equal(view.dist.shasum, sha(tgz, 'sha1'));
    assert.equal(view['dist-tags'].latest, '0.1.0');
    const prefix = path.join(w.home, 'consumer');
    await w.npm([
      'install',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--prefix',
      prefix,
      `${name}@0.1.0`,
    ]);
    assert.equal(
      await fs.readFile(path.join(prefix, 'node_modules/@octo/plugin-hello/dist/index.js'), 'utf8'),
      await fs.readFile(path.join(w.dir, 'dist/index.js'), 'utf8'),
    );

    // The verify report judged the published release, npm rows included.
    const report = JSON.parse(first.outputs.report!) as {
      ok: boolean;
      stage: string;
      checks: { check: string; status: string }[];
    };
    assert.equal(report.ok, true);
    assert.equal(report.stage, 'published');
    for (const check of [
      'sidecar',
      'manifest',
      'name',
      'tag',
      'npm-version',
      'npm-integrity',
      'npm-dist-tag',
      'npm-tarball',
      'npm-install',
    ]) {
      assert.equal(report.checks.find((c) => c.check === check)?.status, 'pass', check);
    }

    // The registry entry: written locally, and one pull request from the user's fork.
    const entry =
      '{\n  "package": "@octo/plugin-hello",\n  "repository": "github:octo/plugin-hello",\n  "kind": "plugin",\n  "description": "A tiny ElizaOS plugin that greets: the demo package for plugin-release-action.",\n  "homepage": "https://github.com/octo/plugin-hello#readme",\n  "version": "0.1.0",\n  "tags": [\n    "elizaos",\n    "plugin",\n    "greeting"\n  ]\n}\n';
    assert.equal(
      await fs.readFile(path.join(w.dir, 'registry-entry/octo__plugin-hello.json'), 'utf8'),
      entry,
    );
    const [pr, ...more] = w.emu.pulls(REGISTRY_REPO);
    assert.equal(more.length, 0);
    assert.equal(pr!.title, 'Register @octo/plugin-hello');
    assert.equal(pr!.head.ref, 'add-octo-plugin-hello-to-registry');
    assert.equal(pr!.head.repo, 'octo/registry');
    assert.match(pr!.body ?? '', /community supported/);
    assert.equal(
      w.emu.repoFile('octo/registry', pr!.head.ref, 'entries/third-party/octo__plugin-hello.json'),
      entry,
    );
    assert.equal(
      w.emu.commit('octo/registry', pr!.head.sha).message,
      'Register @octo/plugin-hello',
    );

    // Rerun: nothing uploaded, nothing published, the same pull request; success.
    const before = await packument(w, name);
    w.emu.resetRequests();
    const again = await w.action(inputs);
    assert.equal(again.status, 0, again.stdout + again.stderr);
    assert.match(again.stdout, /was already published \(unchanged\)/);
    assert.deepEqual(await packument(w, name), before);
    assert.equal(w.emu.requests.filter((r) => r.route === 'upload-asset').length, 0);
    assert.equal(w.emu.pulls(REGISTRY_REPO).length, 1);

    // A changed file without a version bump: refused before anything changes anywhere.
    await fs.appendFile(path.join(w.dir, 'dist/index.js'), '// changed\n');
    w.emu.resetRequests();
    const changed = await w.action(inputs);
    assert.equal(changed.status, 1);
    assert.match(changed.stdout, /\[VERSION_EXISTS\].*dist\/index\.js has other bytes/);
    assert.equal(
      writes(w),
      0,
      JSON.stringify(w.emu.requests.map((r) => `${r.method} ${r.path} ${r.status}`)),
    );
    assert.deepEqual(await packument(w, name), before);
    assert.deepEqual(
      await w.emu.assetBytes(
        REPO,
        w.emu.releases(REPO)[0]!.assets.find((a) => a.name.endsWith('.tgz'))!.id,
      ),
      tgz,
    );

    // A prerelease: the dist-tag is its first identifier; latest stays on the release.
    await w.setPackage({ version: '0.2.0-beta.1' });
    const beta = await w.action({ ...inputs, verify: 'false' });
    assert.equal(beta.status, 0, beta.stdout + beta.stderr);
    const tags = JSON.parse(await w.npm(['view', name, 'dist-tags', '--json'])) as Record<
      string,
      string
    >;
    assert.deepEqual(tags, { latest: '0.1.0', beta: '0.2.0-beta.1' });
    const betaRelease = w.emu.releases(REPO).find((r) => r.tag_name === 'v0.2.0-beta.1');
    assert.equal(betaRelease?.prerelease, true);
    // The pull request now carries the new version: updated, not opened again.
    assert.equal(w.emu.pulls(REGISTRY_REPO).length, 1);
    assert.match(
      w.emu.repoFile(
        'octo/registry',
        'add-octo-plugin-hello-to-registry',
        'entries/third-party/octo__plugin-hello.json',
      ) ?? '',
      /"version": "0.2.0-beta.1"/,
    );
  });

  test("already on npm with the same files in other bytes: unchanged, the release carries npm's tarball", async () => {
    const name = 'plugin-hello-repacked';
    const w = await world(name, '1.0.0');
    // Someone published this version already, packed by another npm (other gzip bytes).
    const packDir = path.join(w.home, 'packed');
    await fs.mkdir(packDir);
    await w.npm(['pack', '--ignore-scripts', '--pack-destination', packDir, w.dir]);
    const ours = await fs.readFile(path.join(packDir, `${name}-1.0.0.tgz`));
    const other = gzipSync(gunzipSync(ours), { level: 1 });
    assert.notDeepEqual(other, ours);
    const otherFile = path.join(packDir, 'other.tgz');
    await fs.writeFile(otherFile, other);
    await w.npm([
      'publish',
      otherFile,
      '--ignore-scripts',
      `--${nerf(w.reg.url)}:_authToken=${w.reg.token}`,
    ]);

    const res = await w.action({ command: 'all' });
    assert.equal(res.status, 0, res.stdout + res.stderr);
    const [rel] = w.emu.releases(REPO);
    const asset = await w.emu.assetBytes(
      REPO,
      rel!.assets.find((a) => a.name.endsWith('.tgz'))!.id,
    );
    assert.deepEqual(asset, other);
    const report = JSON.parse(res.outputs.report!) as {
      ok: boolean;
      checks: { check: string; status: string }[];
    };
    assert.equal(report.ok, true);
    assert.equal(report.checks.find((c) => c.check === 'npm-tarball')?.status, 'pass');
  });

  test('a wrong npm token fails before the GitHub release exists', async () => {
    const w = await world('plugin-hello-badtoken', '1.0.0');
    const res = await w.action({ command: 'all', 'npm-token': 'not-a-real-token' });
    assert.equal(res.status, 1);
    assert.match(res.stdout, /\[NPM_AUTH\]/);
    // Only the runner's mask command may name it.
    const said = (res.stdout + res.stderr + res.summary).replace(/^::add-mask::.*$/gm, '');
    assert.match(res.stdout, /::add-mask::not-a-real-token/);
    assert.doesNotMatch(said, /not-a-real-token/);
    assert.deepEqual(w.emu.releases(REPO), []);
    await assert.rejects(w.npm(['view', 'plugin-hello-badtoken', '--json']), /E404|404/);
  });
});
