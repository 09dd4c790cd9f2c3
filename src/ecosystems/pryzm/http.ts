import { setTimeout as sleep } from 'node:timers/promises';
import { ReleaseError } from '../../errors.ts';
import { retryPolicyFromEnv } from '../../github/retry.ts';
import { proxyFetch } from '../../net/proxy.ts';

/**
 * The network edge of the PRYZM profile (the marketplace API and a revocation list URL): JSON
 * over fetch, through the run's proxy rule (src/net/proxy.ts: HTTPS_PROXY, HTTP_PROXY and
 * NO_PROXY from `env`), retried on 429 and 5xx only (the marketplace answers 500
 * `internal_error` and 429 from its rate limiter; every other status is an answer). The waits
 * follow the project's policy (src/github/retry.ts): `Retry-After` when the server sends one
 * (seconds or an HTTP date, capped), else exponential backoff with full jitter;
 * PLUGIN_RELEASE_RETRY_BASE_MS shrinks them in tests. A connection that fails outright is not
 * retried: the caller decides (a rerun of the marketplace step is safe, see marketplace.ts).
 */
export interface HttpResult {
  status: number;
  /** The parsed body, or undefined when it is not JSON. */
  json: unknown;
  text: string;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  token?: string;
  body?: unknown;
  env: Readonly<Record<string, string | undefined>>;
  /** For messages: "the marketplace", "the revocation list". */
  what: string;
  onRetry?: (status: number, waitMs: number, attempt: number) => void;
}

const TIMEOUT_MS = 60_000;

function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(date - now, 0);
}

export async function httpJson(req: HttpRequest): Promise<HttpResult> {
  const policy = retryPolicyFromEnv(req.env);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (req.token !== undefined) headers.authorization = `Bearer ${req.token}`;
  if (req.body !== undefined) headers['content-type'] = 'application/json';
  const fetch = proxyFetch(req.env);
  for (let attempt = 0; ; attempt++) {
    let res: Response;
    try {
      res = await fetch(req.url, {
        method: req.method,
        headers,
        ...(req.body === undefined ? {} : { body: JSON.stringify(req.body) }),
        // A GET (a CRL behind a CDN) may be redirected; a POST is never re-sent elsewhere.
        redirect: req.method === 'GET' ? 'follow' : 'error',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (e) {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      throw new ReleaseError(
        'NETWORK',
        `${req.method} ${req.url} failed before ${req.what} answered: ${cause?.code ?? cause?.message ?? (e as Error).message}. Check the URL and that it is reachable from the runner`,
        { cause: e },
      );
    }
    const text = await res.text();
    const retriable = res.status === 429 || res.status >= 500;
    if (retriable && attempt + 1 < policy.attempts) {
      const server = retryAfterMs(res.headers.get('retry-after'));
      const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
      const wait =
        server !== undefined
          ? Math.min(server, policy.maxServerWaitMs)
          : Math.floor(Math.random() * cap) + policy.baseMs / 2;
      req.onRetry?.(res.status, wait, attempt);
      await sleep(wait);
      continue;
    }
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, json, text };
  }
}
