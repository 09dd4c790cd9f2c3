import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);

// src/github/retry.ts
import { setTimeout as sleep } from "node:timers/promises";
var DEFAULT_RETRY = {
  attempts: 6,
  baseMs: 1e3,
  maxMs: 3e4,
  maxServerWaitMs: 15 * 6e4
};
function retryPolicyFromEnv(env) {
  const base = Number(env.PLUGIN_RELEASE_RETRY_BASE_MS);
  if (!Number.isFinite(base) || base <= 0) return DEFAULT_RETRY;
  return {
    ...DEFAULT_RETRY,
    baseMs: base,
    maxMs: base * 30,
    maxServerWaitMs: Math.max(base * 100, 5e3)
  };
}
var NETWORK_CODES = /* @__PURE__ */ new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_CLOSED"
]);
function networkCode(e) {
  for (let cur = e, depth = 0; cur && depth < 5; cur = cur.cause, depth++) {
    if (cur.code && NETWORK_CODES.has(cur.code)) return cur.code;
    if (typeof cur.message === "string" && /fetch failed|socket hang up|other side closed|terminated/i.test(cur.message))
      return "ECONNRESET";
  }
  return void 0;
}
function bodyText(e) {
  const data = e.response?.data;
  return `${e.message ?? ""} ${typeof data === "string" ? data : JSON.stringify(data ?? "")}`;
}
function isRateLimited(e) {
  const err = e ?? {};
  const headers = err.response?.headers ?? {};
  if (err.status === 429) return true;
  return err.status === 403 && (/secondary rate limit/i.test(bodyText(err)) || String(headers["x-ratelimit-remaining"]) === "0");
}
function retryDelay(e, attempt, policy, now = Date.now()) {
  const err = e ?? {};
  const headers = err.response?.headers ?? {};
  const status = err.status;
  const secondary = /secondary rate limit/i.test(bodyText(err));
  const primary = String(headers["x-ratelimit-remaining"]) === "0";
  const retriable = status !== void 0 && (status === 408 || status === 429 || status >= 500) || (status === 403 || status === 429) && (secondary || primary) || status === void 0 && networkCode(e) !== void 0;
  if (!retriable) return void 0;
  const retryAfter = Number(headers["retry-after"]);
  if (Number.isFinite(retryAfter) && retryAfter >= 0)
    return Math.min(retryAfter * 1e3, policy.maxServerWaitMs);
  const reset = Number(headers["x-ratelimit-reset"]);
  if (primary && Number.isFinite(reset))
    return Math.min(Math.max(reset * 1e3 - now, 0) + 1e3, policy.maxServerWaitMs);
  const floor = secondary ? policy.baseMs * 60 : 0;
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
  return Math.max(floor, Math.floor(Math.random() * cap) + policy.baseMs / 2);
}
async function withRetry(policy, fn, onRetry) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (e) {
      const wait = attempt + 1 < policy.attempts ? retryDelay(e, attempt, policy) : void 0;
      if (wait === void 0) throw e;
      await onRetry?.(e, wait, attempt);
      await sleep(wait);
    }
  }
}

export {
  retryPolicyFromEnv,
  isRateLimited,
  retryDelay,
  withRetry
};
