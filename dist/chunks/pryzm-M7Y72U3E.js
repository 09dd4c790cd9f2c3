import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  decodeBase64,
  decodeStandardBase64,
  toBase64,
  toBase64Url
} from "./chunk-KHO7JPFK.js";
import {
  PUBLIC_KEY_BYTES,
  SEED_BYTES,
  ed25519PublicKey,
  ed25519Sign,
  ed25519Verify
} from "./chunk-5XWO7BQN.js";
import {
  npmPack,
  npmPackFileName
} from "./chunk-LYPBTPSR.js";
import {
  JsonSyntaxError,
  parseJsonSource
} from "./chunk-MJKKV7UF.js";
import {
  proxyFetch
} from "./chunk-CTM4ZJC7.js";
import {
  resolveEpoch,
  sidecarAsset,
  writeAtomic,
  writeSidecar
} from "./chunk-NQ4AEWQV.js";
import {
  readSmall
} from "./chunk-DU3MOISV.js";
import {
  markdownTable
} from "./chunk-BCCE4QC5.js";
import {
  rt
} from "./chunk-IHY5SSPF.js";
import {
  sha256File
} from "./chunk-HQQIT7FK.js";
import {
  explainTag
} from "./chunk-X5Z3MYN5.js";
import {
  formatPath
} from "./chunk-JJKM5RR3.js";
import "./chunk-GWJQWK7Z.js";
import "./chunk-2TJC7A4H.js";
import {
  retryPolicyFromEnv
} from "./chunk-E6E2LMZJ.js";
import {
  ReleaseError,
  isReleaseError
} from "./chunk-S5POLVOE.js";
import "./chunk-5ZJU6YLT.js";

// src/ecosystems/pryzm/manifest.ts
import { readFile } from "node:fs/promises";
import path from "node:path";

// src/ecosystems/pryzm/schema-rules.ts
var PERMISSIONS = [
  "read:project",
  "write:project",
  "read:user",
  "network:fetch",
  "register:tool",
  "register:panel",
  "register:command"
];
var ID_RE = /^[a-z][a-z0-9-]{2,63}$/;
var SDK_VERSION_RE = /^\d+\.\d+\.\d+$/;
var VERSION_RE = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
var str = (check) => ({ type: "string", check });
var opt = (check) => ({
  type: "string",
  optional: true,
  check
});
var TOP = {
  pryzmPlugin: { type: "literal", value: "1.0" },
  id: str(
    (s) => ID_RE.test(s) ? void 0 : 'must be lowercase kebab-case: a letter, then 2 to 63 letters a-z, digits or "-" (e.g. "wall-counter")'
  ),
  version: str(
    (s) => VERSION_RE.test(s) ? void 0 : SDK_VERSION_RE.test(s) ? 'has a leading zero, which the PRYZM marketplace refuses; write MAJOR.MINOR.PATCH without leading zeros (e.g. "1.0.3")' : 'must be MAJOR.MINOR.PATCH, three numbers only: PRYZM versions have no "v", no -prerelease and no +build part (e.g. "1.2.0")'
  ),
  displayName: str(
    (s) => s.length >= 2 && s.length <= 80 ? void 0 : `must be 2 to 80 characters long (UTF-16 units), found ${s.length}`
  ),
  description: str(
    (s) => s.length <= 500 ? void 0 : `must be at most 500 characters long (UTF-16 units), found ${s.length}`
  ),
  author: str(),
  homepage: opt(
    (s) => URL.canParse(s) ? void 0 : 'must be an absolute URL (e.g. "https://example.com/plugin")'
  ),
  main: str(),
  icon: opt(),
  license: { type: "string", default: "MIT" },
  permissions: { type: "strings", of: PERMISSIONS },
  allowedOrigins: { type: "strings", default: [] },
  contributions: { type: "contributions" },
  minPRYZMVersion: str(
    (s) => SDK_VERSION_RE.test(s) ? void 0 : 'must be MAJOR.MINOR.PATCH (e.g. "1.0.0")'
  ),
  pricingModel: { type: "enum", values: ["free", "one-time", "subscription"], optional: true },
  pricingCurrency: opt(),
  pricingAmount: { type: "number", optional: true }
};
var CONTRIBUTIONS = {
  tool: {
    id: str(),
    label: str(),
    icon: str(),
    toolbar: { type: "enum", values: ["left", "right", "top", "floating"] }
  },
  panel: {
    id: str(),
    location: { type: "enum", values: ["properties", "sidebar-left", "sidebar-right", "bottom"] },
    label: str()
  },
  command: { id: str(), label: str(), keybinding: opt(), category: opt() },
  "element-type": { id: str(), label: str(), ifcEntityType: str(), familyFile: str() },
  "view-template": { id: str(), label: str(), templateFile: str() }
};

// src/ecosystems/pryzm/schema.ts
function describe(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "object") return "an object";
  if (typeof v === "string")
    return `a string (${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v)})`;
  return `${typeof v === "number" ? "a number" : `a ${typeof v}`} (${String(v)})`;
}
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var Checker = class {
  issues = [];
  dropped = [];
  add(path6, message, where = "value") {
    this.issues.push({ path: path6, where, message: `${formatPath(path6)} ${message}` });
  }
  object(value, rules, path6, known) {
    const out = {};
    for (const key of Object.keys(value)) {
      if (Object.hasOwn(rules, key) || known.includes(key)) continue;
      const where = path6.length === 0 ? "the manifest" : formatPath(path6);
      this.dropped.push({
        path: [...path6, key],
        where: "key",
        message: `unknown key '${key}' in ${where}: PRYZM's schema drops it, so it is neither signed nor seen by the editor; remove it or check its spelling (known keys: ${[...known, ...Object.keys(rules)].join(", ")})`
      });
    }
    for (const [key, rule] of Object.entries(rules)) {
      const v = this.field(
        Object.hasOwn(value, key) ? value[key] : void 0,
        rule,
        [...path6, key],
        Object.hasOwn(value, key)
      );
      if (v !== void 0) out[key] = v;
    }
    return out;
  }
  field(v, rule, path6, present) {
    if (!present) {
      if ("default" in rule && rule.default !== void 0) return structuredClone(rule.default);
      if (rule.type === "contributions") return [];
      if ("optional" in rule && rule.optional) return void 0;
      this.issues.push({
        path: path6,
        where: "key",
        message: `missing required key '${formatPath(path6)}'; add it (${hint(rule)})`
      });
      return void 0;
    }
    switch (rule.type) {
      case "literal":
        if (v !== rule.value)
          this.add(
            path6,
            `must be the string ${JSON.stringify(rule.value)} (the v1 schema), found ${describe(v)}`
          );
        return v;
      case "string": {
        if (typeof v !== "string") return this.add(path6, `must be a string, found ${describe(v)}`);
        const why = rule.check?.(v);
        if (why !== void 0) this.add(path6, `${JSON.stringify(v)} ${why}`);
        return v;
      }
      case "enum":
        if (typeof v !== "string" || !rule.values.includes(v))
          this.add(
            path6,
            `must be one of ${rule.values.map((x) => JSON.stringify(x)).join(", ")}, found ${describe(v)}`
          );
        return v;
      case "number":
        if (typeof v !== "number") return this.add(path6, `must be a number, found ${describe(v)}`);
        if (!Number.isFinite(v))
          this.add(
            path6,
            "must be a finite number (it overflows to Infinity, which JSON cannot sign)"
          );
        return v;
      case "strings":
        if (!Array.isArray(v))
          return this.add(path6, `must be an array of strings, found ${describe(v)}`);
        v.forEach((item, i) => {
          if (typeof item !== "string")
            this.add([...path6, i], `must be a string, found ${describe(item)}`);
          else if (rule.of !== void 0 && !rule.of.includes(item))
            this.add(
              [...path6, i],
              `is ${JSON.stringify(item)}, not a PRYZM permission; use one of ${rule.of.join(", ")}`
            );
        });
        return v;
      case "contributions":
        if (!Array.isArray(v))
          return this.add(path6, `must be an array of contributions, found ${describe(v)}`);
        return v.map((item, i) => this.contribution(item, [...path6, i]));
    }
  }
  contribution(v, path6) {
    const kinds = Object.keys(CONTRIBUTIONS).map((k) => JSON.stringify(k)).join(", ");
    if (!isObject(v))
      return this.add(path6, `must be an object with a "kind" (${kinds}), found ${describe(v)}`);
    const rules = typeof v.kind === "string" && Object.hasOwn(CONTRIBUTIONS, v.kind) ? CONTRIBUTIONS[v.kind] : void 0;
    if (rules === void 0) {
      const at = Object.hasOwn(v, "kind") ? [...path6, "kind"] : path6;
      this.add(
        at,
        `${Object.hasOwn(v, "kind") ? `kind is ${describe(v.kind)}` : 'has no "kind"'}; a contribution's kind is one of ${kinds}`
      );
      return v;
    }
    return { kind: v.kind, ...this.object(v, rules, path6, ["kind"]) };
  }
};
function hint(rule) {
  switch (rule.type) {
    case "literal":
      return `"${rule.value}"`;
    case "enum":
      return `one of ${rule.values.join(", ")}`;
    case "strings":
      return rule.of ? `an array of ${rule.of.join(", ")}` : "an array of strings";
    case "number":
      return "a number";
    default:
      return "a string";
  }
}
function validateManifestValue(value) {
  const c = new Checker();
  if (!isObject(value)) {
    c.issues.push({
      path: [],
      where: "value",
      message: `the manifest must be a JSON object, found ${describe(value)}`
    });
    return { issues: c.issues, dropped: [] };
  }
  const out = c.object(value, TOP, [], []);
  const perms = out.permissions;
  const origins = out.allowedOrigins;
  if (Array.isArray(perms) && perms.includes("network:fetch") && Array.isArray(origins) && origins.length === 0) {
    c.issues.push({
      path: Object.hasOwn(value, "allowedOrigins") ? ["allowedOrigins"] : ["permissions"],
      where: "value",
      message: `allowedOrigins must be non-empty when the 'network:fetch' permission is granted; list the origins the plugin fetches from (e.g. ["https://api.example.com"]) or drop the permission`
    });
  }
  if (c.issues.length > 0) return { issues: c.issues, dropped: c.dropped };
  return { manifest: out, issues: [], dropped: c.dropped };
}

// src/ecosystems/pryzm/manifest.ts
function isPryzmManifest(m) {
  return "validated" in m && "packageName" in m;
}
function decode(bytes, file, code) {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new ReleaseError(code, `${file} is not valid UTF-8; re-save it as UTF-8`, {
      location: { file }
    });
  }
}
async function readText(file, what) {
  let bytes;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = e.code;
    const message = code === "ENOENT" || code === "ENOTDIR" ? `${what} not found: ${file}` : code === "EISDIR" ? `${file} is a directory; pass the path of the ${path.basename(file)} file inside it` : `cannot read ${file}: ${e.message}`;
    throw new ReleaseError("MANIFEST_NOT_FOUND", message, { location: { file }, cause: e });
  }
  return decode(bytes, file, "MANIFEST_PARSE");
}
function parse(text, file) {
  try {
    return parseJsonSource(text);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    const location = { file, line: e.line, column: e.column };
    const message = `${path.basename(file)} is not valid JSON: ${e.message}; fix the syntax at this position`;
    throw new ReleaseError("MANIFEST_PARSE", `${file}:${e.line}:${e.column}: ${message}`, {
      location,
      diagnostics: [{ message, location }]
    });
  }
}
function byPosition(a, b) {
  return (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0);
}
function listed(diagnostics) {
  return diagnostics.map((d) => `  ${d.location?.file}:${d.location?.line}:${d.location?.column}: ${d.message}`).join("\n");
}
function checkManifestText(text, file) {
  const src = parse(text, file);
  const result = validateManifestValue(src.value);
  const locate = (p) => ({
    file,
    ...p.where === "key" ? src.keyAt(p.path) : src.at(p.path)
  });
  const warnings = result.dropped.map((d) => ({
    message: d.message,
    location: locate(d)
  }));
  for (const d of src.duplicates) {
    warnings.push({
      message: `key '${String(d.path.at(-1))}' is written twice in one object; JSON.parse keeps the last one only. Remove the duplicate`,
      location: { file, ...d.position }
    });
  }
  warnings.sort(byPosition);
  if (result.manifest === void 0) {
    const diagnostics = result.issues.map((i) => ({ message: i.message, location: locate(i) })).sort(byPosition);
    const n = diagnostics.length;
    throw new ReleaseError(
      "MANIFEST_INVALID",
      `${file} has ${n} problem${n === 1 ? "" : "s"} PRYZM's manifest schema (v1) rejects:
${listed(diagnostics)}`,
      { location: diagnostics[0]?.location ?? { file }, diagnostics }
    );
  }
  return { validated: result.manifest, warnings };
}
async function readPackageJson(dir, version) {
  const file = path.join(dir, "package.json");
  const src = parse(await readText(file, "package.json (npm packs the plugin from it) was"), file);
  const pkg = src.value;
  const problems = [];
  if (typeof pkg !== "object" || pkg === null || Array.isArray(pkg)) {
    problems.push({
      message: "package.json must be a JSON object",
      location: { file, line: 1, column: 1 }
    });
  } else {
    if (typeof pkg.name !== "string" || pkg.name === "")
      problems.push({
        message: 'package.json has no "name": npm cannot pack it; add the package name',
        location: { file, ...src.at(["name"]) }
      });
    if (pkg.version !== version) {
      const found = typeof pkg.version === "string" ? pkg.version : "no version";
      const location = { file, ...src.at(["version"]) };
      const message = `package.json version is ${found}, plugin.manifest.json's is ${version}: they must be equal (the tarball is named and installed by the package.json version). Set "version": "${version}" in package.json`;
      if (problems.length === 0) throw new ReleaseError("VERSION_MISMATCH", message, { location });
      problems.push({ message, location });
    }
  }
  if (problems.length > 0)
    throw new ReleaseError("MANIFEST_INVALID", `${file} cannot be packed:
${listed(problems)}`, {
      location: problems[0].location,
      diagnostics: problems
    });
  return pkg.name;
}
async function readPryzmManifest(file) {
  const text = await readText(
    file,
    `manifest plugin.manifest.json (a PRYZM plugin keeps it at its package root) was`
  );
  const { validated, warnings } = checkManifestText(text, file);
  const packageDir = path.dirname(file);
  const packageName = await readPackageJson(packageDir, validated.version);
  return {
    id: validated.id,
    version: validated.version,
    name: validated.displayName,
    description: validated.description,
    file,
    text,
    validated,
    packageName,
    packageDir,
    warnings
  };
}

// src/ecosystems/pryzm/marketplace.ts
import { readFile as readFile3 } from "node:fs/promises";
import path4 from "node:path";

// src/ecosystems/pryzm/http.ts
import { setTimeout as sleep } from "node:timers/promises";
var TIMEOUT_MS = 6e4;
function retryAfterMs(header, now = Date.now()) {
  if (header === null || header.trim() === "") return void 0;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1e3;
  const date = Date.parse(header);
  return Number.isNaN(date) ? void 0 : Math.max(date - now, 0);
}
async function httpJson(req) {
  const policy = retryPolicyFromEnv(req.env);
  const headers = { accept: "application/json" };
  if (req.token !== void 0) headers.authorization = `Bearer ${req.token}`;
  if (req.body !== void 0) headers["content-type"] = "application/json";
  const fetch = proxyFetch(req.env);
  for (let attempt = 0; ; attempt++) {
    let res;
    try {
      res = await fetch(req.url, {
        method: req.method,
        headers,
        ...req.body === void 0 ? {} : { body: JSON.stringify(req.body) },
        // A GET (a CRL behind a CDN) may be redirected; a POST is never re-sent elsewhere.
        redirect: req.method === "GET" ? "follow" : "error",
        signal: AbortSignal.timeout(TIMEOUT_MS)
      });
    } catch (e) {
      const cause = e.cause;
      throw new ReleaseError(
        "NETWORK",
        `${req.method} ${req.url} failed before ${req.what} answered: ${cause?.code ?? cause?.message ?? e.message}. Check the URL and that it is reachable from the runner`,
        { cause: e }
      );
    }
    const text = await res.text();
    const retriable = res.status === 429 || res.status >= 500;
    if (retriable && attempt + 1 < policy.attempts) {
      const server = retryAfterMs(res.headers.get("retry-after"));
      const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
      const wait = server !== void 0 ? Math.min(server, policy.maxServerWaitMs) : Math.floor(Math.random() * cap) + policy.baseMs / 2;
      req.onRetry?.(res.status, wait, attempt);
      await sleep(wait);
      continue;
    }
    let json;
    try {
      json = text === "" ? void 0 : JSON.parse(text);
    } catch {
      json = void 0;
    }
    return { status: res.status, json, text };
  }
}

// src/ecosystems/pryzm/marketplace-rules.ts
var SLUG_RE = /^[a-z][a-z0-9-]{1,63}\/[a-z][a-z0-9-]{1,63}$/;
function checkSlug(publisher, id) {
  const slug = `${publisher}/${id}`;
  if (!SLUG_RE.test(slug) || slug.length > 128)
    throw new ReleaseError(
      "MARKETPLACE",
      `the marketplace plugin id '${slug}' (pryzm-publisher/manifest id) does not match <publisher>/<plugin>: each part a lowercase letter, then 1 to 63 letters a-z, digits or "-". Fix pryzm-publisher (your publisher slug on the marketplace)`
    );
  return slug;
}
function quote(v) {
  const s = JSON.stringify(v) ?? "nothing";
  return s.length > 2e3 ? `${s.slice(0, 2e3)}...` : s;
}
function classify(res, ctx) {
  const body = res.json ?? {};
  const code = typeof body.error === "string" ? body.error : void 0;
  const fail = (message, errorCode = "MARKETPLACE") => ({
    kind: "error",
    error: new ReleaseError(
      errorCode,
      `marketplace ${ctx.url} answered ${res.status}${code ? ` ${code}` : ""} for ${ctx.slug}@${ctx.version}: ${message}`
    )
  });
  if (res.status === 201) return { kind: "created" };
  if (res.status === 409 && code === "version_exists") return { kind: "exists" };
  if (res.status === 400 && code === "invalid_plugin_id")
    return fail(
      `'${ctx.slug}' must match <publisher>/<plugin> (${SLUG_RE.source}). Fix pryzm-publisher or the manifest id`
    );
  if (res.status === 404 && code === "plugin_not_found")
    return fail(
      `the marketplace has no plugin ${ctx.slug}. Create the plugin in the marketplace first (under publisher ${ctx.slug.split("/")[0]}), then run again`
    );
  if (res.status === 400 && code === "invalid_body")
    return fail(
      `it refused the request body: ${quote(body.issues)}. This is a bug in plugin-release-action if the signature file was not edited; report it with this message`
    );
  if (res.status === 400 && code === "invalid_manifest")
    return fail(
      `it refused the signed manifest: ${quote(body.errors)}. Fix plugin.manifest.json and release a new version`
    );
  if (res.status === 403 && code === "signature_rejected")
    return fail(
      `it rejected the signature: ${typeof body.reason === "string" ? body.reason : quote(body.reason)} (publisher-revoked: the key is on the marketplace's revocation list; plugin-revoked: this version is; signature-invalid / manifest-mismatch / tarball-mismatch: the signature file does not match what was sent)`
    );
  if (res.status === 409 && code === "publisher_missing")
    return fail(
      "the plugin has no registered publisher. Register the publisher (with its Ed25519 public key) in the marketplace, then run again"
    );
  if (res.status === 403 && code === "publisher_key_mismatch")
    return fail(
      `the publisher's registered key is not this release's signing key. This release is signed by ${ctx.key.b64} (standard base64, as the SDK and the editor need it; in unpadded base64url, the form the publisher record stores: ${ctx.key.b64url}). If the record holds that base64url key, the marketplace compares the two encodings as strings and can never match a padded key: ask its operators to compare the key bytes. Otherwise register this key, or sign with the registered one`
    );
  if (res.status === 401)
    return fail(
      "the token was not accepted. Check marketplace-token (a marketplace API token, sent as Bearer)"
    );
  if (res.status === 403)
    return fail(
      `the token may not publish versions: it needs the scope project:write. Use a token with that scope in marketplace-token${code ? "" : ` (body: ${quote(res.json ?? res.text.slice(0, 500))})`}`
    );
  return fail(
    `unexpected answer${res.status === 429 || res.status >= 500 ? " after retries" : ""}: ${quote(res.json ?? res.text.slice(0, 500))}. Check marketplace-url and the marketplace's status, then run again (a rerun of the same release is safe)`
  );
}
function existingVersion(res, version) {
  if (res.status !== 200)
    return {
      error: `GET versions answered ${res.status}: ${quote(res.json ?? res.text.slice(0, 500))}`
    };
  const items = res.json?.items;
  if (!Array.isArray(items)) return { error: "GET versions answered without an items array" };
  const row = items.find((i) => i?.version === version);
  return row === void 0 ? { found: false } : { found: true, bundleSha256: row.bundleSha256 };
}

// src/ecosystems/pryzm/pack.ts
import { createReadStream } from "node:fs";
import path3 from "node:path";

// src/crypto/canonical-json.ts
function canonicalJson(value) {
  return write(value, "", "", /* @__PURE__ */ new Set(), "$");
}
function canonicalJsonPretty(value) {
  return `${write(value, "  ", "", /* @__PURE__ */ new Set(), "$")}
`;
}
function refuse(what, where) {
  return new ReleaseError(
    "INTERNAL",
    `canonical JSON cannot represent ${what} (at ${where}); PRYZM signs JSON values only: strings, finite numbers, booleans, null, arrays and plain objects`
  );
}
function write(value, indent, current, seen, where) {
  if (value === null || value === void 0) return "null";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw refuse(String(value), where);
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "object":
      break;
    default:
      throw refuse(`a ${typeof value}`, where);
  }
  if (seen.has(value)) throw refuse("a cycle", where);
  seen.add(value);
  const inner = current + indent;
  const open = indent === "" ? "" : `
${inner}`;
  const sep = indent === "" ? "," : `,
${inner}`;
  const close = indent === "" ? "" : `
${current}`;
  let out;
  if (Array.isArray(value)) {
    const items = value.map((v, i) => write(v, indent, inner, seen, `${where}[${i}]`));
    out = items.length === 0 ? "[]" : `[${open}${items.join(sep)}${close}]`;
  } else {
    const obj = value;
    const colon = indent === "" ? ":" : ": ";
    const members = Object.keys(obj).filter((k) => obj[k] !== void 0).sort().map(
      (k) => `${JSON.stringify(k)}${colon}${write(obj[k], indent, inner, seen, `${where}.${k}`)}`
    );
    out = members.length === 0 ? "{}" : `{${open}${members.join(sep)}${close}}`;
  }
  seen.delete(value);
  return out;
}

// src/ecosystems/pryzm/key.ts
import { readFile as readFile2 } from "node:fs/promises";
import path2 from "node:path";
var INPUT = "pryzm-publisher-key (or PRYZM_PUBLISHER_KEY)";
var FORMS = 'a key file {"privateKeyB64", "publicKeyB64", "algorithm": "Ed25519"}, a base64 32-byte Ed25519 seed, or the path of a file holding either';
function invalid(message) {
  return new ReleaseError("KEY_INVALID", message);
}
function seedFrom(text, where) {
  const bytes = decodeBase64(text);
  if (bytes === void 0)
    throw invalid(
      `${where} is not base64 (standard or base64url, ${text.length} characters); expected a base64 32-byte Ed25519 seed`
    );
  if (bytes.length !== SEED_BYTES) {
    const hint2 = bytes.length === 64 ? " (64 bytes looks like a libsodium secret key, seed followed by public key: use its first 32 bytes)" : bytes.length === 48 ? " (48 bytes looks like a PKCS#8 DER key: use its last 32 bytes)" : "";
    throw invalid(
      `${where} decodes to ${bytes.length} bytes; an Ed25519 seed is exactly ${SEED_BYTES}${hint2}`
    );
  }
  return bytes;
}
function fromKeyFile(text, origin) {
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalid(`${origin} starts with '{' but is not valid JSON; expected ${FORMS}`);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json))
    throw invalid(`${origin} is not a JSON object; expected ${FORMS}`);
  const { privateKeyB64, publicKeyB64, algorithm } = json;
  if (algorithm !== void 0 && algorithm !== "Ed25519")
    throw invalid(
      `${origin} has algorithm ${JSON.stringify(algorithm)}; PRYZM publisher keys are "Ed25519"`
    );
  if (typeof privateKeyB64 !== "string" || privateKeyB64 === "")
    throw invalid(`${origin} has no privateKeyB64 string; expected ${FORMS}`);
  const seed = seedFrom(privateKeyB64, `privateKeyB64 in ${origin}`);
  if (publicKeyB64 !== void 0) {
    const given = typeof publicKeyB64 === "string" ? decodeBase64(publicKeyB64) : void 0;
    if (given === void 0 || given.length !== PUBLIC_KEY_BYTES)
      throw invalid(
        `publicKeyB64 in ${origin} is not a base64 ${PUBLIC_KEY_BYTES}-byte Ed25519 public key`
      );
    const derived = ed25519PublicKey(seed);
    if (!Buffer.from(given).equals(Buffer.from(derived)))
      throw invalid(
        `publicKeyB64 in ${origin} (${toBase64(given)}) is not the public key of its privateKeyB64 (which is ${toBase64(derived)}): the file mixes two key pairs. Regenerate it, or fix publicKeyB64`
      );
  }
  return seed;
}
var SEED_TEXT = /^[A-Za-z0-9+/_-]{42,44}={0,2}$/;
function parseValue(text, origin) {
  const t = text.trim();
  if (t.startsWith("{")) return fromKeyFile(t, origin);
  const bytes = SEED_TEXT.test(t) ? decodeBase64(t) : void 0;
  return bytes?.length === SEED_BYTES ? bytes : void 0;
}
async function loadPublisherKey(value, cwd) {
  if (value.trim() === "")
    throw invalid(
      `${INPUT} is not set: PRYZM releases are signed with the publisher's Ed25519 key. Pass ${FORMS}, e.g. pryzm-publisher-key: \${{ secrets.PRYZM_PUBLISHER_KEY }}`
    );
  let origin = `the value of ${INPUT}`;
  let seed = parseValue(value, origin);
  if (seed === void 0) {
    const file = path2.resolve(cwd, value.trim());
    let text;
    try {
      text = await readFile2(file, "utf8");
    } catch (e) {
      if (SEED_TEXT.test(value.trim())) seedFrom(value.trim(), origin);
      const code = e.code ?? "unreadable";
      throw invalid(
        `${INPUT} is neither a key nor the path of a readable file (${code}); expected ${FORMS}. The value is not shown, as it may be a secret`
      );
    }
    origin = `the key file ${file}`;
    seed = parseValue(text, origin);
    if (seed === void 0) {
      if (SEED_TEXT.test(text.trim())) seedFrom(text.trim(), origin);
      throw invalid(`${origin} holds neither a key file JSON nor a base64 seed; expected ${FORMS}`);
    }
  }
  const publicKey = ed25519PublicKey(seed);
  return {
    seed,
    publicKey,
    publicKeyB64: toBase64(publicKey),
    publicKeyB64Url: toBase64Url(publicKey),
    origin
  };
}

// src/ecosystems/pryzm/signature.ts
var SIGNATURE_SUFFIX = ".signature.json";
function signedAtFor(epochSeconds) {
  return new Date(epochSeconds * 1e3).toISOString();
}
function makeSignature(manifest, fileSha256, signedAt, key) {
  const payload = { manifest, fileSha256, signedAt };
  const message = new TextEncoder().encode(canonicalJson(payload));
  return {
    payload,
    signatureB64: toBase64(ed25519Sign(key.seed, message)),
    publisherPublicKeyB64: key.publicKeyB64
  };
}
function signatureFileText(signature) {
  return canonicalJsonPretty(signature);
}
function parseSignatureFile(bytes) {
  let json;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (e) {
    return `not UTF-8 JSON (${e.message})`;
  }
  const o = json;
  if (typeof o !== "object" || o === null || Array.isArray(o)) return "not a JSON object";
  const p = o.payload;
  if (typeof p !== "object" || p === null || Array.isArray(p)) return "no payload object";
  if (typeof p.manifest !== "object" || p.manifest === null) return "no payload.manifest object";
  if (typeof p.fileSha256 !== "string") return "no payload.fileSha256 string";
  if (typeof p.signedAt !== "string") return "no payload.signedAt string";
  if (typeof o.signatureB64 !== "string" || o.signatureB64 === "") return "no signatureB64 string";
  if (typeof o.publisherPublicKeyB64 !== "string" || o.publisherPublicKeyB64 === "")
    return "no publisherPublicKeyB64 string";
  return o;
}
var CHECK_ORDER = [
  { reason: "manifest-mismatch", check: "manifest-match" },
  { reason: "tarball-mismatch", check: "file-hash" },
  { reason: "signature-invalid", check: "signature" },
  { reason: "publisher-revoked", check: "revocation" }
];
function verifyPluginSignature(signature, expected, revocations) {
  const fail = (reason, detail) => ({
    ok: false,
    reason,
    detail
  });
  const { payload } = signature;
  if (canonicalJson(payload.manifest) !== canonicalJson(expected.manifest))
    return fail(
      "manifest-mismatch",
      "the signed manifest is not the validated plugin.manifest.json in the tarball (canonical JSON differs)"
    );
  if (payload.fileSha256 !== expected.fileSha256)
    return fail(
      "tarball-mismatch",
      `the signature is for a tarball with SHA-256 ${payload.fileSha256}, this one has ${expected.fileSha256}`
    );
  const sig = decodeStandardBase64(signature.signatureB64);
  const key = decodeStandardBase64(signature.publisherPublicKeyB64);
  if (sig === void 0 || key === void 0)
    return fail(
      "signature-invalid",
      "signatureB64 or publisherPublicKeyB64 is not standard base64 with padding (the editor decodes them with atob)"
    );
  if (!ed25519Verify(key, new TextEncoder().encode(canonicalJson(payload)), sig))
    return fail(
      "signature-invalid",
      `the Ed25519 signature over the canonical payload does not verify with key ${signature.publisherPublicKeyB64}`
    );
  if (revocations !== void 0) {
    const { list, publisher } = revocations;
    if (list.isPublisherRevoked(key))
      return fail(
        "publisher-revoked",
        `publisher key ${signature.publisherPublicKeyB64} is revoked by the revocation list (${list.source})`
      );
    const revoked = list.revokedPlugin(payload.manifest.id, payload.manifest.version, publisher);
    if (revoked !== void 0)
      return fail(
        "plugin-revoked",
        `${revoked} is revoked by the revocation list (${list.source})`
      );
  }
  return { ok: true };
}

// src/ecosystems/pryzm/tarball.ts
import { createHash } from "node:crypto";
var TARBALL_MANIFEST = "package/plugin.manifest.json";
var MAX_MANIFEST = 1024 * 1024;
async function readTarball(source) {
  const hash = createHash("sha256");
  let size = 0;
  const parts = [];
  let manifestBytes = 0;
  let seen = false;
  let problem;
  const parser = new rt({ strict: true });
  parser.on("entry", (e) => {
    const name = e.path.replace(/^(\.\/)+/, "");
    if (!seen && e.type === "File" && name === TARBALL_MANIFEST) {
      seen = true;
      e.on("data", (c) => {
        manifestBytes += c.length;
        if (manifestBytes <= MAX_MANIFEST) parts.push(c);
      });
    } else e.resume();
  });
  const done = new Promise((resolve) => {
    parser.on("end", resolve);
    parser.on("error", (e) => {
      problem ??= e.message;
      resolve();
    });
  });
  parser.on("warn", (code, message) => void (problem ??= `${code} ${message}`));
  for await (const chunk of source) {
    const b = chunk;
    hash.update(b);
    size += b.length;
    if (problem === void 0) parser.write(b);
  }
  parser.end();
  await done;
  return {
    sha256: hash.digest("hex"),
    size,
    manifest: seen && manifestBytes <= MAX_MANIFEST ? Buffer.concat(parts) : void 0,
    manifestTooLarge: manifestBytes > MAX_MANIFEST,
    problem
  };
}

// src/ecosystems/pryzm/pack.ts
function tarballName(manifest) {
  if (!isPryzmManifest(manifest))
    throw new ReleaseError("INTERNAL", "the pryzm plan needs the manifest its own reader returned");
  return npmPackFileName(manifest.packageName, manifest.version);
}
function planPryzm(config, manifest) {
  const name = tarballName(manifest);
  return {
    artifacts: [{ name, path: path3.join(config.distDir, name), target: null }],
    nativeFiles: [`${name}${SIGNATURE_SUFFIX}`],
    plainAssets: []
  };
}
async function packPryzm(ctx) {
  const { config, reporter } = ctx;
  const manifest = await readPryzmManifest(config.manifestPath);
  const expected = tarballName(manifest);
  const packed = await npmPack(manifest.packageDir, config.distDir, config.env);
  if (packed.name !== expected)
    throw new ReleaseError(
      "NPM_PACK",
      `npm pack wrote ${packed.name}, but ${manifest.packageName}@${manifest.version} should give ${expected}: package.json changed while packing. Run again`
    );
  if (!packed.files.includes("plugin.manifest.json"))
    throw new ReleaseError(
      "ARTIFACT_REFUSED",
      `${packed.name} does not contain plugin.manifest.json: npm left it out (package.json "files" or .npmignore), and PRYZM reads the manifest from the tarball. Add "plugin.manifest.json" to "files" in ${path3.join(manifest.packageDir, "package.json")}`,
      { location: { file: path3.join(manifest.packageDir, "package.json") } }
    );
  const strays = packed.files.filter((f) => /\.(tgz|sha256|signature\.json)$/.test(f));
  if (strays.length > 0)
    reporter.warning(
      `${packed.name} contains release files from an earlier run (${strays.slice(0, 3).join(", ")}): list only the plugin's files in package.json "files", or set dist outside the package`
    );
  await writeSidecar(packed.file, packed.sha256);
  const asset = {
    name: packed.name,
    path: packed.file,
    size: packed.size,
    sha256: packed.sha256,
    target: null
  };
  reporter.info(
    `pack: ${packed.name} (${packed.size} bytes, ${packed.files.length} files) by npm pack --ignore-scripts`
  );
  return [asset, sidecarAsset(asset)];
}
function maskKey(reporter, key) {
  const seed = Buffer.from(key.seed);
  for (const s of /* @__PURE__ */ new Set([
    seed.toString("base64"),
    seed.toString("base64url"),
    seed.toString("hex")
  ]))
    reporter.mask(s);
}
function keySummary(key) {
  return [
    `Publisher public key (Ed25519, raw 32 bytes):`,
    `- standard base64, as in the signature file: \`${key.publicKeyB64}\``,
    `- unpadded base64url, the marketplace publisher record's form: \`${key.publicKeyB64Url}\``
  ].join("\n");
}
async function signPryzm(ctx) {
  const { config, reporter } = ctx;
  const manifest = await readPryzmManifest(config.manifestPath);
  const name = tarballName(manifest);
  const file = path3.join(config.distDir, name);
  const key = await loadPublisherKey(config.pryzm.publisherKey, config.workingDirectory);
  maskKey(reporter, key);
  const read = await readTarball(createReadStream(file)).catch((e) => {
    if (e.code === "ENOENT")
      throw new ReleaseError(
        "DIST_MISSING",
        `${file} does not exist: run pack first (command: pack or all)`
      );
    throw e;
  });
  if (read.problem !== void 0)
    throw new ReleaseError(
      "ARTIFACT_REFUSED",
      `${file} is not a readable npm tarball (${read.problem}); run pack again`
    );
  if (read.manifest === void 0)
    throw new ReleaseError(
      "ARTIFACT_REFUSED",
      `${file} has no ${TARBALL_MANIFEST}${read.manifestTooLarge ? " under 1 MiB" : ""}: PRYZM reads the manifest from the tarball. Add "plugin.manifest.json" to "files" in package.json and pack again`
    );
  const inside = checkManifestText(
    read.manifest.toString("utf8"),
    `${file}:${TARBALL_MANIFEST}`
  ).validated;
  if (canonicalJson(inside) !== canonicalJson(manifest.validated))
    throw new ReleaseError(
      "ARTIFACT_REFUSED",
      `${name} holds a different plugin.manifest.json than ${manifest.file}: dist is stale. Run pack again`
    );
  const signedAt = signedAtFor(await resolveEpoch(config.sourceDateEpoch, config.workingDirectory));
  const signature = makeSignature(inside, read.sha256, signedAt, key);
  const check = verifyPluginSignature(signature, { manifest: inside, fileSha256: read.sha256 });
  if (!check.ok)
    throw new ReleaseError("INTERNAL", `the signature just made does not verify: ${check.detail}`);
  const asset = await writeAtomic(`${file}${SIGNATURE_SUFFIX}`, signatureFileText(signature));
  reporter.info(
    `sign: ${asset.name}: Ed25519 over {manifest, fileSha256, signedAt ${signedAt}} with publisher key ${key.publicKeyB64} (base64url ${key.publicKeyB64Url})`
  );
  reporter.summary(
    `### PRYZM signature

\`${asset.name}\` signs \`${name}\` (SHA-256 \`${read.sha256}\`).

${keySummary(key)}
`
  );
  return [asset];
}

// src/ecosystems/pryzm/marketplace.ts
async function releaseFile(ctx, name) {
  const local = await readFile3(path4.join(ctx.config.distDir, name)).catch(() => void 0);
  if (local !== void 0) return local;
  const gh = ctx.state.github;
  const asset = gh === void 0 ? void 0 : (await gh.api.listAssets(gh.release.id)).find((a) => a.name === name);
  if (gh === void 0 || asset === void 0)
    throw new ReleaseError(
      "DIST_MISSING",
      `${name} is neither in ${ctx.config.distDir} nor on the release: nothing to submit to the marketplace`
    );
  const parts = [];
  for await (const c of await gh.api.downloadAsset(asset.id)) parts.push(c);
  return Buffer.concat(parts);
}
async function bundleUrl(ctx, name) {
  const gh = ctx.state.github;
  if (gh !== void 0) {
    const asset = (await gh.api.listAssets(gh.release.id)).find((a) => a.name === name);
    if (asset !== void 0) return asset.browser_download_url;
  }
  const url = ctx.state.assets?.find((a) => a.name === name)?.url;
  if (url === void 0)
    throw new ReleaseError(
      "MARKETPLACE",
      `${name} has no download URL: it is not on the GitHub release of this run. Publish the release (command: all or publish), then submit`
    );
  return url;
}
async function bundleSha(ctx, name) {
  const known = ctx.state.assets?.find((a) => a.name === name)?.sha256;
  if (known !== void 0) return known;
  return sha256File(path4.join(ctx.config.distDir, name)).catch(() => void 0);
}
function checkAgainstManifest(sig, id, version, file) {
  const m = sig.payload.manifest;
  if (m.id !== id || m.version !== version)
    throw new ReleaseError(
      "ARTIFACT_REFUSED",
      `${file} signs ${String(m.id)}@${String(m.version)}, but this release is ${id}@${version}: the marketplace would store it under the wrong plugin or version. Run pack again`
    );
  if (!VERSION_RE.test(version))
    throw new ReleaseError(
      "MARKETPLACE",
      `version ${version} is not MAJOR.MINOR.PATCH without leading zeros; the marketplace refuses it`
    );
}
async function submit(ctx) {
  const { config, reporter } = ctx;
  const { marketplaceUrl, marketplaceToken, publisher } = config.pryzm;
  reporter.mask(marketplaceToken);
  const manifest = await readPryzmManifest(config.manifestPath);
  const slug = checkSlug(publisher, manifest.id);
  const name = tarballName(manifest);
  const sigName = `${name}${SIGNATURE_SUFFIX}`;
  const parsed = parseSignatureFile(await releaseFile(ctx, sigName));
  if (typeof parsed === "string")
    throw new ReleaseError("ARTIFACT_REFUSED", `${sigName} is ${parsed}; run pack again`);
  checkAgainstManifest(parsed, manifest.id, manifest.version, sigName);
  const sha = await bundleSha(ctx, name);
  if (sha !== void 0 && sha !== parsed.payload.fileSha256)
    throw new ReleaseError(
      "ARTIFACT_REFUSED",
      `${sigName} signs SHA-256 ${parsed.payload.fileSha256}, but ${name} is ${sha}: run pack again`
    );
  const keyBytes = decodeStandardBase64(parsed.publisherPublicKeyB64);
  const key = {
    b64: parsed.publisherPublicKeyB64,
    b64url: keyBytes ? toBase64Url(keyBytes) : "(not base64)"
  };
  const body = {
    version: manifest.version,
    bundleUrl: await bundleUrl(ctx, name),
    bundleSha256: parsed.payload.fileSha256,
    signature: parsed
  };
  const url = `${marketplaceUrl}/v1/plugins/${slug}/versions`;
  const onRetry = (status, wait, attempt) => reporter.info(
    `marketplace: ${url} answered ${status}; retrying in ${wait} ms (attempt ${attempt + 2})`
  );
  const res = await httpJson({
    method: "POST",
    url,
    token: marketplaceToken,
    body,
    env: config.env,
    what: "the marketplace",
    onRetry
  });
  const outcome = classify(res, { slug, version: manifest.version, url: marketplaceUrl, key });
  if (outcome.kind === "error") throw outcome.error;
  let result = "submitted (201)";
  if (outcome.kind === "exists") {
    const list = await httpJson({
      method: "GET",
      url,
      token: marketplaceToken,
      env: config.env,
      what: "the marketplace",
      onRetry
    });
    const found = existingVersion(list, manifest.version);
    if ("error" in found)
      throw new ReleaseError(
        "MARKETPLACE",
        `marketplace ${marketplaceUrl} says ${slug}@${manifest.version} exists (409 version_exists), and listing its versions failed: ${found.error}. Run again`
      );
    if (!found.found || found.bundleSha256 !== body.bundleSha256)
      throw new ReleaseError(
        "VERSION_EXISTS",
        `marketplace ${marketplaceUrl} already has ${slug}@${manifest.version}${found.found ? ` with bundle SHA-256 ${String(found.bundleSha256)}` : ""}, not this release's ${body.bundleSha256}: that version is burned on the marketplace. Bump the version (plugin.manifest.json and package.json), tag v<new version> and release again`
      );
    result = "already there with the same bundle SHA-256 (a rerun): nothing to do";
  }
  reporter.info(`marketplace: ${slug}@${manifest.version} ${result}`);
  reporter.summary(
    `### PRYZM marketplace

${markdownTable(
      ["plugin", "version", "bundle", "result"],
      [[slug, manifest.version, `[${name}](${body.bundleUrl}) \`${body.bundleSha256}\``, result]]
    )}
`
  );
}
var marketplaceDestination = {
  name: "marketplace",
  skip(ctx) {
    const { marketplaceUrl, marketplaceToken, publisher } = ctx.config.pryzm;
    const missing = [
      marketplaceUrl === void 0 ? "marketplace-url" : void 0,
      marketplaceToken === "" ? "marketplace-token" : void 0,
      publisher === void 0 ? "pryzm-publisher" : void 0
    ].filter((m) => m !== void 0);
    if (missing.length === 3) return "marketplace-url is not set (no PRYZM marketplace submission)";
    if (missing.length > 0)
      return `${missing.join(" and ")} ${missing.length === 1 ? "is" : "are"} not set, so nothing is submitted to the PRYZM marketplace`;
    if (ctx.config.dryRun) return "dry run: nothing is submitted to the PRYZM marketplace";
    if (ctx.state.github?.release.draft === true)
      return "the release is a draft, so its download URL is not public: publish it, then run publish again to submit";
    return void 0;
  },
  run: submit
};

// src/ecosystems/pryzm/preflight.ts
import { readFile as readFile5 } from "node:fs/promises";
import path5 from "node:path";

// src/ecosystems/pryzm/revocation.ts
import { readFile as readFile4 } from "node:fs/promises";
function unreadable(source, why, cause) {
  return new ReleaseError(
    "PREFLIGHT",
    `cannot use the revocation list ${source}: ${why}. Nothing was uploaded: without the list the release cannot be shown not to be revoked. Fix revocation-list (a file, or the marketplace's https://<host>/v1/revocations.json) and run again`,
    cause === void 0 ? {} : { cause }
  );
}
function strings(json, key, source) {
  const v = json[key];
  if (v === void 0 || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string"))
    throw unreadable(source, `${key} is not an array of strings`);
  return v;
}
function parseRevocations(json, source) {
  if (typeof json !== "object" || json === null || Array.isArray(json))
    throw unreadable(source, "it is not a JSON object");
  const o = json;
  const keys = strings(o, "revokedPublisherKeysB64", source);
  const ids = new Set(strings(o, "revokedPluginIdAtVersion", source));
  const keyBytes = keys.map((k) => decodeBase64(k)).filter((b) => b !== void 0);
  return {
    issuedAt: typeof o.issuedAt === "string" ? o.issuedAt : void 0,
    source,
    isPublisherRevoked: (pk) => keyBytes.some((b) => Buffer.from(b).equals(Buffer.from(pk))) || keys.includes(Buffer.from(pk).toString("base64")),
    revokedPlugin: (id, version, publisher) => {
      const forms = [`${id}@${version}`];
      if (publisher !== void 0) forms.push(`${publisher}/${id}@${version}`);
      return forms.find((f) => ids.has(f));
    }
  };
}
async function loadRevocations(source, env) {
  let json;
  if (/^https?:\/\//.test(source)) {
    const res = await httpJson({
      method: "GET",
      url: source,
      env,
      what: "the revocation list"
    }).catch((e) => {
      throw unreadable(source, e.message, e);
    });
    if (res.status !== 200) throw unreadable(source, `GET answered ${res.status}`);
    if (res.json === void 0) throw unreadable(source, "the response is not JSON");
    json = res.json;
  } else {
    let text;
    try {
      text = await readFile4(source, "utf8");
    } catch (e) {
      throw unreadable(source, e.message, e);
    }
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw unreadable(source, `it is not JSON (${e.message})`, e);
    }
  }
  return parseRevocations(json, source);
}

// src/ecosystems/pryzm/preflight.ts
async function publicKeyInDist(ctx, file) {
  const bytes = await readFile5(file).catch(() => void 0);
  if (bytes === void 0) return void 0;
  const sig = parseSignatureFile(bytes);
  if (typeof sig === "string") return void 0;
  ctx.reporter.info(`preflight: publisher key taken from ${path5.basename(file)}`);
  return decodeStandardBase64(sig.publisherPublicKeyB64);
}
async function preflightPryzm(ctx) {
  const { config, reporter } = ctx;
  const manifest = await readPryzmManifest(config.manifestPath);
  const { publisher, marketplaceUrl, marketplaceToken } = config.pryzm;
  if (marketplaceToken !== "") reporter.mask(marketplaceToken);
  if (marketplaceUrl !== void 0 && publisher !== void 0) checkSlug(publisher, manifest.id);
  let publicKey;
  if (config.pryzm.publisherKey !== "" || config.command === "all" || config.command === "pack") {
    const key = await loadPublisherKey(config.pryzm.publisherKey, config.workingDirectory);
    maskKey(reporter, key);
    reporter.info(
      `preflight: publisher key ${key.publicKeyB64} (base64url ${key.publicKeyB64Url})`
    );
    publicKey = key.publicKey;
  } else {
    const file = path5.join(config.distDir, `${tarballName(manifest)}${SIGNATURE_SUFFIX}`);
    publicKey = await publicKeyInDist(ctx, file);
  }
  const source = config.pryzm.revocationList;
  if (source === void 0) return;
  const list = await loadRevocations(source, config.env);
  const when = list.issuedAt === void 0 ? "" : `, issued ${list.issuedAt}`;
  if (publicKey !== void 0 && list.isPublisherRevoked(publicKey))
    throw new ReleaseError(
      "REVOKED",
      `the publisher key ${Buffer.from(publicKey).toString("base64")} is revoked by the revocation list ${source}${when}: the marketplace and the editor refuse everything it signs. Nothing was uploaded. Sign with a new key and register it with the marketplace`
    );
  const entry = list.revokedPlugin(manifest.id, manifest.version, publisher);
  if (entry !== void 0)
    throw new ReleaseError(
      "REVOKED",
      `${entry} is revoked by the revocation list ${source}${when}: the editor refuses to install it. Nothing was uploaded. Release a new version instead`
    );
  reporter.info(
    `preflight: revocation list ${source}${when}: neither the publisher key${publicKey === void 0 ? " (none known yet)" : ""} nor ${manifest.id}@${manifest.version} is revoked`
  );
}

// src/ecosystems/pryzm/tag.ts
function parsePryzmTag(tag) {
  const body = tag.startsWith("v") ? tag.slice(1) : tag;
  const core = body.split(/[-+]/)[0] ?? "";
  if (tag.startsWith("v") && /[-+]/.test(body) && VERSION_RE.test(core)) {
    throw new ReleaseError(
      "TAG_INVALID",
      `tag '${tag}' has a ${body.includes("-") ? "prerelease" : "build"} part, but PRYZM versions have no prerelease part: plugin.manifest.json's version must be MAJOR.MINOR.PATCH and the PRYZM marketplace refuses anything else. Tag v${core} (and ship test builds under a lower or separate version instead)`
    );
  }
  const why = explainTag(tag) ?? (VERSION_RE.test(body) ? void 0 : "it is not MAJOR.MINOR.PATCH");
  if (why !== void 0) {
    throw new ReleaseError(
      "TAG_INVALID",
      `tag '${tag}' does not match v<MAJOR.MINOR.PATCH>: ${why}. PRYZM tags are v + three numbers without leading zeros, e.g. v1.4.0`
    );
  }
  return { tag, version: body, prerelease: false };
}

// src/ecosystems/pryzm/verify.ts
async function tarballManifest(source, name, findings) {
  const read = await readTarball(await source.open(name));
  if (read.problem !== void 0) {
    findings.fail(
      "tarball",
      name,
      "tarball-invalid",
      `not a readable gzip tar archive: ${read.problem}`
    );
    return void 0;
  }
  findings.pass("tarball", name, `${read.size} bytes, SHA-256 ${read.sha256}`);
  const sidecar = await readSmall(source, `${name}.sha256`, 1024);
  const listed2 = sidecar?.toString("utf8").trim().split(/\s+/)[0];
  if (listed2 === void 0)
    findings.fail(
      "sha256",
      `${name}.sha256`,
      "sha256-missing",
      "no .sha256 sidecar next to the tarball"
    );
  else if (listed2 !== read.sha256)
    findings.fail(
      "sha256",
      `${name}.sha256`,
      "sha256-mismatch",
      `says ${listed2}, the tarball is ${read.sha256}`
    );
  else findings.pass("sha256", `${name}.sha256`, "matches the tarball");
  const subject = `${name}:${TARBALL_MANIFEST}`;
  if (read.manifest === void 0) {
    findings.fail(
      "manifest",
      subject,
      "manifest-missing",
      `the tarball has no ${TARBALL_MANIFEST}${read.manifestTooLarge ? " under 1 MiB" : ""}; PRYZM reads the manifest from there`
    );
    return { manifest: void 0, sha256: read.sha256 };
  }
  try {
    const { validated } = checkManifestText(read.manifest.toString("utf8"), subject);
    findings.pass(
      "manifest",
      subject,
      `${validated.id} ${validated.version}: valid under PRYZM's v1 schema`
    );
    return { manifest: validated, sha256: read.sha256 };
  } catch (e) {
    if (!isReleaseError(e)) throw e;
    findings.fail(
      "manifest",
      subject,
      "manifest-invalid",
      e.diagnostics.map((d) => d.message).join("; ") || e.message
    );
    return { manifest: void 0, sha256: read.sha256 };
  }
}
async function signatureChecks(o, sigName, sig, expected) {
  const { findings, config } = o;
  let list;
  if (config.pryzm.revocationList !== void 0) {
    list = await loadRevocations(config.pryzm.revocationList, config.env).catch((e) => {
      findings.fail("revocation", sigName, "revocation-list-unreadable", e.message);
      return void 0;
    });
    if (list === void 0) return;
  }
  const result = verifyPluginSignature(
    sig,
    expected,
    list && { list, publisher: config.pryzm.publisher }
  );
  const decided = result.ok ? void 0 : CHECK_ORDER.findIndex(
    (c) => c.reason === (result.reason === "plugin-revoked" ? "publisher-revoked" : result.reason)
  );
  const passed = [
    "the signed manifest is the tarball's validated manifest (canonical JSON)",
    "fileSha256 is the tarball's SHA-256",
    `Ed25519 signature verifies with publisher key ${sig.publisherPublicKeyB64}`,
    list === void 0 ? "" : `neither the publisher key nor the plugin version is in the revocation list (${list.source})`
  ];
  CHECK_ORDER.forEach(({ check }, i) => {
    if (check === "revocation" && list === void 0) return;
    if (decided === void 0 || i < decided) findings.pass(check, sigName, passed[i]);
    else if (i === decided && !result.ok)
      findings.fail(check, sigName, result.reason, result.detail);
    else findings.info(check, sigName, `not checked: PRYZM's verifier stops at the first failure`);
  });
  const trusted = config.pryzm.trustedPublisherKeys;
  if (trusted.length === 0) return;
  const key = decodeStandardBase64(sig.publisherPublicKeyB64);
  const ok = key !== void 0 && trusted.some((t) => {
    const b = decodeBase64(t);
    return b !== void 0 && Buffer.from(b).equals(Buffer.from(key));
  });
  if (ok)
    findings.pass(
      "trusted-publisher-keys",
      sigName,
      `publisher key ${sig.publisherPublicKeyB64} is one of trusted-publisher-keys`
    );
  else
    findings.fail(
      "trusted-publisher-keys",
      sigName,
      "publisher-untrusted",
      `publisher key ${sig.publisherPublicKeyB64} is not one of the ${trusted.length} trusted-publisher-keys`
    );
}
async function verifyPryzm(o) {
  const { source, findings } = o;
  const tarballs = source.files.filter((f) => f.name.endsWith(".tgz"));
  if (tarballs.length === 0) {
    findings.fail(
      "tarball",
      source.label,
      "tarball-missing",
      "no npm pack tarball (.tgz): a PRYZM release carries one, with its .sha256 and .signature.json"
    );
    return { id: null, version: null };
  }
  if (tarballs.length > 1)
    findings.warn(
      "tarball",
      source.label,
      "tarball-ambiguous",
      `${tarballs.length} tarballs (${tarballs.map((t) => t.name).join(", ")}); a PRYZM release carries one`
    );
  let found = { id: null, version: null };
  for (const { name } of tarballs) {
    const read = await tarballManifest(source, name, findings);
    const manifest = read?.manifest;
    if (manifest !== void 0) found = { id: manifest.id, version: manifest.version };
    if (manifest !== void 0 && o.tag !== void 0) {
      let version;
      try {
        version = parsePryzmTag(o.tag).version;
      } catch (e) {
        findings.fail("version", name, "tag-invalid", e.message);
      }
      if (version !== void 0 && version !== manifest.version)
        findings.fail(
          "version",
          name,
          "version-mismatch",
          `the manifest's version ${manifest.version} is not the tag's ${o.tag}`
        );
      else if (version !== void 0)
        findings.pass("version", name, `${manifest.version} matches tag ${o.tag}`);
    }
    const sigName = `${name}${SIGNATURE_SUFFIX}`;
    const bytes = await readSmall(source, sigName);
    if (bytes === void 0) {
      findings.fail(
        "signature-file",
        sigName,
        "signature-missing",
        "missing (or over 1 MiB): PRYZM refuses a plugin without its publisher signature"
      );
      continue;
    }
    const sig = parseSignatureFile(bytes);
    if (typeof sig === "string") {
      findings.fail(
        "signature-file",
        sigName,
        "signature-malformed",
        `${sig}; expected {payload: {manifest, fileSha256, signedAt}, signatureB64, publisherPublicKeyB64}`
      );
      continue;
    }
    findings.pass("signature-file", sigName, `signed at ${sig.payload.signedAt} (audit only)`);
    if (read === void 0 || manifest === void 0) {
      findings.info(
        "signature",
        sigName,
        "not checked: the tarball has no valid manifest to compare with"
      );
      continue;
    }
    await signatureChecks(o, sigName, sig, { manifest, fileSha256: read.sha256 });
  }
  return found;
}

// src/ecosystems/pryzm/index.ts
var profile = {
  name: "pryzm",
  manifestFile: "plugin.manifest.json",
  consumer: "PRYZM's `verifyPluginSignature` (editor and marketplace)",
  readManifest: (config) => readPryzmManifest(config.manifestPath),
  parseTag: parsePryzmTag,
  plan: planPryzm,
  preflight: preflightPryzm,
  pack: packPryzm,
  signNative: signPryzm,
  verify: verifyPryzm,
  destinations: [marketplaceDestination]
};
export {
  profile
};
