/**
 * The Osaurus profile end to end through the action entry (node dist/index.js) against the
 * GitHub emulator: `command: all` publishes the zip, its .sha256 and .minisig, verifies the
 * release, then opens the registry pull request from a fork. The published bytes are read back
 * by Info-ZIP, Python's zipfile, bsdtar and Debian's minisign.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runAction } from './support/fixture.ts';
import { startGitHubEmulator, type GitHubEmulator } from './support/github-emulator/index.ts';
import { generateKeys, minisignVerify, type KeyPair } from './support/minisign.ts';
import { makeOsaurusRepo, type OsaurusRepo } from './support/osaurus.ts';
import { bsdtarList, readZipWithPython, unzipTest, zipinfoLines } from './support/zip-tools.ts';

const REPO = 'acme/demo-plugin';
const REGISTRY = 'osaurus-ai/osaurus-tools';
const TOKEN = 'ghs_writeTokenForTests0123456789';
const PAT = 'alice-registry-pat-0123456789';
const ZIP = 'osaurus.demo-1.2.3.zip';

let emu: GitHubEmulator;
let keys: KeyPair;
let other: KeyPair;
let scratch: string;
const repos: OsaurusRepo[] = [];

before(async () => {
  emu = await startGitHubEmulator();
  emu.addToken(TOKEN, 'write', { repos: [REPO, 'acme/second-plugin'] });
  emu.addToken(PAT, 'write', { login: 'alice', repos: [] });
  emu.addRepo(REPO);
  emu.addRepo('acme/second-plugin');
  emu.addRepo(REGISTRY);
  emu.seedRepoFiles(REGISTRY, 'main', {
    'README.md': '# Tools\n',
    'plugins/osaurus.time.json': '{}\n',
  });
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'prt-osaurus-keys-'));
  keys = await generateKeys(scratch, 'main');
  other = await generateKeys(scratch, 'other');
});
after(async () => {
  await emu.close();
  await fs.rm(scratch, { recursive: true, force: true });
  await Promise.all(repos.map((r) => r.cleanup()));
});

function action(r: OsaurusRepo, repo: string, inputs: Record<string, string>) {
  return runAction(
    {
      command: 'all',
      ecosystem: 'osaurus',
      token: TOKEN,
      'minisign-secret-key': keys.secret,
      'registry-entry': 'registry/osaurus.demo.json',
      'registry-repo': REGISTRY,
      'registry-token': PAT,
      ...inputs,
    },
    {
      cwd: r.dir,
      env: {
        GITHUB_API_URL: emu.apiUrl,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: repo,
        GITHUB_REF: 'refs/tags/v1.2.3',
        PLUGIN_RELEASE_RETRY_BASE_MS: '5',
        SOURCE_DATE_EPOCH: '1700000000',
      },
    },
  );
}

describe('osaurus: command all through the action entry', () => {
  test('publishes zip, .sha256, .minisig; readers and minisign agree; the registry PR is opened once', async () => {
    const r = await makeOsaurusRepo();
    repos.push(r);
    const res = await action(r, REPO, {});
    assert.equal(res.status, 0, res.stdout + res.stderr);
    assert.equal(res.outputs.id, 'osaurus.demo');
    assert.equal(res.outputs.version, '1.2.3');
    assert.equal(JSON.parse(res.outputs.report!).ok, true, res.outputs.report);
    const [rel] = emu.releases(REPO);
    assert.equal(rel!.draft, false);
    assert.deepEqual(rel!.assets.map((a) => a.name).sort(), [
      ZIP,
      `${ZIP}.minisig`,
      `${ZIP}.sha256`,
    ]);

    const down = path.join(r.dir, 'downloaded');
    await fs.mkdir(down);
    for (const a of rel!.assets)
      await fs.writeFile(path.join(down, a.name), await emu.assetBytes(REPO, a.id));
    const zip = path.join(down, ZIP);
    assert.deepEqual(await fs.readFile(zip), await fs.readFile(path.join(r.dir, 'dist', ZIP)));
    const v = await minisignVerify(zip, keys.publicKey);
    assert.equal(v.status, 0, v.stderr);
    assert.match(v.stdout, /timestamp:1700000000\tfile:osaurus\.demo-1\.2\.3\.zip/);
    const py = await readZipWithPython(zip);
    assert.deepEqual(
      py.members.map((m) => [m.name, m.mode.toString(8)]),
      [
        ['README.md', '100644'],
        ['SKILL.md', '100644'],
        ['libOsaurusDemo.dylib', '100755'],
        ['web/', '40755'],
        ['web/index.html', '100644'],
      ],
    );
    assert.match(await unzipTest(zip), /No errors detected/);
    assert.ok(
      (await zipinfoLines(zip)).some((l) => /^-rwxr-xr-x .* libOsaurusDemo\.dylib$/.test(l)),
    );
    assert.ok((await bsdtarList(zip)).some((l) => /^drwxr-xr-x .* web\/$/.test(l)));

    const pulls = emu.pulls(REGISTRY);
    assert.equal(pulls.length, 1);
    assert.equal(pulls[0]!.title, 'Add osaurus.demo v1.2.3');
    assert.equal(emu.parentOf('alice/osaurus-tools'), REGISTRY);
    const branch = 'plugin/osaurus.demo-1.2.3';
    const head = emu.branches('alice/osaurus-tools')![branch]!;
    assert.equal(emu.commit('alice/osaurus-tools', head).message, 'Add osaurus.demo v1.2.3');
    const sent = emu.repoFile('alice/osaurus-tools', branch, 'plugins/osaurus.demo.json')!;
    assert.equal(sent, await fs.readFile(path.join(r.dir, 'registry/osaurus.demo.json'), 'utf8'));
    const entry = JSON.parse(sent);
    assert.equal(entry.public_keys.minisign, keys.publicKey);
    assert.equal(
      entry.versions[0].artifacts[0].url,
      `https://github.com/${REPO}/releases/download/v1.2.3/${ZIP}`,
    );
    assert.equal(
      entry.versions[0].artifacts[0].minisign.signature,
      await fs.readFile(`${zip}.minisig`, 'utf8'),
    );

    const again = await action(r, REPO, {});
    assert.equal(again.status, 0, again.stdout + again.stderr);
    assert.equal(emu.pulls(REGISTRY).length, 1, 'a rerun opens no second pull request');
    assert.match(again.stdout, /registry pull request is up to date/);
  });

  test('a registry entry with another key stops the release before anything is published', async () => {
    const r = await makeOsaurusRepo();
    repos.push(r);
    emu.seedRepoFiles(REGISTRY, 'main', {
      'plugins/osaurus.demo.json': `${JSON.stringify({ plugin_id: 'osaurus.demo', public_keys: { minisign: other.publicKey }, versions: [] })}\n`,
    });
    const res = await action(r, 'acme/second-plugin', {});
    assert.notEqual(res.status, 0);
    assert.match(res.stdout + res.stderr, /REGISTRY_KEY_CHANGED/);
    assert.equal(emu.releases('acme/second-plugin').length, 0);
  });
});
