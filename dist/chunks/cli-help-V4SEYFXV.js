import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  COMMANDS,
  INPUTS
} from "./chunk-5FEXQHVO.js";
import "./chunk-5ZJU6YLT.js";

// src/cli-docs.generated.ts
var INPUT_DESCRIPTIONS = {
  command: "What to do: validate, pack, sign, upload, publish, verify or all (validate + pack + sign + publish).",
  tag: "The tag to release (v<semver>; a refs/tags/ prefix is accepted). Default: from GITHUB_REF when it is a tag. Required on workflow_dispatch from a branch.",
  ecosystem: "The plugin ecosystem: nexo, osaurus, biosimulant, pryzm or elizaos; auto detects it from the manifest file in working-directory (osaurus must be named).",
  manifest: "Path of the plugin manifest, relative to working-directory. Default: the profile's file (nexo-plugin.toml, osaurus-manifest.json, plugin.json, plugin.manifest.json, package.json).",
  targets: "Target triples, separated by commas, spaces or newlines (e.g. x86_64-unknown-linux-gnu); noarch is a target. pack builds these; publish and verify require them.",
  binary: "Where the built binary is: a template with {target} and {id}. For noarch, the launcher script shipped as bin/<id>.",
  include: "Extra files or directories (relative; globs allowed) put at the same relative path in every tarball, e.g. lib for noarch plugins.",
  "target-aliases": 'from=to pairs: the tarball built for "from" is also published under "to" (with its own sidecar), e.g. x86_64-unknown-linux-musl=x86_64-unknown-linux-gnu.',
  dist: "Artifact directory, relative to working-directory.",
  "working-directory": "The plugin directory; every other path is relative to it.",
  "source-date-epoch": "Seconds since 1970 stored as every archive mtime. Default: SOURCE_DATE_EPOCH if set, else the commit time of HEAD, else 0.",
  "compression-level": "Deflate level 1-9 (libdeflate's levels: 6, the default, writes about 1% less than gzip -6 on machine code; 9 is smaller and slower).",
  "dry-run": "true: print everything that would be done and change nothing outside dist.",
  token: "GitHub token with contents: write (read is enough for verify).",
  repo: "owner/name of the repository whose release is verified. Default: the current repository.",
  draft: "true: leave the release a draft after uploading and checking it.",
  prerelease: "auto (true when the version has a pre-release part), true or false.",
  "make-latest": "auto (true only when this version is above every published release, so backports never become latest), true, false or legacy.",
  notes: "Release notes for a new release: generate (GitHub generated notes), changelog (this version's CHANGELOG.md section), file:<path>, or none.",
  "overwrite-notes": "true: replace the title and notes of an existing release; by default reruns keep them.",
  concurrency: "How many uploads, signatures or verifications run at once (1 to 64). Uploads halve it for the rest of the run when GitHub answers with a rate limit.",
  sign: "true: sign every tarball keyless through Sigstore with the workflow identity (needs permissions: id-token: write).",
  "signature-files": "Which signature files to write next to each tarball: any of sig, cert, pem, bundle, sigstore.json.",
  "fulcio-url": "Fulcio URL. Default: the public-good instance.",
  "rekor-url": "Rekor URL. Default: the public-good instance.",
  "tsa-url": "Optional RFC 3161 timestamp authority URL.",
  "trusted-root": "Path of a trusted_root.json for a private Sigstore instance. Default: the public-good root.",
  verify: "false: skip verifying the published release the way the nexo installer will.",
  "require-signature": "verify: fail when a tarball has no signature.",
  "certificate-identity-regexp": "verify: the signing identity to accept (as in trusted_keys.toml identity_regexp). Default: this repository's workflows.",
  "certificate-oidc-issuer": "verify: the OIDC issuer to accept.",
  "allow-unknown-targets": "nexo: let target triples outside the known list (rustc --print target-list, plus noarch) through, for custom targets.",
  dylib: "osaurus: the built plugin library (path or glob). Default: the one *.dylib in working-directory.",
  "minisign-secret-key": "osaurus: the text of a minisign secret key file (as the MINISIGN_SECRET_KEY secret holds it). Writes <zip>.minisig in the legacy Ed format.",
  "minisign-password": "osaurus: the password of an encrypted minisign secret key.",
  "minisign-public-key": "osaurus: the minisign public key (the RW... line); when given it must match the secret key.",
  "registry-entry": "osaurus, elizaos: path to write the ecosystem registry entry file to (osaurus plugins/<plugin_id>.json, elizaos entries/third-party/<file>.json). Empty: none.",
  "registry-base": "osaurus: path of the current registry entry (e.g. from a checkout of the registry) to merge this version into.",
  "registry-repo": "osaurus, elizaos: the registry repository (owner/name) to open the pull request against, after the release is published.",
  "registry-token": "osaurus, elizaos: a token that can fork the registry repository and open pull requests (the default GITHUB_TOKEN cannot).",
  "payload-dir": "biosimulant: the directory packed into the .bsiplugin. Default: the manifests directory.",
  "signing-key": "biosimulant: an Ed25519 PKCS#8 PEM private key (or a path to one) that signs integrity/sha256sums.txt. Default: env BIOSIMULANT_PLUGIN_SIGNING_KEY.",
  "signer-id": "biosimulant: the signer id written into integrity/signature.json (letters, digits, . _ @ -); required with signing-key.",
  "trusted-signing-keys": "biosimulant verify: base64 Ed25519 public keys, or signer-id=key pairs, separated by commas or newlines; the signer must be one of them.",
  "npm-registry": "elizaos: the npm registry to publish to. Default: npms configured registry (the public one).",
  "npm-token": "elizaos: the npm token. Default: env NODE_AUTH_TOKEN.",
  "npm-tag": "elizaos: the dist-tag. Default: latest for a release, the first prerelease identifier (beta, rc) for a prerelease, else next.",
  "npm-access": "elizaos: public or restricted.",
  "npm-provenance": "elizaos: attach npm provenance (needs permissions: id-token: write).",
  "pryzm-publisher-key": "pryzm: the publishers Ed25519 key: the SDK key file JSON, a base64 32-byte seed, or a path to either. Default: env PRYZM_PUBLISHER_KEY.",
  "pryzm-publisher": "pryzm: the publisher slug in the marketplace.",
  "marketplace-url": "pryzm: the marketplace API base URL; with marketplace-token, the version is submitted after the release is published.",
  "marketplace-token": "pryzm: the marketplace token (scope project:write).",
  "revocation-list": "pryzm: the marketplace revocation list (a file or an https URL); a revoked key or version stops the run before any upload.",
  "trusted-publisher-keys": "pryzm verify: base64 Ed25519 publisher keys, separated by commas or newlines; the signature must be by one of them."
};

// src/cli-help.ts
var COMMAND_HELP = {
  validate: "check the tag and the manifest the way the ecosystem will",
  pack: "write one reproducible archive (and its .sha256) per target into dist",
  sign: "sign every artifact in dist keyless with Sigstore",
  upload: "attach dist to the tag's release (a draft when new); never publishes",
  publish: "upload, check the release is complete, publish it, then verify it",
  verify: "check a published release (or dist) the way its installer will",
  all: "validate + pack + sign (with --sign) + publish; the default when only flags are given",
  help: "print this help"
};
var OTHER_FLAGS = [
  {
    flag: "--json",
    help: "print the outputs as one JSON object on stdout; on failure it has an `error` object {code, message, diagnostics}"
  },
  { flag: "--help, -h", help: "print this help" },
  { flag: "--version", help: "print the version" }
];
function wrap(text, indent, width) {
  const lines = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== "" && indent + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines.map((l) => `${" ".repeat(indent)}${l}`).join("\n");
}
function cliDefault(name) {
  if (name === "token") return "$GITHUB_TOKEN";
  const spec = INPUTS.find((i) => i.name === name);
  const value = spec?.cliDefault ?? spec?.default ?? "";
  return value === "" ? "(none)" : value;
}
function helpText(width = 100) {
  const w = Math.max(60, Math.min(width, 120));
  const commands = [...COMMANDS, "help"].map((c) => `  ${c.padEnd(10)}${COMMAND_HELP[c]}`);
  const flags = INPUTS.map((i) => {
    const value = i.boolean ? " [true|false]" : " <value>";
    const description = INPUT_DESCRIPTIONS[i.name] ?? "";
    return [
      `  --${i.name}${value}`,
      wrap(description, 6, w),
      wrap(`default: ${cliDefault(i.name)}`, 6, w)
    ].join("\n");
  });
  const other = OTHER_FLAGS.map((f) => `  ${f.flag.padEnd(12)}${f.help}`);
  return [
    "plugin-release: validate, pack, sign, publish and verify plugin releases (the CLI of plugin-release-action)",
    "",
    "Usage: plugin-release <command> [--flag value ...]",
    "",
    "Commands:",
    ...commands,
    "",
    `Flags (the action's inputs; --flag=value works too; a boolean flag alone means "true"):`,
    flags.join("\n"),
    "",
    "Other flags:",
    ...other,
    "",
    wrap(
      "Environment: GITHUB_TOKEN (the token), GITHUB_REPOSITORY (owner/name), GITHUB_API_URL (GitHub Enterprise, or the local emulator: see the README), HTTPS_PROXY, HTTP_PROXY and NO_PROXY.",
      0,
      w
    ),
    "Exit status: 0 ok, 1 failed, 2 bad usage.",
    "Example: plugin-release pack --targets x86_64-unknown-linux-gnu && ls dist/"
  ].join("\n");
}
export {
  COMMAND_HELP,
  OTHER_FLAGS,
  cliDefault,
  helpText
};
