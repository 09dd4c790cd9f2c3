/**
 * The signature files cosign users and the nexo installer expect next to a tarball, all derived
 * from one verified Sigstore bundle, and their atomic writing.
 *
 * - `.sig`: base64 of the signature (== bundle messageSignature.signature)
 * - `.cert`, `.pem`: the leaf certificate as PEM
 * - `.bundle`: cosign's legacy bundle, from the bundle's Rekor entry and its inclusion promise
 * - `.sigstore.json`: the standard bundle, v0.3 (leaf in verificationMaterial.certificate)
 */
import { X509Certificate, randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { bundleToJSON } from '@sigstore/bundle';
import type { Bundle } from '@sigstore/bundle';
import { ReleaseError } from '../errors.ts';
import type { SignatureFileKind } from './config.ts';

/** The leaf certificate of a bundle (v0.3 `certificate` or v0.2 chain's first), as DER. */
export function leafCertificate(bundle: Bundle): Buffer {
  const c = bundle.verificationMaterial.content;
  if (c.$case === 'certificate') return Buffer.from(c.certificate.rawBytes);
  if (c.$case === 'x509CertificateChain' && c.x509CertificateChain.certificates[0]) {
    return Buffer.from(c.x509CertificateChain.certificates[0].rawBytes);
  }
  throw new ReleaseError('INTERNAL', 'the Sigstore bundle carries no certificate');
}

/** DER certificate to PEM (64-column base64, trailing newline). */
export function certificatePem(der: Buffer): string {
  return new X509Certificate(der).toString();
}

function messageSignature(bundle: Bundle): Buffer {
  if (bundle.content.$case !== 'messageSignature') {
    throw new ReleaseError('INTERNAL', 'expected a message-signature bundle');
  }
  return Buffer.from(bundle.content.messageSignature.signature);
}

/**
 * cosign's legacy bundle JSON (`cosign sign-blob --bundle`): signature, base64 of the PEM
 * certificate, and the Rekor entry as Rekor returned it (SET + body, time, index, log id).
 */
export function cosignLegacyBundle(bundle: Bundle): string {
  const entry = bundle.verificationMaterial.tlogEntries[0];
  const set = entry?.inclusionPromise?.signedEntryTimestamp;
  if (!entry || !set || !entry.logId) {
    throw new ReleaseError(
      'SIGNING_FAILED',
      'the Rekor entry has no signed entry timestamp, which cosign .bundle files need',
    );
  }
  const legacy = {
    base64Signature: messageSignature(bundle).toString('base64'),
    cert: Buffer.from(certificatePem(leafCertificate(bundle))).toString('base64'),
    rekorBundle: {
      SignedEntryTimestamp: Buffer.from(set).toString('base64'),
      Payload: {
        body: Buffer.from(entry.canonicalizedBody).toString('base64'),
        integratedTime: Number(entry.integratedTime),
        logIndex: Number(entry.logIndex),
        logID: Buffer.from(entry.logId.keyId).toString('hex'),
      },
    },
  };
  return JSON.stringify(legacy);
}

/** The text of one signature file. */
export function renderSignatureFile(kind: SignatureFileKind, bundle: Bundle): string {
  switch (kind) {
    case 'sig':
      return messageSignature(bundle).toString('base64');
    case 'cert':
    case 'pem':
      return certificatePem(leafCertificate(bundle));
    case 'bundle':
      return cosignLegacyBundle(bundle);
    case 'sigstore.json':
      return JSON.stringify(bundleToJSON(bundle));
  }
}

/** Writes via a temp file in the same directory, fsync and rename: never a half-written file. */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw new ReleaseError('SIGNING_FAILED', `cannot write ${path}: ${(e as Error).message}`, {
      cause: e,
    });
  }
}
