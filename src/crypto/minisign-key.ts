import { blake2b } from '@noble/hashes/blake2.js';
import { scrypt } from '@noble/hashes/scrypt.js';
import { ReleaseError } from '../errors.ts';
import { decodeStandardBase64 } from './base64.ts';
import { ed25519PublicKey } from './ed25519.ts';

/**
 * minisign key files (jedisct1/minisign `src/minisign.h`). A public key is base64 of
 * `Ed` ‖ key_id[8] ‖ pk[32]. A secret key is base64 of 158 bytes: `Ed`, the KDF (`Sc` scrypt or
 * `00 00` for an unencrypted `-W` key), `B2`, salt[32], opslimit and memlimit (u64 LE), then
 * key_id[8] ‖ sk[64] (seed ‖ pk) ‖ chk[32], the last 104 bytes XORed with the scrypt output when
 * encrypted. chk is unkeyed BLAKE2b-256 over `Ed` ‖ key_id ‖ sk. Key material never appears in
 * a message.
 */
export const SIG_ALG = Uint8Array.of(0x45, 0x64); // 'Ed'
export const PREHASH_ALG = Uint8Array.of(0x45, 0x44); // 'ED'
const KDF_SCRYPT = Uint8Array.of(0x53, 0x63); // 'Sc'
const KDF_NONE = Uint8Array.of(0, 0);
const CHK_ALG = Uint8Array.of(0x42, 0x32); // 'B2'
export const KEY_ID_BYTES = 8;
const SECRET_KEY_BYTES = 158;
const PUBLIC_KEY_BYTES = 42;
const ENCRYPTED_BYTES = 104;
/** Memory the scrypt parameters of a key may ask for; minisign's default needs 1 GiB. */
const MAX_SCRYPT_MEMORY = 4 * 1024 ** 3;

export interface MinisignPublicKey {
  keyId: Uint8Array;
  publicKey: Uint8Array;
}

export interface MinisignSecretKey extends MinisignPublicKey {
  seed: Uint8Array;
}

function keyError(message: string): ReleaseError {
  return new ReleaseError('KEY_INVALID', message);
}

/** minisign prints a key id as the u64 it stores little-endian, in upper-case hex. */
export function keyIdHex(keyId: Uint8Array): string {
  return Buffer.from(keyId).reverse().toString('hex').toUpperCase();
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(a, b) === 0;
}

/** The `RW...` line as the registry stores it. */
export function formatPublicKey(key: MinisignPublicKey): string {
  return Buffer.concat([SIG_ALG, key.keyId, key.publicKey]).toString('base64');
}

/**
 * A public key: the bare `RW...` line, or a `.pub` file's two lines (the untrusted comment is
 * skipped).
 */
export function parsePublicKey(text: string, what = 'minisign-public-key'): MinisignPublicKey {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('untrusted comment:'));
  const bytes = lines.length === 1 ? decodeStandardBase64(lines[0]!) : undefined;
  if (
    bytes === undefined ||
    bytes.length !== PUBLIC_KEY_BYTES ||
    !equal(bytes.subarray(0, 2), SIG_ALG)
  ) {
    throw keyError(
      `${what} is not a minisign public key: expected the base64 line of 56 characters starting with RW (as in the .pub file after its comment line), e.g. RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3`,
    );
  }
  return { keyId: bytes.subarray(2, 10), publicKey: bytes.subarray(10) };
}

/**
 * libsodium's `pickparams` (`pwhash_scryptsalsa208sha256.c`): r = 8, and N and p from the
 * opslimit and memlimit stored in the key.
 */
export function scryptParams(opslimit: bigint, memlimit: bigint): { logN: number; p: number } {
  const ops = opslimit < 32768n ? 32768n : opslimit;
  const r = 8n;
  const maxN = ops < memlimit / 32n ? ops / (r * 4n) : memlimit / (r * 128n);
  let logN = 1;
  while (logN < 63 && 1n << BigInt(logN) <= maxN / 2n) logN++;
  if (ops < memlimit / 32n) return { logN, p: 1 };
  let maxrp = ops / 4n / (1n << BigInt(logN));
  if (maxrp > 0x3fffffffn) maxrp = 0x3fffffffn;
  return { logN, p: Number(maxrp / r) };
}

function decrypt(raw: Buffer, password: string): Uint8Array {
  const salt = raw.subarray(6, 38);
  const { logN, p } = scryptParams(raw.readBigUInt64LE(38), raw.readBigUInt64LE(46));
  const memory = 128 * 8 * (2 ** logN + p);
  if (p < 1 || memory > MAX_SCRYPT_MEMORY) {
    throw keyError(
      `minisign-secret-key asks scrypt for N=2^${logN}, p=${p} (${Math.ceil(memory / 1024 ** 2)} MiB), which minisign itself could not use either; re-create the key with minisign -G`,
    );
  }
  const stream = scrypt(new TextEncoder().encode(password), salt, {
    N: 2 ** logN,
    r: 8,
    p,
    dkLen: ENCRYPTED_BYTES,
    maxmem: memory + 1024 * 1024,
  });
  const tail = raw.subarray(54);
  return Uint8Array.from(tail, (b, i) => b ^ stream[i]!);
}

/** The one line of the secret key text that decodes to 158 bytes. */
function secretKeyBytes(text: string): Buffer {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('untrusted comment:'));
  const bytes = lines.length === 1 ? decodeStandardBase64(lines[0]!) : undefined;
  if (bytes === undefined || bytes.length !== SECRET_KEY_BYTES) {
    throw keyError(
      'minisign-secret-key is not a minisign secret key file: expected its text, an "untrusted comment:" line and one base64 line of 212 characters (the whole minisign.key, as the MINISIGN_SECRET_KEY secret holds it)',
    );
  }
  return Buffer.from(bytes);
}

/**
 * Reads and, when it is encrypted, decrypts a minisign secret key. Throws KEY_INVALID for a
 * malformed key, a wrong or missing password (the checksum does not match) and a key whose
 * embedded public key is not the seed's.
 */
export function parseSecretKey(text: string, password: string): MinisignSecretKey {
  const raw = secretKeyBytes(text);
  if (!equal(raw.subarray(0, 2), SIG_ALG) || !equal(raw.subarray(4, 6), CHK_ALG)) {
    throw keyError(
      'minisign-secret-key is not an Ed25519 minisign key (its algorithm bytes are not Ed and B2); pass the key minisign -G wrote',
    );
  }
  const kdf = raw.subarray(2, 4);
  let body: Uint8Array;
  if (equal(kdf, KDF_SCRYPT)) {
    if (password === '') {
      throw keyError(
        'minisign-secret-key is encrypted and minisign-password is empty; pass the password (e.g. minisign-password: ${{ secrets.MINISIGN_PASSWORD }})',
      );
    }
    body = decrypt(raw, password);
  } else if (equal(kdf, KDF_NONE)) {
    body = raw.subarray(54);
  } else {
    throw keyError(
      'minisign-secret-key uses a key derivation other than scrypt or none; re-save it with minisign -C',
    );
  }
  const keyId = body.slice(0, 8);
  const sk = body.subarray(8, 72);
  if (equal(kdf, KDF_SCRYPT)) {
    const chk = blake2b(Buffer.concat([SIG_ALG, keyId, sk]), { dkLen: 32 });
    if (!equal(chk, body.subarray(72, 104))) {
      throw keyError(
        "minisign-password is wrong for minisign-secret-key (the key's checksum does not match after decryption); pass the password the key was created with",
      );
    }
  }
  const seed = sk.slice(0, 32);
  const publicKey = sk.slice(32, 64);
  if (!equal(ed25519PublicKey(seed), publicKey)) {
    throw keyError(
      `minisign-secret-key ${keyIdHex(keyId)} is corrupt: its public key is not the one of its seed; restore the key from its backup`,
    );
  }
  return { keyId, seed, publicKey };
}

/** Throws KEY_INVALID unless `given` (the minisign-public-key input) is the secret key's. */
export function checkKeyPair(secret: MinisignPublicKey, given: MinisignPublicKey): void {
  if (!equal(secret.keyId, given.keyId)) {
    throw keyError(
      `minisign-public-key has key id ${keyIdHex(given.keyId)} but minisign-secret-key has ${keyIdHex(secret.keyId)}; pass the public key of this secret key (minisign -R recreates it)`,
    );
  }
  if (!equal(secret.publicKey, given.publicKey)) {
    throw keyError(
      `minisign-public-key ${keyIdHex(given.keyId)} has the secret key's id but another public key; pass the public key of this secret key (minisign -R recreates it)`,
    );
  }
}
