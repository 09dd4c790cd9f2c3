import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);

// src/publish/names.ts
var SAFE = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
function assetNameProblem(name) {
  if (name.length === 0) return "it is empty";
  if (name.length > 255) return "it is longer than 255 characters";
  if (!SAFE.test(name)) {
    const bad = [...new Set([...name].filter((c) => !/[A-Za-z0-9._-]/.test(c)))].map(
      (c) => JSON.stringify(c)
    );
    if (name.startsWith(".")) return "it starts with a dot";
    return `GitHub rewrites the character${bad.length > 1 ? "s" : ""} ${bad.join(" ")}`;
  }
  if (name.includes("..")) return "GitHub collapses '..' to '.'";
  return void 0;
}
var TEMP_MARK = ".partial-";
function tempAssetName(name, nonce) {
  return `${name}${TEMP_MARK}${nonce}`;
}
function tempAssetTarget(name) {
  const i = name.lastIndexOf(TEMP_MARK);
  return i > 0 && /^[0-9a-z]+-[0-9a-z]+$/.test(name.slice(i + TEMP_MARK.length)) ? name.slice(0, i) : void 0;
}
var CONTENT_TYPES = [
  [".tar.gz", "application/gzip"],
  [".tgz", "application/gzip"],
  [".zip", "application/zip"],
  [".bsiplugin", "application/zip"],
  [".json", "application/json"],
  [".bundle", "application/json"],
  [".toml", "application/toml"],
  [".sha256", "text/plain"],
  [".minisig", "text/plain"],
  [".sig", "text/plain"],
  [".pem", "text/plain"],
  [".cert", "text/plain"],
  [".txt", "text/plain"]
];
function contentTypeFor(name) {
  const lower = name.toLowerCase();
  return CONTENT_TYPES.find(([suffix]) => lower.endsWith(suffix))?.[1] ?? "application/octet-stream";
}

export {
  assetNameProblem,
  tempAssetName,
  tempAssetTarget,
  contentTypeFor
};
