import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  localAssets,
  preflightLocal
} from "./chunk-5TMBTZGF.js";
import {
  releaseTable
} from "./chunk-CPTQ4VMN.js";
import {
  attachAssets,
  checkAssetCount,
  pickRelease,
  planSync,
  predictedListing,
  startEarly
} from "./chunk-QAWRGRFQ.js";
import "./chunk-2Q7XEPSE.js";
import {
  releaseApiFor
} from "./chunk-5LSITTQY.js";
import "./chunk-4UV453JZ.js";
import "./chunk-BWNOVPOV.js";
import "./chunk-CTM4ZJC7.js";
import "./chunk-BTX45R37.js";
import "./chunk-KYD77SP4.js";
import "./chunk-IRPAOMK5.js";
import "./chunk-YTGAWYOY.js";
import "./chunk-QDHITNI7.js";
import "./chunk-DU3MOISV.js";
import "./chunk-BCCE4QC5.js";
import {
  formatBytes
} from "./chunk-R5SGE6HV.js";
import "./chunk-HQQIT7FK.js";
import "./chunk-MY5WYYPC.js";
import "./chunk-UPVXBFI4.js";
import "./chunk-O5YLJVZF.js";
import "./chunk-GWJQWK7Z.js";
import "./chunk-2TJC7A4H.js";
import "./chunk-RMI2MBVT.js";
import "./chunk-VK2GVVSJ.js";
import {
  retryPolicyFromEnv
} from "./chunk-E6E2LMZJ.js";
import {
  ReleaseError
} from "./chunk-S5POLVOE.js";
import "./chunk-5ZJU6YLT.js";

// src/steps/upload.ts
import { randomBytes } from "node:crypto";

// src/github/limit.ts
var AdaptiveLimit = class {
  #value;
  constructor(initial) {
    this.#value = Math.max(1, Math.floor(initial));
  }
  get value() {
    return this.#value;
  }
  /** Halves the limit; returns the new value. */
  backOff() {
    this.#value = Math.max(1, Math.floor(this.#value / 2));
    return this.#value;
  }
};

// src/publish/notes.ts
import fs from "node:fs/promises";
import path from "node:path";
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
      const file = path.resolve(cwd, notes.path);
      const text = await fs.readFile(file, "utf8").catch(() => {
        throw new ReleaseError("NOTES", `notes file ${file} not found (notes: file:${notes.path})`);
      });
      return { generate: false, body: clip(text) };
    }
    case "changelog": {
      const file = path.resolve(cwd, "CHANGELOG.md");
      const text = await fs.readFile(file, "utf8").catch(() => {
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
async function releaseParams(ctx, api, existing) {
  const { config, state } = ctx;
  const plan = state.plan;
  const needNotes = existing === void 0 || config.overwriteNotes;
  const notes = needNotes ? await resolveNotes(config.notes, plan.version, config.workingDirectory) : void 0;
  const create = {
    tag_name: plan.tag,
    name: plan.tag,
    draft: true,
    prerelease: prereleaseFlag(ctx),
    ...notes?.generate ? { generate_release_notes: true } : { body: notes?.body ?? "" }
  };
  if (existing === void 0 || !config.overwriteNotes || notes === void 0)
    return { create, existing };
  const body = notes.generate ? (await api.generateNotes(plan.tag)).body : notes.body ?? "";
  return { create, existing: await api.updateRelease(existing.id, { name: plan.tag, body }) };
}
function verifiesDraft(ctx, existing) {
  const { config } = ctx;
  const live = config.command === "publish" || config.command === "all";
  return live && config.verify && (existing === void 0 || existing.draft);
}
function keptNames(items) {
  return new Set(items.filter((i) => i.kept).map((i) => i.local.name));
}
function assetOutput(local, url, action) {
  const { name, path: path2, size, sha256, target } = local;
  return { name, path: path2, size, sha256, target, ...url === void 0 ? {} : { url }, action };
}
var uploadStep = {
  name: "upload",
  async run(ctx) {
    const { config, reporter, state } = ctx;
    const plan = state.plan;
    const tag = plan.tag;
    const { assets: local, ignored, distMissing } = await (state.localPrefetch ?? localAssets(ctx));
    for (const name of ignored)
      reporter.info(
        `upload: ignoring ${name} in dist (not an artifact of ${plan.id} ${plan.version})`
      );
    await preflightLocal(local);
    const api = releaseApiFor(config, reporter, { needWrite: true });
    const releases = await (state.releasesPrefetch ?? api.listReleases());
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
    const remote = existing === void 0 ? [] : await api.listAssets(existing.id);
    const { items, stale } = planSync(local, remote);
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
    const params = await releaseParams(ctx, api, existing);
    let earlyVerify;
    const attached = await attachAssets(api, {
      onRelease: () => {
        if (verifiesDraft(ctx, existing))
          earlyVerify = startEarly(ctx, api, predictedListing(remote, stale, items), local);
      },
      existing: params.existing,
      remote,
      local,
      create: params.create,
      sync: {
        limit: new AdaptiveLimit(config.concurrency),
        retry: retryPolicyFromEnv(config.env),
        nonce: `${Math.floor(Date.now() / 1e3).toString(36)}-${randomBytes(4).toString("hex")}`,
        log: (m) => reporter.info(`upload: ${m}`)
      }
    });
    for (const id of attached.removedDuplicates)
      reporter.info(
        `upload: another job created the release first; removed our duplicate draft ${id}`
      );
    const { release, results } = attached;
    state.github = {
      api,
      release,
      releases,
      local,
      remote: attached.listing,
      ...earlyVerify ? { earlyVerify } : {},
      immutableMatch: false,
      kept: attached.kept
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
