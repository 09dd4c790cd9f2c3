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

export function translateApiError(e: unknown, what: string): ReleaseError {
  if (e instanceof ReleaseError) return e;
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
  const status = d.status === undefined ? 'network error' : String(d.status);
  return new ReleaseError('GITHUB_API', `${what}: ${status} ${d.message}`, { cause: e });
}
