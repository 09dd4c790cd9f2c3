import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  ReleaseError
} from "./chunk-S5POLVOE.js";

// src/sign/config.ts
var SIGNATURE_FILE_KINDS = [
  "sig",
  "cert",
  "pem",
  "bundle",
  "sigstore.json"
];
var DEFAULT_FULCIO_URL = "https://fulcio.sigstore.dev";
var DEFAULT_REKOR_URL = "https://rekor.sigstore.dev";
var GITHUB_OIDC_ISSUER = "https://token.actions.githubusercontent.com";
function networkOptions(cfg) {
  return {
    retries: cfg.retries ?? 3,
    retryBaseMs: cfg.retryBaseMs ?? 1e3,
    timeoutMs: cfg.timeoutMs ?? 3e4
  };
}
function sigstoreRetry(net) {
  return {
    retries: net.retries,
    factor: 2,
    minTimeout: net.retryBaseMs,
    maxTimeout: net.retryBaseMs * 2 ** Math.max(net.retries, 1),
    randomize: true
  };
}
function checkConfig(cfg) {
  for (const [name, value] of [
    ["fulcio-url", cfg.fulcioURL],
    ["rekor-url", cfg.rekorURL],
    ["tsa-url", cfg.tsaURL]
  ]) {
    if (value === void 0) continue;
    if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
      throw new ReleaseError("USAGE", `${name} '${value}' is not an http(s) URL`);
    }
  }
  if (!Number.isInteger(cfg.concurrency) || cfg.concurrency < 1) {
    throw new ReleaseError(
      "USAGE",
      `concurrency must be a whole number >= 1, got ${cfg.concurrency}`
    );
  }
  for (const [name, value] of [
    ["retries", cfg.retries],
    ["retryBaseMs", cfg.retryBaseMs],
    ["timeoutMs", cfg.timeoutMs]
  ]) {
    if (value !== void 0 && (!Number.isInteger(value) || value < 0)) {
      throw new ReleaseError("USAGE", `${name} must be a whole number >= 0, got ${value}`);
    }
  }
  const kinds = /* @__PURE__ */ new Set();
  for (const kind of cfg.files) {
    if (!SIGNATURE_FILE_KINDS.includes(kind)) {
      throw new ReleaseError(
        "USAGE",
        `signature-files: unknown kind '${String(kind)}' (expected some of ${SIGNATURE_FILE_KINDS.join(",")})`
      );
    }
    kinds.add(kind);
  }
  if (kinds.size === 0) {
    throw new ReleaseError("USAGE", "signature-files is empty: signing would write nothing");
  }
  return SIGNATURE_FILE_KINDS.filter((k) => kinds.has(k));
}
function baseURL(url) {
  return url.replace(/\/+$/, "");
}

export {
  SIGNATURE_FILE_KINDS,
  DEFAULT_FULCIO_URL,
  DEFAULT_REKOR_URL,
  GITHUB_OIDC_ISSUER,
  networkOptions,
  sigstoreRetry,
  checkConfig,
  baseURL
};
