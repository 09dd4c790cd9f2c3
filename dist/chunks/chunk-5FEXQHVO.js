import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);

// src/inputs.ts
var INPUTS = [
  { name: "command", default: "all" },
  { name: "tag", default: "" },
  { name: "ecosystem", default: "auto" },
  { name: "manifest", default: "" },
  { name: "targets", default: "" },
  { name: "binary", default: "target/{target}/release/{id}" },
  { name: "include", default: "" },
  { name: "target-aliases", default: "" },
  { name: "dist", default: "dist" },
  { name: "working-directory", default: "." },
  { name: "source-date-epoch", default: "" },
  { name: "compression-level", default: "6" },
  { name: "dry-run", default: "false", boolean: true },
  { name: "token", default: "${{ github.token }}", cliDefault: "" },
  { name: "repo", default: "" },
  { name: "draft", default: "false", boolean: true },
  { name: "prerelease", default: "auto" },
  { name: "make-latest", default: "auto" },
  { name: "notes", default: "generate" },
  { name: "overwrite-notes", default: "false", boolean: true },
  { name: "concurrency", default: "32" },
  { name: "sign", default: "false", boolean: true },
  { name: "signature-files", default: "sig,cert,pem,bundle,sigstore.json" },
  { name: "fulcio-url", default: "" },
  { name: "rekor-url", default: "" },
  { name: "tsa-url", default: "" },
  { name: "trusted-root", default: "" },
  { name: "verify", default: "true", boolean: true },
  { name: "require-signature", default: "false", boolean: true },
  { name: "certificate-identity-regexp", default: "" },
  { name: "certificate-oidc-issuer", default: "https://token.actions.githubusercontent.com" },
  { name: "allow-unknown-targets", default: "false", boolean: true },
  { name: "dylib", default: "" },
  { name: "minisign-secret-key", default: "" },
  { name: "minisign-password", default: "" },
  { name: "minisign-public-key", default: "" },
  { name: "registry-entry", default: "" },
  { name: "registry-base", default: "" },
  { name: "registry-repo", default: "" },
  { name: "registry-token", default: "" },
  { name: "payload-dir", default: "" },
  { name: "signing-key", default: "" },
  { name: "signer-id", default: "" },
  { name: "trusted-signing-keys", default: "" },
  { name: "npm-registry", default: "" },
  { name: "npm-token", default: "" },
  { name: "npm-tag", default: "" },
  { name: "npm-access", default: "public" },
  { name: "npm-provenance", default: "false", boolean: true },
  { name: "pryzm-publisher-key", default: "" },
  { name: "pryzm-publisher", default: "" },
  { name: "marketplace-url", default: "" },
  { name: "marketplace-token", default: "" },
  { name: "revocation-list", default: "" },
  { name: "trusted-publisher-keys", default: "" }
];
var SECRET_INPUTS = [
  "token",
  "minisign-secret-key",
  "minisign-password",
  "registry-token",
  "signing-key",
  "npm-token",
  "pryzm-publisher-key",
  "marketplace-token"
];
var SECRET_ENV = [
  "BIOSIMULANT_PLUGIN_SIGNING_KEY",
  "PRYZM_PUBLISHER_KEY",
  "NODE_AUTH_TOKEN",
  "MINISIGN_SECRET_KEY"
];
var COMMANDS = ["validate", "pack", "sign", "upload", "publish", "verify", "all"];
function readActionInputs(env) {
  const out = {};
  for (const spec of INPUTS) {
    const key = `INPUT_${spec.name.replace(/ /g, "_").toUpperCase()}`;
    const value = env[key];
    out[spec.name] = value === void 0 ? spec.default : value.trim();
  }
  if (out.token === "" || out.token === "${{ github.token }}") out.token = env.GITHUB_TOKEN ?? "";
  return out;
}

export {
  INPUTS,
  SECRET_INPUTS,
  SECRET_ENV,
  COMMANDS,
  readActionInputs
};
