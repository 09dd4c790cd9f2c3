import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  F,
  ft
} from "./chunk-IHY5SSPF.js";
import {
  LIMITS,
  formatBytes,
  isNativeFile,
  markdownTable
} from "./chunk-7CZEGOLD.js";
import {
  muslWithoutGnu
} from "./chunk-7RI6DVPN.js";
import "./chunk-2TJC7A4H.js";
import {
  ReleaseError
} from "./chunk-S5POLVOE.js";
import "./chunk-5ZJU6YLT.js";

// src/steps/pack.ts
import { execFile } from "node:child_process";
import { createHash as createHash2 } from "node:crypto";
import { createWriteStream } from "node:fs";
import fs2 from "node:fs/promises";
import path2 from "node:path";
import { promisify } from "node:util";

// src/archive/tree.ts
import fs from "node:fs/promises";
import path from "node:path";
var GLOB_CHARS = /[*?[\]{}]/;
function add(c, entry, origin) {
  const existing = c.entries.get(entry.path);
  if (existing === void 0) {
    c.entries.set(entry.path, entry);
    return;
  }
  if (existing.type === "directory" && entry.type === "directory") return;
  if (existing.source !== void 0 && existing.source === entry.source) return;
  throw new ReleaseError(
    "INCLUDE_INVALID",
    `'${entry.path}' would be in the archive twice (from ${origin}); the installer rejects duplicate paths. Remove it from include`
  );
}
function addParents(c, archivePath) {
  const parts = archivePath.replace(/\/$/, "").split("/");
  for (let i = 1; i < parts.length; i++) {
    add(
      c,
      { path: `${parts.slice(0, i).join("/")}/`, type: "directory", mode: 493, size: 0 },
      "its parent"
    );
  }
}
function fileEntry(archivePath, source, size, mode) {
  return { path: archivePath, type: "file", mode: mode & 73 ? 493 : 420, size, source };
}
async function walk(c, abs, archivePath, ancestors) {
  const lst = await fs.lstat(abs);
  let real = abs;
  let st = lst;
  if (lst.isSymbolicLink()) {
    real = await fs.realpath(abs).catch(() => {
      throw new ReleaseError(
        "UNSUPPORTED_FILE",
        `symlink ${abs} is broken: its target does not exist. Remove it or point it at a file inside the plugin`
      );
    });
    const rel = path.relative(c.realRoot, real);
    if (rel.startsWith("..") || path.isAbsolute(rel)) {
      throw new ReleaseError(
        "SYMLINK_OUTSIDE",
        `symlink ${abs} points outside the packed tree (to ${real}); the installer accepts no symlinks, and a target outside the plugin cannot be stored. Copy the file into the plugin instead`
      );
    }
    st = await fs.stat(real);
  }
  if (st.isFile()) {
    addParents(c, archivePath);
    add(c, fileEntry(archivePath, real, st.size, st.mode), abs);
  } else if (st.isDirectory()) {
    const realDir = await fs.realpath(abs);
    if (ancestors.has(realDir)) {
      throw new ReleaseError(
        "UNSUPPORTED_FILE",
        `symlink loop at ${abs}: it leads back to ${realDir}. Remove the link`
      );
    }
    addParents(c, `${archivePath}/`);
    add(c, { path: `${archivePath}/`, type: "directory", mode: 493, size: 0 }, abs);
    const next = new Set(ancestors).add(realDir);
    for (const name of (await fs.readdir(abs)).sort()) {
      await walk(c, path.join(abs, name), `${archivePath}/${name}`, next);
    }
  } else {
    throw new ReleaseError(
      "UNSUPPORTED_FILE",
      `${abs} is not a regular file or directory (a device, fifo or socket); only files and directories can be packed. Remove it from include`
    );
  }
}
async function expandInclude(workingDirectory, pattern) {
  const clean = pattern.replace(/\\/g, "/").replace(/\/+$/, "");
  if (path.isAbsolute(clean) || clean.split("/").includes("..")) {
    throw new ReleaseError(
      "INCLUDE_INVALID",
      `include '${pattern}' must be a relative path inside the working directory (no leading / and no ..)`
    );
  }
  if (!GLOB_CHARS.test(clean)) {
    const exists = await fs.lstat(path.join(workingDirectory, clean)).then(
      () => true,
      () => false
    );
    if (!exists)
      throw new ReleaseError(
        "INCLUDE_INVALID",
        `include '${pattern}' does not exist in ${workingDirectory}`
      );
    return [clean];
  }
  const found = [];
  for await (const m of fs.glob(clean, { cwd: workingDirectory }))
    found.push(m.replace(/\\/g, "/"));
  if (found.length === 0)
    throw new ReleaseError(
      "INCLUDE_INVALID",
      `include '${pattern}' matches nothing in ${workingDirectory}`
    );
  return found.sort();
}
function order(entries, id) {
  const head = ["nexo-plugin.toml", "bin/", `bin/${id}`];
  const rank = (p) => head.includes(p) ? head.indexOf(p) : head.length;
  return [...entries].sort(
    (a, b) => rank(a.path) - rank(b.path) || Buffer.compare(Buffer.from(a.path), Buffer.from(b.path))
  );
}
function checkLimits(entries) {
  if (entries.length > LIMITS.entries) {
    throw new ReleaseError(
      "LIMIT_EXCEEDED",
      `the archive would have ${entries.length} entries; the installer's limit is ${LIMITS.entries} (directories count). Ship fewer files, e.g. bundle the code`
    );
  }
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if (e.size > LIMITS.entryBytes) {
      throw new ReleaseError(
        "LIMIT_EXCEEDED",
        `'${e.path}' is ${formatBytes(e.size)}; the installer's limit per entry is ${formatBytes(LIMITS.entryBytes)}. Strip or shrink it`
      );
    }
  }
  if (total > LIMITS.totalBytes) {
    throw new ReleaseError(
      "LIMIT_EXCEEDED",
      `the archive's entries total ${formatBytes(total)}; the installer's limit is ${formatBytes(LIMITS.totalBytes)} uncompressed. Ship less`
    );
  }
}
async function collectTree(spec) {
  const c = { entries: /* @__PURE__ */ new Map(), realRoot: await fs.realpath(spec.workingDirectory) };
  const manifest = await fs.stat(spec.manifestPath);
  add(c, fileEntry("nexo-plugin.toml", spec.manifestPath, manifest.size, 420), "manifest");
  const bin = await fs.stat(spec.binaryPath).catch(() => void 0);
  if (!bin?.isFile()) {
    const hint = spec.noarch ? "For noarch, `binary` must name the launcher script shipped as bin/<id>" : `Build it first (cargo build --release --target <target>); Cargo's [[bin]] name must equal the plugin id '${spec.id}', or set the binary input to where your build puts it`;
    throw new ReleaseError(
      "BINARY_MISSING",
      `built binary missing at ${path.relative(spec.workingDirectory, spec.binaryPath) || spec.binaryPath}. ${hint}`
    );
  }
  add(c, { path: "bin/", type: "directory", mode: 493, size: 0 }, "bin");
  add(
    c,
    {
      path: `bin/${spec.id}`,
      type: "file",
      mode: 493,
      size: bin.size,
      source: await fs.realpath(spec.binaryPath)
    },
    "binary"
  );
  for (const pattern of spec.include) {
    for (const rel of await expandInclude(spec.workingDirectory, pattern)) {
      await walk(c, path.join(spec.workingDirectory, rel), rel, /* @__PURE__ */ new Set());
    }
  }
  const entries = order(c.entries.values(), spec.id);
  if (spec.noarch) {
    const native = entries.filter(
      (e) => e.type === "file" && e.path.startsWith("lib/") && isNativeFile(e.path)
    );
    if (native.length > 0) {
      throw new ReleaseError(
        "NATIVE_IN_NOARCH",
        `a noarch plugin must not ship native code, found under lib/: ${native.map((e) => e.path).join(", ")}. Build per-target archives instead, or remove these files`
      );
    }
  }
  checkLimits(entries);
  return entries;
}

// src/archive/targz.ts
import { createHash } from "node:crypto";
import { closeSync, openSync, readSync } from "node:fs";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";

// src/archive/gzip.ts
import { Duplex } from "node:stream";
import os from "node:os";
import zlib from "node:zlib";
var WINDOW = 32 * 1024;
var DEFAULT_BLOCK_SIZE = 1024 * 1024;
var MAX_IN_FLIGHT = 16;
var MIN_BLOCK_SIZE = 1024;
function createParallelGzip(opts = {}) {
  const level = opts.level ?? 6;
  const blockSize = opts.blockSize ?? DEFAULT_BLOCK_SIZE;
  const concurrency = opts.concurrency ?? os.availableParallelism();
  if (!Number.isInteger(level) || level < 0 || level > 9) {
    throw new ReleaseError("INTERNAL", `gzip level must be an integer 0-9, got ${level}`);
  }
  if (!Number.isInteger(blockSize) || blockSize < MIN_BLOCK_SIZE) {
    throw new ReleaseError("INTERNAL", `gzip blockSize must be an integer >= ${MIN_BLOCK_SIZE}`);
  }
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new ReleaseError("INTERNAL", `gzip concurrency must be a positive integer`);
  }
  return new ParallelGzip(level, blockSize, concurrency);
}
function gzipHeader(level) {
  const xfl = level === 9 ? 2 : level === 1 ? 4 : 0;
  return Buffer.from([31, 139, 8, 0, 0, 0, 0, 0, xfl, 3]);
}
function deflateBlock(data, dict, level, last) {
  const options = {
    level,
    finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
    // One output chunk per block keeps threadpool round trips per block to about one.
    chunkSize: Math.max(64 * 1024, data.length + (data.length >> 3) + 1024)
  };
  if (dict.length > 0) options.dictionary = dict;
  return new Promise((resolve, reject) => {
    zlib.deflateRaw(data, options, (err, out) => err ? reject(err) : resolve(out));
  });
}
var ParallelGzip = class extends Duplex {
  level;
  blockSize;
  /** Blocks compressing or compressed but not yet emitted: `concurrency * 2`. The slack keeps
   * every core busy while the main thread dispatches and a slow block holds up the head;
   * measured on 2 cores, `concurrency` alone left ~20% of the CPU idle. */
  maxInFlight;
  /** Full blocks known not to be last (more input followed them), waiting for a slot. */
  ready = [];
  current;
  fill = 0;
  /** The last (up to) 32 KiB of input handed to a compressor: the next block's dictionary. */
  history = Buffer.alloc(0);
  crc = 0;
  total = 0;
  nextSeq = 0;
  nextPush = 0;
  done = /* @__PURE__ */ new Map();
  /** Full-size input blocks whose compression finished, reused for new input: allocating a
   * fresh block per 1 MiB was a visible share of the main thread's time (allocation, page
   * faults and the GC pressure of external memory). */
  free = [];
  headerSent = false;
  ending = false;
  lastDispatched = false;
  finished = false;
  readBlocked = false;
  pendingWrite = null;
  pendingFinal = null;
  constructor(level, blockSize, concurrency) {
    super({ readableHighWaterMark: blockSize });
    this.level = level;
    this.blockSize = blockSize;
    this.maxInFlight = Math.min(concurrency * 2, MAX_IN_FLIGHT);
    this.current = Buffer.allocUnsafe(blockSize);
  }
  _write(chunk, _enc, cb) {
    let off = 0;
    while (off < chunk.length) {
      if (this.fill === this.blockSize) {
        this.ready.push(this.current);
        this.current = this.free.pop() ?? Buffer.allocUnsafe(this.blockSize);
        this.fill = 0;
      }
      const n = chunk.copy(this.current, this.fill, off);
      this.fill += n;
      off += n;
    }
    this.pendingWrite = cb;
    this.pump();
  }
  _final(cb) {
    this.ending = true;
    this.pendingFinal = cb;
    this.pump();
  }
  _read() {
    this.readBlocked = false;
    this.pump();
  }
  _destroy(err, cb) {
    this.finished = true;
    this.done.clear();
    this.ready.length = 0;
    this.free.length = 0;
    const pending = this.pendingWrite;
    this.pendingWrite = null;
    pending?.(err ?? new ReleaseError("INTERNAL", "gzip stream closed before the write finished"));
    cb(err);
  }
  /** Moves everything forward that can move: emit finished blocks in order (while the reader
   * keeps up), start compressions while slots are free, release the writer when no full block
   * is waiting. Called after every event. */
  pump() {
    if (this.finished || this.destroyed) return;
    this.emitInOrder();
    while (this.nextSeq - this.nextPush < this.maxInFlight) {
      if (this.ready.length > 0) {
        this.dispatch(this.ready.shift(), false);
      } else if (this.ending && !this.lastDispatched) {
        this.lastDispatched = true;
        this.dispatch(this.current.subarray(0, this.fill), true);
      } else {
        break;
      }
    }
    if (this.pendingWrite && this.ready.length === 0) {
      const cb = this.pendingWrite;
      this.pendingWrite = null;
      cb();
    }
  }
  emitInOrder() {
    while (!this.readBlocked && this.done.has(this.nextPush)) {
      const out = this.done.get(this.nextPush);
      this.done.delete(this.nextPush);
      this.nextPush++;
      if (!this.headerSent) {
        this.headerSent = true;
        this.push(gzipHeader(this.level));
      }
      if (!this.push(out)) this.readBlocked = true;
    }
    if (this.lastDispatched && this.nextPush === this.nextSeq && !this.finished) {
      this.finished = true;
      const trailer = Buffer.alloc(8);
      trailer.writeUInt32LE(this.crc >>> 0, 0);
      trailer.writeUInt32LE(this.total % 2 ** 32, 4);
      this.push(trailer);
      this.push(null);
      const cb = this.pendingFinal;
      this.pendingFinal = null;
      cb?.();
    }
  }
  dispatch(block, last) {
    const seq = this.nextSeq++;
    const dict = this.history;
    this.crc = zlib.crc32(block, this.crc);
    this.total += block.length;
    this.history = block.length >= WINDOW ? Buffer.from(block.subarray(block.length - WINDOW)) : Buffer.concat([dict, block]).subarray(-WINDOW);
    deflateBlock(block, dict, this.level, last).then(
      (out) => {
        if (this.finished || this.destroyed) return;
        if (block.length === this.blockSize && this.free.length < this.maxInFlight) {
          this.free.push(block);
        }
        this.done.set(seq, out);
        this.pump();
      },
      (err) => {
        this.destroy(new ReleaseError("INTERNAL", "gzip compression failed", { cause: err }));
      }
    );
  }
};

// src/archive/targz.ts
var BLOCK = 512;
function header(entry, mtime) {
  const data = {
    path: entry.path,
    mode: entry.mode,
    uid: 0,
    gid: 0,
    size: entry.type === "file" ? entry.size : 0,
    mtime,
    type: entry.type === "file" ? "File" : "Directory",
    uname: "",
    gname: ""
  };
  const block = Buffer.alloc(BLOCK);
  const needPax = new F(data).encode(block, 0);
  return needPax ? [new ft({ path: entry.path, mtime }, false).encode(), block] : [block];
}
var READ_CHUNK = 256 * 1024;
function put(sink, chunk) {
  return new Promise((resolve, reject) => {
    sink.write(chunk, (err) => err ? reject(err) : resolve());
  });
}
async function putFile(sink, entry, buf) {
  const source = entry.source;
  let fd;
  try {
    fd = openSync(source, "r");
  } catch (e) {
    throw new ReleaseError(
      "UNSUPPORTED_FILE",
      `${source} could not be opened while it was being packed (${e.message}). Do not modify the build output during packing`,
      { cause: e }
    );
  }
  try {
    let seen = 0;
    for (; ; ) {
      const want = Math.min(buf.length, entry.size + 1 - seen);
      const n = readSync(fd, buf, 0, want, null);
      if (n === 0 || seen + n > entry.size) {
        if (n === 0 && seen === entry.size) return;
        throw new ReleaseError(
          "UNSUPPORTED_FILE",
          `${source} changed size while it was being packed (${entry.size} -> ${n === 0 ? seen : `more than ${entry.size}`} bytes). Do not modify the build output during packing`
        );
      }
      seen += n;
      await put(sink, buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
}
async function putTar(entries, mtime, sink) {
  const buf = Buffer.allocUnsafe(READ_CHUNK);
  for (const entry of entries) {
    for (const block of header(entry, mtime)) await put(sink, block);
    if (entry.type !== "file" || entry.source === void 0) continue;
    await putFile(sink, entry, buf);
    const pad = (BLOCK - entry.size % BLOCK) % BLOCK;
    if (pad > 0) await put(sink, Buffer.alloc(pad));
  }
  await put(sink, Buffer.alloc(BLOCK * 2));
}
function digester() {
  const hash = createHash("sha256");
  let size = 0;
  const stream = new Transform({
    transform(chunk, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    }
  });
  return { stream, result: () => ({ size, sha256: hash.digest("hex") }) };
}
var tarGzWriter = {
  extension: ".tar.gz",
  async write(entries, out, options) {
    const mtime = new Date(options.mtime * 1e3);
    const d = digester();
    const gzip = createParallelGzip({ level: options.compressionLevel });
    const downstream = pipeline(gzip, d.stream, out);
    downstream.catch(() => void 0);
    try {
      await putTar(entries, mtime, gzip);
      gzip.end();
    } catch (err) {
      gzip.destroy(err);
    }
    await downstream;
    return d.result();
  }
};

// src/steps/pack.ts
async function resolveEpoch(explicit, cwd) {
  if (explicit !== void 0) return explicit;
  try {
    const { stdout } = await promisify(execFile)("git", ["log", "-1", "--format=%ct"], { cwd });
    const n = Number(stdout.trim());
    return Number.isInteger(n) && n > 0 ? n : 0;
  } catch {
    return 0;
  }
}
async function writeSidecar(file, sha256) {
  await fs2.writeFile(`${file}.sha256`, `${sha256}
`);
}
async function packOne(ctx, t, epoch) {
  const { config, state } = ctx;
  const plan = state.plan;
  const entries = await collectTree({
    workingDirectory: config.workingDirectory,
    manifestPath: plan.manifestPath,
    binaryPath: t.binary,
    id: plan.id,
    include: config.include,
    noarch: t.target === "noarch"
  });
  const final = path2.join(plan.distDir, t.tarball);
  const tmp = path2.join(plan.distDir, `.${t.tarball}.${process.pid}.tmp`);
  try {
    const written = await tarGzWriter.write(entries, createWriteStream(tmp), {
      mtime: epoch,
      compressionLevel: config.compressionLevel
    });
    if (written.size > LIMITS.compressedBytes) {
      throw new ReleaseError(
        "LIMIT_EXCEEDED",
        `${t.tarball} is ${formatBytes(written.size)} compressed; the installer's limit is ${formatBytes(LIMITS.compressedBytes)}. Strip the binary or ship less`
      );
    }
    const onDisk = (await fs2.stat(tmp)).size;
    if (onDisk !== written.size) {
      throw new ReleaseError(
        "HASH_MISMATCH",
        `${t.tarball}: ${onDisk} bytes on disk, but ${written.size} were written. The disk or file system lost data; check free space and run again`
      );
    }
    await fs2.rename(tmp, final);
    await writeSidecar(final, written.sha256);
    ctx.reporter.info(
      `pack: ${t.tarball} ${formatBytes(written.size)} ${entries.length} entries sha256 ${written.sha256}`
    );
    return {
      name: t.tarball,
      path: final,
      size: written.size,
      sha256: written.sha256,
      target: t.target
    };
  } finally {
    await fs2.rm(tmp, { force: true });
  }
}
async function aliasOne(source, t, distDir) {
  const final = path2.join(distDir, t.tarball);
  await fs2.copyFile(source.path, final);
  await writeSidecar(final, source.sha256);
  return { ...source, name: t.tarball, path: final, target: t.target };
}
function sidecarAsset(a) {
  const body = `${a.sha256}
`;
  return {
    name: `${a.name}.sha256`,
    path: `${a.path}.sha256`,
    size: body.length,
    sha256: createHash2("sha256").update(body).digest("hex"),
    target: a.target
  };
}
var packStep = {
  name: "pack",
  async run(ctx) {
    const { config, reporter } = ctx;
    const plan = ctx.state.plan;
    if (plan.targets.length === 0) {
      throw new ReleaseError(
        "TARGETS_MISSING",
        "nothing to pack: targets is empty. Pass the target triples to pack, e.g. targets: x86_64-unknown-linux-gnu (or noarch)"
      );
    }
    for (const { musl, gnu } of muslWithoutGnu(plan)) {
      reporter.warning(
        `${musl} is packed but ${gnu} is not: the nexo installer picks ${gnu} on Linux by default, so operators will hit TargetNotFound unless they pass --target. Publish the musl build under the gnu name too with target-aliases: ${musl}=${gnu}`,
        { file: path2.relative(config.workingDirectory, plan.manifestPath) || plan.manifestPath }
      );
    }
    await fs2.mkdir(plan.distDir, { recursive: true });
    const epoch = await resolveEpoch(config.sourceDateEpoch, config.workingDirectory);
    const packed = /* @__PURE__ */ new Map();
    const assets = [];
    for (const t of plan.targets) {
      const asset = t.aliasOf === void 0 ? await packOne(ctx, t, epoch) : await aliasOne(packed.get(t.aliasOf), t, plan.distDir);
      packed.set(t.target, asset);
      assets.push(asset, sidecarAsset(asset));
    }
    ctx.state.assets = assets;
    reporter.setOutput("assets", JSON.stringify(assets));
    const rows = assets.filter((a) => a.name.endsWith(".tar.gz")).map((a) => [a.name, a.target ?? "", formatBytes(a.size), `\`${a.sha256}\``]);
    reporter.summary(
      `### Packed ${plan.id} ${plan.version}

${markdownTable(["archive", "target", "size", "sha256"], rows)}

source-date-epoch: ${epoch}
`
    );
  }
};
export {
  packStep
};
