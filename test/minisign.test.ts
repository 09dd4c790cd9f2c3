import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { isReleaseError } from '../src/errors.ts';
import {
  checkKeyPair,
  formatPublicKey,
  keyIdHex,
  parsePublicKey,
  parseSecretKey,
  scryptParams,
} from '../src/crypto/minisign-key.ts';
import { signLegacy, trustedComment, verifyMinisig } from '../src/crypto/minisign.ts';
import { encryptKey, generateKeys, minisignVerify, run, type KeyPair } from './support/minisign.ts';

let dir: string;
let keys: KeyPair;
let other: KeyPair;
let file: string;
const DATA = Buffer.concat([Buffer.from('PK\u0003\u0004 fake zip '), Buffer.alloc(70_000, 0xa5)]);

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'prt-minisign-'));
  keys = await generateKeys(dir, 'main');
  other = await generateKeys(dir, 'other');
  file = path.join(dir, 'osaurus.demo-1.2.3.zip');
  await fs.writeFile(file, DATA);
});
after(() => fs.rm(dir, { recursive: true, force: true }));

function rejectsWith(fn: () => unknown, code: string) {
  assert.throws(fn, (e: unknown) => isReleaseError(e) && e.code === code);
}

describe('minisign keys', () => {
  test('an unencrypted key from minisign -G -W: id and public key as minisign wrote them', async () => {
    const key = parseSecretKey(keys.secret, '');
    assert.equal(formatPublicKey(key), keys.publicKey);
    const pubFile = await fs.readFile(keys.publicFile, 'utf8');
    assert.match(pubFile, new RegExp(`minisign public key ${keyIdHex(key.keyId)}\n`));
    checkKeyPair(key, parsePublicKey(keys.publicKey));
    checkKeyPair(key, parsePublicKey(pubFile));
  });

  test("another key's public key, a malformed key and a corrupt pk are KEY_INVALID", async () => {
    const key = parseSecretKey(keys.secret, '');
    rejectsWith(() => checkKeyPair(key, parsePublicKey(other.publicKey)), 'KEY_INVALID');
    // Same key id, other public key.
    const forged = Buffer.from(other.publicKey, 'base64');
    Buffer.from(keys.publicKey, 'base64').copy(forged, 0, 0, 10);
    rejectsWith(() => checkKeyPair(key, parsePublicKey(forged.toString('base64'))), 'KEY_INVALID');
    rejectsWith(() => parsePublicKey('RWnotakey'), 'KEY_INVALID');
    rejectsWith(() => parseSecretKey('untrusted comment: x\nAAAA\n', ''), 'KEY_INVALID');
    const raw = Buffer.from(keys.secret.trim().split('\n')[1]!, 'base64');
    raw[54 + 8 + 40] ^= 1; // a byte of the pk inside sk
    const corrupt = `untrusted comment: x\n${raw.toString('base64')}\n`;
    rejectsWith(() => parseSecretKey(corrupt, ''), 'KEY_INVALID');
  });

  test("libsodium's pickparams: minisign's default limits give N=2^20, p=1", () => {
    assert.deepEqual(scryptParams(33554432n, 1073741824n), { logN: 20, p: 1 });
    // opslimit is raised to 32768 first.
    assert.deepEqual(scryptParams(1n, 1n << 40n), { logN: 10, p: 1 });
    assert.deepEqual(scryptParams(1n << 16n, 1n << 30n), { logN: 11, p: 1 });
    assert.deepEqual(scryptParams(1n << 18n, 1n << 21n), { logN: 11, p: 4 });
    assert.deepEqual(scryptParams(1n << 21n, 1n << 24n), { logN: 14, p: 4 });
  });

  // Both branches of pickparams: minisign must derive the same N and p from the stored limits
  // to decrypt the key, so minisign signing with it proves the parameters.
  for (const limits of [
    { opslimit: 2 ** 16, memlimit: 2 ** 30, logN: 11, p: 1 },
    { opslimit: 2 ** 18, memlimit: 2 ** 21, logN: 11, p: 4 },
  ]) {
    test(`an Sc key (N=2^${limits.logN}, p=${limits.p}) that minisign decrypts too`, async () => {
      const keyFile = path.join(dir, `enc-${limits.p}.key`);
      const text = await encryptKey(keys, keyFile, { password: 'pa55 word', ...limits });
      const theirs = path.join(dir, `theirs-${limits.p}.bin`);
      await fs.writeFile(theirs, 'minisign signs this\n');
      const signed = await run(
        'minisign',
        ['-S', '-l', '-s', keyFile, '-m', theirs, '-t', 'x'],
        'pa55 word\n',
      );
      assert.equal(signed.status, 0, signed.stderr);
      const key = parseSecretKey(text, 'pa55 word');
      assert.equal(formatPublicKey(key), keys.publicKey);
      const sig = await fs.readFile(`${theirs}.minisig`, 'utf8');
      const checks = verifyMinisig(sig, await fs.readFile(theirs), key);
      assert.ok(
        checks.every((c) => c.ok),
        JSON.stringify(checks),
      );
      rejectsWith(() => parseSecretKey(text, 'pa55 wort'), 'KEY_INVALID');
      rejectsWith(() => parseSecretKey(text, ''), 'KEY_INVALID');
    });
  }
});

describe('minisign signatures (legacy Ed)', () => {
  test('our signature verifies with minisign -V, trusted comment as written', async () => {
    const key = parseSecretKey(keys.secret, '');
    const comment = trustedComment(1700000000, path.basename(file));
    const text = signLegacy(key, DATA, comment);
    const lines = text.split('\n');
    assert.equal(lines.length, 5);
    assert.equal(lines[4], '');
    assert.equal(lines[0], 'untrusted comment: signature from minisign secret key');
    assert.ok(lines[1]!.startsWith('RW'), 'legacy Ed, never the prehashed RU');
    assert.equal(lines[2], `trusted comment: timestamp:1700000000\tfile:${path.basename(file)}`);
    await fs.writeFile(`${file}.minisig`, text);
    const v = await minisignVerify(file, keys.publicKey);
    assert.equal(v.status, 0, v.stderr);
    assert.match(
      v.stdout,
      /Trusted comment: timestamp:1700000000\tfile:osaurus\.demo-1\.2\.3\.zip/,
    );
    assert.equal(signLegacy(key, DATA, comment), text, 'deterministic');
    assert.ok(verifyMinisig(text, DATA, key).every((c) => c.ok));
  });

  test("minisign's own -l signature verifies with ours; its prehashed default is refused", async () => {
    const theirs = path.join(dir, 'theirs.bin');
    await fs.writeFile(theirs, DATA);
    const legacy = await run('minisign', ['-S', '-l', '-s', keys.secretFile, '-m', theirs]);
    assert.equal(legacy.status, 0, legacy.stderr);
    const key = parsePublicKey(keys.publicKey);
    const sig = await fs.readFile(`${theirs}.minisig`, 'utf8');
    assert.ok(verifyMinisig(sig, DATA, key).every((c) => c.ok));
    const hashed = await run('minisign', ['-S', '-s', keys.secretFile, '-m', theirs]);
    assert.equal(hashed.status, 0, hashed.stderr);
    const pre = verifyMinisig(await fs.readFile(`${theirs}.minisig`, 'utf8'), DATA, key);
    assert.deepEqual(
      pre.filter((c) => !c.ok).map((c) => c.code),
      ['prehashNotSupported'],
    );
  });

  test('wrong public key, tampered file, tampered trusted comment: both verifiers refuse', async () => {
    const key = parseSecretKey(keys.secret, '');
    const text = signLegacy(key, DATA, trustedComment(1, path.basename(file)));
    await fs.writeFile(`${file}.minisig`, text);
    const failed = (checks: ReturnType<typeof verifyMinisig>) =>
      checks.filter((c) => !c.ok).map((c) => c.code);

    assert.deepEqual(failed(verifyMinisig(text, DATA, parsePublicKey(other.publicKey))), [
      'keyIdMismatch',
    ]);
    assert.notEqual((await minisignVerify(file, other.publicKey)).status, 0);

    const tampered = Buffer.from(DATA);
    tampered[100] ^= 1;
    assert.deepEqual(failed(verifyMinisig(text, tampered, key)), ['signatureVerificationFailed']);
    const tamperedFile = path.join(dir, 'tampered.zip');
    await fs.writeFile(tamperedFile, tampered);
    assert.notEqual(
      (await minisignVerify(tamperedFile, keys.publicKey, `${file}.minisig`)).status,
      0,
    );

    const comment = text.replace('timestamp:1\t', 'timestamp:2\t');
    assert.deepEqual(failed(verifyMinisig(comment, DATA, key)), ['globalSignatureInvalid']);
    await fs.writeFile(`${file}.minisig`, comment);
    assert.notEqual((await minisignVerify(file, keys.publicKey)).status, 0);

    assert.deepEqual(failed(verifyMinisig('garbage\n', DATA, key)), ['invalidSignature']);
  });
});
