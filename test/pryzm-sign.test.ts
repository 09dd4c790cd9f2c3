import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { toBase64, toBase64Url } from '../src/crypto/base64.ts';
import { canonicalJson } from '../src/crypto/canonical-json.ts';
import { ed25519PublicKey } from '../src/crypto/ed25519.ts';
import { profile } from '../src/ecosystems/pryzm/index.ts';
import { isReleaseError } from '../src/errors.ts';
import { Findings } from '../src/verify/report.ts';
import { localSource } from '../src/verify/source.ts';
import { ROOT } from './support/fixture.ts';
import {
  makePryzmPlugin,
  newSeed,
  pryzmConfig,
  pryzmContext,
  pryzmManifest,
  type PryzmPlugin,
} from './support/pryzm.ts';

const TGZ = 'acme-wall-counter-1.2.3.tgz';
const SIG = `${TGZ}.signature.json`;
const EPOCH = 1_700_000_000;
const seed = newSeed();
const plugins: PryzmPlugin[] = [];
after(() => Promise.all(plugins.map((p) => p.cleanup())));

function python(sigFile: string, tgz: string) {
  const out = execFileSync(
    'python3',
    [path.join(ROOT, 'test/support/pryzm_verify.py'), sigFile, tgz],
    { encoding: 'utf8' },
  );
  return JSON.parse(out) as {
    canonical: string;
    valid: boolean;
    fileText: string;
    fileExpected: string;
    sha256: string;
  };
}

async function packAndSign(p: PryzmPlugin, inputs: Record<string, string> = {}) {
  const config = pryzmConfig(p.dir, {
    'source-date-epoch': String(EPOCH),
    'pryzm-publisher-key': seed.toString('base64'),
    ...inputs,
  });
  const { ctx, reporter } = pryzmContext(config);
  const packed = await profile.pack(ctx);
  const signed = await profile.signNative!(ctx);
  return { config, reporter, packed, signed, dist: config.distDir };
}

async function verifyDir(dir: string, config: ReturnType<typeof pryzmConfig>, tag = 'v1.2.3') {
  const findings = new Findings();
  const source = await localSource(dir, config.manifestPath);
  const found = await profile.verify({
    config,
    source,
    tag,
    findings,
    repo: null,
    stage: 'local',
    targets: [],
  });
  return { found, findings, failed: findings.list.filter((c) => c.status === 'fail') };
}

/** A copy of dist to tamper with. */
async function copyDist(from: string, to: string): Promise<string> {
  await fs.cp(from, to, { recursive: true });
  return to;
}

describe('pryzm pack + signature', () => {
  let p: PryzmPlugin;
  let run: Awaited<ReturnType<typeof packAndSign>>;
  before(async () => {
    p = await makePryzmPlugin({
      manifest: pryzmManifest({
        pricingModel: 'one-time',
        pricingCurrency: 'EUR',
        pricingAmount: 12,
        contributions: [
          { kind: 'view-template', id: 'v', label: 'Ansicht «Süd»', templateFile: 't.json' },
          {
            kind: 'element-type',
            id: 'e',
            label: '梁',
            ifcEntityType: 'IfcBeam',
            familyFile: 'f.pryzm-family',
          },
        ],
      }),
    });
    plugins.push(p);
    run = await packAndSign(p);
  });

  test('pack: npm tarball + .sha256; sign: <tgz>.signature.json', async () => {
    assert.deepEqual(
      run.packed.map((a) => a.name),
      [TGZ, `${TGZ}.sha256`],
    );
    assert.deepEqual(
      run.signed.map((a) => a.name),
      [SIG],
    );
    const bytes = await fs.readFile(path.join(run.dist, TGZ));
    const sha = createHash('sha256').update(bytes).digest('hex');
    assert.equal(await fs.readFile(path.join(run.dist, `${TGZ}.sha256`), 'utf8'), `${sha}\n`);
    const listing = execFileSync('tar', ['-tzf', path.join(run.dist, TGZ)], {
      encoding: 'utf8',
    }).split('\n');
    assert.ok(listing.includes('package/plugin.manifest.json'), listing.join(','));
  });

  test('the signature verifies under an independent implementation (python cryptography)', async () => {
    const sigFile = path.join(run.dist, SIG);
    const py = python(sigFile, path.join(run.dist, TGZ));
    assert.equal(py.valid, true);
    const sig = JSON.parse(await fs.readFile(sigFile, 'utf8'));
    assert.equal(py.canonical, canonicalJson(sig.payload));
    assert.equal(
      py.fileText,
      py.fileExpected,
      'file = canonical JSON re-indented to 2 spaces + LF',
    );
    assert.equal(sig.payload.fileSha256, py.sha256);
    assert.equal(sig.payload.signedAt, new Date(EPOCH * 1000).toISOString());
    assert.equal(sig.payload.signedAt, '2023-11-14T22:13:20.000Z');
    assert.equal(sig.publisherPublicKeyB64, toBase64(ed25519PublicKey(seed)));
    assert.equal(Buffer.from(sig.signatureB64, 'base64').length, 64);
    // The validated manifest with defaults, non-ASCII kept raw, nested arrays and objects.
    assert.equal(sig.payload.manifest.license, 'MIT');
    assert.deepEqual(sig.payload.manifest.allowedOrigins, []);
    assert.equal(sig.payload.manifest.displayName, 'Wall Counter · Zähler 壁');
    assert.deepEqual(Object.keys(sig), ['payload', 'publisherPublicKeyB64', 'signatureB64']);
    assert.ok(py.canonical.includes('"label":"梁"'));
  });

  test('the public key is shown in standard base64 and unpadded base64url', () => {
    const pk = ed25519PublicKey(seed);
    const text = [...run.reporter.summaries, ...run.reporter.records.map((r) => r.message)].join(
      '\n',
    );
    assert.ok(text.includes(toBase64(pk)));
    assert.ok(text.includes(toBase64Url(pk)));
    assert.equal(text.includes(seed.toString('base64')), false, 'the seed is never printed');
    assert.ok(run.reporter.secrets.includes(seed.toString('base64')));
  });

  test('signing again gives the same bytes (deterministic Ed25519, signedAt from the source date)', async () => {
    const before = await fs.readFile(path.join(run.dist, SIG));
    const { ctx } = pryzmContext(run.config);
    await profile.signNative!(ctx);
    assert.deepEqual(await fs.readFile(path.join(run.dist, SIG)), before);
  });

  test('verify on dist: every check passes', async () => {
    const v = await verifyDir(run.dist, run.config);
    assert.deepEqual(v.failed, []);
    assert.deepEqual(v.found, { id: 'wall-counter', version: '1.2.3' });
    const checks = v.findings.list.map((c) => c.check);
    for (const c of [
      'tarball',
      'sha256',
      'manifest',
      'version',
      'signature-file',
      'manifest-match',
      'file-hash',
      'signature',
    ])
      assert.ok(checks.includes(c), c);
  });

  test('tampering with the manifest: manifest-mismatch', async () => {
    const dir = await copyDist(run.dist, path.join(p.dir, 't-manifest'));
    const sig = JSON.parse(await fs.readFile(path.join(dir, SIG), 'utf8'));
    sig.payload.manifest.permissions.push('write:project');
    await fs.writeFile(path.join(dir, SIG), JSON.stringify(sig));
    const v = await verifyDir(dir, run.config);
    assert.deepEqual(
      v.failed.map((c) => [c.check, c.code]),
      [['manifest-match', 'manifest-mismatch']],
    );
  });

  test('tampering with the tarball: tarball-mismatch', async () => {
    const dir = await copyDist(run.dist, path.join(p.dir, 't-tarball'));
    await p.write('build/plugin.js', 'export function activate() { steal(); }\n');
    const config = pryzmConfig(p.dir, {
      dist: 't-tarball-new',
      'source-date-epoch': String(EPOCH),
    });
    const { ctx } = pryzmContext(config);
    await profile.pack(ctx);
    for (const f of [TGZ, `${TGZ}.sha256`])
      await fs.copyFile(path.join(config.distDir, f), path.join(dir, f));
    const v = await verifyDir(dir, run.config);
    assert.deepEqual(
      v.failed.map((c) => [c.check, c.code]),
      [['file-hash', 'tarball-mismatch']],
    );
  });

  test('tampering with the time (signedAt): signature-invalid, in python too', async () => {
    const dir = await copyDist(run.dist, path.join(p.dir, 't-time'));
    const sig = JSON.parse(await fs.readFile(path.join(dir, SIG), 'utf8'));
    sig.payload.signedAt = '2030-01-01T00:00:00.000Z';
    await fs.writeFile(path.join(dir, SIG), JSON.stringify(sig));
    const v = await verifyDir(dir, run.config);
    assert.deepEqual(
      v.failed.map((c) => [c.check, c.code]),
      [['signature', 'signature-invalid']],
    );
    assert.equal(python(path.join(dir, SIG), path.join(dir, TGZ)).valid, false);
  });

  test('tampering with the key: signature-invalid, in python too', async () => {
    const dir = await copyDist(run.dist, path.join(p.dir, 't-key'));
    const sig = JSON.parse(await fs.readFile(path.join(dir, SIG), 'utf8'));
    sig.publisherPublicKeyB64 = toBase64(ed25519PublicKey(newSeed()));
    await fs.writeFile(path.join(dir, SIG), JSON.stringify(sig));
    const v = await verifyDir(dir, run.config);
    assert.deepEqual(
      v.failed.map((c) => [c.check, c.code]),
      [['signature', 'signature-invalid']],
    );
    assert.equal(python(path.join(dir, SIG), path.join(dir, TGZ)).valid, false);
  });

  test('trusted-publisher-keys: our key (in either encoding) passes, another is publisher-untrusted', async () => {
    const pk = ed25519PublicKey(seed);
    const ok = await verifyDir(
      run.dist,
      pryzmConfig(p.dir, {
        'trusted-publisher-keys': `${toBase64(ed25519PublicKey(newSeed()))}\n${toBase64Url(pk)}`,
      }),
    );
    assert.deepEqual(ok.failed, []);
    assert.ok(
      ok.findings.list.some((c) => c.check === 'trusted-publisher-keys' && c.status === 'pass'),
    );
    const bad = await verifyDir(
      run.dist,
      pryzmConfig(p.dir, { 'trusted-publisher-keys': toBase64(ed25519PublicKey(newSeed())) }),
    );
    assert.deepEqual(
      bad.failed.map((c) => [c.check, c.code]),
      [['trusted-publisher-keys', 'publisher-untrusted']],
    );
  });

  test('verify: a version that is not the tag fails; a missing signature file fails', async () => {
    assert.deepEqual(
      (await verifyDir(run.dist, run.config, 'v1.2.4')).failed.map((c) => c.code),
      ['version-mismatch'],
    );
    const dir = await copyDist(run.dist, path.join(p.dir, 't-nosig'));
    await fs.rm(path.join(dir, SIG));
    assert.deepEqual(
      (await verifyDir(dir, run.config)).failed.map((c) => c.code),
      ['signature-missing'],
    );
  });
});

describe('pryzm pack refusals', () => {
  test('a tarball without plugin.manifest.json is refused', async () => {
    const p = await makePryzmPlugin({ pkg: { files: ['build/'] } });
    plugins.push(p);
    const { ctx } = pryzmContext(pryzmConfig(p.dir));
    await assert.rejects(profile.pack(ctx), (e) => isReleaseError(e, 'ARTIFACT_REFUSED'));
  });

  test('signing without a key: KEY_INVALID', async () => {
    const p = await makePryzmPlugin();
    plugins.push(p);
    const { ctx } = pryzmContext(pryzmConfig(p.dir));
    await profile.pack(ctx);
    await assert.rejects(profile.signNative!(ctx), (e) => isReleaseError(e, 'KEY_INVALID'));
  });
});
