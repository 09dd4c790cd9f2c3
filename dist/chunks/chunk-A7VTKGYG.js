import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  escapeRegExp
} from "./chunk-7DQ7ZU3D.js";
import {
  markdownTable
} from "./chunk-JYHRUCUN.js";
import {
  require_semver
} from "./chunk-2TJC7A4H.js";
import {
  ReleaseError
} from "./chunk-S5POLVOE.js";
import {
  __toESM
} from "./chunk-5ZJU6YLT.js";

// src/verify/report.ts
var Findings = class {
  list = [];
  pass(check, subject, message) {
    this.list.push({ check, subject, status: "pass", message });
  }
  fail(check, subject, code, message) {
    this.list.push({ check, subject, status: "fail", code, message });
  }
  warn(check, subject, code, message) {
    this.list.push({ check, subject, status: "warn", code, message });
  }
  info(check, subject, message) {
    this.list.push({ check, subject, status: "info", message });
  }
  failed(subject) {
    return this.list.some(
      (c) => c.status === "fail" && (subject === void 0 || c.subject === subject)
    );
  }
};
function countChecks(checks) {
  const counts = { pass: 0, fail: 0, warn: 0, info: 0 };
  for (const c of checks) counts[c.status]++;
  return counts;
}
function resultCell(c) {
  const label = { pass: "pass", fail: "**FAIL**", warn: "warning", info: "info" }[c.status];
  return c.code ? `${label} \`${c.code}\`` : label ?? c.status;
}
function renderReport(r) {
  const what = r.id ? `${r.id} ${r.version ?? ""}`.trim() : r.source;
  const verdict = r.ok ? "passed" : "**FAILED**";
  const consumer = r.consumer ?? "`nexo plugin install`";
  const where = r.stage === "draft" ? `Draft release ${r.source}, checked as ${consumer} will check it, before it goes live` : r.mode === "remote" ? `Release ${r.source}, fetched as ${consumer} fetches it` : `Artifacts in ${r.source}, before publishing`;
  const head = `### Verify ${what}: ${verdict}

${where}. ${r.counts.pass} passed, ${r.counts.fail} failed, ${r.counts.warn} warnings.`;
  const rows = r.checks.map((c) => [c.check, c.subject, resultCell(c), c.message]);
  const platforms = r.platforms.map((p) => [
    p.platform,
    p.target,
    p.tarball ?? `none: \`TargetNotFound\`, available: ${(p.available ?? []).join(", ") || "none"}`,
    resultCell(p)
  ]);
  const parts = [head, markdownTable(["check", "subject", "result", "detail"], rows)];
  if (r.platforms.length > 0)
    parts.push(
      `#### What ${consumer} picks on each platform`,
      markdownTable(["platform", "target", "tarball", "result"], platforms)
    );
  return parts.join("\n\n");
}
function failureMessage(r) {
  const failed = r.checks.filter((c) => c.status === "fail");
  const items = failed.map((c) => `${c.code} ${c.subject}: ${c.message}`);
  return `${items.length} check${items.length === 1 ? "" : "s"} of ${r.source} failed the way ${r.consumer ?? "`nexo plugin install`"} would fail: ${items.join("; ")}`;
}

// src/verify/policy.ts
function defaultIdentityRegexp(serverUrl, repo) {
  const base = `${serverUrl.replace(/\/+$/, "")}/${repo.owner}/${repo.name}/.github/workflows/`;
  return `^${escapeRegExp(base)}.+$`;
}
function identityPolicy(config, repo) {
  const issuer = config.certificateOidcIssuer;
  const source = config.certificateIdentityRegexp ?? (repo === void 0 ? void 0 : defaultIdentityRegexp(config.serverUrl, repo));
  if (source === void 0) {
    return {
      regexp: void 0,
      issuer,
      missing: "no identity to check the signature against: pass certificate-identity-regexp (or set GITHUB_REPOSITORY, whose workflows are the default)"
    };
  }
  try {
    return { regexp: new RegExp(source), pattern: source, issuer };
  } catch (e) {
    throw new ReleaseError(
      "USAGE",
      `certificate-identity-regexp '${source}' is not a regular expression: ${e.message}`
    );
  }
}

// src/verify/latest.ts
var import_semver = __toESM(require_semver(), 1);
function versionOf(r) {
  const v = r.tag_name.replace(/^v+/, "");
  return import_semver.default.parse(v)?.version === v ? v : null;
}
async function checkLatest(api, release, findings, opts) {
  const [releases, latest] = await Promise.all([api.listReleases(), api.getLatestRelease()]);
  const subject = release.tag_name;
  const mine = versionOf(release);
  const full = releases.filter((r) => !r.draft && !r.prerelease && r.id !== release.id).map(versionOf).filter((v) => v !== null);
  const highest = full.reduce(
    (a, v) => a === null || import_semver.default.gt(v, a) ? v : a,
    null
  );
  const latestTag = latest ? latest.tag_name : "no release";
  const isLatest = latest?.id === release.id;
  if (release.draft || release.prerelease || mine === null) {
    const why = release.draft ? "a draft" : release.prerelease ? "a pre-release" : "not v<semver>";
    if (isLatest)
      findings.warn(
        "latest",
        subject,
        "LatestMismatch",
        `latest resolves to this release although it is ${why}`
      );
    else
      findings.info(
        "latest",
        subject,
        `not latest, as expected for ${why}; latest is ${latestTag}`
      );
    return;
  }
  const should = highest === null || import_semver.default.gte(mine, highest);
  if (should && isLatest) {
    findings.pass(
      "latest",
      subject,
      "latest resolves to this release, the highest published version"
    );
  } else if (should) {
    const level = opts.latestOptional ? "warn" : "fail";
    findings[level](
      "latest",
      subject,
      "LatestMismatch",
      `this is the highest published version, but latest resolves to ${latestTag}: \`nexo plugin install\` without a tag installs that instead. Mark this release as latest (make-latest: true)`
    );
  } else if (isLatest) {
    findings.warn(
      "latest",
      subject,
      "LatestMismatch",
      `latest resolves to this release, but v${highest} is higher: installs without a tag get this older version`
    );
  } else {
    findings.info("latest", subject, `not latest, as expected: v${highest} is higher`);
  }
}

export {
  checkLatest,
  Findings,
  countChecks,
  renderReport,
  failureMessage,
  identityPolicy
};
