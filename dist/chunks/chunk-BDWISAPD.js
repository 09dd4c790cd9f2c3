import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  Findings,
  checkLatest,
  countChecks,
  identityPolicy
} from "./chunk-A7VTKGYG.js";
import {
  trustedRootSource
} from "./chunk-7DQ7ZU3D.js";

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
    if (t.latest)
      await checkLatest(t.latest.api, t.latest.release, findings, {
        latestOptional: t.latest.optional
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

export {
  runVerify
};
