import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The one retry policy, applied only at the network edge (the Octokit adapter's request hook and
 * the upload loop). Retries 408/429/5xx, secondary rate limits (403/429 whose message says so),
 * primary rate limits (x-ratelimit-remaining: 0) and connection errors; waits `retry-after`
 * when given, else until `x-ratelimit-reset`, else exponential backoff with full jitter.
 */
export interface RetryPolicy {
  attempts: number;
  baseMs: number;
  maxMs: number;
  /** Longest wait honoured from a server's retry-after / reset before giving up. */
  maxServerWaitMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 6,
  baseMs: 1000,
  maxMs: 30_000,
  maxServerWaitMs: 15 * 60_000,
};

/** Lets tests shrink every wait (PLUGIN_RELEASE_RETRY_BASE_MS) without touching behaviour. */
export function retryPolicyFromEnv(env: Readonly<Record<string, string | undefined>>): RetryPolicy {
  const base = Number(env.PLUGIN_RELEASE_RETRY_BASE_MS);
  if (!Number.isFinite(base) || base <= 0) return DEFAULT_RETRY;
  return {
    ...DEFAULT_RETRY,
    baseMs: base,
    maxMs: base * 30,
    maxServerWaitMs: Math.max(base * 100, 5_000),
  };
}

interface HttpLikeError {
  status?: number;
  message?: string;
  code?: string;
  cause?: unknown;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);

function networkCode(e: unknown): string | undefined {
  for (
    let cur = e as HttpLikeError | undefined, depth = 0;
    cur && depth < 5;
    cur = cur.cause as HttpLikeError, depth++
  ) {
    if (cur.code && NETWORK_CODES.has(cur.code)) return cur.code;
    if (
      typeof cur.message === 'string' &&
      /fetch failed|socket hang up|other side closed|terminated/i.test(cur.message)
    )
      return 'ECONNRESET';
  }
  return undefined;
}

function bodyText(e: HttpLikeError): string {
  const data = e.response?.data;
  return `${e.message ?? ''} ${typeof data === 'string' ? data : JSON.stringify(data ?? '')}`;
}

/** A 429, or a 403 that names a rate limit (secondary, or the primary one exhausted). */
export function isRateLimited(e: unknown): boolean {
  const err = (e ?? {}) as HttpLikeError;
  const headers = err.response?.headers ?? {};
  if (err.status === 429) return true;
  return (
    err.status === 403 &&
    (/secondary rate limit/i.test(bodyText(err)) ||
      String(headers['x-ratelimit-remaining']) === '0')
  );
}

/** How long to wait before retrying `e`, or undefined when it must not be retried. */
export function retryDelay(
  e: unknown,
  attempt: number,
  policy: RetryPolicy,
  now = Date.now(),
): number | undefined {
  const err = (e ?? {}) as HttpLikeError;
  const headers = err.response?.headers ?? {};
  const status = err.status;
  const secondary = /secondary rate limit/i.test(bodyText(err));
  const primary = String(headers['x-ratelimit-remaining']) === '0';
  const retriable =
    (status !== undefined && (status === 408 || status === 429 || status >= 500)) ||
    ((status === 403 || status === 429) && (secondary || primary)) ||
    (status === undefined && networkCode(e) !== undefined);
  if (!retriable) return undefined;
  const retryAfter = Number(headers['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter >= 0)
    return Math.min(retryAfter * 1000, policy.maxServerWaitMs);
  const reset = Number(headers['x-ratelimit-reset']);
  if (primary && Number.isFinite(reset))
    return Math.min(Math.max(reset * 1000 - now, 0) + 1000, policy.maxServerWaitMs);
  // Secondary limits without a hint: GitHub asks for at least a minute; scaled by the policy.
  const floor = secondary ? policy.baseMs * 60 : 0;
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
  return Math.max(floor, Math.floor(Math.random() * cap) + policy.baseMs / 2);
}

export async function withRetry<T>(
  policy: RetryPolicy,
  fn: (attempt: number) => Promise<T>,
  onRetry?: (e: unknown, waitMs: number, attempt: number) => Promise<void> | void,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (e) {
      const wait = attempt + 1 < policy.attempts ? retryDelay(e, attempt, policy) : undefined;
      if (wait === undefined) throw e;
      await onRetry?.(e, wait, attempt);
      await sleep(wait);
    }
  }
}
