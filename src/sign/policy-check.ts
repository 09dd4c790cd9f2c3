/**
 * The signer's identity checked against the policy operators pin, before anything is logged or
 * written. `verify` (and the nexo installer, through trusted_keys.toml) accepts a signature only
 * when the certificate's SAN matches `certificate-identity-regexp` and its issuer equals
 * `certificate-oidc-issuer`; a release signed by any other identity is one every operator who
 * requires signatures refuses. So signing refuses it first: IDENTITY_MISMATCH, naming the
 * identity in the certificate, the policy and the two ways out.
 */
import type { X509Certificate as NodeCertificate } from 'node:crypto';
import { X509Certificate } from '@sigstore/core';
import { ReleaseError } from '../errors.ts';
import { certificateIssuer } from '../verify/signature.ts';
import { identityRegexp } from './identity.ts';

/** What a signature must carry: the same two fields as the `verify` command's policy. */
export interface SignerPolicy {
  regexp: RegExp;
  /** The regexp as written (`identity_regexp` in trusted_keys.toml). */
  pattern: string;
  issuer: string;
  /** Where the policy comes from, e.g. "certificate-identity-regexp" or "the default: ...". */
  source: string;
  /** `owner/repo` whose workflows the default policy accepts, for the advice. */
  repository?: string;
}

/** The SAN and issuer a Fulcio certificate binds. */
export function certificateIdentity(cert: NodeCertificate): { san: string; issuer: string } {
  const parsed = X509Certificate.parse(cert.raw);
  return { san: parsed.subjectAltName ?? '', issuer: certificateIssuer(parsed) ?? '' };
}

export function checkSignerIdentity(cert: NodeCertificate, policy: SignerPolicy): void {
  const { san, issuer } = certificateIdentity(cert);
  const sanOk = policy.regexp.test(san);
  const issuerOk = issuer === policy.issuer;
  if (sanOk && issuerOk) return;
  const what = [
    sanOk ? '' : `that does not match the identity regexp ${policy.pattern}`,
    issuerOk ? '' : `its issuer is not ${policy.issuer}`,
  ]
    .filter((s) => s !== '')
    .join(' and ');
  const pin =
    san === '' ? '' : ` (e.g. ${identityRegexp({ subjectAlternativeName: san, issuer })})`;
  const own = policy.repository
    ? `run the release from a workflow in ${policy.repository}'s own .github/workflows/, which the default policy accepts`
    : `run the release from the workflow whose identity the policy names`;
  throw new ReleaseError(
    'IDENTITY_MISMATCH',
    `the signing certificate names ${JSON.stringify(san)} (issuer ${JSON.stringify(issuer)}), but ${what} (policy: ${policy.source}). verify and every operator pinning that policy would refuse these signatures, so nothing was signed, logged or uploaded. Either set certificate-identity-regexp and certificate-oidc-issuer to the identity operators will pin${pin}, or ${own}`,
  );
}
