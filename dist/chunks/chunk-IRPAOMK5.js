import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  require_semver
} from "./chunk-2TJC7A4H.js";
import {
  __toESM
} from "./chunk-5ZJU6YLT.js";

// src/verify/latest.ts
var import_semver = __toESM(require_semver(), 1);
function versionOf(r) {
  const v = r.tag_name.replace(/^v+/, "");
  return import_semver.default.parse(v)?.version === v ? v : null;
}
async function checkLatest(api, release, findings, opts) {
  const known = opts.known;
  const [releases, latest] = await Promise.all([
    known?.releases ?? api.listReleases(),
    known?.latest !== void 0 ? known.latest.release : api.getLatestRelease()
  ]);
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
  checkLatest
};
