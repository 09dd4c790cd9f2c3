import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  MANIFEST_ASSET
} from "./chunk-GWJQWK7Z.js";

// src/verify/source.ts
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
var READ_CHUNK = 256 * 1024;
async function remoteSource(api, release, label) {
  const assets = (await api.listAssets(release.id)).filter((a) => a.state === "uploaded");
  return {
    mode: "remote",
    label,
    files: assets.map((a) => ({ name: a.name, size: a.size })),
    open: async (name) => {
      const asset = assets.find((a) => a.name === name);
      if (!asset) throw new Error(`no asset ${name}`);
      return api.downloadAsset(asset.id);
    }
  };
}
async function localSource(distDir, manifestPath) {
  const paths = /* @__PURE__ */ new Map();
  const files = [];
  for (const name of (await fs.readdir(distDir)).sort()) {
    if (name.startsWith(".") || name === MANIFEST_ASSET) continue;
    const st = await fs.stat(path.join(distDir, name));
    if (!st.isFile()) continue;
    paths.set(name, path.join(distDir, name));
    files.push({ name, size: st.size });
  }
  const manifest = manifestPath === void 0 ? void 0 : await fs.stat(manifestPath).catch(() => void 0);
  if (manifestPath !== void 0 && manifest?.isFile()) {
    paths.set(MANIFEST_ASSET, manifestPath);
    files.unshift({ name: MANIFEST_ASSET, size: manifest.size });
  }
  return {
    mode: "local",
    label: distDir,
    files,
    open: async (name) => {
      const p = paths.get(name);
      if (p === void 0) throw new Error(`no file ${name}`);
      return createReadStream(p, { highWaterMark: READ_CHUNK });
    }
  };
}
var MAX_SMALL = 1024 * 1024;
async function readSmall(source, name, max = MAX_SMALL) {
  const file = source.files.find((f) => f.name === name);
  if (file === void 0 || file.size > max) return void 0;
  const parts = [];
  let size = 0;
  const stream = await source.open(name);
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > max) {
      stream.destroy();
      return void 0;
    }
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

export {
  READ_CHUNK,
  remoteSource,
  localSource,
  readSmall
};
