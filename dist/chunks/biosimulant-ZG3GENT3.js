import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  readZip,
  sortZipEntries,
  writeZip
} from "./chunk-JEOTBGZT.js";
import {
  PUBLIC_KEY_BYTES,
  SIGNATURE_BYTES,
  ed25519PublicKey,
  ed25519Sign,
  ed25519Verify
} from "./chunk-5XWO7BQN.js";
import {
  JsonSyntaxError,
  parseJsonSource
} from "./chunk-MJKKV7UF.js";
import "./chunk-RHUK7HM2.js";
import {
  resolveEpoch,
  sidecarAsset,
  writeSidecar
} from "./chunk-NQ4AEWQV.js";
import {
  parseSidecar
} from "./chunk-FJWAMQ2K.js";
import {
  readSmall
} from "./chunk-DU3MOISV.js";
import {
  formatBytes
} from "./chunk-R5SGE6HV.js";
import {
  forEachChunk
} from "./chunk-HQQIT7FK.js";
import "./chunk-JJKM5RR3.js";
import "./chunk-GWJQWK7Z.js";
import "./chunk-2TJC7A4H.js";
import {
  ReleaseError
} from "./chunk-S5POLVOE.js";
import "./chunk-5ZJU6YLT.js";

// src/ecosystems/biosimulant/manifest.ts
import { basename } from "node:path";

// src/manifest/json-locate.ts
function parseLocatedJson(text) {
  try {
    const src = parseJsonSource(text);
    const at = (path6) => path6.length === 0 ? src.at(path6) : src.keyAt(path6);
    return { value: src.value, duplicates: src.duplicates, at };
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    return { error: { message: e.message, line: e.line, column: e.column } };
  }
}

// src/ecosystems/biosimulant/manifest.ts
var MANIFEST_FILE = "plugin.json";
var ID_RE = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
var VERSION_RE = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
var SEMVER_RE = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
var PLATFORMS = ["macos", "linux", "windows"];
var ARCHITECTURES = ["x86_64", "arm64"];
function relativePathProblem(p) {
  if (p === "") return "it is empty";
  if (p.includes("\\")) return "it contains '\\' (use '/' as the separator)";
  if (/[\r\n\0]/.test(p)) return "it contains a line break or NUL";
  if (p.startsWith("/")) return "it starts with '/' (it must be relative to the package root)";
  const bad = p.split("/").find((s) => s === "" || s === "." || s === "..");
  if (bad !== void 0) return `it has ${bad === "" ? "an empty" : `a '${bad}'`} segment`;
  return void 0;
}
function listProblem(v, allowed) {
  if (!Array.isArray(v)) return "must be an array of strings";
  if (v.length === 0)
    return `must not be empty (leave it out, or list some of ${allowed.join(", ")})`;
  const wrong = v.filter((x) => typeof x !== "string" || !allowed.includes(x));
  if (wrong.length > 0) {
    return `has ${wrong.map((x) => JSON.stringify(x)).join(", ")}: allowed values are ${allowed.join(", ")}`;
  }
  const dup = v.find((x, i) => v.indexOf(x) !== i);
  if (dup !== void 0) return `lists ${JSON.stringify(dup)} twice`;
  return void 0;
}
var RULES = {
  id: (v) => typeof v !== "string" || !ID_RE.test(v) ? `must be lowercase letters, digits and '-', 1-64 characters, starting and ending with a letter or digit (${ID_RE.source}), e.g. "cell-counter"` : void 0,
  version: (v) => typeof v !== "string" || !VERSION_RE.test(v) ? 'must be SemVer MAJOR.MINOR.PATCH with an optional -prerelease and no +build metadata, e.g. "1.2.0" or "1.2.0-rc.1"' : void 0,
  entrypoint: (v) => {
    if (typeof v !== "string") return "must be a string: the relative path of the file to run";
    const why = relativePathProblem(v);
    return why ? `must be a relative path with '/' separators: ${why}` : void 0;
  },
  name: (v) => typeof v !== "string" || v === "" ? "must be a non-empty string" : void 0,
  description: (v) => typeof v !== "string" || v === "" ? "must be a non-empty string" : void 0,
  platforms: (v) => listProblem(v, PLATFORMS),
  architectures: (v) => listProblem(v, ARCHITECTURES),
  min_desktop_version: (v) => typeof v !== "string" || !SEMVER_RE.test(v) ? 'must be a strict SemVer version, e.g. "0.9.0"' : void 0
};
var REQUIRED = ["id", "version", "entrypoint"];
function decode(bytes, file, out) {
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const good = Buffer.from(bytes).toString("utf8").indexOf("\uFFFD");
    const before = Buffer.from(bytes).toString("utf8").slice(0, Math.max(0, good));
    const line = before.split("\n").length;
    const column = before.length - before.lastIndexOf("\n");
    out.push({
      message: `${basename(file)} is not valid UTF-8; re-save it as UTF-8`,
      location: { file, line, column }
    });
    return void 0;
  }
  if (text.startsWith("\uFEFF")) {
    out.push({
      message: `${basename(file)} starts with a byte order mark, which JSON readers refuse; re-save it as UTF-8 without BOM`,
      location: { file, line: 1, column: 1 }
    });
    return void 0;
  }
  return text;
}
function checkManifest(bytes, file) {
  const diagnostics = [];
  const text = decode(bytes, file, diagnostics);
  if (text === void 0) return { diagnostics, syntax: true };
  const parsed = parseLocatedJson(text);
  if ("error" in parsed) {
    const { message, line, column } = parsed.error;
    return {
      diagnostics: [
        {
          message: `${basename(file)} is not valid JSON: ${message}; fix the syntax at this position`,
          location: { file, line, column }
        }
      ],
      syntax: true
    };
  }
  const at = (p) => ({ file, ...parsed.at(p) });
  const doc = parsed.value;
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    return {
      diagnostics: [{ message: `${basename(file)} must hold a JSON object`, location: at([]) }],
      syntax: false
    };
  }
  const obj = doc;
  for (const d of parsed.duplicates) {
    diagnostics.push({
      message: `key "${String(d.path.at(-1))}" is written twice; readers disagree on which one counts. Keep one`,
      location: { file, ...d.position }
    });
  }
  for (const key of REQUIRED) {
    if (!Object.hasOwn(obj, key)) {
      diagnostics.push({ message: `"${key}" is required`, location: at([]) });
    }
  }
  for (const [key, rule] of Object.entries(RULES)) {
    if (!Object.hasOwn(obj, key)) continue;
    const why = rule(obj[key]);
    if (why) diagnostics.push({ message: `"${key}" ${why}`, location: at([key]) });
  }
  diagnostics.sort(
    (a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0)
  );
  if (diagnostics.length > 0) return { diagnostics, syntax: false };
  const str = (k) => typeof obj[k] === "string" ? obj[k] : "";
  const manifest = {
    id: str("id"),
    version: str("version"),
    name: str("name") || str("id"),
    description: str("description"),
    entrypoint: str("entrypoint"),
    file,
    text
  };
  return { manifest, diagnostics, syntax: false };
}
function manifestError(file, check) {
  const lines = check.diagnostics.map(
    (d) => `  ${d.location?.file}:${d.location?.line}:${d.location?.column}: ${d.message}`
  );
  const n = check.diagnostics.length;
  const what = check.syntax ? "cannot be read as UTF-8 JSON" : `has ${n} problem${n === 1 ? "" : "s"} Biosimulant would reject`;
  return new ReleaseError(
    check.syntax ? "MANIFEST_PARSE" : "MANIFEST_INVALID",
    `${file} ${what}:
${lines.join("\n")}`,
    {
      location: check.diagnostics[0]?.location ?? { file },
      diagnostics: check.diagnostics
    }
  );
}

// src/ecosystems/biosimulant/pack.ts
import { createWriteStream } from "node:fs";
import fs3 from "node:fs/promises";
import path5 from "node:path";

// src/ecosystems/biosimulant/integrity.ts
import { createHash } from "node:crypto";

// src/ecosystems/biosimulant/signing-key.ts
import { createPrivateKey } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
var SIGNER_ID_RE = /^[A-Za-z0-9._@-]{1,128}$/;
function invalid(message, cause) {
  return new ReleaseError("KEY_INVALID", message, cause === void 0 ? {} : { cause });
}
var HOW = "Create one with `openssl genpkey -algorithm ed25519 -out key.pem` and pass the whole file (the -----BEGIN PRIVATE KEY----- block) as a secret";
function pemText(value, cwd) {
  if (value.includes("-----BEGIN")) return { text: value, where: "signing-key" };
  const file = path.resolve(cwd, value);
  try {
    return { text: readFileSync(file, "utf8"), where: file };
  } catch (e) {
    throw invalid(
      `signing-key is neither a PEM block (no -----BEGIN line) nor a readable file (${file}: ${e.code ?? "unreadable"}). ${HOW}`,
      e
    );
  }
}
function pkcs8Der(text, where) {
  const blocks = [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g)];
  const labels = blocks.map((b) => b[1]);
  if (labels.includes("ENCRYPTED PRIVATE KEY")) {
    throw invalid(
      `${where} is an ENCRYPTED PRIVATE KEY; the action cannot prompt for a passphrase. Decrypt it (openssl pkey -in enc.pem -out key.pem) and keep the plain key in a secret`
    );
  }
  if (blocks.length !== 1 || labels[0] !== "PRIVATE KEY") {
    const found = blocks.length === 0 ? "no complete PEM block" : `${blocks.length} PEM block(s): ${labels.join(", ")}`;
    throw invalid(
      `${where} must hold exactly one Ed25519 "-----BEGIN PRIVATE KEY-----" block (PKCS#8), found ${found}. ${HOW}`
    );
  }
  const body = blocks[0][2].replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 !== 0) {
    throw invalid(`${where}: the PRIVATE KEY block is not valid base64. ${HOW}`);
  }
  return Buffer.from(body, "base64");
}
function keyObject(der, where) {
  try {
    return createPrivateKey({ key: der, format: "der", type: "pkcs8" });
  } catch (e) {
    throw invalid(`${where}: the PRIVATE KEY block is not a well-formed PKCS#8 key. ${HOW}`, e);
  }
}
function tlvs(buf) {
  const out = [];
  for (let i = 0; i < buf.length; ) {
    const tag = buf[i];
    let len = buf[i + 1];
    let at = i + 2;
    if (len === void 0) return void 0;
    if (len & 128) {
      const n = len & 127;
      if (n < 1 || n > 3 || at + n > buf.length) return void 0;
      len = buf.readUIntBE(at, n);
      at += n;
    }
    if (at + len > buf.length) return void 0;
    out.push({ tag, body: buf.subarray(at, at + len) });
    i = at + len;
  }
  return out;
}
function embeddedPublicKey(der) {
  const outer = tlvs(der)?.[0];
  const inner = outer?.tag === 48 ? tlvs(outer.body) : void 0;
  const pub = inner?.find((t) => t.tag === 129);
  return pub && pub.body[0] === 0 ? pub.body.subarray(1) : void 0;
}
function parseSigningKey(value, signerId, cwd) {
  if (value.trim() === "") return void 0;
  const { text, where } = pemText(value.trim(), cwd);
  const der = pkcs8Der(text, where);
  const key = keyObject(der, where);
  if (key.asymmetricKeyType !== "ed25519") {
    throw invalid(
      `${where} is a ${key.asymmetricKeyType?.toUpperCase() ?? "non-Ed25519"} key; a .bsiplugin is signed with Ed25519 only. ${HOW}`
    );
  }
  const jwk = key.export({ format: "jwk" });
  const seed = new Uint8Array(Buffer.from(jwk.d, "base64url"));
  const publicKey = ed25519PublicKey(seed);
  const carried = embeddedPublicKey(der);
  if (carried !== void 0 && !carried.equals(Buffer.from(publicKey))) {
    throw invalid(
      `${where}: the public key stored in the PKCS#8 v2 block does not match its private key. ${HOW}`
    );
  }
  if (signerId === "") {
    throw new ReleaseError(
      "USAGE",
      "signing-key is set but signer-id is empty: signature.json names its signer. Set signer-id (letters, digits, . _ @ -), e.g. signer-id: acme-lab"
    );
  }
  if (!SIGNER_ID_RE.test(signerId)) {
    throw new ReleaseError(
      "USAGE",
      `signer-id '${signerId}' must be 1-128 characters of letters, digits, '.', '_', '@' and '-' (no '=', ',' or blanks, so trusted-signing-keys can name it)`
    );
  }
  return { seed, publicKey, signerId };
}

// src/ecosystems/biosimulant/integrity.ts
var SUMS_PATH = "integrity/sha256sums.txt";
var SIGNATURE_PATH = "integrity/signature.json";
var SIGNATURE_FORMAT = "bsiplugin-signature/1";
function sumsText(files) {
  const sorted = [...files].sort(
    (a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path))
  );
  return Buffer.from(sorted.map((f) => `${f.sha256}  ${f.path}
`).join(""), "utf8");
}
function sha256(b) {
  return createHash("sha256").update(b).digest("hex");
}
function signatureJson(sums, key) {
  const record = key ? {
    format: SIGNATURE_FORMAT,
    algorithm: "ed25519",
    signer_id: key.signerId,
    public_key: Buffer.from(key.publicKey).toString("base64"),
    signed_file: SUMS_PATH,
    signed_sha256: sha256(sums),
    signature: Buffer.from(ed25519Sign(key.seed, sums)).toString("base64")
  } : {
    format: SIGNATURE_FORMAT,
    algorithm: "sha256",
    signed_file: SUMS_PATH,
    signed_sha256: sha256(sums)
  };
  return Buffer.from(`${JSON.stringify(record, null, 2)}
`, "utf8");
}
var SIGNED_KEYS = [
  "format",
  "algorithm",
  "signer_id",
  "public_key",
  "signed_file",
  "signed_sha256",
  "signature"
];
var UNSIGNED_KEYS = ["format", "algorithm", "signed_file", "signed_sha256"];
function parseSignature(bytes) {
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { problem: "it is not UTF-8" };
  }
  const parsed = parseLocatedJson(text);
  if ("error" in parsed) {
    const { message, line, column } = parsed.error;
    return { problem: `it is not JSON (${message} at ${line}:${column})` };
  }
  if (parsed.duplicates.length > 0) return { problem: "it writes a key twice" };
  const doc = parsed.value;
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    return { problem: "it is not a JSON object" };
  }
  const o = doc;
  const keys = Object.keys(o).join(",");
  const signed = o["algorithm"] === "ed25519";
  const expected = signed ? SIGNED_KEYS : UNSIGNED_KEYS;
  if (o["algorithm"] !== "ed25519" && o["algorithm"] !== "sha256") {
    return { problem: `algorithm is ${JSON.stringify(o["algorithm"])}, not "ed25519" or "sha256"` };
  }
  if (keys !== expected.join(",")) {
    return {
      problem: `its keys are ${keys || "none"}; the ${String(o["algorithm"])} form has exactly ${expected.join(", ")} in that order`
    };
  }
  if (o["format"] !== SIGNATURE_FORMAT) return { problem: `format is not "${SIGNATURE_FORMAT}"` };
  if (o["signed_file"] !== SUMS_PATH) return { problem: `signed_file is not "${SUMS_PATH}"` };
  const digest = o["signed_sha256"];
  if (typeof digest !== "string" || !/^[0-9a-f]{64}$/.test(digest)) {
    return { problem: "signed_sha256 is not 64 lowercase hex digits" };
  }
  if (!signed) return { algorithm: "sha256", signedSha256: digest };
  const signerId = o["signer_id"];
  if (typeof signerId !== "string" || !SIGNER_ID_RE.test(signerId)) {
    return { problem: `signer_id does not match ${SIGNER_ID_RE.source}` };
  }
  const publicKey = base64(o["public_key"], PUBLIC_KEY_BYTES);
  if (!publicKey) return { problem: "public_key is not base64 (with padding) of 32 bytes" };
  const signature = base64(o["signature"], SIGNATURE_BYTES);
  if (!signature) return { problem: "signature is not base64 (with padding) of 64 bytes" };
  return { algorithm: "ed25519", signedSha256: digest, signerId, publicKey, signature };
}
function base64(v, bytes) {
  const chars = 4 * Math.ceil(bytes / 3);
  if (typeof v !== "string" || v.length !== chars || !/^[A-Za-z0-9+/]+={0,2}$/.test(v)) {
    return void 0;
  }
  const b = Buffer.from(v, "base64");
  return b.length === bytes ? b : void 0;
}
function parseSums(bytes) {
  const problems = [];
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { lines: [], problems: ["it is not UTF-8"] };
  }
  if (text.startsWith("\uFEFF")) problems.push("it starts with a byte order mark");
  if (text === "") problems.push("it is empty");
  else if (!text.endsWith("\n")) problems.push("its last line has no final \\n");
  const lines = [];
  const rows = text.split("\n");
  if (rows.at(-1) === "") rows.pop();
  for (const [i, row] of rows.entries()) {
    const m = /^([0-9a-f]{64}) {2}([^\r\n]+)$/.exec(row);
    if (!m) {
      problems.push(
        `line ${i + 1} is not "<64 lowercase hex>  <path>"${row === "" ? " (a blank line)" : ""}`
      );
      continue;
    }
    const line = { sha256: m[1], path: m[2] };
    if (line.path === SUMS_PATH || line.path === SIGNATURE_PATH) {
      problems.push(`line ${i + 1} lists ${line.path}, which the list never covers`);
    }
    const prev = lines.at(-1);
    if (prev) {
      const order = Buffer.compare(Buffer.from(prev.path), Buffer.from(line.path));
      if (order === 0) problems.push(`line ${i + 1} lists ${line.path} again`);
      else if (order > 0)
        problems.push(`line ${i + 1} (${line.path}) is out of order: sort by path as bytes`);
    }
    lines.push(line);
  }
  return { lines, problems };
}

// src/ecosystems/biosimulant/payload.ts
import fs from "node:fs/promises";
import path2 from "node:path";

// src/ecosystems/biosimulant/scan.ts
import { createHash as createHash2 } from "node:crypto";
import zlib from "node:zlib";
var PRIVATE_KEY = /-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY)-----/;
var OVERLAP = 80;
async function scanFile(file) {
  const hash = createHash2("sha256");
  let crc = 0;
  let tail = "";
  let privateKey;
  const size = await forEachChunk(file, (chunk) => {
    hash.update(chunk);
    crc = zlib.crc32(chunk, crc);
    if (privateKey !== void 0) return;
    const text = tail + chunk.toString("latin1");
    privateKey = PRIVATE_KEY.exec(text)?.[1];
    tail = text.slice(-OVERLAP);
  });
  return { size, sha256: hash.digest("hex"), crc32: crc >>> 0, privateKey };
}
function scanBytes(data) {
  return {
    size: data.length,
    sha256: createHash2("sha256").update(data).digest("hex"),
    crc32: zlib.crc32(data) >>> 0,
    privateKey: PRIVATE_KEY.exec(data.toString("latin1"))?.[1]
  };
}

// src/ecosystems/biosimulant/payload.ts
var RESERVED_DIR = "integrity";
function isHidden(name) {
  return name.startsWith(".");
}
function refusedName(name) {
  if (name.startsWith(".env")) return "an environment file (.env*) holds secrets";
  if (/\.(p12|pfx)$/i.test(name)) return "a PKCS#12 key store (.p12/.pfx) holds private keys";
  return void 0;
}
async function realOrUndefined(p) {
  return fs.realpath(p).catch(() => void 0);
}
function refuse(w, abs, why) {
  w.refused.push({ message: `${abs}: ${why}`, location: { file: abs } });
}
async function visit(w, abs, rel, ancestors) {
  const name = path2.basename(abs);
  const top = !rel.includes("/");
  const lst = await fs.lstat(abs).catch((e) => {
    if (e.code === "ENOENT") return void 0;
    throw e;
  });
  if (lst === void 0) {
    return refuse(
      w,
      abs,
      "its name is not valid UTF-8 (or it vanished while being read); rename it"
    );
  }
  const named = refusedName(name);
  if (named && !lst.isDirectory())
    return refuse(w, abs, `${named}; delete it or move it out of the payload directory`);
  if (isHidden(name)) return;
  if (/[\r\n\\]/.test(rel)) {
    return refuse(
      w,
      abs,
      "a path with a line break or '\\' cannot be listed in integrity/sha256sums.txt; rename it"
    );
  }
  const real = await realOrUndefined(abs);
  if (real === void 0) {
    throw new ReleaseError(
      "UNSUPPORTED_FILE",
      `symlink ${abs} is broken (its target does not exist). Remove it or point it at a file inside the payload directory`
    );
  }
  if (lst.isSymbolicLink()) {
    const inside = path2.relative(w.realRoot, real);
    if (inside === ".." || inside.startsWith(`..${path2.sep}`) || path2.isAbsolute(inside)) {
      throw new ReleaseError(
        "SYMLINK_OUTSIDE",
        `symlink ${abs} leads out of the payload directory (to ${real}); a package stores a link as the file it points to, and only files inside ${w.spec.root} may go in. Copy the file into the payload instead`
      );
    }
  }
  const st = await fs.stat(real);
  if (st.isDirectory()) {
    if (real === w.realDist || top && name === "dist") return;
    if (top && name === RESERVED_DIR) {
      return refuse(
        w,
        abs,
        `${RESERVED_DIR}/ is reserved for the package's checksum list and signature; rename it`
      );
    }
    if (ancestors.has(real)) {
      throw new ReleaseError(
        "UNSUPPORTED_FILE",
        `symlink cycle at ${abs}: it leads back to ${real}. Remove the link`
      );
    }
    const next = new Set(ancestors).add(real);
    for (const child of (await fs.readdir(abs)).sort()) {
      await visit(w, path2.join(abs, child), `${rel}/${child}`, next);
    }
    return;
  }
  if (!st.isFile()) {
    throw new ReleaseError(
      "UNSUPPORTED_FILE",
      `${abs} is not a regular file or directory (a device, FIFO or socket); only files can be packed. Remove it from the payload directory`
    );
  }
  if (top && name === MANIFEST_FILE) {
    if (real === w.realManifest) return;
    return refuse(
      w,
      abs,
      `${MANIFEST_FILE} at the payload root is reserved for the manifest, and this one is not the manifest (${w.spec.manifestPath}); rename it or point manifest at it`
    );
  }
  if (top && name === RESERVED_DIR) {
    return refuse(
      w,
      abs,
      `${RESERVED_DIR} is reserved for the package's checksum list and signature; rename it`
    );
  }
  const scan = await scanFile(real);
  if (scan.privateKey !== void 0) {
    return refuse(
      w,
      abs,
      `it holds a "${scan.privateKey}" block: a private key must never ship in a package. Delete it or move it out of the payload directory`
    );
  }
  w.files.push({ ...scan, path: rel, source: real });
}
async function collectPayload(spec) {
  const realRoot = await realOrUndefined(spec.root);
  if (realRoot === void 0 || !(await fs.stat(realRoot)).isDirectory()) {
    throw new ReleaseError(
      "USAGE",
      `payload-dir ${spec.root} is not a directory; set payload-dir to the folder whose files go into the package (default: the manifest's folder)`
    );
  }
  const w = {
    spec,
    realRoot,
    realDist: await realOrUndefined(spec.distDir),
    realManifest: await realOrUndefined(spec.manifestPath),
    files: [],
    refused: []
  };
  for (const child of (await fs.readdir(realRoot)).sort()) {
    await visit(w, path2.join(spec.root, child), child, /* @__PURE__ */ new Set([realRoot]));
  }
  if (w.refused.length > 0) {
    const list = w.refused.map((d) => `  ${d.message}`).join("\n");
    throw new ReleaseError(
      "ARTIFACT_REFUSED",
      `${w.refused.length} file${w.refused.length === 1 ? "" : "s"} in the payload directory must not be packed:
${list}`,
      { location: w.refused[0].location, diagnostics: w.refused }
    );
  }
  return w.files.sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
}

// src/ecosystems/biosimulant/plan.ts
import path3 from "node:path";
var EXTENSION = ".bsiplugin";
function packageName(id, version) {
  return `${id}-${version}${EXTENSION}`;
}
function planBiosimulant(config, manifest) {
  const name = packageName(manifest.id, manifest.version);
  return {
    artifacts: [{ name, path: path3.join(config.distDir, name), target: null }],
    nativeFiles: [],
    plainAssets: []
  };
}

// src/ecosystems/biosimulant/read.ts
import fs2 from "node:fs/promises";
import path4 from "node:path";
function payloadRoot(config) {
  return config.biosimulant.payloadDir ?? path4.dirname(config.manifestPath);
}
async function notFound(file, cause) {
  const code = cause.code;
  let message = `cannot read ${file}: ${cause.message}`;
  if (code === "EISDIR")
    message = `${file} is a directory; pass the path of the ${MANIFEST_FILE} inside it`;
  else if (code === "ENOENT" || code === "ENOTDIR") {
    message = `manifest not found: ${file}; a Biosimulant plugin needs a ${MANIFEST_FILE} (exact, case-sensitive name), or set manifest to its path`;
  }
  return new ReleaseError("MANIFEST_NOT_FOUND", message, { location: { file }, cause });
}
async function entrypointProblem(config, entrypoint) {
  const root = payloadRoot(config);
  const segments = entrypoint.split("/");
  if (segments.some(isHidden))
    return "a hidden file or directory, which is left out of the package";
  if (segments.length > 1 && segments[0] === RESERVED_DIR) return `${RESERVED_DIR}/ is reserved`;
  if (entrypoint === MANIFEST_FILE) return void 0;
  const st = await fs2.stat(path4.join(root, entrypoint)).catch(() => void 0);
  if (st === void 0) return `no such file in the payload directory ${root}`;
  if (!st.isFile()) return `${path4.join(root, entrypoint)} is not a file`;
  return void 0;
}
async function readBiosimulantManifest(config) {
  const file = config.manifestPath;
  let bytes;
  try {
    bytes = await fs2.readFile(file);
  } catch (e) {
    throw await notFound(file, e);
  }
  const check = checkManifest(bytes, file);
  if (check.manifest === void 0) throw manifestError(file, check);
  const why = await entrypointProblem(config, check.manifest.entrypoint);
  if (why !== void 0) {
    const located = parseLocatedJson(check.manifest.text);
    const position = "error" in located ? { line: 1, column: 1 } : located.at(["entrypoint"]);
    const diagnostic = {
      message: `"entrypoint" ${JSON.stringify(check.manifest.entrypoint)} must name a file in the package: ${why}. Build it first, or fix the path (relative to payload-dir)`,
      location: { file, ...position }
    };
    throw manifestError(file, { diagnostics: [diagnostic], syntax: false });
  }
  return { manifest: check.manifest, bytes };
}

// src/ecosystems/biosimulant/pack.ts
function modeFor(p) {
  return p.startsWith("bin/") || p.startsWith("runtime/") ? 493 : 420;
}
async function packBiosimulant(ctx) {
  const { config, reporter } = ctx;
  const key = parseSigningKey(
    config.biosimulant.signingKey,
    config.biosimulant.signerId,
    config.workingDirectory
  );
  if (key === void 0 && config.biosimulant.signerId !== "") {
    reporter.warning(
      `signer-id is '${config.biosimulant.signerId}' but no signing-key is set: the package gets a checksum-only signature.json. Pass signing-key (or BIOSIMULANT_PLUGIN_SIGNING_KEY) to sign it`
    );
  }
  const { manifest, bytes } = await readBiosimulantManifest(config);
  const payload = await collectPayload({
    root: payloadRoot(config),
    manifestPath: config.manifestPath,
    distDir: config.distDir
  });
  const listed = [{ path: MANIFEST_FILE, ...scanBytes(bytes) }, ...payload];
  if (!listed.some((f) => f.path === manifest.entrypoint)) {
    throw new ReleaseError(
      "MANIFEST_INVALID",
      `"entrypoint" ${JSON.stringify(manifest.entrypoint)} is not among the files packed from ${payloadRoot(config)} (it is left out or refused there); ship it in the payload, or fix the path`,
      { location: { file: config.manifestPath } }
    );
  }
  const sums = sumsText(listed);
  const signature = signatureJson(sums, key);
  const entries = sortZipEntries([
    { path: MANIFEST_FILE, type: "file", mode: modeFor(MANIFEST_FILE), data: bytes },
    ...payload.map((f) => ({
      path: f.path,
      type: "file",
      mode: modeFor(f.path),
      source: f.source
    })),
    { path: SUMS_PATH, type: "file", mode: 420, data: sums },
    { path: SIGNATURE_PATH, type: "file", mode: 420, data: signature }
  ]);
  const name = packageName(manifest.id, manifest.version);
  await fs3.mkdir(config.distDir, { recursive: true });
  const final = path5.join(config.distDir, name);
  const tmp = path5.join(config.distDir, `.${name}.${process.pid}.tmp`);
  const epoch = await resolveEpoch(config.sourceDateEpoch, config.workingDirectory);
  try {
    const written = await writeZip(entries, createWriteStream(tmp), {
      mtime: epoch,
      compressionLevel: config.compressionLevel
    });
    const hashed = new Map(listed.map((f) => [f.path, f]));
    const changed = written.files.filter((w) => {
      const f = hashed.get(w.path);
      return f !== void 0 && (f.size !== w.size || f.crc32 !== w.crc32);
    });
    if (changed.length > 0) {
      throw new ReleaseError(
        "HASH_MISMATCH",
        `${changed.map((c) => c.path).join(", ")} changed while the package was being written, so integrity/sha256sums.txt would not match. Do not modify the payload during packing, and run again`
      );
    }
    await fs3.rename(tmp, final);
    await writeSidecar(final, written.sha256);
    reporter.info(
      `pack: ${name} ${formatBytes(written.size)} ${written.entries} files, ${key ? `signed by ${key.signerId}` : "unsigned (checksum-only signature.json)"}, sha256 ${written.sha256}`
    );
    const asset = {
      name,
      path: final,
      size: written.size,
      sha256: written.sha256,
      target: null
    };
    return [asset, sidecarAsset(asset)];
  } finally {
    await fs3.rm(tmp, { force: true });
  }
}

// src/ecosystems/biosimulant/tag.ts
function explain(tag) {
  if (tag === "") return "it is empty";
  if (/\s/.test(tag)) return "it contains white space";
  if (!tag.startsWith("v")) {
    return /^\d/.test(tag) ? `it needs a leading 'v' (v${tag})` : "it must start with 'v'";
  }
  const version = tag.slice(1);
  if (version.includes("+")) return "build metadata ('+...') is not allowed";
  const core = version.split("-")[0];
  const parts = core.split(".");
  if (parts.length !== 3) return `it needs three numbers MAJOR.MINOR.PATCH, found ${parts.length}`;
  const bad = parts.find((p) => !/^(0|[1-9]\d*)$/.test(p));
  if (bad !== void 0) return `'${bad}' is not a number without leading zeros`;
  if (!VERSION_RE.test(version)) {
    return "the pre-release part after the first - must be dot-separated identifiers of letters, digits and -";
  }
  return void 0;
}
function parseBiosimulantTag(tag) {
  const why = explain(tag);
  if (why !== void 0) {
    throw new ReleaseError(
      "TAG_INVALID",
      `tag '${tag}' is not v<version>: ${why}. A Biosimulant plugin's tag is v + its plugin.json version, e.g. v1.2.0 or v1.2.0-rc.1`
    );
  }
  const version = tag.slice(1);
  return { tag, version, prerelease: version.includes("-") };
}

// src/ecosystems/biosimulant/trust.ts
function parseTrustedKeys(entries) {
  return entries.map((entry) => {
    const bare = base64(entry, PUBLIC_KEY_BYTES);
    if (bare) return { signerId: void 0, publicKey: bare };
    const eq = entry.indexOf("=");
    const signerId = entry.slice(0, Math.max(0, eq)).trim();
    const key = SIGNER_ID_RE.test(signerId) ? base64(entry.slice(eq + 1).trim(), PUBLIC_KEY_BYTES) : void 0;
    if (!key) {
      throw new ReleaseError(
        "USAGE",
        `trusted-signing-keys entry '${entry.length > 60 ? `${entry.slice(0, 60)}...` : entry}' is not a base64 Ed25519 public key (44 characters) or <signer-id>=<key>; use the public_key value of a signature.json, e.g. acme-lab=${"A".repeat(43)}=`
      );
    }
    return { signerId, publicKey: key };
  });
}
function isTrusted(trusted, signerId, publicKey) {
  return trusted.some(
    (t) => t.publicKey.equals(publicKey) && (t.signerId === void 0 || t.signerId === signerId)
  );
}

// src/ecosystems/biosimulant/verify.ts
import { createHash as createHash4 } from "node:crypto";

// src/ecosystems/biosimulant/verify-integrity.ts
import { createHash as createHash3 } from "node:crypto";
var sha2562 = (b) => createHash3("sha256").update(b).digest("hex");
function signatureRow(pkg, o, f) {
  const subject = `${pkg}:${SIGNATURE_PATH}`;
  const bytes = o.files.get(SIGNATURE_PATH);
  if (bytes === void 0) {
    f.fail(
      "signature-format",
      subject,
      "BSI_SIGNATURE_FORMAT",
      `${SIGNATURE_PATH} is missing (or unreadable)`
    );
    return void 0;
  }
  const sig = parseSignature(bytes);
  if ("problem" in sig) {
    f.fail(
      "signature-format",
      subject,
      "BSI_SIGNATURE_FORMAT",
      `${SIGNATURE_PATH}: ${sig.problem}`
    );
    return void 0;
  }
  f.pass(
    "signature-format",
    subject,
    sig.algorithm === "ed25519" ? `signed form, signer ${sig.signerId}` : "checksum-only form (unsigned)"
  );
  return sig;
}
function digestAndSignatureRows(pkg, sums, sig, f) {
  const subject = `${pkg}:${SIGNATURE_PATH}`;
  if (sig === void 0 || sums === void 0) {
    const why = sig === void 0 ? "no readable signature.json" : `no readable ${SUMS_PATH}`;
    f.info("signed-digest", subject, `not checked: ${why}`);
    f.info("signature", subject, `not checked: ${why}`);
    return;
  }
  if (sha2562(sums) === sig.signedSha256)
    f.pass("signed-digest", subject, `signed_sha256 is the SHA-256 of ${SUMS_PATH}`);
  else
    f.fail(
      "signed-digest",
      subject,
      "BSI_SIGNED_DIGEST_MISMATCH",
      `signed_sha256 ${sig.signedSha256} is not the SHA-256 of ${SUMS_PATH} (${sha2562(sums)})`
    );
  if (sig.algorithm === "sha256")
    f.info("signature", subject, "unsigned: no Ed25519 signature to check");
  else if (ed25519Verify(sig.publicKey, sums, sig.signature))
    f.pass("signature", subject, `Ed25519 signature by ${sig.signerId} verifies over ${SUMS_PATH}`);
  else
    f.fail(
      "signature",
      subject,
      "BSI_SIGNATURE_INVALID",
      `the Ed25519 signature does not verify over ${SUMS_PATH} with public_key ${sig.publicKey.toString("base64")}`
    );
}
function listRows(pkg, o, sums, f) {
  const subject = `${pkg}:${SUMS_PATH}`;
  if (sums === void 0) {
    f.fail("sums", subject, "BSI_SUMS_INVALID", `${SUMS_PATH} is missing (or unreadable)`);
    f.info("checksums", subject, "not checked: no list");
    f.info("unlisted", subject, "not checked: no list");
    return;
  }
  const { lines, problems } = parseSums(sums);
  for (const p of problems) f.fail("sums", subject, "BSI_SUMS_INVALID", p);
  if (problems.length === 0)
    f.pass("sums", subject, `${lines.length} well-formed lines, sorted, no duplicates`);
  let bad = 0;
  for (const line of lines) {
    const data = o.files.get(line.path);
    if (data === void 0) {
      if (o.entries.some((e) => e.name === line.path)) continue;
      bad++;
      f.fail(
        "checksums",
        `${pkg}:${line.path}`,
        "BSI_SUMS_MISSING_FILE",
        `${line.path} is listed but not in the package`
      );
    } else if (sha2562(data) !== line.sha256) {
      bad++;
      f.fail(
        "checksums",
        `${pkg}:${line.path}`,
        "BSI_CHECKSUM_MISMATCH",
        `SHA-256 ${sha2562(data)}, listed ${line.sha256}`
      );
    }
  }
  if (bad === 0) f.pass("checksums", subject, `every listed file is present and matches`);
  const listed = new Set(lines.map((l) => l.path));
  const unlisted = o.entries.filter(
    (e) => !listed.has(e.name) && e.name !== SUMS_PATH && e.name !== SIGNATURE_PATH
  );
  for (const e of unlisted)
    f.fail(
      "unlisted",
      `${pkg}:${e.name}`,
      "BSI_UNLISTED_FILE",
      `${e.name} is in the package but not in ${SUMS_PATH}`
    );
  if (unlisted.length === 0) f.pass("unlisted", subject, "every file in the package is listed");
}
function trustRows(pkg, sig, policy, f) {
  const subject = `${pkg}:${SIGNATURE_PATH}`;
  const signed = sig?.algorithm === "ed25519" ? sig : void 0;
  if (policy.trusted !== void 0) {
    if (signed === void 0)
      f.fail(
        "signer",
        subject,
        "BSI_SIGNER_UNTRUSTED",
        "the package is not signed, and trusted-signing-keys requires a trusted signer"
      );
    else if (isTrusted(policy.trusted, signed.signerId, signed.publicKey))
      f.pass("signer", subject, `signer ${signed.signerId} is trusted`);
    else
      f.fail(
        "signer",
        subject,
        "BSI_SIGNER_UNTRUSTED",
        `signer ${signed.signerId} with key ${signed.publicKey.toString("base64")} is not in trusted-signing-keys`
      );
  }
  if (signed !== void 0) f.pass("signed", subject, `signed by ${signed.signerId}`);
  else if (policy.requireSignature)
    f.fail(
      "signed",
      subject,
      "BSI_UNSIGNED",
      "unsigned, and require-signature is true: sign with signing-key and signer-id"
    );
  else f.info("signed", subject, "unsigned");
}

// src/ecosystems/biosimulant/verify-package.ts
function archiveRow(pkg, bytes, f) {
  const zip = readZip(bytes);
  const files = /* @__PURE__ */ new Map();
  const problems = zip.problems.map((p) => ({ subject: p.name ?? "", message: p.message }));
  for (const e of zip.entries) {
    if (e.isDirectory) continue;
    try {
      files.set(e.name, zip.readEntry(e));
    } catch (err) {
      problems.push({ subject: e.name, message: err.message });
    }
  }
  for (const p of problems) {
    f.fail("archive", p.subject ? `${pkg}:${p.subject}` : pkg, "BSI_ARCHIVE_UNSAFE", p.message);
  }
  if (problems.length === 0) {
    f.pass(
      "archive",
      pkg,
      `${zip.entries.length} entries, safe paths, every entry inflates to its size and CRC-32`
    );
  }
  const entries = zip.entries.filter((e) => !e.isDirectory).map((e) => ({ name: e.name, madeBy: e.versionMadeBy >> 8, unixMode: e.unixMode }));
  return { files, entries };
}
function manifestRow(pkg, o, policy, f) {
  const fail = (subject2, message) => f.fail("manifest", subject2, "BSI_MANIFEST_INVALID", message);
  const bytes = o.files.get(MANIFEST_FILE);
  if (bytes === void 0) {
    fail(pkg, `${MANIFEST_FILE} is missing at the package root (or unreadable)`);
    return void 0;
  }
  const subject = `${pkg}:${MANIFEST_FILE}`;
  const check = checkManifest(bytes, subject);
  for (const d of check.diagnostics)
    fail(subject, `${d.location?.line}:${d.location?.column}: ${d.message}`);
  const m = check.manifest;
  if (m === void 0) return void 0;
  const problems = [];
  const entry = m.entrypoint;
  if (!o.entries.some((e) => e.name === entry) || entry === SUMS_PATH || entry === SIGNATURE_PATH) {
    problems.push(`"entrypoint" ${JSON.stringify(entry)} is not a file in the package`);
  }
  if (policy.tag !== void 0 && policy.tag !== `v${m.version}`) {
    problems.push(
      `version ${m.version} does not match the tag ${policy.tag} (expected v${m.version})`
    );
  }
  const expected = packageName(m.id, m.version);
  if (pkg !== expected)
    problems.push(`the package is named ${pkg}; for this manifest it is ${expected}`);
  for (const p of problems) fail(subject, p);
  if (check.diagnostics.length === 0 && problems.length === 0) {
    f.pass("manifest", subject, `${m.id} ${m.version}, entrypoint ${entry}`);
  }
  return m;
}
function modeRow(pkg, o, f) {
  let bad = 0;
  for (const e of o.entries) {
    const want = 32768 | modeFor(e.name);
    if (e.madeBy !== 3) {
      bad++;
      f.fail(
        "modes",
        `${pkg}:${e.name}`,
        "BSI_MODE",
        `version made by is not Unix (host ${e.madeBy}), so it carries no Unix mode`
      );
    } else if (e.unixMode !== want) {
      bad++;
      f.fail(
        "modes",
        `${pkg}:${e.name}`,
        "BSI_MODE",
        `mode ${e.unixMode.toString(8)}, expected ${want.toString(8)}`
      );
    }
  }
  if (bad === 0)
    f.pass("modes", pkg, "made on Unix; bin/ and runtime/ files 0755, all others 0644");
}
function verifyPackage(pkg, bytes, policy, f) {
  const opened = archiveRow(pkg, bytes, f);
  const manifest = manifestRow(pkg, opened, policy, f);
  const sig = signatureRow(pkg, opened, f);
  const sums = opened.files.get(SUMS_PATH);
  digestAndSignatureRows(pkg, sums, sig, f);
  listRows(pkg, opened, sums, f);
  modeRow(pkg, opened, f);
  trustRows(pkg, sig, policy, f);
  return manifest;
}

// src/ecosystems/biosimulant/verify.ts
var MAX_PACKAGE = 4294967295;
async function readAll(source, name) {
  const parts = [];
  for await (const chunk of await source.open(name)) parts.push(chunk);
  return Buffer.concat(parts);
}
async function sidecarRow(source, pkg, bytes, f) {
  const name = `${pkg}.sha256`;
  const actual = createHash4("sha256").update(bytes).digest("hex");
  const body = await readSmall(source, name, 4096);
  if (body === void 0) {
    const there = source.files.some((x) => x.name === name);
    f.warn(
      "sidecar",
      name,
      "Sha256Missing",
      there ? `${name} is larger than a checksum file` : `${name} is missing next to ${pkg}`
    );
    return;
  }
  const parsed = parseSidecar(body);
  if (!parsed.ok)
    f.fail("sidecar", name, "Sha256Invalid", `${name} does not hold a SHA-256 in hex`);
  else if (parsed.sha256 !== actual)
    f.fail(
      "sidecar",
      name,
      "Sha256Mismatch",
      `${name} says ${parsed.sha256}; ${pkg} hashes to ${actual}`
    );
  else f.pass("sidecar", name, `matches ${pkg}`);
}
async function verifyBiosimulant(o) {
  const { config, source, findings: f } = o;
  const keys = config.biosimulant.trustedSigningKeys;
  const policy = {
    tag: o.tag,
    trusted: keys.length > 0 ? parseTrustedKeys(keys) : void 0,
    requireSignature: config.requireSignature
  };
  const packages = source.files.filter((x) => x.name.endsWith(EXTENSION));
  if (packages.length === 0) {
    f.fail(
      "package",
      source.label,
      "BSI_PACKAGE_MISSING",
      `no ${EXTENSION} package in ${source.label}; pack it first (command: pack), or check the tag`
    );
    return { id: null, version: null };
  }
  let found = { id: null, version: null };
  for (const file of packages) {
    if (file.size > MAX_PACKAGE) {
      f.fail(
        "archive",
        file.name,
        "BSI_ARCHIVE_UNSAFE",
        `${file.size} bytes: larger than a ZIP without ZIP64 can be`
      );
      continue;
    }
    const bytes = await readAll(source, file.name);
    const manifest = verifyPackage(file.name, bytes, policy, f);
    if (manifest && found.id === null) found = { id: manifest.id, version: manifest.version };
    await sidecarRow(source, file.name, bytes, f);
  }
  return found;
}

// src/ecosystems/biosimulant/index.ts
var profile = {
  name: "biosimulant",
  manifestFile: MANIFEST_FILE,
  consumer: "Biosimulant Desktop",
  async readManifest(config) {
    return (await readBiosimulantManifest(config)).manifest;
  },
  parseTag: parseBiosimulantTag,
  plan: planBiosimulant,
  /** A bad key, a key without signer-id or a broken trust list fails before any work. */
  async preflight(ctx) {
    const { biosimulant, workingDirectory } = ctx.config;
    parseSigningKey(biosimulant.signingKey, biosimulant.signerId, workingDirectory);
    parseTrustedKeys(biosimulant.trustedSigningKeys);
  },
  pack: packBiosimulant,
  verify: verifyBiosimulant
};
export {
  profile
};
