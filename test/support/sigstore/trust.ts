/**
 * The trust material of the stand-in: the CA, transparency log, CT log and TSA of @sigstore/mock,
 * initialised with fresh keys, plus the `trusted_root.json` that makes them verifiable.
 *
 * Contract: `buildTrust(baseURL)` must be called after the server listens, because the
 * transparency log names its host:port in every checkpoint and verification compares it with the
 * trusted root's `baseUrl`. Every validity window starts an hour in the past: a window that starts
 * after the signing time fails verification.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { HashAlgorithm, PublicKeyDetails, TrustedRoot } from '@sigstore/protobuf-specs';
// Deep imports on purpose: the package index also loads nock, which patches node:http's client in
// the whole test process; the builders themselves do not need it.
import { initializeCA, initializeCTLog } from '@sigstore/mock/dist/fulcio/index.js';
import { initializeTLog } from '@sigstore/mock/dist/rekor/index.js';
import { initializeTSA } from '@sigstore/mock/dist/timestamp/index.js';
import type { CA, CTLog } from '@sigstore/mock/dist/fulcio/index.js';
import type { TLog } from '@sigstore/mock/dist/rekor/index.js';
import type { TSA } from '@sigstore/mock/dist/timestamp/index.js';

export interface StandInTrust {
  ca: CA;
  tlog: TLog;
  tsa: TSA;
  /** The TrustedRoot in its JSON form (what `trusted_root.json` holds). */
  trustedRootJSON: unknown;
}

const HOUR_MS = 60 * 60 * 1000;
const TRUSTED_ROOT_MEDIA_TYPE = 'application/vnd.dev.sigstore.trustedroot+json;version=0.1';

function p256() {
  return generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
}

function der(view: ArrayBufferView): Buffer {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

/**
 * The mock TSA writes genTime milliseconds without trailing zeros ("...05.12Z"), which
 * @sigstore/core's time parser rejects (it wants exactly three digits or none), so about one
 * stamp in ten would not verify. Its clock is an instance field; stamping whole seconds (no
 * fraction at all) is deterministic. Certificates have whole-second validity too, so a stamp
 * taken after issuance is never before the certificate's notBefore.
 */
function wholeSecondTSA(tsa: TSA): TSA {
  const impl = tsa as TSA & { getCurrentTime?: unknown };
  if (typeof impl.getCurrentTime !== 'function') {
    throw new Error('@sigstore/mock TSA internals changed: no getCurrentTime to pin');
  }
  impl.getCurrentTime = () => new Date(Math.floor(Date.now() / 1000) * 1000);
  return tsa;
}

export async function buildTrust(baseURL: string): Promise<StandInTrust> {
  const ctlog: CTLog = await initializeCTLog(p256());
  const ca = await initializeCA(p256(), ctlog);
  const tlog = await initializeTLog(baseURL, p256());
  const tsa = wholeSecondTSA(await initializeTSA(p256()));
  const start = new Date(Date.now() - HOUR_MS);

  const root: TrustedRoot = {
    mediaType: TRUSTED_ROOT_MEDIA_TYPE,
    certificateAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
        uri: baseURL,
        certChain: { certificates: [{ rawBytes: der(ca.rootCertificate) }] },
        validFor: { start },
        operator: 'stand-in',
      },
    ],
    tlogs: [
      {
        baseUrl: baseURL,
        hashAlgorithm: HashAlgorithm.SHA2_256,
        publicKey: {
          rawBytes: tlog.publicKey,
          keyDetails: PublicKeyDetails.PKIX_ECDSA_P256_SHA_256,
          validFor: { start },
        },
        logId: { keyId: createHash('sha256').update(tlog.publicKey).digest() },
        checkpointKeyId: undefined,
        operator: 'stand-in',
      },
    ],
    ctlogs: [
      {
        baseUrl: baseURL,
        hashAlgorithm: HashAlgorithm.SHA2_256,
        publicKey: {
          rawBytes: ctlog.publicKey,
          keyDetails: PublicKeyDetails.PKIX_ECDSA_P256_SHA_256,
          validFor: { start },
        },
        logId: { keyId: der(ctlog.logID) },
        checkpointKeyId: undefined,
        operator: 'stand-in',
      },
    ],
    timestampAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'tsa' },
        uri: baseURL,
        certChain: {
          certificates: [
            { rawBytes: der(tsa.intCertificate) },
            { rawBytes: der(tsa.rootCertificate) },
          ],
        },
        validFor: { start },
        operator: 'stand-in',
      },
    ],
  };
  return { ca, tlog, tsa, trustedRootJSON: TrustedRoot.toJSON(root) };
}
