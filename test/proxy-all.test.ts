import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startSigstoreStandIn, type SigstoreStandIn } from './support/sigstore/index.ts';
import { ARM, GNU, REPO, publishWorld, type PublishWorld } from './support/publish-fixture.ts';
import { startProxy, type TestProxy } from './support/proxy/index.ts';

// A self-hosted runner behind a proxy: a signed `all` run through the real action entry, the
// GitHub emulator and the Sigstore stand-in, with HTTPS_PROXY / HTTP_PROXY pointing at a real
// proxy process on loopback. The proxy's outgoing connections leave from 127.0.0.2, so each
// server can tell a proxied request from a direct one (127.0.0.1). The fixture's
// NO_PROXY=127.0.0.1 is cleared: here loopback is proxied unless NO_PROXY names it.
const SUBJECT = `https://github.com/${REPO}/.github/workflows/release.yml@refs/tags/v1.2.3`;

let proxy: TestProxy;
const closers: (() => Promise<void>)[] = [];
before(async () => {
  proxy = await startProxy();
});
after(async () => {
  for (const c of closers) await c();
  await proxy.close();
});

/**
 * `sigstoreHost` names the stand-in in every URL the run is given: Sigstore's own clients
 * (make-fetch-happen) match NO_PROXY by host name only, so the bypass case reaches it as
 * `localhost` while GitHub stays at 127.0.0.1.
 */
async function signedAll(opts: {
  sigstoreHost: string;
  noProxy: (sig: SigstoreStandIn, w: PublishWorld) => string;
}) {
  const w = await publishWorld();
  const sig = await startSigstoreStandIn({ subject: SUBJECT });
  closers.push(
    () => w.close(),
    () => sig.close(),
  );
  const at = (url: string) => url.replace('127.0.0.1', opts.sigstoreHost);
  const sigUrl = at(sig.url);
  await w.repo.binary(GNU);
  await w.repo.binary(ARM);
  const env = {
    ...sig.env(),
    ACTIONS_ID_TOKEN_REQUEST_URL: at(sig.oidcRequestURL),
    GITHUB_WORKFLOW_REF: `${REPO}/.github/workflows/release.yml@refs/tags/v1.2.3`,
    HTTPS_PROXY: proxy.url,
    http_proxy: proxy.url,
    NO_PROXY: opts.noProxy(sig, w),
  };
  const signing = {
    'fulcio-url': sigUrl,
    'rekor-url': sigUrl,
    'tsa-url': sigUrl,
    'trusted-root': sig.trustedRootPath,
  };
  const targets = `${GNU},${ARM}`;
  const res = await w.action({ command: 'all', targets, sign: 'true', ...signing }, { env });
  assert.equal(res.status, 0, res.stdout + res.stderr);
  // The run's own verify keeps the draft's verdict (nothing to download); an operator's verify
  // of the published release downloads every asset, also through the proxy.
  const check = await w.action(
    { command: 'verify', repo: REPO, tag: 'v1.2.3', targets, 'trusted-root': sig.trustedRootPath },
    { env },
  );
  assert.equal(check.status, 0, check.stdout + check.stderr);
  return { w, sig };
}

describe('behind a proxy', () => {
  test('every request of a signed `all` run goes through the proxy', async () => {
    const { w, sig } = await signedAll({ sigstoreHost: '127.0.0.1', noProxy: () => '' });
    const rel = w.emu.releases(REPO)[0]!;
    assert.equal(rel.draft, false);
    const routes = new Set(w.emu.requests.map((r) => r.route));
    for (const r of ['create-release', 'upload-asset', 'update-release', 'get-asset', 'download'])
      assert.ok(routes.has(r as never), `${r} in ${[...routes].join(', ')}`);
    const direct = w.emu.requests.filter((r) => r.from !== proxy.localAddress);
    assert.deepEqual(
      direct.map((r) => `${r.method} ${r.path}`),
      [],
    );
    for (const s of ['oidc', 'fulcio', 'rekor', 'tsa'] as const)
      assert.ok(
        sig.requests.some((r) => r.service === s),
        `${s} was asked`,
      );
    assert.deepEqual(
      sig.requests.filter((r) => r.from !== proxy.localAddress),
      [],
    );
    const hosts = new Set(proxy.targets.map((t) => t.target));
    for (const origin of [w.emu.apiUrl, w.emu.uploadsOrigin, w.emu.downloadOrigin, sig.url])
      assert.ok(hosts.has(new URL(origin).host), `${origin} through the proxy`);
  });

  test('hosts in NO_PROXY connect directly, the rest still through the proxy', async () => {
    const { w, sig } = await signedAll({
      sigstoreHost: 'localhost',
      // A host name, and a host:port (only the downloads server of the emulator's three).
      noProxy: (_s, world) => `localhost, ${new URL(world.emu.downloadOrigin).host}`,
    });
    assert.ok(sig.requests.length > 0);
    assert.deepEqual(new Set(sig.requests.map((r) => r.from)), new Set(['127.0.0.1']));
    const downloads = w.emu.requests.filter((r) => r.origin === 'download');
    assert.ok(downloads.length > 0);
    assert.deepEqual(new Set(downloads.map((r) => r.from)), new Set(['127.0.0.1']));
    const rest = w.emu.requests.filter((r) => r.origin !== 'download');
    assert.deepEqual(new Set(rest.map((r) => r.from)), new Set([proxy.localAddress]));
  });
});
