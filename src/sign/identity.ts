/**
 * The signing identity and how an operator pins it: the SAN GitHub's Fulcio certificate carries,
 * the anchored regexp that accepts every release of the same workflow, the `[[authors]]` block of
 * the nexo installer's trusted_keys.toml and the equivalent `cosign verify-blob` line.
 */
import { ReleaseError } from '../errors.ts';
import { GITHUB_OIDC_ISSUER, SIGNATURE_FILE_KINDS } from './config.ts';
import type { SignatureFileKind, SigningIdentity } from './config.ts';

const DEFAULT_SERVER_URL = 'https://github.com';

function serverURL(env: Record<string, string | undefined>): string {
  return (env.GITHUB_SERVER_URL || DEFAULT_SERVER_URL).replace(/\/+$/, '');
}

/**
 * The identity a GitHub Actions run signs as, from its environment:
 * SAN `${GITHUB_SERVER_URL}/${GITHUB_WORKFLOW_REF}`, issuer GitHub's token issuer.
 * Throws OIDC_UNAVAILABLE outside GitHub Actions (no GITHUB_WORKFLOW_REF).
 */
export function expectedIdentity(env: Record<string, string | undefined>): SigningIdentity {
  const workflowRef = env.GITHUB_WORKFLOW_REF;
  if (!workflowRef) {
    throw new ReleaseError(
      'OIDC_UNAVAILABLE',
      'GITHUB_WORKFLOW_REF is not set: keyless signing needs a GitHub Actions workflow run',
    );
  }
  return { subjectAlternativeName: `${serverURL(env)}/${workflowRef}`, issuer: GITHUB_OIDC_ISSUER };
}

/**
 * The identity Fulcio binds for this token: its `job_workflow_ref` (which differs from
 * GITHUB_WORKFLOW_REF when a reusable workflow signs) and its `iss`; falls back to the environment.
 */
export function identityFromClaims(
  claims: Record<string, unknown>,
  env: Record<string, string | undefined>,
): SigningIdentity {
  const jobWorkflowRef = claims.job_workflow_ref;
  if (typeof jobWorkflowRef !== 'string' || jobWorkflowRef === '') return expectedIdentity(env);
  return {
    subjectAlternativeName: `${serverURL(env)}/${jobWorkflowRef}`,
    issuer: typeof claims.iss === 'string' && claims.iss !== '' ? claims.iss : GITHUB_OIDC_ISSUER,
  };
}

/** Escapes regex metacharacters (the subset RE2, Rust regex and JS agree on). */
export function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}

/**
 * An anchored regexp for this identity: the same workflow file of the same repository at any
 * `v*` tag when the SAN names a tag; otherwise the exact SAN.
 */
export function identityRegexp(identity: SigningIdentity): string {
  const san = identity.subjectAlternativeName;
  const at = san.lastIndexOf('@refs/tags/');
  if (at < 0) return `^${escapeRegExp(san)}$`;
  return `^${escapeRegExp(san.slice(0, at))}@refs/tags/v.*$`;
}

/**
 * What an operator pins: a signing identity (pinned as `identityRegexp` of it) or an explicit
 * policy, such as the one `verify` applies, stated exactly.
 */
export type PinnedIdentity = SigningIdentity | { identityRegexp: string; issuer: string };

function pinnedRegexp(pin: PinnedIdentity): string {
  return 'identityRegexp' in pin ? pin.identityRegexp : identityRegexp(pin);
}

function tomlBasicString(text: string): string {
  return JSON.stringify(text); // JSON escapes are valid TOML basic-string escapes
}

function tomlString(text: string): string {
  // A literal string keeps regex backslashes readable; fall back when it cannot hold the text.
  return /^[^'\p{Cc}]*$/u.test(text) ? `'${text}'` : tomlBasicString(text);
}

/** The `[[authors]]` block for the nexo installer's `extensions/trusted_keys.toml`. */
export function trustedKeysEntry(identity: PinnedIdentity, repo: string): string {
  const owner = /^([^/\s]+)\/[^/\s]+$/.exec(repo)?.[1];
  if (!owner) throw new ReleaseError('USAGE', `repository '${repo}' is not in owner/name form`);
  return [
    '[[authors]]',
    `owner = ${tomlBasicString(owner)}`,
    `identity_regexp = ${tomlString(pinnedRegexp(identity))}`,
    `oidc_issuer = ${tomlBasicString(identity.issuer)}`,
    '',
  ].join('\n');
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * A `cosign verify-blob` line an operator can paste in the directory holding the files, using
 * the files this step writes (`files`, default all): `.sig` + `.pem` (or `.cert`) [+ `.bundle`],
 * or the bundle alone when no detached signature/certificate is written.
 */
export function cosignCommand(
  identity: PinnedIdentity,
  tarballName: string,
  files: readonly SignatureFileKind[] = SIGNATURE_FILE_KINDS,
): string {
  const args = ['cosign', 'verify-blob'];
  const cert = files.includes('pem') ? 'pem' : files.includes('cert') ? 'cert' : undefined;
  if (files.includes('sig') && cert) {
    args.push('--signature', `${tarballName}.sig`, '--certificate', `${tarballName}.${cert}`);
    if (files.includes('bundle')) args.push('--bundle', `${tarballName}.bundle`);
  } else if (files.includes('sigstore.json')) {
    args.push('--bundle', `${tarballName}.sigstore.json`);
  } else if (files.includes('bundle')) {
    args.push('--bundle', `${tarballName}.bundle`);
  }
  args.push(
    '--certificate-identity-regexp',
    pinnedRegexp(identity),
    '--certificate-oidc-issuer',
    identity.issuer,
    tarballName,
  );
  return args.map(shellQuote).join(' ');
}
