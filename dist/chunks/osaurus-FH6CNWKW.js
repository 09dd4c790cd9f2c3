import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  assetNameProblem
} from "./chunk-2Q7XEPSE.js";
import {
  dosDateTime,
  readZip,
  sortZipEntries,
  writeZip
} from "./chunk-JEOTBGZT.js";
import {
  decodeStandardBase64
} from "./chunk-KHO7JPFK.js";
import {
  abytes,
  add,
  add3H,
  add3L,
  aexists,
  ahash,
  anumber,
  aoutput,
  checkOpts,
  clean,
  copyBytes,
  createHasher,
  createView,
  ed25519PublicKey,
  ed25519Sign,
  ed25519Verify,
  fromNumH,
  fromNumL,
  kdfInputToBytes,
  rotl,
  rotr32H,
  rotr32L,
  rotrBH,
  rotrBL,
  rotrSH,
  rotrSL,
  sha256,
  swap32IfBE,
  swap8IfBE,
  u32
} from "./chunk-5XWO7BQN.js";
import {
  JsonSyntaxError,
  parseJsonSource
} from "./chunk-MJKKV7UF.js";
import "./chunk-RHUK7HM2.js";
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
  formatBytes
} from "./chunk-R5SGE6HV.js";
import "./chunk-HQQIT7FK.js";
import "./chunk-JJKM5RR3.js";
import "./chunk-GWJQWK7Z.js";
import "./chunk-2TJC7A4H.js";
import {
  ReleaseError
} from "./chunk-S5POLVOE.js";
import "./chunk-5ZJU6YLT.js";

// src/ecosystems/osaurus/destination.ts
import { createHash } from "node:crypto";
import fs2 from "node:fs/promises";
import path3 from "node:path";

// src/ecosystems/osaurus/manifest.ts
import { readFile } from "node:fs/promises";
import { basename } from "node:path";

// src/ecosystems/osaurus/semver.ts
var SEMVER_RE = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
function isSemver(v) {
  return typeof v === "string" && SEMVER_RE.test(v);
}
function compareSemver(a, b) {
  const ma = SEMVER_RE.exec(a);
  const mb = SEMVER_RE.exec(b);
  for (let i = 1; i <= 3; i++) {
    const d = BigInt(ma[i]) - BigInt(mb[i]);
    if (d !== 0n) return d < 0n ? -1 : 1;
  }
  const pa = ma[4];
  const pb = mb[4];
  if (pa === void 0 || pb === void 0) return pa === pb ? 0 : pa === void 0 ? 1 : -1;
  const idents = (p) => p.split(".").map((s) => /^\d+$/.test(s) ? [0, BigInt(s), ""] : [1, 0n, s]);
  const ia = idents(pa);
  const ib = idents(pb);
  for (let i = 0; i < Math.min(ia.length, ib.length); i++) {
    const [ka, na, sa] = ia[i];
    const [kb, nb, sb] = ib[i];
    if (ka !== kb) return ka - kb;
    if (na !== nb) return na < nb ? -1 : 1;
    if (sa !== sb) return sa < sb ? -1 : 1;
  }
  return ia.length - ib.length;
}
function swiftInt(s) {
  if (!/^[+-]?\d+$/.test(s)) return void 0;
  const n = BigInt(s);
  return n >= -(2n ** 63n) && n < 2n ** 63n ? n : void 0;
}
function parseLenient(s) {
  const plus = s.indexOf("+");
  const withoutBuild = plus < 0 ? s : s.slice(0, plus);
  const build = plus < 0 ? void 0 : s.slice(plus + 1);
  const dash = withoutBuild.indexOf("-");
  const core = dash < 0 ? withoutBuild : withoutBuild.slice(0, dash);
  const prerelease = dash < 0 ? void 0 : withoutBuild.slice(dash + 1);
  const nums = core.split(".").map(swiftInt);
  if (nums.length !== 3 || nums.some((n) => n === void 0)) return void 0;
  const [major, minor, patch] = nums;
  return { major, minor, patch, prerelease, build };
}
function describeLenient(v) {
  let s = `${v.major}.${v.minor}.${v.patch}`;
  if (v.prerelease) s += `-${v.prerelease}`;
  if (v.build) s += `+${v.build}`;
  return s;
}
function parseArtifactName(name) {
  const base = name.toLowerCase().endsWith(".zip") ? name.slice(0, -4) : name;
  const parts = base.split("-");
  for (let i = parts.length - 1; i >= 1; i--) {
    const v = parseLenient(parts.slice(i).join("-"));
    if (v === void 0) continue;
    const id = parts.slice(0, i).join("-");
    if (id !== "") return { id, version: describeLenient(v) };
  }
  return void 0;
}

// src/ecosystems/osaurus/manifest.ts
var MANIFEST_FILE = "osaurus-manifest.json";
var PLUGIN_ID_RE = /^[a-z0-9]+(\.[a-z0-9_-]+)+$/;
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var filled = (v) => typeof v === "string" && v.trim() !== "";
function checkTools(tools, issues) {
  const at = ["capabilities", "tools"];
  if (!Array.isArray(tools)) {
    issues.push({ path: at, message: "capabilities.tools is required: an array of tools" });
    return;
  }
  const seen = /* @__PURE__ */ new Map();
  tools.forEach((tool, i) => {
    const path7 = [...at, i];
    if (!isObject(tool)) {
      issues.push({ path: path7, message: `capabilities.tools[${i}] is not an object` });
      return;
    }
    const id = tool["id"];
    const label = filled(id) ? `tool '${id}'` : `capabilities.tools[${i}]`;
    if (!filled(id)) issues.push({ path: [...path7, "id"], message: `${label} has no id` });
    else if (seen.has(id)) {
      const first = seen.get(id);
      issues.push({
        path: [...path7, "id"],
        message: `duplicate tool id '${id}' (also capabilities.tools[${first}]); tool ids must be unique`
      });
    } else seen.set(id, i);
    if (!filled(tool["description"]))
      issues.push({ path: path7, message: `${label} has no description (a non-empty string)` });
    for (const key of ["parameters", "requirements", "permission_policy"]) {
      if (!(key in tool)) issues.push({ path: path7, message: `${label} has no ${key}` });
    }
  });
}
function checkRoutes(routes, issues) {
  if (routes === void 0 || routes === null) return;
  const at = ["capabilities", "routes"];
  if (!Array.isArray(routes)) {
    issues.push({ path: at, message: "capabilities.routes is not an array" });
    return;
  }
  routes.forEach((route, i) => {
    if (!isObject(route) || !filled(route["id"]))
      issues.push({ path: [...at, i], message: `capabilities.routes[${i}] has no id` });
  });
}
function checkManifest(doc) {
  const issues = [];
  if (!isObject(doc)) return [{ path: [], message: "the manifest is not a JSON object" }];
  const id = doc["plugin_id"];
  if (typeof id !== "string" || !PLUGIN_ID_RE.test(id)) {
    issues.push({
      path: ["plugin_id"],
      message: `plugin_id ${JSON.stringify(id ?? null)} is not lowercase dot-separated (^[a-z0-9]+(\\.[a-z0-9_-]+)+$), e.g. 'osaurus.fetch' or 'mycompany.my-tool'`
    });
  }
  const version = doc["version"];
  if (!isSemver(version)) {
    issues.push({
      path: ["version"],
      message: `version ${JSON.stringify(version ?? null)} is not strict SemVer, e.g. 1.2.0 or 1.2.0-beta.1`
    });
  } else if (typeof id === "string" && PLUGIN_ID_RE.test(id)) {
    const parsed = parseArtifactName(`${id}-${version}.zip`);
    if (parsed?.id !== id || parsed.version !== version) {
      issues.push({
        path: ["version"],
        message: `osaurus tools install would read ${id}-${version}.zip as ${parsed ? `id '${parsed.id}', version ${parsed.version}` : "nothing"}; choose a version whose pre-release part holds no '-<x.y.z>'`
      });
    }
  }
  if (!filled(doc["description"]))
    issues.push({ path: ["description"], message: "description is required: a non-empty string" });
  for (const key of ["name", "license", "min_macos"]) {
    if (key in doc && typeof doc[key] !== "string")
      issues.push({ path: [key], message: `${key} is not a string` });
  }
  if ("authors" in doc && !Array.isArray(doc["authors"]))
    issues.push({ path: ["authors"], message: "authors is not an array" });
  if ("min_osaurus" in doc && !isSemver(doc["min_osaurus"])) {
    issues.push({
      path: ["min_osaurus"],
      message: `min_osaurus ${JSON.stringify(doc["min_osaurus"])} is not SemVer, e.g. 0.5.0`
    });
  }
  const caps = doc["capabilities"];
  if (!isObject(caps)) {
    issues.push({
      path: ["capabilities"],
      message: "capabilities is required: an object with tools"
    });
  } else {
    checkTools(caps["tools"], issues);
    checkRoutes(caps["routes"], issues);
  }
  return issues;
}
function invalid(code, file, d) {
  const lines = d.map(
    (x) => `  ${x.location?.file}:${x.location?.line}:${x.location?.column}: ${x.message}`
  );
  const what = code === "MANIFEST_PARSE" ? "is not valid JSON" : `has ${d.length} problem${d.length === 1 ? "" : "s"} the Osaurus release lint or registry validator rejects`;
  return new ReleaseError(code, `${file} ${what}:
${lines.join("\n")}`, {
    location: d[0]?.location ?? { file },
    diagnostics: d
  });
}
async function readOsaurusManifest(config) {
  const file = config.manifestPath;
  let bytes;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new ReleaseError(
      "MANIFEST_NOT_FOUND",
      `manifest not found: ${file}; save it from the built library with \`osaurus manifest extract <plugin>.dylib > ${MANIFEST_FILE}\` (or pass manifest: <path>)`,
      { location: { file }, cause: e }
    );
  }
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalid("MANIFEST_PARSE", file, [
      { message: `${basename(file)} is not valid UTF-8; re-save it as UTF-8`, location: { file } }
    ]);
  }
  let where;
  try {
    where = parseJsonSource(text);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    const location = { file, line: e.line, column: e.column };
    const message = `${basename(file)} is not valid JSON: ${e.message}; fix the syntax at this position`;
    throw invalid("MANIFEST_PARSE", file, [{ message, location }]);
  }
  const doc = where.value;
  const issues = checkManifest(doc);
  if (issues.length > 0) {
    const diagnostics = issues.map((i) => ({
      message: i.message,
      location: { file, ...where.at(i.path) }
    }));
    diagnostics.sort(
      (a, b) => a.location.line - b.location.line || a.location.column - b.location.column
    );
    throw invalid("MANIFEST_INVALID", file, diagnostics);
  }
  const d = doc;
  const id = d["plugin_id"];
  return {
    id,
    version: d["version"],
    name: filled(d["name"]) ? d["name"] : id,
    description: d["description"],
    file,
    text,
    doc: d
  };
}

// src/ecosystems/osaurus/plan.ts
import path from "node:path";
function zipName(id, version) {
  return `${id}-${version}.zip`;
}
function osaurusPlan(config, manifest) {
  const name = zipName(manifest.id, manifest.version);
  const why = assetNameProblem(name);
  if (why !== void 0) {
    throw new ReleaseError(
      "ASSET_NAME",
      `the bundle would be named ${name}, which GitHub would rename (${why}). Drop the build metadata ('+...') from version`
    );
  }
  return {
    artifacts: [{ name, path: path.join(config.distDir, name), target: null }],
    nativeFiles: config.osaurus.minisignSecretKey === "" ? [] : [`${name}.minisig`],
    plainAssets: []
  };
}

// src/ecosystems/osaurus/registry-file.ts
import fs from "node:fs/promises";
import path2 from "node:path";

// node_modules/@noble/hashes/_blake.js
var BSIGMA = /* @__PURE__ */ Uint8Array.from([
  0,
  1,
  2,
  3,
  4,
  5,
  6,
  7,
  8,
  9,
  10,
  11,
  12,
  13,
  14,
  15,
  14,
  10,
  4,
  8,
  9,
  15,
  13,
  6,
  1,
  12,
  0,
  2,
  11,
  7,
  5,
  3,
  11,
  8,
  12,
  0,
  5,
  2,
  15,
  13,
  10,
  14,
  3,
  6,
  7,
  1,
  9,
  4,
  7,
  9,
  3,
  1,
  13,
  12,
  11,
  14,
  2,
  6,
  5,
  10,
  4,
  0,
  15,
  8,
  9,
  0,
  5,
  7,
  2,
  4,
  10,
  15,
  14,
  1,
  11,
  12,
  6,
  8,
  3,
  13,
  2,
  12,
  6,
  10,
  0,
  11,
  8,
  3,
  4,
  13,
  7,
  5,
  15,
  14,
  1,
  9,
  12,
  5,
  1,
  15,
  14,
  13,
  4,
  10,
  0,
  7,
  6,
  3,
  9,
  2,
  8,
  11,
  13,
  11,
  7,
  14,
  12,
  1,
  3,
  9,
  5,
  0,
  15,
  4,
  8,
  6,
  2,
  10,
  6,
  15,
  14,
  9,
  11,
  3,
  0,
  8,
  12,
  2,
  13,
  7,
  1,
  4,
  10,
  5,
  10,
  2,
  8,
  4,
  7,
  6,
  1,
  5,
  15,
  11,
  9,
  14,
  3,
  12,
  13,
  0,
  0,
  1,
  2,
  3,
  4,
  5,
  6,
  7,
  8,
  9,
  10,
  11,
  12,
  13,
  14,
  15,
  14,
  10,
  4,
  8,
  9,
  15,
  13,
  6,
  1,
  12,
  0,
  2,
  11,
  7,
  5,
  3,
  // Blake1, unused in others
  11,
  8,
  12,
  0,
  5,
  2,
  15,
  13,
  10,
  14,
  3,
  6,
  7,
  1,
  9,
  4,
  7,
  9,
  3,
  1,
  13,
  12,
  11,
  14,
  2,
  6,
  5,
  10,
  4,
  0,
  15,
  8,
  9,
  0,
  5,
  7,
  2,
  4,
  10,
  15,
  14,
  1,
  11,
  12,
  6,
  8,
  3,
  13,
  2,
  12,
  6,
  10,
  0,
  11,
  8,
  3,
  4,
  13,
  7,
  5,
  15,
  14,
  1,
  9
]);

// node_modules/@noble/hashes/blake2.js
var B2B_IV = /* @__PURE__ */ Uint32Array.from([
  4089235720,
  1779033703,
  2227873595,
  3144134277,
  4271175723,
  1013904242,
  1595750129,
  2773480762,
  2917565137,
  1359893119,
  725511199,
  2600822924,
  4215389547,
  528734635,
  327033209,
  1541459225
]);
var BBUF = /* @__PURE__ */ new Uint32Array(32);
function G1b(a, b, c, d, msg, x) {
  const Xl = msg[x], Xh = msg[x + 1];
  let Al = BBUF[2 * a], Ah = BBUF[2 * a + 1];
  let Bl = BBUF[2 * b], Bh = BBUF[2 * b + 1];
  let Cl = BBUF[2 * c], Ch = BBUF[2 * c + 1];
  let Dl = BBUF[2 * d], Dh = BBUF[2 * d + 1];
  const ll = add3L(Al, Bl, Xl);
  Ah = add3H(ll, Ah, Bh, Xh);
  Al = ll | 0;
  let xh = Dh ^ Ah, xl = Dl ^ Al;
  Dh = rotr32H(xh, xl);
  Dl = rotr32L(xh, xl);
  ({ h: Ch, l: Cl } = add(Ch, Cl, Dh, Dl));
  xh = Bh ^ Ch;
  xl = Bl ^ Cl;
  Bh = rotrSH(xh, xl, 24);
  Bl = rotrSL(xh, xl, 24);
  BBUF[2 * a] = Al;
  BBUF[2 * a + 1] = Ah;
  BBUF[2 * b] = Bl;
  BBUF[2 * b + 1] = Bh;
  BBUF[2 * c] = Cl;
  BBUF[2 * c + 1] = Ch;
  BBUF[2 * d] = Dl;
  BBUF[2 * d + 1] = Dh;
}
function G2b(a, b, c, d, msg, x) {
  const Xl = msg[x], Xh = msg[x + 1];
  let Al = BBUF[2 * a], Ah = BBUF[2 * a + 1];
  let Bl = BBUF[2 * b], Bh = BBUF[2 * b + 1];
  let Cl = BBUF[2 * c], Ch = BBUF[2 * c + 1];
  let Dl = BBUF[2 * d], Dh = BBUF[2 * d + 1];
  const ll = add3L(Al, Bl, Xl);
  Ah = add3H(ll, Ah, Bh, Xh);
  Al = ll | 0;
  let xh = Dh ^ Ah, xl = Dl ^ Al;
  Dh = rotrSH(xh, xl, 16);
  Dl = rotrSL(xh, xl, 16);
  ({ h: Ch, l: Cl } = add(Ch, Cl, Dh, Dl));
  xh = Bh ^ Ch;
  xl = Bl ^ Cl;
  Bh = rotrBH(xh, xl, 63);
  Bl = rotrBL(xh, xl, 63);
  BBUF[2 * a] = Al;
  BBUF[2 * a + 1] = Ah;
  BBUF[2 * b] = Bl;
  BBUF[2 * b + 1] = Bh;
  BBUF[2 * c] = Cl;
  BBUF[2 * c + 1] = Ch;
  BBUF[2 * d] = Dl;
  BBUF[2 * d + 1] = Dh;
}
function checkBlake2Opts(outputLen, opts = {}, keyLen, saltLen, persLen) {
  anumber(keyLen);
  if (outputLen <= 0 || outputLen > keyLen)
    throw new Error('"dkLen" must be 1..' + keyLen + ", got " + outputLen);
  const { key, salt, personalization } = opts;
  if (key !== void 0 && (key.length < 1 || key.length > keyLen))
    throw new Error('"key" expected to be undefined or of length=1..' + keyLen);
  if (salt !== void 0)
    abytes(salt, saltLen, "salt");
  if (personalization !== void 0)
    abytes(personalization, persLen, "personalization");
}
var _BLAKE2 = class {
  buffer;
  buffer32;
  finished = false;
  destroyed = false;
  length = 0;
  pos = 0;
  blockLen;
  outputLen;
  canXOF = false;
  constructor(blockLen, outputLen) {
    anumber(blockLen);
    anumber(outputLen);
    this.blockLen = blockLen;
    this.outputLen = outputLen;
    this.buffer = new Uint8Array(blockLen);
    this.buffer32 = u32(this.buffer);
  }
  update(data) {
    aexists(this);
    abytes(data);
    const { blockLen, buffer, buffer32 } = this;
    const len = data.length;
    const offset = data.byteOffset;
    const buf = data.buffer;
    for (let pos = 0; pos < len; ) {
      if (this.pos === blockLen) {
        swap32IfBE(buffer32);
        this.compress(buffer32, 0, false);
        swap32IfBE(buffer32);
        this.pos = 0;
      }
      const take = Math.min(blockLen - this.pos, len - pos);
      const dataOffset = offset + pos;
      if (take === blockLen && !(dataOffset % 4) && pos + take < len) {
        const data32 = new Uint32Array(buf, dataOffset, Math.floor((len - pos) / 4));
        swap32IfBE(data32);
        for (let pos32 = 0; pos + blockLen < len; pos32 += buffer32.length, pos += blockLen) {
          this.length += blockLen;
          this.compress(data32, pos32, false);
        }
        swap32IfBE(data32);
        continue;
      }
      buffer.set(pos === 0 && take === len ? data : data.subarray(pos, pos + take), this.pos);
      this.pos += take;
      this.length += take;
      pos += take;
    }
    return this;
  }
  digestInto(out) {
    aexists(this);
    aoutput(out, this);
    if (out.byteOffset & 3)
      throw new RangeError('"output" expected 4-byte aligned byteOffset, got ' + out.byteOffset);
    const { pos, buffer32 } = this;
    this.finished = true;
    this.buffer.fill(0, pos);
    swap32IfBE(buffer32);
    this.compress(buffer32, 0, true);
    swap32IfBE(buffer32);
    const state = this.get();
    const out32 = out === this.buffer ? buffer32 : u32(out);
    const full = Math.floor(this.outputLen / 4);
    for (let i = 0; i < full; i++)
      out32[i] = swap8IfBE(state[i]);
    const tail = this.outputLen % 4;
    if (!tail)
      return;
    const off = full * 4;
    const word = state[full];
    for (let i = 0; i < tail; i++)
      out[off + i] = word >>> 8 * i;
  }
  digest() {
    const { buffer, outputLen } = this;
    this.digestInto(buffer);
    const res = buffer.slice(0, outputLen);
    this.destroy();
    return res;
  }
  _cloneInto(to) {
    const { buffer, length, finished, destroyed, outputLen, pos } = this;
    to ||= new this.constructor({ dkLen: outputLen });
    to.set(...this.get());
    to.buffer.set(buffer);
    to.destroyed = destroyed;
    to.finished = finished;
    to.length = length;
    to.pos = pos;
    to.outputLen = outputLen;
    return to;
  }
  clone() {
    return this._cloneInto();
  }
};
var _BLAKE2b = class extends _BLAKE2 {
  // Same IV words as SHA-512 / BLAKE2b, encoded as LE u32 low/high halves.
  v0l = B2B_IV[0] | 0;
  v0h = B2B_IV[1] | 0;
  v1l = B2B_IV[2] | 0;
  v1h = B2B_IV[3] | 0;
  v2l = B2B_IV[4] | 0;
  v2h = B2B_IV[5] | 0;
  v3l = B2B_IV[6] | 0;
  v3h = B2B_IV[7] | 0;
  v4l = B2B_IV[8] | 0;
  v4h = B2B_IV[9] | 0;
  v5l = B2B_IV[10] | 0;
  v5h = B2B_IV[11] | 0;
  v6l = B2B_IV[12] | 0;
  v6h = B2B_IV[13] | 0;
  v7l = B2B_IV[14] | 0;
  v7h = B2B_IV[15] | 0;
  constructor(opts = {}) {
    opts = checkOpts({}, opts);
    const olen = opts.dkLen === void 0 ? 64 : opts.dkLen;
    super(128, olen);
    checkBlake2Opts(olen, opts, 64, 16, 16);
    let { key, personalization, salt } = opts;
    let keyLength = 0;
    if (key !== void 0) {
      abytes(key, void 0, "key");
      keyLength = key.length;
    }
    this.v0l ^= this.outputLen | keyLength << 8 | 1 << 16 | 1 << 24;
    if (salt !== void 0) {
      abytes(salt, void 0, "salt");
      const slt = u32(copyBytes(salt));
      this.v4l ^= swap8IfBE(slt[0]);
      this.v4h ^= swap8IfBE(slt[1]);
      this.v5l ^= swap8IfBE(slt[2]);
      this.v5h ^= swap8IfBE(slt[3]);
    }
    if (personalization !== void 0) {
      abytes(personalization, void 0, "personalization");
      const pers = u32(copyBytes(personalization));
      this.v6l ^= swap8IfBE(pers[0]);
      this.v6h ^= swap8IfBE(pers[1]);
      this.v7l ^= swap8IfBE(pers[2]);
      this.v7h ^= swap8IfBE(pers[3]);
    }
    if (key !== void 0) {
      const tmp = new Uint8Array(this.blockLen);
      tmp.set(key);
      this.update(tmp);
      clean(tmp);
    }
  }
  // prettier-ignore
  get() {
    let { v0l, v0h, v1l, v1h, v2l, v2h, v3l, v3h, v4l, v4h, v5l, v5h, v6l, v6h, v7l, v7h } = this;
    return [v0l, v0h, v1l, v1h, v2l, v2h, v3l, v3h, v4l, v4h, v5l, v5h, v6l, v6h, v7l, v7h];
  }
  // prettier-ignore
  set(v0l, v0h, v1l, v1h, v2l, v2h, v3l, v3h, v4l, v4h, v5l, v5h, v6l, v6h, v7l, v7h) {
    this.v0l = v0l | 0;
    this.v0h = v0h | 0;
    this.v1l = v1l | 0;
    this.v1h = v1h | 0;
    this.v2l = v2l | 0;
    this.v2h = v2h | 0;
    this.v3l = v3l | 0;
    this.v3h = v3h | 0;
    this.v4l = v4l | 0;
    this.v4h = v4h | 0;
    this.v5l = v5l | 0;
    this.v5h = v5h | 0;
    this.v6l = v6l | 0;
    this.v6h = v6h | 0;
    this.v7l = v7l | 0;
    this.v7h = v7h | 0;
  }
  compress(msg, offset, isLast) {
    const { v0l, v0h, v1l, v1h, v2l, v2h, v3l, v3h, v4l, v4h, v5l, v5h, v6l, v6h, v7l, v7h } = this;
    {
      BBUF[0] = v0l;
      BBUF[1] = v0h;
      BBUF[2] = v1l;
      BBUF[3] = v1h;
      BBUF[4] = v2l;
      BBUF[5] = v2h;
      BBUF[6] = v3l;
      BBUF[7] = v3h;
      BBUF[8] = v4l;
      BBUF[9] = v4h;
      BBUF[10] = v5l;
      BBUF[11] = v5h;
      BBUF[12] = v6l;
      BBUF[13] = v6h;
      BBUF[14] = v7l;
      BBUF[15] = v7h;
    }
    BBUF.set(B2B_IV, 16);
    const l = fromNumL(this.length);
    const h = fromNumH(this.length);
    BBUF[24] = B2B_IV[8] ^ l;
    BBUF[25] = B2B_IV[9] ^ h;
    if (isLast) {
      BBUF[28] = ~BBUF[28];
      BBUF[29] = ~BBUF[29];
    }
    let j = 0;
    const s = BSIGMA;
    for (let i = 0; i < 12; i++) {
      G1b(0, 4, 8, 12, msg, offset + 2 * s[j++]);
      G2b(0, 4, 8, 12, msg, offset + 2 * s[j++]);
      G1b(1, 5, 9, 13, msg, offset + 2 * s[j++]);
      G2b(1, 5, 9, 13, msg, offset + 2 * s[j++]);
      G1b(2, 6, 10, 14, msg, offset + 2 * s[j++]);
      G2b(2, 6, 10, 14, msg, offset + 2 * s[j++]);
      G1b(3, 7, 11, 15, msg, offset + 2 * s[j++]);
      G2b(3, 7, 11, 15, msg, offset + 2 * s[j++]);
      G1b(0, 5, 10, 15, msg, offset + 2 * s[j++]);
      G2b(0, 5, 10, 15, msg, offset + 2 * s[j++]);
      G1b(1, 6, 11, 12, msg, offset + 2 * s[j++]);
      G2b(1, 6, 11, 12, msg, offset + 2 * s[j++]);
      G1b(2, 7, 8, 13, msg, offset + 2 * s[j++]);
      G2b(2, 7, 8, 13, msg, offset + 2 * s[j++]);
      G1b(3, 4, 9, 14, msg, offset + 2 * s[j++]);
      G2b(3, 4, 9, 14, msg, offset + 2 * s[j++]);
    }
    this.v0l ^= BBUF[0] ^ BBUF[16];
    this.v0h ^= BBUF[1] ^ BBUF[17];
    this.v1l ^= BBUF[2] ^ BBUF[18];
    this.v1h ^= BBUF[3] ^ BBUF[19];
    this.v2l ^= BBUF[4] ^ BBUF[20];
    this.v2h ^= BBUF[5] ^ BBUF[21];
    this.v3l ^= BBUF[6] ^ BBUF[22];
    this.v3h ^= BBUF[7] ^ BBUF[23];
    this.v4l ^= BBUF[8] ^ BBUF[24];
    this.v4h ^= BBUF[9] ^ BBUF[25];
    this.v5l ^= BBUF[10] ^ BBUF[26];
    this.v5h ^= BBUF[11] ^ BBUF[27];
    this.v6l ^= BBUF[12] ^ BBUF[28];
    this.v6h ^= BBUF[13] ^ BBUF[29];
    this.v7l ^= BBUF[14] ^ BBUF[30];
    this.v7h ^= BBUF[15] ^ BBUF[31];
    clean(BBUF);
  }
  destroy() {
    this.destroyed = true;
    clean(this.buffer32);
    this.set(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }
};
var blake2b = /* @__PURE__ */ createHasher((opts) => new _BLAKE2b(opts));

// node_modules/@noble/hashes/hmac.js
var _HMAC = class {
  oHash;
  iHash;
  blockLen;
  outputLen;
  canXOF = false;
  finished = false;
  destroyed = false;
  constructor(hash, key) {
    ahash(hash);
    abytes(key, void 0, "key");
    this.iHash = hash.create();
    if (typeof this.iHash.update !== "function")
      throw new Error("expected Hash instance");
    this.blockLen = this.iHash.blockLen;
    this.outputLen = this.iHash.outputLen;
    const blockLen = this.blockLen;
    const pad = new Uint8Array(blockLen);
    pad.set(key.length > blockLen ? hash.create().update(key).digest() : key);
    for (let i = 0; i < pad.length; i++)
      pad[i] ^= 54;
    this.iHash.update(pad);
    this.oHash = hash.create();
    for (let i = 0; i < pad.length; i++)
      pad[i] ^= 54 ^ 92;
    this.oHash.update(pad);
    clean(pad);
  }
  update(buf) {
    aexists(this);
    this.iHash.update(buf);
    return this;
  }
  digestInto(out) {
    aexists(this);
    aoutput(out, this);
    this.finished = true;
    const buf = out.subarray(0, this.outputLen);
    this.iHash.digestInto(buf);
    this.oHash.update(buf);
    this.oHash.digestInto(buf);
    this.destroy();
  }
  digest() {
    const out = new Uint8Array(this.oHash.outputLen);
    this.digestInto(out);
    return out;
  }
  _cloneInto(to) {
    to ||= Object.create(Object.getPrototypeOf(this), {});
    const { oHash, iHash, finished, destroyed, blockLen, outputLen, canXOF } = this;
    to = to;
    to.finished = finished;
    to.destroyed = destroyed;
    to.blockLen = blockLen;
    to.outputLen = outputLen;
    to.canXOF = canXOF;
    to.oHash = oHash._cloneInto(to.oHash);
    to.iHash = iHash._cloneInto(to.iHash);
    return to;
  }
  clone() {
    return this._cloneInto();
  }
  destroy() {
    this.destroyed = true;
    this.oHash.destroy();
    this.iHash.destroy();
  }
};
var hmac = /* @__PURE__ */ (() => {
  const hmac_ = ((hash, key, message) => new _HMAC(hash, key).update(message).digest());
  hmac_.create = (hash, key) => new _HMAC(hash, key);
  return hmac_;
})();

// node_modules/@noble/hashes/pbkdf2.js
function pbkdf2Init(hash, _password, _salt, _opts) {
  ahash(hash);
  const opts = checkOpts({ dkLen: 32, asyncTick: 10 }, _opts);
  const { c, dkLen, asyncTick } = opts;
  anumber(c, "c");
  anumber(dkLen, "dkLen");
  anumber(asyncTick, "asyncTick");
  if (c < 1)
    throw new Error('"c" (iterations) must be >= 1');
  if (dkLen < 1)
    throw new Error('"dkLen" must be >= 1');
  if (dkLen > (2 ** 32 - 1) * hash.outputLen)
    throw new Error("derived key too long");
  const p = kdfInputToBytes(_password, "password");
  try {
    const s = kdfInputToBytes(_salt, "salt");
    try {
      const DK = new Uint8Array(dkLen);
      const { iHash, oHash, outputLen } = hmac.create(hash, p);
      const u = new Uint8Array(outputLen);
      const eng = pbkdf2Engine(iHash, oHash, s, u);
      return { c, dkLen, asyncTick, DK, outputLen, eng };
    } finally {
      if (typeof _salt === "string")
        clean(s);
    }
  } finally {
    if (typeof _password === "string")
      clean(p);
  }
}
function pbkdf2Engine(iHash, oHash, salt, u) {
  const counter = new Uint8Array(4);
  const view = createView(counter);
  const salted = iHash._cloneInto().update(salt);
  const work = oHash._cloneInto();
  const iClone = iHash._cloneInto;
  const oClone = oHash._cloneInto;
  return {
    u1: (ti, Ti) => {
      view.setInt32(0, ti, false);
      salted._cloneInto(work).update(counter).digestInto(u);
      oHash._cloneInto(work).update(u).digestInto(u);
      Ti.set(u.subarray(0, Ti.length));
    },
    // Whole `F` inner loop for the sync variant: one optimized function owns the hot loop.
    rounds: (c, Ti) => {
      for (let ui = 1; ui < c; ui++) {
        iClone.call(iHash, work).update(u).digestInto(u);
        oClone.call(oHash, work).update(u).digestInto(u);
        for (let i = 0; i < Ti.length; i++)
          Ti[i] ^= u[i];
      }
    },
    output: (DK) => {
      iHash.destroy();
      oHash.destroy();
      salted.destroy();
      work.destroy();
      clean(u);
      return DK;
    }
  };
}
function pbkdf2(hash, password, salt, opts) {
  const { c, dkLen, DK, outputLen, eng } = pbkdf2Init(hash, password, salt, opts);
  for (let ti = 1, pos = 0; pos < dkLen; ti++, pos += outputLen) {
    const Ti = DK.subarray(pos, pos + outputLen);
    eng.u1(ti, Ti);
    eng.rounds(c, Ti);
  }
  return eng.output(DK);
}

// node_modules/@noble/hashes/scrypt.js
function XorAndSalsa(prev, pi, input, ii, out, oi) {
  let y00 = prev[pi++] ^ input[ii++], y01 = prev[pi++] ^ input[ii++];
  let y02 = prev[pi++] ^ input[ii++], y03 = prev[pi++] ^ input[ii++];
  let y04 = prev[pi++] ^ input[ii++], y05 = prev[pi++] ^ input[ii++];
  let y06 = prev[pi++] ^ input[ii++], y07 = prev[pi++] ^ input[ii++];
  let y08 = prev[pi++] ^ input[ii++], y09 = prev[pi++] ^ input[ii++];
  let y10 = prev[pi++] ^ input[ii++], y11 = prev[pi++] ^ input[ii++];
  let y12 = prev[pi++] ^ input[ii++], y13 = prev[pi++] ^ input[ii++];
  let y14 = prev[pi++] ^ input[ii++], y15 = prev[pi++] ^ input[ii++];
  let x00 = y00, x01 = y01, x02 = y02, x03 = y03, x04 = y04, x05 = y05, x06 = y06, x07 = y07, x08 = y08, x09 = y09, x10 = y10, x11 = y11, x12 = y12, x13 = y13, x14 = y14, x15 = y15;
  for (let i = 0; i < 8; i += 2) {
    x04 ^= rotl(x00 + x12 | 0, 7);
    x08 ^= rotl(x04 + x00 | 0, 9);
    x12 ^= rotl(x08 + x04 | 0, 13);
    x00 ^= rotl(x12 + x08 | 0, 18);
    x09 ^= rotl(x05 + x01 | 0, 7);
    x13 ^= rotl(x09 + x05 | 0, 9);
    x01 ^= rotl(x13 + x09 | 0, 13);
    x05 ^= rotl(x01 + x13 | 0, 18);
    x14 ^= rotl(x10 + x06 | 0, 7);
    x02 ^= rotl(x14 + x10 | 0, 9);
    x06 ^= rotl(x02 + x14 | 0, 13);
    x10 ^= rotl(x06 + x02 | 0, 18);
    x03 ^= rotl(x15 + x11 | 0, 7);
    x07 ^= rotl(x03 + x15 | 0, 9);
    x11 ^= rotl(x07 + x03 | 0, 13);
    x15 ^= rotl(x11 + x07 | 0, 18);
    x01 ^= rotl(x00 + x03 | 0, 7);
    x02 ^= rotl(x01 + x00 | 0, 9);
    x03 ^= rotl(x02 + x01 | 0, 13);
    x00 ^= rotl(x03 + x02 | 0, 18);
    x06 ^= rotl(x05 + x04 | 0, 7);
    x07 ^= rotl(x06 + x05 | 0, 9);
    x04 ^= rotl(x07 + x06 | 0, 13);
    x05 ^= rotl(x04 + x07 | 0, 18);
    x11 ^= rotl(x10 + x09 | 0, 7);
    x08 ^= rotl(x11 + x10 | 0, 9);
    x09 ^= rotl(x08 + x11 | 0, 13);
    x10 ^= rotl(x09 + x08 | 0, 18);
    x12 ^= rotl(x15 + x14 | 0, 7);
    x13 ^= rotl(x12 + x15 | 0, 9);
    x14 ^= rotl(x13 + x12 | 0, 13);
    x15 ^= rotl(x14 + x13 | 0, 18);
  }
  out[oi++] = y00 + x00 | 0;
  out[oi++] = y01 + x01 | 0;
  out[oi++] = y02 + x02 | 0;
  out[oi++] = y03 + x03 | 0;
  out[oi++] = y04 + x04 | 0;
  out[oi++] = y05 + x05 | 0;
  out[oi++] = y06 + x06 | 0;
  out[oi++] = y07 + x07 | 0;
  out[oi++] = y08 + x08 | 0;
  out[oi++] = y09 + x09 | 0;
  out[oi++] = y10 + x10 | 0;
  out[oi++] = y11 + x11 | 0;
  out[oi++] = y12 + x12 | 0;
  out[oi++] = y13 + x13 | 0;
  out[oi++] = y14 + x14 | 0;
  out[oi++] = y15 + x15 | 0;
}
function BlockMix(input, ii, out, oi, r) {
  let head = oi + 0;
  let tail = oi + 16 * r;
  for (let i = 0; i < 16; i++)
    out[tail + i] = input[ii + (2 * r - 1) * 16 + i];
  for (let i = 0; i < r; i++, head += 16, ii += 16) {
    XorAndSalsa(out, tail, input, ii, out, head);
    if (i > 0)
      tail += 16;
    XorAndSalsa(out, head, input, ii += 16, out, tail);
  }
}
var SCRYPT_DEFAULT_MAXMEM = 128 * 8 * (2 ** 20 + 1 + 1);
function scryptInit(password, salt, _opts) {
  const opts = checkOpts({
    dkLen: 32,
    asyncTick: 10,
    maxmem: SCRYPT_DEFAULT_MAXMEM
  }, _opts);
  const { N, r, p, dkLen, asyncTick, maxmem, onProgress } = opts;
  anumber(N, "N");
  anumber(r, "r");
  anumber(p, "p");
  anumber(dkLen, "dkLen");
  anumber(asyncTick, "asyncTick");
  anumber(maxmem, "maxmem");
  if (onProgress !== void 0 && typeof onProgress !== "function")
    throw new Error('"onProgress" must be a function');
  if (r < 1)
    throw new Error('"r" expected integer >= 1');
  const blockSize = 128 * r;
  const blockSize32 = blockSize / 4;
  const pow32 = Math.pow(2, 32);
  if (N <= 1 || (N & N - 1) !== 0 || N > pow32)
    throw new Error('"N" expected a power of 2, and 2^1 <= N <= 2^32');
  if (p < 1 || p > (pow32 - 1) * 32 / blockSize)
    throw new Error('"p" expected integer 1..((2^32 - 1) * 32) / (128 * r)');
  if (dkLen < 1 || dkLen > (pow32 - 1) * 32)
    throw new Error('"dkLen" expected integer 1..(2^32 - 1) * 32');
  const memUsed = blockSize * (N + p + 1);
  if (memUsed > maxmem)
    throw new Error('"maxmem" limit was hit: memUsed(128*r*(N+p+1))=' + memUsed + ", maxmem=" + maxmem);
  const B = pbkdf2(sha256, password, salt, { c: 1, dkLen: blockSize * p });
  const B32 = u32(B);
  const V = u32(new Uint8Array(blockSize * N));
  const tmp = u32(new Uint8Array(blockSize));
  let blockMixCb = () => {
  };
  if (onProgress) {
    const totalBlockMix = 2 * N * p;
    const callbackPer = Math.max(Math.floor(totalBlockMix / 1e4), 1);
    let blockMixCnt = 0;
    blockMixCb = () => {
      blockMixCnt++;
      if (onProgress && (!(blockMixCnt % callbackPer) || blockMixCnt === totalBlockMix)) {
        try {
          onProgress(blockMixCnt / totalBlockMix);
        } catch (e) {
          clean(B, V, tmp);
          throw e;
        }
      }
    };
  }
  return { N, r, p, dkLen, blockSize32, V, B32, B, tmp, blockMixCb, asyncTick };
}
function scryptOutput(password, dkLen, B, V, tmp) {
  const res = pbkdf2(sha256, password, B, { c: 1, dkLen });
  clean(B, V, tmp);
  return res;
}
function scrypt(password, salt, opts) {
  const { N, r, p, dkLen, blockSize32, V, B32, B, tmp, blockMixCb } = scryptInit(password, salt, opts);
  swap32IfBE(B32);
  for (let pi = 0; pi < p; pi++) {
    const Pi = blockSize32 * pi;
    for (let i = 0; i < blockSize32; i++)
      V[i] = B32[Pi + i];
    for (let i = 0, pos = 0; i < N - 1; i++) {
      BlockMix(V, pos, V, pos += blockSize32, r);
      blockMixCb();
    }
    BlockMix(V, (N - 1) * blockSize32, B32, Pi, r);
    blockMixCb();
    for (let i = 0; i < N; i++) {
      const j = (B32[Pi + blockSize32 - 16] & N - 1) >>> 0;
      for (let k = 0; k < blockSize32; k++)
        tmp[k] = B32[Pi + k] ^ V[j * blockSize32 + k];
      BlockMix(tmp, 0, B32, Pi, r);
      blockMixCb();
    }
  }
  swap32IfBE(B32);
  return scryptOutput(password, dkLen, B, V, tmp);
}

// src/crypto/minisign-key.ts
var SIG_ALG = Uint8Array.of(69, 100);
var PREHASH_ALG = Uint8Array.of(69, 68);
var KDF_SCRYPT = Uint8Array.of(83, 99);
var KDF_NONE = Uint8Array.of(0, 0);
var CHK_ALG = Uint8Array.of(66, 50);
var SECRET_KEY_BYTES = 158;
var PUBLIC_KEY_BYTES = 42;
var ENCRYPTED_BYTES = 104;
var MAX_SCRYPT_MEMORY = 4 * 1024 ** 3;
function keyError(message) {
  return new ReleaseError("KEY_INVALID", message);
}
function keyIdHex(keyId) {
  return Buffer.from(keyId).reverse().toString("hex").toUpperCase();
}
function equal(a, b) {
  return Buffer.compare(a, b) === 0;
}
function formatPublicKey(key) {
  return Buffer.concat([SIG_ALG, key.keyId, key.publicKey]).toString("base64");
}
function parsePublicKey(text, what = "minisign-public-key") {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("untrusted comment:"));
  const bytes = lines.length === 1 ? decodeStandardBase64(lines[0]) : void 0;
  if (bytes === void 0 || bytes.length !== PUBLIC_KEY_BYTES || !equal(bytes.subarray(0, 2), SIG_ALG)) {
    throw keyError(
      `${what} is not a minisign public key: expected the base64 line of 56 characters starting with RW (as in the .pub file after its comment line), e.g. RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3`
    );
  }
  return { keyId: bytes.subarray(2, 10), publicKey: bytes.subarray(10) };
}
function scryptParams(opslimit, memlimit) {
  const ops = opslimit < 32768n ? 32768n : opslimit;
  const r = 8n;
  const maxN = ops < memlimit / 32n ? ops / (r * 4n) : memlimit / (r * 128n);
  let logN = 1;
  while (logN < 63 && 1n << BigInt(logN) <= maxN / 2n) logN++;
  if (ops < memlimit / 32n) return { logN, p: 1 };
  let maxrp = ops / 4n / (1n << BigInt(logN));
  if (maxrp > 0x3fffffffn) maxrp = 0x3fffffffn;
  return { logN, p: Number(maxrp / r) };
}
function decrypt(raw, password) {
  const salt = raw.subarray(6, 38);
  const { logN, p } = scryptParams(raw.readBigUInt64LE(38), raw.readBigUInt64LE(46));
  const memory = 128 * 8 * (2 ** logN + p);
  if (p < 1 || memory > MAX_SCRYPT_MEMORY) {
    throw keyError(
      `minisign-secret-key asks scrypt for N=2^${logN}, p=${p} (${Math.ceil(memory / 1024 ** 2)} MiB), which minisign itself could not use either; re-create the key with minisign -G`
    );
  }
  const stream = scrypt(new TextEncoder().encode(password), salt, {
    N: 2 ** logN,
    r: 8,
    p,
    dkLen: ENCRYPTED_BYTES,
    maxmem: memory + 1024 * 1024
  });
  const tail = raw.subarray(54);
  return Uint8Array.from(tail, (b, i) => b ^ stream[i]);
}
function secretKeyBytes(text) {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("untrusted comment:"));
  const bytes = lines.length === 1 ? decodeStandardBase64(lines[0]) : void 0;
  if (bytes === void 0 || bytes.length !== SECRET_KEY_BYTES) {
    throw keyError(
      'minisign-secret-key is not a minisign secret key file: expected its text, an "untrusted comment:" line and one base64 line of 212 characters (the whole minisign.key, as the MINISIGN_SECRET_KEY secret holds it)'
    );
  }
  return Buffer.from(bytes);
}
function parseSecretKey(text, password) {
  const raw = secretKeyBytes(text);
  if (!equal(raw.subarray(0, 2), SIG_ALG) || !equal(raw.subarray(4, 6), CHK_ALG)) {
    throw keyError(
      "minisign-secret-key is not an Ed25519 minisign key (its algorithm bytes are not Ed and B2); pass the key minisign -G wrote"
    );
  }
  const kdf = raw.subarray(2, 4);
  let body;
  if (equal(kdf, KDF_SCRYPT)) {
    if (password === "") {
      throw keyError(
        "minisign-secret-key is encrypted and minisign-password is empty; pass the password (e.g. minisign-password: ${{ secrets.MINISIGN_PASSWORD }})"
      );
    }
    body = decrypt(raw, password);
  } else if (equal(kdf, KDF_NONE)) {
    body = raw.subarray(54);
  } else {
    throw keyError(
      "minisign-secret-key uses a key derivation other than scrypt or none; re-save it with minisign -C"
    );
  }
  const keyId = body.slice(0, 8);
  const sk = body.subarray(8, 72);
  if (equal(kdf, KDF_SCRYPT)) {
    const chk = blake2b(Buffer.concat([SIG_ALG, keyId, sk]), { dkLen: 32 });
    if (!equal(chk, body.subarray(72, 104))) {
      throw keyError(
        "minisign-password is wrong for minisign-secret-key (the key's checksum does not match after decryption); pass the password the key was created with"
      );
    }
  }
  const seed = sk.slice(0, 32);
  const publicKey = sk.slice(32, 64);
  if (!equal(ed25519PublicKey(seed), publicKey)) {
    throw keyError(
      `minisign-secret-key ${keyIdHex(keyId)} is corrupt: its public key is not the one of its seed; restore the key from its backup`
    );
  }
  return { keyId, seed, publicKey };
}
function checkKeyPair(secret, given) {
  if (!equal(secret.keyId, given.keyId)) {
    throw keyError(
      `minisign-public-key has key id ${keyIdHex(given.keyId)} but minisign-secret-key has ${keyIdHex(secret.keyId)}; pass the public key of this secret key (minisign -R recreates it)`
    );
  }
  if (!equal(secret.publicKey, given.publicKey)) {
    throw keyError(
      `minisign-public-key ${keyIdHex(given.keyId)} has the secret key's id but another public key; pass the public key of this secret key (minisign -R recreates it)`
    );
  }
}

// src/ecosystems/osaurus/key.ts
var memo;
function secretKey(config) {
  const { minisignSecretKey: text, minisignPassword: password } = config.osaurus;
  if (memo?.text !== text || memo.password !== password)
    memo = { text, password, key: parseSecretKey(text, password) };
  if (config.osaurus.minisignPublicKey !== "")
    checkKeyPair(memo.key, parsePublicKey(config.osaurus.minisignPublicKey));
  return memo.key;
}
function publicKeyFor(config, entryKey) {
  if (config.osaurus.minisignPublicKey !== "")
    return parsePublicKey(config.osaurus.minisignPublicKey);
  if (config.osaurus.minisignSecretKey !== "") return secretKey(config);
  return entryKey === void 0 ? void 0 : parsePublicKey(entryKey, "the registry entry key");
}
function publicKeyLine(config) {
  return formatPublicKey(secretKey(config));
}

// src/ecosystems/osaurus/registry-entry.ts
var isObject2 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var or = (v, d) => v === void 0 || v === null || v === false ? d : v;
function toolSummary(tool) {
  if (!isObject2(tool)) return tool;
  const out = { ...tool, name: tool["id"] ?? null };
  for (const k of ["id", "parameters", "requirements", "permission_policy"]) delete out[k];
  return out;
}
function skillSummary(text) {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  const kept = [];
  let inside = false;
  for (const line of lines) {
    if (inside) {
      kept.push(line);
      if (line === "---") inside = false;
    } else if (line === "---") {
      kept.push(line);
      inside = true;
    }
  }
  const front = kept.slice(1, -1);
  const field = (key) => front.find((l) => l.startsWith(`${key}:`))?.replace(new RegExp(`^${key}:\\s*`), "") ?? "";
  return { name: field("name"), description: field("description") };
}
function capabilities(f) {
  const caps = isObject2(f.doc["capabilities"]) ? f.doc["capabilities"] : {};
  const out = { tools: or(caps["tools"], []).map(toolSummary) };
  if (f.skillText !== void 0) out["skills"] = [skillSummary(f.skillText)];
  const routes = or(caps["routes"], []).map((r) => {
    const route = isObject2(r) ? r : {};
    return {
      name: or(route["id"], route["name"] ?? null),
      description: or(route["description"], "")
    };
  });
  if (routes.length > 0) out["routes"] = routes;
  return out;
}
function docs(f) {
  const manifestDocs = or(f.doc["docs"], {});
  const hasManifestDocs = !(isObject2(manifestDocs) && Object.keys(manifestDocs).length === 0);
  if (!f.hasReadme && !f.hasChangelog && !hasManifestDocs) return void 0;
  const out = {};
  if (f.hasReadme) out["readme"] = "README.md";
  if (f.hasChangelog) out["changelog"] = "CHANGELOG.md";
  const links = isObject2(manifestDocs) ? or(manifestDocs["links"], []) : [];
  if (!(Array.isArray(links) && links.length === 0)) out["links"] = links;
  return Object.keys(out).length > 0 ? out : void 0;
}
function releaseDate(epoch) {
  return new Date(epoch * 1e3).toISOString().slice(0, 10);
}
function buildEntry(f) {
  const d = f.doc;
  const id = d["plugin_id"];
  const last = id.split(".").at(-1);
  const minMacos = or(d["min_macos"], "13.0");
  const minOsaurus = or(d["min_osaurus"], "0.5.0");
  const entry = {
    plugin_id: id,
    name: or(d["name"], "") || last.charAt(0).toUpperCase() + last.slice(1),
    description: or(d["description"], ""),
    homepage: f.homepage,
    license: or(d["license"], "MIT"),
    authors: or(d["authors"], [f.owner]),
    capabilities: capabilities(f),
    public_keys: { minisign: f.publicKey },
    requires: { min_macos: minMacos, osaurus_min_version: minOsaurus },
    versions: [
      {
        version: d["version"],
        release_date: releaseDate(f.epoch),
        requires: { osaurus_min_version: minOsaurus },
        artifacts: [
          {
            os: "macos",
            arch: "arm64",
            url: f.url,
            sha256: f.sha256,
            size: f.size,
            min_macos: minMacos,
            minisign: { signature: f.signature }
          }
        ]
      }
    ]
  };
  const skill = f.skillText?.replace(/\n+$/, "");
  if (skill) entry["skill"] = skill;
  const docsObj = docs(f);
  if (docsObj !== void 0) entry["docs"] = docsObj;
  return entry;
}
function formatEntry(entry) {
  return `${JSON.stringify(entry, null, 2)}
`;
}
function registeredKey(entry) {
  const keys = isObject2(entry) ? entry["public_keys"] : void 0;
  const key = isObject2(keys) ? keys["minisign"] : void 0;
  return typeof key === "string" && key !== "" ? key : void 0;
}
function parseEntry(text, where) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ReleaseError("REGISTRY_ENTRY", `${where} is not JSON: ${e.message}`, {
      location: { file: where }
    });
  }
  if (!isObject2(value))
    throw new ReleaseError("REGISTRY_ENTRY", `${where} is not a JSON object`, {
      location: { file: where }
    });
  return value;
}
function checkKeyUnchanged(base, mine, where) {
  const theirs = registeredKey(base);
  if (theirs !== void 0 && theirs !== mine) {
    throw new ReleaseError(
      "REGISTRY_KEY_CHANGED",
      `${where} registers minisign key ${theirs}, but this release is signed with ${mine}. The registry never accepts a key change; sign with the registered key`,
      { location: { file: where } }
    );
  }
}
function mergeEntry(base, ours, where) {
  const mine = registeredKey(ours);
  checkKeyUnchanged(base, mine, where);
  const theirs = registeredKey(base);
  const out = { ...base };
  if (theirs === void 0)
    out["public_keys"] = {
      ...isObject2(base["public_keys"]) ? base["public_keys"] : {},
      minisign: mine
    };
  for (const key2 of ["capabilities", "skill", "docs"]) {
    if (key2 in ours) out[key2] = ours[key2];
    else delete out[key2];
  }
  const version = ours["versions"][0];
  const older = Array.isArray(base["versions"]) ? base["versions"] : [];
  const kept = older.filter((v) => !(isObject2(v) && v["version"] === version["version"]));
  const all = [version, ...kept];
  const key = (v) => isObject2(v) && isSemver(v["version"]) ? v["version"] : void 0;
  out["versions"] = all.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === void 0 || kb === void 0)
      return (ka === void 0 ? 1 : 0) - (kb === void 0 ? 1 : 0);
    return compareSemver(kb, ka);
  });
  return out;
}

// src/ecosystems/osaurus/registry-validate.ts
var MINISIGN_PUBKEY_RE = /^RW[A-Za-z0-9+/]{50,}={0,2}$/;
var BASE64_LINE = /^[A-Za-z0-9+/]+=*$/;
var SHA256_RE = /^[a-fA-F0-9]{64}$/;
var isObject3 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var isString = (v) => typeof v === "string";
function signatureProblems(minisign, where, p) {
  const add2 = (message) => void p.push({ rule: "artifact", message: `${where}: ${message}` });
  if (!isObject3(minisign)) return add2("'minisign' must be an object with 'signature'");
  const sig = minisign["signature"];
  if (!isString(sig)) return add2("'minisign.signature' must be a string");
  const lines = sig.trim().split("\n");
  if (lines.length !== 4) return add2(`minisign signature has ${lines.length} lines, expected 4`);
  if (!lines[0].startsWith("untrusted comment:"))
    add2("minisign signature must start with 'untrusted comment:'");
  if (!lines[2].startsWith("trusted comment:"))
    add2("minisign signature line 3 must start with 'trusted comment:'");
  if (!BASE64_LINE.test(lines[1])) add2("minisign signature line 2 is not base64");
  if (!BASE64_LINE.test(lines[3])) add2("minisign signature line 4 is not base64");
}
function artifactProblems(a, where, p) {
  const add2 = (message) => void p.push({ rule: "artifact", message: `${where}: ${message}` });
  if (!isObject3(a)) return add2("an artifact must be an object"), false;
  const missing = ["os", "arch", "url", "sha256", "minisign"].filter((k) => !(k in a));
  if (missing.length > 0) return add2(`missing ${missing.join(", ")}`), false;
  const before = p.length;
  if (a["os"] !== "macos") add2(`os '${String(a["os"])}' is not macos`);
  if (a["arch"] !== "arm64") add2(`arch '${String(a["arch"])}' is not arm64`);
  if (!isString(a["url"]) || !a["url"].startsWith("https://")) add2("url must start with https://");
  if (!isString(a["sha256"]) || !SHA256_RE.test(a["sha256"])) add2("sha256 is not 64 hex digits");
  signatureProblems(a["minisign"], where, p);
  return p.length === before;
}
function versionProblems(v, where, p) {
  const add2 = (message) => void p.push({ rule: "version", message: `${where}: ${message}` });
  if (!isObject3(v)) return add2("a version must be an object");
  const missing = ["version", "artifacts"].filter((k) => !(k in v));
  if (missing.length > 0) return add2(`missing ${missing.join(", ")}`);
  if (!isSemver(v["version"])) return add2(`version '${String(v["version"])}' is not SemVer`);
  const artifacts = v["artifacts"];
  if (!Array.isArray(artifacts) || artifacts.length === 0)
    return add2("'artifacts' must be a non-empty list");
  let macArm = false;
  artifacts.forEach((a, i) => {
    if (artifactProblems(a, `${where} artifacts[${i}]`, p) && isObject3(a))
      macArm ||= a["os"] === "macos" && a["arch"] === "arm64";
  });
  if (!macArm) add2("no artifact for macos/arm64");
  const req = v["requires"];
  if (isObject3(req) && "osaurus_min_version" in req && !isSemver(req["osaurus_min_version"]))
    add2(`requires.osaurus_min_version '${String(req["osaurus_min_version"])}' is not SemVer`);
}
function capabilityProblems(caps, p) {
  const add2 = (message) => void p.push({ rule: "capabilities", message });
  if (!isObject3(caps)) return add2("'capabilities' must be an object");
  const tools = caps["tools"];
  if ("tools" in caps && !Array.isArray(tools)) add2("'capabilities.tools' must be an array");
  if (Array.isArray(tools)) {
    const seen = /* @__PURE__ */ new Set();
    tools.forEach((t, i) => {
      const name = isObject3(t) ? t["name"] : void 0;
      if (!isString(name) || name.trim() === "")
        add2(`capabilities.tools[${i}] must have a non-empty string 'name'`);
      else if (seen.has(name)) add2(`duplicate tool name '${name}'`);
      else seen.add(name);
    });
  }
  for (const key of ["skills", "routes"]) {
    const list2 = caps[key];
    if (list2 === void 0 || list2 === null) continue;
    if (!Array.isArray(list2)) add2(`'capabilities.${key}' must be an array or null`);
    else
      list2.forEach((x, i) => {
        if (!isObject3(x)) add2(`capabilities.${key}[${i}] must be an object`);
        else if (key === "routes" && (!("name" in x) || !("description" in x)))
          add2(`capabilities.routes[${i}] needs 'name' and 'description'`);
      });
  }
  for (const key of ["config", "web"]) {
    if (caps[key] !== void 0 && caps[key] !== null && !isObject3(caps[key]))
      add2(`'capabilities.${key}' must be an object or null`);
  }
}
function otherProblems(e, p) {
  if ("secrets" in e) {
    const s = e["secrets"];
    if (!Array.isArray(s)) p.push({ rule: "secrets", message: "'secrets' must be an array" });
    else
      s.forEach((x, i) => {
        const ok = isObject3(x) && isString(x["id"]) && isString(x["label"]) && typeof x["required"] === "boolean" && (!("description" in x) || isString(x["description"])) && (!("url" in x) || isString(x["url"]));
        if (!ok)
          p.push({
            rule: "secrets",
            message: `secrets[${i}] needs string id, label and a boolean required`
          });
      });
  }
  if ("capabilities" in e) capabilityProblems(e["capabilities"], p);
  if ("docs" in e) {
    const d = e["docs"];
    const links = isObject3(d) ? d["links"] : void 0;
    const ok = isObject3(d) && (!("readme" in d) || isString(d["readme"])) && (!("changelog" in d) || isString(d["changelog"])) && (!("links" in d) || Array.isArray(links) && links.every((l) => isObject3(l) && isString(l["label"]) && isString(l["url"])));
    if (!ok)
      p.push({
        rule: "docs",
        message: "'docs' must be an object; readme, changelog strings; links [{label, url}]"
      });
  }
  const req = e["requires"] ?? void 0;
  const min = isObject3(req) ? req["osaurus_min_version"] : e["min_osaurus"];
  if (req !== void 0 && !isObject3(req))
    p.push({ rule: "requires", message: "'requires' must be an object" });
  else if (!isString(min) || min === "" || !isSemver(min))
    p.push({
      rule: "requires",
      message: `requires.osaurus_min_version ${JSON.stringify(min ?? null)} is missing or not SemVer`
    });
}
function validateEntry(text, fileId, baseKey) {
  const p = [];
  let e;
  try {
    e = JSON.parse(text);
  } catch (err) {
    return [{ rule: "json", message: `not JSON: ${err.message}` }];
  }
  if (!isObject3(e)) return [{ rule: "json", message: "not a JSON object" }];
  const missing = ["plugin_id", "versions", "public_keys"].filter((k) => !(k in e));
  if (missing.length > 0) p.push({ rule: "json", message: `missing ${missing.join(", ")}` });
  const id = e["plugin_id"];
  if (id !== fileId)
    p.push({
      rule: "plugin_id",
      message: `plugin_id ${JSON.stringify(id)} is not the file name's ${fileId}`
    });
  if (!isString(id) || id !== id.toLowerCase() || !PLUGIN_ID_RE.test(id))
    p.push({
      rule: "plugin_id",
      message: `plugin_id ${JSON.stringify(id)} is not lowercase dot-separated`
    });
  const keys = e["public_keys"];
  const key = isObject3(keys) ? keys["minisign"] : void 0;
  if (!isString(key) || !MINISIGN_PUBKEY_RE.test(key))
    p.push({
      rule: "public_keys",
      message: "public_keys.minisign is missing or not an RW... minisign public key"
    });
  else if (baseKey !== void 0 && baseKey !== key)
    p.push({
      rule: "immutable",
      message: `public_keys.minisign changed from the registered ${baseKey}; keys are immutable`
    });
  otherProblems(e, p);
  const versions = e["versions"];
  if (!Array.isArray(versions)) {
    p.push({ rule: "versions", message: "'versions' must be a list" });
    return p;
  }
  const names = versions.map((v) => isObject3(v) ? v["version"] : void 0).filter(isString);
  const dup = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
  if (dup.length > 0) p.push({ rule: "versions", message: `duplicate versions ${dup.join(", ")}` });
  const parseable = names.filter(isSemver);
  const sorted = [...parseable].sort((a, b) => compareSemver(b, a));
  if (parseable.join("\n") !== sorted.join("\n"))
    p.push({ rule: "versions", message: `versions must be newest first: ${sorted.join(", ")}` });
  versions.forEach((v, i) => versionProblems(v, `versions[${i}]`, p));
  return p;
}

// src/ecosystems/osaurus/registry-file.ts
async function textIfFile(file) {
  const st = await fs.stat(file).catch(() => void 0);
  return st?.isFile() ? fs.readFile(file, "utf8") : void 0;
}
function entryPrerequisite(config) {
  if (config.osaurus.minisignSecretKey === "")
    return "the registry entry needs the minisign signature: pass minisign-secret-key";
  if (config.repo === void 0)
    return "the registry entry's download URL needs the plugin's repository: pass repo (or run in GitHub Actions)";
  if (config.tag === void 0)
    return `the registry entry's download URL needs the tag: ${config.tagHint}`;
  return void 0;
}
function downloadUrl(config, name) {
  const repo = config.repo;
  return `${config.serverUrl}/${repo.owner}/${repo.name}/releases/download/${config.tag}/${name}`;
}
async function entryOf(config, m, zip) {
  const why = entryPrerequisite(config);
  if (why !== void 0) throw new ReleaseError("USAGE", why);
  const repo = config.repo;
  const dir = config.workingDirectory;
  return buildEntry({
    doc: m.doc,
    homepage: `${config.serverUrl}/${repo.owner}/${repo.name}`,
    owner: repo.owner,
    publicKey: publicKeyLine(config),
    url: downloadUrl(config, zip.name),
    sha256: zip.sha256,
    size: zip.size,
    signature: zip.signature,
    epoch: zip.epoch,
    skillText: await textIfFile(path2.join(dir, "SKILL.md")),
    hasReadme: await textIfFile(path2.join(dir, "README.md")) !== void 0,
    hasChangelog: await textIfFile(path2.join(dir, "CHANGELOG.md")) !== void 0
  });
}
function finishEntry(ours, base) {
  const baseEntry = base === void 0 ? void 0 : parseEntry(base.text, base.where);
  const merged = baseEntry === void 0 ? ours : mergeEntry(baseEntry, ours, base.where);
  const text = formatEntry(merged);
  const id = ours["plugin_id"];
  const baseKey = registeredKey(baseEntry);
  const problems = validateEntry(text, id, baseKey);
  if (problems.length > 0) {
    throw new ReleaseError(
      "REGISTRY_ENTRY",
      `the registry entry plugins/${id}.json would fail the osaurus-tools validator: ${problems.map((p) => p.message).join("; ")}`
    );
  }
  return { text, baseKey };
}
async function readBase(config) {
  const file = config.registry.base;
  if (file === void 0) return void 0;
  const text = await fs.readFile(file, "utf8").catch((e) => {
    throw new ReleaseError(
      "REGISTRY_ENTRY",
      `registry-base ${file} cannot be read: ${e.message}; pass the path of the current plugins/<plugin_id>.json (e.g. from a checkout of the registry)`,
      { location: { file } }
    );
  });
  return { text, where: file };
}
async function entryPath(config, id) {
  const file = config.registry.entry;
  const st = await fs.stat(file).catch(() => void 0);
  return st?.isDirectory() ? path2.join(file, `${id}.json`) : file;
}
async function writeRegistryEntry(config, m, zip) {
  const file = await entryPath(config, m.id);
  const { text } = finishEntry(await entryOf(config, m, zip), await readBase(config));
  await fs.mkdir(path2.dirname(file), { recursive: true });
  await fs.writeFile(file, text);
  return file;
}

// src/ecosystems/osaurus/destination.ts
var isNotSet = (ctx) => ctx.config.registry.repo === void 0;
var registryPullRequest = {
  name: "registry pull request",
  skip: (ctx) => isNotSet(ctx) ? "registry-repo is not set" : ctx.config.osaurus.minisignSecretKey === "" ? "no minisign-secret-key: the registry lists signed artifacts only" : void 0,
  async run(ctx) {
    const { config, reporter } = ctx;
    const repo = config.registry.repo;
    const manifest = await readOsaurusManifest(config);
    const name = zipName(manifest.id, manifest.version);
    const file = path3.join(config.distDir, name);
    const [bytes, signature] = await Promise.all([
      fs2.readFile(file),
      fs2.readFile(`${file}.minisig`, "utf8")
    ]).catch((e) => {
      throw new ReleaseError(
        "DIST_MISSING",
        `${name} and its .minisig must be in ${config.distDir} to write the registry entry: ${e.message}`
      );
    });
    const ours = await entryOf(config, manifest, {
      name,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      size: bytes.length,
      signature,
      epoch: await resolveEpoch(config.sourceDateEpoch, config.workingDirectory)
    });
    const entryFile = `plugins/${manifest.id}.json`;
    const { openRegistryPullRequest, readRepoFile } = await import("./pull-request-3RVL7HPT.js");
    const current = await readRepoFile(config.apiUrl, config.registry.token, repo, entryFile);
    const base = current === void 0 ? await readBase(config) : { text: current, where: `${repo.owner}/${repo.name}:${entryFile}` };
    const { text } = finishEntry(ours, base);
    const title = `Add ${manifest.id} v${manifest.version}`;
    const source = config.repo === void 0 ? "" : `${config.repo.owner}/${config.repo.name}`;
    const result = await openRegistryPullRequest({
      apiUrl: config.apiUrl,
      token: config.registry.token,
      repo,
      dirCandidates: ["plugins"],
      fileName: `${manifest.id}.json`,
      content: text,
      branch: `plugin/${manifest.id}-${manifest.version}`,
      title,
      commitMessage: title,
      body: [
        `**Plugin:** \`${manifest.id}\``,
        `**Version:** \`${manifest.version}\``,
        `**Source:** [${source}](${config.serverUrl}/${source})`,
        "",
        "---",
        "*Opened by plugin-release-action from the release*",
        ""
      ].join("\n"),
      log: (m) => reporter.info(m)
    });
    const what = {
      opened: "opened",
      updated: "updated",
      unchanged: "is up to date",
      "already-on-base": "not needed: the registry already has this entry"
    }[result.action];
    reporter.info(`registry pull request ${what}${result.url ? `: ${result.url}` : ""}`);
    reporter.summary(
      `### Registry

${result.path} in ${repo.owner}/${repo.name}: pull request ${what}${result.url ? ` ([#${result.number}](${result.url}))` : ""}
`
    );
  }
};

// src/ecosystems/osaurus/pack.ts
import { createWriteStream } from "node:fs";
import fs5 from "node:fs/promises";
import path6 from "node:path";

// src/ecosystems/osaurus/bundle.ts
import fs3 from "node:fs/promises";
import path4 from "node:path";

// src/ecosystems/osaurus/rules.ts
import { open, readFile as readFile2 } from "node:fs/promises";
var EXTRACTOR = {
  archiveBytes: 256 * 1024 * 1024,
  expandedBytes: 1024 * 1024 * 1024,
  entries: 2e4,
  pathBytes: 1024,
  depth: 32,
  componentBytes: 255,
  ratio: 200,
  ratioMinBytes: 4 * 1024 * 1024
};
var SOURCE_EXT = [".swift", ".rs", ".c", ".h", ".m", ".mm", ".cpp", ".ts"];
var SECRET_EXT = [".pem", ".p12", ".key"];
function nameRefusal(archivePath) {
  const parts = archivePath.replace(/\/$/, "").split("/");
  const base = parts.at(-1).toLowerCase();
  if (base.startsWith(".env")) return "a secret (.env file)";
  if (parts.some((p) => p.startsWith("."))) return "hidden";
  const ext = SOURCE_EXT.find((e) => base.endsWith(e));
  if (ext !== void 0 && !archivePath.endsWith("/")) return `source code (${ext})`;
  const secret = SECRET_EXT.find((e) => base.endsWith(e));
  if (secret !== void 0 && !archivePath.endsWith("/")) return `a secret (${secret})`;
  return void 0;
}
var UNSAFE_TEXT = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
function pathProblems(archivePath) {
  const out = [];
  if (archivePath.startsWith("/") || archivePath.includes("\\") || UNSAFE_TEXT.test(archivePath)) {
    out.push("unsafe path syntax (absolute, a backslash, or a control or bidirectional character)");
  }
  if (Buffer.byteLength(archivePath) > EXTRACTOR.pathBytes)
    out.push(`path longer than ${EXTRACTOR.pathBytes} UTF-8 bytes`);
  const parts = archivePath.replace(/\/$/, "").split("/");
  if (parts.length > EXTRACTOR.depth) out.push(`deeper than ${EXTRACTOR.depth} levels`);
  if (parts.some((p) => p === "" || p === "." || p === ".."))
    out.push("an empty, . or .. path component");
  if (parts.some((p) => Buffer.byteLength(p) > EXTRACTOR.componentBytes))
    out.push(`a path component longer than ${EXTRACTOR.componentBytes} UTF-8 bytes`);
  if ([...parts[0] ?? ""][1] === ":") out.push("a drive-qualified first component");
  return out;
}
function collisionKey(archivePath) {
  return archivePath.replace(/\/$/, "").split("/").map((p) => p.normalize("NFC").toLowerCase()).join("/");
}
var MARK = Buffer.from("PRIVATE KEY-----");
var BLOCK = /-----BEGIN ([A-Z0-9 ]{0,40})PRIVATE KEY-----[\s\S]*?-----END \1PRIVATE KEY-----/;
function hasKeyBlock(bytes) {
  return bytes.includes(MARK) && BLOCK.test(bytes.toString("latin1"));
}
async function holdsPrivateKey(file) {
  const handle = await open(file, "r");
  try {
    const buf = Buffer.alloc(4 * 1024 * 1024);
    for (let position = 0; ; ) {
      const { bytesRead } = await handle.read(buf, 0, buf.length, position);
      if (bytesRead < MARK.length) return false;
      if (buf.subarray(0, bytesRead).includes(MARK)) break;
      if (bytesRead < buf.length) return false;
      position += bytesRead - MARK.length + 1;
    }
  } finally {
    await handle.close();
  }
  return hasKeyBlock(await readFile2(file));
}

// src/ecosystems/osaurus/bundle.ts
var OPTIONAL_ROOT = ["SKILL.md", "skills", "README.md", "CHANGELOG.md", "LICENSE", "web"];
var GLOB_CHARS = /[*?[\]{}]/;
function addDir(w, archivePath) {
  const parts = archivePath.split("/");
  for (let i = 1; i <= parts.length; i++) {
    const dir = `${parts.slice(0, i).join("/")}/`;
    if (!w.entries.has(dir))
      w.entries.set(dir, { path: dir, type: "directory", mode: 493, size: 0 });
  }
}
async function walk(w, abs, rel, ancestors) {
  const why = nameRefusal(rel);
  if (why !== void 0) return void w.refused.push({ file: rel, reason: why });
  const lst = await fs3.lstat(abs);
  let real = abs;
  if (lst.isSymbolicLink()) {
    const target = await fs3.realpath(abs).catch(() => void 0);
    const up = target === void 0 ? void 0 : path4.relative(w.realRoot, target);
    const outside = up === void 0 || up === ".." || up.startsWith(`..${path4.sep}`) || path4.isAbsolute(up);
    if (target === void 0 || outside) {
      const reason = target === void 0 ? "a broken link" : `a link leading outside (${target})`;
      return void w.refused.push({ file: rel, reason });
    }
    real = target;
  }
  const st = await fs3.stat(real);
  const parent = path4.posix.dirname(rel);
  if (st.isDirectory()) {
    const realDir = await fs3.realpath(abs);
    if (ancestors.has(realDir))
      return void w.refused.push({ file: rel, reason: `a link loop back to ${realDir}` });
    addDir(w, rel);
    const next = new Set(ancestors).add(realDir);
    for (const name of (await fs3.readdir(abs)).sort())
      await walk(w, path4.join(abs, name), `${rel}/${name}`, next);
  } else if (st.isFile()) {
    if (parent !== ".") addDir(w, parent);
    const realFile = await fs3.realpath(abs);
    if (realFile === w.dylibReal && !rel.includes("/")) return;
    if (rel.toLowerCase().endsWith(".dylib"))
      return void w.refused.push({
        file: rel,
        reason: "a second .dylib (the installer accepts exactly one)"
      });
    if (await holdsPrivateKey(realFile))
      return void w.refused.push({ file: rel, reason: "a secret (it holds a PRIVATE KEY block)" });
    const prior = w.entries.get(rel);
    if (prior === void 0 || prior.source === realFile)
      w.entries.set(rel, { path: rel, type: "file", mode: 420, size: st.size, source: realFile });
  } else {
    w.refused.push({
      file: rel,
      reason: "not a regular file or directory (a device, fifo or socket)"
    });
  }
}
async function expandInclude(root, pattern) {
  const clean2 = pattern.replace(/\\/g, "/").replace(/\/+$/, "").replace(/^\.\//, "");
  if (path4.isAbsolute(clean2) || clean2.split("/").includes("..")) {
    throw new ReleaseError(
      "INCLUDE_INVALID",
      `include '${pattern}' must be a relative path inside the working directory (no leading / and no ..)`
    );
  }
  const found = [];
  if (!GLOB_CHARS.test(clean2)) {
    if (await fs3.lstat(path4.join(root, clean2)).catch(() => void 0)) found.push(clean2);
  } else {
    for await (const m of fs3.glob(clean2, { cwd: root })) found.push(m.replace(/\\/g, "/"));
  }
  if (found.length === 0)
    throw new ReleaseError("INCLUDE_INVALID", `include '${pattern}' matches nothing in ${root}`);
  return found.sort();
}
function refusedError(w) {
  const diagnostics = w.refused.map((r) => ({
    message: `${r.file}: ${r.reason}`,
    location: { file: path4.join(w.root, r.file) }
  }));
  const list2 = w.refused.map((r) => `  ${r.file}: ${r.reason}`).join("\n");
  return new ReleaseError(
    "ARTIFACT_REFUSED",
    `the bundle would carry ${w.refused.length} file${w.refused.length === 1 ? "" : "s"} an Osaurus bundle must not ship:
${list2}
Remove them from the plugin folder or from include (a bundle ships the built dylib and its documents, never sources, secrets or hidden files)`,
    { location: diagnostics[0].location, diagnostics }
  );
}
function checkCollisions(w) {
  const seen = /* @__PURE__ */ new Map();
  for (const e of w.entries.values()) {
    const key = collisionKey(e.path);
    const other = seen.get(key);
    if (other !== void 0)
      w.refused.push({
        file: e.path,
        reason: `the same path as ${other} once case and Unicode normalisation are ignored (the installer rejects both)`
      });
    else seen.set(key, e.path);
  }
}
function checkLimits(entries) {
  const problems = [];
  if (entries.length > EXTRACTOR.entries)
    problems.push(`${entries.length} entries (limit ${EXTRACTOR.entries}, directories count)`);
  const expanded = entries.reduce((n, e) => n + e.size, 0);
  if (expanded > EXTRACTOR.expandedBytes)
    problems.push(`${expanded} bytes expanded (limit ${EXTRACTOR.expandedBytes})`);
  for (const e of entries) for (const p of pathProblems(e.path)) problems.push(`${e.path}: ${p}`);
  if (problems.length > 0) {
    throw new ReleaseError(
      "LIMIT_EXCEEDED",
      `the Osaurus installer's extractor would reject this bundle: ${problems.join("; ")}. Ship fewer or shorter-named files`
    );
  }
}
async function collectBundle(spec) {
  const root = spec.workingDirectory;
  const w = {
    root,
    realRoot: await fs3.realpath(root),
    dylibReal: await fs3.realpath(spec.dylib),
    entries: /* @__PURE__ */ new Map(),
    refused: []
  };
  const dylibName = path4.basename(spec.dylib);
  const size = (await fs3.stat(w.dylibReal)).size;
  w.entries.set(dylibName, {
    path: dylibName,
    type: "file",
    mode: 493,
    size,
    source: w.dylibReal
  });
  if (await holdsPrivateKey(w.dylibReal))
    w.refused.push({ file: dylibName, reason: "a secret (it holds a PRIVATE KEY block)" });
  for (const name of OPTIONAL_ROOT) {
    if (await fs3.lstat(path4.join(root, name)).catch(() => void 0))
      await walk(w, path4.join(root, name), name, /* @__PURE__ */ new Set());
  }
  for (const pattern of spec.include) {
    for (const rel of await expandInclude(root, pattern))
      await walk(w, path4.join(root, rel), rel, /* @__PURE__ */ new Set());
  }
  checkCollisions(w);
  if (w.refused.length > 0) throw refusedError(w);
  const entries = [...w.entries.values()];
  checkLimits(entries);
  return entries;
}

// src/ecosystems/osaurus/dylib.ts
import fs4 from "node:fs/promises";
import path5 from "node:path";
var GLOB_CHARS2 = /[*?[\]{}]/;
async function isFile(p) {
  return (await fs4.stat(p).catch(() => void 0))?.isFile() ?? false;
}
async function globFiles(pattern, cwd) {
  const found = [];
  for await (const m of fs4.glob(pattern, { cwd })) {
    const abs = path5.resolve(cwd, m);
    if (await isFile(abs)) found.push(abs);
  }
  return found.sort();
}
function list(files, cwd) {
  return files.map((f) => path5.relative(cwd, f) || f).join(", ");
}
async function resolveDylib(config) {
  const cwd = config.workingDirectory;
  const input = config.osaurus.dylib;
  let found;
  let what;
  if (input === void 0) {
    found = await globFiles("*.dylib", cwd);
    what = `*.dylib in ${cwd}`;
  } else if (GLOB_CHARS2.test(input)) {
    found = await globFiles(input, cwd);
    what = `dylib '${input}' in ${cwd}`;
  } else {
    const abs = path5.resolve(cwd, input);
    found = await isFile(abs) ? [abs] : [];
    what = `dylib ${abs}`;
  }
  if (found.length === 0) {
    const here = await globFiles("*.dylib", cwd);
    throw new ReleaseError(
      "BINARY_MISSING",
      `no built plugin library: ${what} matches no file${here.length > 0 ? ` (working-directory has ${list(here, cwd)})` : ""}. Build it first (swift build -c release), then pass its path, e.g. dylib: .build/release/libMyPlugin.dylib`
    );
  }
  if (found.length > 1) {
    throw new ReleaseError(
      "USAGE",
      `${what} matches ${found.length} files: ${list(found, cwd)}; a bundle holds exactly one .dylib. Name the plugin's with the dylib input`
    );
  }
  const dylib = found[0];
  const name = path5.basename(dylib);
  if (!name.endsWith(".dylib") || name.startsWith(".")) {
    throw new ReleaseError(
      "BINARY_MISSING",
      `${dylib} is not a visible *.dylib: the Osaurus installer looks for exactly one non-hidden file ending in .dylib. Pass the built library`
    );
  }
  return dylib;
}

// src/ecosystems/osaurus/zip-central.ts
function endRecord(tail) {
  const at = tail.length - 22;
  if (at < 0 || tail.readUInt32LE(at) !== 101010256) return void 0;
  return {
    entries: tail.readUInt16LE(at + 10),
    cdSize: tail.readUInt32LE(at + 12),
    cdOffset: tail.readUInt32LE(at + 16),
    commentLength: tail.readUInt16LE(at + 20)
  };
}
function centralRecords(cd, count) {
  const out = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== 33639248) return void 0;
    const nameLength = cd.readUInt16LE(at + 28);
    const extraLength = cd.readUInt16LE(at + 30);
    const commentLength = cd.readUInt16LE(at + 32);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > cd.length) return void 0;
    out.push({
      name: cd.subarray(at + 46, at + 46 + nameLength),
      versionMadeBy: cd.readUInt16LE(at + 4),
      versionNeeded: cd.readUInt16LE(at + 6),
      flags: cd.readUInt16LE(at + 8),
      method: cd.readUInt16LE(at + 10),
      time: cd.readUInt16LE(at + 12),
      date: cd.readUInt16LE(at + 14),
      crc32: cd.readUInt32LE(at + 16),
      compressedSize: cd.readUInt32LE(at + 20),
      size: cd.readUInt32LE(at + 24),
      extra: cd.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength),
      commentLength,
      internalAttrs: cd.readUInt16LE(at + 36),
      externalAttrs: cd.readUInt32LE(at + 38),
      localOffset: cd.readUInt32LE(at + 42)
    });
    at = end;
  }
  return at === cd.length ? out : void 0;
}

// src/ecosystems/osaurus/pack.ts
async function checkWritten(file, size) {
  const problems = [];
  if (size > EXTRACTOR.archiveBytes)
    problems.push(`${formatBytes(size)} compressed (limit ${formatBytes(EXTRACTOR.archiveBytes)})`);
  const handle = await fs5.open(file, "r");
  try {
    const tail = Buffer.alloc(22);
    await handle.read(tail, 0, 22, size - 22);
    const end = endRecord(tail);
    const cd = Buffer.alloc(end.cdSize);
    await handle.read(cd, 0, end.cdSize, end.cdOffset);
    const records = centralRecords(cd, end.entries);
    let expanded = 0;
    let compressed = 0;
    for (const r of records) {
      const isFile2 = !r.name.toString().endsWith("/");
      if (isFile2) expanded += r.size;
      compressed += r.compressedSize;
      if (r.size >= EXTRACTOR.ratioMinBytes && r.size > EXTRACTOR.ratio * r.compressedSize)
        problems.push(
          `${r.name.toString()} expands ${(r.size / r.compressedSize).toFixed(0)}:1 (limit ${EXTRACTOR.ratio}:1 for entries of 4 MiB or more)`
        );
    }
    if (expanded >= EXTRACTOR.ratioMinBytes && expanded > EXTRACTOR.ratio * compressed)
      problems.push(
        `the archive expands ${(expanded / compressed).toFixed(0)}:1 in total (limit ${EXTRACTOR.ratio}:1)`
      );
  } finally {
    await handle.close();
  }
  return problems;
}
async function packOsaurus(ctx) {
  const { config, reporter } = ctx;
  const manifest = await readOsaurusManifest(config);
  const artifact = osaurusPlan(config, manifest).artifacts[0];
  const dylib = await resolveDylib(config);
  const entries = sortZipEntries(
    await collectBundle({
      workingDirectory: config.workingDirectory,
      dylib,
      include: config.include
    })
  );
  await fs5.mkdir(config.distDir, { recursive: true });
  const epoch = await resolveEpoch(config.sourceDateEpoch, config.workingDirectory);
  const tmp = path6.join(config.distDir, `.${artifact.name}.${process.pid}.tmp`);
  try {
    const written = await writeZip(entries, createWriteStream(tmp), {
      mtime: epoch,
      compressionLevel: config.compressionLevel
    });
    const onDisk = (await fs5.stat(tmp)).size;
    if (onDisk !== written.size) {
      throw new ReleaseError(
        "HASH_MISMATCH",
        `${artifact.name}: ${onDisk} bytes on disk, but ${written.size} were written. The disk or file system lost data; check free space and run again`
      );
    }
    const problems = await checkWritten(tmp, written.size);
    if (problems.length > 0) {
      throw new ReleaseError(
        "LIMIT_EXCEEDED",
        `the Osaurus installer's extractor would reject ${artifact.name}: ${problems.join("; ")}. Ship less, or data that compresses less`
      );
    }
    await fs5.rename(tmp, artifact.path);
    await writeSidecar(artifact.path, written.sha256);
    reporter.info(
      `pack: ${artifact.name} ${formatBytes(written.size)} ${entries.length} entries (dylib ${path6.basename(dylib)}) sha256 ${written.sha256}`
    );
    const asset = {
      name: artifact.name,
      path: artifact.path,
      size: written.size,
      sha256: written.sha256,
      target: null
    };
    return [asset, sidecarAsset(asset)];
  } finally {
    await fs5.rm(tmp, { force: true });
  }
}

// src/ecosystems/osaurus/preflight.ts
async function preflightOsaurus(ctx) {
  const { config } = ctx;
  const { registry, osaurus } = config;
  if (osaurus.minisignSecretKey !== "") secretKey(config);
  else if (osaurus.minisignPublicKey !== "") parsePublicKey(osaurus.minisignPublicKey);
  if (registry.entry !== void 0 || registry.repo !== void 0) {
    const why = entryPrerequisite(config);
    if (why !== void 0) {
      const input = registry.entry !== void 0 ? "registry-entry" : "registry-repo";
      throw new ReleaseError("USAGE", `${input} is set, but ${why}`);
    }
  }
  if (registry.repo !== void 0 && registry.token === "") {
    throw new ReleaseError(
      "USAGE",
      `registry-repo is ${registry.repo.owner}/${registry.repo.name}, but registry-token is empty: pass a token that can fork it and open pull requests (the default GITHUB_TOKEN cannot), e.g. registry-token: \${{ secrets.REGISTRY_PAT }}`
    );
  }
  if (osaurus.minisignSecretKey === "") return;
  const mine = publicKeyLine(config);
  const base = await readBase(config);
  if (base !== void 0) checkKeyUnchanged(parseEntry(base.text, base.where), mine, base.where);
  if (registry.repo !== void 0) {
    const id = ctx.state.manifest?.id ?? (await readOsaurusManifest(config)).id;
    const file = `plugins/${id}.json`;
    const { readRepoFile } = await import("./pull-request-3RVL7HPT.js");
    const live = await readRepoFile(config.apiUrl, registry.token, registry.repo, file);
    const where = `${registry.repo.owner}/${registry.repo.name}:${file}`;
    if (live !== void 0) checkKeyUnchanged(parseEntry(live, where), mine, where);
  }
}

// src/ecosystems/osaurus/sign.ts
import { createHash as createHash2 } from "node:crypto";
import fs6 from "node:fs/promises";

// src/crypto/minisign.ts
var UNTRUSTED_COMMENT = "untrusted comment: signature from minisign secret key";
var TRUSTED_PREFIX = "trusted comment: ";
function trustedComment(epoch, fileName) {
  return `timestamp:${epoch}	file:${fileName}`;
}
function trustedCommentProblem(comment) {
  const control = [...comment].some((c) => {
    const code = c.charCodeAt(0);
    return code < 32 && c !== "	" || code === 127;
  });
  if (control) return "it holds a control character";
  if (comment !== comment.trim()) return "it starts or ends with a blank";
  return void 0;
}
function signLegacy(key, data, comment) {
  const why = trustedCommentProblem(comment);
  if (why !== void 0) {
    throw new ReleaseError(
      "SIGNING_FAILED",
      `the minisign trusted comment ${JSON.stringify(comment)} is not usable: ${why}`
    );
  }
  const sig = ed25519Sign(key.seed, data);
  const global = ed25519Sign(key.seed, Buffer.concat([sig, Buffer.from(comment, "utf8")]));
  const line2 = Buffer.concat([SIG_ALG, key.keyId, sig]).toString("base64");
  return `${UNTRUSTED_COMMENT}
${line2}
${TRUSTED_PREFIX}${comment}
${Buffer.from(global).toString("base64")}
`;
}
function parseMinisig(text) {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  if (lines.length !== 4) return `expected 4 lines, found ${lines.length}`;
  const [untrusted, sigLine, trusted, globalLine] = lines;
  if (!untrusted.startsWith("untrusted comment:"))
    return "line 1 does not start with 'untrusted comment:'";
  const sig = decodeStandardBase64(sigLine);
  if (sig === void 0 || sig.length !== 74)
    return "line 2 is not the base64 of algorithm, key id and a 64-byte signature (74 bytes)";
  if (!trusted.startsWith(TRUSTED_PREFIX)) return "line 3 does not start with 'trusted comment: '";
  const global = decodeStandardBase64(globalLine);
  if (global === void 0 || global.length !== 64)
    return "line 4 is not the base64 of a 64-byte global signature";
  const alg = Buffer.from(sig.subarray(0, 2));
  const algorithm = Buffer.compare(alg, SIG_ALG) === 0 ? "Ed" : Buffer.compare(alg, PREHASH_ALG) === 0 ? "ED" : `0x${alg.toString("hex")}`;
  return {
    algorithm,
    keyId: sig.subarray(2, 10),
    signature: sig.subarray(10),
    trustedComment: trusted.slice(TRUSTED_PREFIX.length),
    globalSignature: global
  };
}
function verifyMinisig(text, data, key) {
  const parsed = parseMinisig(text);
  if (typeof parsed === "string") {
    return [{ rule: "minisig", ok: false, code: "invalidSignature", message: parsed }];
  }
  const out = [{ rule: "minisig", ok: true, code: "", message: "4 lines" }];
  const legacy = parsed.algorithm === "Ed";
  out.push({
    rule: "algorithm",
    ok: legacy,
    code: parsed.algorithm === "ED" ? "prehashNotSupported" : legacy ? "" : "invalidSignature",
    message: legacy ? "legacy Ed (signature over the file bytes)" : `algorithm ${parsed.algorithm}: Osaurus verifies only the legacy Ed form; sign with minisign -S -l or this action`
  });
  const idMatch = Buffer.compare(parsed.keyId, key.keyId) === 0;
  out.push({
    rule: "key-id",
    ok: idMatch,
    code: idMatch ? "" : "keyIdMismatch",
    message: idMatch ? `key id ${keyIdHex(key.keyId)}` : `signed by key ${keyIdHex(parsed.keyId)}, but the public key is ${keyIdHex(key.keyId)}`
  });
  if (!legacy || !idMatch) return out;
  const good = ed25519Verify(key.publicKey, data, parsed.signature);
  out.push({
    rule: "signature",
    ok: good,
    code: good ? "" : "signatureVerificationFailed",
    message: good ? "Ed25519 signature over the file verifies" : "the Ed25519 signature does not verify: the file or the signature was changed, or another key signed it"
  });
  const globalData = Buffer.concat([parsed.signature, Buffer.from(parsed.trustedComment, "utf8")]);
  const globalGood = ed25519Verify(key.publicKey, globalData, parsed.globalSignature);
  out.push({
    rule: "global-signature",
    ok: globalGood,
    code: globalGood ? "" : "globalSignatureInvalid",
    message: globalGood ? `global signature over the trusted comment ${JSON.stringify(parsed.trustedComment)} verifies` : "the global signature does not verify: the trusted comment was changed (minisign -V rejects this)"
  });
  return out;
}

// src/ecosystems/osaurus/sign.ts
async function signOsaurus(ctx) {
  const { config, reporter } = ctx;
  if (config.osaurus.minisignSecretKey === "") return [];
  const manifest = await readOsaurusManifest(config);
  const zip = osaurusPlan(config, manifest).artifacts[0];
  const data = await fs6.readFile(zip.path).catch((e) => {
    throw new ReleaseError(
      "DIST_MISSING",
      `${zip.path} is missing: pack the bundle first (command: pack or all) before signing it`,
      { cause: e }
    );
  });
  const key = secretKey(config);
  const epoch = await resolveEpoch(config.sourceDateEpoch, config.workingDirectory);
  const text = signLegacy(key, data, trustedComment(epoch, zip.name));
  const bad = verifyMinisig(text, data, key).filter((c) => !c.ok);
  if (bad.length > 0) {
    throw new ReleaseError(
      "SIGNING_FAILED",
      `the minisign signature of ${zip.name} does not verify: ${bad.map((c) => c.message).join("; ")}`
    );
  }
  const asset = await writeAtomic(`${zip.path}.minisig`, text);
  reporter.info(`sign: ${asset.name} (minisign legacy Ed)`);
  if (config.registry.entry !== void 0) {
    const file = await writeRegistryEntry(config, manifest, {
      name: zip.name,
      sha256: createHash2("sha256").update(data).digest("hex"),
      size: data.length,
      signature: text,
      epoch
    });
    reporter.info(`sign: registry entry ${file}`);
  }
  return [asset];
}

// src/ecosystems/osaurus/tag.ts
function parseOsaurusTag(tag) {
  const version = tag.startsWith("v") ? tag.slice(1) : tag;
  if (!isSemver(version)) {
    throw new ReleaseError(
      "TAG_INVALID",
      `tag '${tag}' is not v<version> or <version> with a strict SemVer version (the Osaurus release workflow strips one leading 'v' and uses the rest as the version). Expected e.g. v1.2.0, 1.2.0 or v1.3.0-beta.1`
    );
  }
  return { tag, version, prerelease: SEMVER_RE.exec(version)[4] !== void 0 };
}

// src/ecosystems/osaurus/verify.ts
import { createHash as createHash3 } from "node:crypto";
import fs8 from "node:fs/promises";

// src/ecosystems/osaurus/verify-registry.ts
import fs7 from "node:fs/promises";
var isObject4 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
async function checkRegistryEntry(config, f, r) {
  const file = await entryPath(config, r.id);
  const text = await fs7.readFile(file, "utf8").catch(() => void 0);
  if (text === void 0) {
    f.info(
      "registry",
      file,
      `registry-entry ${file} does not exist: it is written where the zip is packed and signed (pack or all, with minisign-secret-key), so a publish job does not check it`
    );
    return;
  }
  let baseKey;
  try {
    const base = await readBase(config);
    baseKey = base === void 0 ? void 0 : registeredKey(parseEntry(base.text, base.where));
  } catch (e) {
    f.fail("registry", config.registry.base ?? file, "registryInvalid", e.message);
  }
  const problems = validateEntry(text, r.id, baseKey);
  for (const p of problems) {
    f.fail(
      "registry",
      file,
      p.rule === "immutable" ? "registryKeyChanged" : "registryInvalid",
      p.message
    );
  }
  if (problems.length > 0) return;
  const entry = JSON.parse(text);
  const version = entry["versions"].find(
    (v) => isObject4(v) && v["version"] === r.version
  );
  const artifacts = isObject4(version) ? version["artifacts"] : [];
  const art = artifacts.find((a) => isObject4(a) && a["os"] === "macos" && a["arch"] === "arm64");
  if (!isObject4(art)) {
    f.fail("registry", file, "registryInvalid", `no macos/arm64 artifact for version ${r.version}`);
    return;
  }
  const mismatches = [];
  if (String(art["sha256"]).toLowerCase() !== r.sha256)
    mismatches.push([
      "checksumMismatch",
      `sha256 ${String(art["sha256"])} is not the asset's ${r.sha256}`
    ]);
  if ("size" in art && art["size"] !== r.size)
    mismatches.push([
      "downloadFailed",
      `size ${String(art["size"])} is not the asset's ${r.size} bytes`
    ]);
  const sig = isObject4(art["minisign"]) ? art["minisign"]["signature"] : void 0;
  if (r.minisig !== void 0 && sig !== r.minisig)
    mismatches.push(["signatureInvalid", `minisign.signature is not the text of ${r.zip}.minisig`]);
  if (typeof art["url"] !== "string" || !art["url"].endsWith(`/${r.zip}`))
    mismatches.push(["registryInvalid", `url ${String(art["url"])} does not name ${r.zip}`]);
  for (const [code, message] of mismatches) f.fail("registry", file, code, message);
  if (mismatches.length === 0)
    f.pass(
      "registry",
      file,
      `passes the osaurus-tools validator; version ${r.version} names this asset, its sha256, size and signature`
    );
}

// src/ecosystems/osaurus/verify-zip.ts
var ALLOWED_FLAGS = 2062;
var DIR_ATTRS = (16877 << 16 | 16) >>> 0;
var DYLIB_ATTRS = 33261 << 16 >>> 0;
var FILE_ATTRS = 33188 << 16 >>> 0;
function extractorProblems(e, r) {
  const out = [];
  if (e.flags & ~ALLOWED_FLAGS) out.push("general-purpose flags outside 0x080e");
  if (e.method === 0 && e.flags & 6) out.push("a stored entry with compression option flags");
  if (e.method === 0 && e.compressedSize !== e.size) out.push("stored sizes differ");
  if (r !== void 0) {
    if (!(e.flags & 2048) && r.name.some((b) => b >= 128))
      out.push("a non-ASCII name without the UTF-8 flag");
    for (let x = 0; x + 4 <= r.extra.length; x += 4 + r.extra.readUInt16LE(x + 2)) {
      if (r.extra.readUInt16LE(x) === 28789) out.push("a Unicode path extra field");
    }
  }
  const type = e.externalAttrs >>> 16 & 61440;
  const slash = e.name.endsWith("/");
  if (type === 16384 && !slash) out.push("a directory without its trailing slash");
  if (type === 32768 && slash) out.push("a regular file marked as a directory");
  if (slash && (e.size !== 0 || e.compressedSize !== 0)) out.push("a directory entry with data");
  if (!slash && e.size >= EXTRACTOR.ratioMinBytes && e.size > EXTRACTOR.ratio * e.compressedSize)
    out.push(`a compression ratio over ${EXTRACTOR.ratio}:1`);
  return out.concat(pathProblems(e.name));
}
function collisions(entries) {
  const out = [];
  const kinds = /* @__PURE__ */ new Map();
  for (const e of entries) {
    const key = collisionKey(e.name);
    const parts = key.split("/");
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join("/");
      if (kinds.get(parent) === "file") out.push(`'${e.name}' descends through file '${parent}'`);
      kinds.set(parent, "directory");
    }
    const kind = e.name.endsWith("/") ? "directory" : "file";
    if (kinds.has(key) && !(kind === "directory" && kinds.get(key) === "directory"))
      out.push(`'${e.name}' collides with another path once case and normalisation are ignored`);
    kinds.set(key, kind);
  }
  return out;
}
function byteProblems(e, r, dylib) {
  const out = [];
  const ascii = !r.name.some((b) => b >= 128);
  if (r.versionMadeBy !== 788)
    out.push(`made by 0x${r.versionMadeBy.toString(16)}, not 0x0314 (Unix)`);
  if (r.versionNeeded !== 20) out.push(`version needed ${r.versionNeeded}, not 20`);
  if (r.flags !== (ascii ? 0 : 2048)) out.push(`flags 0x${r.flags.toString(16)}`);
  if (r.extra.length > 0 || r.commentLength > 0) out.push("extra fields or a comment");
  if (r.internalAttrs !== 0) out.push("internal attributes set");
  const slash = e.name.endsWith("/");
  const method = !slash && e.size > 0 ? 8 : 0;
  if (r.method !== method) out.push(`method ${r.method}, not ${method}`);
  const attrs = slash ? DIR_ATTRS : e.name === dylib ? DYLIB_ATTRS : FILE_ATTRS;
  if (r.externalAttrs >>> 0 !== attrs)
    out.push(`attributes 0x${(r.externalAttrs >>> 0).toString(16)}, not 0x${attrs.toString(16)}`);
  return out;
}
function centralOf(buf) {
  const end = endRecord(buf);
  if (end === void 0 || end.cdOffset + end.cdSize > buf.length) return void 0;
  return centralRecords(buf.subarray(end.cdOffset, end.cdOffset + end.cdSize), end.entries);
}
function checkZip(buf, o) {
  const { findings: f, subject } = o;
  const zip = readZip(buf);
  const records = centralOf(buf);
  const rec = (i) => records?.length === zip.entries.length ? records[i] : void 0;
  const rejected = zip.problems.map((p) => p.message);
  if (zip.entries.length === 0) rejected.push("the archive has no entries");
  if (zip.entries.length > EXTRACTOR.entries)
    rejected.push(`${zip.entries.length} entries (limit ${EXTRACTOR.entries})`);
  zip.entries.forEach((e, i) => {
    for (const p of extractorProblems(e, rec(i))) rejected.push(`'${e.name}': ${p}`);
  });
  rejected.push(...collisions(zip.entries));
  const files = zip.entries.filter((e) => !e.name.endsWith("/"));
  const expanded = files.reduce((n, e) => n + e.size, 0);
  const compressed = zip.entries.reduce((n, e) => n + e.compressedSize, 0);
  if (expanded > EXTRACTOR.expandedBytes)
    rejected.push(`expands to ${expanded} bytes (limit ${EXTRACTOR.expandedBytes})`);
  if (expanded >= EXTRACTOR.ratioMinBytes && expanded > EXTRACTOR.ratio * compressed)
    rejected.push(`the archive's compression ratio is over ${EXTRACTOR.ratio}:1`);
  const visible = (e) => !e.name.split("/").some((c) => c.startsWith("."));
  const dylibs = files.filter((e) => visible(e) && e.name.endsWith(".dylib"));
  const contents = [];
  const data = /* @__PURE__ */ new Map();
  for (const e of files) {
    const why = nameRefusal(e.name);
    if (why !== void 0) contents.push(`'${e.name}': ${why}`);
    else if (e.name.toLowerCase().endsWith(".dylib") && e !== dylibs[0])
      contents.push(`'${e.name}': a second .dylib`);
    try {
      const bytes2 = zip.readEntry(e);
      if (hasKeyBlock(bytes2)) contents.push(`'${e.name}': holds a PRIVATE KEY block`);
      if (dylibs.length === 1 && e === dylibs[0]) data.set(e.name, bytes2);
    } catch (err) {
      rejected.push(err.message);
    }
  }
  for (const msg of rejected) f.fail("archive", subject, "archiveRejected", msg);
  if (rejected.length === 0)
    f.pass(
      "archive",
      subject,
      `${zip.entries.length} entries; the installer's bounded extractor accepts every one`
    );
  const bytes = [];
  if (records === void 0)
    bytes.push("the central directory cannot be walked (or the archive has a comment)");
  const names = zip.entries.map((e) => Buffer.from(e.name));
  names.forEach((n, i) => {
    if (i > 0 && Buffer.compare(names[i - 1], n) >= 0)
      bytes.push(`'${zip.entries[i].name}' is out of order (entries are sorted by path bytes)`);
  });
  const dirs = new Set(zip.entries.filter((e) => e.name.endsWith("/")).map((e) => e.name));
  for (const e of zip.entries) {
    const parts = e.name.replace(/\/$/, "").split("/");
    for (let i = 1; i < parts.length; i++) {
      const dir = `${parts.slice(0, i).join("/")}/`;
      if (!dirs.has(dir)) bytes.push(`no stored entry for directory '${dir}'`);
      dirs.add(dir);
    }
  }
  const times = new Set(records?.map((r) => `${r.date}:${r.time}`));
  if (times.size > 1) bytes.push("entries carry different timestamps");
  if (o.epoch !== void 0 && records?.length) {
    const dos = dosDateTime(o.epoch);
    if (!times.has(`${dos.date}:${dos.time}`))
      bytes.push(`the timestamp is not source-date-epoch ${o.epoch}`);
  }
  zip.entries.forEach((e, i) => {
    const r = rec(i);
    if (r !== void 0)
      for (const p of byteProblems(e, r, dylibs.length === 1 ? dylibs[0].name : void 0))
        bytes.push(`'${e.name}': ${p}`);
  });
  for (const msg of bytes) f.fail("bytes", subject, "zipFormat", msg);
  if (bytes.length === 0)
    f.pass(
      "bytes",
      subject,
      "sorted entries, one DOS time, Unix modes (directories and the dylib 0755, files 0644), no extra fields"
    );
  for (const msg of contents) f.fail("contents", subject, "bundleRefused", msg);
  if (contents.length === 0)
    f.pass("contents", subject, "no sources, secrets, hidden files or second .dylib");
  if (dylibs.length === 1) {
    f.pass("layout", subject, `exactly one .dylib: ${dylibs[0].name}`);
    return data.get(dylibs[0].name);
  }
  const message = dylibs.length === 0 ? "No .dylib found in archive" : `Archive must contain exactly one .dylib, found ${dylibs.length}: ${dylibs.map((d) => d.name.split("/").at(-1)).sort().join(", ")}`;
  f.fail("layout", subject, "layoutInvalid", message);
  return void 0;
}

// src/ecosystems/osaurus/verify.ts
async function expected(o) {
  const manifest = await readOsaurusManifest(o.config).catch(() => void 0);
  let tagVersion;
  if (o.tag !== void 0) {
    try {
      tagVersion = parseOsaurusTag(o.tag).version;
    } catch (e) {
      o.findings.fail("tag", o.tag, "versionMismatch", e.message);
    }
  }
  return { manifest, tagVersion };
}
async function verifyOsaurus(o) {
  const { config, source, findings: f } = o;
  const { manifest, tagVersion } = await expected(o);
  const zips = source.files.filter((x) => x.name.toLowerCase().endsWith(".zip"));
  const name = manifest !== void 0 ? zipName(manifest.id, manifest.version) : zips.length === 1 ? zips[0].name : void 0;
  const file = source.files.find((x) => x.name === name);
  if (name === void 0 || file === void 0) {
    const found = zips.map((z) => z.name).join(", ") || "none";
    f.fail(
      "name",
      source.label,
      "assetMissing",
      `no ${name ?? "<plugin_id>-<version>.zip"} to verify (zip files found: ${found})`
    );
    return { id: manifest?.id ?? null, version: manifest?.version ?? tagVersion ?? null };
  }
  const parsed = parseArtifactName(name);
  const id = manifest?.id ?? parsed?.id ?? null;
  const version = manifest?.version ?? tagVersion ?? parsed?.version ?? null;
  if (parsed === void 0)
    f.fail(
      "name",
      name,
      "invalidNaming",
      "Invalid naming format. Expected: <plugin_id>-<version>.zip"
    );
  else if (parsed.id !== id || parsed.version !== version)
    f.fail(
      "name",
      name,
      "invalidNaming",
      `osaurus tools install reads id '${parsed.id}', version ${parsed.version}; expected ${id} ${version}`
    );
  else f.pass("name", name, `osaurus tools install reads it as ${parsed.id} ${parsed.version}`);
  if (tagVersion !== void 0 && version !== tagVersion)
    f.fail(
      "tag",
      o.tag,
      "versionMismatch",
      `tag ${o.tag} names version ${tagVersion}, the bundle ${version}`
    );
  if (file.size > EXTRACTOR.archiveBytes) {
    f.fail(
      "size",
      name,
      "downloadFailed",
      `${file.size} bytes; the installer downloads at most ${EXTRACTOR.archiveBytes}`
    );
    return { id, version };
  }
  const buf = await readSmall(source, name, EXTRACTOR.archiveBytes);
  const sha2562 = createHash3("sha256").update(buf).digest("hex");
  const sidecar = (await readSmall(source, `${name}.sha256`, 1024))?.toString("utf8");
  if (sidecar === void 0)
    f.fail("sha256", `${name}.sha256`, "sidecarInvalid", "the .sha256 sidecar is missing");
  else if (!/^[0-9a-f]{64}\n$/.test(sidecar))
    f.fail(
      "sha256",
      `${name}.sha256`,
      "sidecarInvalid",
      "not 64 lowercase hex digits and a newline"
    );
  else if (sidecar.trim() !== sha2562)
    f.fail(
      "sha256",
      `${name}.sha256`,
      "checksumMismatch",
      `says ${sidecar.trim()}, the zip's SHA-256 is ${sha2562}`
    );
  else f.pass("sha256", `${name}.sha256`, `matches the zip: ${sha2562}`);
  const dylib = checkZip(buf, { findings: f, subject: name, epoch: config.sourceDateEpoch });
  if (dylib !== void 0) {
    const local = await resolveDylib(config).catch(() => void 0);
    if (local === void 0)
      f.info("dylib", name, "no local build to compare the bundled .dylib with");
    else {
      const want = createHash3("sha256").update(await fs8.readFile(local)).digest("hex");
      const got = createHash3("sha256").update(dylib).digest("hex");
      if (want === got) f.pass("dylib", name, `the bundled .dylib is the build at ${local}`);
      else
        f.fail(
          "dylib",
          name,
          "dylibMismatch",
          `the bundled .dylib (sha256 ${got}) is not the build at ${local} (${want})`
        );
    }
  }
  const minisig = (await readSmall(source, `${name}.minisig`, 4096))?.toString("utf8");
  await checkSignature(o, name, buf, minisig, id);
  if (config.registry.entry !== void 0 && id !== null && version !== null)
    await checkRegistryEntry(config, f, {
      id,
      version,
      zip: name,
      sha256: sha2562,
      size: buf.length,
      minisig
    });
  return { id, version };
}
async function checkSignature(o, name, buf, minisig, id) {
  const { config, findings: f } = o;
  const subject = `${name}.minisig`;
  let entryKey;
  if (config.registry.entry !== void 0 && id !== null) {
    const text = await fs8.readFile(await entryPath(config, id), "utf8").catch(() => void 0);
    entryKey = text === void 0 ? void 0 : registeredKey(tryParse(text));
  }
  let key;
  try {
    key = publicKeyFor(config, entryKey);
  } catch (e) {
    f.fail("minisig", subject, "keyInvalid", e.message);
    return;
  }
  if (minisig === void 0) {
    const message = "no .minisig: registry installs refuse an unsigned artifact (sideloads do not check)";
    if (config.osaurus.minisignSecretKey !== "")
      f.fail("minisig", subject, "signatureRequired", message);
    else f.warn("minisig", subject, "signatureRequired", message);
    return;
  }
  if (key === void 0) {
    f.warn(
      "minisig",
      subject,
      "signatureRequired",
      "no public key to check the signature with: pass minisign-public-key"
    );
    return;
  }
  for (const c of verifyMinisig(minisig, buf, key)) {
    if (c.ok) f.pass("minisig", subject, c.message);
    else f.fail("minisig", subject, c.code, c.message);
  }
}
function tryParse(text) {
  try {
    return parseEntry(text, "registry-entry");
  } catch {
    return void 0;
  }
}

// src/ecosystems/osaurus/index.ts
var profile = {
  name: "osaurus",
  manifestFile: MANIFEST_FILE,
  consumer: "the Osaurus app",
  readManifest: readOsaurusManifest,
  parseTag: parseOsaurusTag,
  plan: osaurusPlan,
  preflight: preflightOsaurus,
  pack: packOsaurus,
  signNative: signOsaurus,
  verify: verifyOsaurus,
  destinations: [registryPullRequest]
};
export {
  profile
};
