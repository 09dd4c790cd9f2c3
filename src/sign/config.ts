/**
 * The signing step's configuration and results, and their validation. Everything the pipeline
 * passes in is explicit here: no global environment is read by the sign module.
 */
import { ReleaseError } from '../errors.ts';
import type { SignerPolicy } from './policy-check.ts';

/** The files written next to `<tarball>`: `<tarball>.<kind>`. */
export type SignatureFileKind = 'sig' | 'cert' | 'pem' | 'bundle' | 'sigstore.json';
export const SIGNATURE_FILE_KINDS: readonly SignatureFileKind[] = [
  'sig',
  'cert',
  'pem',
  'bundle',
  'sigstore.json',
];

export const DEFAULT_FULCIO_URL = 'https://fulcio.sigstore.dev';
export const DEFAULT_REKOR_URL = 'https://rekor.sigstore.dev';
/** The `iss` of GitHub Actions OIDC tokens, copied by Fulcio into the certificate. */
export const GITHUB_OIDC_ISSUER = 'https://token.actions.githubusercontent.com';

export interface SigningConfig {
  fulcioURL: string;
  rekorURL: string;
  /** RFC 3161 timestamp authority; none by default. */
  tsaURL?: string;
  /** A trusted_root.json; absent means the public-good root via TUF. */
  trustedRootPath?: string;
  /** Which files to write next to each tarball. */
  files: SignatureFileKind[];
  /** Max tarballs signed at once (>= 1). */
  concurrency: number;
  /** Process environment snapshot (ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN, GITHUB_* ...). */
  env: Record<string, string | undefined>;
  /** Retries after the first attempt of every Sigstore/OIDC request (default 3). */
  retries?: number;
  /** First retry delay; doubles per retry (default 1000 ms). */
  retryBaseMs?: number;
  /** Per-request timeout (default 30 000 ms). */
  timeoutMs?: number;
  /**
   * The identity policy `verify` applies. When given, a certificate outside it is
   * IDENTITY_MISMATCH before any log entry, and the self-check verifies against it; otherwise
   * against the exact identity of the token.
   */
  policy?: SignerPolicy;
}

/** The certificate identity: SAN (exact) and OIDC issuer. */
export interface SigningIdentity {
  subjectAlternativeName: string;
  issuer: string;
}

export interface SignedArtifact {
  tarball: string;
  files: { kind: SignatureFileKind; path: string }[];
}

export interface SigningOutcome {
  identity: SigningIdentity;
  artifacts: SignedArtifact[];
}

/** Network behaviour shared by the Sigstore clients and the OIDC client. */
export interface NetworkOptions {
  retries: number;
  retryBaseMs: number;
  timeoutMs: number;
}

export function networkOptions(cfg: SigningConfig): NetworkOptions {
  return {
    retries: cfg.retries ?? 3,
    retryBaseMs: cfg.retryBaseMs ?? 1000,
    timeoutMs: cfg.timeoutMs ?? 30_000,
  };
}

/**
 * The `retry` option of @sigstore/sign's clients (promise-retry semantics). The library already
 * retries connection errors, timeouts, 408, 429 and 5xx, and nothing else; we only tune it.
 */
export interface RetryOptions {
  retries: number;
  factor: number;
  minTimeout: number;
  maxTimeout: number;
  randomize: boolean;
}

export function sigstoreRetry(net: NetworkOptions): RetryOptions {
  return {
    retries: net.retries,
    factor: 2,
    minTimeout: net.retryBaseMs,
    maxTimeout: net.retryBaseMs * 2 ** Math.max(net.retries, 1),
    randomize: true,
  };
}

/** Throws USAGE for a configuration that cannot work; returns the deduplicated file kinds. */
export function checkConfig(cfg: SigningConfig): SignatureFileKind[] {
  for (const [name, value] of [
    ['fulcio-url', cfg.fulcioURL],
    ['rekor-url', cfg.rekorURL],
    ['tsa-url', cfg.tsaURL],
  ] as const) {
    if (value === undefined) continue;
    if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
      throw new ReleaseError('USAGE', `${name} '${value}' is not an http(s) URL`);
    }
  }
  if (!Number.isInteger(cfg.concurrency) || cfg.concurrency < 1) {
    throw new ReleaseError(
      'USAGE',
      `concurrency must be a whole number >= 1, got ${cfg.concurrency}`,
    );
  }
  for (const [name, value] of [
    ['retries', cfg.retries],
    ['retryBaseMs', cfg.retryBaseMs],
    ['timeoutMs', cfg.timeoutMs],
  ] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
      throw new ReleaseError('USAGE', `${name} must be a whole number >= 0, got ${value}`);
    }
  }
  const kinds = new Set<SignatureFileKind>();
  for (const kind of cfg.files) {
    if (!SIGNATURE_FILE_KINDS.includes(kind)) {
      throw new ReleaseError(
        'USAGE',
        `signature-files: unknown kind '${String(kind)}' (expected some of ${SIGNATURE_FILE_KINDS.join(',')})`,
      );
    }
    kinds.add(kind);
  }
  if (kinds.size === 0) {
    throw new ReleaseError('USAGE', 'signature-files is empty: signing would write nothing');
  }
  return SIGNATURE_FILE_KINDS.filter((k) => kinds.has(k));
}

/** Base URL without trailing slashes, as the @sigstore clients append `/api/...` themselves. */
export function baseURL(url: string): string {
  return url.replace(/\/+$/, '');
}
