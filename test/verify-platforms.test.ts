import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import type { VerifyReport } from '../src/verify/index.ts';
import { makePluginRepo, runAction, type PluginRepo } from './support/fixture.ts';
import { startSigstoreStandIn } from './support/sigstore/index.ts';

// verify's platform rows and its environment failures, through the action entry on local dist
// directories: what `nexo plugin install` on each common platform would get.
const GNU = 'x86_64-unknown-linux-gnu';
const ARM = 'aarch64-unknown-linux-gnu';
const MUSL = 'x86_64-unknown-linux-musl';
const ENV = { GITHUB_REF: 'refs/tags/v1.2.3', SOURCE_DATE_EPOCH: '1700000000' };
const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});
async function repo(): Promise<PluginRepo> {
  const r = await makePluginRepo();
  cleanups.push(() => r.cleanup());
  return r;
}
async function packed(targets: string[]): Promise<PluginRepo> {
  const r = await repo();
  for (const t of targets) await r.binary(t);
  const res = await runAction(
    { command: 'pack', targets: targets.join(',') },
    { cwd: r.dir, env: ENV },
  );
  assert.equal(res.status, 0, res.stdout);
  return r;
}
async function verify(
  r: PluginRepo,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
) {
  const res = await runAction(
    { command: 'verify', ...inputs },
    { cwd: r.dir, env: { ...ENV, ...env } },
  );
  const report = res.outputs.report ? (JSON.parse(res.outputs.report) as VerifyReport) : undefined;
  return { res, report };
}

describe('verify: what each common platform gets', () => {
  test('a release no common platform can install fails, even when its only target is listed', async () => {
    const r = await packed([MUSL]);
    const { res, report } = await verify(r, { targets: MUSL });
    assert.equal(res.status, 1);
    assert.match(
      res.stdout,
      /::error::\[VERIFY_FAILED\].*TargetNotFound.*no common platform can install/,
    );
    assert.equal(report!.ok, false);
    assert.deepEqual(
      report!.platforms.map((p) => [p.target, p.tarball, p.status]),
      [
        [GNU, null, 'fail'],
        [ARM, null, 'fail'],
        ['x86_64-apple-darwin', null, 'fail'],
        ['aarch64-apple-darwin', null, 'fail'],
      ],
    );
    const check = report!.checks.find((c) => c.check === 'platforms')!;
    assert.equal(check.status, 'fail');
    assert.equal(check.code, 'TargetNotFound');
    // The tarball itself is fine: only the platforms fail.
    assert.ok(report!.checks.some((c) => c.check === 'target' && c.status === 'pass'));
  });

  test('one Linux platform suffices; the platforms without a tarball stay information', async () => {
    const r = await packed([GNU]);
    const { res, report } = await verify(r, { targets: GNU });
    assert.equal(res.status, 0, res.stdout);
    assert.deepEqual(
      report!.platforms.map((p) => p.status),
      ['pass', 'info', 'info', 'info'],
    );
  });

  test('a platform row fails when the tarball it would pick fails a check', async () => {
    const r = await packed([GNU, ARM]);
    await fs.writeFile(
      path.join(r.dir, 'dist', `demo_plugin-1.2.3-${GNU}.tar.gz.sha256`),
      `${'0'.repeat(64)}\n`,
    );
    const { res, report } = await verify(r, { targets: `${GNU},${ARM}` });
    assert.equal(res.status, 1);
    const byTarget = Object.fromEntries(report!.platforms.map((p) => [p.target, p]));
    assert.equal(byTarget[GNU]!.status, 'fail');
    assert.equal(byTarget[GNU]!.code, 'Sha256Mismatch');
    assert.equal(byTarget[ARM]!.status, 'pass');
    assert.match(
      res.summary,
      /\| Linux x86_64 \| x86_64-unknown-linux-gnu \| .* \| \*\*FAIL\*\* `Sha256Mismatch` \|/,
    );
  });
});

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('verify without a reachable trust root', () => {
  test('signatures present, no network, no trusted-root: TRUST_ROOT_UNAVAILABLE, not CosignFailed', async () => {
    const subject = 'https://github.com/octo/plugin/.github/workflows/release.yml@refs/tags/v1.2.3';
    const sig = await startSigstoreStandIn({ subject });
    cleanups.push(() => sig.close());
    const r = await packed([GNU]);
    const signEnv = { ...ENV, ...sig.env() };
    const signed = await runAction(
      {
        command: 'sign',
        targets: GNU,
        'fulcio-url': sig.url,
        'rekor-url': sig.url,
        'trusted-root': sig.trustedRootPath,
      },
      { cwd: r.dir, env: signEnv },
    );
    assert.equal(signed.status, 0, signed.stdout);
    // With the stand-in's root the signatures verify...
    const ok = await verify(
      r,
      { targets: GNU, 'trusted-root': sig.trustedRootPath },
      { GITHUB_REPOSITORY: 'octo/plugin', GITHUB_SERVER_URL: 'https://github.com' },
    );
    assert.equal(ok.res.status, 0, ok.res.stdout);
    // ...without it the public-good root must come from its TUF repository, which is unreachable
    // here (an empty cache, and every connection through a proxy that refuses).
    const home = await fs.mkdtemp(path.join(os.tmpdir(), 'prt-home-'));
    cleanups.push(() => fs.rm(home, { recursive: true, force: true }));
    const proxy = `http://127.0.0.1:${await closedPort()}`;
    const { res, report } = await verify(
      r,
      { targets: GNU },
      {
        GITHUB_REPOSITORY: 'octo/plugin',
        GITHUB_SERVER_URL: 'https://github.com',
        HOME: home,
        XDG_DATA_HOME: path.join(home, 'data'),
        HTTPS_PROXY: proxy,
        https_proxy: proxy,
        NO_PROXY: '',
      },
    );
    assert.equal(res.status, 1);
    assert.match(
      res.stdout,
      /::error::\[TRUST_ROOT_UNAVAILABLE\] the Sigstore trust root could not be fetched.*trusted-root/,
    );
    assert.doesNotMatch(res.stdout, /CosignFailed/);
    assert.equal(report, undefined, 'no report claims the signatures failed');
  });
});
