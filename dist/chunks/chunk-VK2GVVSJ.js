import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  ReleaseError
} from "./chunk-S5POLVOE.js";

// src/github/errors.ts
function apiErrorDetails(e) {
  const err = e ?? {};
  const data = err.response?.data ?? {};
  const parts = [data.message ?? err.message ?? String(e)];
  const codes = [];
  for (const x of data.errors ?? []) {
    codes.push(`${x.code ?? ""}:${x.field ?? ""}`);
    if (x.message) parts.push(x.message);
    else if (x.code) parts.push(`${x.field ?? ""} ${x.code}`);
  }
  return { status: err.status, message: parts.join("; "), codes };
}
function isAlreadyExists(e, field) {
  const d = apiErrorDetails(e);
  return d.status === 422 && d.codes.includes(`already_exists:${field}`);
}
function networkFailure(e) {
  const err = e ?? {};
  if (err.response !== void 0) return void 0;
  if (err.status !== void 0 && !(err.status === 500 && err.request !== void 0))
    return void 0;
  const parts = [];
  let code;
  for (let cur = e, depth = 0; cur instanceof Error && depth < 6; depth++) {
    const c = cur.code;
    if (typeof c === "string" && /^[A-Z_]+$/.test(c)) code = c;
    parts.push(cur.message);
    cur = cur.cause;
  }
  if (parts.length === 0) return void 0;
  const inner = parts.at(-1);
  return code !== void 0 && !inner.includes(code) ? `${code} ${inner}` : inner;
}
function translateApiError(e, what, url) {
  if (e instanceof ReleaseError) return e;
  const net = networkFailure(e);
  if (net !== void 0) {
    const where = e.request?.url ?? url;
    const host = where !== void 0 && URL.canParse(where) ? new URL(where).host : "GitHub";
    return new ReleaseError(
      "NETWORK",
      `${what}: cannot reach ${host}: ${net}. No HTTP answer came back, after retries: check the runner's network, proxy and DNS, and GITHUB_API_URL / GITHUB_SERVER_URL when this is GitHub Enterprise Server, then run again`,
      { cause: e }
    );
  }
  const d = apiErrorDetails(e);
  if (d.status === 401) {
    return new ReleaseError(
      "AUTH",
      `${what}: GitHub rejected the token (401 ${d.message}). Pass a valid token: the default \${{ github.token }} or a token with contents: write`,
      { cause: e }
    );
  }
  if (d.status === 403 && !/rate limit/i.test(d.message)) {
    return new ReleaseError(
      "AUTH",
      `${what}: ${d.message} (403). The token cannot write releases: add \`permissions: contents: write\` to the job (or workflow), or pass a token with that scope`,
      { cause: e }
    );
  }
  if (d.status === 422 && /immutable release/i.test(d.message)) {
    return new ReleaseError(
      "RELEASE_IMMUTABLE",
      `${what}: ${d.message}. This version is published as an immutable release and can never change: release a new version (bump the manifest and tag)`,
      { cause: e }
    );
  }
  return new ReleaseError("GITHUB_API", `${what}: ${d.status ?? "(no status)"} ${d.message}`, {
    cause: e
  });
}

export {
  apiErrorDetails,
  isAlreadyExists,
  translateApiError
};
