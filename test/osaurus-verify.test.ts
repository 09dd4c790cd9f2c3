import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { isReleaseError } from '../src/errors.ts';
import { profile } from '../src/ecosystems/osaurus/index.ts';
import { Findings } from '../src/verify/report.ts';
import { localSource } from '../src/verify/source.ts';
import { generateKeys, minisignVerify, run, type KeyPair } from './support/minisign.ts';
import { makeOsaurusRepo, type OsaurusRepo } from './support/osaurus.ts';
import { craftZip } from './support/zip-craft.ts';

const exec = promisify(execFile);
const ZIP = 'osaurus.demo-1.2.3.zip';
const repos: OsaurusRepo[] = [];
let keys: KeyPair;
let other: KeyPair;
let keyDir: OsaurusRepo;

before(async () => {
  keyDir = await makeOsaurusRepo({ docs: false });
  repos.push(keyDir);
  keys = await generateKeys(keyDir.dir, 'main');
  other = await generateKeys(keyDir.dir, 'other');
});
after(() => Promise.all(repos.map((r) => r.cleanup())));

async function released(extra: Record<string, string> = {}) {
  const r = await makeOsaurusRepo();
  repos.push(r);
  const inputs = {
    'minisign-secret-key': keys.secret,
    'minisign-public-key': keys.publicKey,
    'registry-entry': 'registry/plugins/osaurus.demo.json',
    tag: 'v1.2.3',
    repo: 'acme/demo',
    ...extra,
  };
  const ctx = r.ctx(inputs);
  await profile.preflight!(ctx);
  await profile.pack(ctx);
  await profile.signNative!(ctx);
  return { r, inputs, ctx };
}

async function verify(r: OsaurusRepo, inputs: Record<string, string>, tag = 'v1.2.3') {
  const config = r.config(inputs);
  const findings = new Findings();
  const found = await profile.verify({
    config,
    source: await localSource(config.distDir, config.manifestPath),
    tag,
    repo: 'acme/demo',
    stage: 'local',
    targets: [],
    findings,
  });
  const failed = findings.list
    .filter((c) => c.status === 'fail')
    .map((c) => `${c.check}:${c.code}`);
  return { found, findings, failed };
}

describe('osaurus verify', () => {
  test('a packed, signed release passes every check; minisign -V agrees; the entry is as written', async () => {
    const { r, inputs } = await released();
    const { found, findings, failed } = await verify(r, inputs);
    assert.deepEqual(found, { id: 'osaurus.demo', version: '1.2.3' });
    assert.deepEqual(failed, []);
    const checks = new Set(findings.list.filter((c) => c.status === 'pass').map((c) => c.check));
    for (const c of [
      'name',
      'sha256',
      'archive',
      'bytes',
      'contents',
      'layout',
      'dylib',
      'minisig',
      'registry',
    ])
      assert.ok(checks.has(c), c);
    const zip = path.join(r.dir, 'dist', ZIP);
    const v = await minisignVerify(zip, keys.publicKey);
    assert.equal(v.status, 0, v.stderr);
    const entry = JSON.parse(await fs.readFile(path.join(r.dir, inputs['registry-entry']), 'utf8'));
    const art = entry.versions[0].artifacts[0];
    assert.equal(art.signature, undefined);
    assert.equal(art.minisign.signature, await fs.readFile(`${zip}.minisig`, 'utf8'));
    assert.equal(art.size, (await fs.stat(zip)).size);
    assert.equal(art.url, `https://github.com/acme/demo/releases/download/v1.2.3/${ZIP}`);
    assert.equal(entry.public_keys.minisign, keys.publicKey);
  });

  test('a changed byte: sidecar, CRC and both signatures fail', async () => {
    const { r, inputs } = await released({ 'registry-entry': '' });
    const zip = path.join(r.dir, 'dist', ZIP);
    const bytes = await fs.readFile(zip);
    bytes[200] ^= 0xff; // inside the dylib's compressed data
    await fs.writeFile(zip, bytes);
    const { failed } = await verify(r, inputs);
    assert.ok(failed.includes('sha256:checksumMismatch'), failed.join());
    assert.ok(failed.includes('archive:archiveRejected'), failed.join());
    assert.ok(failed.includes('minisig:signatureVerificationFailed'), failed.join());
  });

  test("prehashed ED signatures, another key's signature, an edited trusted comment", async () => {
    const { r, inputs } = await released({ 'registry-entry': '' });
    const zip = path.join(r.dir, 'dist', ZIP);
    const sig = `${zip}.minisig`;
    const ours = await fs.readFile(sig, 'utf8');
    assert.equal((await run('minisign', ['-S', '-s', keys.secretFile, '-m', zip])).status, 0);
    assert.deepEqual((await verify(r, inputs)).failed, ['minisig:prehashNotSupported']);
    assert.equal(
      (await run('minisign', ['-S', '-l', '-s', other.secretFile, '-m', zip])).status,
      0,
    );
    assert.deepEqual((await verify(r, inputs)).failed, ['minisig:keyIdMismatch']);
    await fs.writeFile(sig, ours.replace('timestamp:1700000000', 'timestamp:1700000001'));
    assert.deepEqual((await verify(r, inputs)).failed, ['minisig:globalSignatureInvalid']);
    assert.notEqual((await minisignVerify(zip, keys.publicKey)).status, 0);
  });

  test("an Info-ZIP bundle with the CI's -macos-arm64 name and two dylibs", async () => {
    const r = await makeOsaurusRepo({ docs: false });
    repos.push(r);
    await fs.mkdir(path.join(r.dir, 'dist'));
    await r.write('b/libExtra.dylib', randomBytes(100));
    const name = 'osaurus.demo-1.2.3-macos-arm64.zip';
    await exec(
      'zip',
      ['-q', '-j', path.join(r.dir, 'dist', name), 'libOsaurusDemo.dylib', 'b/libExtra.dylib'],
      { cwd: r.dir },
    );
    await fs.rm(path.join(r.dir, 'osaurus-manifest.json'));
    const { failed, findings } = await verify(r, {}, 'v1.2.3');
    assert.ok(failed.includes('name:invalidNaming'), failed.join());
    assert.ok(failed.includes('bytes:zipFormat'), failed.join());
    const layout = findings.list.find((c) => c.check === 'layout')!;
    assert.equal(
      layout.message,
      'Archive must contain exactly one .dylib, found 2: libExtra.dylib, libOsaurusDemo.dylib',
    );
    assert.ok(failed.includes('sha256:sidecarInvalid'), failed.join());
  });

  test('what the extractor rejects: a link entry, a traversal path, a hidden file', async () => {
    const r = await makeOsaurusRepo({ docs: false });
    repos.push(r);
    await fs.mkdir(path.join(r.dir, 'dist'));
    const zip = craftZip([
      { name: 'lib.dylib', data: randomBytes(64), external: 0o100755 * 0x10000 },
      { name: 'link', data: Buffer.from('lib.dylib'), external: 0o120777 * 0x10000 },
      { name: '../escape.txt', data: Buffer.from('x') },
      { name: '.hidden', data: Buffer.from('x') },
    ]);
    await fs.writeFile(path.join(r.dir, 'dist', ZIP), zip);
    const { failed } = await verify(r, {});
    assert.ok(failed.filter((f) => f === 'archive:archiveRejected').length >= 2, failed.join());
    assert.ok(failed.includes('contents:bundleRefused'), failed.join());
  });
});

describe('osaurus preflight and signing', () => {
  test('wrong public key, wrong password, key change against registry-base, no registry-token', async () => {
    const r = await makeOsaurusRepo({ docs: false });
    repos.push(r);
    const pre = (inputs: Record<string, string>) =>
      profile.preflight!(r.ctx({ tag: 'v1.2.3', repo: 'acme/demo', ...inputs }));
    const code = (c: string) => (e: unknown) => isReleaseError(e, c as never);
    await assert.rejects(
      pre({ 'minisign-secret-key': keys.secret, 'minisign-public-key': other.publicKey }),
      code('KEY_INVALID'),
    );
    await assert.rejects(pre({ 'minisign-secret-key': 'not a key' }), code('KEY_INVALID'));
    await r.write(
      'base.json',
      JSON.stringify({
        plugin_id: 'osaurus.demo',
        public_keys: { minisign: other.publicKey },
        versions: [],
      }),
    );
    await assert.rejects(
      pre({ 'minisign-secret-key': keys.secret, 'registry-base': 'base.json' }),
      code('REGISTRY_KEY_CHANGED'),
    );
    await assert.rejects(
      pre({ 'minisign-secret-key': keys.secret, 'registry-repo': 'osaurus-ai/osaurus-tools' }),
      code('USAGE'),
    );
    await assert.rejects(pre({ 'registry-entry': 'x.json' }), code('USAGE'));
    await pre({ 'minisign-secret-key': keys.secret, 'minisign-public-key': keys.publicKey });
  });

  test('the entry merges into registry-base: older versions kept, sorted, key unchanged', async () => {
    const r0 = await makeOsaurusRepo({ docs: false });
    repos.push(r0);
    const base = path.join(r0.dir, 'base.json');
    await fs.writeFile(
      base,
      JSON.stringify({
        plugin_id: 'osaurus.demo',
        name: 'Kept',
        public_keys: { minisign: keys.publicKey },
        requires: { osaurus_min_version: '0.5.0' },
        versions: [
          {
            version: '1.0.0',
            artifacts: [
              {
                os: 'macos',
                arch: 'arm64',
                url: 'https://x/a.zip',
                sha256: 'c'.repeat(64),
                minisign: { signature: 'untrusted comment: a\nAAAA\ntrusted comment: b\nAAAA' },
              },
            ],
          },
        ],
      }),
    );
    const { r, inputs } = await released({ 'registry-base': base });
    const entry = JSON.parse(await fs.readFile(path.join(r.dir, inputs['registry-entry']), 'utf8'));
    assert.equal(entry.name, 'Kept');
    assert.deepEqual(
      entry.versions.map((v: { version: string }) => v.version),
      ['1.2.3', '1.0.0'],
    );
    assert.deepEqual((await verify(r, inputs)).failed, []);
  });
});
