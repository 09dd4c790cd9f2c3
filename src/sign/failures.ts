/**
 * Turns @sigstore/sign failures into ReleaseErrors that name the service and URL that failed.
 * The library has already retried (see `sigstoreRetry`) when these reach us.
 *
 * Contract: messages pass through `redact` (the OIDC token never appears); ReleaseErrors raised by
 * our own identity provider come back unchanged; library errors are not kept as `cause`, because
 * some of them quote the identity token.
 */
import { InternalError } from '@sigstore/sign';
import { ReleaseError, isReleaseError } from '../errors.ts';

export interface Endpoints {
  fulcioURL: string;
  rekorURL: string;
  tsaURL?: string;
}

function detail(err: unknown): string {
  const parts: string[] = [];
  let e: unknown = err;
  for (let depth = 0; e instanceof Error && depth < 4; depth++) {
    const status = (e as { statusCode?: unknown }).statusCode;
    parts.push(typeof status === 'number' ? `HTTP ${status}: ${e.message}` : e.message);
    e = e.cause;
  }
  return [...new Set(parts)].join(' <- ') || String(err);
}

export function toSigningFailure(
  err: unknown,
  endpoints: Endpoints,
  redact: (text: string) => string,
): ReleaseError {
  if (isReleaseError(err)) return err;
  if (err instanceof InternalError) {
    if (err.code === 'IDENTITY_TOKEN_READ_ERROR' && isReleaseError(err.cause)) return err.cause;
    if (err.code === 'IDENTITY_TOKEN_READ_ERROR' || err.code === 'IDENTITY_TOKEN_PARSE_ERROR') {
      return new ReleaseError('OIDC_UNAVAILABLE', 'the GitHub Actions OIDC token is unusable');
    }
    const service =
      err.code === 'CA_CREATE_SIGNING_CERTIFICATE_ERROR'
        ? ['Fulcio', endpoints.fulcioURL, 'fulcio-url']
        : err.code === 'TSA_CREATE_TIMESTAMP_ERROR'
          ? ['TSA', endpoints.tsaURL ?? '', 'tsa-url']
          : ['Rekor', endpoints.rekorURL, 'rekor-url'];
    const [name, url, input] = service;
    return new ReleaseError(
      'SIGNING_FAILED',
      redact(
        `Sigstore ${name} (${url}) failed: ${detail(err.cause ?? err)}. ` +
          `Retries are exhausted; check the service's status or the ${input} input.`,
      ),
    );
  }
  return new ReleaseError('SIGNING_FAILED', redact(`signing failed: ${detail(err)}`));
}
