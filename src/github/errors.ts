import { ReleaseError } from '../errors.ts';

/**
 * Turns an Octokit/fetch failure into the ReleaseError a user can act on. The request's
 * Authorization header never reaches the message (Octokit redacts it, and we use only the
 * status, GitHub's message and the errors array).
 */
interface ApiErrorLike {
  status?: number;
  message?: string;
  response?: { data?: unknown; url?: string };
  request?: { method?: string; url?: string };
}

export function apiErrorDetails(e: unknown): { status?: number; message: string; codes: string[] } {
  const err = (e ?? {}) as ApiErrorLike;
  const data = (err.response?.data ?? {}) as {
    message?: string;
    errors?: { code?: string; field?: string; message?: string }[];
  };
  const parts = [data.message ?? err.message ?? String(e)];
  const codes: string[] = [];
  for (const x of data.errors ?? []) {
    codes.push(`${x.code ?? ''}:${x.field ?? ''}`);
    if (x.message) parts.push(x.message);
    else if (x.code) parts.push(`${x.field ?? ''} ${x.code}`);
  }
  return { status: err.status, message: parts.join('; '), codes };
}

export function isAlreadyExists(e: unknown, field: string): boolean {
  const d = apiErrorDetails(e);
  return d.status === 422 && d.codes.includes(`already_exists:${field}`);
}

/**
 * A failure with no HTTP answer behind it (DNS, refused, reset, timeout): Octokit reports these
 * with an invented status 500 and no `response`, fetch and node:http with no status at all.
 * Returns the innermost cause ("ECONNREFUSED connect ECONNREFUSED 127.0.0.1:1"), else undefined.
 */
export function networkFailure(e: unknown): string | undefined {
  const err = (e ?? {}) as ApiErrorLike & { cause?: unknown; name?: string };
  if (err.response !== undefined) return undefined;
  if (err.status !== undefined && !(err.status === 500 && err.request !== undefined))
    return undefined;
  const parts: string[] = [];
  let code: string | undefined;
  for (let cur: unknown = e, depth = 0; cur instanceof Error && depth < 6; depth++) {
    const c = (cur as { code?: unknown }).code;
    if (typeof c === 'string' && /^[A-Z_]+$/.test(c)) code = c;
    parts.push(cur.message);
    cur = cur.cause;
  }
  if (parts.length === 0) return undefined;
  const inner = parts.at(-1)!;
  return code !== undefined && !inner.includes(code) ? `${code} ${inner}` : inner;
}

export function translateApiError(e: unknown, what: string, url?: string): ReleaseError {
  if (e instanceof ReleaseError) return e;
  const net = networkFailure(e);
  if (net !== undefined) {
    const where = (e as ApiErrorLike).request?.url ?? url;
    const host = where !== undefined && URL.canParse(where) ? new URL(where).host : 'GitHub';
    return new ReleaseError(
      'NETWORK',
      `${what}: cannot reach ${host}: ${net}. No HTTP answer came back, after retries: check the runner's network, proxy and DNS, and GITHUB_API_URL / GITHUB_SERVER_URL when this is GitHub Enterprise Server, then run again`,
      { cause: e },
    );
  }
  const d = apiErrorDetails(e);
  if (d.status === 401) {
    return new ReleaseError(
      'AUTH',
      `${what}: GitHub rejected the token (401 ${d.message}). Pass a valid token: the default \${{ github.token }} or a token with contents: write`,
      { cause: e },
    );
  }
  if (d.status === 403 && !/rate limit/i.test(d.message)) {
    return new ReleaseError(
      'AUTH',
      `${what}: ${d.message} (403). The token cannot write releases: add \`permissions: contents: write\` to the job (or workflow), or pass a token with that scope`,
      { cause: e },
    );
  }
  if (d.status === 422 && /immutable release/i.test(d.message)) {
    return new ReleaseError(
      'RELEASE_IMMUTABLE',
      `${what}: ${d.message}. This version is published as an immutable release and can never change: release a new version (bump the manifest and tag)`,
      { cause: e },
    );
  }
  return new ReleaseError('GITHUB_API', `${what}: ${d.status ?? '(no status)'} ${d.message}`, {
    cause: e,
  });
}
