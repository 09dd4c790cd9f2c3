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
  verifyDraft
} from "./chunk-QAWRGRFQ.js";
import "./chunk-2Q7XEPSE.js";
import "./chunk-IRPAOMK5.js";
import "./chunk-YTGAWYOY.js";
import "./chunk-QDHITNI7.js";
import "./chunk-DU3MOISV.js";
import "./chunk-BCCE4QC5.js";
import "./chunk-R5SGE6HV.js";
import "./chunk-MY5WYYPC.js";
import "./chunk-UPVXBFI4.js";
import "./chunk-O5YLJVZF.js";
import {
  expectedAssets
} from "./chunk-GWJQWK7Z.js";
import {
  require_semver
} from "./chunk-2TJC7A4H.js";
import "./chunk-VK2GVVSJ.js";
import {
  retryPolicyFromEnv
} from "./chunk-E6E2LMZJ.js";
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

// src/publish/post-check.ts
import { setTimeout as sleep } from "node:timers/promises";
var ATTEMPTS = 3;
function key(a) {
  return `${a.name} (${a.size} bytes, ${a.digest ?? "no digest"})`;
}
function assetChanges(before, after) {
  const uploaded = (list) => new Set(list.filter((a) => a.state === "uploaded").map(key));
  const was = uploaded(before);
  const now = uploaded(after);
  return [
    ...[...was].filter((k) => !now.has(k)).map((k) => `${k} is gone`),
    ...[...now].filter((k) => !was.has(k)).map((k) => `${k} appeared`)
  ];
}
async function inspect(ctx, facts) {
  const api = ctx.state.github.api;
  const { release } = facts;
  const tag = release.tag_name;
  const problems = [];
  const [visible, latest, after] = await Promise.all([
    api.getReleaseByTag(tag),
    api.getLatestRelease(),
    api.listAssets(release.id)
  ]);
  if (visible === void 0)
    problems.push(`GET releases/tags/${tag} answers 404, so the installer cannot find ${tag}`);
  else if (visible.id !== release.id)
    problems.push(
      `GET releases/tags/${tag} returns release ${visible.id}, not the one just published (${release.id}): remove the other release of this tag`
    );
  const isLatest = latest?.id === release.id;
  if (facts.makeLatest === "true" && !isLatest)
    problems.push(
      `${tag} was published as latest, but /releases/latest returns ${latest?.tag_name ?? "nothing"}`
    );
  if (facts.makeLatest === "false" && isLatest)
    problems.push(`${tag} was published as not latest, but /releases/latest returns it`);
  const changed = assetChanges(facts.assets, after);
  if (changed.length > 0)
    problems.push(`the assets changed while publishing: ${changed.join(", ")}`);
  return { problems, after, latest };
}
async function postPublishCheck(ctx, facts) {
  const { reporter, state } = ctx;
  const { release } = facts;
  const tag = release.tag_name;
  const wait = retryPolicyFromEnv(ctx.config.env).baseMs;
  let seen = await inspect(ctx, facts);
  for (let attempt = 1; seen.problems.length > 0 && attempt < ATTEMPTS; attempt++) {
    await sleep(wait * attempt);
    seen = await inspect(ctx, facts);
  }
  const { problems, after, latest } = seen;
  if (problems.length > 0) {
    throw new ReleaseError(
      "VERIFY_FAILED",
      `${tag} is published, but not as operators should see it: ${problems.join("; ")}. Fix the release on GitHub (or rerun: an identical rerun changes only what differs)`
    );
  }
  state.published = { release, assets: after, latest };
  reporter.info(
    `publish: ${tag} is visible by tag${facts.makeLatest === "true" ? " and is latest" : ""}, with its ${after.length} assets unchanged`
  );
  const url = new Map(after.map((a) => [a.name, a.browser_download_url]));
  const local = state.assets ?? [];
  if (local.length > 0) {
    const assets = local.map((a) => ({ ...a, url: url.get(a.name) ?? a.url }));
    state.assets = assets;
    reporter.setOutput("assets", JSON.stringify(assets));
  }
  const action = new Map(local.map((a) => [a.name, a.action]));
  const rows = [...after].filter((a) => a.state === "uploaded").sort((a, b) => a.name.localeCompare(b.name)).map((a) => ({
    name: a.name,
    url: a.browser_download_url,
    size: a.size,
    sha256: a.digest?.replace(/^sha256:/, "") ?? "",
    action: action.get(a.name) ?? "attached earlier"
  }));
  reporter.summary(releaseTable(tag, release.html_url, rows));
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
    let remote = gh.remote ?? await gh.api.listAssets(gh.release.id);
    let problems = completenessProblems(expected, gh.local, remote, gh.kept);
    if (problems.length > 0 && gh.remote !== void 0) {
      remote = await gh.api.listAssets(gh.release.id);
      problems = completenessProblems(expected, gh.local, remote, gh.kept);
    }
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
    await postPublishCheck(ctx, { release: published, makeLatest, assets: remote });
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
