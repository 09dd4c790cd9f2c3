import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  DEFAULT_FULCIO_URL,
  DEFAULT_REKOR_URL,
  SIGNATURE_FILE_KINDS
} from "./chunk-UPVXBFI4.js";
import {
  ReleaseError,
  isReleaseError
} from "./chunk-S5POLVOE.js";

// src/inputs.ts
var INPUTS = [
  { name: "command", default: "all" },
  { name: "tag", default: "" },
  { name: "manifest", default: "nexo-plugin.toml" },
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
  { name: "concurrency", default: "4" },
  { name: "sign", default: "false", boolean: true },
  { name: "signature-files", default: "sig,cert,pem,bundle,sigstore.json" },
  { name: "fulcio-url", default: "" },
  { name: "rekor-url", default: "" },
  { name: "tsa-url", default: "" },
  { name: "trusted-root", default: "" },
  { name: "verify", default: "true", boolean: true },
  { name: "require-signature", default: "false", boolean: true },
  { name: "certificate-identity-regexp", default: "" },
  { name: "certificate-oidc-issuer", default: "https://token.actions.githubusercontent.com" }
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

// src/config.ts
import path from "node:path";
var TARGET_RE = /^[A-Za-z0-9_]+(?:[-.][A-Za-z0-9_]+)*$/;
function splitList(value) {
  return value.split(/[\s,]+/).map((s) => s.trim()).filter((s) => s !== "");
}
function usage(message) {
  return new ReleaseError("USAGE", message);
}
function bool(inputs, name) {
  const v = (inputs[name] ?? "").trim().toLowerCase();
  if (v === "true") return true;
  if (v === "false" || v === "") return false;
  throw usage(`input '${name}' is '${inputs[name]}': expected true or false`);
}
function int(inputs, name, min, max) {
  const raw = (inputs[name] ?? "").trim();
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) {
    throw usage(`input '${name}' is '${raw}': expected a whole number from ${min} to ${max}`);
  }
  return n;
}
function oneOf(inputs, name, allowed) {
  const v = (inputs[name] ?? "").trim().toLowerCase();
  if (allowed.includes(v)) return v;
  throw usage(`input '${name}' is '${inputs[name]}': expected one of ${allowed.join(", ")}`);
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
      throw usage(
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
  throw usage(`input 'notes' is '${value}': expected generate, changelog, none or file:<path>`);
}
function parseRepo(value, env) {
  const full = value.trim() !== "" ? value.trim() : env.GITHUB_REPOSITORY ?? "";
  if (full === "") return void 0;
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(full);
  if (!m) throw usage(`repository '${full}': expected format {owner}/{repo}`);
  return { owner: m[1], name: m[2] };
}
function parseSignatureFiles(value) {
  const kinds = splitList(value).map((k) => k.replace(/^\./, ""));
  for (const k of kinds) {
    if (!SIGNATURE_FILE_KINDS.includes(k)) {
      throw usage(
        `signature-files entry '${k}': expected some of ${SIGNATURE_FILE_KINDS.join(", ")}`
      );
    }
  }
  if (kinds.length === 0)
    throw usage(
      `signature-files is empty: name at least one of ${SIGNATURE_FILE_KINDS.join(", ")}`
    );
  return [...new Set(kinds)];
}
function parseEpoch(inputs, env) {
  const raw = (inputs["source-date-epoch"] ?? "").trim() || (env.SOURCE_DATE_EPOCH ?? "").trim();
  if (raw === "") return void 0;
  if (!/^\d{1,11}$/.test(raw)) {
    throw usage(`source-date-epoch '${raw}': expected seconds since 1970 as a whole number`);
  }
  return Number(raw);
}
function parseConfig(inputs, env, cwd0 = process.cwd()) {
  const command = oneOf(inputs, "command", COMMANDS);
  const cwd = path.resolve(cwd0, inputs["working-directory"] || ".");
  const inside = (p) => path.resolve(cwd, p);
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
  return {
    command,
    workingDirectory: cwd,
    tag,
    tagHint: hint,
    manifestPath: inside(inputs.manifest || "nexo-plugin.toml"),
    targets,
    binaryTemplate: inputs.binary || "target/{target}/release/{id}",
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
    concurrency: int(inputs, "concurrency", 1, 32),
    sign: bool(inputs, "sign"),
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

// src/steps/gates.ts
import { existsSync } from "node:fs";
function skipSign(ctx) {
  if (!ctx.config.sign) return "sign is not enabled (sign: true turns it on)";
  if (ctx.config.command === "publish" && !existsSync(ctx.config.distDir)) {
    return "no dist here: the build jobs signed and attached their tarballs; publish checks their signature files are on the release";
  }
  return void 0;
}
function skipPublish(ctx) {
  if (ctx.config.dryRun) return "dry run: the plan above is what would be published";
  if (ctx.state.github?.immutableMatch) return "the immutable release already matches";
  return void 0;
}
function skipVerify(ctx) {
  const { config } = ctx;
  if (config.command === "verify") return void 0;
  if (!config.verify) return "verify: false";
  if (config.dryRun) return "dry run: nothing was published to verify";
  if (ctx.state.github === void 0) return "nothing was uploaded";
  return void 0;
}

// src/pipeline.ts
var STEPS = {
  validate: { load: async () => (await import("./validate-OQZ5HGL2.js")).validateStep },
  pack: { load: async () => (await import("./pack-HLCHI5RH.js")).packStep },
  sign: { skip: skipSign, load: async () => (await import("./sign-VRMXHJD4.js")).signStep },
  upload: { load: async () => (await import("./upload-QEZAKSOJ.js")).uploadStep },
  publish: {
    skip: skipPublish,
    load: async () => (await import("./publish-MDYPZFJT.js")).publishStep
  },
  verify: { skip: skipVerify, load: async () => (await import("./verify-64LIAZGH.js")).verifyStep }
};
var COMMAND_STEPS = {
  validate: ["validate"],
  pack: ["validate", "pack"],
  sign: ["validate", "sign"],
  upload: ["validate", "upload"],
  publish: ["validate", "sign", "upload", "publish", "verify"],
  verify: ["verify"],
  all: ["validate", "pack", "sign", "upload", "publish", "verify"]
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
async function run(reporter, inputs, env, cwd) {
  if (inputs.token) reporter.mask(inputs.token);
  try {
    const config = parseConfig(inputs, env, cwd);
    await runPipeline({ config, reporter, state: {} });
    return 0;
  } catch (e) {
    const err = isReleaseError(e) ? e : new ReleaseError(
      "INTERNAL",
      `unexpected failure: ${e instanceof Error ? e.stack ?? e.message : String(e)}`
    );
    for (const d of err.diagnostics) reporter.error(d.message, d.location);
    reporter.error(
      `[${err.code}] ${err.message}`,
      err.diagnostics.length > 0 ? void 0 : err.location
    );
    return err.code === "USAGE" ? 2 : 1;
  }
}

export {
  INPUTS,
  COMMANDS,
  readActionInputs,
  run
};
