import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  runVerify
} from "./chunk-BDWISAPD.js";
import {
  failureMessage,
  renderReport
} from "./chunk-A7VTKGYG.js";
import "./chunk-7DQ7ZU3D.js";
import {
  expectedAssets
} from "./chunk-3HXQ25FH.js";
import "./chunk-JYHRUCUN.js";
import "./chunk-HQQIT7FK.js";
import {
  require_semver
} from "./chunk-2TJC7A4H.js";
import "./chunk-UPVXBFI4.js";
import {
  ReleaseError
} from "./chunk-S5POLVOE.js";
import {
  __toESM
} from "./chunk-5ZJU6YLT.js";

// src/publish/complete.ts
function completenessProblems(expected, local, remote, kept = /* @__PURE__ */ new Set()) {
  const problems = [];
  const localBy = new Map(local.map((l) => [l.name, l]));
  const remoteBy = new Map(remote.map((r) => [r.name, r]));
  for (const name of expected) {
    const l = localBy.get(name);
    const r = remoteBy.get(name);
    if (l === void 0 && r === void 0)
      problems.push(`${name} is missing (not in dist, not on the release)`);
    else if (r === void 0) problems.push(`${name} is not on the release`);
    else if (r.state !== "uploaded") problems.push(`${name} is a broken upload (state ${r.state})`);
    else if (l !== void 0 && !kept.has(name) && r.digest !== null && r.digest !== `sha256:${l.sha256}`)
      problems.push(`${name} on the release has ${r.digest}, the local file sha256:${l.sha256}`);
    else if (l === void 0 && r.digest === null)
      problems.push(`${name} on the release has no digest and no local copy to compare with`);
  }
  return problems;
}

// src/publish/latest.ts
var import_semver = __toESM(require_semver(), 1);
function decideMakeLatest(input, version, prerelease, releases, selfId) {
  if (input !== "auto") return input;
  if (prerelease) return "false";
  const others = releases.filter((r) => !r.draft && !r.prerelease && r.id !== selfId).map((r) => import_semver.default.valid(r.tag_name.replace(/^v/, ""))).filter((v) => v !== null);
  return others.every((v) => import_semver.default.gt(version, v)) ? "true" : "false";
}

// src/verify/draft.ts
import { createReadStream } from "node:fs";
function draftSource(api, release, remote, local, label) {
  const assets = remote.filter((a) => a.state === "uploaded");
  const localBy = new Map(local.map((l) => [l.name, l]));
  let downloads = 0;
  return {
    mode: "remote",
    label,
    files: assets.map((a) => ({ name: a.name, size: a.size })),
    downloads: () => downloads,
    open: async (name) => {
      const asset = assets.find((a) => a.name === name);
      if (!asset) throw new Error(`no asset ${name} on draft ${release.id}`);
      const mine = localBy.get(name);
      if (mine !== void 0 && asset.digest === `sha256:${mine.sha256}`)
        return createReadStream(mine.path);
      downloads++;
      return api.downloadAsset(asset.id);
    }
  };
}

// src/steps/publish.ts
async function remoteSidecarProblems(api, expected, local, remote) {
  const problems = [];
  const localNames = new Set(local.map((l) => l.name));
  const byName = new Map(remote.map((r) => [r.name, r]));
  for (const name of expected.filter((n) => n.endsWith(".sha256") && !localNames.has(n))) {
    const sidecar = byName.get(name);
    const tarball = byName.get(name.slice(0, -".sha256".length));
    if (sidecar === void 0 || tarball?.digest == null) continue;
    const chunks = [];
    for await (const c of await api.downloadAsset(sidecar.id)) chunks.push(c);
    const token = Buffer.concat(chunks).toString("utf8").split(/\s+/)[0]?.toLowerCase() ?? "";
    if (`sha256:${token}` !== tarball.digest)
      problems.push(
        `${name} on the release says ${token || "(empty)"} but GitHub's digest of ${tarball.name} is ${tarball.digest}`
      );
  }
  return problems;
}
async function verifyDraft(ctx, remote) {
  const { config, reporter, state } = ctx;
  const gh = state.github;
  const plan = state.plan;
  const repo = config.repo ? `${config.repo.owner}/${config.repo.name}` : null;
  const source = draftSource(gh.api, gh.release, remote, gh.local, `${repo}@${plan.tag} (draft)`);
  const report = await runVerify(ctx, {
    source,
    stage: "draft",
    repo,
    tag: plan.tag,
    targets: plan.targets.map((t) => t.target)
  });
  state.draftReport = report;
  reporter.setOutput("report", JSON.stringify(report));
  reporter.summary(renderReport(report));
  for (const c of report.checks.filter((x) => x.status === "warn"))
    reporter.warning(`verify: ${c.code} ${c.subject}: ${c.message}`);
  reporter.info(
    `publish: the draft passed ${report.counts.pass} checks, failed ${report.counts.fail} (${source.files.length - source.downloads()} assets judged from local bytes GitHub's digest proves equal, ${source.downloads()} downloaded)`
  );
  if (!report.ok) {
    throw new ReleaseError(
      "VERIFY_FAILED",
      `not publishing ${plan.tag}: the draft failed verification and stays a draft, invisible to ${report.consumer ?? "installers"}. ${failureMessage(report)}. Fix what is named, then run again: the rerun replaces the bad assets and publishes`
    );
  }
}
var publishStep = {
  name: "publish",
  async run(ctx) {
    const { config, reporter, state } = ctx;
    const plan = state.plan;
    const gh = state.github;
    if (plan.ecosystem === "nexo" && plan.targets.length === 0) {
      throw new ReleaseError(
        "TARGETS_MISSING",
        "publish needs targets: the list of targets every release must carry, so a missing build is caught before the release goes live"
      );
    }
    const expected = expectedAssets(plan, config.sign ? config.signatureFiles : []);
    const remote = gh.remote ?? await gh.api.listAssets(gh.release.id);
    const problems = completenessProblems(expected, gh.local, remote, gh.kept);
    problems.push(...await remoteSidecarProblems(gh.api, expected, gh.local, remote));
    if (problems.length > 0) {
      throw new ReleaseError(
        "INCOMPLETE_RELEASE",
        `not publishing ${plan.tag}: the release is incomplete and stays a ${gh.release.draft ? "draft" : "release as it was"}. ${problems.join("; ")}. Make sure every build job's dist was downloaded (and signed, when sign is on), then run again`
      );
    }
    if (!gh.release.draft) {
      reporter.info(
        `publish: ${plan.tag} was already published; its assets are complete and match`
      );
      return;
    }
    if (config.verify) await verifyDraft(ctx, remote);
    if (config.draft) {
      reporter.info(`publish: complete; left as a draft (draft: true): ${gh.release.html_url}`);
      return;
    }
    const prerelease = config.prerelease === "auto" ? plan.prerelease : config.prerelease === "true";
    const makeLatest = decideMakeLatest(
      config.makeLatest,
      plan.version,
      prerelease,
      gh.releases,
      gh.release.id
    );
    const published = await gh.api.updateRelease(gh.release.id, {
      draft: false,
      prerelease,
      make_latest: makeLatest
    });
    gh.release = published;
    reporter.setOutput("release-url", published.html_url);
    reporter.info(
      `publish: published ${plan.tag}${prerelease ? " as a pre-release" : ""}${makeLatest === "true" ? " as latest" : makeLatest === "false" ? " (not latest)" : ""}: ${published.html_url}`
    );
    reporter.summary(
      `Published **${plan.tag}**${makeLatest === "true" ? " (latest)" : ""}: ${published.html_url}`
    );
  }
};
export {
  publishStep
};
