import { decodeStandardBase64, toBase64 } from '../../crypto/base64.ts';
import { canonicalJson, canonicalJsonPretty } from '../../crypto/canonical-json.ts';
import { ed25519Sign, ed25519Verify } from '../../crypto/ed25519.ts';
import type { PublisherKey } from './key.ts';
import type { Revocations } from './revocation.ts';
import type { PryzmManifestValue } from './schema.ts';

/**
 * PRYZM's publisher signature (`packages/plugin-sdk/src/signing.ts`): Ed25519 over the UTF-8 of
 * the canonical JSON of `{manifest, fileSha256, signedAt}`, with the raw 64-byte signature and
 * the raw 32-byte public key in standard base64. `<tarball>.signature.json` holds the canonical
 * JSON of the whole object re-indented to 2 spaces plus a LF; that layout is not signed.
 */
export interface SignaturePayload {
  manifest: PryzmManifestValue;
  /** Lowercase hex SHA-256 of the tarball. */
  fileSha256: string;
  /** `toISOString()` of the source date: audit only, never trusted by PRYZM. */
  signedAt: string;
}

export interface PluginSignature {
  payload: SignaturePayload;
  signatureB64: string;
  publisherPublicKeyB64: string;
}

export const SIGNATURE_SUFFIX = '.signature.json';

/** `source-date-epoch` as the SDK writes a time (`YYYY-MM-DDTHH:mm:ss.sssZ`). */
export function signedAtFor(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString();
}

export function makeSignature(
  manifest: PryzmManifestValue,
  fileSha256: string,
  signedAt: string,
  key: PublisherKey,
): PluginSignature {
  const payload: SignaturePayload = { manifest, fileSha256, signedAt };
  const message = new TextEncoder().encode(canonicalJson(payload));
  return {
    payload,
    signatureB64: toBase64(ed25519Sign(key.seed, message)),
    publisherPublicKeyB64: key.publicKeyB64,
  };
}

export function signatureFileText(signature: PluginSignature): string {
  return canonicalJsonPretty(signature);
}

/** The file's object when it has the signature's shape, else why not. */
export function parseSignatureFile(bytes: Buffer): PluginSignature | string {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    return `not UTF-8 JSON (${(e as Error).message})`;
  }
  const o = json as Partial<PluginSignature> | null;
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return 'not a JSON object';
  const p = o.payload as Partial<SignaturePayload> | undefined;
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return 'no payload object';
  if (typeof p.manifest !== 'object' || p.manifest === null) return 'no payload.manifest object';
  if (typeof p.fileSha256 !== 'string') return 'no payload.fileSha256 string';
  if (typeof p.signedAt !== 'string') return 'no payload.signedAt string';
  if (typeof o.signatureB64 !== 'string' || o.signatureB64 === '') return 'no signatureB64 string';
  if (typeof o.publisherPublicKeyB64 !== 'string' || o.publisherPublicKeyB64 === '')
    return 'no publisherPublicKeyB64 string';
  return o as PluginSignature;
}

export type VerifyReason =
  | 'manifest-mismatch'
  | 'tarball-mismatch'
  | 'signature-invalid'
  | 'publisher-revoked'
  | 'plugin-revoked';

export type VerifyResult = { ok: true } | { ok: false; reason: VerifyReason; detail: string };

/** The four checks of `verifyPluginSignature`, in its order; the first failure decides. */
export const CHECK_ORDER: readonly { reason: VerifyReason; check: string }[] = [
  { reason: 'manifest-mismatch', check: 'manifest-match' },
  { reason: 'tarball-mismatch', check: 'file-hash' },
  { reason: 'signature-invalid', check: 'signature' },
  { reason: 'publisher-revoked', check: 'revocation' },
];

export function verifyPluginSignature(
  signature: PluginSignature,
  expected: { manifest: PryzmManifestValue; fileSha256: string },
  revocations?: { list: Revocations; publisher: string | undefined },
): VerifyResult {
  const fail = (reason: VerifyReason, detail: string): VerifyResult => ({
    ok: false,
    reason,
    detail,
  });
  const { payload } = signature;
  if (canonicalJson(payload.manifest) !== canonicalJson(expected.manifest))
    return fail(
      'manifest-mismatch',
      'the signed manifest is not the validated plugin.manifest.json in the tarball (canonical JSON differs)',
    );
  if (payload.fileSha256 !== expected.fileSha256)
    return fail(
      'tarball-mismatch',
      `the signature is for a tarball with SHA-256 ${payload.fileSha256}, this one has ${expected.fileSha256}`,
    );
  const sig = decodeStandardBase64(signature.signatureB64);
  const key = decodeStandardBase64(signature.publisherPublicKeyB64);
  if (sig === undefined || key === undefined)
    return fail(
      'signature-invalid',
      'signatureB64 or publisherPublicKeyB64 is not standard base64 with padding (the editor decodes them with atob)',
    );
  if (!ed25519Verify(key, new TextEncoder().encode(canonicalJson(payload)), sig))
    return fail(
      'signature-invalid',
      `the Ed25519 signature over the canonical payload does not verify with key ${signature.publisherPublicKeyB64}`,
    );
  if (revocations !== undefined) {
    const { list, publisher } = revocations;
    if (list.isPublisherRevoked(key))
      return fail(
        'publisher-revoked',
        `publisher key ${signature.publisherPublicKeyB64} is revoked by the revocation list (${list.source})`,
      );
    const revoked = list.revokedPlugin(payload.manifest.id, payload.manifest.version, publisher);
    if (revoked !== undefined)
      return fail(
        'plugin-revoked',
        `${revoked} is revoked by the revocation list (${list.source})`,
      );
  }
  return { ok: true };
}
