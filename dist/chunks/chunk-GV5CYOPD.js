import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  prepareSignatureCheck
} from "./chunk-R5UGFH74.js";
import {
  Findings
} from "./chunk-QDHITNI7.js";
import {
  describeToken,
  parseSidecar
} from "./chunk-FJWAMQ2K.js";
import {
  readSmall
} from "./chunk-DU3MOISV.js";
import {
  LIMITS,
  MIB,
  formatBytes,
  isNativeFile
} from "./chunk-R5SGE6HV.js";
import {
  rt
} from "./chunk-IHY5SSPF.js";
import {
  nexoManifestReader,
  parse
} from "./chunk-27FNXXKZ.js";
import {
  MANIFEST_ASSET
} from "./chunk-GWJQWK7Z.js";
import {
  ReleaseError,
  isReleaseError
} from "./chunk-S5POLVOE.js";

// src/verify/tar-rules.ts
var PER_CODE = 10;
var KIND_LABEL = {
  "1": "hardlink",
  "2": "symlink",
  "3": "character device",
  "4": "block device",
  "6": "fifo",
  "7": "continuous",
  L: "gnu long name",
  K: "gnu long link",
  S: "gnu sparse",
  g: "pax global header",
  x: "pax extended header"
};
var utf8 = new TextDecoder("utf-8", { fatal: true });
function entryKey(raw) {
  if (raw[0] === 47) return { unsafe: "entry path is absolute" };
  const parts = [];
  for (const part of raw.toString("latin1").split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") return { unsafe: "entry contains parent component (`..`)" };
    const bytes = Buffer.from(part, "latin1");
    let text;
    try {
      text = utf8.decode(bytes);
    } catch {
      return { unsafe: "entry component is not valid UTF-8" };
    }
    if (text.includes("\0")) return { unsafe: "entry component contains NUL byte" };
    parts.push(text);
  }
  return { key: parts.join("/") };
}
function showPath(raw) {
  return JSON.stringify(raw.toString("utf8"));
}
var EntryRules = class {
  layout = { manifestAtRoot: false };
  seen = /* @__PURE__ */ new Map();
  listed = /* @__PURE__ */ new Map();
  total = 0;
  count = 0;
  tarball;
  id;
  noarch;
  findings;
  constructor(opts) {
    this.tarball = opts.tarball;
    this.id = opts.id;
    this.noarch = opts.noarch;
    this.findings = opts.findings;
  }
  /** Records a failing (or warning) rule for one entry, within the per-code cap. */
  report(level, check, code, what, message) {
    const n = (this.listed.get(code)?.n ?? 0) + 1;
    this.listed.set(code, { n, level });
    if (n <= PER_CODE) this.findings[level](check, `${this.tarball}:${what}`, code, message);
  }
  add(e) {
    this.count++;
    const shown = showPath(e.path);
    const regular = e.typeflag === "0" || e.typeflag === "\0";
    const dir = e.typeflag === "5" || regular && !e.ustar && e.path.at(-1) === 47;
    if (!regular && e.typeflag !== "5") {
      const kind = KIND_LABEL[e.typeflag] ?? "non-regular";
      this.report(
        "fail",
        "tar",
        "DisallowedEntryType",
        shown,
        `entry ${shown} rejected: type \`${kind}\` not allowed (regular files and directories only)`
      );
    }
    const key = entryKey(e.path);
    if ("unsafe" in key) {
      this.report(
        "fail",
        "tar",
        "UnsafePath",
        shown,
        `entry path ${shown} rejected: ${key.unsafe}`
      );
    }
    if (this.count === LIMITS.entries + 1) {
      this.findings.fail(
        "limits",
        this.tarball,
        "TooManyEntries",
        `more than ${LIMITS.entries} entries (directories count): the installer stops at entry ${LIMITS.entries + 1}`
      );
    }
    const size = Math.max(e.size, e.headerSize);
    if (size > LIMITS.entryBytes) {
      this.report(
        "fail",
        "limits",
        "EntryTooLarge",
        shown,
        `entry ${shown} is ${size} bytes (${formatBytes(size)}); the per-entry limit is ${LIMITS.entryBytes} (${LIMITS.entryBytes / MIB} MiB)`
      );
    }
    const before = this.total;
    this.total += size;
    if (before <= LIMITS.totalBytes && this.total > LIMITS.totalBytes) {
      this.findings.fail(
        "limits",
        this.tarball,
        "ExtractedTooLarge",
        `the entries add up to more than ${LIMITS.totalBytes / MIB} MiB (the limit on the extracted size), passed at entry ${shown}`
      );
    }
    if ("unsafe" in key || !regular && !dir) return;
    this.place(key.key, dir ? "dir" : "file", shown);
    this.modes(key.key, e, dir, shown);
  }
  /** Create-new extraction: a second file at a path, or a file where a directory is, fails. */
  place(key, kind, shown) {
    if (key === "" || this.seen.size > LIMITS.entries * 2) return;
    const before = this.seen.get(key);
    if (before === "dir" && kind === "dir") {
      this.report(
        "warn",
        "tar",
        "DuplicatePath",
        shown,
        `directory ${shown} is listed twice (the installer tolerates a repeated directory)`
      );
    } else if (before !== void 0) {
      this.report(
        "fail",
        "tar",
        "DuplicatePath",
        shown,
        `${shown} appears twice (as a ${before}, then a ${kind}): extraction refuses to overwrite and fails`
      );
    }
    const parts = key.split("/");
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join("/");
      if (this.seen.get(parent) === "file") {
        this.report(
          "fail",
          "tar",
          "DuplicatePath",
          shown,
          `${shown} is inside ${JSON.stringify(parent)}, which is a file`
        );
      } else this.seen.set(parent, "dir");
    }
    if (before === void 0) this.seen.set(key, kind);
  }
  modes(key, e, dir, shown) {
    if ((e.mode & 3072) !== 0) {
      this.report(
        "fail",
        "modes",
        "SetuidBit",
        shown,
        `${shown} has mode ${octal(e.mode)} with the setuid/setgid bit, which the installer keeps as stored`
      );
    } else if ((e.mode & 2) !== 0) {
      this.report(
        "warn",
        "modes",
        "UnusualMode",
        shown,
        `${shown} is world-writable (mode ${octal(e.mode)}), and the installer keeps modes as stored`
      );
    }
    if (key === "nexo-plugin.toml" && !dir) this.layout.manifestAtRoot = true;
    const wrapped = /^([^/]+)\/nexo-plugin\.toml$/.exec(key);
    if (wrapped && !dir) this.layout.wrappedIn ??= wrapped[1];
    if (this.id !== void 0 && key === `bin/${this.id}`) {
      this.layout.binary ??= { typeflag: dir ? "5" : "0", mode: e.mode };
    }
    if (this.noarch && !dir && key.startsWith("lib/") && isNativeFile(key)) {
      this.report(
        "fail",
        "noarch",
        "NativeInNoarch",
        shown,
        `${shown} is native code in a noarch plugin: it runs on one platform only. Publish per-target tarballs instead, or leave it out`
      );
    }
  }
  /** Entry count and extracted size, for the passing result. */
  summary() {
    return `${this.count} entries, ${formatBytes(this.total)} extracted`;
  }
  /** Adds one closing result per code with more problems than were listed. */
  finish() {
    for (const [code, { n, level }] of this.listed) {
      if (n > PER_CODE)
        this.findings[level](
          "tar",
          this.tarball,
          code,
          `and ${n - PER_CODE} more entries with the same problem`
        );
    }
  }
};
function octal(mode) {
  return `0${(mode & 4095).toString(8).padStart(3, "0")}`;
}

// src/verify/manifest.ts
var utf82 = new TextDecoder("utf-8", { fatal: true });
function lenient(text) {
  try {
    const doc = parse(text);
    const id = doc.plugin?.id;
    const version = doc.plugin?.version;
    return {
      id: typeof id === "string" ? id : void 0,
      version: typeof version === "string" ? version : void 0
    };
  } catch {
    return { id: void 0, version: void 0 };
  }
}
function checkText(bytes, subject, findings) {
  let text;
  try {
    text = utf82.decode(bytes);
  } catch {
    findings.fail(
      "manifest",
      subject,
      "ManifestInvalid",
      "not valid UTF-8: the installer cannot read it"
    );
    return { id: void 0, version: void 0 };
  }
  const result = nexoManifestReader.check(text, subject);
  if (result.manifest) return { id: result.manifest.id, version: result.manifest.version };
  const shown = result.diagnostics.slice(0, 5).map((d) => {
    const at = d.location?.line ? `line ${d.location.line}: ` : "";
    return `${at}${d.message}`;
  });
  const more = result.diagnostics.length > 5 ? ` (and ${result.diagnostics.length - 5} more)` : "";
  findings.fail(
    "manifest",
    subject,
    "ManifestInvalid",
    `the installer or the daemon rejects it: ${shown.join("; ")}${more}`
  );
  return lenient(text);
}
function checkManifestAsset(bytes, tagVersion, findings) {
  if (bytes === void 0) {
    findings.fail(
      "manifest",
      MANIFEST_ASSET,
      "ReleaseShape",
      `the release has no ${MANIFEST_ASSET} asset: the installer downloads it first and stops without it`
    );
    return { id: void 0, version: void 0 };
  }
  if (bytes === "too-large") {
    findings.fail(
      "manifest",
      MANIFEST_ASSET,
      "ManifestInvalid",
      "it is over 1 MiB: not a plugin manifest"
    );
    return { id: void 0, version: void 0 };
  }
  const before = findings.failed(MANIFEST_ASSET);
  const facts = checkText(bytes, MANIFEST_ASSET, findings);
  if (!before && !findings.failed(MANIFEST_ASSET))
    findings.pass(
      "manifest",
      MANIFEST_ASSET,
      `${facts.id} ${facts.version}: passes the installer's and the daemon's rules`
    );
  if (tagVersion !== void 0 && facts.version !== void 0 && facts.version !== tagVersion) {
    findings.fail(
      "manifest",
      MANIFEST_ASSET,
      "ManifestMismatch",
      `version ${facts.version} != the tag's ${tagVersion}: the installer names assets and checks the extracted manifest with the tag's version`
    );
  }
  return facts;
}
function checkTarballContent(tarball, content, expected, findings) {
  const { layout } = content;
  const subject = `${tarball}:${MANIFEST_ASSET}`;
  if (!layout.manifestAtRoot || content.manifest === void 0) {
    const where = layout.wrappedIn ? `: it is under ${layout.wrappedIn}/, a wrapping directory. Pack the plugin's files at the archive root` : "";
    findings.fail(
      "layout",
      tarball,
      "ManifestInvalid",
      `${MANIFEST_ASSET} is not at the root of the archive${where}`
    );
  } else if (content.manifestTooLarge) {
    findings.fail(
      "layout",
      subject,
      "ManifestInvalid",
      "the manifest is over 1 MiB: that is not a plugin manifest"
    );
  } else {
    const before = findings.list.length;
    const got = checkText(content.manifest, subject, findings);
    const { id, version } = expected;
    if (id !== void 0 && version !== void 0 && (got.id !== id || got.version !== version)) {
      findings.fail(
        "manifest-match",
        subject,
        "ManifestMismatch",
        `extracted manifest mismatch: expected id=${id}@${version}, got id=${got.id ?? "?"}@${got.version ?? "?"}`
      );
    } else if (findings.list.length === before) {
      findings.pass(
        "manifest-match",
        subject,
        `id ${got.id} and version ${got.version} match the release`
      );
    }
  }
  if (expected.id === void 0) return;
  const bin = `bin/${expected.id}`;
  const b = layout.binary;
  if (b === void 0) {
    findings.fail(
      "binary",
      `${tarball}:${bin}`,
      "BinaryMissing",
      `${bin} is not in the archive: the installer needs it after extraction`
    );
  } else if (b.typeflag === "5") {
    findings.fail(
      "binary",
      `${tarball}:${bin}`,
      "BinaryMissing",
      `${bin} is a directory, not the plugin's executable`
    );
  } else if ((b.mode & 73) === 0) {
    findings.fail(
      "binary",
      `${tarball}:${bin}`,
      "BinaryNotExecutable",
      `${bin} has mode ${octal(b.mode)}: no exec bit. Pack it as 0755`
    );
  } else if ((b.mode & 4095) !== 493) {
    findings.warn(
      "binary",
      `${tarball}:${bin}`,
      "UnusualMode",
      `${bin} has mode ${octal(b.mode)}; the convention is 0755`
    );
  } else {
    findings.pass("binary", `${tarball}:${bin}`, `${bin} present, mode 0755`);
  }
}

// src/verify/tarball.ts
import { createHash } from "node:crypto";
import { once } from "node:events";
import { PassThrough } from "node:stream";

// src/archive/gzip-inspect.ts
import { Transform } from "node:stream";
import { finished } from "node:stream/promises";
import zlib from "node:zlib";

// src/archive/gzip-reader.ts
var ChunkReader = class {
  it;
  held = null;
  taken = 0;
  constructor(source) {
    this.it = source[Symbol.asyncIterator]();
  }
  /** Bytes of the source consumed so far (given-back bytes not counted). */
  get position() {
    return this.taken - (this.held?.length ?? 0);
  }
  /** The next chunk (a given-back tail first), or null at the end of the source. */
  async next() {
    if (this.held) {
      const b = this.held;
      this.held = null;
      return b;
    }
    for (; ; ) {
      const r = await this.it.next();
      if (r.done) return null;
      const b = toBuffer(r.value);
      this.taken += b.length;
      if (b.length > 0) return b;
    }
  }
  /** Gives back the unused tail of the chunk last returned by next(). */
  unread(tail) {
    if (tail.length > 0) this.held = tail;
  }
  /** Up to n bytes; fewer only at the end of the source. For small header/trailer fields. */
  async read(n) {
    const parts = [];
    let have = 0;
    while (have < n) {
      const b = await this.next();
      if (!b) break;
      const use = Math.min(n - have, b.length);
      parts.push(b.subarray(0, use));
      have += use;
      this.unread(b.subarray(use));
    }
    return Buffer.concat(parts, have);
  }
  /** Skips n bytes; false if the source ended first. */
  async skip(n) {
    let left = n;
    while (left > 0) {
      const b = await this.next();
      if (!b) return false;
      const use = Math.min(left, b.length);
      left -= use;
      this.unread(b.subarray(use));
    }
    return true;
  }
  /** Skips through the next NUL byte (a gzip FNAME/FCOMMENT field); false if none came. */
  async skipPastNul() {
    for (; ; ) {
      const b = await this.next();
      if (!b) return false;
      const at = b.indexOf(0);
      if (at >= 0) {
        this.unread(b.subarray(at + 1));
        return true;
      }
    }
  }
  /** Reads to the end of the source, discarding; returns how many bytes that was. */
  async drain() {
    let n = 0;
    for (let b = await this.next(); b; b = await this.next()) n += b.length;
    return n;
  }
  /** Stops reading early: lets the source release its resources. */
  async close() {
    this.held = null;
    await this.it.return?.();
  }
};
function toBuffer(v) {
  if (Buffer.isBuffer(v)) return v;
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  if (typeof v === "string") return Buffer.from(v, "latin1");
  throw new TypeError("gzip source must yield bytes");
}

// src/archive/gzip-inspect.ts
var FHCRC = 2;
var FEXTRA = 4;
var FNAME = 8;
var FCOMMENT = 16;
var FRESERVED = 224;
function inspectGzip(source) {
  const content = new CrcCounter();
  const result = inspect(new ChunkReader(source), content);
  result.catch(() => content.destroy());
  return { content, result };
}
var CrcCounter = class extends Transform {
  crc = 0;
  size = 0;
  _transform(chunk, _enc, cb) {
    this.crc = zlib.crc32(chunk, this.crc);
    this.size += chunk.length;
    cb(null, chunk);
  }
};
async function inspect(reader, content) {
  try {
    const header = await readHeader(reader);
    if (header === "not-gzip") {
      throw new ReleaseError("VERIFY_FAILED", "not a gzip file: it does not start with 1f 8b");
    }
    if (header === "unsupported") {
      throw new ReleaseError(
        "VERIFY_FAILED",
        "unsupported gzip header: compression method is not deflate or reserved flags are set"
      );
    }
    let complete = false;
    if (header === "ok") complete = await inflateMember(reader, content);
    else content.end();
    await finished(content, { readable: false });
    let crcOk = false;
    let members = 1;
    let memberEnd = -1;
    if (complete) {
      const t = await reader.read(8);
      crcOk = t.length === 8 && t.readUInt32LE(0) === content.crc >>> 0 && t.readUInt32LE(4) === content.size % 2 ** 32;
      memberEnd = reader.position;
      members += await countMembers(reader);
    }
    await reader.drain();
    const compressedSize = reader.position;
    return {
      members,
      trailingBytes: memberEnd < 0 ? 0 : compressedSize - memberEnd,
      compressedSize,
      decompressedSize: content.size,
      crcOk
    };
  } finally {
    await reader.close();
  }
}
async function readHeader(reader) {
  const h = await reader.read(10);
  if (h.length < 2 || h[0] !== 31 || h[1] !== 139) return "not-gzip";
  if (h.length < 10) return "truncated";
  const flags = h[3];
  if (h[2] !== 8 || (flags & FRESERVED) !== 0) return "unsupported";
  if (flags & FEXTRA) {
    const len = await reader.read(2);
    if (len.length < 2 || !await reader.skip(len.readUInt16LE(0))) return "truncated";
  }
  if (flags & FNAME && !await reader.skipPastNul()) return "truncated";
  if (flags & FCOMMENT && !await reader.skipPastNul()) return "truncated";
  if (flags & FHCRC && !await reader.skip(2)) return "truncated";
  return "ok";
}
async function inflateMember(reader, sink) {
  const inflate = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
  inflate.on("error", () => {
  });
  const onSinkClose = () => {
    inflate.destroy();
  };
  sink.once("close", onSinkClose);
  inflate.pipe(sink);
  let written = 0;
  try {
    for (; ; ) {
      const chunk = await reader.next();
      const err = await (chunk ? writeTo(inflate, chunk) : settleEnd(inflate));
      if (err) {
        if (sink.destroyed) throw err;
        inflate.unpipe(sink);
        sink.end();
        return false;
      }
      if (!chunk) return true;
      written += chunk.length;
      const unused = written - inflate.bytesWritten;
      if (unused > 0) {
        reader.unread(chunk.subarray(chunk.length - unused));
        return true;
      }
    }
  } finally {
    sink.off("close", onSinkClose);
    finished(sink, { readable: false }).then(
      () => inflate.destroy(),
      () => inflate.destroy()
    );
  }
}
function writeTo(inflate, chunk) {
  return new Promise((resolve) => {
    const onError = (err) => resolve(err);
    inflate.once("error", onError);
    inflate.write(chunk, (err) => {
      inflate.off("error", onError);
      resolve(err ?? null);
    });
  });
}
function settleEnd(inflate) {
  inflate.end();
  return finished(inflate).then(
    () => null,
    (err) => err instanceof Error ? err : new Error(String(err))
  );
}
async function countMembers(reader) {
  let n = 0;
  for (; ; ) {
    const header = await readHeader(reader);
    if (header === "not-gzip") return n;
    n++;
    if (header !== "ok") return n;
    const discard = new CrcCounter();
    discard.resume();
    const complete = await inflateMember(reader, discard);
    if (!complete || !await reader.skip(8)) return n;
  }
}

// src/verify/tar-headers.ts
var MAX_META = 1024 * 1024;
var BLOCK = 512;
var TarHeaderWalker = class {
  /** Why the installer's reader would stop with an error, if it would. */
  problem;
  /** Entries seen so far. */
  count = 0;
  state = { kind: "header" };
  block = Buffer.alloc(BLOCK);
  filled = 0;
  offset = 0;
  longName;
  longLink;
  pax;
  onEntry;
  constructor(onEntry) {
    this.onEntry = onEntry;
  }
  /** Feeds the next bytes of the tar stream (the decompressed first gzip member). */
  push(chunk) {
    let at = 0;
    while (at < chunk.length && this.state.kind !== "done") {
      const s = this.state;
      if (s.kind === "header") {
        const n = Math.min(BLOCK - this.filled, chunk.length - at);
        chunk.copy(this.block, this.filled, at, at + n);
        this.filled += n;
        at += n;
        if (this.filled === BLOCK) {
          this.filled = 0;
          this.header();
          this.offset += BLOCK;
        }
      } else if (s.kind === "skip") {
        const n = Math.min(s.left, chunk.length - at);
        s.left -= n;
        at += n;
        this.offset += n;
        if (s.left === 0) this.state = { kind: "header" };
      } else if (s.kind === "meta") {
        const n = Math.min(s.left, chunk.length - at);
        s.parts.push(Buffer.from(chunk.subarray(at, at + n)));
        s.left -= n;
        at += n;
        this.offset += n;
        if (s.left === 0) this.meta(s.type, Buffer.concat(s.parts), s.pad);
      }
    }
  }
  /** The stream ended: an end in the middle of a header or entry is an error. */
  end() {
    const s = this.state;
    if (s.kind === "done" || s.kind === "header" && this.filled === 0) {
      if (s.kind === "header" && (this.longName || this.longLink || this.pax))
        this.fail("an extended header describes an entry that never comes");
      return;
    }
    this.fail(`the tar stream is truncated at byte ${this.offset + this.filled}`);
  }
  fail(message) {
    this.problem ??= message;
    this.state = { kind: "done" };
  }
  header() {
    const h = this.block;
    if (h.every((b) => b === 0)) {
      this.state = { kind: "done" };
      return;
    }
    let sum = 8 * 32;
    for (let i = 0; i < BLOCK; i++) if (i < 148 || i >= 156) sum += h[i];
    const cksum = octal2(h.subarray(148, 156));
    if (cksum === void 0 || cksum !== sum) {
      this.fail(`header checksum mismatch at byte ${this.offset}`);
      return;
    }
    const headerSize = numeric(h.subarray(124, 136));
    if (headerSize === void 0) {
      this.fail(`header at byte ${this.offset} has an unreadable size field`);
      return;
    }
    const paxSize = this.pax ? paxValue(this.pax, "size") : void 0;
    const size = paxSize !== void 0 && /^\d+$/.test(paxSize.toString()) ? Number(paxSize) : headerSize;
    const typeflag = String.fromCharCode(h[156]);
    const ustar = h.subarray(257, 263).equals(Buffer.from("ustar\0"));
    const recognized = ustar || h.subarray(257, 265).equals(Buffer.from("ustar  \0"));
    const pad = (BLOCK - size % BLOCK) % BLOCK;
    if (recognized && (typeflag === "L" || typeflag === "K" || typeflag === "x")) {
      const pending = typeflag === "L" ? this.longName : typeflag === "K" ? this.longLink : this.pax;
      if (pending !== void 0) {
        this.fail(`two '${typeflag}' extended headers describe one entry`);
      } else if (size > MAX_META) {
        this.fail(`an extended header of ${size} bytes (over 1 MiB)`);
      } else if (size === 0) {
        this.meta(typeflag, Buffer.alloc(0), 0);
      } else {
        this.state = { kind: "meta", type: typeflag, left: size, pad, parts: [] };
      }
      return;
    }
    const entry = {
      index: this.count++,
      typeflag,
      path: this.entryPath(h, ustar),
      size,
      headerSize,
      mode: octal2(h.subarray(100, 108)) ?? 0,
      recognized,
      ustar
    };
    this.longName = this.longLink = this.pax = void 0;
    this.state = size + pad === 0 ? { kind: "header" } : { kind: "skip", left: size + pad };
    this.onEntry(entry);
  }
  meta(type, body, pad) {
    if (type === "L") this.longName = body;
    else if (type === "K") this.longLink = body;
    else this.pax = body;
    this.state = pad === 0 ? { kind: "header" } : { kind: "skip", left: pad };
  }
  entryPath(h, ustar) {
    if (this.longName) {
      const n = this.longName;
      return n.length > 0 && n[n.length - 1] === 0 ? n.subarray(0, n.length - 1) : n;
    }
    const fromPax = this.pax ? paxValue(this.pax, "path") : void 0;
    if (fromPax !== void 0) return fromPax;
    const name = cut(h.subarray(0, 100));
    const prefix = ustar ? cut(h.subarray(345, 500)) : Buffer.alloc(0);
    return prefix.length === 0 ? name : Buffer.concat([prefix, Buffer.from("/"), name]);
  }
};
function cut(field) {
  const nul = field.indexOf(0);
  return Buffer.from(nul < 0 ? field : field.subarray(0, nul));
}
function octal2(field) {
  const text = cut(field).toString("latin1").trim();
  return /^[0-7]+$/.test(text) ? parseInt(text, 8) : void 0;
}
function numeric(field) {
  if ((field[0] & 128) === 0) return octal2(field);
  let n = 0;
  for (let i = 0; i < field.length; i++) n = n * 256 + (i === 0 ? field[i] & 127 : field[i]);
  return Number.isSafeInteger(n) ? n : void 0;
}
function paxValue(records, key) {
  let found;
  let at = 0;
  while (at < records.length) {
    const space = records.indexOf(32, at);
    if (space < 0) break;
    const len = Number(records.subarray(at, space).toString("latin1"));
    if (!Number.isInteger(len) || len <= space - at || at + len > records.length) break;
    const record = records.subarray(space + 1, at + len - 1);
    const eq = record.indexOf(61);
    if (eq >= 0 && record.subarray(0, eq).toString("latin1") === key)
      found = Buffer.from(record.subarray(eq + 1));
    at += len;
  }
  return found;
}

// src/verify/tarball.ts
var MAX_MANIFEST = 1024 * 1024;
var PARSER_META = /* @__PURE__ */ new Set(["g", "x", "X", "L", "K", "N"]);
function isRootManifest(path) {
  return path.split("/").filter((p) => p !== "" && p !== ".").join("/") === "nexo-plugin.toml";
}
async function drainedOrClosed(stream) {
  const ac = new AbortController();
  const { signal } = ac;
  try {
    await Promise.race([once(stream, "drain", { signal }), once(stream, "close", { signal })]);
  } finally {
    ac.abort();
  }
}
async function passTarball(source, opts) {
  const hash = createHash("sha256");
  let size = 0;
  const gz = new PassThrough();
  const { content, result } = inspectGzip(gz);
  const reading = (async () => {
    try {
      for await (const chunk of source) {
        const b = chunk;
        hash.update(b);
        size += b.length;
        for (const s of opts.sinks ?? []) s.update(b);
        if (!gz.destroyed && !gz.write(b)) await drainedOrClosed(gz);
      }
      gz.end();
    } catch (e) {
      gz.destroy(e);
      throw e;
    }
  })();
  let comparable = 0;
  const walker = new TarHeaderWalker((entry) => {
    if (!PARSER_META.has(entry.typeflag)) comparable++;
    opts.onEntry(entry);
  });
  let parsed = 0;
  const warnings = [];
  const manifest = [];
  let manifestBytes = 0;
  let manifestSeen = false;
  const parser = new rt({ maxMetaEntrySize: MAX_META });
  parser.on("entry", (e) => {
    parsed++;
    if (!manifestSeen && (e.type === "File" || e.type === "OldFile") && isRootManifest(e.path)) {
      manifestSeen = true;
      e.on("data", (c) => {
        manifestBytes += c.length;
        if (manifestBytes <= MAX_MANIFEST) manifest.push(c);
      });
    } else e.resume();
  });
  parser.on("ignoredEntry", (e) => void (e.meta || parsed++));
  parser.on("warn", (code, message) => void warnings.push(`${code} ${message}`));
  const parserDone = new Promise((resolve) => {
    parser.on("end", resolve);
    parser.on("error", (e) => {
      warnings.push(e.message);
      resolve();
    });
  });
  const feeding = (async () => {
    try {
      for await (const chunk of content) {
        walker.push(chunk);
        parser.write(chunk);
      }
    } catch {
      return false;
    }
    walker.end();
    parser.end();
    await parserDone;
    return true;
  })();
  const [read, gzip, fed] = await Promise.allSettled([reading, result, feeding]);
  if (read.status === "rejected") throw read.reason;
  if (gzip.status === "rejected" && !isReleaseError(gzip.reason)) throw gzip.reason;
  const complete = fed.status === "fulfilled" && fed.value;
  return {
    sha256: hash.digest("hex"),
    size,
    gzip: gzip.status === "fulfilled" ? gzip.value : void 0,
    gzipError: gzip.status === "rejected" ? gzip.reason.message : void 0,
    manifest: manifestSeen ? Buffer.concat(manifest) : void 0,
    manifestTooLarge: manifestBytes > MAX_MANIFEST,
    tarProblem: walker.problem,
    disagreement: complete && walker.problem === void 0 && comparable !== parsed ? `the installer's tar reader sees ${comparable} entries, node-tar sees ${parsed}${warnings.length > 0 ? ` (${warnings.slice(0, 3).join("; ")})` : ""}` : void 0
  };
}

// src/verify/tarball-check.ts
async function signatureFiles(source, t) {
  const has = (k) => source.files.some((f) => f.name === `${t}.${k}`);
  const read = async (k) => has(k) ? await readSmall(source, `${t}.${k}`) : void 0;
  return {
    sig: await read("sig"),
    cert: await read("cert"),
    pem: has("pem"),
    bundle: await read("bundle"),
    sigstoreJson: await read("sigstore.json")
  };
}
async function expectedSha256(source, sidecar, findings) {
  if (!source.files.some((f) => f.name === sidecar)) {
    findings.fail("sha256", sidecar, "ReleaseShape", `missing required asset ${sidecar}`);
    return void 0;
  }
  const body = await readSmall(source, sidecar);
  const parsed = body === void 0 ? void 0 : parseSidecar(body);
  if (parsed?.ok) return parsed.sha256;
  const why = body && parsed ? describeToken(body, parsed.token) : "it is over 1 MiB";
  findings.fail(
    "sha256",
    sidecar,
    "Sha256Invalid",
    `the installer needs 64 hex digits as the first token: ${why}`
  );
  return void 0;
}
async function checkTarball(ctx, name, noarch) {
  const findings = new Findings();
  const { source } = ctx;
  const size = source.files.find((f) => f.name === name)?.size ?? 0;
  if (size > LIMITS.compressedBytes) {
    findings.fail(
      "size",
      name,
      "TarballTooLarge",
      `${name} is ${size} bytes (${formatBytes(size)}), over the installer's ${LIMITS.compressedBytes / MIB} MiB limit; refused without reading it`
    );
    return findings;
  }
  findings.pass(
    "size",
    name,
    `${formatBytes(size)} compressed (limit ${LIMITS.compressedBytes / MIB} MiB)`
  );
  const sidecarName = `${name}.sha256`;
  const expectedSha = await expectedSha256(source, sidecarName, findings);
  const signature = prepareSignatureCheck({
    tarball: name,
    files: await signatureFiles(source, name),
    required: ctx.requireSignature,
    policy: ctx.policy,
    trust: ctx.trust,
    findings
  });
  const rules = new EntryRules({ tarball: name, id: ctx.expected.id, noarch, findings });
  const pass = await passTarball(await source.open(name), {
    onEntry: (e) => rules.add(e),
    sinks: signature.sinks
  });
  if (expectedSha !== void 0 && pass.sha256 !== expectedSha) {
    findings.fail(
      "sha256",
      name,
      "Sha256Mismatch",
      `sha256 mismatch: ${sidecarName} says ${expectedSha}, the file hashes to ${pass.sha256}`
    );
  } else if (expectedSha !== void 0)
    findings.pass("sha256", name, `sha256 ${pass.sha256} matches ${sidecarName}`);
  await signature.finish(pass.sha256);
  const gz = pass.gzip;
  if (gz === void 0) {
    findings.fail(
      "gzip",
      name,
      "GzipInvalid",
      `${pass.gzipError ?? "not gzip"}: the installer cannot decompress it`
    );
    return findings;
  }
  if (gz.members > 1) {
    findings.fail(
      "gzip",
      name,
      "MultipleGzipMembers",
      `${gz.members} gzip members: the installer decodes only the first (${formatBytes(gz.decompressedSize)} of tar) and silently loses the rest. Compress the tar stream as one member`
    );
  } else if (gz.trailingBytes > 0) {
    findings.warn(
      "gzip",
      name,
      "GzipInvalid",
      `${gz.trailingBytes} bytes after the gzip stream, which the installer ignores`
    );
  }
  if (!gz.crcOk)
    findings.fail(
      "gzip",
      name,
      "GzipInvalid",
      "the gzip stream is corrupt or truncated (its CRC32/size trailer does not match)"
    );
  if (gz.members === 1 && gz.crcOk)
    findings.pass("gzip", name, `one gzip member, ${formatBytes(gz.decompressedSize)} of tar`);
  if (pass.tarProblem)
    findings.fail(
      "tar",
      name,
      "TarInvalid",
      `the installer's tar reader fails: ${pass.tarProblem}`
    );
  if (pass.disagreement)
    findings.fail(
      "tar",
      name,
      "TarAmbiguous",
      `tar readers disagree on this archive: ${pass.disagreement}`
    );
  rules.finish();
  if (!findings.list.some(
    (c) => c.status === "fail" && ["tar", "limits", "modes", "noarch"].includes(c.check)
  )) {
    findings.pass(
      "tar",
      name,
      `${rules.summary()}: only files and directories, safe paths, within the installer's limits`
    );
  }
  checkTarballContent(name, { ...pass, layout: rules.layout }, ctx.expected, findings);
  return findings;
}

export {
  checkManifestAsset,
  signatureFiles,
  checkTarball
};
