import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { toBase64, toBase64Url } from '../src/crypto/base64.ts';
import { ed25519PublicKey } from '../src/crypto/ed25519.ts';
import { profile } from '../src/ecosystems/pryzm/index.ts';
import { isReleaseError } from '../src/errors.ts';
import { Findings } from '../src/verify/report.ts';
import { localSource } from '../src/verify/source.ts';
import { startMarketplace } from './support/pryzm-marketplace.ts';
import {
  makePryzmPlugin,
  newSeed,
  pryzmConfig,
  pryzmContext,
  type PryzmPlugin,
} from './support/pryzm.ts';

const seed = newSeed();
const pk = ed25519PublicKey(seed);
let p: PryzmPlugin;
before(async () => (p = await makePryzmPlugin()));
after(() => p.cleanup());

async function crl(name: string, body: unknown): Promise<string> {
  const file = path.join(p.dir, name);
  await fs.writeFile(file, typeof body === 'string' ? body : JSON.stringify(body));
  return file;
}

function preflight(inputs: Record<string, string>, env: Record<string, string> = {}) {
  const config = pryzmConfig(
    p.dir,
    { command: 'publish', 'pryzm-publisher-key': seed.toString('base64'), ...inputs },
    env,
  );
  const { ctx, reporter } = pryzmContext(config);
  return { run: () => profile.preflight!(ctx), reporter };
}

const code = (c: string) => (e: unknown) => isReleaseError(e) && e.code === c;

describe('pryzm revocation list (preflight, before anything is uploaded)', () => {
  test('a revoked publisher key stops the run, compared as bytes (base64url entry, padded key)', async () => {
    const file = await crl('crl-key.json', {
      issuedAt: 'x',
      revokedPublisherKeysB64: [toBase64Url(pk)],
      revokedPluginIdAtVersion: [],
    });
    await assert.rejects(preflight({ 'revocation-list': file }).run(), code('REVOKED'));
  });

  test('<id>@<version> stops the run', async () => {
    const file = await crl('crl-id.json', { revokedPluginIdAtVersion: ['wall-counter@1.2.3'] });
    await assert.rejects(preflight({ 'revocation-list': file }).run(), code('REVOKED'));
  });

  test('<publisher>/<id>@<version> stops the run when pryzm-publisher is that publisher', async () => {
    const file = await crl('crl-slug.json', {
      revokedPluginIdAtVersion: ['acme/wall-counter@1.2.3'],
    });
    await assert.rejects(
      preflight({ 'revocation-list': file, 'pryzm-publisher': 'acme' }).run(),
      code('REVOKED'),
    );
    await preflight({ 'revocation-list': file, 'pryzm-publisher': 'other' }).run();
  });

  test('other entries, or missing arrays, let the run through', async () => {
    const file = await crl('crl-other.json', {
      revokedPublisherKeysB64: [toBase64(ed25519PublicKey(newSeed()))],
      revokedPluginIdAtVersion: ['wall-counter@1.2.2'],
    });
    const ok = preflight({ 'revocation-list': file });
    await ok.run();
    assert.match(
      ok.reporter.records.map((r) => r.message).join('\n'),
      /neither the publisher key nor wall-counter@1\.2\.3 is revoked/,
    );
    await preflight({
      'revocation-list': await crl('crl-empty.json', { issuedAt: '2026-01-01T00:00:00Z' }),
    }).run();
  });

  test("an https (here loopback http) URL is fetched: the marketplace's /v1/revocations.json", async () => {
    const m = await startMarketplace({ crl: { revokedPublisherKeysB64: [toBase64(pk)] } });
    try {
      await assert.rejects(
        preflight({ 'revocation-list': `${m.url}/v1/revocations.json` }).run(),
        code('REVOKED'),
      );
      m.options.crl.revokedPublisherKeysB64 = [];
      await preflight({ 'revocation-list': `${m.url}/v1/revocations.json` }).run();
      for (let i = 0; i < 6; i++) m.script.push({ status: 503, body: { error: 'internal_error' } });
      await assert.rejects(
        preflight(
          { 'revocation-list': `${m.url}/v1/revocations.json` },
          { PLUGIN_RELEASE_RETRY_BASE_MS: '1' },
        ).run(),
        code('PREFLIGHT'),
      );
    } finally {
      await m.close();
    }
  });

  test('a list that cannot be read fails closed', async () => {
    for (const file of [
      path.join(p.dir, 'missing.json'),
      await crl('crl-bad.json', '{not json'),
      await crl('crl-arr.json', []),
      await crl('crl-num.json', { revokedPluginIdAtVersion: [1] }),
    ]) {
      await assert.rejects(preflight({ 'revocation-list': file }).run(), code('PREFLIGHT'), file);
    }
  });

  test('a run that signs needs the key up front: KEY_INVALID from preflight', async () => {
    const config = pryzmConfig(p.dir, { command: 'all' });
    await assert.rejects(profile.preflight!(pryzmContext(config).ctx), code('KEY_INVALID'));
  });
});

describe('pryzm verify with a revocation list', () => {
  test('publisher-revoked, then plugin-revoked, as the SDK verifier reports them', async () => {
    const config = pryzmConfig(p.dir, { 'pryzm-publisher-key': seed.toString('base64') });
    const { ctx } = pryzmContext(config);
    await profile.pack(ctx);
    await profile.signNative!(ctx);
    const verify = async (list: unknown) => {
      const c = pryzmConfig(p.dir, { 'revocation-list': await crl('crl-verify.json', list) });
      const findings = new Findings();
      await profile.verify({
        config: c,
        source: await localSource(c.distDir, c.manifestPath),
        tag: 'v1.2.3',
        findings,
        repo: null,
        stage: 'local',
        targets: [],
      });
      return findings.list.filter((f) => f.status === 'fail').map((f) => [f.check, f.code]);
    };
    assert.deepEqual(
      await verify({
        revokedPublisherKeysB64: [toBase64(pk)],
        revokedPluginIdAtVersion: ['wall-counter@1.2.3'],
      }),
      [['revocation', 'publisher-revoked']],
    );
    assert.deepEqual(await verify({ revokedPluginIdAtVersion: ['wall-counter@1.2.3'] }), [
      ['revocation', 'plugin-revoked'],
    ]);
    assert.deepEqual(await verify({}), []);
  });
});
