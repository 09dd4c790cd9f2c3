import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { toBase64, toBase64Url } from '../src/crypto/base64.ts';
import { loadPublisherKey } from '../src/ecosystems/pryzm/key.ts';
import { isReleaseError, type ReleaseError } from '../src/errors.ts';
import { newSeed } from './support/pryzm.ts';

let dir: string;
before(async () => (dir = await fs.mkdtemp(path.join(os.tmpdir(), 'prt-pryzm-key-'))));
after(() => fs.rm(dir, { recursive: true, force: true }));

/** The public key openssl derives from the seed (PKCS#8 prefix + seed, as the SDK wraps it). */
function opensslPublicKey(seed: Buffer): Buffer {
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  const spki = execFileSync('openssl', ['pkey', '-inform', 'DER', '-pubout', '-outform', 'DER'], {
    input: der,
  });
  return spki.subarray(spki.length - 32);
}

const keyInvalid = (secret?: string) => (e: unknown) => {
  assert.ok(isReleaseError(e, 'KEY_INVALID'), String(e));
  if (secret !== undefined)
    assert.equal((e as ReleaseError).message.includes(secret), false, 'the key is never printed');
  return true;
};

describe('pryzm publisher key forms', () => {
  const seed = newSeed();
  const pk = opensslPublicKey(seed);
  const keyFile = (over: Record<string, unknown> = {}) =>
    JSON.stringify(
      {
        privateKeyB64: seed.toString('base64'),
        publicKeyB64: toBase64(pk),
        algorithm: 'Ed25519',
        ...over,
      },
      null,
      2,
    );

  test('the SDK key file JSON, as a value and as a path', async () => {
    const k = await loadPublisherKey(keyFile(), dir);
    assert.deepEqual(Buffer.from(k.publicKey), pk);
    assert.equal(k.publicKeyB64, toBase64(pk));
    assert.equal(k.publicKeyB64Url, toBase64Url(pk));
    await fs.writeFile(path.join(dir, 'publisher.jwk'), keyFile(), { mode: 0o600 });
    const fromPath = await loadPublisherKey('publisher.jwk', dir);
    assert.deepEqual(Buffer.from(fromPath.seed), seed);
    assert.match(fromPath.origin, /publisher\.jwk/);
  });

  test('a bare seed in standard base64 or base64url, and a path to one', async () => {
    for (const text of [
      seed.toString('base64'),
      seed.toString('base64url'),
      `${seed.toString('base64')}\n`,
    ]) {
      assert.deepEqual(Buffer.from((await loadPublisherKey(text, dir)).publicKey), pk);
    }
    await fs.writeFile(path.join(dir, 'seed.txt'), `${seed.toString('base64url')}\n`);
    assert.deepEqual(
      Buffer.from((await loadPublisherKey(path.join(dir, 'seed.txt'), dir)).publicKey),
      pk,
    );
  });

  test('the key file may omit publicKeyB64 and algorithm, and use base64url', async () => {
    const text = JSON.stringify({ privateKeyB64: seed.toString('base64url') });
    assert.deepEqual(Buffer.from((await loadPublisherKey(text, dir)).publicKey), pk);
  });

  test("publicKeyB64 that is not the seed's public key: KEY_INVALID", async () => {
    const other = opensslPublicKey(newSeed());
    await assert.rejects(
      loadPublisherKey(keyFile({ publicKeyB64: toBase64(other) }), dir),
      keyInvalid(seed.toString('base64')),
    );
  });

  test('another algorithm, a wrong length, garbage, nothing: KEY_INVALID without the value', async () => {
    await assert.rejects(
      loadPublisherKey(keyFile({ algorithm: 'RSA' }), dir),
      keyInvalid(seed.toString('base64')),
    );
    const long = Buffer.concat([seed, pk]).toString('base64');
    await assert.rejects(loadPublisherKey(long, dir), keyInvalid(long));
    await assert.rejects(
      loadPublisherKey(JSON.stringify({ privateKeyB64: long }), dir),
      keyInvalid(long),
    );
    const garbage = `{"privateKeyB64": "${seed.toString('base64')}"`; // cut short: not JSON
    await assert.rejects(loadPublisherKey(garbage, dir), keyInvalid(seed.toString('base64')));
    await assert.rejects(
      loadPublisherKey('s3cr3t-value-that-is-no-key', dir),
      keyInvalid('s3cr3t-value-that-is-no-key'),
    );
    await assert.rejects(loadPublisherKey('', dir), keyInvalid());
  });
});
