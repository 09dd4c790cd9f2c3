import type { Config } from '../config.ts';
import { ReleaseError } from '../errors.ts';
import { escapeRegExp } from '../sign/identity.ts';
import type { IdentityPolicy } from './signature.ts';

/**
 * The identity a signature must carry: the same two fields an operator writes into the
 * installer's `trusted_keys.toml` (`identity_regexp`, `oidc_issuer`). `certificate-identity-regexp`
 * wins; otherwise every workflow of the repository being verified, anchored at
 * `${GITHUB_SERVER_URL}/${owner}/${repo}/.github/workflows/` (a release signed by a reusable
 * workflow of another repository needs the input). Without a repository there is no default,
 * and signatures present then fail with the reason.
 */
export function defaultIdentityRegexp(
  serverUrl: string,
  repo: { owner: string; name: string },
): string {
  const base = `${serverUrl.replace(/\/+$/, '')}/${repo.owner}/${repo.name}/.github/workflows/`;
  return `^${escapeRegExp(base)}.+$`;
}

export function identityPolicy(
  config: Pick<Config, 'certificateIdentityRegexp' | 'certificateOidcIssuer' | 'serverUrl'>,
  repo: { owner: string; name: string } | undefined,
): IdentityPolicy {
  const issuer = config.certificateOidcIssuer;
  const source =
    config.certificateIdentityRegexp ??
    (repo === undefined ? undefined : defaultIdentityRegexp(config.serverUrl, repo));
  if (source === undefined) {
    return {
      regexp: undefined,
      issuer,
      missing:
        'no identity to check the signature against: pass certificate-identity-regexp (or set GITHUB_REPOSITORY, whose workflows are the default)',
    };
  }
  try {
    return { regexp: new RegExp(source), pattern: source, issuer };
  } catch (e) {
    throw new ReleaseError(
      'USAGE',
      `certificate-identity-regexp '${source}' is not a regular expression: ${(e as Error).message}`,
    );
  }
}
