import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  expectedAssets
} from "./chunk-7RI6DVPN.js";
import {
  require_semver
} from "./chunk-2TJC7A4H.js";
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

// src/steps/publish.ts
async function remoteSidecarProblems(api, expected, local, remote) {
  const problems = [];
  const localNames = new Set(local.map((l) => l.name));
  const byName = new Map(remote.map((r) => [r.name, r]));
  for (const name of expected.filter((n) => n.endsWith(".tar.gz.sha256") && !localNames.has(n))) {
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
    if (plan.targets.length === 0) {
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
    if (config.draft) {
      reporter.info(`publish: complete; left as a draft (draft: true): ${gh.release.html_url}`);
      return;
    }
    if (!gh.release.draft) {
      reporter.info(
        `publish: ${plan.tag} was already published; its assets are complete and match`
      );
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
