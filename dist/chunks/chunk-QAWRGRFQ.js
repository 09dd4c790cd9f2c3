import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  tempAssetName,
  tempAssetTarget
} from "./chunk-2Q7XEPSE.js";
import {
  checkLatest
} from "./chunk-IRPAOMK5.js";
import {
  mapLimit
} from "./chunk-YTGAWYOY.js";
import {
  Findings,
  countChecks,
  failureMessage,
  renderReport
} from "./chunk-QDHITNI7.js";
import {
  READ_CHUNK
} from "./chunk-DU3MOISV.js";
import {
  identityPolicy
} from "./chunk-MY5WYYPC.js";
import {
  trustedRootSource
} from "./chunk-O5YLJVZF.js";
import {
  apiErrorDetails,
  isAlreadyExists
} from "./chunk-VK2GVVSJ.js";
import {
  isRateLimited,
  retryDelay
} from "./chunk-E6E2LMZJ.js";
import {
  ReleaseError
} from "./chunk-S5POLVOE.js";

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
async function createDraft(api, params) {
  try {
    return await api.createRelease(params);
  } catch (e) {
    const d = apiErrorDetails(e);
    if (d.status === 422 && /immutable release/i.test(d.message)) {
      throw new ReleaseError(
        "RELEASE_IMMUTABLE",
        `tag ${params.tag_name} was used by an immutable release, so it can never be released again. Bump the version in the manifest and push a new tag`,
        { cause: e }
      );
    }
    if (isAlreadyExists(e, "tag_name")) return void 0;
    throw e;
  }
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
    if (isRateLimited(cause))
      opts.log(`GitHub asked to slow down: at most ${opts.limit.backOff()} uploads at a time now`);
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
async function executeSync(api, release, items, stale, opts) {
  for (const s of stale) {
    opts.log(`removing temporary asset ${s.name} left by an earlier run`);
    await api.deleteAsset(s.id).catch(() => void 0);
  }
  return mapLimit(items, opts.limit, async (item) => {
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

// src/publish/attach.ts
function listingAfter(before, stale, results) {
  const removed = new Set(stale.map((s) => s.id));
  const byName = new Map(before.filter((a) => !removed.has(a.id)).map((a) => [a.name, a]));
  for (const r of results) byName.set(r.local.name, r.asset);
  return [...byName.values()];
}
async function syncTo(api, release, remote, input) {
  const { items, stale } = planSync(input.local, remote);
  checkAssetCount(items, remote.length, stale.length, input.sync.limit.value);
  const results = await executeSync(api, release, items, stale, input.sync);
  return {
    release,
    results,
    listing: listingAfter(remote, stale, results),
    kept: new Set(items.filter((i) => i.kept).map((i) => i.local.name))
  };
}
async function chosenRelease(api, tag, mine) {
  const chosen = await findRelease(api, tag);
  if (chosen !== void 0) return chosen;
  if (mine !== void 0) return mine;
  throw new ReleaseError(
    "GITHUB_API",
    `GitHub said a release for ${tag} exists, but none is listed. Run again`
  );
}
async function attachAssets(api, input) {
  const tag = input.create.tag_name;
  if (input.existing !== void 0) {
    input.onRelease?.();
    const done2 = await syncTo(api, input.existing, input.remote, input);
    return { ...done2, removedDuplicates: [] };
  }
  const mine = await createDraft(api, input.create);
  if (mine === void 0) {
    const chosen2 = await chosenRelease(api, tag);
    const done2 = await syncTo(api, chosen2, await api.listAssets(chosen2.id), input);
    return { ...done2, removedDuplicates: [] };
  }
  input.onRelease?.();
  const race = chosenRelease(api, tag, mine);
  race.catch(() => void 0);
  const first = await syncTo(api, mine, [], input);
  const chosen = await race;
  if (chosen.id === mine.id) return { ...first, removedDuplicates: [] };
  const ours = new Set(first.results.map((r) => r.asset.id));
  const onOurs = await api.listAssets(mine.id);
  const removedDuplicates = [];
  if (onOurs.every((a) => ours.has(a.id))) {
    await api.deleteRelease(mine.id);
    removedDuplicates.push(mine.id);
  } else {
    input.sync.log(
      `left draft ${mine.id}: another job attached files to it; every job uses release ${chosen.id}`
    );
  }
  const done = await syncTo(api, chosen, await api.listAssets(chosen.id), input);
  return { ...done, removedDuplicates };
}

// src/verify/draft.ts
import { createReadStream } from "node:fs";
function draftSource(api, remote, local, label2) {
  const assets = remote.filter((a) => a.state === "uploaded");
  const localBy = new Map(local.map((l) => [l.name, l]));
  let downloads = 0;
  return {
    mode: "remote",
    label: label2,
    files: assets.map((a) => ({ name: a.name, size: a.size })),
    downloads: () => downloads,
    open: async (name) => {
      const asset = assets.find((a) => a.name === name);
      if (!asset) throw new Error(`no asset ${name} on ${label2}`);
      const mine = localBy.get(name);
      if (mine !== void 0 && asset.digest === `sha256:${mine.sha256}`)
        return createReadStream(mine.path, { highWaterMark: READ_CHUNK });
      downloads++;
      return api.downloadAsset(asset.id);
    }
  };
}

// src/verify/run.ts
async function runVerify(ctx, t) {
  const { config, profile } = ctx;
  const findings = new Findings();
  let found = { id: null, version: null };
  if (t.notFound !== void 0) {
    findings.fail("release", t.source.label, "ReleaseNotFound", t.notFound);
  } else {
    found = await profile.verify({
      config,
      source: t.source,
      tag: t.tag,
      repo: t.repo,
      targets: t.targets,
      stage: t.stage,
      findings
    });
    if (profile.name !== "nexo") {
      const { checkSigstoreFiles } = await import("./sigstore-files-QFFTG5QZ.js");
      await checkSigstoreFiles(config, t.source, findings);
    }
    if (t.latest)
      await checkLatest(t.latest.api, t.latest.release, findings, {
        latestOptional: t.latest.optional,
        ...t.latest.releases ? { known: { releases: t.latest.releases } } : {}
      });
  }
  const platforms = found.platforms ?? [];
  const counts = countChecks(findings.list);
  const policy = identityPolicy(config, config.repo);
  const root = trustedRootSource(config.trustedRoot);
  return {
    ok: counts.fail === 0 && platforms.every((p) => p.status !== "fail"),
    mode: t.source.mode,
    source: t.source.label,
    ecosystem: profile.name,
    consumer: profile.consumer ?? `the ${profile.name} installer`,
    stage: t.stage,
    repo: t.repo,
    tag: t.tag ?? null,
    id: found.id,
    version: found.version,
    counts,
    checks: findings.list,
    platforms,
    signaturePolicy: {
      identityRegexp: policy.pattern ?? policy.regexp?.source ?? null,
      issuer: policy.issuer,
      trustedRoot: root.kind === "file" ? root.path : "public-good (TUF)",
      required: config.requireSignature
    }
  };
}

// src/publish/draft-verify.ts
function storedAs(local) {
  return {
    id: 0,
    name: local.name,
    label: null,
    size: local.size,
    digest: `sha256:${local.sha256}`,
    state: "uploaded",
    browser_download_url: "",
    created_at: ""
  };
}
function predictedListing(remote, stale, items) {
  const stored = items.map((i) => ({
    local: i.local,
    asset: i.action === "unchanged" ? i.remote : storedAs(i.local)
  }));
  return listingAfter(remote, stale, stored);
}
function sameListing(a, b) {
  const key = (x) => `${x.name}\0${x.state}\0${x.size}\0${x.digest ?? "none"}`;
  const keys = (xs) => xs.map(key).sort().join("\n");
  return a.length === b.length && keys(a) === keys(b);
}
function label(ctx) {
  const { config, state } = ctx;
  const repo = config.repo ? `${config.repo.owner}/${config.repo.name}` : null;
  return `${repo}@${state.plan.tag} (draft)`;
}
function verifyListing(ctx, listing, local, api) {
  const { config, state } = ctx;
  const plan = state.plan;
  const source = draftSource(api, listing, local, label(ctx));
  const report = runVerify(ctx, {
    source,
    stage: "draft",
    repo: config.repo ? `${config.repo.owner}/${config.repo.name}` : null,
    tag: plan.tag,
    targets: plan.targets.map((t) => t.target)
  });
  return { report, downloads: source.downloads };
}
function startEarly(ctx, api, listing, local) {
  const { report, downloads } = verifyListing(ctx, listing, local, api);
  report.catch(() => void 0);
  return { listing, report, downloads };
}
async function verifyDraft(ctx, remote) {
  const { reporter, state } = ctx;
  const gh = state.github;
  const plan = state.plan;
  const early = gh.earlyVerify;
  const reuse = early !== void 0 && sameListing(early.listing, remote);
  const run = reuse ? early : verifyListing(ctx, remote, gh.local, gh.api);
  const report = await run.report;
  const how = `${remote.length - run.downloads()} assets judged from local bytes GitHub's digest proves equal, ${run.downloads()} downloaded${reuse ? "; judged beside the uploads" : ""}`;
  state.draftReport = report;
  state.draftListing = [...remote];
  reporter.setOutput("report", JSON.stringify(report));
  reporter.summary(renderReport(report));
  for (const c of report.checks.filter((x) => x.status === "warn"))
    reporter.warning(`verify: ${c.code} ${c.subject}: ${c.message}`);
  reporter.info(
    `publish: the draft passed ${report.counts.pass} checks, failed ${report.counts.fail} (${how})`
  );
  if (!report.ok) {
    throw new ReleaseError(
      "VERIFY_FAILED",
      `not publishing ${plan.tag}: the draft failed verification and stays a draft, invisible to ${report.consumer ?? "installers"}. ${failureMessage(report)}. Fix what is named, then run again: the rerun replaces the bad assets and publishes`
    );
  }
}

export {
  pickRelease,
  planSync,
  checkAssetCount,
  attachAssets,
  draftSource,
  runVerify,
  predictedListing,
  sameListing,
  startEarly,
  verifyDraft
};
