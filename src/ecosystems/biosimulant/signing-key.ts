/**
 * The signing key (ecosystems/biosimulant.md § Inputs): an Ed25519 PKCS#8 PEM, `-----BEGIN
 * PRIVATE KEY-----` (RFC 8410) as `openssl genpkey -algorithm ed25519` writes it, in the
 * `signing-key` input or BIOSIMULANT_PLUGIN_SIGNING_KEY; a value without `-----BEGIN` is a path
 * to such a file. The DER is `302e020100300506032b657004220420 || seed[32]` (v1), or the v2
 * form that also carries the public key, which must then match the seed.
 *
 * Every problem is a KEY_INVALID (or USAGE for signer-id) raised before anything is written;
 * no message ever shows key material.
 */
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ReleaseError } from '../../errors.ts';
import { ed25519PublicKey } from '../../crypto/ed25519.ts';

export const SIGNER_ID_RE = /^[A-Za-z0-9._@-]{1,128}$/;

export interface SigningKey {
  seed: Uint8Array;
  publicKey: Uint8Array;
  signerId: string;
}

function invalid(message: string, cause?: unknown): ReleaseError {
  return new ReleaseError('KEY_INVALID', message, cause === undefined ? {} : { cause });
}

const HOW =
  'Create one with `openssl genpkey -algorithm ed25519 -out key.pem` and pass the whole file (the -----BEGIN PRIVATE KEY----- block) as a secret';

function pemText(value: string, cwd: string): { text: string; where: string } {
  if (value.includes('-----BEGIN')) return { text: value, where: 'signing-key' };
  const file = path.resolve(cwd, value);
  try {
    return { text: readFileSync(file, 'utf8'), where: file };
  } catch (e) {
    throw invalid(
      `signing-key is neither a PEM block (no -----BEGIN line) nor a readable file (${file}: ${(e as NodeJS.ErrnoException).code ?? 'unreadable'}). ${HOW}`,
      e,
    );
  }
}

/** The DER inside exactly one `-----BEGIN PRIVATE KEY-----` block. */
function pkcs8Der(text: string, where: string): Buffer {
  const blocks = [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g)];
  const labels = blocks.map((b) => b[1]);
  if (labels.includes('ENCRYPTED PRIVATE KEY')) {
    throw invalid(
      `${where} is an ENCRYPTED PRIVATE KEY; the action cannot prompt for a passphrase. Decrypt it (openssl pkey -in enc.pem -out key.pem) and keep the plain key in a secret`,
    );
  }
  if (blocks.length !== 1 || labels[0] !== 'PRIVATE KEY') {
    const found =
      blocks.length === 0
        ? 'no complete PEM block'
        : `${blocks.length} PEM block(s): ${labels.join(', ')}`;
    throw invalid(
      `${where} must hold exactly one Ed25519 "-----BEGIN PRIVATE KEY-----" block (PKCS#8), found ${found}. ${HOW}`,
    );
  }
  const body = blocks[0]![2]!.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 !== 0) {
    throw invalid(`${where}: the PRIVATE KEY block is not valid base64. ${HOW}`);
  }
  return Buffer.from(body, 'base64');
}

function keyObject(der: Buffer, where: string): KeyObject {
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch (e) {
    throw invalid(`${where}: the PRIVATE KEY block is not a well-formed PKCS#8 key. ${HOW}`, e);
  }
}

/** DER TLVs of `buf` (one level): tag, contents. Undefined when the encoding is cut short. */
function tlvs(buf: Buffer): { tag: number; body: Buffer }[] | undefined {
  const out: { tag: number; body: Buffer }[] = [];
  for (let i = 0; i < buf.length;) {
    const tag = buf[i]!;
    let len = buf[i + 1];
    let at = i + 2;
    if (len === undefined) return undefined;
    if (len & 0x80) {
      const n = len & 0x7f;
      if (n < 1 || n > 3 || at + n > buf.length) return undefined;
      len = buf.readUIntBE(at, n);
      at += n;
    }
    if (at + len > buf.length) return undefined;
    out.push({ tag, body: buf.subarray(at, at + len) });
    i = at + len;
  }
  return out;
}

/** The public key a PKCS#8 v2 block carries ([1] IMPLICIT BIT STRING), if any. */
function embeddedPublicKey(der: Buffer): Buffer | undefined {
  const outer = tlvs(der)?.[0];
  const inner = outer?.tag === 0x30 ? tlvs(outer.body) : undefined;
  const pub = inner?.find((t) => t.tag === 0x81);
  return pub && pub.body[0] === 0 ? pub.body.subarray(1) : undefined;
}

/** Parses a key value (PEM text or a path); undefined when `value` is empty (no signing). */
export function parseSigningKey(
  value: string,
  signerId: string,
  cwd: string,
): SigningKey | undefined {
  if (value.trim() === '') return undefined;
  const { text, where } = pemText(value.trim(), cwd);
  const der = pkcs8Der(text, where);
  const key = keyObject(der, where);
  if (key.asymmetricKeyType !== 'ed25519') {
    throw invalid(
      `${where} is a ${key.asymmetricKeyType?.toUpperCase() ?? 'non-Ed25519'} key; a .bsiplugin is signed with Ed25519 only. ${HOW}`,
    );
  }
  const jwk = key.export({ format: 'jwk' });
  const seed = new Uint8Array(Buffer.from(jwk.d!, 'base64url'));
  const publicKey = ed25519PublicKey(seed);
  // The v2 form carries a public key (OpenSSL ignores it); one that does not belong to the seed
  // is a damaged key.
  const carried = embeddedPublicKey(der);
  if (carried !== undefined && !carried.equals(Buffer.from(publicKey))) {
    throw invalid(
      `${where}: the public key stored in the PKCS#8 v2 block does not match its private key. ${HOW}`,
    );
  }
  if (signerId === '') {
    throw new ReleaseError(
      'USAGE',
      'signing-key is set but signer-id is empty: signature.json names its signer. Set signer-id (letters, digits, . _ @ -), e.g. signer-id: acme-lab',
    );
  }
  if (!SIGNER_ID_RE.test(signerId)) {
    throw new ReleaseError(
      'USAGE',
      `signer-id '${signerId}' must be 1-128 characters of letters, digits, '.', '_', '@' and '-' (no '=', ',' or blanks, so trusted-signing-keys can name it)`,
    );
  }
  return { seed, publicKey, signerId };
}
