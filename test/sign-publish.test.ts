import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { verifyBundleFile } from '../src/sign/index.ts';
import { startSigstoreStandIn, type SigstoreStandIn } from './support/sigstore/index.ts';
import { ARM, GNU, REPO, publishWorld, type PublishWorld } from './support/publish-fixture.ts';
import { makePluginRepo } from './support/fixture.ts';

// `all` with `sign: true` through the real action entry, the GitHub emulator and the Sigstore
// stand-in: what an operator downloads must verify, and nothing partial may be published.
const SUBJECT = `https://github.com/${REPO}/.github/workflows/release.yml@refs/tags/v1.2.3`;
const KINDS = ['sig', 'cert', 'pem', 'bundle', 'sigstore.json'];
const closers: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of closers) await c();
});

async function setup(opts: { immutable?: boolean } = {}): Promise<{
  w: PublishWorld;
  sig: SigstoreStandIn;
  inputs: Record<string, string>;
  env: Record<string, string>;
}> {
  const w = await publishWorld({ immutable: opts.immutable ?? false });
  const sig = await startSigstoreStandIn({ subject: SUBJECT });
  closers.push(
    () => w.close(),
    () => sig.close(),
  );
  await w.repo.binary(GNU);
  await w.repo.binary(ARM);
  const inputs = {
    command: 'all',
    targets: `${GNU},${ARM}`,
    sign: 'true',
    'fulcio-url': sig.url,
    'rekor-url': sig.url,
    'trusted-root': sig.trustedRootPath,
  };
  const env = {
    ...sig.env(),
    GITHUB_WORKFLOW_REF: `${REPO}/.github/workflows/release.yml@refs/tags/v1.2.3`,
  };
  return { w, sig, inputs, env };
}

describe('sign + publish', () => {
  test('every tarball carries all five files; the published bundles verify; one certificate', async () => {
    const { w, sig, inputs, env } = await setup();
    const res = await w.action(inputs, { env });
    assert.equal(res.status, 0, res.stdout);
    assert.equal(sig.counts.fulcio, 1);
    assert.equal(sig.counts.rekor, 2);
    const rel = w.emu.releases(REPO)[0]!;
    assert.equal(rel.draft, false);
    const names = new Set(rel.assets.map((a) => a.name));
    for (const t of [GNU, ARM])
      for (const k of ['', '.sha256', ...KINDS.map((x) => `.${x}`)])
        assert.ok(names.has(`demo_plugin-1.2.3-${t}.tar.gz${k}`), `${t}${k}`);
    assert.equal(res.outputs['signing-identity'], SUBJECT);
    assert.match(res.summary, /\[\[authors\]\]/);
    assert.match(res.summary, /identity_regexp = /);
    assert.match(res.summary, /cosign verify-blob/);
    // What the operator downloads verifies against the trusted root with the regexp from the summary.
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'prt-dl-'));
    closers.push(() => fs.rm(dir, { recursive: true, force: true }));
    const tarball = rel.assets.find((a) => a.name === `demo_plugin-1.2.3-${GNU}.tar.gz`)!;
    const bundle = rel.assets.find(
      (a) => a.name === `demo_plugin-1.2.3-${GNU}.tar.gz.sigstore.json`,
    )!;
    await fs.writeFile(path.join(dir, 't.tar.gz'), await w.emu.assetBytes(REPO, tarball.id));
    await fs.writeFile(path.join(dir, 'b.json'), await w.emu.assetBytes(REPO, bundle.id));
    const regexp = /identity_regexp = '(.*)'/.exec(res.summary)![1]!;
    await verifyBundleFile({
      bundlePath: path.join(dir, 'b.json'),
      artifactPath: path.join(dir, 't.tar.gz'),
      trustedRoot: { kind: 'file', path: sig.trustedRootPath },
      identityRegexp: regexp,
      issuer: 'https://token.actions.githubusercontent.com',
    });
  });

  test('per-job uploads: publish (no dist) refuses while one signature file is missing, then publishes', async () => {
    const { w, inputs, env } = await setup();
    const jobs = [];
    for (const t of [GNU, ARM]) {
      const r = await makePluginRepo();
      closers.push(() => r.cleanup());
      await r.binary(t);
      for (const command of ['pack', 'sign'])
        assert.equal(
          (await w.action({ ...inputs, command, targets: t }, { cwd: r.dir, env })).status,
          0,
        );
      jobs.push({ r, t });
    }
    await fs.rm(path.join(jobs[1]!.r.dir, 'dist', `demo_plugin-1.2.3-${ARM}.tar.gz.cert`));
    for (const j of jobs)
      assert.equal(
        (await w.action({ ...inputs, command: 'upload', targets: j.t }, { cwd: j.r.dir, env }))
          .status,
        0,
      );
    // The publish job checks out the repo (no dist) and judges what the build jobs attached.
    const refused = await w.action({ ...inputs, command: 'publish' }, { env });
    assert.equal(refused.status, 1);
    assert.match(
      refused.stdout,
      new RegExp(
        `\\[INCOMPLETE_RELEASE\\].*demo_plugin-1\\.2\\.3-${ARM}\\.tar\\.gz\\.cert is missing`,
      ),
    );
    assert.equal(w.emu.releases(REPO)[0]!.draft, true, 'nothing partial is published');
    // The ARM job reruns: its signature files are replaced, and publish goes through.
    for (const command of ['sign', 'upload'])
      assert.equal(
        (await w.action({ ...inputs, command, targets: ARM }, { cwd: jobs[1]!.r.dir, env })).status,
        0,
      );
    const ok = await w.action({ ...inputs, command: 'publish' }, { env });
    assert.equal(ok.status, 0, ok.stdout);
    assert.match(ok.stdout, /sign: skipped, no dist here/);
    const rel = w.emu.releases(REPO)[0]!;
    assert.equal(rel.draft, false);
    assert.equal(rel.assets.length, 1 + 2 * (2 + KINDS.length));
  });

  test('an identical rerun with signing uploads nothing: the signatures on the release stay valid', async () => {
    const { w, inputs, env } = await setup();
    assert.equal((await w.action(inputs, { env })).status, 0);
    const before = w.emu
      .releases(REPO)[0]!
      .assets.map((a) => `${a.name}:${a.digest}`)
      .sort();
    w.emu.resetRequests();
    const again = await w.action(inputs, { env });
    assert.equal(again.status, 0, again.stdout);
    assert.equal(w.emu.requests.filter((r) => r.route === 'upload-asset').length, 0);
    assert.deepEqual(
      w.emu
        .releases(REPO)[0]!
        .assets.map((a) => `${a.name}:${a.digest}`)
        .sort(),
      before,
    );
  });

  test('immutable: a signed identical rerun succeeds', async () => {
    const { w, inputs, env } = await setup({ immutable: true });
    assert.equal((await w.action(inputs, { env })).status, 0);
    const again = await w.action(inputs, { env });
    assert.equal(again.status, 0, again.stdout);
    assert.match(again.stdout, /nothing to do/);
  });

  test('missing OIDC permissions: a clear error and nothing uploaded', async () => {
    const { w, inputs } = await setup();
    const res = await w.action(inputs, {
      env: { GITHUB_WORKFLOW_REF: `${REPO}/.github/workflows/release.yml@refs/tags/v1.2.3` },
    });
    assert.equal(res.status, 1);
    assert.match(res.stdout, /\[OIDC_UNAVAILABLE\].*id-token: write/);
    assert.equal(w.emu.releases(REPO).length, 0);
  });

  test('Fulcio down: the run fails and nothing is published', async () => {
    const { w, sig, inputs, env } = await setup();
    sig.faults.down('fulcio', true);
    const res = await w.action(inputs, { env: { ...env, PLUGIN_RELEASE_RETRY_BASE_MS: '1' } });
    assert.equal(res.status, 1);
    assert.match(res.stdout, /\[SIGNING_FAILED\].*Fulcio/);
    assert.equal(w.emu.releases(REPO).length, 0);
  });

  test('a private repository signing to the public log gets a warning naming it', async () => {
    const { w, inputs, env } = await setup();
    const event = path.join(w.repo.dir, 'event.json');
    await fs.writeFile(event, JSON.stringify({ repository: { private: true, full_name: REPO } }));
    assert.equal((await w.action({ ...inputs, command: 'pack' }, { env })).status, 0);
    const res = await w.action(
      { ...inputs, command: 'sign', 'rekor-url': '', 'dry-run': 'true' },
      { env: { ...env, GITHUB_EVENT_PATH: event } },
    );
    assert.equal(res.status, 0, res.stdout);
    assert.match(
      res.stdout,
      new RegExp(
        `::warning::${REPO.replace('/', '\\/')} is private.*public Rekor transparency log`,
      ),
    );
  });
});
