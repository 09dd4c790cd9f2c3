import { BUNDLE_V01_MEDIA_TYPE, bundleFromJSON, type Bundle } from '@sigstore/bundle';

/**
 * cosign's own ("legacy") `.bundle` file as a Sigstore bundle, so one verifier checks both:
 * `{base64Signature, cert: base64(PEM), rekorBundle: {SignedEntryTimestamp, Payload: {body,
 * integratedTime, logIndex, logID}}}` carries exactly a v0.1 bundle's message signature,
 * certificate and transparency-log entry with its inclusion promise (the SET). The file does not
 * hold the artifact's digest; the caller passes the digest it computed over the bytes.
 * Throws on anything that is not such a file.
 */
interface LegacyBundle {
  base64Signature: string;
  cert: string;
  rekorBundle: {
    SignedEntryTimestamp: string;
    Payload: { body: string; integratedTime: number; logIndex: number; logID: string };
  };
}

function isLegacy(v: unknown): v is LegacyBundle {
  const o = v as Partial<LegacyBundle> | null;
  const p = o?.rekorBundle?.Payload;
  return (
    typeof o?.base64Signature === 'string' &&
    typeof o.cert === 'string' &&
    typeof o.rekorBundle?.SignedEntryTimestamp === 'string' &&
    typeof p?.body === 'string' &&
    typeof p.integratedTime === 'number' &&
    typeof p.logIndex === 'number' &&
    typeof p.logID === 'string'
  );
}

/** DER of the first PEM certificate in `pem`. */
export function pemToDer(pem: string): Buffer<ArrayBuffer> {
  const m = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/.exec(pem);
  if (!m) throw new Error('no PEM certificate');
  return Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64');
}

export function bundleFromCosignLegacy(text: string, sha256: Buffer): Bundle {
  const legacy: unknown = JSON.parse(text);
  if (!isLegacy(legacy))
    throw new Error('not a cosign bundle (base64Signature, cert, rekorBundle)');
  const payload = legacy.rekorBundle.Payload;
  const body = JSON.parse(Buffer.from(payload.body, 'base64').toString('utf8')) as {
    kind?: unknown;
    apiVersion?: unknown;
  };
  if (typeof body.kind !== 'string' || typeof body.apiVersion !== 'string')
    throw new Error('the Rekor entry body has no kind/apiVersion');
  const der = pemToDer(Buffer.from(legacy.cert, 'base64').toString('utf8'));
  return bundleFromJSON({
    mediaType: BUNDLE_V01_MEDIA_TYPE,
    verificationMaterial: {
      x509CertificateChain: { certificates: [{ rawBytes: der.toString('base64') }] },
      tlogEntries: [
        {
          logIndex: String(payload.logIndex),
          logId: { keyId: Buffer.from(payload.logID, 'hex').toString('base64') },
          kindVersion: { kind: body.kind, version: body.apiVersion },
          integratedTime: String(payload.integratedTime),
          inclusionPromise: { signedEntryTimestamp: legacy.rekorBundle.SignedEntryTimestamp },
          canonicalizedBody: payload.body,
        },
      ],
      timestampVerificationData: { rfc3161Timestamps: [] },
    },
    messageSignature: {
      messageDigest: { algorithm: 'SHA2_256', digest: sha256.toString('base64') },
      signature: legacy.base64Signature,
    },
  });
}
