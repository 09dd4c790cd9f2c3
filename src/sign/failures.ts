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

function httpStatus(err: unknown): number | undefined {
  const status = (err as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

function retryable(status: number | undefined): boolean {
  return status === undefined || status === 408 || status === 429 || status >= 500;
}

function detail(err: unknown): string {
  const parts: string[] = [];
  let e: unknown = err;
  for (let depth = 0; e instanceof Error && depth < 4; depth++) {
    const status = httpStatus(e);
    parts.push(status === undefined ? e.message : `HTTP ${status}: ${e.message}`);
    e = e.cause;
  }
  return [...new Set(parts)].join(' <- ') || String(err);
}

export function toSigningFailure(
  err: unknown,
  endpoints: Endpoints,
  retries: number,
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
    const attempts = retryable(httpStatus(err.cause))
      ? `after ${retries + 1} attempts; check the service's status or the ${input} input`
      : `the request was rejected (not retried); check the ${input} input`;
    return new ReleaseError(
      'SIGNING_FAILED',
      redact(`Sigstore ${name} (${url}) failed: ${detail(err.cause ?? err)} (${attempts})`),
    );
  }
  return new ReleaseError('SIGNING_FAILED', redact(`signing failed: ${detail(err)}`));
}
