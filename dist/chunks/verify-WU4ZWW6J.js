import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  draftSource,
  runVerify,
  sameListing
} from "./chunk-QAWRGRFQ.js";
import "./chunk-2Q7XEPSE.js";
import {
  releaseApiFor
} from "./chunk-5LSITTQY.js";
import "./chunk-4UV453JZ.js";
import "./chunk-BWNOVPOV.js";
import "./chunk-CTM4ZJC7.js";
import {
  checkTargetNames
} from "./chunk-VEVHYRHO.js";
import "./chunk-BTX45R37.js";
import "./chunk-KYD77SP4.js";
import "./chunk-V6ZESWQG.js";
import "./chunk-GV5CYOPD.js";
import "./chunk-R5UGFH74.js";
import {
  checkLatest
} from "./chunk-IRPAOMK5.js";
import "./chunk-YTGAWYOY.js";
import {
  Findings,
  countChecks,
  failureMessage,
  renderReport
} from "./chunk-QDHITNI7.js";
import "./chunk-FJWAMQ2K.js";
import "./chunk-GOFS5DMG.js";
import {
  localSource,
  remoteSource
} from "./chunk-DU3MOISV.js";
import "./chunk-BCCE4QC5.js";
import "./chunk-R5SGE6HV.js";
import "./chunk-IHY5SSPF.js";
import "./chunk-HQQIT7FK.js";
import "./chunk-MY5WYYPC.js";
import "./chunk-UPVXBFI4.js";
import "./chunk-27FNXXKZ.js";
import "./chunk-O5YLJVZF.js";
import "./chunk-JJKM5RR3.js";
import "./chunk-GWJQWK7Z.js";
import "./chunk-2TJC7A4H.js";
import "./chunk-RMI2MBVT.js";
import "./chunk-VK2GVVSJ.js";
import "./chunk-E6E2LMZJ.js";
import {
  ReleaseError
} from "./chunk-S5POLVOE.js";
import "./chunk-5ZJU6YLT.js";

// src/steps/verify.ts
import fs from "node:fs/promises";

// src/verify/published.ts
var uploaded = (xs) => xs.filter((a) => a.state === "uploaded");
async function publishedFromDraft(ctx) {
  const { config, profile, state } = ctx;
  const draft = state.draftReport;
  const live = state.published;
  const gh = state.github;
  if (config.command === "verify" || profile.checksLiveState === true) return void 0;
  if (draft?.ok !== true || live === void 0 || gh === void 0) return void 0;
  if (state.draftListing === void 0) return void 0;
  if (!sameListing(uploaded(state.draftListing), uploaded(live.assets))) return void 0;
  const repo = config.repo ? `${config.repo.owner}/${config.repo.name}` : null;
  const source = `${repo}@${live.release.tag_name}`;
  const findings = new Findings();
  findings.list.push(...draft.checks);
  findings.info(
    "release",
    source,
    `published with the draft's ${live.assets.length} assets unchanged (GitHub's digests): the draft's checks stand`
  );
  const releases = [...gh.releases.filter((r) => r.id !== live.release.id), live.release];
  await checkLatest(gh.api, live.release, findings, {
    latestOptional: config.makeLatest === "false",
    known: { releases, latest: { release: live.latest } }
  });
  const counts = countChecks(findings.list);
  return {
    ...draft,
    ok: counts.fail === 0 && draft.platforms.every((p) => p.status !== "fail"),
    mode: "remote",
    source,
    stage: "published",
    counts,
    checks: findings.list
  };
}

// src/steps/verify.ts
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
function allLocal(remote2, local2) {
  const sha = new Map(local2.map((l) => [l.name, `sha256:${l.sha256}`]));
  const stored = remote2.filter((a) => a.state === "uploaded");
  return stored.length > 0 && stored.every((a) => a.digest !== null && sha.get(a.name) === a.digest);
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
    if (gh.remote !== void 0 && allLocal(gh.remote, gh.local)) {
      const repo = fullName(config.repo);
      const label = `${repo}@${gh.release.tag_name}`;
      return {
        source: draftSource(gh.api, gh.remote, gh.local, label),
        stage: "published",
        repo,
        tag: gh.release.tag_name,
        targets,
        latest: {
          api: gh.api,
          release: gh.release,
          optional: config.makeLatest === "false",
          releases: gh.releases
        },
        note: `${label} holds exactly the local files (GitHub's digests): judging the local bytes, nothing downloaded`
      };
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
async function verifyTarget(ctx) {
  const target = await chooseTarget(ctx);
  if (target.note) ctx.reporter.info(`verify: ${target.note}`);
  return runVerify(ctx, target);
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
    const kept = await publishedFromDraft(ctx);
    if (kept !== void 0)
      reporter.info(
        `verify: ${kept.source} holds the verified draft's assets, byte for byte: its checks stand, nothing downloaded again`
      );
    const report = kept ?? await verifyTarget(ctx);
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
