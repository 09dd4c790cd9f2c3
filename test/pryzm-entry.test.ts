import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { toBase64, toBase64Url } from '../src/crypto/base64.ts';
import { ed25519PublicKey } from '../src/crypto/ed25519.ts';
import { startGitHubEmulator, type GitHubEmulator } from './support/github-emulator/index.ts';
import { runAction } from './support/fixture.ts';
import { startMarketplace, type StandInMarketplace } from './support/pryzm-marketplace.ts';
import { makePryzmPlugin, newSeed, pryzmManifest, type PryzmPlugin } from './support/pryzm.ts';

// The bundled action entry (node dist/index.js; npm test builds dist first) against the GitHub
// emulator and the stand-in marketplace, as a tag-push workflow runs it.
const REPO = 'acme/wall-counter';
const TOKEN = 'ghs_pryzmWriteToken0123456789';
const TGZ = 'acme-wall-counter-1.2.3.tgz';
const seed = newSeed();
const pk = ed25519PublicKey(seed);
let emu: GitHubEmulator;
let market: StandInMarketplace;
let plugin: PryzmPlugin;
const transcript: string[] = [];

before(async () => {
  emu = await startGitHubEmulator();
  emu.addRepo(REPO);
  emu.addToken(TOKEN, 'write');
  market = await startMarketplace({
    token: 'mkt-secret-token',
    publishers: { acme: toBase64Url(pk) },
    plugins: { [REPO]: 'acme' },
  });
  plugin = await makePryzmPlugin();
});
after(async () => {
  await Promise.all([emu.close(), market.close(), plugin.cleanup()]);
});

function env(version = '1.2.3') {
  return {
    GITHUB_API_URL: emu.apiUrl,
    GITHUB_SERVER_URL: emu.downloadOrigin,
    GITHUB_REPOSITORY: REPO,
    GITHUB_REF: `refs/tags/v${version}`,
    PLUGIN_RELEASE_RETRY_BASE_MS: '5',
    SOURCE_DATE_EPOCH: '1700000000',
  };
}

async function action(inputs: Record<string, string>, cwd = plugin.dir, version = '1.2.3') {
  const res = await runAction(
    {
      token: TOKEN,
      'pryzm-publisher-key': seed.toString('base64'),
      'marketplace-url': market.url,
      'marketplace-token': 'mkt-secret-token',
      'pryzm-publisher': 'acme',
      ...inputs,
    },
    { cwd, env: env(version) },
  );
  transcript.push(res.stdout, res.stderr, res.summary, JSON.stringify(res.outputs));
  return res;
}

describe('pryzm through the action entry', () => {
  test('command all: tgz + .sha256 + .signature.json published, then submitted to the marketplace', async () => {
    const res = await action({ command: 'all' });
    assert.equal(res.status, 0, res.stdout + res.stderr);
    assert.equal(res.outputs.id, 'wall-counter');
    const [release] = emu.releases(REPO);
    assert.equal(release?.draft, false);
    assert.deepEqual(release!.assets.map((a) => a.name).sort(), [
      TGZ,
      `${TGZ}.sha256`,
      `${TGZ}.signature.json`,
    ]);
    const sigAsset = release!.assets.find((a) => a.name === `${TGZ}.signature.json`)!;
    const sigBytes = await emu.assetBytes(REPO, sigAsset.id);
    assert.deepEqual(
      sigBytes,
      await fs.readFile(path.join(plugin.dir, 'dist', `${TGZ}.signature.json`)),
    );
    const tgzSha = (
      await fs.readFile(path.join(plugin.dir, 'dist', `${TGZ}.sha256`), 'utf8')
    ).trim();
    // The download URL as the API serves it for the published release.
    const listed = (await (
      await fetch(`${emu.apiUrl}/repos/${REPO}/releases/${release!.id}/assets`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      })
    ).json()) as { name: string; browser_download_url: string }[];
    const bundleUrl = listed.find((a) => a.name === TGZ)!.browser_download_url;
    const posts = market.requests.filter((r) => r.method === 'POST');
    assert.equal(posts.length, 1);
    assert.deepEqual(posts[0]!.body, {
      version: '1.2.3',
      bundleUrl,
      bundleSha256: tgzSha,
      signature: JSON.parse(sigBytes.toString('utf8')),
    });
    assert.match(bundleUrl, /\/releases\/download\/v1\.2\.3\//);
    assert.equal(market.versions.get(REPO)?.length, 1);
    assert.ok(res.summary.includes(toBase64(pk)) && res.summary.includes(toBase64Url(pk)));
    assert.match(res.summary, /PRYZM marketplace/);
  });

  test('a rerun succeeds: 409 version_exists with the same sha256', async () => {
    market.requests.length = 0;
    const res = await action({ command: 'all' });
    assert.equal(res.status, 0, res.stdout + res.stderr);
    assert.deepEqual(
      market.requests.map((r) => r.method),
      ['POST', 'GET'],
    );
    assert.equal(market.versions.get(REPO)?.length, 1);
    assert.match(res.stdout, /a rerun/);
  });

  test('a revoked version stops the run before anything is uploaded', async () => {
    const p = await makePryzmPlugin({
      manifest: pryzmManifest({ version: '1.3.0' }),
      pkg: { version: '1.3.0' },
    });
    try {
      market.options.crl.revokedPluginIdAtVersion = ['acme/wall-counter@1.3.0'];
      const uploadsBefore = emu.requests.filter(
        (r) => r.route === 'upload-asset' || r.route === 'create-release',
      ).length;
      const res = await action(
        { command: 'all', 'revocation-list': `${market.url}/v1/revocations.json` },
        p.dir,
        '1.3.0',
      );
      assert.equal(res.status, 1);
      assert.match(res.stdout, /::error::\[REVOKED\]/);
      assert.equal(
        emu.requests.filter((r) => r.route === 'upload-asset' || r.route === 'create-release')
          .length,
        uploadsBefore,
      );
      assert.equal(emu.releases(REPO).length, 1);
    } finally {
      market.options.crl.revokedPluginIdAtVersion = [];
      await p.cleanup();
    }
  });

  test('a prerelease tag and manifest errors: annotations that say what to do', async () => {
    const pre = await action({ command: 'validate', tag: 'v1.2.3-beta.1' });
    assert.equal(pre.status, 1);
    assert.match(pre.stdout, /\[TAG_INVALID\].*PRYZM versions have no prerelease part/);
    const bad = await makePryzmPlugin({ manifest: '{\n  "pryzmPlugin": "1.0",\n  "id": "X"\n}\n' });
    try {
      const res = await action({ command: 'validate' }, bad.dir);
      assert.equal(res.status, 1);
      assert.match(res.stdout, /::error file=plugin\.manifest\.json,line=3,col=9::/);
    } finally {
      await bad.cleanup();
    }
  });

  test('neither the key nor the marketplace token is ever printed', () => {
    const all = transcript.join('\n');
    for (const secret of [
      seed.toString('base64'),
      seed.toString('base64url'),
      'mkt-secret-token',
    ]) {
      assert.equal(all.replaceAll(`::add-mask::${secret}`, '').includes(secret), false, secret);
    }
  });
});
