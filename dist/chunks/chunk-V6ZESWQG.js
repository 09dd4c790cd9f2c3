import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  checkManifestAsset,
  checkTarball
} from "./chunk-GV5CYOPD.js";
import {
  loadTrustMaterial
} from "./chunk-R5UGFH74.js";
import {
  checkLatest
} from "./chunk-IRPAOMK5.js";
import {
  mapLimit
} from "./chunk-YTGAWYOY.js";
import {
  Findings,
  countChecks
} from "./chunk-QDHITNI7.js";
import {
  readSmall
} from "./chunk-DU3MOISV.js";
import {
  MANIFEST_ASSET,
  tarballName
} from "./chunk-GWJQWK7Z.js";
import {
  require_semver
} from "./chunk-2TJC7A4H.js";
import {
  __toESM
} from "./chunk-5ZJU6YLT.js";

// src/verify/index.ts
var import_semver = __toESM(require_semver(), 1);

// src/verify/platforms.ts
var PLATFORMS = [
  { platform: "Linux x86_64", target: "x86_64-unknown-linux-gnu" },
  { platform: "Linux aarch64", target: "aarch64-unknown-linux-gnu" },
  { platform: "macOS x86_64", target: "x86_64-apple-darwin" },
  { platform: "macOS aarch64", target: "aarch64-apple-darwin" }
];
function pickTarball(names, id, version, target) {
  const exact = tarballName(id, version, target);
  if (names.includes(exact)) return { tarball: exact, via: "exact" };
  const noarch = tarballName(id, version, "noarch");
  if (names.includes(noarch)) return { tarball: noarch, via: "noarch" };
  return void 0;
}
function platformResults(names, id, version, targets) {
  const available = names.filter((n) => n.endsWith(".tar.gz"));
  return PLATFORMS.map(({ platform, target }) => {
    const pick = id && version ? pickTarball(names, id, version, target) : void 0;
    if (pick) return { platform, target, tarball: pick.tarball, via: pick.via, status: "pass" };
    return {
      platform,
      target,
      tarball: null,
      via: null,
      status: targets.includes(target) ? "fail" : "info",
      code: "TargetNotFound",
      available
    };
  });
}
function about(subject, tarball) {
  return subject === tarball || subject.startsWith(`${tarball}:`) || subject.startsWith(`${tarball}.`);
}
function judgePlatforms(platforms, findings, subject, reported) {
  const judged = platforms.map((p) => {
    if (p.tarball === null) return p;
    const failed = findings.list.find((c) => c.status === "fail" && about(c.subject, p.tarball));
    return failed ? { ...p, status: "fail", code: failed.code } : p;
  });
  if (judged.length > 0 && judged.every((p) => p.tarball === null)) {
    if (!reported) {
      const available = judged[0].available ?? [];
      findings.fail(
        "platforms",
        subject,
        "TargetNotFound",
        `no common platform can install this release: ${judged.map((p) => p.target).join(", ")} all get TargetNotFound (the installer picks <id>-<version>-<target>.tar.gz, else -noarch). Available: ${available.join(", ") || "none"}. Build one of these targets, publish a musl build under the gnu name with target-aliases, or package noarch`
      );
    }
    return judged.map((p) => ({ ...p, status: "fail" }));
  }
  return judged;
}

// src/verify/index.ts
var TARGET = /^[A-Za-z0-9_]+(?:[-.][A-Za-z0-9_]+)*$/;
function tagVersion(tag, findings) {
  if (tag === void 0) return void 0;
  const v = tag.replace(/^v+/, "");
  if (/^\d/.test(v) && import_semver.default.parse(v)?.raw === v) return v;
  findings.fail(
    "release",
    tag,
    "ReleaseShape",
    `version \`${v}\` (the tag without its leading v) is not SemVer X.Y.Z`
  );
  return void 0;
}
async function verifyRelease(o) {
  const findings = new Findings();
  if (o.notFound !== void 0) {
    findings.fail("release", o.source.label, "ReleaseNotFound", o.notFound);
    return report(o, findings, [], void 0, void 0);
  }
  const names = o.source.files.map((f) => f.name);
  const fromTag = tagVersion(o.tag, findings);
  const manifestBytes = names.includes(MANIFEST_ASSET) ? await readSmall(o.source, MANIFEST_ASSET) ?? "too-large" : void 0;
  const manifest = checkManifestAsset(manifestBytes, fromTag, findings);
  const id = manifest.id;
  const version = fromTag ?? manifest.version;
  const prefix = id && version ? `${id}-${version}-` : void 0;
  const mine = [];
  for (const n of names.filter((x) => x.endsWith(".tar.gz"))) {
    const target = prefix && n.startsWith(prefix) ? n.slice(prefix.length, -".tar.gz".length) : "";
    if (TARGET.test(target)) mine.push(n);
    else
      findings.warn(
        "name",
        n,
        "AssetName",
        `never downloaded by the installer: not ${id ?? "<id>"}-${version ?? "<version>"}-<target>.tar.gz`
      );
  }
  for (const t of o.targets) {
    if (id === void 0 || version === void 0) break;
    const want = tarballName(id, version, t);
    if (mine.includes(want)) findings.pass("target", t, `${want} is in the release`);
    else {
      const noarch = tarballName(id, version, "noarch");
      const fallback = t !== "noarch" && mine.includes(noarch) ? ` (operators on ${t} would get ${noarch} instead)` : "";
      findings.fail(
        "target",
        t,
        "TargetNotFound",
        `${t} is in targets but ${want} is not in the release${fallback}. Available: ${mine.join(", ") || "none"}`
      );
    }
  }
  if (o.targets.length === 0 && mine.length === 0) {
    findings.fail(
      "target",
      o.source.label,
      "TargetNotFound",
      `no ${prefix ?? "<id>-<version>-"}<target>.tar.gz at all: every operator gets TargetNotFound`
    );
  }
  let trust;
  const ctx = {
    source: o.source,
    expected: { id, version },
    requireSignature: o.requireSignature,
    policy: o.policy,
    trust: () => trust ??= loadTrustMaterial(o.trustedRoot)
  };
  const perTarball = await mapLimit(
    mine,
    o.concurrency,
    (n) => checkTarball(ctx, n, n === `${prefix}noarch.tar.gz`)
  );
  for (const f of perTarball) findings.list.push(...f.list);
  if (o.latest)
    await checkLatest(o.latest.api, o.latest.release, findings, {
      latestOptional: o.latest.optional
    });
  const platforms = judgePlatforms(
    platformResults(names, id, version, o.targets),
    findings,
    o.source.label,
    o.targets.length === 0 && mine.length === 0 || id === void 0 || version === void 0
  );
  return report(o, findings, platforms, id, version);
}
function report(o, findings, platforms, id, version) {
  const counts = countChecks(findings.list);
  return {
    ok: counts.fail === 0 && platforms.every((p) => p.status !== "fail"),
    mode: o.source.mode,
    source: o.source.label,
    repo: o.repo,
    tag: o.tag ?? null,
    id: id ?? null,
    version: version ?? null,
    counts,
    checks: findings.list,
    platforms,
    signaturePolicy: {
      identityRegexp: o.policy.pattern ?? o.policy.regexp?.source ?? null,
      issuer: o.policy.issuer,
      trustedRoot: o.trustedRoot.kind === "file" ? o.trustedRoot.path : "public-good (TUF)",
      required: o.requireSignature
    }
  };
}

export {
  verifyRelease
};
