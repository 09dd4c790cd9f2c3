import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  runVerify
} from "./chunk-Q53IJUFJ.js";
import {
  checkTargetNames
} from "./chunk-VEVHYRHO.js";
import {
  releaseApiFor
} from "./chunk-S46KNTU7.js";
import "./chunk-M2DQIPZT.js";
import "./chunk-CTM4ZJC7.js";
import "./chunk-BWNOVPOV.js";
import "./chunk-BTX45R37.js";
import "./chunk-KYD77SP4.js";
import "./chunk-6WRACGPG.js";
import "./chunk-BQJ67RA4.js";
import {
  failureMessage,
  renderReport
} from "./chunk-6KFOKJA2.js";
import "./chunk-IJB4O4V6.js";
import "./chunk-3REJ4PT2.js";
import "./chunk-IHY5SSPF.js";
import "./chunk-GOFS5DMG.js";
import "./chunk-BCCE4QC5.js";
import "./chunk-UPVXBFI4.js";
import "./chunk-LKDYQQD6.js";
import "./chunk-V4QKBR5Y.js";
import "./chunk-FJWAMQ2K.js";
import {
  localSource,
  remoteSource
} from "./chunk-2WMTU667.js";
import "./chunk-HQQIT7FK.js";
import "./chunk-GWJQWK7Z.js";
import "./chunk-2TJC7A4H.js";
import "./chunk-R5SGE6HV.js";
import {
  ReleaseError
} from "./chunk-S5POLVOE.js";
import "./chunk-5ZJU6YLT.js";

// src/steps/verify.ts
import fs from "node:fs/promises";
function fullName(repo) {
  return repo ? `${repo.owner}/${repo.name}` : null;
}
async function isDir(p) {
  return (await fs.stat(p).catch(() => void 0))?.isDirectory() === true;
}
async function remote(config, api, tag, targets) {
  const repo = fullName(config.repo);
  const label = `${repo}@${tag}`;
  const release = tag === "latest" ? await api.getLatestRelease() : await api.getReleaseByTag(tag);
  if (release === void 0) {
    const empty = {
      mode: "remote",
      label,
      files: [],
      open: () => Promise.reject(new Error("no release"))
    };
    const draft = (await api.listReleases().catch(() => [])).some(
      (r) => r.draft && r.tag_name === tag
    );
    const why = draft ? `${tag} is a draft: the installer sees published releases only. Publish it` : `no published release ${tag} in ${repo} (GET releases/tags/${tag} answers 404)`;
    return { source: empty, stage: "published", repo, tag, targets, notFound: why };
  }
  const source = await remoteSource(api, release, `${repo}@${release.tag_name}`);
  return {
    source,
    stage: "published",
    repo,
    tag: release.tag_name,
    targets,
    latest: { api, release, optional: config.makeLatest === "false" }
  };
}
async function local(ctx, tag, targets, note) {
  const { config, profile } = ctx;
  const source = await localSource(
    config.distDir,
    profile.name === "nexo" ? config.manifestPath : void 0
  );
  const repo = fullName(config.repo);
  return { source, stage: "local", repo, tag, targets, ...note ? { note } : {} };
}
async function chooseTarget(ctx) {
  const { config, reporter, state } = ctx;
  if (config.command !== "verify") {
    const gh = state.github;
    const plan = state.plan;
    const targets = plan.targets.map((t) => t.target);
    if (gh.release.draft) {
      if (await isDir(config.distDir)) {
        const note2 = `${plan.tag} is a draft, which the installer cannot see: checking ${config.distDir} instead`;
        return local(ctx, plan.tag, targets, note2);
      }
      const repo = fullName(config.repo);
      const source = await remoteSource(gh.api, gh.release, `${repo}@${plan.tag} (draft)`);
      const note = `${plan.tag} is a draft, which the installer cannot see until it is published: checking its assets through the API`;
      return { source, stage: "draft", repo, tag: plan.tag, targets, note };
    }
    return remote(config, gh.api, plan.tag, targets);
  }
  if (!config.repoExplicit && await isDir(config.distDir))
    return local(ctx, config.tag, config.targets);
  if (config.repo === void 0) {
    throw new ReleaseError(
      "USAGE",
      `nothing to verify: ${config.distDir} does not exist and no repository is set. Pass repo: owner/name and tag to check a published release, or run pack first to check dist`
    );
  }
  if (config.tag === void 0) throw new ReleaseError("TAG_MISSING", config.tagHint);
  const api = releaseApiFor(config, reporter, { needWrite: false });
  return remote(config, api, config.tag, config.targets);
}
var verifyStep = {
  name: "verify",
  async run(ctx) {
    const { config, reporter, profile } = ctx;
    if (config.command === "verify" && profile.name === "nexo")
      checkTargetNames(
        { targets: config.targets, aliases: config.targetAliases },
        config.allowUnknownTargets
      );
    const target = await chooseTarget(ctx);
    if (target.note) reporter.info(`verify: ${target.note}`);
    const report = await runVerify(ctx, target);
    reporter.setOutput("report", JSON.stringify(report));
    reporter.summary(renderReport(report));
    for (const c of report.checks.filter((x) => x.status === "warn"))
      reporter.warning(`verify: ${c.code} ${c.subject}: ${c.message}`);
    reporter.info(
      `verify: ${report.mode} ${report.source}: ${report.counts.pass} passed, ${report.counts.fail} failed, ${report.counts.warn} warnings`
    );
    if (!report.ok) throw new ReleaseError("VERIFY_FAILED", failureMessage(report));
  }
};
export {
  verifyStep
};
