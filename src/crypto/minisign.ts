import { ReleaseError } from '../errors.ts';
import { decodeStandardBase64 } from './base64.ts';
import { ed25519Sign, ed25519Verify } from './ed25519.ts';
import {
  keyIdHex,
  PREHASH_ALG,
  SIG_ALG,
  type MinisignPublicKey,
  type MinisignSecretKey,
} from './minisign-key.ts';

/**
 * minisign signatures in the legacy format only (jedisct1/minisign `minisign.c`, `-l`): line 2 is
 * base64 of `Ed` ‖ key_id ‖ Ed25519(file bytes), line 4 the global signature Ed25519(sig ‖
 * trusted comment). The prehashed `ED` form signs BLAKE2b-512 of the file; the Osaurus app
 * rejects it (`prehashNotSupported`), so it is never written, and verify names it.
 */
export const UNTRUSTED_COMMENT = 'untrusted comment: signature from minisign secret key';
const TRUSTED_PREFIX = 'trusted comment: ';

/** minisign's default trusted comment, without the `\thashed` it adds only for `ED`. */
export function trustedComment(epoch: number, fileName: string): string {
  return `timestamp:${epoch}\tfile:${fileName}`;
}

/**
 * A trusted comment both readers agree on: one line, printable (minisign's own tab allowed), no
 * blanks at either end (Osaurus trims them before checking the global signature; minisign does
 * not).
 */
export function trustedCommentProblem(comment: string): string | undefined {
  const control = [...comment].some((c) => {
    const code = c.charCodeAt(0);
    return (code < 0x20 && c !== '\t') || code === 0x7f;
  });
  if (control) return 'it holds a control character';
  if (comment !== comment.trim()) return 'it starts or ends with a blank';
  return undefined;
}

/** The 4-line `.minisig` text, each line ending in LF. */
export function signLegacy(key: MinisignSecretKey, data: Uint8Array, comment: string): string {
  const why = trustedCommentProblem(comment);
  if (why !== undefined) {
    throw new ReleaseError(
      'SIGNING_FAILED',
      `the minisign trusted comment ${JSON.stringify(comment)} is not usable: ${why}`,
    );
  }
  const sig = ed25519Sign(key.seed, data);
  const global = ed25519Sign(key.seed, Buffer.concat([sig, Buffer.from(comment, 'utf8')]));
  const line2 = Buffer.concat([SIG_ALG, key.keyId, sig]).toString('base64');
  return `${UNTRUSTED_COMMENT}\n${line2}\n${TRUSTED_PREFIX}${comment}\n${Buffer.from(global).toString('base64')}\n`;
}

export interface ParsedMinisig {
  /** `Ed`, `ED` or the two bytes found, as text. */
  algorithm: string;
  keyId: Uint8Array;
  signature: Uint8Array;
  trustedComment: string;
  globalSignature: Uint8Array;
}

/** Parses the four lines as `minisign -V` does; returns the problem as text when it cannot. */
export function parseMinisig(text: string): ParsedMinisig | string {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines.length !== 4) return `expected 4 lines, found ${lines.length}`;
  const [untrusted, sigLine, trusted, globalLine] = lines as [string, string, string, string];
  if (!untrusted.startsWith('untrusted comment:'))
    return "line 1 does not start with 'untrusted comment:'";
  const sig = decodeStandardBase64(sigLine);
  if (sig === undefined || sig.length !== 74)
    return 'line 2 is not the base64 of algorithm, key id and a 64-byte signature (74 bytes)';
  if (!trusted.startsWith(TRUSTED_PREFIX)) return "line 3 does not start with 'trusted comment: '";
  const global = decodeStandardBase64(globalLine);
  if (global === undefined || global.length !== 64)
    return 'line 4 is not the base64 of a 64-byte global signature';
  const alg = Buffer.from(sig.subarray(0, 2));
  const algorithm =
    Buffer.compare(alg, SIG_ALG) === 0
      ? 'Ed'
      : Buffer.compare(alg, PREHASH_ALG) === 0
        ? 'ED'
        : `0x${alg.toString('hex')}`;
  return {
    algorithm,
    keyId: sig.subarray(2, 10),
    signature: sig.subarray(10),
    trustedComment: trusted.slice(TRUSTED_PREFIX.length),
    globalSignature: global,
  };
}

export interface MinisigCheck {
  /** `minisig` (format), `algorithm`, `key-id`, `signature`, `global-signature`. */
  rule: string;
  ok: boolean;
  /** The Osaurus error name for a failure (MinisignVerifyError), else ours. */
  code: string;
  message: string;
}

/**
 * Every check `minisign -V` and the Osaurus app make, in order: format, algorithm `Ed`, key id,
 * the signature over the file, the global signature over sig ‖ trusted comment. Checks after a
 * format failure are not made.
 */
export function verifyMinisig(
  text: string,
  data: Uint8Array,
  key: MinisignPublicKey,
): MinisigCheck[] {
  const parsed = parseMinisig(text);
  if (typeof parsed === 'string') {
    return [{ rule: 'minisig', ok: false, code: 'invalidSignature', message: parsed }];
  }
  const out: MinisigCheck[] = [{ rule: 'minisig', ok: true, code: '', message: '4 lines' }];
  const legacy = parsed.algorithm === 'Ed';
  out.push({
    rule: 'algorithm',
    ok: legacy,
    code: parsed.algorithm === 'ED' ? 'prehashNotSupported' : legacy ? '' : 'invalidSignature',
    message: legacy
      ? 'legacy Ed (signature over the file bytes)'
      : `algorithm ${parsed.algorithm}: Osaurus verifies only the legacy Ed form; sign with minisign -S -l or this action`,
  });
  const idMatch = Buffer.compare(parsed.keyId, key.keyId) === 0;
  out.push({
    rule: 'key-id',
    ok: idMatch,
    code: idMatch ? '' : 'keyIdMismatch',
    message: idMatch
      ? `key id ${keyIdHex(key.keyId)}`
      : `signed by key ${keyIdHex(parsed.keyId)}, but the public key is ${keyIdHex(key.keyId)}`,
  });
  if (!legacy || !idMatch) return out;
  const good = ed25519Verify(key.publicKey, data, parsed.signature);
  out.push({
    rule: 'signature',
    ok: good,
    code: good ? '' : 'signatureVerificationFailed',
    message: good
      ? 'Ed25519 signature over the file verifies'
      : 'the Ed25519 signature does not verify: the file or the signature was changed, or another key signed it',
  });
  const globalData = Buffer.concat([parsed.signature, Buffer.from(parsed.trustedComment, 'utf8')]);
  const globalGood = ed25519Verify(key.publicKey, globalData, parsed.globalSignature);
  out.push({
    rule: 'global-signature',
    ok: globalGood,
    code: globalGood ? '' : 'globalSignatureInvalid',
    message: globalGood
      ? `global signature over the trusted comment ${JSON.stringify(parsed.trustedComment)} verifies`
      : 'the global signature does not verify: the trusted comment was changed (minisign -V rejects this)',
  });
  return out;
}
