import { createPublicKey, createVerify, type KeyObject, type Verify } from 'node:crypto';
import { bundleFromJSON, type Bundle } from '@sigstore/bundle';
import { X509Certificate } from '@sigstore/core';
import { HashAlgorithm } from '@sigstore/protobuf-specs';
import { Verifier, toSignedEntity, type SignedEntity, type TrustMaterial } from '@sigstore/verify';
import { isReleaseError } from '../errors.ts';
import { withStreamedSignature } from '../sign/verify.ts';
import { bundleFromCosignLegacy, pemToDer } from './legacy-bundle.ts';
import type { Findings } from './report.ts';
import type { ByteSink } from './tarball.ts';

/**
 * What `nexo plugin install` and `cosign verify-blob` check about a tarball's signature.
 *
 * The installer counts a tarball as signed only when both `<tarball>.sig` and `<tarball>.cert`
 * exist (a `.pem` alone does not count); with `require-signature` anything less is
 * PolicyRequiresSig. A signed tarball is checked as cosign does with `--signature --certificate
 * --certificate-identity-regexp --certificate-oidc-issuer [--bundle]`: the `.sig` (base64 DER)
 * verifies over the tarball's bytes with the `.cert` key (PEM, or base64 of PEM); the cert's SAN
 * matches the regexp (unanchored search, as Go's and Rust's regex); its Fulcio issuer extension
 * (OID 1.3.6.1.4.1.57264.1.8, else .1.1) equals the issuer; it was issued by the trusted root's
 * Fulcio CA; and the bundle (`.sigstore.json`, else cosign's `.bundle`) verifies with
 * @sigstore/verify, transparency-log entry included. Any failure is CosignFailed.
 *
 * The signatures are checked over the same single pass as everything else: `sinks` are fed the
 * tarball's bytes, and `finish` runs once the pass has the digest.
 */
export interface IdentityPolicy {
  /** Undefined when none could be derived: `missing` says why. */
  regexp: RegExp | undefined;
  /** The regexp as written (what an operator puts in `identity_regexp`). */
  pattern?: string;
  issuer: string;
  missing?: string;
}

export interface SignatureFiles {
  sig?: Buffer;
  cert?: Buffer;
  pem?: boolean;
  bundle?: Buffer;
  sigstoreJson?: Buffer;
}

export interface SignatureCheck {
  sinks: ByteSink[];
  finish(sha256: string): Promise<void>;
}

const OID_ISSUER_V2 = '1.3.6.1.4.1.57264.1.8';
const OID_ISSUER_V1 = '1.3.6.1.4.1.57264.1.1';

/** A certificate file as cosign accepts it: PEM, or base64 of PEM. */
export function parseCertificate(body: Buffer): X509Certificate {
  let text = body.toString('utf8').trim();
  if (!text.includes('-----BEGIN')) text = Buffer.from(text, 'base64').toString('utf8');
  return X509Certificate.parse(pemToDer(text));
}

export function certificateIssuer(cert: X509Certificate): string | undefined {
  const v2 = cert.extension(OID_ISSUER_V2);
  if (v2) return v2.valueObj.subs[0]?.value.toString('utf8');
  return cert.extension(OID_ISSUER_V1)?.value.toString('utf8');
}

/** The certificate's signature verifies with the CA certificate's key (false on any error). */
function issuedBy(cert: X509Certificate, ca: X509Certificate | undefined): boolean {
  try {
    return ca !== undefined && cert.verify(ca);
  } catch {
    return false;
  }
}

function publicKey(cert: X509Certificate): KeyObject {
  return createPublicKey({ key: cert.publicKey, format: 'der', type: 'spki' });
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** @sigstore/verify over a bundle whose artifact was hashed (and fed to `fed`) in the pass. */
function verifyBundle(
  bundle: Bundle,
  sha256: Buffer,
  fed: Verify,
  material: TrustMaterial,
  policy: { regexp: RegExp; issuer: string },
): string | undefined {
  if (bundle.content.$case !== 'messageSignature')
    throw new Error('it holds a DSSE envelope, not a signature over the file');
  const { messageDigest, signature } = bundle.content.messageSignature;
  if (messageDigest?.algorithm !== HashAlgorithm.SHA2_256 || !messageDigest.digest.equals(sha256))
    throw new Error('it was made for other bytes (its SHA-256 digest differs)');
  const entity: SignedEntity = toSignedEntity(bundle);
  withStreamedSignature(entity, (key) => fed.verify(key, signature));
  const signer = new Verifier(material).verify(entity, {
    subjectAlternativeName: policy.regexp,
    extensions: { issuer: policy.issuer },
  });
  return signer.identity?.subjectAlternativeName;
}

export function prepareSignatureCheck(input: {
  tarball: string;
  files: SignatureFiles;
  required: boolean;
  policy: IdentityPolicy;
  trust: () => Promise<TrustMaterial>;
  findings: Findings;
}): SignatureCheck {
  const { tarball: t, files, findings } = input;
  const pair = files.sig !== undefined && files.cert !== undefined;
  const present = (['sig', 'cert', 'pem', 'bundle', 'sigstore.json'] as const).filter((k) =>
    k === 'sigstore.json' ? files.sigstoreJson !== undefined : Boolean(files[k]),
  );
  const bundleText = files.sigstoreJson ?? files.bundle;
  const bundleName = `${t}.${files.sigstoreJson ? 'sigstore.json' : 'bundle'}`;
  /** The installer's view of an unsigned tarball; reported after the content checks. */
  function unsigned(): void {
    if (!pair) {
      const has =
        present.length > 0 ? `it has ${present.map((k) => `.${k}`).join(', ')}` : 'it has none';
      const hint = files.pem && !files.cert ? ' (the installer looks for .cert, not .pem)' : '';
      if (input.required)
        findings.fail(
          'signature',
          t,
          'PolicyRequiresSig',
          `signatures are required, but the installer needs ${t}.sig and ${t}.cert: ${has}${hint}`,
        );
      else if (present.length > 0)
        findings.warn(
          'signature',
          t,
          'Unsigned',
          `the installer treats this tarball as unsigned: it needs .sig and .cert, ${has}${hint}`,
        );
      else findings.info('signature', t, 'not signed (no .sig/.cert); require-signature is off');
    }
  }
  const fileVerify = pair ? createVerify('sha256') : undefined;
  const bundleVerify = bundleText !== undefined ? createVerify('sha256') : undefined;
  const sinks = [fileVerify, bundleVerify].filter((v): v is Verify => v !== undefined);

  async function finish(sha256hex: string): Promise<void> {
    unsigned();
    if (!fileVerify && !bundleVerify) return;
    const fail = (msg: string) => findings.fail('signature', t, 'CosignFailed', msg);
    const { regexp, issuer } = input.policy;
    if (regexp === undefined) return fail(input.policy.missing ?? 'no identity policy');
    let material: TrustMaterial;
    try {
      material = await input.trust();
    } catch (e) {
      // A bad trusted-root file or an unreachable TUF repository stops the run: the signatures
      // were not checked, so they must not be reported as failing.
      if (isReleaseError(e, 'USAGE') || isReleaseError(e, 'TRUST_ROOT_UNAVAILABLE')) throw e;
      return fail(`cannot load the trusted root: ${message(e)}`);
    }
    const sha256 = Buffer.from(sha256hex, 'hex');
    const before = findings.list.length;
    let identity: string | undefined;
    if (fileVerify) {
      try {
        const cert = parseCertificate(files.cert!);
        identity = cert.subjectAltName;
        const sig = Buffer.from(files.sig!.toString('utf8').trim(), 'base64');
        if (!fileVerify.verify(publicKey(cert), sig))
          fail(`${t}.sig does not verify over the tarball with the key in ${t}.cert`);
        if (identity === undefined || !regexp.test(identity))
          fail(
            `identity ${JSON.stringify(identity ?? '')} in ${t}.cert does not match certificate-identity-regexp ${input.policy.pattern ?? regexp.source}`,
          );
        const certIssuer = certificateIssuer(cert);
        if (certIssuer !== issuer)
          fail(
            `OIDC issuer mismatch: ${t}.cert claims ${JSON.stringify(certIssuer ?? '(none)')}, the policy requires ${JSON.stringify(issuer)}`,
          );
        if (!material.certificateAuthorities.some((ca) => issuedBy(cert, ca.certChain[0])))
          fail(`${t}.cert was not issued by the trusted root's Fulcio CA`);
      } catch (e) {
        fail(`${t}.sig/${t}.cert are not a cosign signature and certificate: ${message(e)}`);
      }
    }
    if (bundleVerify) {
      try {
        const bundle = files.sigstoreJson
          ? bundleFromJSON(JSON.parse(bundleText!.toString('utf8')))
          : bundleFromCosignLegacy(bundleText!.toString('utf8'), sha256);
        const signer = verifyBundle(bundle, sha256, bundleVerify, material, { regexp, issuer });
        identity ??= signer;
      } catch (e) {
        fail(`${bundleName} does not verify: ${message(e)}`);
      }
    } else {
      findings.info(
        'signature',
        t,
        `no .sigstore.json or .bundle: cosign has to find the transparency-log entry online`,
      );
    }
    if (
      findings.list.length === before ||
      findings.list.slice(before).every((c) => c.status !== 'fail')
    ) {
      findings.pass(
        'signature',
        t,
        `signed by ${identity ?? '(unknown)'} (issuer ${issuer}); verified as cosign verify-blob with ${bundleVerify ? bundleName : 'no bundle'}`,
      );
    }
  }
  return { sinks, finish };
}
