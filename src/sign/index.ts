/**
 * Keyless Sigstore signing of release tarballs.
 *
 * Pipeline per run: GitHub OIDC token -> one ephemeral key + one Fulcio certificate (reused,
 * re-issued near expiry) -> per tarball, concurrently: stream-hash and sign, one Rekor entry
 * (+ TSA timestamp when configured), then verify the serialized bundle with @sigstore/verify
 * against the trust root, the bytes on disk and the expected identity -> only when every tarball
 * verified, write the requested files atomically.
 *
 * Errors: OIDC_UNAVAILABLE (no/unusable token; says how to grant `id-token: write`),
 * SIGNING_FAILED (a Sigstore service failed after retries; names it and its URL),
 * SIGNATURE_INVALID (self-verification failed; no file is written), IDENTITY_MISMATCH (the
 * certificate's identity is outside `policy`, checked before any log entry), USAGE (bad config).
 */
import { resolve } from 'node:path';
import { bundleFromJSON, bundleToJSON } from '@sigstore/bundle';
import type { Bundle } from '@sigstore/bundle';
import { RekorWitness, TSAWitness } from '@sigstore/sign';
import type { Witness } from '@sigstore/sign';
import { ReleaseError } from '../errors.ts';
import { createBundle } from './bundle.ts';
import { CertificateHolder } from './certificate.ts';
import { baseURL, checkConfig, networkOptions, sigstoreRetry } from './config.ts';
import type { SignedArtifact, SigningConfig, SigningIdentity, SigningOutcome } from './config.ts';
import { toSigningFailure } from './failures.ts';
import { renderSignatureFile, writeFileAtomic } from './files.ts';
import { expectedIdentity, identityFromClaims } from './identity.ts';
import { GitHubActionsTokenProvider } from './oidc.ts';
import { checkSignerIdentity } from './policy-check.ts';
import { mapLimit } from './pool.ts';
import { loadTrustMaterial, trustedRootSource, verifyBundleStreamed } from './verify.ts';
import type { StreamedFile } from './stream.ts';

export {
  DEFAULT_FULCIO_URL,
  DEFAULT_REKOR_URL,
  GITHUB_OIDC_ISSUER,
  SIGNATURE_FILE_KINDS,
} from './config.ts';
export type {
  SignatureFileKind,
  SignedArtifact,
  SigningConfig,
  SigningIdentity,
  SigningOutcome,
} from './config.ts';
export {
  cosignCommand,
  expectedIdentity,
  identityFromClaims,
  identityRegexp,
  trustedKeysEntry,
} from './identity.ts';
export { cosignLegacyBundle, renderSignatureFile } from './files.ts';
export { loadTrustMaterial, trustedRootSource, verifyBundleFile } from './verify.ts';
export type { IdentityPolicy, TrustedRootSource } from './verify.ts';
export type { SignerPolicy } from './policy-check.ts';

export async function signTarballs(
  cfg: SigningConfig,
  tarballs: string[],
): Promise<SigningOutcome> {
  const kinds = checkConfig(cfg);
  const seen = new Set<string>();
  for (const t of tarballs) {
    if (seen.has(resolve(t))) throw new ReleaseError('USAGE', `${t} is listed twice for signing`);
    seen.add(resolve(t));
  }
  const net = networkOptions(cfg);
  const tokens = new GitHubActionsTokenProvider(cfg.env, net);
  if (tarballs.length === 0) return { identity: expectedIdentity(cfg.env), artifacts: [] };

  const endpoints = {
    fulcioURL: baseURL(cfg.fulcioURL),
    rekorURL: baseURL(cfg.rekorURL),
    tsaURL: cfg.tsaURL === undefined ? undefined : baseURL(cfg.tsaURL),
  };
  const material = await loadTrustMaterial(trustedRootSource(cfg.trustedRootPath));
  const retry = sigstoreRetry(net);
  const holder = new CertificateHolder({
    identityProvider: tokens,
    fulcioBaseURL: endpoints.fulcioURL,
    retry,
    timeout: net.timeoutMs,
  });
  const witnesses: Witness[] = [
    new RekorWitness({
      rekorBaseURL: endpoints.rekorURL,
      fetchOnConflict: true,
      retry,
      timeout: net.timeoutMs,
    }),
  ];
  if (endpoints.tsaURL !== undefined) {
    witnesses.push(new TSAWitness({ tsaBaseURL: endpoints.tsaURL, retry, timeout: net.timeoutMs }));
  }

  let identity: SigningIdentity | undefined;
  const bundles = await mapLimit(tarballs, cfg.concurrency, async (tarball): Promise<Bundle> => {
    let bundle: Bundle;
    let file: StreamedFile;
    try {
      const key = await holder.current();
      identity ??= identityFromClaims(tokens.claims ?? {}, cfg.env);
      if (cfg.policy) checkSignerIdentity(key.certificate, cfg.policy);
      const made = await createBundle(tarball, key, witnesses);
      // Verify exactly what will be written: the bundle after a JSON round trip.
      bundle = bundleFromJSON(bundleToJSON(made.bundle));
      file = made.file;
    } catch (e) {
      throw toSigningFailure(e, endpoints, net.retries, (text) => tokens.redact(text));
    }
    const policy = cfg.policy
      ? { subjectAlternativeName: cfg.policy.regexp, issuer: cfg.policy.issuer }
      : identity;
    verifyBundleStreamed(bundle, tarball, file, material, policy);
    return bundle;
  });
  if (!identity) throw new ReleaseError('INTERNAL', 'no signing identity after signing');

  // Render everything first so a rendering problem cannot leave a partial set on disk.
  const rendered = bundles.map((bundle, i) =>
    kinds.map((kind) => ({
      kind,
      path: `${tarballs[i]}.${kind}`,
      text: renderSignatureFile(kind, bundle),
    })),
  );
  const artifacts: SignedArtifact[] = [];
  for (const [i, files] of rendered.entries()) {
    for (const f of files) await writeFileAtomic(f.path, f.text);
    artifacts.push({
      tarball: tarballs[i],
      files: files.map(({ kind, path }) => ({ kind, path })),
    });
  }
  return { identity, artifacts };
}
