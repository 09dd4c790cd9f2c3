/**
 * Verification of a Sigstore message-signature bundle against a file on disk, a trust root and an
 * identity, with @sigstore/verify. Used to self-verify right after signing and by `verify`.
 *
 * The file is streamed once: its SHA-256 must equal the bundle's digest, and the signature is
 * checked over the streamed bytes (the only part of @sigstore/verify's SignedEntity we supply;
 * certificate chain, SCTs, tlog inclusion, timestamps and policy are the library's).
 * Every verification failure is a ReleaseError SIGNATURE_INVALID.
 */
import type { KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { bundleFromJSON } from '@sigstore/bundle';
import type { Bundle } from '@sigstore/bundle';
import { HashAlgorithm, TrustedRoot } from '@sigstore/protobuf-specs';
import { getTrustedRoot } from '@sigstore/tuf';
import { Verifier, toSignedEntity, toTrustMaterial } from '@sigstore/verify';
import type { SignedEntity, TrustMaterial } from '@sigstore/verify';
import { ReleaseError } from '../errors.ts';
import { verifierForFile, type StreamedFile } from './stream.ts';

import type { TrustedRootSource } from './trust-source.ts';

export { trustedRootSource, type TrustedRootSource } from './trust-source.ts';

let publicGood: Promise<TrustedRoot> | undefined;

/**
 * Loads trust material. A bad file is USAGE. A failed TUF fetch of the public-good root is
 * TRUST_ROOT_UNAVAILABLE: a problem of the environment (no network, a proxy, a firewall), not of
 * any signature, so it stops the run instead of failing signatures that were never checked.
 */
export async function loadTrustMaterial(source: TrustedRootSource): Promise<TrustMaterial> {
  let root: TrustedRoot;
  if (source.kind === 'root') {
    root = source.root;
  } else if (source.kind === 'file') {
    try {
      root = TrustedRoot.fromJSON(JSON.parse(await readFile(source.path, 'utf8')));
    } catch (e) {
      throw new ReleaseError('USAGE', `trusted-root ${source.path}: ${(e as Error).message}`, {
        location: { file: source.path },
      });
    }
  } else {
    publicGood ??= getTrustedRoot();
    try {
      root = await publicGood;
    } catch (e) {
      publicGood = undefined;
      throw new ReleaseError(
        'TRUST_ROOT_UNAVAILABLE',
        `the Sigstore trust root could not be fetched: the public-good trusted root comes from its TUF repository (tuf-repo-cdn.sigstore.dev), and fetching it failed (${tufCause(e)}). This is a problem of the environment, not of the signatures: allow this runner to reach that host, or pass trusted-root: the path of a trusted_root.json copied where the runner can read it, then run again`,
        { cause: e },
      );
    }
  }
  try {
    return toTrustMaterial(root);
  } catch (e) {
    throw new ReleaseError('USAGE', `trusted root is unusable: ${(e as Error).message}`);
  }
}

/** The innermost reasons of a TUF failure ("fetch failed <- getaddrinfo ENOTFOUND ..."). */
function tufCause(e: unknown): string {
  const parts: string[] = [];
  for (let cur = e, depth = 0; cur instanceof Error && depth < 5; cur = cur.cause, depth++)
    parts.push(cur.message);
  return [...new Set(parts)].join(' <- ') || String(e);
}

/** SAN (exact string or anchored RegExp) and OIDC issuer the certificate must carry. */
export interface IdentityPolicy {
  subjectAlternativeName: string | RegExp;
  issuer: string;
}

function invalid(what: string, message: string, cause?: unknown): ReleaseError {
  return new ReleaseError('SIGNATURE_INVALID', `${what}: ${message}`, { cause });
}

/**
 * Makes `entity` check its signature against bytes that were streamed through a verifier
 * (`verify`), instead of the file held in memory; every other check stays @sigstore/verify's.
 * Shared by signing's self-check and the verify command.
 */
export function withStreamedSignature(
  entity: SignedEntity,
  verify: (key: KeyObject) => boolean,
): void {
  const content = entity.signature;
  entity.signature = {
    signature: content.signature,
    compareSignature: (s) => content.compareSignature(s),
    compareDigest: (d) => content.compareDigest(d),
    compareSignedDigest: (d) => content.compareSignedDigest(d),
    verifySignature: verify,
  };
}

/** Verifies `bundle` over the bytes of `artifactPath`; throws SIGNATURE_INVALID. */
export async function verifyBundleForFile(
  bundle: Bundle,
  artifactPath: string,
  material: TrustMaterial,
  policy: IdentityPolicy,
): Promise<void> {
  checkBundleShape(bundle, artifactPath); // before reading a possibly large file for nothing
  verifyBundleStreamed(bundle, artifactPath, await verifierForFile(artifactPath), material, policy);
}

/** The signed SHA-256 digest and signature of a message-signature bundle; throws otherwise. */
function checkBundleShape(
  bundle: Bundle,
  artifactPath: string,
): { digest: Buffer; signature: Buffer } {
  const what = `signature of ${artifactPath}`;
  if (bundle.content.$case !== 'messageSignature') {
    throw invalid(what, 'the bundle holds a DSSE envelope, not a signature over the file');
  }
  const { messageDigest, signature } = bundle.content.messageSignature;
  if (!messageDigest || messageDigest.algorithm !== HashAlgorithm.SHA2_256) {
    throw invalid(what, 'the bundle does not carry a SHA-256 message digest');
  }
  return { digest: messageDigest.digest, signature };
}

/**
 * Verifies `bundle` over bytes already streamed through `file` (its digest and a fed verifier):
 * signing's self-check passes the verifier fed in the signing pass, so a tarball is read once.
 */
export function verifyBundleStreamed(
  bundle: Bundle,
  artifactPath: string,
  file: StreamedFile,
  material: TrustMaterial,
  policy: IdentityPolicy,
): void {
  const what = `signature of ${artifactPath}`;
  const signed = checkBundleShape(bundle, artifactPath);
  if (!file.digest.equals(signed.digest)) {
    throw invalid(
      what,
      `file sha256 ${file.digest.toString('hex')} != signed sha256 ${signed.digest.toString('hex')}`,
    );
  }
  let entity: SignedEntity;
  try {
    entity = toSignedEntity(bundle);
  } catch (e) {
    throw invalid(what, `malformed bundle: ${(e as Error).message}`, e);
  }
  withStreamedSignature(entity, (key) => file.verify(key, signed.signature));
  try {
    new Verifier(material).verify(entity, {
      subjectAlternativeName: policy.subjectAlternativeName,
      extensions: { issuer: policy.issuer },
    });
  } catch (e) {
    throw invalid(what, (e as Error).message, e);
  }
}

/** Reads a `.sigstore.json` (v0.1-v0.3) and verifies it over `artifactPath`. */
export async function verifyBundleFile(opts: {
  bundlePath: string;
  artifactPath: string;
  trustedRoot: TrustedRootSource;
  identityRegexp?: string;
  subjectAlternativeName?: string;
  issuer: string;
}): Promise<void> {
  let san: string | RegExp;
  if (opts.identityRegexp !== undefined) {
    try {
      san = new RegExp(opts.identityRegexp);
    } catch (e) {
      throw new ReleaseError('USAGE', `certificate-identity-regexp: ${(e as Error).message}`);
    }
  } else if (opts.subjectAlternativeName !== undefined) {
    san = opts.subjectAlternativeName;
  } else {
    throw new ReleaseError('USAGE', 'verifying a signature needs an identity (SAN or regexp)');
  }
  let bundle: Bundle;
  try {
    bundle = bundleFromJSON(JSON.parse(await readFile(opts.bundlePath, 'utf8')));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new ReleaseError('DIST_MISSING', `${opts.bundlePath} does not exist`);
    throw invalid(opts.bundlePath, `not a Sigstore bundle (${(e as Error).message})`, e);
  }
  const material = await loadTrustMaterial(opts.trustedRoot);
  await verifyBundleForFile(bundle, opts.artifactPath, material, {
    subjectAlternativeName: san,
    issuer: opts.issuer,
  });
}
