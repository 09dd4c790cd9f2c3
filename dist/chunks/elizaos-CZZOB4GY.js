import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  NpmCommandError,
  npmDigests,
  npmPack,
  npmPackFileName,
  runNpm
} from "./chunk-LYPBTPSR.js";
import {
  JsonSyntaxError,
  parseJsonSource
} from "./chunk-MJKKV7UF.js";
import {
  proxyFetch
} from "./chunk-CTM4ZJC7.js";
import {
  sidecarAsset,
  writeAtomic,
  writeSidecar
} from "./chunk-NQ4AEWQV.js";
import {
  readSmall
} from "./chunk-DU3MOISV.js";
import {
  rt
} from "./chunk-IHY5SSPF.js";
import "./chunk-HQQIT7FK.js";
import "./chunk-JJKM5RR3.js";
import "./chunk-GWJQWK7Z.js";
import {
  require_semver
} from "./chunk-2TJC7A4H.js";
import {
  openRegistryPullRequest
} from "./chunk-TGM32FL5.js";
import "./chunk-RMI2MBVT.js";
import "./chunk-VK2GVVSJ.js";
import {
  retryPolicyFromEnv,
  withRetry
} from "./chunk-E6E2LMZJ.js";
import {
  ReleaseError,
  isReleaseError
} from "./chunk-S5POLVOE.js";
import {
  __toESM
} from "./chunk-5ZJU6YLT.js";

// src/ecosystems/elizaos/index.ts
import path8 from "node:path";

// src/ecosystems/elizaos/destinations.ts
import { setTimeout as sleep } from "node:timers/promises";

// src/npm/userconfig.ts
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

// src/npm/registry.ts
function packumentUrl(registry, name) {
  return `${registry}${name.replace("/", "%2f")}`;
}
function nerfDart(registry) {
  const u = new URL(".", new URL(registry));
  return `//${u.host}${u.pathname}`;
}
async function resolveRegistry(explicit, name, cwd, env) {
  if (explicit !== void 0) return explicit.replace(/\/*$/, "/");
  const scope = /^(@[^/]+)\//.exec(name)?.[1];
  const keys = scope === void 0 ? ["registry"] : [`${scope}:registry`, "registry"];
  let stdout;
  try {
    ({ stdout } = await runNpm(["config", "get", ...keys, "userconfig"], { cwd, env }));
  } catch (e) {
    const why = e instanceof NpmCommandError ? e.message : String(e);
    throw new ReleaseError(
      "NPM_PUBLISH",
      `cannot read npm's configured registry (npm config get registry): ${why}. Set npm-registry`,
      { cause: e }
    );
  }
  const values = /* @__PURE__ */ new Map();
  for (const line of stdout.split("\n")) {
    const eq = line.indexOf("=");
    if (eq > 0) values.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  const pick = (k) => values.get(k) ?? (keys.length === 1 ? stdout.trim().split("\n")[0] : void 0);
  const found = keys.map(pick).find((v) => v !== void 0 && v !== "" && v !== "undefined" && v !== "null");
  if (found === void 0 || !/^https?:\/\//.test(found)) {
    throw new ReleaseError(
      "NPM_PUBLISH",
      `npm has no registry configured (npm config get registry printed '${stdout.trim()}'). Set npm-registry`
    );
  }
  return found.replace(/\/*$/, "/");
}
var HttpStatusError = class extends Error {
  status;
  response;
  constructor(status, headers, data, message) {
    super(message);
    this.status = status;
    this.response = { headers, data };
  }
};
function registryMessage(text) {
  try {
    const body = JSON.parse(text);
    const parts = ["error", "message", "reason"].map((k) => body[k]).filter((v) => typeof v === "string" && v !== "");
    if (parts.length > 0) return [...new Set(parts)].join(": ");
  } catch {
  }
  return text.replace(/\s+/g, " ").trim().slice(0, 300);
}
async function get(url, access, accept) {
  const headers = { accept, "user-agent": "plugin-release-action" };
  if (access.token !== "" && url.startsWith(access.registry)) {
    headers.authorization = `Bearer ${access.token}`;
  }
  const fetch = proxyFetch(access.env);
  return withRetry(retryPolicyFromEnv(access.env), async () => {
    const res = await fetch(url, {
      headers,
      redirect: "follow",
      signal: AbortSignal.timeout(12e4)
    });
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    if (!res.ok) {
      const text = await res.text().catch(() => "");
      const h = {};
      res.headers.forEach((v, k) => h[k] = v);
      throw new HttpStatusError(res.status, h, text, registryMessage(text) || res.statusText);
    }
    return res;
  });
}
function readError(what, url, e) {
  if (e instanceof HttpStatusError) {
    const auth = e.status === 401 || e.status === 403;
    return new ReleaseError(
      auth ? "NPM_AUTH" : "NPM_PUBLISH",
      `the npm registry answered ${e.status} to GET ${url} (${what}): ${e.message}. ${auth ? "Check npm-token (or NODE_AUTH_TOKEN): it must be valid for this registry and allowed to read the package" : "Try again later, or check npm-registry"}`,
      { cause: e }
    );
  }
  const why = e instanceof Error ? `${e.message}${e.cause instanceof Error ? ` (${e.cause.message})` : ""}` : String(e);
  return new ReleaseError(
    "NPM_PUBLISH",
    `cannot reach the npm registry for ${what} (GET ${url}): ${why}. Check npm-registry and the runner's network or proxy`,
    { cause: e }
  );
}
async function readPackument(access, name) {
  const url = packumentUrl(access.registry, name);
  try {
    const res = await get(url, access, "application/json");
    if (res === null) return null;
    const doc = await res.json();
    if (typeof doc !== "object" || doc === null || Array.isArray(doc))
      throw new Error("the document is not a JSON object");
    return doc;
  } catch (e) {
    throw readError(`the package document of ${name}`, url, e);
  }
}
async function fetchTarball(access, url) {
  try {
    const res = await get(url, access, "application/octet-stream");
    return res === null ? null : Buffer.from(await res.arrayBuffer());
  } catch (e) {
    throw readError("a tarball", url, e);
  }
}

// src/npm/userconfig.ts
function existingUserconfig(env) {
  const set = env.NPM_CONFIG_USERCONFIG ?? env.npm_config_userconfig;
  if (set !== void 0 && set !== "") return set;
  return path.join(env.HOME ?? os.homedir(), ".npmrc");
}
async function withNpmToken(registry, token, env, fn) {
  if (token === "") return fn([]);
  if (/[\r\n]/.test(token)) throw new Error("the npm token contains a line break");
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "npm-auth-"));
  try {
    const file = path.join(dir, "npmrc");
    const prior = await fs.readFile(existingUserconfig(env), "utf8").catch(() => "");
    const line = `${nerfDart(registry)}:_authToken=${JSON.stringify(token)}
`;
    await fs.writeFile(file, `${prior}${prior === "" || prior.endsWith("\n") ? "" : "\n"}${line}`, {
      mode: 384
    });
    return await fn(["--userconfig", file]);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

// src/npm/publish.ts
var NETWORK = /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ESOCKETTIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|ERR_SOCKET_TIMEOUT|UND_ERR_\w+)$/;
function registryArgs(t) {
  if (!t.explicit) return [];
  const scope = /^(@[^/]+)\//.exec(t.name)?.[1];
  return [
    `--registry=${t.registry}`,
    ...scope === void 0 ? [] : [`--${scope}:registry=${t.registry}`]
  ];
}
function npmFailure(action, t, e) {
  if (!(e instanceof NpmCommandError)) {
    return new ReleaseError("NPM_PUBLISH", `${action} failed: ${String(e)}`, { cause: e });
  }
  const code = e.npmCode ?? "";
  const said = `npm ${code === "" ? "said" : code}: ${e.message}`;
  const where = `${t.name} on ${t.registry}`;
  if (code === "E409" || /previously published|cannot publish over|already present|EPUBLISHCONFLICT/i.test(e.message)) {
    return new ReleaseError(
      "VERSION_EXISTS",
      `${action}: the registry already has this version of ${where} (${said}). npm never accepts a version twice: bump version in package.json and tag again`,
      { cause: e }
    );
  }
  if (code === "E401" || code === "ENEEDAUTH" || code === "EOTP") {
    return new ReleaseError(
      "NPM_AUTH",
      `${action}: the registry refused the credentials for ${where} (${said}). Pass a valid automation or granular token as npm-token (or NODE_AUTH_TOKEN) that can publish without a one-time password`,
      { cause: e }
    );
  }
  if (code === "E403" || code === "E404") {
    return new ReleaseError(
      "NPM_AUTH",
      `${action}: the registry refused ${where} (${said}). The token's user must own the package or be allowed to publish to its scope (a scope that is not yours answers 404); check the name and npm-access`,
      { cause: e }
    );
  }
  if (NETWORK.test(code) || /network|socket|ECONNREFUSED|ENOTFOUND/i.test(code)) {
    return new ReleaseError(
      "NPM_PUBLISH",
      `${action}: cannot reach ${t.registry} (${said}). Check npm-registry and the runner's network or proxy`,
      { cause: e }
    );
  }
  return new ReleaseError("NPM_PUBLISH", `${action} failed for ${where} (${said})`, { cause: e });
}
async function npm(action, t, args) {
  return withNpmToken(t.registry, t.token, t.env, async (auth) => {
    try {
      const { stdout } = await runNpm([...args, ...registryArgs(t), ...auth], {
        cwd: t.cwd,
        env: t.env
      });
      return stdout;
    } catch (e) {
      throw npmFailure(action, t, e);
    }
  });
}
function requireOidc(env) {
  if ((env.ACTIONS_ID_TOKEN_REQUEST_URL ?? "") === "" || (env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? "") === "") {
    throw new ReleaseError(
      "OIDC_UNAVAILABLE",
      "npm-provenance: true needs an OIDC token, and this run has none (ACTIONS_ID_TOKEN_REQUEST_URL is not set). Give the job 'permissions: id-token: write' on a GitHub-hosted runner, or set npm-provenance: false. Nothing was published"
    );
  }
}
async function npmPublish(t, tarball, o) {
  if (o.provenance) requireOidc(t.env);
  const args = [
    "publish",
    tarball,
    "--tag",
    o.tag,
    "--access",
    o.access,
    "--ignore-scripts",
    "--json"
  ];
  if (o.provenance) args.push("--provenance");
  await npm(`npm publish ${t.name}`, t, args);
}
async function npmDistTagAdd(t, version, tag) {
  await npm(`npm dist-tag add ${t.name}@${version} ${tag}`, t, [
    "dist-tag",
    "add",
    `${t.name}@${version}`,
    tag
  ]);
}
async function npmWhoami(t) {
  return (await npm("npm whoami", t, ["whoami"])).trim();
}

// src/npm/version.ts
var import_semver = __toESM(require_semver(), 1);
import { createHash as createHash2 } from "node:crypto";
import fs2 from "node:fs/promises";

// src/npm/contents.ts
import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
async function tarballContents(tgz, keep = () => false) {
  const tar = gunzipSync(tgz, { maxOutputLength: 2 ** 31 - 1 });
  const out = /* @__PURE__ */ new Map();
  const problems = [];
  const parser = new rt({ strict: true });
  parser.on("entry", (e) => {
    if (e.type === "Directory") {
      e.resume();
      return;
    }
    const hash = createHash("sha256");
    const [root = "", ...rest] = e.path.split("/");
    const rel = rest.join("/");
    const chunks = keep(rel) ? [] : void 0;
    e.on("data", (c) => {
      hash.update(c);
      chunks?.push(c);
    });
    e.on("end", () => {
      out.set(rel, {
        type: e.type,
        mode: (e.mode ?? 0) & 4095,
        size: e.size ?? 0,
        sha256: hash.digest("hex"),
        linkpath: e.linkpath ?? "",
        root,
        ...chunks === void 0 ? {} : { body: Buffer.concat(chunks) }
      });
    });
  });
  const done = new Promise((resolve) => {
    parser.on("end", resolve);
    parser.on("error", (err) => {
      problems.push(err.message);
      resolve();
    });
  });
  parser.end(tar);
  await done;
  if (problems.length > 0) throw new Error(`not a readable tar archive: ${problems.join("; ")}`);
  return out;
}
function contentDifferences(ours, theirs, max = 5) {
  const diffs = [];
  for (const [p, a] of ours) {
    const b = theirs.get(p);
    if (b === void 0) diffs.push(`${p} is not in the registry's tarball`);
    else if (a.type !== b.type || a.linkpath !== b.linkpath)
      diffs.push(`${p} is a ${a.type} here, a ${b.type} there`);
    else if (a.sha256 !== b.sha256)
      diffs.push(`${p} has other bytes (${a.size} here, ${b.size} there)`);
    else if (a.mode !== b.mode)
      diffs.push(`${p} has mode ${a.mode.toString(8)} here, ${b.mode.toString(8)} there`);
  }
  for (const p of theirs.keys())
    if (!ours.has(p)) diffs.push(`${p} is only in the registry's tarball`);
  if (diffs.length > max) return [...diffs.slice(0, max), `and ${diffs.length - max} more`];
  return diffs;
}

// src/npm/version.ts
function defaultDistTag(version) {
  const pre = import_semver.default.prerelease(version);
  if (pre === null || pre.length === 0) return "latest";
  const first = String(pre[0]);
  if (/^[A-Za-z]/.test(first) && first !== "x" && first !== "X" && import_semver.default.validRange(first) === null)
    return first;
  return "next";
}
function exists(name, version, registry, why) {
  return new ReleaseError(
    "VERSION_EXISTS",
    `${name}@${version} is already on ${registry} ${why}. npm never accepts a version twice (not even after an unpublish): bump version in package.json, tag v<new version> and release again. Nothing was published`
  );
}
async function checkVersion(access, name, version, local) {
  const packument = await readPackument(access, name);
  const entry = packument?.versions?.[version];
  if (packument === null) return { kind: "new", packument };
  if (entry === void 0) {
    if (packument.time?.[version] !== void 0) {
      throw exists(
        name,
        version,
        access.registry,
        `as an unpublished version (published ${packument.time[version]})`
      );
    }
    return { kind: "new", packument };
  }
  if (local === void 0) return { kind: "exists", packument };
  const ours = typeof local === "function" ? await local() : local;
  const theirs = entry.dist?.integrity;
  if (theirs === ours.integrity) return { kind: "unchanged", packument, integrity: theirs };
  const url = entry.dist?.tarball;
  if (url === void 0)
    throw exists(
      name,
      version,
      access.registry,
      `with integrity ${theirs ?? "(none)"}, not ours (${ours.integrity}), and no tarball to compare`
    );
  const tarball = await fetchTarball(access, url);
  if (tarball === null)
    throw exists(name, version, access.registry, `but its tarball ${url} is gone`);
  const got = `sha512-${createHash2("sha512").update(tarball).digest("base64")}`;
  if (theirs !== void 0 && got !== theirs) {
    throw new ReleaseError(
      "NPM_PUBLISH",
      `the registry's tarball of ${name}@${version} (${url}) hashes to ${got}, not its recorded integrity ${theirs}: the download was altered (a proxy?). Run again`
    );
  }
  const [a, b] = await Promise.all([
    fs2.readFile(ours.file).then(tarballContents),
    tarballContents(tarball).catch(() => /* @__PURE__ */ new Map())
  ]);
  const diffs = contentDifferences(a, b);
  if (diffs.length > 0) {
    throw exists(name, version, access.registry, `with other contents: ${diffs.join("; ")}`);
  }
  return { kind: "unchanged-contents", packument, integrity: got, tarball };
}

// src/ecosystems/elizaos/entry.ts
function registryEntry(pkg) {
  return {
    package: pkg.name,
    repository: `github:${pkg.repository.owner}/${pkg.repository.repo}`,
    kind: pkg.kind,
    description: pkg.description,
    ...pkg.homepage === void 0 ? {} : { homepage: pkg.homepage },
    version: pkg.version,
    ...pkg.repository.directory === void 0 ? {} : { directory: pkg.repository.directory },
    ...pkg.keywords.length === 0 ? {} : { tags: pkg.keywords }
  };
}
function registryEntryText(pkg) {
  return `${JSON.stringify(registryEntry(pkg), null, 2)}
`;
}
function entryFileName(name) {
  return `${name.replace(/^@/, "").replace(/\//g, "__").replace(/[^A-Za-z0-9._-]/g, "-")}.json`;
}
function entryBranch(name) {
  const part = name.replace(/^@/, "").replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80);
  return `add-${part}-to-registry`;
}
var ENTRY_DIRS = ["packages/registry/entries/third-party", "entries/third-party"];
function pullRequestBody(entry) {
  return [
    `Registers \`${entry.package}\` as a third-party elizaOS package.`,
    "",
    `Repository: ${entry.repository}`,
    `Kind: ${entry.kind}`,
    "",
    "This package is community supported and not first-party supported."
  ].join("\n");
}

// src/ecosystems/elizaos/run-state.ts
import path4 from "node:path";

// src/ecosystems/elizaos/images.ts
import fs3 from "node:fs/promises";
import path2 from "node:path";
var IMAGE_RULES = [
  { file: "images/logo.jpg", width: 400, height: 400, maxBytes: 500 * 1024, limit: "500 KB" },
  { file: "images/banner.jpg", width: 1280, height: 640, maxBytes: 1024 * 1024, limit: "1 MB" }
];
var SOF = /* @__PURE__ */ new Set([192, 193, 194, 195, 197, 198, 199, 201, 202, 203, 205, 206, 207]);
function jpegSize(b) {
  if (b.length < 4 || b[0] !== 255 || b[1] !== 216)
    return "it is not a JPEG (no FFD8 start marker)";
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 255) return `it is not a well-formed JPEG (no marker at byte ${i})`;
    while (b[i] === 255 && i < b.length) i++;
    const marker = b[i];
    i++;
    if (marker === 1 || marker >= 208 && marker <= 216) continue;
    if (marker === 217 || marker === 218) break;
    if (i + 2 > b.length) break;
    const len = b.readUInt16BE(i);
    if (len < 2) return `it is not a well-formed JPEG (segment length ${len} at byte ${i})`;
    if (SOF.has(marker)) {
      if (i + 7 > b.length) break;
      return { height: b.readUInt16BE(i + 3), width: b.readUInt16BE(i + 5) };
    }
    i += len;
  }
  return "it is not a well-formed JPEG (no frame header before the image data)";
}
async function imageWarnings(packageDir2) {
  const out = [];
  for (const rule of IMAGE_RULES) {
    const file = path2.join(packageDir2, rule.file);
    const want = `${rule.width}x${rule.height} JPEG of at most ${rule.limit}`;
    const bytes = await fs3.readFile(file).catch(() => void 0);
    if (bytes === void 0) {
      out.push({
        file,
        message: `${rule.file} is missing: the ElizaOS registry shows a ${want} there. Add it (the release goes on without it)`
      });
      continue;
    }
    const problems = [];
    if (bytes.length > rule.maxBytes)
      problems.push(`it is ${bytes.length} bytes, over ${rule.limit} (${rule.maxBytes} bytes)`);
    const size = jpegSize(bytes);
    if (typeof size === "string") problems.push(size);
    else if (size.width !== rule.width || size.height !== rule.height) {
      problems.push(`it is ${size.width}x${size.height}, not ${rule.width}x${rule.height}`);
    }
    if (problems.length > 0) {
      out.push({
        file,
        message: `${rule.file}: ${problems.join("; ")}. The ElizaOS registry wants a ${want}`
      });
    }
  }
  return out;
}

// src/ecosystems/elizaos/manifest.ts
import { readFile } from "node:fs/promises";
import path3 from "node:path";

// src/ecosystems/elizaos/rules.ts
var import_semver2 = __toESM(require_semver(), 1);
var PLUGIN_TYPE = "elizaos:plugin:1.0.0";
var REGISTRY_NAME = /^(?:@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/;
var GITHUB_PART = /^[A-Za-z0-9_.-]+$/;
var DIRECTORY = /^[A-Za-z0-9._/-]+$/;
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var kind = (v) => v === null ? "null" : Array.isArray(v) ? "an array" : typeof v === "object" ? "an object" : `a ${typeof v} (${JSON.stringify(v)})`;
function nameProblem(name) {
  if (name.length > 214) return `it is ${name.length} characters; npm allows at most 214`;
  if (name !== name.toLowerCase())
    return "npm names are lowercase (an uppercase scope or name resolves to nothing on npm)";
  if (!REGISTRY_NAME.test(name)) {
    return "it is not a valid npm name for the ElizaOS registry (lowercase letters, digits, '.', '_' and '-', optionally under one @scope/, not starting with '.' or '_')";
  }
  const [scope, bare] = name.startsWith("@") ? [name.slice(1, name.indexOf("/")), name.slice(name.indexOf("/") + 1)] : [void 0, name];
  if (scope === "elizaos")
    return "the @elizaos scope is reserved for first-party plugins; publish under your own scope or without one";
  if (!/^plugin-[a-z0-9._-]+$/.test(bare)) {
    return `an ElizaOS plugin is named plugin-<name> or @<scope>/plugin-<name>, e.g. ${scope === void 0 ? "" : `@${scope}/`}plugin-${bare.replace(/^plugin-?/, "") || "example"}`;
  }
  return void 0;
}
function githubRepo(url) {
  const s = url.trim();
  const m = /^(?:github:)?([^/\s:@]+)\/([^/\s#]+?)(?:\.git)?(?:#.*)?$/.exec(s) ?? /^(?:git\+)?(?:https?|git|ssh):\/\/(?:[^@/\s]+@)?(?:www\.)?github\.com(?::\d+)?\/([^/\s]+)\/([^/\s#?]+?)(?:\.git)?(?:\/(?:tree|blob)\/\S*)?\/?(?:[#?].*)?$/i.exec(
    s
  ) ?? /^(?:[^@/\s]+@)?github\.com:([^/\s]+)\/([^/\s#]+?)(?:\.git)?(?:#.*)?$/i.exec(s);
  if (m === null || !GITHUB_PART.test(m[1]) || !GITHUB_PART.test(m[2])) return void 0;
  return { owner: m[1], repo: m[2] };
}
function absoluteUrl(v) {
  if (typeof v !== "string") return void 0;
  const s = v.trim();
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:[^\s"<>\\^`{|}]+$/.test(s) || !URL.canParse(s)) return void 0;
  return s;
}
function checkPackage(doc) {
  const issues = [];
  const add = (path9, message) => issues.push({ path: path9, message });
  if (!isObject(doc)) {
    add([], `package.json must hold a JSON object, not ${kind(doc)}`);
    return { issues };
  }
  const agent = doc.agentConfig;
  if (!isObject(agent))
    add(
      ["agentConfig"],
      `agentConfig must be an object ({"pluginType": "${PLUGIN_TYPE}", "pluginParameters": {}}), not ${agent === void 0 ? "missing" : kind(agent)}`
    );
  else {
    if (agent.pluginType !== PLUGIN_TYPE) {
      add(
        ["agentConfig", "pluginType"],
        `agentConfig.pluginType must be "${PLUGIN_TYPE}", ${agent.pluginType === void 0 ? "and it is missing" : `not ${kind(agent.pluginType)}`}`
      );
    }
    if (!isObject(agent.pluginParameters)) {
      add(
        ["agentConfig", "pluginParameters"],
        `agentConfig.pluginParameters must be an object (the settings the plugin reads, {} for none), ${agent.pluginParameters === void 0 ? "and it is missing" : `not ${kind(agent.pluginParameters)}`}`
      );
    }
  }
  const name = doc.name;
  if (typeof name !== "string")
    add(
      ["name"],
      `name must be the npm package name, a string such as "plugin-example", ${name === void 0 ? "and it is missing" : `not ${kind(name)}`}`
    );
  else {
    const why = nameProblem(name);
    if (why !== void 0) add(["name"], `name "${name}": ${why}`);
  }
  const version = doc.version;
  if (typeof version !== "string")
    add(
      ["version"],
      `version must be a SemVer string such as "1.0.0", ${version === void 0 ? "and it is missing" : `not ${kind(version)}`}`
    );
  else if (import_semver2.default.valid(version) !== version) {
    add(
      ["version"],
      `version "${version}" is not strict SemVer (MAJOR.MINOR.PATCH with an optional -prerelease, no 'v', no build metadata, which npm drops), e.g. 1.0.0 or 1.1.0-beta.1`
    );
  }
  const description = doc.description;
  if (typeof description !== "string" || description.trim() === "") {
    add(
      ["description"],
      `description must say what the plugin does (the registry lists it), ${description === void 0 ? "and it is missing" : typeof description === "string" ? "and it is empty" : `not ${kind(description)}`}`
    );
  } else if (/\$\{[^}]*\}/.test(description)) {
    add(
      ["description"],
      `description "${description}" still holds the starter's placeholder ${/\$\{[^}]*\}/.exec(description)[0]}: write the plugin's own description`
    );
  }
  const repoField = doc.repository;
  const repoUrl = isObject(repoField) ? repoField.url : repoField;
  const repoPath = isObject(repoField) ? ["repository", "url"] : ["repository"];
  const repo = typeof repoUrl === "string" ? githubRepo(repoUrl) : void 0;
  if (repo === void 0) {
    add(
      repoPath,
      `repository must name the plugin's GitHub repository, as "github:<owner>/<repo>" or {"type": "git", "url": "https://github.com/<owner>/<repo>.git"}, ${repoField === void 0 ? "and it is missing" : `not ${kind(repoUrl)}`}`
    );
  }
  const dirField = isObject(repoField) ? repoField.directory : void 0;
  if (dirField !== void 0 && (typeof dirField !== "string" || !DIRECTORY.test(dirField))) {
    add(
      ["repository", "directory"],
      `repository.directory must be a path of letters, digits, '.', '_', '/' and '-' (the registry's pattern), not ${kind(dirField)}`
    );
  }
  if (issues.length > 0) return { issues };
  const keywords = Array.isArray(doc.keywords) ? doc.keywords : [];
  const elizaos = doc.elizaos;
  return {
    issues,
    pkg: {
      name,
      version,
      description: description.trim(),
      repository: { ...repo, directory: dirField },
      homepage: absoluteUrl(doc.homepage),
      keywords: [
        ...new Set(
          keywords.filter((k) => typeof k === "string").map((k) => k.trim()).filter((k) => k !== "")
        )
      ],
      kind: isObject(elizaos) && elizaos.kind === "connector" ? "connector" : "plugin"
    }
  };
}

// src/ecosystems/elizaos/manifest.ts
function checkManifestText(text, file) {
  const bom = text.charCodeAt(0) === 65279;
  const body = bom ? text.slice(1) : text;
  const shift = (p) => ({
    file,
    line: p.line,
    column: p.line === 1 && bom ? p.column + 1 : p.column
  });
  let source;
  try {
    source = parseJsonSource(body);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    const message = `${path3.basename(file)} is not valid JSON: ${e.message}; fix the syntax at this position`;
    return { diagnostics: [{ message, location: shift(e) }], syntax: true };
  }
  const { issues, pkg } = checkPackage(source.value);
  if (pkg !== void 0) return { pkg, diagnostics: [] };
  const diagnostics = issues.map((i) => ({
    message: i.message,
    location: shift(source.keyAt(i.path))
  }));
  diagnostics.sort(
    (a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0)
  );
  return { diagnostics, syntax: false };
}
async function readElizaManifest(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    const code = e.code;
    throw new ReleaseError(
      "MANIFEST_NOT_FOUND",
      code === "ENOENT" || code === "ENOTDIR" ? `manifest not found: ${file}; an ElizaOS plugin is an npm package with a package.json holding an agentConfig object. Set working-directory to the plugin's folder` : `cannot read ${file}: ${e.message}`,
      { location: { file }, cause: e }
    );
  }
  const checked = checkManifestText(text, file);
  if (checked.pkg === void 0) {
    const count = checked.diagnostics.length;
    const lines = checked.diagnostics.map(
      (d) => `  ${d.location?.file}:${d.location?.line}:${d.location?.column}: ${d.message}`
    );
    throw new ReleaseError(
      checked.syntax ? "MANIFEST_PARSE" : "MANIFEST_INVALID",
      `${file} ${checked.syntax ? "is not valid JSON" : `has ${count} problem${count === 1 ? "" : "s"} an ElizaOS plugin release cannot have`}:
${lines.join("\n")}`,
      { location: checked.diagnostics[0]?.location ?? { file }, diagnostics: checked.diagnostics }
    );
  }
  const { pkg } = checked;
  return {
    pkg,
    manifest: {
      id: pkg.name,
      version: pkg.version,
      name: pkg.name,
      description: pkg.description,
      file,
      text
    }
  };
}

// src/ecosystems/elizaos/run-state.ts
var runs = /* @__PURE__ */ new WeakMap();
function runState(ctx) {
  let s = runs.get(ctx);
  if (s === void 0) runs.set(ctx, s = {});
  return s;
}
async function manifestOf(ctx) {
  const s = runState(ctx);
  return s.manifest ??= await readElizaManifest(ctx.config.manifestPath);
}
function packageDir(config) {
  return path4.dirname(config.manifestPath);
}
function tarballPath(config, name, version) {
  return path4.join(config.distDir, npmPackFileName(name, version));
}
function distTag(config, version) {
  return config.npm.tag ?? defaultDistTag(version);
}
async function registryOf(ctx, name) {
  const s = runState(ctx);
  return s.registry ??= await resolveRegistry(
    ctx.config.npm.registry,
    name,
    packageDir(ctx.config),
    ctx.config.env
  );
}
function accessOf(config, registry) {
  return { registry, token: config.npm.token, env: config.env };
}
function targetOf(config, name, registry) {
  return {
    name,
    registry,
    explicit: config.npm.registry !== void 0,
    token: config.npm.token,
    cwd: packageDir(config),
    env: config.env
  };
}
async function reportImages(ctx, reporter) {
  const s = runState(ctx);
  if (s.imagesReported) return;
  s.imagesReported = true;
  for (const w of await imageWarnings(packageDir(ctx.config)))
    reporter.warning(w.message, { file: w.file });
}

// src/ecosystems/elizaos/destinations.ts
async function served(access, name, version) {
  const base = retryPolicyFromEnv(access.env).baseMs;
  for (let i = 0; i < 8; i++) {
    const doc = await readPackument(access, name);
    if (doc?.versions?.[version] !== void 0) return doc;
    await sleep(Math.min(base * 2 ** i, base * 30));
  }
  return void 0;
}
var npmDestination = {
  name: "npm",
  skip: () => void 0,
  async run(ctx) {
    const { config, reporter } = ctx;
    const { pkg } = await manifestOf(ctx);
    const spec = `${pkg.name}@${pkg.version}`;
    const registry = await registryOf(ctx, pkg.name);
    const access = accessOf(config, registry);
    const target = targetOf(config, pkg.name, registry);
    const file = tarballPath(config, pkg.name, pkg.version);
    const { integrity } = await npmDigests(file).catch((e) => {
      throw new ReleaseError(
        "DIST_MISSING",
        `the npm tarball ${file} is not here to publish: run pack first (or download the pack job's dist)`,
        { cause: e }
      );
    });
    const tag = distTag(config, pkg.version);
    const state = await checkVersion(access, pkg.name, pkg.version, { file, integrity });
    if (state.kind === "unchanged-contents") {
      reporter.warning(
        `npm: ${spec} is on ${registry} with the same files as ${file} but other bytes: nothing was published, and the release asset is not the registry's tarball. Run pack and the release again so the release carries the registry's tarball`
      );
    }
    if (state.kind === "new") {
      await npmPublish(target, file, {
        tag,
        access: config.npm.access,
        provenance: config.npm.provenance
      });
    }
    const doc = await served(access, pkg.name, pkg.version);
    if (doc === void 0) {
      throw new ReleaseError(
        "NPM_PUBLISH",
        `npm reported ${spec} published, but ${registry} does not serve it: check the registry (and npm-registry), then run again`
      );
    }
    const theirs = doc.versions[pkg.version].dist?.integrity;
    if (state.kind === "new" && theirs !== integrity) {
      throw new ReleaseError(
        "NPM_PUBLISH",
        `${registry} serves ${spec} with integrity ${theirs ?? "(none)"}, not the published tarball's ${integrity}`
      );
    }
    if (doc["dist-tags"]?.[tag] !== pkg.version) await npmDistTagAdd(target, pkg.version, tag);
    const what = state.kind === "new" ? `published ${spec}` : `${spec} was already published (unchanged), nothing sent`;
    reporter.info(`npm: ${what} on ${registry}; dist-tag ${tag} -> ${pkg.version}`);
    reporter.summary(
      `npm: ${state.kind === "new" ? "published" : "unchanged"} **${spec}** on ${registry} with dist-tag \`${tag}\``
    );
  }
};
var registryPullRequestDestination = {
  name: "registry-pr",
  skip: (ctx) => ctx.config.registry.repo === void 0 ? "registry-repo is not set" : void 0,
  async run(ctx) {
    const { config, reporter } = ctx;
    const { pkg } = await manifestOf(ctx);
    const repo = config.registry.repo;
    const title = `Register ${pkg.name}`;
    const result = await openRegistryPullRequest({
      apiUrl: config.apiUrl,
      token: config.registry.token,
      repo: { owner: repo.owner, name: repo.name },
      dirCandidates: [...ENTRY_DIRS],
      fileName: entryFileName(pkg.name),
      content: registryEntryText(pkg),
      branch: entryBranch(pkg.name),
      title,
      commitMessage: title,
      body: pullRequestBody(registryEntry(pkg)),
      log: (m) => reporter.info(`registry-pr: ${m}`)
    });
    const where = `${repo.owner}/${repo.name}`;
    const line = result.action === "already-on-base" ? `${result.path} in ${where} already lists ${pkg.name} with this content; no pull request needed` : `pull request ${result.action}${result.url ? `: ${result.url}` : ""} (${result.path} in ${where})`;
    reporter.info(`registry: ${line}`);
    reporter.summary(`### ElizaOS registry

${line}
`);
  }
};

// src/ecosystems/elizaos/pack.ts
import fs4 from "node:fs/promises";
import path5 from "node:path";
function staleArtifacts(files, pkgDir, distDir) {
  const rel = path5.relative(pkgDir, distDir);
  if (rel.startsWith("..") || path5.isAbsolute(rel)) return [];
  const prefix = rel === "" ? "" : `${rel.split(path5.sep).join("/")}/`;
  return files.filter(
    (f) => f.startsWith(prefix) && !f.slice(prefix.length).includes("/") && /\.tgz(\.[a-z0-9.]+)?$/.test(f)
  );
}
async function writeEntry(file, pkg, reporter) {
  const st = await fs4.stat(file).catch(() => void 0);
  const target = st?.isDirectory() || !file.endsWith(".json") ? path5.join(file, entryFileName(pkg.name)) : file;
  if (path5.basename(target) !== entryFileName(pkg.name)) {
    reporter.warning(
      `registry-entry: the ElizaOS registry names this entry ${entryFileName(pkg.name)}, not ${path5.basename(target)}`,
      { file: target }
    );
  }
  await fs4.mkdir(path5.dirname(target), { recursive: true });
  await writeAtomic(target, registryEntryText(pkg));
  reporter.info(`registry entry: wrote ${target}`);
}
async function packEliza(ctx) {
  const { config, reporter } = ctx;
  const { pkg } = await manifestOf(ctx);
  await reportImages(ctx, reporter);
  const dir = packageDir(config);
  const expected = npmPackFileName(pkg.name, pkg.version);
  const packed = await npmPack(dir, config.distDir, config.env);
  const refuse = async (code, message) => {
    await fs4.rm(packed.file, { force: true });
    throw new ReleaseError(code, message, { location: { file: config.manifestPath } });
  };
  if (packed.packageName !== pkg.name || packed.version !== pkg.version || packed.name !== expected) {
    await refuse(
      "NPM_PACK",
      `npm packed ${packed.packageName}@${packed.version} as ${packed.name}, but ${config.manifestPath} is ${pkg.name}@${pkg.version} (${expected}): package.json changed while packing, or npm read another one. Run again`
    );
  }
  const stale = staleArtifacts(packed.files, dir, config.distDir);
  if (stale.length > 0) {
    await refuse(
      "ARTIFACT_REFUSED",
      `the npm package would contain ${stale.join(", ")}: release artifacts of an earlier run in dist, which is inside the package. List what to publish in package.json "files" (e.g. ["dist/index.js"]), or set dist: to a folder outside the package (e.g. \${{ runner.temp }}/release)`
    );
  }
  const state = runState(ctx).version;
  let asset;
  if (state?.kind === "unchanged-contents") {
    asset = await writeAtomic(packed.file, state.tarball);
    reporter.info(
      `pack: ${packed.name} is the registry's tarball of ${pkg.name}@${pkg.version} (same files as npm pack makes here, other bytes)`
    );
  } else {
    asset = {
      name: packed.name,
      path: packed.file,
      size: packed.size,
      sha256: packed.sha256,
      target: null
    };
    reporter.info(
      `pack: ${packed.name} ${packed.size} bytes, ${packed.files.length} files, ${packed.integrity}`
    );
  }
  await writeSidecar(asset.path, asset.sha256);
  if (config.registry.entry !== void 0) await writeEntry(config.registry.entry, pkg, reporter);
  return [asset, sidecarAsset(asset)];
}

// src/ecosystems/elizaos/preflight.ts
import fs5 from "node:fs/promises";
import os2 from "node:os";
import path6 from "node:path";
async function ourTarball(ctx, name, version) {
  const inDist = tarballPath(ctx.config, name, version);
  if (ctx.config.command !== "all" && await isFile(inDist)) {
    return { file: inDist, integrity: (await npmDigests(inDist)).integrity };
  }
  const tmp = await fs5.mkdtemp(path6.join(os2.tmpdir(), "elizaos-preflight-"));
  const packed = await npmPack(packageDir(ctx.config), tmp, ctx.config.env);
  return {
    file: packed.file,
    integrity: packed.integrity,
    cleanup: () => fs5.rm(tmp, { recursive: true, force: true })
  };
}
async function isFile(p) {
  return (await fs5.stat(p).catch(() => void 0))?.isFile() === true;
}
async function preflightEliza(ctx) {
  const { config, reporter } = ctx;
  const { pkg } = await manifestOf(ctx);
  await reportImages(ctx, reporter);
  if (config.registry.repo !== void 0 && config.registry.token === "") {
    throw new ReleaseError(
      "USAGE",
      `registry-repo is ${config.registry.repo.owner}/${config.registry.repo.name} but registry-token is empty: the pull request needs a token that can fork it and open pull requests (the default GITHUB_TOKEN cannot). Pass registry-token: \${{ secrets.REGISTRY_TOKEN }}, or drop registry-repo. Nothing was published`
    );
  }
  if (config.npm.provenance) requireOidc(config.env);
  const registry = await registryOf(ctx, pkg.name);
  const target = targetOf(config, pkg.name, registry);
  if (config.npm.token === "") {
    reporter.info(
      `npm: no npm-token or NODE_AUTH_TOKEN: npm publishes to ${registry} with its own configuration (an .npmrc or trusted publishing)`
    );
  } else {
    try {
      reporter.info(`npm: the token is ${await npmWhoami(target)}'s on ${registry}`);
    } catch (e) {
      if (isReleaseError(e, "NPM_AUTH")) throw e;
      reporter.warning(
        `npm: could not check the token with npm whoami on ${registry}: ${e.message}`
      );
    }
  }
  let cleanup;
  try {
    const state = await checkVersion(
      accessOf(config, registry),
      pkg.name,
      pkg.version,
      async () => {
        const t = await ourTarball(ctx, pkg.name, pkg.version);
        cleanup = t.cleanup;
        return t;
      }
    );
    runState(ctx).version = state;
    if (state.kind === "new") {
      reporter.info(
        `npm: ${pkg.name}@${pkg.version} is not on ${registry} yet; it is published after the GitHub release`
      );
    } else if (state.kind === "unchanged") {
      reporter.info(
        `npm: ${pkg.name}@${pkg.version} is already on ${registry} with this tarball (${state.integrity}): nothing to publish there`
      );
    } else if (state.kind === "unchanged-contents") {
      reporter.info(
        `npm: ${pkg.name}@${pkg.version} is already on ${registry} with the same files but other tarball bytes (another npm packed it): nothing to publish, and the release carries the registry's tarball`
      );
      const inDist = tarballPath(config, pkg.name, pkg.version);
      if (config.command !== "all" && await isFile(inDist)) {
        const asset = await writeAtomic(inDist, state.tarball);
        await writeSidecar(inDist, asset.sha256);
      }
    }
  } finally {
    await cleanup?.();
  }
}

// src/ecosystems/elizaos/tag.ts
var import_semver3 = __toESM(require_semver(), 1);
function parseElizaTag(tag) {
  const version = tag.startsWith("v") ? tag.slice(1) : "";
  if (version === "" || import_semver3.default.valid(version) !== version) {
    const why = !tag.startsWith("v") ? /^\d/.test(tag) ? `it needs a leading 'v' (v${tag})` : "it must start with 'v'" : version.includes("+") ? "build metadata ('+...') is not allowed: npm drops it" : "the part after v is not strict SemVer";
    throw new ReleaseError(
      "TAG_INVALID",
      `tag '${tag}' does not match v<version>: ${why}. Expected v + the version in package.json, e.g. v1.0.0 or v1.1.0-beta.1`
    );
  }
  return { tag, version, prerelease: (import_semver3.default.prerelease(version) ?? []).length > 0 };
}

// src/ecosystems/elizaos/verify.ts
import { createHash as createHash4 } from "node:crypto";

// src/ecosystems/elizaos/verify-npm.ts
var import_semver4 = __toESM(require_semver(), 1);
import { createHash as createHash3 } from "node:crypto";

// src/npm/install.ts
import fs6 from "node:fs/promises";
import os3 from "node:os";
import path7 from "node:path";
async function npmInstallCheck(t, version) {
  const dir = await fs6.mkdtemp(path7.join(os3.tmpdir(), "npm-install-check-"));
  try {
    await withNpmToken(t.registry, t.token, t.env, async (auth) => {
      const args = [
        "install",
        "--ignore-scripts",
        "--no-audit",
        "--no-fund",
        "--no-package-lock",
        "--prefer-online",
        "--prefix",
        dir,
        `--registry=${t.registry}`,
        `${t.name}@${version}`,
        ...auth
      ];
      const scope = /^(@[^/]+)\//.exec(t.name)?.[1];
      if (scope !== void 0) args.push(`--${scope}:registry=${t.registry}`);
      try {
        await runNpm(args, { cwd: dir, env: t.env });
      } catch (e) {
        const said = e instanceof NpmCommandError ? `npm ${e.npmCode ?? "said"}: ${e.message}` : String(e);
        throw new ReleaseError(
          "NPM_PUBLISH",
          `npm install ${t.name}@${version} from ${t.registry} into an empty directory failed (${said})`,
          { cause: e }
        );
      }
    });
    const installed = JSON.parse(
      await fs6.readFile(
        path7.join(dir, "node_modules", ...t.name.split("/"), "package.json"),
        "utf8"
      )
    );
    return String(installed.version);
  } finally {
    await fs6.rm(dir, { recursive: true, force: true });
  }
}

// src/ecosystems/elizaos/verify-npm.ts
async function verifyOnRegistry(c) {
  const { config, findings, name, version } = c;
  const spec = `${name}@${version}`;
  let registry;
  let doc;
  try {
    registry = await resolveRegistry(
      config.npm.registry,
      name,
      config.workingDirectory,
      config.env
    );
    doc = await readPackument(accessOf(config, registry), name);
  } catch (e) {
    findings.fail("npm-version", spec, "RegistryUnreachable", e.message);
    return;
  }
  const entry = doc?.versions?.[version];
  if (entry === void 0) {
    findings.fail(
      "npm-version",
      spec,
      "NotOnRegistry",
      `${registry} does not serve ${spec}${doc === null ? ` (no package ${name} at all)` : ""}: the npm publish did not happen or failed. Run the release again: it publishes what is missing`
    );
    return;
  }
  findings.pass("npm-version", spec, `${registry} serves it`);
  const theirs = entry.dist?.integrity;
  if (theirs === c.integrity)
    findings.pass("npm-integrity", spec, `dist.integrity is the release asset's (${theirs})`);
  else
    findings.fail(
      "npm-integrity",
      spec,
      "IntegrityMismatch",
      `the registry's dist.integrity is ${theirs ?? "(none)"}, the release asset's ${c.integrity}`
    );
  const tag = distTag(config, version);
  const tagged = doc?.["dist-tags"]?.[tag];
  if (tagged === version) findings.pass("npm-dist-tag", `${name}@${tag}`, `points at ${version}`);
  else if (tagged !== void 0 && import_semver4.default.valid(tagged) !== null && import_semver4.default.gt(tagged, version)) {
    findings.info("npm-dist-tag", `${name}@${tag}`, `points at ${tagged}, a later release`);
  } else {
    findings.fail(
      "npm-dist-tag",
      `${name}@${tag}`,
      "DistTagMismatch",
      `dist-tag ${tag} points at ${tagged ?? "nothing"}, not ${version}: npm install ${name}@${tag} gets another version. Run the release again, or npm dist-tag add ${spec} ${tag}`
    );
  }
  const url = entry.dist?.tarball;
  try {
    const bytes = url === void 0 ? null : await fetchTarball(accessOf(config, registry), url);
    const sha = bytes === null ? void 0 : createHash3("sha256").update(bytes).digest("hex");
    if (sha === c.sha256)
      findings.pass(
        "npm-tarball",
        spec,
        `the registry's tarball is byte-equal to the release asset (sha256 ${sha})`
      );
    else
      findings.fail(
        "npm-tarball",
        spec,
        "TarballMismatch",
        sha === void 0 ? `the registry has no tarball for it (${url ?? "no dist.tarball"})` : `the registry's tarball (sha256 ${sha}) is not the release asset (sha256 ${c.sha256})`
      );
  } catch (e) {
    findings.fail("npm-tarball", spec, "RegistryUnreachable", e.message);
  }
  try {
    const got = await npmInstallCheck(
      { ...targetOf(config, name, registry), explicit: true },
      version
    );
    if (got === version)
      findings.pass(
        "npm-install",
        spec,
        `npm install --ignore-scripts ${spec} from ${registry} into an empty directory installs ${got}`
      );
    else
      findings.fail("npm-install", spec, "InstallFailed", `npm install ${spec} installed ${got}`);
  } catch (e) {
    findings.fail("npm-install", spec, "InstallFailed", e.message);
  }
}

// src/ecosystems/elizaos/verify.ts
var MAX_TARBALL = 512 * 1024 * 1024;
async function readAll(source, name) {
  const parts = [];
  for await (const c of await source.open(name)) parts.push(c);
  return Buffer.concat(parts);
}
function checkSidecar(findings, name, sidecar, sha256) {
  const subject = `${name}.sha256`;
  if (sidecar === void 0) {
    findings.fail(
      "sidecar",
      subject,
      "Sha256Missing",
      `${subject} is missing (or larger than a sidecar can be); every artifact carries one: bare lowercase hex and a newline`
    );
  } else if (sidecar.toString("utf8") === `${sha256}
`) {
    findings.pass("sidecar", subject, `matches ${name} (${sha256})`);
  } else if (sidecar.toString("utf8").trim().split(/\s+/)[0]?.toLowerCase() === sha256) {
    findings.fail(
      "sidecar",
      subject,
      "Sha256Invalid",
      `${subject} names the right hash but not as bare lowercase hex and one LF`
    );
  } else {
    findings.fail(
      "sidecar",
      subject,
      "Sha256Mismatch",
      `${subject} says ${sidecar.toString("utf8").trim().slice(0, 80)}, but ${name} hashes to ${sha256}`
    );
  }
}
function checkLayout(findings, name, contents) {
  const roots = [...new Set([...contents.values()].map((e) => e.root))];
  const odd = [...contents.values()].filter((e) => e.type !== "File" && e.type !== "OldFile");
  if (roots.length !== 1 || roots[0] !== "package") {
    findings.fail(
      "layout",
      name,
      "PackageLayout",
      `entries lie under ${roots.map((r) => `${r}/`).join(", ") || "nothing"}; npm's tarballs hold everything under package/`
    );
  } else if (odd.length > 0) {
    findings.fail(
      "layout",
      name,
      "PackageLayout",
      `${odd.length} entries are not regular files (${odd.map((e) => e.type).join(", ")}); npm packs regular files only`
    );
  } else {
    findings.pass("layout", name, `${contents.size} files under package/`);
  }
}
async function verifyEliza(o) {
  const { source, findings, config, stage, tag } = o;
  const tgzs = source.files.filter((f) => f.name.endsWith(".tgz"));
  if (tgzs.length !== 1) {
    findings.fail(
      "artifact",
      source.label,
      "TarballMissing",
      tgzs.length === 0 ? "no npm tarball (.tgz) here: run pack, or check the release assets" : `${tgzs.length} npm tarballs (${tgzs.map((f) => f.name).join(", ")}); a release carries exactly one`
    );
    return { id: null, version: null };
  }
  const tgz = tgzs[0];
  if (tgz.size > MAX_TARBALL) {
    findings.fail("artifact", tgz.name, "TarballTooLarge", `${tgz.size} bytes; not read`);
    return { id: null, version: null };
  }
  const bytes = await readAll(source, tgz.name);
  const sha256 = createHash4("sha256").update(bytes).digest("hex");
  const integrity = `sha512-${createHash4("sha512").update(bytes).digest("base64")}`;
  checkSidecar(findings, tgz.name, await readSmall(source, `${tgz.name}.sha256`, 1024), sha256);
  let contents;
  try {
    contents = await tarballContents(bytes, (p) => p === "package.json");
  } catch (e) {
    findings.fail(
      "tarball",
      tgz.name,
      "TarballInvalid",
      `not a gzip tar archive npm can read: ${e.message}`
    );
    return { id: null, version: null };
  }
  checkLayout(findings, tgz.name, contents);
  const body = contents.get("package.json")?.body;
  if (body === void 0) {
    findings.fail(
      "manifest",
      `${tgz.name}:package/package.json`,
      "ManifestMissing",
      "the tarball has no package/package.json"
    );
    return { id: null, version: null };
  }
  const checked = checkManifestText(body.toString("utf8"), `${tgz.name}:package/package.json`);
  if (checked.pkg === void 0) {
    for (const d of checked.diagnostics)
      findings.fail(
        "manifest",
        `${tgz.name}:package/package.json:${d.location?.line}:${d.location?.column}`,
        "ManifestInvalid",
        d.message
      );
    return { id: null, version: null };
  }
  const pkg = checked.pkg;
  findings.pass(
    "manifest",
    `${tgz.name}:package/package.json`,
    `${pkg.name}@${pkg.version}, agentConfig ${PLUGIN_TYPE}`
  );
  const expected = npmPackFileName(pkg.name, pkg.version);
  if (tgz.name === expected)
    findings.pass("name", tgz.name, `npm's name for ${pkg.name}@${pkg.version}`);
  else
    findings.fail(
      "name",
      tgz.name,
      "AssetName",
      `npm names ${pkg.name}@${pkg.version} ${expected}`
    );
  if (tag !== void 0) {
    if (tag === `v${pkg.version}`)
      findings.pass("tag", tag, `v + package.json version ${pkg.version}`);
    else
      findings.fail(
        "tag",
        tag,
        "VersionMismatch",
        `the package inside is ${pkg.version}; its tag is v${pkg.version}`
      );
  }
  if (stage === "local") {
    for (const w of await imageWarnings(packageDir(config)))
      findings.warn("images", w.file, "ImageRule", w.message);
  }
  if (stage === "published") {
    await verifyOnRegistry({
      config,
      findings,
      name: pkg.name,
      version: pkg.version,
      integrity,
      sha256
    });
  }
  return { id: pkg.name, version: pkg.version };
}

// src/ecosystems/elizaos/index.ts
var profile = {
  name: "elizaos",
  manifestFile: "package.json",
  consumer: "npm and the ElizaOS registry",
  checksLiveState: true,
  readManifest: async (config) => (await readElizaManifest(config.manifestPath)).manifest,
  parseTag: parseElizaTag,
  plan(config, manifest) {
    const name = npmPackFileName(manifest.id, manifest.version);
    return {
      artifacts: [{ name, path: path8.join(config.distDir, name), target: null }],
      nativeFiles: [],
      plainAssets: []
    };
  },
  preflight: preflightEliza,
  pack: packEliza,
  verify: verifyEliza,
  destinations: [npmDestination, registryPullRequestDestination]
};
export {
  profile
};
