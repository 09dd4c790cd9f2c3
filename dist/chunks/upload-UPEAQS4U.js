import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  releaseTable
} from "./chunk-CPTQ4VMN.js";
import {
  releaseApiFor
} from "./chunk-S46KNTU7.js";
import "./chunk-M2DQIPZT.js";
import "./chunk-CTM4ZJC7.js";
import "./chunk-BWNOVPOV.js";
import "./chunk-BTX45R37.js";
import "./chunk-KYD77SP4.js";
import "./chunk-BCCE4QC5.js";
import {
  SIGNATURE_FILE_KINDS
} from "./chunk-UPVXBFI4.js";
import {
  apiErrorDetails,
  isAlreadyExists
} from "./chunk-LKDYQQD6.js";
import {
  retryDelay,
  retryPolicyFromEnv
} from "./chunk-V4QKBR5Y.js";
import {
  assetNameProblem,
  contentTypeFor,
  tempAssetName,
  tempAssetTarget
} from "./chunk-TT5HRFP6.js";
import {
  sha256File
} from "./chunk-HQQIT7FK.js";
import {
  expectedAssets
} from "./chunk-GWJQWK7Z.js";
import "./chunk-2TJC7A4H.js";
import {
  formatBytes
} from "./chunk-R5SGE6HV.js";
import {
  ReleaseError
} from "./chunk-S5POLVOE.js";
import "./chunk-5ZJU6YLT.js";

// src/steps/upload.ts
import { randomBytes } from "node:crypto";

// src/publish/local.ts
import fs from "node:fs/promises";
import path from "node:path";
var MAX_ASSET_BYTES = 2 * 1024 * 1024 * 1024;
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
  const assets = [];
  for (const { name, target } of picked) {
    const file = path.join(plan.distDir, name);
    const st = await fs.stat(file);
    if (!st.isFile()) continue;
    const prior = byPath.get(file);
    const sha256 = prior !== void 0 && prior.size === st.size ? prior.sha256 : st.size > MAX_ASSET_BYTES ? "" : await sha256File(file);
    assets.push({
      name,
      path: file,
      size: st.size,
      sha256,
      target,
      contentType: contentTypeFor(name)
    });
  }
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

// src/publish/notes.ts
import fs2 from "node:fs/promises";
import path2 from "node:path";
var MAX_BODY = 125e3;
function changelogSection(text, version) {
  const lines = text.split(/\r?\n/);
  const esc = version.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const head = new RegExp(`^##\\s+\\[?v?${esc}\\]?(\\s|$)`);
  const start = lines.findIndex((l) => head.test(l));
  if (start === -1) return void 0;
  let end = lines.findIndex((l, i) => i > start && /^##\s/.test(l));
  if (end === -1) end = lines.length;
  return lines.slice(start + 1, end).join("\n").trim();
}
async function resolveNotes(notes, version, cwd) {
  const clip = (body) => body.length > MAX_BODY ? `${body.slice(0, MAX_BODY - 40)}

(notes truncated to fit GitHub)` : body;
  switch (notes.kind) {
    case "generate":
      return { generate: true };
    case "none":
      return { generate: false, body: "" };
    case "file": {
      const file = path2.resolve(cwd, notes.path);
      const text = await fs2.readFile(file, "utf8").catch(() => {
        throw new ReleaseError("NOTES", `notes file ${file} not found (notes: file:${notes.path})`);
      });
      return { generate: false, body: clip(text) };
    }
    case "changelog": {
      const file = path2.resolve(cwd, "CHANGELOG.md");
      const text = await fs2.readFile(file, "utf8").catch(() => {
        throw new ReleaseError("NOTES", `notes: changelog needs ${file}, which does not exist`);
      });
      const section = changelogSection(text, version);
      if (section === void 0) {
        throw new ReleaseError(
          "NOTES",
          `CHANGELOG.md has no section for ${version}: add a "## [${version}] - YYYY-MM-DD" heading (Keep a Changelog), or use notes: generate`,
          { location: { file } }
        );
      }
      return { generate: false, body: clip(section) };
    }
  }
}

// src/publish/release.ts
function pickRelease(releases, tag) {
  const mine = releases.filter((r) => r.tag_name === tag);
  const published = mine.filter((r) => !r.draft).sort((a, b) => a.id - b.id);
  if (published.length > 0) return published[0];
  return mine.sort((a, b) => a.id - b.id)[0];
}
async function findRelease(api, tag) {
  return pickRelease(await api.listReleases(), tag);
}
async function ensureRelease(api, params, existing) {
  if (existing !== void 0) return { release: existing, created: false, removedDuplicates: [] };
  let mine;
  try {
    mine = await api.createRelease(params);
  } catch (e) {
    const d = apiErrorDetails(e);
    if (d.status === 422 && /immutable release/i.test(d.message)) {
      throw new ReleaseError(
        "RELEASE_IMMUTABLE",
        `tag ${params.tag_name} was used by an immutable release, so it can never be released again. Bump the version in the manifest and push a new tag`,
        { cause: e }
      );
    }
    if (!isAlreadyExists(e, "tag_name")) throw e;
  }
  const chosen = await findRelease(api, params.tag_name);
  if (chosen === void 0) {
    if (mine !== void 0) return { release: mine, created: true, removedDuplicates: [] };
    throw new ReleaseError(
      "GITHUB_API",
      `GitHub said a release for ${params.tag_name} exists, but none is listed. Run again`
    );
  }
  const removed = [];
  if (mine !== void 0 && chosen.id !== mine.id) {
    const assets = await api.listAssets(mine.id);
    if (assets.length === 0) {
      await api.deleteRelease(mine.id);
      removed.push(mine.id);
    }
  }
  return {
    release: chosen,
    created: mine !== void 0 && chosen.id === mine.id,
    removedDuplicates: removed
  };
}

// src/publish/sync.ts
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
var SIGNATURE_FILE = /\.tar\.gz\.(sig|cert|pem|bundle|sigstore\.json)$/;
var MAX_ASSETS = 1e3;
var STALE_TEMP_MS = 60 * 60 * 1e3;
var wanted = (l) => `sha256:${l.sha256}`;
function planSync(local, remote, now = Date.now()) {
  const byName = new Map(remote.map((r) => [r.name, r]));
  const ours = new Set(local.map((l) => l.name));
  const items = local.map((l) => {
    const r = byName.get(l.name);
    if (r === void 0) return { local: l, action: "upload" };
    if (r.state === "uploaded" && r.digest === wanted(l))
      return { local: l, remote: r, action: "unchanged" };
    return { local: l, remote: r, action: r.state === "uploaded" ? "replace" : "upload" };
  });
  const unchangedTarballs = new Set(
    items.filter((i) => i.action === "unchanged" && i.local.name.endsWith(".tar.gz")).map((i) => i.local.name)
  );
  const tarballOf = (name) => {
    const m = SIGNATURE_FILE.exec(name);
    return m ? name.slice(0, m.index + ".tar.gz".length) : void 0;
  };
  const incomplete = new Set(
    items.filter((i) => tarballOf(i.local.name) !== void 0 && i.remote?.state !== "uploaded").map((i) => tarballOf(i.local.name))
  );
  for (const i of items) {
    const tarball = tarballOf(i.local.name);
    if (tarball !== void 0 && i.action === "replace" && unchangedTarballs.has(tarball) && !incomplete.has(tarball)) {
      i.action = "unchanged";
      i.kept = true;
    }
  }
  const stale = remote.filter((r) => {
    const target = tempAssetTarget(r.name);
    return target !== void 0 && (ours.has(target) || now - Date.parse(r.created_at) > STALE_TEMP_MS);
  });
  return { items, stale };
}
function checkAssetCount(items, remoteCount, staleCount, concurrency) {
  const added = items.filter((i) => i.action === "upload" && i.remote === void 0).length;
  const inFlightTemps = Math.min(concurrency, items.filter((i) => i.action === "replace").length);
  const total = remoteCount - staleCount + added + inFlightTemps;
  if (total > MAX_ASSETS) {
    throw new ReleaseError(
      "TOO_MANY_ASSETS",
      `the release would hold ${total} assets (${remoteCount} there now, ${added} new${inFlightTemps ? `, ${inFlightTemps} temporary during replacement` : ""}); GitHub allows ${MAX_ASSETS}. Publish fewer targets or files per release, e.g. signature-files: sig,cert`
    );
  }
}
async function remoteSha256(api, asset) {
  const hash = createHash("sha256");
  for await (const chunk of await api.downloadAsset(asset.id)) hash.update(chunk);
  return `sha256:${hash.digest("hex")}`;
}
async function uploadVerified(api, release, name, local, opts) {
  for (let attempt = 0; ; attempt++) {
    let failure;
    try {
      const asset = await api.uploadAsset(release, name, {
        path: local.path,
        size: local.size,
        contentType: local.contentType
      });
      if (asset.digest === null || asset.digest === wanted(local)) return asset;
      await api.deleteAsset(asset.id);
      failure = new ReleaseError(
        "HASH_MISMATCH",
        `GitHub stored ${name} with digest ${asset.digest}, not ${wanted(local)}`
      );
    } catch (e) {
      failure = e;
    }
    const cause = failure.cause ?? failure;
    const conflict = isAlreadyExists(cause, "name");
    const corrupted = failure instanceof ReleaseError && failure.code === "HASH_MISMATCH";
    const wait = conflict || corrupted ? 0 : retryDelay(cause, attempt, opts.retry);
    if (wait === void 0 || attempt + 1 >= opts.retry.attempts) throw failure;
    const existing = (await api.listAssets(release.id)).find((a) => a.name === name);
    if (existing?.state === "uploaded" && existing.digest === wanted(local)) {
      opts.log(`upload ${name}: stored after all (digest matches)`);
      return existing;
    }
    if (existing !== void 0) {
      if (conflict && existing.state === "uploaded" && name === local.name) {
        return replaceAsset(api, release, local, existing, opts);
      }
      opts.log(
        `upload ${name}: removing ${existing.state === "starter" ? "broken (starter)" : "mismatched"} asset ${existing.id} before retrying`
      );
      await api.deleteAsset(existing.id);
    }
    opts.log(
      `upload ${name}: attempt ${attempt + 1} failed (${failure.message}); retrying${wait ? ` in ${Math.round(wait / 100) / 10}s` : ""}`
    );
    if (wait) await sleep(wait);
  }
}
async function replaceAsset(api, release, local, old, opts) {
  const temp = await uploadVerified(
    api,
    release,
    tempAssetName(local.name, opts.nonce),
    local,
    opts
  );
  await api.deleteAsset(old.id).catch((e) => {
    if ((e.cause?.status ?? e.status) !== 404) throw e;
  });
  const renamed = await api.renameAsset(temp.id, local.name);
  if (renamed.name !== local.name)
    throw new ReleaseError(
      "ASSET_NAME",
      `GitHub renamed ${temp.name} to ${renamed.name}, not ${local.name}`
    );
  return renamed;
}
async function pool(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  let failed;
  const worker = async () => {
    while (failed === void 0 && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i]);
      } catch (e) {
        failed ??= e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failed !== void 0) throw failed;
  return results;
}
async function executeSync(api, release, items, stale, opts) {
  for (const s of stale) {
    opts.log(`removing temporary asset ${s.name} left by an earlier run`);
    await api.deleteAsset(s.id).catch(() => void 0);
  }
  return pool(items, opts.concurrency, async (item) => {
    const { local, remote } = item;
    if (item.action === "unchanged") return { local, asset: remote, action: "unchanged" };
    if (item.action === "replace" && remote.digest === null && await remoteSha256(api, remote) === wanted(local)) {
      return { local, asset: remote, action: "unchanged" };
    }
    if (item.action === "replace")
      return {
        local,
        asset: await replaceAsset(api, release, local, remote, opts),
        action: "replaced"
      };
    if (remote !== void 0) {
      opts.log(`removing broken (${remote.state}) asset ${remote.name} before uploading`);
      await api.deleteAsset(remote.id);
    }
    return {
      local,
      asset: await uploadVerified(api, release, local.name, local, opts),
      action: "uploaded"
    };
  });
}

// src/publish/republish.ts
function replacingPublishedWarning(release, items) {
  if (release === void 0 || release.draft) return void 0;
  const replaced = items.filter((i) => i.action === "replace").map((i) => i.local.name);
  if (replaced.length === 0) return void 0;
  return `replacing ${replaced.length} asset${replaced.length === 1 ? "" : "s"} of ${release.tag_name}, which is already published: ${replaced.join(", ")}. Operators who already installed ${release.tag_name} keep the old bytes (the installer does not reinstall a version it has), so this version now means two different builds. Prefer bumping the version and releasing it as a new tag`;
}

// src/steps/upload.ts
function prereleaseFlag(ctx) {
  const p = ctx.config.prerelease;
  return p === "auto" ? ctx.state.plan.prerelease : p === "true";
}
function describePlan(items, stale, release, tag) {
  const lines = [
    release === void 0 ? `create draft release ${tag}` : `use ${release.draft ? "draft" : "published"} release ${tag} (id ${release.id})`
  ];
  for (const s of stale) lines.push(`remove temporary ${s.name}`);
  for (const i of items)
    lines.push(
      `${i.action === "upload" ? "upload" : i.action === "replace" ? "replace" : "unchanged"} ${i.local.name} (${formatBytes(i.local.size)}, sha256 ${i.local.sha256})`
    );
  return lines;
}
function immutableCheck(ctx, release, items) {
  if (release.draft || release.immutable !== true) return false;
  const differ = items.filter((i) => i.action !== "unchanged").map((i) => `${i.local.name} (${i.remote ? "different bytes" : "missing"})`);
  if (differ.length > 0) {
    throw new ReleaseError(
      "RELEASE_IMMUTABLE",
      `release ${release.tag_name} is published and immutable, and these assets would have to change: ${differ.join(", ")}. The version is burned: GitHub never lets an immutable release change. Bump the version in the manifest and tag a new release`
    );
  }
  ctx.reporter.notice(
    `release ${release.tag_name} is immutable and already holds exactly these assets: nothing to do`
  );
  return true;
}
async function createOrAdopt(ctx, api, existing) {
  const { config, state, reporter } = ctx;
  const plan = state.plan;
  const needNotes = existing === void 0 || config.overwriteNotes;
  const notes = needNotes ? await resolveNotes(config.notes, plan.version, config.workingDirectory) : void 0;
  const ensured = await ensureRelease(
    api,
    {
      tag_name: plan.tag,
      name: plan.tag,
      draft: true,
      prerelease: prereleaseFlag(ctx),
      ...notes?.generate ? { generate_release_notes: true } : { body: notes?.body ?? "" }
    },
    existing
  );
  for (const id of ensured.removedDuplicates)
    reporter.info(
      `upload: another job created the release first; removed our empty duplicate ${id}`
    );
  let release = ensured.release;
  if (existing !== void 0 && config.overwriteNotes && notes !== void 0) {
    const body = notes.generate ? (await api.generateNotes(plan.tag)).body : notes.body ?? "";
    release = await api.updateRelease(release.id, { name: plan.tag, body });
  }
  return { release, fresh: ensured.created };
}
function keptNames(items) {
  return new Set(items.filter((i) => i.kept).map((i) => i.local.name));
}
function assetOutput(local, url, action) {
  const { name, path: path3, size, sha256, target } = local;
  return { name, path: path3, size, sha256, target, ...url === void 0 ? {} : { url }, action };
}
var uploadStep = {
  name: "upload",
  async run(ctx) {
    const { config, reporter, state } = ctx;
    const plan = state.plan;
    const tag = plan.tag;
    const publishing = config.command === "publish";
    const {
      assets: local,
      ignored,
      distMissing
    } = await collectLocalAssets(plan, state.assets, { allowMissingDist: publishing });
    for (const name of ignored)
      reporter.info(
        `upload: ignoring ${name} in dist (not an artifact of ${plan.id} ${plan.version})`
      );
    await preflightLocal(local);
    const api = releaseApiFor(config, reporter, { needWrite: true });
    const releases = await api.listReleases();
    const existing = pickRelease(releases, tag);
    if (distMissing && existing === void 0) {
      throw new ReleaseError(
        "DIST_MISSING",
        `the artifact directory ${plan.distDir} does not exist and ${tag} has no release yet. Run pack first, or download the build jobs' artifacts into it (actions/download-artifact with path: dist)`
      );
    }
    if (distMissing)
      reporter.info(
        `upload: no ${plan.distDir}: checking the files the build jobs attached to ${tag}`
      );
    let remote = existing === void 0 ? [] : await api.listAssets(existing.id);
    let { items, stale } = planSync(local, remote);
    if (existing !== void 0 && immutableCheck(ctx, existing, items)) {
      state.github = {
        api,
        release: existing,
        releases,
        local,
        remote,
        immutableMatch: true,
        kept: keptNames(items)
      };
      reporter.setOutput(
        "assets",
        JSON.stringify(
          items.map((i) => assetOutput(i.local, i.remote?.browser_download_url, "unchanged"))
        )
      );
      return;
    }
    checkAssetCount(items, remote.length, stale.length, config.concurrency);
    const republish = replacingPublishedWarning(existing, items);
    if (republish !== void 0) reporter.warning(republish);
    if (config.dryRun) {
      for (const line of describePlan(items, stale, existing, tag))
        reporter.info(`dry-run: would ${line}`);
      reporter.setOutput(
        "assets",
        JSON.stringify(
          items.map((i) => assetOutput(i.local, i.remote?.browser_download_url, "planned"))
        )
      );
      return;
    }
    const { release, fresh } = await createOrAdopt(ctx, api, existing);
    if (release.id !== existing?.id) {
      remote = fresh ? [] : await api.listAssets(release.id);
      ({ items, stale } = planSync(local, remote));
      checkAssetCount(items, remote.length, stale.length, config.concurrency);
    }
    const results = await executeSync(api, release, items, stale, {
      concurrency: config.concurrency,
      retry: retryPolicyFromEnv(config.env),
      nonce: `${Math.floor(Date.now() / 1e3).toString(36)}-${randomBytes(4).toString("hex")}`,
      log: (m) => reporter.info(`upload: ${m}`)
    });
    const changed = results.some((r) => r.action !== "unchanged") || stale.length > 0;
    state.github = {
      api,
      release,
      releases,
      local,
      remote: changed ? void 0 : remote,
      immutableMatch: false,
      kept: keptNames(items)
    };
    const assets = results.map((r) => assetOutput(r.local, r.asset.browser_download_url, r.action));
    state.assets = assets;
    reporter.setOutput("release-id", String(release.id));
    reporter.setOutput("release-url", release.html_url);
    reporter.setOutput("assets", JSON.stringify(assets));
    const counts = ["uploaded", "replaced", "unchanged"].map((a) => `${results.filter((r) => r.action === a).length} ${a}`).join(", ");
    reporter.info(
      `upload: ${release.draft ? "draft" : "published"} release ${tag} (id ${release.id}): ${counts}`
    );
    const goesLive = release.draft && !config.draft && (config.command === "publish" || config.command === "all");
    if (!goesLive) reporter.summary(releaseTable(tag, release.html_url, assets));
  }
};
export {
  uploadStep
};
