import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { profile } from '../src/ecosystems/biosimulant/index.ts';
import { isReleaseError } from '../src/errors.ts';
import { Findings } from '../src/verify/report.ts';
import { localSource } from '../src/verify/source.ts';
import { craftZip } from './support/zip-craft.ts';
import {
  bsiConfig,
  bsiContext,
  makeBsiRepo,
  opensslKey,
  rezip,
  type BsiRepo,
} from './support/biosimulant.ts';

const PKG = 'cell-counter-1.2.0.bsiplugin';
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

let repo: BsiRepo;
let key: ReturnType<typeof opensslKey>;
/** A signed package and an unsigned one, packed once; each test copies what it tampers with. */
let signedDir: string;
let unsignedDir: string;

async function packInto(inputs: Record<string, string>): Promise<string> {
  const dist = await fs.mkdtemp(path.join(os.tmpdir(), 'bsi-dist-'));
  const config = await bsiConfig(repo.dir, { ...inputs, dist });
  await profile.pack(bsiContext(config).ctx);
  return dist;
}

async function copyOf(dir: string): Promise<string> {
  const to = await fs.mkdtemp(path.join(os.tmpdir(), 'bsi-copy-'));
  await fs.cp(dir, to, { recursive: true });
  return to;
}

/** Rewrites the sidecar after a tamper, so only the contract's rows judge the package. */
async function residecar(dir: string): Promise<void> {
  const bytes = await fs.readFile(path.join(dir, PKG));
  await fs.writeFile(path.join(dir, `${PKG}.sha256`), `${sha256(bytes)}\n`);
}

async function verify(dir: string, inputs: Record<string, string> = {}, tag?: string) {
  const config = await bsiConfig(repo.dir, inputs);
  const findings = new Findings();
  const found = await profile.verify({
    config,
    source: await localSource(dir, undefined),
    tag,
    repo: null,
    stage: 'local',
    targets: [],
    findings,
  });
  const failed = findings.list.filter((c) => c.status === 'fail');
  return {
    found,
    findings,
    failed,
    first: failed[0]?.code,
    codes: new Set(failed.map((c) => c.code)),
  };
}

before(async () => {
  repo = await makeBsiRepo();
  key = opensslKey(await fs.mkdtemp(path.join(os.tmpdir(), 'bsi-key-')));
  signedDir = await packInto({ 'signing-key': key.pem, 'signer-id': 'acme-lab' });
  unsignedDir = await packInto({});
});

describe('biosimulant verify', () => {
  test('a fresh signed package passes every row, locally, with the signer trusted', async () => {
    const r = await verify(
      signedDir,
      { 'trusted-signing-keys': `acme-lab=${key.publicKey}` },
      'v1.2.0',
    );
    assert.deepEqual(r.failed, []);
    assert.deepEqual(r.found, { id: 'cell-counter', version: '1.2.0' });
    const rows = r.findings.list.map((c) => `${c.check}:${c.status}`);
    assert.deepEqual(rows, [
      'archive:pass',
      'manifest:pass',
      'signature-format:pass',
      'signed-digest:pass',
      'signature:pass',
      'sums:pass',
      'checksums:pass',
      'unlisted:pass',
      'modes:pass',
      'signer:pass',
      'signed:pass',
      'sidecar:pass',
    ]);
  });

  test('unsigned passes only without require-signature, and says "unsigned"', async () => {
    const r = await verify(unsignedDir);
    assert.deepEqual(r.failed, []);
    assert.ok(r.findings.list.some((c) => c.status === 'info' && c.message === 'unsigned'));
    assert.equal(
      (await verify(unsignedDir, { 'require-signature': 'true' })).first,
      'BSI_UNSIGNED',
    );
    const trusted = await verify(unsignedDir, { 'trusted-signing-keys': key.publicKey });
    assert.equal(trusted.first, 'BSI_SIGNER_UNTRUSTED');
  });

  test('trusted-signing-keys: a bare key, a pair, and a pair that names another signer', async () => {
    assert.deepEqual(
      (await verify(signedDir, { 'trusted-signing-keys': key.publicKey })).failed,
      [],
    );
    const other = opensslKey(await fs.mkdtemp(path.join(os.tmpdir(), 'bsi-key-')));
    const list = `${other.publicKey}\nacme-lab=${key.publicKey}`;
    assert.deepEqual((await verify(signedDir, { 'trusted-signing-keys': list })).failed, []);
    const wrongSigner = await verify(signedDir, {
      'trusted-signing-keys': `someone=${key.publicKey}`,
    });
    assert.equal(wrongSigner.first, 'BSI_SIGNER_UNTRUSTED');
    const wrongKey = await verify(signedDir, {
      'trusted-signing-keys': `acme-lab=${other.publicKey}`,
    });
    assert.equal(wrongKey.first, 'BSI_SIGNER_UNTRUSTED');
    await assert.rejects(verify(signedDir, { 'trusted-signing-keys': 'not-a-key' }), (e) =>
      isReleaseError(e, 'USAGE'),
    );
  });

  test('a payload byte changed and re-zipped fails row 7 (BSI_CHECKSUM_MISMATCH) first', async () => {
    const dir = await copyOf(signedDir);
    await rezip(path.join(dir, PKG), (files) => {
      const b = Buffer.from(files.get('models/weights.bin')!);
      b[100]! ^= 0x01;
      files.set('models/weights.bin', b);
    });
    await residecar(dir);
    const r = await verify(dir);
    assert.equal(r.first, 'BSI_CHECKSUM_MISMATCH');
    assert.deepEqual([...r.codes], ['BSI_CHECKSUM_MISMATCH']);
  });

  test('a list byte changed and re-zipped fails row 4 (BSI_SIGNED_DIGEST_MISMATCH) first', async () => {
    const dir = await copyOf(signedDir);
    await rezip(path.join(dir, PKG), (files) => {
      const list = Buffer.from(files.get('integrity/sha256sums.txt')!);
      list[0] = list[0] === 0x61 ? 0x62 : 0x61; // another lowercase hex digit
      files.set('integrity/sha256sums.txt', list);
    });
    await residecar(dir);
    const r = await verify(dir);
    assert.equal(r.first, 'BSI_SIGNED_DIGEST_MISMATCH');
    assert.ok(r.codes.has('BSI_SIGNATURE_INVALID'));
  });

  test('a signature character changed within base64 fails row 5 (BSI_SIGNATURE_INVALID) first', async () => {
    const dir = await copyOf(signedDir);
    await rezip(path.join(dir, PKG), (files) => {
      const text = files.get('integrity/signature.json')!.toString();
      const sig = /"signature": "([^"]+)"/.exec(text)![1]!;
      const flipped = `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
      files.set('integrity/signature.json', Buffer.from(text.replace(sig, flipped)));
    });
    await residecar(dir);
    const r = await verify(dir);
    assert.equal(r.first, 'BSI_SIGNATURE_INVALID');
    assert.deepEqual([...r.codes], ['BSI_SIGNATURE_INVALID']);
  });

  test('a raw byte flipped inside compressed data fails row 1 (BSI_ARCHIVE_UNSAFE) first', async () => {
    const dir = await copyOf(signedDir);
    const file = path.join(dir, PKG);
    const bytes = await fs.readFile(file);
    // Inside the deflate data of models/weights.bin: after its local header and name.
    const at = bytes.indexOf('models/weights.bin') + 'models/weights.bin'.length + 20;
    bytes[at]! ^= 0x10;
    await fs.writeFile(file, bytes);
    await residecar(dir);
    assert.equal((await verify(dir)).first, 'BSI_ARCHIVE_UNSAFE');
  });

  test('each other row fails with its own code', async () => {
    const cases: [string, (files: Map<string, Buffer>) => void, string][] = [
      [
        'manifest rules',
        (f) => f.set('plugin.json', Buffer.from('{"id": "X"}')),
        'BSI_MANIFEST_INVALID',
      ],
      [
        'signature.json with an extra key',
        (f) => {
          const o = JSON.parse(f.get('integrity/signature.json')!.toString());
          f.set(
            'integrity/signature.json',
            Buffer.from(JSON.stringify({ ...o, extra: 1 }, null, 2)),
          );
        },
        'BSI_SIGNATURE_FORMAT',
      ],
      [
        'signature.json missing',
        (f) => f.delete('integrity/signature.json'),
        'BSI_SIGNATURE_FORMAT',
      ],
      ['a listed file missing', (f) => f.delete('empty.txt'), 'BSI_SUMS_MISSING_FILE'],
      ['an unlisted file', (f) => f.set('extra.txt', Buffer.from('x')), 'BSI_UNLISTED_FILE'],
    ];
    for (const [what, edit, code] of cases) {
      const dir = await copyOf(unsignedDir);
      await rezip(path.join(dir, PKG), edit);
      await residecar(dir);
      assert.equal((await verify(dir)).first, code, what);
    }
  });

  test('an unsorted list fails row 6 (BSI_SUMS_INVALID), with its digest kept right', async () => {
    const dir = await copyOf(unsignedDir);
    await rezip(path.join(dir, PKG), (f) => {
      const lines = f
        .get('integrity/sha256sums.txt')!
        .toString()
        .split('\n')
        .filter(Boolean)
        .reverse();
      const list = Buffer.from(`${lines.join('\n')}\n`);
      f.set('integrity/sha256sums.txt', list);
      const sig = f.get('integrity/signature.json')!.toString();
      f.set('integrity/signature.json', Buffer.from(sig.replace(/[0-9a-f]{64}/, sha256(list))));
    });
    await residecar(dir);
    assert.equal((await verify(dir)).first, 'BSI_SUMS_INVALID');
  });

  test('modes: a 0644 bin/ file, a 0755 file elsewhere, and a non-Unix made-by fail row 9', async () => {
    const dir = await copyOf(unsignedDir);
    const file = path.join(dir, PKG);
    const { readZip } = await import('../src/archive/zip-read.ts');
    const zip = readZip(await fs.readFile(file));
    const entries = zip.entries.map((e) => {
      const data = zip.readEntry(e);
      const mode =
        e.name === 'bin/cell-counter' ? 0o100644 : e.name === 'x/bin/tool' ? 0o100755 : e.unixMode;
      return {
        name: e.name,
        data,
        external: mode * 0x10000,
        madeBy: e.name === 'empty.txt' ? 0x0014 : 0x0314,
      };
    });
    await fs.writeFile(file, craftZip(entries));
    await residecar(dir);
    const r = await verify(dir);
    assert.equal(r.first, 'BSI_MODE');
    assert.deepEqual(
      r.failed.map((c) => c.subject.split(':')[1]),
      ['bin/cell-counter', 'empty.txt', 'x/bin/tool'],
    );
  });

  test('the tag and the package name must match the manifest; a wrong sidecar fails', async () => {
    assert.equal((await verify(signedDir, {}, 'v1.2.1')).first, 'BSI_MANIFEST_INVALID');
    const dir = await copyOf(signedDir);
    await fs.writeFile(path.join(dir, `${PKG}.sha256`), `${'0'.repeat(64)}\n`);
    assert.equal((await verify(dir)).first, 'Sha256Mismatch');
    await fs.rename(path.join(dir, PKG), path.join(dir, 'other-1.2.0.bsiplugin'));
    assert.equal((await verify(dir)).first, 'BSI_MANIFEST_INVALID');
    const empty = await fs.mkdtemp(path.join(os.tmpdir(), 'bsi-empty-'));
    assert.equal((await verify(empty)).first, 'BSI_PACKAGE_MISSING');
  });
});
