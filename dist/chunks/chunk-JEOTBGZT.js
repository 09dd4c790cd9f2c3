import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  createParallelGzip,
  deflateBlock
} from "./chunk-RHUK7HM2.js";
import {
  ReleaseError
} from "./chunk-S5POLVOE.js";

// src/archive/zip.ts
import { createHash } from "node:crypto";
import { finished } from "node:stream/promises";

// src/archive/zip-deflate.ts
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeSync
} from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
var BLOCK_SIZE = 1024 * 1024;
var SPILL_BYTES = 16 * 1024 * 1024;
var READ_CHUNK = 256 * 1024;
var GZIP_HEADER = 10;
var GZIP_TRAILER = 8;
var Spool = class {
  memory = [];
  bytes = 0;
  dir;
  fd;
  add(chunk) {
    if (this.fd === void 0 && this.bytes + chunk.length > SPILL_BYTES) {
      this.dir = mkdtempSync(path.join(os.tmpdir(), "zip-entry-"));
      this.fd = openSync(path.join(this.dir, "deflate"), "w+");
      for (const m of this.memory) writeSync(this.fd, m);
      this.memory = [];
    }
    if (this.fd === void 0) this.memory.push(Buffer.from(chunk));
    else writeSync(this.fd, chunk);
    this.bytes += chunk.length;
  }
  /** Bytes [start, end). */
  *range(start, end) {
    if (this.fd !== void 0) {
      for (let pos = start; pos < end; ) {
        const buf = Buffer.allocUnsafe(Math.min(READ_CHUNK * 4, end - pos));
        const n = readSync(this.fd, buf, 0, buf.length, pos);
        if (n === 0) throw new ReleaseError("INTERNAL", "a temporary zip spool file shrank");
        pos += n;
        yield buf.subarray(0, n);
      }
      return;
    }
    let at = 0;
    for (const m of this.memory) {
      const from = Math.max(start, at);
      const to = Math.min(end, at + m.length);
      if (from < to) yield m.subarray(from - at, to - at);
      at += m.length;
    }
  }
  tail(n) {
    return Buffer.concat([...this.range(this.bytes - n, this.bytes)]);
  }
  dispose() {
    if (this.fd !== void 0) closeSync(this.fd);
    if (this.dir !== void 0) rmSync(this.dir, { recursive: true, force: true });
    this.fd = void 0;
    this.dir = void 0;
    this.memory = [];
  }
};
function put(sink, chunk) {
  return new Promise((resolve, reject) => {
    sink.write(chunk, (err) => err ? reject(err) : resolve());
  });
}
async function feed(entry, sink) {
  if (entry.data !== void 0) {
    for (let i = 0; i < entry.data.length; i += READ_CHUNK) {
      await put(sink, entry.data.subarray(i, i + READ_CHUNK));
    }
    return { size: entry.data.length, crc: zlib.crc32(entry.data) >>> 0 };
  }
  let fd;
  try {
    fd = openSync(entry.source, "r");
  } catch (e) {
    throw new ReleaseError(
      "UNSUPPORTED_FILE",
      `${entry.source} could not be opened while it was being packed (${e.message}). Do not modify the payload during packing`,
      { cause: e }
    );
  }
  try {
    const buf = Buffer.allocUnsafe(READ_CHUNK);
    let size = 0;
    let crc = 0;
    for (; ; ) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) return { size, crc: crc >>> 0 };
      crc = zlib.crc32(buf.subarray(0, n), crc);
      size += n;
      await put(sink, buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
}
function currentSize(entry) {
  if (entry.data !== void 0) return entry.data.length;
  try {
    return statSync(entry.source).size;
  } catch {
    return Infinity;
  }
}
function inMemory(data, crc, compressed) {
  return {
    size: data.length,
    crc,
    compressedSize: data.length === 0 ? 0 : compressed.length,
    chunks: () => data.length === 0 ? [] : [compressed],
    dispose: () => void 0
  };
}
async function deflateEntry(entry, level, concurrency = os.availableParallelism()) {
  if (currentSize(entry) > BLOCK_SIZE) return deflateStreamed(entry, level, concurrency);
  let data;
  try {
    data = entry.data ?? readFileSync(entry.source);
  } catch (e) {
    throw new ReleaseError(
      "UNSUPPORTED_FILE",
      `${entry.source} could not be read while it was being packed (${e.message}). Do not modify the payload during packing`,
      { cause: e }
    );
  }
  if (data.length > BLOCK_SIZE) return deflateStreamed({ ...entry, data }, level, concurrency);
  const crc = zlib.crc32(data) >>> 0;
  if (data.length === 0) return inMemory(data, crc, data);
  const { out } = await deflateBlock(
    { level, dict: Buffer.alloc(0), data: Buffer.from(data), last: true },
    concurrency
  );
  return inMemory(data, crc, out);
}
async function deflateStreamed(entry, level, concurrency) {
  const gzip = createParallelGzip({ level, blockSize: BLOCK_SIZE, concurrency });
  const spool = new Spool();
  const drained = (async () => {
    for await (const chunk of gzip) {
      spool.add(chunk);
      gzip.release(chunk);
    }
  })();
  drained.catch(() => void 0);
  try {
    let fed;
    try {
      fed = await feed(entry, gzip);
      gzip.end();
    } catch (err) {
      gzip.destroy(err);
      throw err;
    }
    await drained;
    const trailer = spool.tail(GZIP_TRAILER);
    if (trailer.readUInt32LE(0) !== fed.crc || trailer.readUInt32LE(4) !== fed.size % 2 ** 32) {
      throw new ReleaseError("INTERNAL", `the deflater's CRC of '${entry.path}' disagrees`);
    }
    const end = spool.bytes - GZIP_TRAILER;
    return {
      size: fed.size,
      crc: fed.crc,
      compressedSize: fed.size === 0 ? 0 : end - GZIP_HEADER,
      chunks: () => spool.range(GZIP_HEADER, end),
      dispose: () => spool.dispose()
    };
  } catch (err) {
    spool.dispose();
    throw err;
  }
}
var EntryCompressor = class {
  started = /* @__PURE__ */ new Map();
  small = [];
  entries;
  level;
  concurrency;
  window;
  constructor(entries, level, concurrency = os.availableParallelism()) {
    this.entries = entries;
    this.level = level;
    this.concurrency = concurrency;
    this.window = Math.min(concurrency * 2, 16);
  }
  /** The compressed bytes of file entry `i`, or undefined for a directory. The caller disposes. */
  async take(i) {
    for (let j = i + 1; j < Math.min(this.entries.length, i + 1 + this.window); j++) {
      if (this.isSmall(j)) this.start(j);
    }
    if (this.entries[i].type === "directory") return void 0;
    const p = this.start(i);
    this.started.delete(i);
    return p;
  }
  /** Frees whatever was compressed ahead and not taken (after a failure). */
  async dispose() {
    const rest = [...this.started.values()];
    this.started.clear();
    for (const r of await Promise.allSettled(rest)) {
      if (r.status === "fulfilled") r.value.dispose();
    }
  }
  isSmall(j) {
    const e = this.entries[j];
    this.small[j] ??= e.type === "file" && currentSize(e) <= BLOCK_SIZE;
    return this.small[j];
  }
  start(j) {
    let p = this.started.get(j);
    if (!p) {
      p = deflateEntry(this.entries[j], this.level, this.concurrency);
      p.catch(() => void 0);
      this.started.set(j, p);
    }
    return p;
  }
};

// src/archive/zip.ts
var MAX_U32 = 4294967294;
var MAX_ZIP_ENTRIES = 65535;
var MADE_BY = 788;
var NEEDED = 20;
var UTF8_FLAG = 2048;
function sortZipEntries(entries) {
  return entries.sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
}
function dosDateTime(epoch) {
  const min = Date.UTC(1980, 0, 1, 0, 0, 0) / 1e3;
  const max = Date.UTC(2107, 11, 31, 23, 59, 58) / 1e3;
  const d = new Date(Math.min(max, Math.max(min, Math.floor(epoch))) * 1e3);
  return {
    time: d.getUTCHours() << 11 | d.getUTCMinutes() << 5 | d.getUTCSeconds() >> 1,
    date: d.getUTCFullYear() - 1980 << 9 | d.getUTCMonth() + 1 << 5 | d.getUTCDate()
  };
}
function externalAttributes(type, mode) {
  const perm = mode & 4095;
  return type === "directory" ? ((16384 | perm) * 65536 | 16) >>> 0 : (32768 | perm) * 65536 >>> 0;
}
function limit(message) {
  return new ReleaseError("LIMIT_EXCEEDED", message);
}
function checkEntries(entries) {
  if (entries.length > MAX_ZIP_ENTRIES) {
    throw limit(
      `the archive would hold ${entries.length} entries; a ZIP without ZIP64 holds at most ${MAX_ZIP_ENTRIES}. Leave files out of the payload`
    );
  }
  for (const e of entries) {
    const bad = e.path === "" || e.path.startsWith("/") || e.path.includes("\\") || e.type === "directory" !== e.path.endsWith("/") || e.type === "file" && e.source === void 0 === (e.data === void 0);
    if (bad) throw new ReleaseError("INTERNAL", `zip entry '${e.path}' is malformed`);
    if (Buffer.byteLength(e.path) > 65535) {
      throw limit(`the path '${e.path.slice(0, 80)}...' is longer than a ZIP name (65,535 bytes)`);
    }
  }
}
function localHeader(r, time, date) {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(67324752, 0);
  h.writeUInt16LE(NEEDED, 4);
  h.writeUInt16LE(r.flags, 6);
  h.writeUInt16LE(r.method, 8);
  h.writeUInt16LE(time, 10);
  h.writeUInt16LE(date, 12);
  h.writeUInt32LE(r.crc, 14);
  h.writeUInt32LE(r.compressedSize, 18);
  h.writeUInt32LE(r.size, 22);
  h.writeUInt16LE(r.name.length, 26);
  h.writeUInt16LE(0, 28);
  return Buffer.concat([h, r.name]);
}
function centralHeader(r, time, date) {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(33639248, 0);
  h.writeUInt16LE(MADE_BY, 4);
  h.writeUInt16LE(NEEDED, 6);
  h.writeUInt16LE(r.flags, 8);
  h.writeUInt16LE(r.method, 10);
  h.writeUInt16LE(time, 12);
  h.writeUInt16LE(date, 14);
  h.writeUInt32LE(r.crc, 16);
  h.writeUInt32LE(r.compressedSize, 20);
  h.writeUInt32LE(r.size, 24);
  h.writeUInt16LE(r.name.length, 28);
  h.writeUInt32LE(r.external, 38);
  h.writeUInt32LE(r.offset, 42);
  return Buffer.concat([h, r.name]);
}
function endRecord(count, cdSize, cdOffset) {
  const h = Buffer.alloc(22);
  h.writeUInt32LE(101010256, 0);
  h.writeUInt16LE(count, 8);
  h.writeUInt16LE(count, 10);
  h.writeUInt32LE(cdSize, 12);
  h.writeUInt32LE(cdOffset, 16);
  return h;
}
var Sink = class {
  hash = createHash("sha256");
  size = 0;
  out;
  constructor(out) {
    this.out = out;
  }
  put(chunk) {
    this.hash.update(chunk);
    this.size += chunk.length;
    return new Promise((resolve, reject) => {
      this.out.write(chunk, (err) => err ? reject(err) : resolve());
    });
  }
};
async function writeEntry(sink, entry, compressor, index, dos) {
  const name = Buffer.from(entry.path, "utf8");
  const compressed = await compressor.take(index);
  try {
    const empty = compressed === void 0 || compressed.size === 0;
    const r = {
      name,
      flags: name.every((b) => b < 128) ? 0 : UTF8_FLAG,
      method: empty ? 0 : 8,
      crc: compressed?.crc ?? 0,
      compressedSize: empty ? 0 : compressed.compressedSize,
      size: compressed?.size ?? 0,
      external: externalAttributes(entry.type, entry.mode),
      offset: sink.size
    };
    if (r.size > MAX_U32 || r.compressedSize > MAX_U32) {
      throw limit(`'${entry.path}' is 4 GiB or larger; a ZIP without ZIP64 cannot hold it`);
    }
    if (r.offset + 30 + name.length + r.compressedSize > MAX_U32) {
      throw limit(`the archive reaches 4 GiB at '${entry.path}'; a ZIP without ZIP64 ends there`);
    }
    await sink.put(localHeader(r, dos.time, dos.date));
    if (!empty) for (const chunk of compressed.chunks()) await sink.put(chunk);
    return r;
  } finally {
    compressed?.dispose();
  }
}
async function writeZip(entries, out, o) {
  const closed = finished(out);
  closed.catch(() => void 0);
  try {
    checkEntries(entries);
    const dos = dosDateTime(o.mtime);
    const sink = new Sink(out);
    const records = [];
    const compressor = new EntryCompressor(entries, o.compressionLevel, o.concurrency);
    try {
      for (const [i, entry] of entries.entries()) {
        records.push(await writeEntry(sink, entry, compressor, i, dos));
      }
    } finally {
      await compressor.dispose();
    }
    const cdOffset = sink.size;
    for (const r of records) await sink.put(centralHeader(r, dos.time, dos.date));
    const cdSize = sink.size - cdOffset;
    if (cdOffset > MAX_U32 || cdSize > MAX_U32) {
      throw limit("the archive reaches 4 GiB; a ZIP without ZIP64 cannot hold it");
    }
    await sink.put(endRecord(records.length, cdSize, cdOffset));
    out.end();
    await closed;
    return {
      size: sink.size,
      sha256: sink.hash.digest("hex"),
      entries: records.length,
      files: records.map((r, i) => ({ path: entries[i].path, size: r.size, crc32: r.crc }))
    };
  } catch (err) {
    out.destroy(err);
    throw err;
  }
}

// src/archive/zip-read.ts
import zlib2 from "node:zlib";
var EOCD = 101010256;
var CENTRAL = 33639248;
var LOCAL = 67324752;
var ZIP64_LOCATOR = 117853008;
var S_IFMT = 61440;
function signatureAt(buf, at, sig) {
  return at >= 0 && at + 4 <= buf.length && buf.readUInt32LE(at) === sig;
}
function findEnd(buf, problems) {
  const found = [];
  for (let at = buf.length - 22; at >= Math.max(0, buf.length - 22 - 65535); at--) {
    if (signatureAt(buf, at, EOCD) && at + 22 + buf.readUInt16LE(at + 20) === buf.length) {
      found.push(at);
    }
  }
  if (found.length !== 1) {
    problems.push({
      kind: "end-record",
      message: found.length === 0 ? "no end-of-central-directory record: not a ZIP archive, or truncated" : `${found.length} end-of-central-directory records (an archive has exactly one)`
    });
  }
  return found.length === 0 ? -1 : found[found.length - 1];
}
function pathProblem(name) {
  if (name === "") return "an empty path";
  if (name.includes("\0")) return "a NUL byte in the path";
  if (name.includes("\\")) return "a '\\' in the path (a Windows separator)";
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) return "an absolute path";
  if (name.split("/").includes("..")) return "a '..' segment in the path";
  return void 0;
}
function readCentral(buf, offset, size, count, out) {
  const { entries, problems } = out;
  let at = offset;
  const end = offset + size;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || !signatureAt(buf, at, CENTRAL)) {
      problems.push({
        kind: "central-directory",
        message: `central directory entry ${i + 1} of ${count} is missing or damaged at offset ${at}`
      });
      return;
    }
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const next = at + 46 + nameLen + extraLen + commentLen;
    if (next > end) {
      problems.push({ kind: "central-directory", message: `central entry ${i + 1} overruns it` });
      return;
    }
    const versionMadeBy = buf.readUInt16LE(at + 4);
    const externalAttrs = buf.readUInt32LE(at + 38);
    const name = buf.toString("utf8", at + 46, at + 46 + nameLen);
    const unixMode = versionMadeBy >> 8 === 3 ? externalAttrs >>> 16 : 0;
    entries.push({
      name,
      method: buf.readUInt16LE(at + 10),
      flags: buf.readUInt16LE(at + 8),
      crc32: buf.readUInt32LE(at + 16),
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      externalAttrs,
      versionMadeBy,
      localOffset: buf.readUInt32LE(at + 42),
      dataOffset: -1,
      isDirectory: name.endsWith("/") || (unixMode & S_IFMT) === 16384 || (externalAttrs & 16) !== 0,
      unixMode
    });
    const extra = buf.subarray(at + 46 + nameLen, at + 46 + nameLen + extraLen);
    for (let x = 0; x + 4 <= extra.length; x += 4 + extra.readUInt16LE(x + 2)) {
      if (extra.readUInt16LE(x) === 1) {
        problems.push({ kind: "zip64", name, message: `'${name}' has a ZIP64 extra field` });
      }
    }
    at = next;
  }
  if (at !== end) {
    problems.push({
      kind: "central-directory",
      message: `the central directory holds ${end - at} bytes after its ${count} entries`
    });
  }
}
function checkEntry(e, seen, problems) {
  const { name } = e;
  const why = pathProblem(name);
  if (why) problems.push({ kind: "path", name, message: `'${name}': ${why}` });
  if (seen.has(name))
    problems.push({ kind: "duplicate", name, message: `'${name}' appears twice` });
  seen.add(name);
  const type = e.unixMode & S_IFMT;
  if (type !== 0 && type !== 32768 && type !== 16384) {
    const what = type === 40960 ? "a symbolic link" : "a special file";
    problems.push({
      kind: "special-file",
      name,
      message: `'${name}' is ${what} (mode ${e.unixMode.toString(8)})`
    });
  }
  if ((e.flags & 65) !== 0 || e.method === 99) {
    problems.push({ kind: "encrypted", name, message: `'${name}' is encrypted` });
  }
  if (e.method !== 0 && e.method !== 8) {
    problems.push({
      kind: "method",
      name,
      message: `'${name}' uses compression method ${e.method} (only 0, stored, and 8, deflate, are allowed)`
    });
  }
  if (e.size === 4294967295 || e.compressedSize === 4294967295 || e.localOffset === 4294967295) {
    problems.push({ kind: "zip64", name, message: `'${name}' needs ZIP64 sizes or offset` });
  }
}
function checkLocal(buf, e, limit2, problems) {
  const at = e.localOffset;
  const bad = (what) => problems.push({ kind: "local-header", name: e.name, message: `'${e.name}': ${what}` });
  if (at + 30 > limit2 || !signatureAt(buf, at, LOCAL)) {
    bad(`no local header at offset ${at}`);
    return void 0;
  }
  const nameLen = buf.readUInt16LE(at + 26);
  const dataOffset = at + 30 + nameLen + buf.readUInt16LE(at + 28);
  if (dataOffset + e.compressedSize > limit2) {
    bad("the local header or data runs into the central directory or past the end");
    return void 0;
  }
  e.dataOffset = dataOffset;
  const differ = [];
  if (!buf.subarray(at + 30, at + 30 + nameLen).equals(Buffer.from(e.name, "utf8")))
    differ.push("name");
  if (buf.readUInt16LE(at + 6) !== e.flags) differ.push("flags");
  if (buf.readUInt16LE(at + 8) !== e.method) differ.push("method");
  if (buf.readUInt32LE(at + 14) !== e.crc32) differ.push("CRC-32");
  if (buf.readUInt32LE(at + 18) !== e.compressedSize) differ.push("compressed size");
  if (buf.readUInt32LE(at + 22) !== e.size) differ.push("size");
  if (differ.length > 0)
    bad(`the local header disagrees with the central directory on ${differ.join(", ")}`);
  return { start: at, end: dataOffset + e.compressedSize, name: e.name };
}
function checkOverlaps(regions, p) {
  regions.sort((a, b) => a.start - b.start);
  for (let i = 1; i < regions.length; i++) {
    const [prev, cur] = [regions[i - 1], regions[i]];
    if (cur.start < prev.end) {
      p.push({
        kind: "overlap",
        name: cur.name,
        message: `'${cur.name}' overlaps '${prev.name}' in the archive's bytes`
      });
    }
  }
}
function checkStrayEnds(buf, eocd, entries, p) {
  const sig = Buffer.from([80, 75, 5, 6]);
  for (let at = buf.indexOf(sig); at >= 0 && at < eocd; at = buf.indexOf(sig, at + 1)) {
    const inData = entries.some(
      (e) => e.dataOffset >= 0 && at >= e.dataOffset && at < e.dataOffset + e.compressedSize
    );
    if (!inData) {
      p.push({ kind: "end-record", message: `a second end record at offset ${at}` });
      return;
    }
  }
}
function inflate(buf, e) {
  const fail = (why, cause) => new ReleaseError("VERIFY_FAILED", `'${e.name}' ${why}`, { cause });
  if (e.dataOffset < 0) throw fail("has no readable local header");
  if (e.method !== 0 && e.method !== 8) throw fail(`uses compression method ${e.method}`);
  if ((e.flags & 65) !== 0) throw fail("is encrypted");
  const raw = buf.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  let data;
  if (e.method === 0) {
    data = raw;
  } else {
    let r;
    try {
      r = zlib2.inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size), info: true });
    } catch (err) {
      throw fail(`does not inflate (${err.message})`, err);
    }
    data = r.buffer;
    if (r.engine.bytesWritten !== raw.length) {
      throw fail(`has ${raw.length - r.engine.bytesWritten} bytes after its deflate stream`);
    }
  }
  if (data.length !== e.size) throw fail(`holds ${data.length} bytes, not the ${e.size} declared`);
  if (zlib2.crc32(data) >>> 0 !== e.crc32) throw fail("does not match its CRC-32");
  return data;
}
function readZip(buf) {
  const archive = { entries: [], problems: [], readEntry: (e) => inflate(buf, e) };
  const { problems } = archive;
  const eocd = findEnd(buf, problems);
  if (eocd < 0) return archive;
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (signatureAt(buf, eocd - 20, ZIP64_LOCATOR) || count === 65535 || cdSize === 4294967295 || cdOffset === 4294967295) {
    problems.push({ kind: "zip64", message: "the archive uses ZIP64 end records" });
  }
  if (buf.readUInt16LE(eocd + 4) !== 0 || buf.readUInt16LE(eocd + 6) !== 0 || buf.readUInt16LE(eocd + 8) !== count) {
    problems.push({ kind: "end-record", message: "the archive spans several disks" });
  }
  if (cdOffset + cdSize !== eocd) {
    problems.push({
      kind: "central-directory",
      message: `the central directory (offset ${cdOffset}, ${cdSize} bytes) does not end where the end record starts (offset ${eocd})`
    });
    if (cdOffset + cdSize > eocd) return archive;
  }
  readCentral(buf, cdOffset, cdSize, count, archive);
  const seen = /* @__PURE__ */ new Set();
  const regions = [];
  for (const e of archive.entries) {
    checkEntry(e, seen, problems);
    const region = checkLocal(buf, e, cdOffset, problems);
    if (region) regions.push(region);
  }
  checkOverlaps(regions, problems);
  checkStrayEnds(buf, eocd, archive.entries, problems);
  return archive;
}

export {
  sortZipEntries,
  dosDateTime,
  writeZip,
  readZip
};
