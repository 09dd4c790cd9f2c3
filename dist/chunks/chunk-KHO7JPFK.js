import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);

// src/crypto/base64.ts
function toBase64(bytes) {
  return Buffer.from(bytes).toString("base64");
}
function toBase64Url(bytes) {
  return Buffer.from(bytes).toString("base64url");
}
var STANDARD = /^[A-Za-z0-9+/]*={0,2}$/;
var URL_SAFE = /^[A-Za-z0-9_-]*={0,2}$/;
function decodeBase64(text) {
  const url = !STANDARD.test(text);
  if (url && !URL_SAFE.test(text)) return void 0;
  const body = text.replace(/=+$/, "");
  const padding = text.length - body.length;
  if (body.length % 4 === 1) return void 0;
  if (padding > 0 && (body.length + padding) % 4 !== 0) return void 0;
  const bytes = Buffer.from(body, url ? "base64url" : "base64");
  const again = bytes.toString(url ? "base64url" : "base64").replace(/=+$/, "");
  return again === body ? new Uint8Array(bytes) : void 0;
}
function decodeStandardBase64(text) {
  if (!STANDARD.test(text) || text.length % 4 !== 0) return void 0;
  return decodeBase64(text);
}

export {
  toBase64,
  toBase64Url,
  decodeBase64,
  decodeStandardBase64
};
