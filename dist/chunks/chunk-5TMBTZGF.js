import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  assetNameProblem,
  contentTypeFor
} from "./chunk-2Q7XEPSE.js";
import {
  mapLimit
} from "./chunk-YTGAWYOY.js";
import {
  sha256File
} from "./chunk-HQQIT7FK.js";
import {
  SIGNATURE_FILE_KINDS
} from "./chunk-UPVXBFI4.js";
import {
  expectedAssets
} from "./chunk-GWJQWK7Z.js";
import {
  ReleaseError
} from "./chunk-S5POLVOE.js";

// src/publish/local.ts
import fs from "node:fs/promises";
import path from "node:path";
var MAX_ASSET_BYTES = 2 * 1024 * 1024 * 1024;
var HASH_CONCURRENCY = 4;
var SUFFIX = /\.tar\.gz(\.sha256|\.sig|\.cert|\.pem|\.bundle|\.sigstore\.json)?$/;
function selector(plan) {
  if (plan.ecosystem === "nexo") {
    const prefix = `${plan.id}-${plan.version}-`;
    return (name) => name.startsWith(prefix) && SUFFIX.test(name) ? name.slice(prefix.length).replace(SUFFIX, "") : void 0;
  }
  const plain = new Set(plan.plainAssets.map((a) => a.name));
  const names = new Set(expectedAssets(plan, SIGNATURE_FILE_KINDS).filter((n) => !plain.has(n)));
  return (name) => names.has(name) ? null : void 0;
}
async function collectLocalAssets(plan, known = [], opts = {}) {
  const found = await fs.readdir(plan.distDir).catch(() => void 0);
  if (found === void 0 && !opts.allowMissingDist) {
    throw new ReleaseError(
      "DIST_MISSING",
      `the artifact directory ${plan.distDir} does not exist. Run pack first, or download the build jobs' artifacts into it (actions/download-artifact with path: dist)`
    );
  }
  const dir = found ?? [];
  const select = selector(plan);
  const ignored = [];
  const picked = [];
  for (const name of dir.sort()) {
    if (name.startsWith(".")) continue;
    const target = select(name);
    if (target !== void 0) picked.push({ name, target });
    else ignored.push(name);
  }
  const byPath = new Map(known.map((a) => [a.path, a]));
  const found2 = await mapLimit(picked, HASH_CONCURRENCY, async ({ name, target }) => {
    const file = path.join(plan.distDir, name);
    const st = await fs.stat(file);
    if (!st.isFile()) return void 0;
    const prior = byPath.get(file);
    const sha256 = prior !== void 0 && prior.size === st.size ? prior.sha256 : st.size > MAX_ASSET_BYTES ? "" : await sha256File(file);
    const asset = {
      name,
      path: file,
      size: st.size,
      sha256,
      target,
      contentType: contentTypeFor(name)
    };
    return asset;
  });
  const assets = found2.filter((a) => a !== void 0);
  const plain = [];
  for (const a of plan.plainAssets) {
    const st = await fs.stat(a.path).catch(() => void 0);
    if (!st?.isFile())
      throw new ReleaseError(
        "MANIFEST_NOT_FOUND",
        `manifest ${a.path} not found; it is always published as ${a.name}`
      );
    plain.push({
      name: a.name,
      path: a.path,
      size: st.size,
      sha256: await sha256File(a.path),
      target: null,
      contentType: a.contentType
    });
  }
  assets.unshift(...plain);
  return { assets, ignored, distMissing: found === void 0 };
}
async function preflightLocal(assets) {
  const problems = [];
  const byName = new Map(assets.map((a) => [a.name, a]));
  for (const a of assets) {
    const why = assetNameProblem(a.name);
    if (why !== void 0)
      problems.push(
        `asset name '${a.name}': ${why}; rename it to letters, digits, '.', '-' and '_'`
      );
    if (a.size > MAX_ASSET_BYTES)
      problems.push(
        `${a.name} is ${a.size} bytes; GitHub's limit per asset is 2 GiB (${MAX_ASSET_BYTES} bytes)`
      );
    if (a.name.endsWith(".sha256")) {
      const text = await fs.readFile(a.path, "utf8");
      const tarball = byName.get(a.name.slice(0, -".sha256".length));
      if (!/^[0-9a-f]{64}\n$/.test(text))
        problems.push(`${a.name} is not 64 lowercase hex digits and a newline; re-run pack`);
      else if (tarball !== void 0 && text.trim() !== tarball.sha256)
        problems.push(
          `${a.name} says ${text.trim()} but ${tarball.name} hashes to ${tarball.sha256}; re-run pack so they agree`
        );
    }
  }
  if (problems.length > 0) {
    const code = problems.some((p) => p.includes("2 GiB")) ? "ASSET_TOO_LARGE" : problems.some((p) => p.startsWith("asset name")) ? "ASSET_NAME" : "HASH_MISMATCH";
    throw new ReleaseError(code, `refusing to upload anything: ${problems.join("; ")}`);
  }
}
function localAssets(ctx) {
  return collectLocalAssets(ctx.state.plan, ctx.state.assets, {
    allowMissingDist: ctx.config.command === "publish"
  });
}

export {
  preflightLocal,
  localAssets
};
