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
  signatureFiles
} from "./chunk-6KFOKJA2.js";
import {
  identityPolicy,
  loadTrustMaterial,
  prepareSignatureCheck,
  trustedRootSource
} from "./chunk-IJB4O4V6.js";

// src/verify/sigstore-files.ts
import { createHash } from "node:crypto";
var KINDS = ["sig", "cert", "pem", "bundle", "sigstore.json"];
async function checkSigstoreFiles(config, source, findings) {
  const names = new Set(source.files.map((f) => f.name));
  const artifacts = [...names].filter(
    (n) => names.has(`${n}.sha256`) && KINDS.some((k) => names.has(`${n}.${k}`))
  );
  const root = trustedRootSource(config.trustedRoot);
  let trust;
  for (const name of artifacts) {
    const check = prepareSignatureCheck({
      tarball: name,
      files: await signatureFiles(source, name),
      required: false,
      policy: identityPolicy(config, config.repo),
      trust: () => trust ??= loadTrustMaterial(root),
      findings
    });
    const hash = createHash("sha256");
    for await (const chunk of await source.open(name)) {
      hash.update(chunk);
      for (const s of check.sinks) s.update(chunk);
    }
    await check.finish(hash.digest("hex"));
  }
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
    if (profile.name !== "nexo") await checkSigstoreFiles(config, t.source, findings);
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
