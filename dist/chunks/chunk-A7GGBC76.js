import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  COMMANDS,
  INPUTS,
  SECRET_ENV,
  SECRET_INPUTS
} from "./chunk-5FEXQHVO.js";
import {
  skipDestinations,
  skipPublish,
  skipSign,
  skipVerify
} from "./chunk-T6YJWSDM.js";
import {
  DEFAULT_FULCIO_URL,
  DEFAULT_REKOR_URL,
  SIGNATURE_FILE_KINDS
} from "./chunk-UPVXBFI4.js";
import {
  ReleaseError,
  isReleaseError
} from "./chunk-S5POLVOE.js";

// src/config.ts
import path2 from "node:path";

// src/config-profiles.ts
import path from "node:path";
function usage(message) {
  return new ReleaseError("USAGE", message);
}
function text(inputs, name) {
  return (inputs[name] ?? "").trim();
}
function optional(inputs, name) {
  const v = text(inputs, name);
  return v === "" ? void 0 : v;
}
function splitEntries(value) {
  return value.split(/[,\n]+/).map((s) => s.trim()).filter((s) => s !== "");
}
function repoName(value, input) {
  if (value === void 0) return void 0;
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(value);
  if (!m) throw usage(`input '${input}' is '${value}': expected format {owner}/{repo}`);
  return { owner: m[1], name: m[2] };
}
function httpUrl(value, input, httpsOnly = false) {
  if (value === void 0) return void 0;
  let url;
  try {
    url = new URL(value);
  } catch {
    throw usage(`input '${input}' is '${value}': expected an absolute URL, e.g. https://host/path`);
  }
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && (!httpsOnly || loopback))) {
    throw usage(`input '${input}' is '${value}': expected an https:// URL`);
  }
  return url.href;
}
function parseProfileConfig(inputs, env, cwd) {
  const inside = (p) => p === void 0 ? void 0 : path.resolve(cwd, p);
  const bool2 = (name) => {
    const v = text(inputs, name).toLowerCase();
    if (v === "true") return true;
    if (v === "false" || v === "") return false;
    throw usage(`input '${name}' is '${inputs[name]}': expected true or false`);
  };
  const access = text(inputs, "npm-access").toLowerCase() || "public";
  if (access !== "public" && access !== "restricted")
    throw usage(`input 'npm-access' is '${access}': expected public or restricted`);
  const npmTag = optional(inputs, "npm-tag");
  if (npmTag !== void 0 && !/^[A-Za-z][A-Za-z0-9._-]*$/.test(npmTag))
    throw usage(
      `input 'npm-tag' is '${npmTag}': a dist-tag starts with a letter and has no '/' or blanks (npm reads a version or range there instead), e.g. beta`
    );
  const registry = httpUrl(optional(inputs, "npm-registry"), "npm-registry");
  const revocation = optional(inputs, "revocation-list");
  return {
    allowUnknownTargets: bool2("allow-unknown-targets"),
    registry: {
      entry: inside(optional(inputs, "registry-entry")),
      base: inside(optional(inputs, "registry-base")),
      repo: repoName(optional(inputs, "registry-repo"), "registry-repo"),
      token: text(inputs, "registry-token")
    },
    osaurus: {
      dylib: optional(inputs, "dylib"),
      minisignSecretKey: (inputs["minisign-secret-key"] ?? "").trim(),
      minisignPassword: inputs["minisign-password"] ?? "",
      minisignPublicKey: text(inputs, "minisign-public-key")
    },
    biosimulant: {
      payloadDir: inside(optional(inputs, "payload-dir")),
      signingKey: text(inputs, "signing-key") || (env.BIOSIMULANT_PLUGIN_SIGNING_KEY ?? "").trim(),
      signerId: text(inputs, "signer-id"),
      trustedSigningKeys: splitEntries(inputs["trusted-signing-keys"] ?? "")
    },
    npm: {
      registry: registry === void 0 ? void 0 : registry.replace(/\/*$/, "/"),
      token: text(inputs, "npm-token") || (env.NODE_AUTH_TOKEN ?? "").trim(),
      tag: npmTag,
      access,
      provenance: bool2("npm-provenance")
    },
    pryzm: {
      publisherKey: text(inputs, "pryzm-publisher-key") || (env.PRYZM_PUBLISHER_KEY ?? "").trim(),
      publisher: optional(inputs, "pryzm-publisher"),
      marketplaceUrl: httpUrl(optional(inputs, "marketplace-url"), "marketplace-url")?.replace(
        /\/+$/,
        ""
      ),
      marketplaceToken: text(inputs, "marketplace-token"),
      revocationList: revocation === void 0 ? void 0 : /^https?:\/\//.test(revocation) ? httpUrl(revocation, "revocation-list", true) : inside(revocation),
      trustedPublisherKeys: splitEntries(inputs["trusted-publisher-keys"] ?? "")
    }
  };
}

// src/ecosystems/types.ts
var ECOSYSTEMS = ["nexo", "osaurus", "biosimulant", "pryzm", "elizaos"];

// src/config.ts
var TARGET_RE = /^[A-Za-z0-9_]+(?:[-.][A-Za-z0-9_]+)*$/;
function splitList(value) {
  return value.split(/[\s,]+/).map((s) => s.trim()).filter((s) => s !== "");
}
function usage2(message) {
  return new ReleaseError("USAGE", message);
}
function bool(inputs, name) {
  const v = (inputs[name] ?? "").trim().toLowerCase();
  if (v === "true") return true;
  if (v === "false" || v === "") return false;
  throw usage2(`input '${name}' is '${inputs[name]}': expected true or false`);
}
function int(inputs, name, min, max) {
  const raw = (inputs[name] ?? "").trim();
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) {
    throw usage2(`input '${name}' is '${raw}': expected a whole number from ${min} to ${max}`);
  }
  return n;
}
function oneOf(inputs, name, allowed) {
  const v = (inputs[name] ?? "").trim().toLowerCase();
  if (allowed.includes(v)) return v;
  throw usage2(`input '${name}' is '${inputs[name]}': expected one of ${allowed.join(", ")}`);
}
function resolveTag(input, env) {
  const strip = (t) => t.replace(/^refs\/tags\//, "");
  if (input.trim() !== "") return { tag: strip(input.trim()), hint: "" };
  const ref = env.GITHUB_REF ?? "";
  if (ref.startsWith("refs/tags/")) return { tag: strip(ref), hint: "" };
  const where = ref === "" ? "no GITHUB_REF is set" : `this run is on ${ref}, not a tag`;
  return {
    hint: `no tag to release: ${where}. Pass the tag explicitly (action: \`tag: \${{ inputs.tag }}\` for workflow_dispatch; CLI: --tag v1.2.3)`
  };
}
function parseAliases(value) {
  return splitList(value).map((pair) => {
    const m = /^([^=]+)=([^=]+)$/.exec(pair);
    if (!m)
      throw usage2(
        `target-aliases entry '${pair}': expected from=to, e.g. x86_64-unknown-linux-musl=x86_64-unknown-linux-gnu`
      );
    return { from: m[1], to: m[2] };
  });
}
function parseNotes(value) {
  const v = value.trim();
  if (v === "" || v === "generate") return { kind: "generate" };
  if (v === "changelog") return { kind: "changelog" };
  if (v === "none") return { kind: "none" };
  if (v.startsWith("file:") && v.length > 5) return { kind: "file", path: v.slice(5) };
  throw usage2(`input 'notes' is '${value}': expected generate, changelog, none or file:<path>`);
}
function parseRepo(value, env) {
  const full = value.trim() !== "" ? value.trim() : env.GITHUB_REPOSITORY ?? "";
  if (full === "") return void 0;
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(full);
  if (!m) throw usage2(`repository '${full}': expected format {owner}/{repo}`);
  return { owner: m[1], name: m[2] };
}
function parseSignatureFiles(value) {
  const kinds = splitList(value).map((k) => k.replace(/^\./, ""));
  for (const k of kinds) {
    if (!SIGNATURE_FILE_KINDS.includes(k)) {
      throw usage2(
        `signature-files entry '${k}': expected some of ${SIGNATURE_FILE_KINDS.join(", ")}`
      );
    }
  }
  if (kinds.length === 0)
    throw usage2(
      `signature-files is empty: name at least one of ${SIGNATURE_FILE_KINDS.join(", ")}`
    );
  return [...new Set(kinds)];
}
function parseBinaryTemplate(value) {
  const template = value.trim() || "target/{target}/release/{id}";
  for (const m of template.matchAll(/\{([^{}]*)\}/g)) {
    if (m[1] !== "id" && m[1] !== "target")
      throw usage2(
        `binary '${template}' has the unknown placeholder {${m[1]}}: the valid ones are {id} (the plugin id) and {target} (the target triple), e.g. target/{target}/release/{id}`
      );
  }
  return template;
}
function parseEpoch(inputs, env) {
  const raw = (inputs["source-date-epoch"] ?? "").trim() || (env.SOURCE_DATE_EPOCH ?? "").trim();
  if (raw === "") return void 0;
  if (!/^\d{1,11}$/.test(raw)) {
    throw usage2(`source-date-epoch '${raw}': expected seconds since 1970 as a whole number`);
  }
  return Number(raw);
}
function parseConfig(inputs, env, cwd0 = process.cwd()) {
  const command = oneOf(inputs, "command", COMMANDS);
  const cwd = path2.resolve(cwd0, inputs["working-directory"] || ".");
  const inside = (p) => path2.resolve(cwd, p);
  const targets = [...new Set(splitList(inputs.targets ?? ""))];
  for (const t of targets) {
    if (!TARGET_RE.test(t)) {
      throw new ReleaseError(
        "TARGET_INVALID",
        `target '${t}' is not a target triple (letters, digits, _ . and -), e.g. x86_64-unknown-linux-gnu or noarch`
      );
    }
  }
  const aliases = parseAliases(inputs["target-aliases"] ?? "");
  for (const a of aliases) {
    for (const t of [a.from, a.to]) {
      if (!TARGET_RE.test(t))
        throw new ReleaseError("TARGET_INVALID", `target-aliases: '${t}' is not a target triple`);
    }
  }
  const { tag, hint } = resolveTag(inputs.tag ?? "", env);
  const identity = (inputs["certificate-identity-regexp"] ?? "").trim();
  const tsa = (inputs["tsa-url"] ?? "").trim();
  const root = (inputs["trusted-root"] ?? "").trim();
  const manifestInput = (inputs.manifest ?? "").trim();
  return {
    ...parseProfileConfig(inputs, env, cwd),
    command,
    ecosystem: oneOf(inputs, "ecosystem", ["auto", ...ECOSYSTEMS]),
    manifestExplicit: manifestInput !== "",
    workingDirectory: cwd,
    tag,
    tagHint: hint,
    // The profile's own file replaces this default once the profile is known.
    manifestPath: inside(manifestInput || "nexo-plugin.toml"),
    targets,
    binaryTemplate: parseBinaryTemplate(inputs.binary ?? ""),
    include: splitList(inputs.include ?? ""),
    targetAliases: aliases,
    distDir: inside(inputs.dist || "dist"),
    sourceDateEpoch: parseEpoch(inputs, env),
    compressionLevel: int(inputs, "compression-level", 1, 9),
    dryRun: bool(inputs, "dry-run"),
    token: inputs.token ?? "",
    repo: parseRepo(inputs.repo ?? "", env),
    repoExplicit: (inputs.repo ?? "").trim() !== "",
    apiUrl: (env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/+$/, ""),
    serverUrl: (env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/+$/, ""),
    draft: bool(inputs, "draft"),
    prerelease: oneOf(inputs, "prerelease", ["auto", "true", "false"]),
    makeLatest: oneOf(inputs, "make-latest", ["auto", "true", "false", "legacy"]),
    notes: parseNotes(inputs.notes ?? ""),
    overwriteNotes: bool(inputs, "overwrite-notes"),
    concurrency: int(inputs, "concurrency", 1, 64),
    // `command: sign` exists to sign: it never succeeds having signed nothing.
    sign: command === "sign" || bool(inputs, "sign"),
    signatureFiles: parseSignatureFiles(
      inputs["signature-files"] || SIGNATURE_FILE_KINDS.join(",")
    ),
    fulcioUrl: (inputs["fulcio-url"] ?? "").trim() || DEFAULT_FULCIO_URL,
    rekorUrl: (inputs["rekor-url"] ?? "").trim() || DEFAULT_REKOR_URL,
    tsaUrl: tsa === "" ? void 0 : tsa,
    trustedRoot: root === "" ? void 0 : inside(root),
    verify: bool(inputs, "verify"),
    requireSignature: bool(inputs, "require-signature"),
    certificateIdentityRegexp: identity === "" ? void 0 : identity,
    certificateOidcIssuer: (inputs["certificate-oidc-issuer"] ?? "").trim() || "https://token.actions.githubusercontent.com",
    env
  };
}

// src/ecosystems/index.ts
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path3 from "node:path";
var LOADERS = {
  nexo: async () => (await import("./nexo-5LZCPYFD.js")).profile,
  osaurus: async () => (await import("./osaurus-FH6CNWKW.js")).profile,
  biosimulant: async () => (await import("./biosimulant-ZG3GENT3.js")).profile,
  pryzm: async () => (await import("./pryzm-M7Y72U3E.js")).profile,
  elizaos: async () => (await import("./elizaos-CZZOB4GY.js")).profile
};
var MANIFEST_FILES = {
  nexo: "nexo-plugin.toml",
  osaurus: "osaurus-manifest.json",
  biosimulant: "plugin.json",
  pryzm: "plugin.manifest.json",
  elizaos: "package.json"
};
function hasAgentConfig(file) {
  try {
    const json = JSON.parse(readFileSync(file, "utf8"));
    const agent = json?.agentConfig;
    return typeof agent === "object" && agent !== null && !Array.isArray(agent);
  } catch {
    return false;
  }
}
function detectEcosystems(dir) {
  const found = [];
  for (const name of ["nexo", "pryzm", "biosimulant"]) {
    if (existsSync(path3.join(dir, MANIFEST_FILES[name]))) found.push(name);
  }
  if (hasAgentConfig(path3.join(dir, MANIFEST_FILES.elizaos))) found.push("elizaos");
  return found;
}
function detectFromArtifacts(names) {
  const found = /* @__PURE__ */ new Set();
  for (const n of names) {
    if (n === "nexo-plugin.toml" || n.endsWith(".tar.gz")) found.add("nexo");
    else if (n.endsWith(".bsiplugin")) found.add("biosimulant");
    else if (n.endsWith(".zip.minisig") || n.endsWith(".zip")) found.add("osaurus");
    else if (n.endsWith(".tgz.signature.json")) found.add("pryzm");
  }
  if (found.size === 0 && names.some((n) => n.endsWith(".tgz"))) found.add("elizaos");
  return found.size === 1 ? [...found][0] : void 0;
}
async function pick(config, listRemote) {
  if (config.ecosystem !== "auto") return config.ecosystem;
  const found = detectEcosystems(config.workingDirectory);
  if (found.length === 1) return found[0];
  if (found.length === 0 && config.command === "verify") {
    const local = config.repoExplicit ? void 0 : listDir(config.distDir);
    const names = local ?? await listRemote?.();
    const byArtifacts = names === void 0 ? void 0 : detectFromArtifacts(names);
    if (byArtifacts !== void 0) return byArtifacts;
    throw new ReleaseError(
      "USAGE",
      `nothing to verify: no plugin manifest in ${config.workingDirectory} (looked for nexo-plugin.toml, plugin.manifest.json, plugin.json, package.json with agentConfig), ${names === void 0 ? `no ${config.distDir} and no release named by repo and tag` : `and the artifacts (${names.join(", ") || "none"}) do not say which ecosystem they are for`}. Pass repo: owner/name and tag to check a published release, run pack first to check dist, or name the ecosystem`
    );
  }
  const lookedFor = "nexo-plugin.toml (nexo), plugin.manifest.json (pryzm), plugin.json (biosimulant), package.json with an agentConfig object (elizaos)";
  if (found.length === 0) {
    throw new ReleaseError(
      "USAGE",
      `ecosystem: auto found no plugin manifest in ${config.workingDirectory}; looked for ${lookedFor}. Set working-directory to the plugin's folder, or name the ecosystem (ecosystem: osaurus for Osaurus plugins, whose manifest lives in the dylib)`
    );
  }
  throw new ReleaseError(
    "USAGE",
    `ecosystem: auto found manifests of ${found.length} ecosystems in ${config.workingDirectory}: ${found.map((n) => `${MANIFEST_FILES[n]} (${n})`).join(", ")}; looked for ${lookedFor}. Name the one to release with ecosystem: ${found.join(" or ")}`
  );
}
function listDir(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return void 0;
  }
}
async function resolveProfile(config, listRemote) {
  const name = await pick(config, listRemote);
  const profile = await LOADERS[name]();
  if (profile === void 0) {
    throw new ReleaseError(
      "ECOSYSTEM",
      `the ${name} profile is not built yet in this version of plugin-release-action; built: ${(await builtProfiles()).join(", ")}. Nothing was done`
    );
  }
  const manifestPath = config.manifestExplicit ? config.manifestPath : path3.resolve(config.workingDirectory, profile.manifestFile);
  return { profile, config: { ...config, ecosystem: name, manifestPath } };
}
async function builtProfiles() {
  const out = [];
  for (const name of ECOSYSTEMS) if (await LOADERS[name]() !== void 0) out.push(name);
  return out;
}

// src/github/asset-names.ts
async function releaseAssetNames(config, reporter) {
  if (config.repo === void 0 || config.tag === void 0) return void 0;
  const { releaseApiFor } = await import("./client-PC3LR2RJ.js");
  const api = releaseApiFor(config, reporter, { needWrite: false });
  const tag = config.tag;
  const release = tag === "latest" ? await api.getLatestRelease() : (await api.listReleases()).filter((r) => r.tag_name === tag).sort((a, b) => Number(a.draft) - Number(b.draft))[0];
  if (release === void 0) return void 0;
  return (release.assets ?? await api.listAssets(release.id)).map((a) => a.name);
}

// src/input-usage.ts
var EVERY = ["validate", "pack", "sign", "upload", "publish", "verify"];
var RELEASE = ["upload", "publish"];
var INPUT_USAGE = {
  command: EVERY,
  tag: EVERY,
  ecosystem: EVERY,
  manifest: EVERY,
  targets: EVERY,
  "allow-unknown-targets": EVERY,
  dist: EVERY,
  "working-directory": EVERY,
  "dry-run": EVERY,
  token: EVERY,
  binary: ["pack"],
  include: ["pack"],
  "target-aliases": ["pack", "sign", "upload", "publish"],
  "source-date-epoch": ["pack"],
  "compression-level": ["pack"],
  repo: ["upload", "publish", "verify"],
  draft: ["publish"],
  prerelease: RELEASE,
  "make-latest": ["publish", "verify"],
  notes: RELEASE,
  "overwrite-notes": RELEASE,
  concurrency: ["sign", "upload", "publish", "verify"],
  sign: ["sign", "publish"],
  "signature-files": ["sign", "publish"],
  "fulcio-url": ["sign", "publish"],
  "rekor-url": ["sign", "publish"],
  "tsa-url": ["sign", "publish"],
  "trusted-root": ["sign", "publish", "verify"],
  verify: ["publish"],
  "require-signature": ["publish", "verify"],
  "certificate-identity-regexp": ["sign", "publish", "verify"],
  "certificate-oidc-issuer": ["sign", "publish", "verify"],
  dylib: ["validate", "pack"],
  "minisign-secret-key": ["pack", "sign", "publish"],
  "minisign-password": ["pack", "sign", "publish"],
  "minisign-public-key": ["pack", "sign", "publish", "verify"],
  "registry-entry": ["pack", "publish"],
  "registry-base": ["pack", "publish"],
  "registry-repo": ["publish"],
  "registry-token": ["publish"],
  "payload-dir": ["validate", "pack"],
  "signing-key": ["pack", "sign", "publish"],
  "signer-id": ["pack", "sign", "publish"],
  "trusted-signing-keys": ["publish", "verify"],
  "npm-registry": ["publish", "verify"],
  "npm-token": ["publish"],
  "npm-tag": ["publish"],
  "npm-access": ["publish"],
  "npm-provenance": ["publish"],
  "pryzm-publisher-key": ["pack", "sign", "publish"],
  "pryzm-publisher": ["publish"],
  "marketplace-url": ["publish"],
  "marketplace-token": ["publish"],
  "revocation-list": ["upload", "publish", "verify"],
  "trusted-publisher-keys": ["publish", "verify"]
};
function commandsUsing(input) {
  return [...INPUT_USAGE[input] ?? EVERY, "all"];
}
function unusedInputWarnings(inputs, command) {
  const out = [];
  for (const spec of INPUTS) {
    if (spec.name === "token" || command === "all") continue;
    const used = commandsUsing(spec.name);
    if (used.includes(command)) continue;
    const raw = (inputs[spec.name] ?? "").trim();
    const value = spec.boolean ? raw.toLowerCase() : raw;
    const defaults = [spec.default, spec.cliDefault ?? spec.default];
    if (defaults.includes(value)) continue;
    out.push(
      `input '${spec.name}' is set, but command '${command}' does not use it (read by ${used.join(", ")}): it has no effect in this run. Remove it from this step, or run a command that reads it`
    );
  }
  return out;
}

// src/pipeline.ts
var STEPS = {
  validate: { load: async () => (await import("./validate-O6WLJ356.js")).validateStep },
  preflight: { load: async () => (await import("./preflight-SDC7BEKO.js")).preflightStep },
  pack: { load: async () => (await import("./pack-ZC2UU24D.js")).packStep },
  sign: { skip: skipSign, load: async () => (await import("./sign-OFWYEPWX.js")).signStep },
  upload: { load: async () => (await import("./upload-KDO3O7BQ.js")).uploadStep },
  publish: {
    skip: skipPublish,
    load: async () => (await import("./publish-CJS6XFPK.js")).publishStep
  },
  destinations: {
    skip: skipDestinations,
    load: async () => (await import("./destinations-SX5JFIW7.js")).destinationsStep
  },
  verify: { skip: skipVerify, load: async () => (await import("./verify-WU4ZWW6J.js")).verifyStep }
};
var COMMAND_STEPS = {
  validate: ["validate"],
  pack: ["validate", "pack"],
  sign: ["validate", "sign"],
  upload: ["validate", "preflight", "upload"],
  publish: ["validate", "preflight", "sign", "upload", "publish", "destinations", "verify"],
  verify: ["verify"],
  all: ["validate", "preflight", "pack", "sign", "upload", "publish", "destinations", "verify"]
};
async function runPipeline(ctx) {
  const names = COMMAND_STEPS[ctx.config.command];
  for (const name of names) {
    const entry = STEPS[name];
    const why = entry.skip?.(ctx);
    if (why !== void 0) {
      ctx.reporter.info(`${name}: skipped, ${why}`);
      continue;
    }
    await (await entry.load()).run(ctx);
  }
}

// src/main.ts
function maskSecrets(reporter, inputs, env) {
  const values = [
    ...SECRET_INPUTS.map((n) => inputs[n] ?? ""),
    ...SECRET_ENV.map((n) => env[n] ?? "")
  ];
  for (const v of values) {
    if (v.trim() === "") continue;
    reporter.mask(v);
    for (const raw of v.split(/\r?\n/)) {
      const line = raw.trim();
      if (line.length >= 8 && line !== v && !/^(-----|untrusted comment:)/.test(line))
        reporter.mask(line);
    }
  }
}
async function run(reporter, inputs, env, cwd) {
  maskSecrets(reporter, inputs, env);
  const state = {};
  let config;
  try {
    const parsed = parseConfig(inputs, env, cwd);
    config = parsed;
    for (const w of unusedInputWarnings(inputs, parsed.command)) reporter.warning(w);
    const resolved = await resolveProfile(parsed, () => releaseAssetNames(parsed, reporter));
    config = resolved.config;
    await runPipeline({ config, profile: resolved.profile, reporter, state });
    return 0;
  } catch (e) {
    const err = isReleaseError(e) ? e : new ReleaseError(
      "INTERNAL",
      `unexpected failure: ${e instanceof Error ? e.stack ?? e.message : String(e)}`
    );
    const { failureSummary } = await import("./failure-ATIY36NQ.js");
    reporter.summary(await failureSummary(err, config, state));
    if (err.diagnostics.length === 0) reporter.error(`[${err.code}] ${err.message}`, err.location);
    for (const d of err.diagnostics) reporter.error(`[${err.code}] ${d.message}`, d.location);
    reporter.failed?.(err);
    return err.code === "USAGE" ? 2 : 1;
  }
}

export {
  run
};
