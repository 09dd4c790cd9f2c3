import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);

// src/verify/sidecar.ts
var RUST_WHITESPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;
function parseSidecar(body) {
  const text = body.toString("utf8");
  const token = text.split(RUST_WHITESPACE).find((t) => t !== "") ?? "";
  const lower = token.toLowerCase();
  return /^[0-9a-f]{64}$/.test(lower) ? { ok: true, sha256: lower } : { ok: false, token };
}
function describeToken(body, token) {
  if (body.length === 0) return "the file is empty";
  if (token === "") return "the file holds only white space";
  if (token.startsWith("\uFEFF")) return "it starts with a byte order mark (BOM) before the hex";
  const shown = JSON.stringify(token.length > 40 ? `${token.slice(0, 40)}...` : token);
  if (/^<(!doctype|html)/i.test(token)) return `it is an HTML page (${shown})`;
  return `its first token ${shown} is not 64 hex digits`;
}

export {
  parseSidecar,
  describeToken
};
