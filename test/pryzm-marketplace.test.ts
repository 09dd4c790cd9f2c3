import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import type { RunContext } from '../src/context.ts';
import { toBase64, toBase64Url } from '../src/crypto/base64.ts';
import { ed25519PublicKey } from '../src/crypto/ed25519.ts';
import { profile } from '../src/ecosystems/pryzm/index.ts';
import { isReleaseError, type ReleaseError } from '../src/errors.ts';
import { startProxy } from './support/proxy/index.ts';
import {
  startMarketplace,
  type StandInMarketplace,
  type StandInOptions,
} from './support/pryzm-marketplace.ts';
import {
  makePryzmPlugin,
  newSeed,
  pryzmConfig,
  pryzmContext,
  type PryzmPlugin,
} from './support/pryzm.ts';

const TGZ = 'acme-wall-counter-1.2.3.tgz';
const SLUG = 'acme/wall-counter';
const BUNDLE_URL = `https://github.example/acme/wall-counter/releases/download/v1.2.3/${TGZ}`;
const seed = newSeed();
const pk = ed25519PublicKey(seed);
const destination = profile.destinations![0]!;
let p: PryzmPlugin;
let sha: string;
let signature: unknown;
const servers: StandInMarketplace[] = [];

before(async () => {
  p = await makePryzmPlugin();
  const { ctx } = pryzmContext(
    pryzmConfig(p.dir, {
      'pryzm-publisher-key': seed.toString('base64'),
      'source-date-epoch': '1',
    }),
  );
  const [tgz] = await profile.pack(ctx);
  await profile.signNative!(ctx);
  sha = tgz!.sha256;
  signature = JSON.parse(
    await fs.readFile(path.join(p.dir, 'dist', `${TGZ}.signature.json`), 'utf8'),
  );
});
after(() => p.cleanup());
afterEach(() => Promise.all(servers.splice(0).map((s) => s.close())));

async function market(opts: StandInOptions = {}) {
  const m = await startMarketplace({
    publishers: { acme: toBase64Url(pk) },
    plugins: { [SLUG]: 'acme' },
    ...opts,
  });
  servers.push(m);
  return m;
}

function context(
  m: StandInMarketplace,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
) {
  const config = pryzmConfig(
    p.dir,
    {
      'marketplace-url': m.url,
      'marketplace-token': 'mkt-token',
      'pryzm-publisher': 'acme',
      ...inputs,
    },
    { PLUGIN_RELEASE_RETRY_BASE_MS: '1', ...env },
  );
  const { ctx, reporter } = pryzmContext(config);
  ctx.state.assets = [
    {
      name: TGZ,
      path: path.join(config.distDir, TGZ),
      size: 1,
      sha256: sha,
      target: null,
      url: BUNDLE_URL,
    },
  ];
  return { ctx, reporter };
}

async function submit(
  m: StandInMarketplace,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
) {
  const { ctx, reporter } = context(m, inputs, env);
  assert.equal(destination.skip(ctx), undefined);
  await destination.run(ctx);
  return reporter;
}

async function failure(
  m: StandInMarketplace,
  code: string,
  inputs: Record<string, string> = {},
): Promise<ReleaseError> {
  const e = await submit(m, inputs).then(
    () => assert.fail('submitted'),
    (err: unknown) => err,
  );
  assert.ok(isReleaseError(e, code as ReleaseError['code']), String(e));
  assert.equal((e as Error).message.includes('mkt-token'), false, 'the token is never printed');
  return e as ReleaseError;
}

describe('pryzm marketplace destination', () => {
  test('201: the exact body, Bearer token, stored', async () => {
    const m = await market();
    const reporter = await submit(m);
    assert.equal(m.requests.length, 1);
    const r = m.requests[0]!;
    assert.equal(r.method, 'POST');
    assert.equal(r.path, `/v1/plugins/${SLUG}/versions`);
    assert.equal(r.authorization, 'Bearer mkt-token');
    assert.equal(r.contentType, 'application/json');
    assert.deepEqual(r.body, {
      version: '1.2.3',
      bundleUrl: BUNDLE_URL,
      bundleSha256: sha,
      signature,
    });
    assert.equal(m.versions.get(SLUG)?.[0]?.bundleSha256, sha);
    assert.match(reporter.summaries.join('\n'), /PRYZM marketplace/);
  });

  test('behind a proxy: the submission and the rerun listing go through HTTP_PROXY', async () => {
    // The real proxy process of the proxy tests: its outgoing connections leave from 127.0.0.2.
    const proxy = await startProxy();
    try {
      const m = await market();
      const env = { HTTP_PROXY: proxy.url, NO_PROXY: '' };
      await submit(m, {}, env);
      await submit(m, {}, env); // a rerun: POST 409, then GET the versions
      assert.deepEqual(
        m.requests.map((r) => `${r.method} ${r.from}`),
        ['POST', 'POST', 'GET'].map((method) => `${method} ${proxy.localAddress}`),
      );
      assert.ok(proxy.targets.some((t) => t.target === new URL(m.url).host));
      assert.equal(m.versions.get(SLUG)?.length, 1);
      // NO_PROXY naming the marketplace: a direct connection.
      const direct = await market();
      await submit(direct, {}, { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' });
      assert.deepEqual(
        direct.requests.map((r) => r.from),
        ['127.0.0.1'],
      );
    } finally {
      await proxy.close();
    }
  });

  test('a rerun: 409 version_exists with the same sha256 is success', async () => {
    const m = await market();
    await submit(m);
    const reporter = await submit(m);
    assert.deepEqual(m.requests.map((r) => `${r.method} ${r.path}`).slice(1), [
      `POST /v1/plugins/${SLUG}/versions`,
      `GET /v1/plugins/${SLUG}/versions`,
    ]);
    assert.match(reporter.records.map((r) => r.message).join('\n'), /rerun/);
  });

  test('409 version_exists with another sha256: VERSION_EXISTS (the version is burned)', async () => {
    const m = await market();
    m.versions.set(SLUG, [{ version: '1.2.3', bundleSha256: 'f'.repeat(64) }]);
    const e = await failure(m, 'VERSION_EXISTS');
    assert.match(e.message, /burned/);
  });

  test('404 plugin_not_found', async () => {
    const m = await market({ plugins: {} });
    assert.match((await failure(m, 'MARKETPLACE')).message, /Create the plugin/);
  });

  test('400 invalid_plugin_id from the server, and our own slug check before sending', async () => {
    const m = await market();
    m.script.push({ status: 400, body: { error: 'invalid_plugin_id' } });
    assert.match((await failure(m, 'MARKETPLACE')).message, /<publisher>\/<plugin>/);
    const local = await market();
    await failure(local, 'MARKETPLACE', { 'pryzm-publisher': 'Acme_Inc' });
    assert.equal(local.requests.length, 0);
  });

  test("400 invalid_body and invalid_manifest quote the server's details", async () => {
    const m = await market();
    m.script.push({
      status: 400,
      body: { error: 'invalid_body', issues: [{ path: ['bundleUrl'], message: 'Invalid url' }] },
    });
    assert.match((await failure(m, 'MARKETPLACE')).message, /Invalid url/);
    m.script.push({
      status: 400,
      body: {
        error: 'invalid_manifest',
        errors: ['displayName: String must contain at least 2 character(s)'],
      },
    });
    assert.match((await failure(m, 'MARKETPLACE')).message, /at least 2 character/);
  });

  test('403 signature_rejected names the reason', async () => {
    const m = await market({ crl: { revokedPluginIdAtVersion: ['wall-counter@1.2.3'] } });
    assert.match(
      (await failure(m, 'MARKETPLACE')).message,
      /rejected the signature: plugin-revoked/,
    );
  });

  test('403 publisher_key_mismatch shows both encodings of our key', async () => {
    const m = await market({ keyCompare: 'string' });
    const e = await failure(m, 'MARKETPLACE');
    assert.ok(e.message.includes(toBase64(pk)));
    assert.ok(e.message.includes(toBase64Url(pk)));
    const other = await market({ publishers: { acme: toBase64Url(ed25519PublicKey(newSeed())) } });
    await failure(other, 'MARKETPLACE');
    assert.equal(other.versions.size, 0);
  });

  test('409 publisher_missing', async () => {
    const m = await market({ publishers: {} });
    assert.match((await failure(m, 'MARKETPLACE')).message, /[Rr]egister the publisher/);
  });

  test('401 and other 403s: the token or its scope', async () => {
    assert.match(
      (await failure(await market({ token: 'other' }), 'MARKETPLACE')).message,
      /marketplace-token/,
    );
    assert.match(
      (await failure(await market({ scopes: ['project:read'] }), 'MARKETPLACE')).message,
      /project:write/,
    );
  });

  test('429 and 5xx are retried honouring Retry-After; 4xx are not', async () => {
    const m = await market();
    m.script.push(
      { status: 503, body: { error: 'internal_error' }, headers: { 'retry-after': '1' } },
      { status: 429, body: { error: 'rate_limited' } },
    );
    const start = Date.now();
    await submit(m);
    assert.ok(
      Date.now() - start >= 950,
      'waited the Retry-After second (other waits are ~1 ms here)',
    );
    assert.equal(m.requests.length, 3);
    assert.equal(m.versions.get(SLUG)?.length, 1);
    const down = await market();
    for (let i = 0; i < 10; i++)
      down.script.push({ status: 500, body: { error: 'internal_error', message: 'db down' } });
    assert.match((await failure(down, 'MARKETPLACE')).message, /after retries/);
    assert.equal(down.requests.length, 6);
    const once = await market({ plugins: {} });
    await failure(once, 'MARKETPLACE');
    assert.equal(once.requests.length, 1);
  });

  test('a signature for another version is refused before sending', async () => {
    const m = await market();
    const other = await makePryzmPlugin({
      manifest: {
        ...(signature as { payload: { manifest: Record<string, unknown> } }).payload.manifest,
        version: '1.2.4',
      },
      pkg: { version: '1.2.4' },
    });
    try {
      await fs.mkdir(path.join(other.dir, 'dist'));
      await fs.copyFile(
        path.join(p.dir, 'dist', `${TGZ}.signature.json`),
        path.join(other.dir, 'dist', 'acme-wall-counter-1.2.4.tgz.signature.json'),
      );
      const config = pryzmConfig(other.dir, {
        'marketplace-url': m.url,
        'marketplace-token': 'mkt-token',
        'pryzm-publisher': 'acme',
      });
      const { ctx } = pryzmContext(config);
      ctx.state.assets = [
        {
          name: 'acme-wall-counter-1.2.4.tgz',
          path: '',
          size: 1,
          sha256: sha,
          target: null,
          url: BUNDLE_URL,
        },
      ];
      await assert.rejects(destination.run(ctx), (e) => isReleaseError(e, 'ARTIFACT_REFUSED'));
      assert.equal(m.requests.length, 0);
    } finally {
      await other.cleanup();
    }
  });

  test('skipped with a reason when not configured, in dry runs and for drafts', async () => {
    const none = pryzmContext(pryzmConfig(p.dir)).ctx;
    assert.match(destination.skip(none) ?? '', /marketplace-url is not set/);
    const partial = pryzmContext(
      pryzmConfig(p.dir, { 'marketplace-url': 'https://m.example' }),
    ).ctx;
    assert.match(
      destination.skip(partial) ?? '',
      /marketplace-token and pryzm-publisher are not set/,
    );
    const m = await market();
    assert.match(destination.skip(context(m, { 'dry-run': 'true' }).ctx) ?? '', /dry run/);
    const draft = context(m).ctx;
    draft.state.github = { release: { draft: true } } as unknown as RunContext['state']['github'];
    assert.match(destination.skip(draft) ?? '', /draft/);
  });
});
