import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  createParallelGzip
} from "./chunk-RHUK7HM2.js";
import {
  resolveEpoch,
  sidecarAsset,
  writeSidecar
} from "./chunk-NQ4AEWQV.js";
import {
  LIMITS,
  formatBytes,
  isNativeFile
} from "./chunk-R5SGE6HV.js";
import {
  F,
  ft
} from "./chunk-IHY5SSPF.js";
import "./chunk-HQQIT7FK.js";
import {
  muslWithoutGnu
} from "./chunk-GWJQWK7Z.js";
import "./chunk-2TJC7A4H.js";
import {
  ReleaseError
} from "./chunk-S5POLVOE.js";
import "./chunk-5ZJU6YLT.js";

// src/ecosystems/nexo/pack.ts
import { createWriteStream } from "node:fs";
import fs3 from "node:fs/promises";
import path3 from "node:path";

// src/archive/tree.ts
import fs2 from "node:fs/promises";
import path2 from "node:path";

// src/archive/binary-hint.ts
import fs from "node:fs/promises";
import path from "node:path";
var rel = (wd, p) => path.relative(wd, p) || p;
async function kind(p) {
  const st = await fs.stat(p).catch(() => void 0);
  if (st === void 0) return void 0;
  return st.isFile() ? "file" : st.isDirectory() ? "directory" : "other";
}
async function executables(dir) {
  const names = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const out = [];
  for (const e of names) {
    if (!e.isFile() || e.name.startsWith(".") || /\.(d|rlib|rmeta|so|dylib|dll|a)$/.test(e.name))
      continue;
    const st = await fs.stat(path.join(dir, e.name));
    if ((st.mode & 73) !== 0) out.push(e.name);
  }
  return out.sort();
}
async function whatIsThere(l) {
  const where = rel(l.workingDirectory, l.binaryPath);
  const k = await kind(l.binaryPath);
  if (k === "directory") return `${where} is a directory, not a file`;
  if (k === "other") return `${where} is not a regular file (a device, fifo or socket)`;
  return `built binary missing at ${where}`;
}
async function whatWasFound(l) {
  if (l.noarch) return [];
  const wd = l.workingDirectory;
  const hints = [];
  const hostBuild = path.join(wd, "target", "release", l.id);
  if (await kind(hostBuild) === "file")
    hints.push(
      `${rel(wd, hostBuild)} exists (a build without --target): pass \`binary: target/release/{id}\` (CLI: --binary 'target/release/{id}'), or build with \`cargo build --release --target ${l.target ?? "<target>"}\``
    );
  if (l.target !== void 0) {
    const debug = path.join(wd, "target", l.target, "debug", l.id);
    if (await kind(debug) === "file")
      hints.push(`${rel(wd, debug)} exists: build with --release`);
  }
  const others = [];
  for (const t of await fs.readdir(path.join(wd, "target")).catch(() => [])) {
    if (t === l.target || t === "release" || t === "debug") continue;
    if (await kind(path.join(wd, "target", t, "release", l.id)) === "file") others.push(t);
  }
  if (others.length > 0)
    hints.push(`the binary was built for ${others.sort().join(", ")} only: build this target too`);
  const dir = path.dirname(l.binaryPath);
  const near = (await executables(dir)).filter((n) => n !== l.id);
  if (near.length > 0) {
    const template = rel(wd, path.join(dir, near[0]));
    const general = l.target === void 0 ? template : template.split(l.target).join("{target}");
    hints.push(
      `${rel(wd, dir)} holds ${near.map((n) => `'${n}'`).join(", ")}: Cargo's [[bin]] name must equal the plugin id '${l.id}' (add [[bin]] name = "${l.id}" to Cargo.toml), or pass binary: ${general}`
    );
  }
  return hints;
}

// src/archive/tree.ts
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
  const lst = await fs2.lstat(abs);
  let real = abs;
  let st = lst;
  if (lst.isSymbolicLink()) {
    real = await fs2.realpath(abs).catch(() => {
      throw new ReleaseError(
        "UNSUPPORTED_FILE",
        `symlink ${abs} is broken: its target does not exist. Remove it or point it at a file inside the plugin`
      );
    });
    const rel2 = path2.relative(c.realRoot, real);
    if (rel2.startsWith("..") || path2.isAbsolute(rel2)) {
      throw new ReleaseError(
        "SYMLINK_OUTSIDE",
        `symlink ${abs} points outside the packed tree (to ${real}); the installer accepts no symlinks, and a target outside the plugin cannot be stored. Copy the file into the plugin instead`
      );
    }
    st = await fs2.stat(real);
  }
  if (st.isFile()) {
    addParents(c, archivePath);
    add(c, fileEntry(archivePath, real, st.size, st.mode), abs);
  } else if (st.isDirectory()) {
    const realDir = await fs2.realpath(abs);
    if (ancestors.has(realDir)) {
      throw new ReleaseError(
        "UNSUPPORTED_FILE",
        `symlink loop at ${abs}: it leads back to ${realDir}. Remove the link`
      );
    }
    addParents(c, `${archivePath}/`);
    add(c, { path: `${archivePath}/`, type: "directory", mode: 493, size: 0 }, abs);
    const next = new Set(ancestors).add(realDir);
    for (const name of (await fs2.readdir(abs)).sort()) {
      await walk(c, path2.join(abs, name), `${archivePath}/${name}`, next);
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
  if (path2.isAbsolute(clean) || clean.split("/").includes("..")) {
    throw new ReleaseError(
      "INCLUDE_INVALID",
      `include '${pattern}' must be a relative path inside the working directory (no leading / and no ..)`
    );
  }
  if (!GLOB_CHARS.test(clean)) {
    const exists = await fs2.lstat(path2.join(workingDirectory, clean)).then(
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
  const { glob } = await import("./index.min-FT7KNR3B.js");
  const found = await glob(clean, {
    cwd: workingDirectory,
    posix: true,
    dot: false,
    follow: false
  });
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
  const c = { entries: /* @__PURE__ */ new Map(), realRoot: await fs2.realpath(spec.workingDirectory) };
  const manifest = await fs2.stat(spec.manifestPath);
  add(c, fileEntry("nexo-plugin.toml", spec.manifestPath, manifest.size, 420), "manifest");
  const bin = await fs2.stat(spec.binaryPath).catch(() => void 0);
  if (!bin?.isFile()) {
    const found = await whatWasFound(spec);
    const hint = spec.noarch ? "For noarch, `binary` must name the launcher script shipped as bin/<id>, e.g. bin/{id}" : found.length > 0 ? `Found instead: ${found.join("; ")}` : `Build it first (cargo build --release --target ${spec.target ?? "<target>"}); Cargo's [[bin]] name must equal the plugin id '${spec.id}', or set the binary input to where your build puts it`;
    throw new ReleaseError("BINARY_MISSING", `${await whatIsThere(spec)}. ${hint}`);
  }
  add(c, { path: "bin/", type: "directory", mode: 493, size: 0 }, "bin");
  add(
    c,
    {
      path: `bin/${spec.id}`,
      type: "file",
      mode: 493,
      size: bin.size,
      source: await fs2.realpath(spec.binaryPath)
    },
    "binary"
  );
  for (const pattern of spec.include) {
    for (const rel2 of await expandInclude(spec.workingDirectory, pattern)) {
      await walk(c, path2.join(spec.workingDirectory, rel2), rel2, /* @__PURE__ */ new Set());
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
import { finished } from "node:stream/promises";
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
async function drain(gzip, out) {
  const hash = createHash("sha256");
  let size = 0;
  const closed = finished(out);
  closed.catch(() => void 0);
  try {
    for await (const chunk of gzip) {
      hash.update(chunk);
      size += chunk.length;
      await put(out, chunk);
      gzip.release(chunk);
    }
    out.end();
    await closed;
  } catch (err) {
    out.destroy(err);
    throw err;
  }
  return { size, sha256: hash.digest("hex") };
}
var tarGzWriter = {
  extension: ".tar.gz",
  async write(entries, out, options) {
    const mtime = new Date(options.mtime * 1e3);
    const gzip = createParallelGzip({ level: options.compressionLevel });
    const downstream = drain(gzip, out);
    downstream.catch(() => void 0);
    try {
      await putTar(entries, mtime, gzip);
      gzip.end();
    } catch (err) {
      gzip.destroy(err);
    }
    return await downstream;
  }
};

// src/ecosystems/nexo/pack.ts
async function packOne(ctx, t, epoch) {
  const { config, state } = ctx;
  const plan = state.plan;
  const entries = await collectTree({
    workingDirectory: config.workingDirectory,
    manifestPath: plan.manifestPath,
    binaryPath: t.binary,
    id: plan.id,
    include: config.include,
    noarch: t.target === "noarch",
    target: t.target
  });
  const final = path3.join(plan.distDir, t.tarball);
  const tmp = path3.join(plan.distDir, `.${t.tarball}.${process.pid}.tmp`);
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
    const onDisk = (await fs3.stat(tmp)).size;
    if (onDisk !== written.size) {
      throw new ReleaseError(
        "HASH_MISMATCH",
        `${t.tarball}: ${onDisk} bytes on disk, but ${written.size} were written. The disk or file system lost data; check free space and run again`
      );
    }
    await fs3.rename(tmp, final);
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
    await fs3.rm(tmp, { force: true });
  }
}
async function aliasOne(source, t, distDir) {
  const final = path3.join(distDir, t.tarball);
  await fs3.copyFile(source.path, final);
  await writeSidecar(final, source.sha256);
  return { ...source, name: t.tarball, path: final, target: t.target };
}
async function packNexo(ctx) {
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
      { file: path3.relative(config.workingDirectory, plan.manifestPath) || plan.manifestPath }
    );
  }
  await fs3.mkdir(plan.distDir, { recursive: true });
  const epoch = await resolveEpoch(config.sourceDateEpoch, config.workingDirectory);
  const packed = /* @__PURE__ */ new Map();
  const assets = [];
  for (const t of plan.targets) {
    const asset = t.aliasOf === void 0 ? await packOne(ctx, t, epoch) : await aliasOne(packed.get(t.aliasOf), t, plan.distDir);
    packed.set(t.target, asset);
    assets.push(asset, sidecarAsset(asset));
  }
  ctx.reporter.info(`pack: source-date-epoch ${epoch}`);
  return assets;
}
export {
  packNexo
};
