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
  ReleaseError
} from "./chunk-S5POLVOE.js";
import {
  __toESM
} from "./chunk-5ZJU6YLT.js";

// src/plan.ts
var import_semver = __toESM(require_semver(), 1);
import path from "node:path";
var MANIFEST_ASSET = "nexo-plugin.toml";
function profileReleasePlan(ecosystem, config, manifest, tag, own, tagPrerelease) {
  return {
    ecosystem,
    id: manifest.id,
    version: manifest.version,
    tag,
    // Without a tag: a '-' before any build metadata, as SemVer defines a pre-release.
    prerelease: tagPrerelease ?? /^[^+]*-/.test(manifest.version),
    targets: [],
    manifestPath: config.manifestPath,
    distDir: config.distDir,
    ...own
  };
}
function tarballName(id, version, target) {
  return `${id}-${version}-${target}.tar.gz`;
}
function signatureFileName(tarball, kind) {
  return `${tarball}.${kind}`;
}
function resolveBinary(template, id, target) {
  return template.replaceAll("{target}", target).replaceAll("{id}", id);
}
function buildPlan(config, manifest, tag) {
  const { id, version } = manifest;
  const name = (t) => tarballName(id, version, t);
  const targets = config.targets.map((target) => ({
    target,
    tarball: name(target),
    sidecar: `${name(target)}.sha256`,
    binary: path.resolve(config.workingDirectory, resolveBinary(config.binaryTemplate, id, target))
  }));
  for (const { from, to } of config.targetAliases) {
    const source = targets.find((t) => t.target === from && t.aliasOf === void 0);
    if (!source) {
      throw new ReleaseError(
        "USAGE",
        `target-aliases: '${from}=${to}' names '${from}', which is not in targets (${config.targets.join(", ") || "none"}). Add it to targets or remove the alias`
      );
    }
    if (targets.some((t) => t.target === to)) {
      throw new ReleaseError(
        "USAGE",
        `target-aliases: '${to}' is already a target; an alias must name a target that is not built`
      );
    }
    targets.push({
      target: to,
      tarball: name(to),
      sidecar: `${name(to)}.sha256`,
      binary: source.binary,
      aliasOf: from
    });
  }
  return {
    ecosystem: "nexo",
    id,
    version,
    tag,
    prerelease: (import_semver.default.prerelease(version) ?? []).length > 0,
    targets,
    manifestPath: config.manifestPath,
    distDir: config.distDir,
    artifacts: targets.map((t) => ({
      name: t.tarball,
      path: path.join(config.distDir, t.tarball),
      target: t.target
    })),
    nativeFiles: [],
    plainAssets: [
      { name: MANIFEST_ASSET, path: config.manifestPath, contentType: "application/toml" }
    ]
  };
}
function muslWithoutGnu(plan) {
  const names = new Set(plan.targets.map((t) => t.target));
  return plan.targets.filter((t) => t.target.endsWith("-linux-musl") && t.aliasOf === void 0).map((t) => ({ musl: t.target, gnu: t.target.replace(/-musl$/, "-gnu") })).filter(({ gnu }) => !names.has(gnu));
}
function expectedAssets(plan, signatureFiles) {
  const out = plan.plainAssets.map((a) => a.name);
  for (const a of plan.artifacts) {
    out.push(
      a.name,
      `${a.name}.sha256`,
      ...signatureFiles.map((k) => signatureFileName(a.name, k))
    );
  }
  out.push(...plan.nativeFiles);
  return out;
}

export {
  MANIFEST_ASSET,
  profileReleasePlan,
  tarballName,
  buildPlan,
  muslWithoutGnu,
  expectedAssets
};
