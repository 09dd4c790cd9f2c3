import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeBase64, toBase64, toBase64Url } from '../../crypto/base64.ts';
import { ed25519PublicKey, PUBLIC_KEY_BYTES, SEED_BYTES } from '../../crypto/ed25519.ts';
import { ReleaseError } from '../../errors.ts';

/**
 * The publisher key (`pryzm-publisher-key`, else env PRYZM_PUBLISHER_KEY): PRYZM's SDK key file
 * `{privateKeyB64, publicKeyB64, algorithm: "Ed25519"}` (written by `pryzm publish keygen`,
 * named `.jwk` but not a JWK), a bare base64 32-byte seed, or a path to either; standard base64
 * and base64url are both accepted. Nothing here ever prints the key or the input's text: a
 * malformed secret pasted into the wrong place must not end up in a log.
 */
export interface PublisherKey {
  seed: Uint8Array;
  publicKey: Uint8Array;
  /** Standard base64, padded: what the signature file carries. */
  publicKeyB64: string;
  /** Unpadded base64url: the marketplace's publisher record form. */
  publicKeyB64Url: string;
  /** Where the key came from, for messages ("the input", "the file /x/key.jwk"). */
  origin: string;
}

const INPUT = 'pryzm-publisher-key (or PRYZM_PUBLISHER_KEY)';
const FORMS =
  'a key file {"privateKeyB64", "publicKeyB64", "algorithm": "Ed25519"}, a base64 32-byte Ed25519 seed, or the path of a file holding either';

function invalid(message: string): ReleaseError {
  return new ReleaseError('KEY_INVALID', message);
}

function seedFrom(text: string, where: string): Uint8Array {
  const bytes = decodeBase64(text);
  if (bytes === undefined)
    throw invalid(
      `${where} is not base64 (standard or base64url, ${text.length} characters); expected a base64 32-byte Ed25519 seed`,
    );
  if (bytes.length !== SEED_BYTES) {
    const hint =
      bytes.length === 64
        ? ' (64 bytes looks like a libsodium secret key, seed followed by public key: use its first 32 bytes)'
        : bytes.length === 48
          ? ' (48 bytes looks like a PKCS#8 DER key: use its last 32 bytes)'
          : '';
    throw invalid(
      `${where} decodes to ${bytes.length} bytes; an Ed25519 seed is exactly ${SEED_BYTES}${hint}`,
    );
  }
  return bytes;
}

function fromKeyFile(text: string, origin: string): Uint8Array {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // The parser's message quotes the text: never show it.
    throw invalid(`${origin} starts with '{' but is not valid JSON; expected ${FORMS}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw invalid(`${origin} is not a JSON object; expected ${FORMS}`);
  const { privateKeyB64, publicKeyB64, algorithm } = json as Record<string, unknown>;
  if (algorithm !== undefined && algorithm !== 'Ed25519')
    throw invalid(
      `${origin} has algorithm ${JSON.stringify(algorithm)}; PRYZM publisher keys are "Ed25519"`,
    );
  if (typeof privateKeyB64 !== 'string' || privateKeyB64 === '')
    throw invalid(`${origin} has no privateKeyB64 string; expected ${FORMS}`);
  const seed = seedFrom(privateKeyB64, `privateKeyB64 in ${origin}`);
  if (publicKeyB64 !== undefined) {
    const given = typeof publicKeyB64 === 'string' ? decodeBase64(publicKeyB64) : undefined;
    if (given === undefined || given.length !== PUBLIC_KEY_BYTES)
      throw invalid(
        `publicKeyB64 in ${origin} is not a base64 ${PUBLIC_KEY_BYTES}-byte Ed25519 public key`,
      );
    const derived = ed25519PublicKey(seed);
    if (!Buffer.from(given).equals(Buffer.from(derived)))
      throw invalid(
        `publicKeyB64 in ${origin} (${toBase64(given)}) is not the public key of its privateKeyB64 (which is ${toBase64(derived)}): the file mixes two key pairs. Regenerate it, or fix publicKeyB64`,
      );
  }
  return seed;
}

const SEED_TEXT = /^[A-Za-z0-9+/_-]{42,44}={0,2}$/;

function parseValue(text: string, origin: string): Uint8Array | undefined {
  const t = text.trim();
  if (t.startsWith('{')) return fromKeyFile(t, origin);
  const bytes = SEED_TEXT.test(t) ? decodeBase64(t) : undefined;
  return bytes?.length === SEED_BYTES ? bytes : undefined;
}

export async function loadPublisherKey(value: string, cwd: string): Promise<PublisherKey> {
  if (value.trim() === '')
    throw invalid(
      `${INPUT} is not set: PRYZM releases are signed with the publisher's Ed25519 key. Pass ${FORMS}, e.g. pryzm-publisher-key: \${{ secrets.PRYZM_PUBLISHER_KEY }}`,
    );
  let origin = `the value of ${INPUT}`;
  let seed = parseValue(value, origin);
  if (seed === undefined) {
    const file = path.resolve(cwd, value.trim());
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      // Not a file: when it looked like a seed, say what is wrong with it.
      if (SEED_TEXT.test(value.trim())) seedFrom(value.trim(), origin);
      const code = (e as NodeJS.ErrnoException).code ?? 'unreadable';
      throw invalid(
        `${INPUT} is neither a key nor the path of a readable file (${code}); expected ${FORMS}. The value is not shown, as it may be a secret`,
      );
    }
    origin = `the key file ${file}`;
    seed = parseValue(text, origin);
    if (seed === undefined) {
      if (SEED_TEXT.test(text.trim())) seedFrom(text.trim(), origin);
      throw invalid(`${origin} holds neither a key file JSON nor a base64 seed; expected ${FORMS}`);
    }
  }
  const publicKey = ed25519PublicKey(seed);
  return {
    seed,
    publicKey,
    publicKeyB64: toBase64(publicKey),
    publicKeyB64Url: toBase64Url(publicKey),
    origin,
  };
}
