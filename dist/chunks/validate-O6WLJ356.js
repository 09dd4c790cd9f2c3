import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  checkTargetNames
} from "./chunk-VEVHYRHO.js";
import {
  buildPlan,
  profileReleasePlan
} from "./chunk-GWJQWK7Z.js";
import "./chunk-2TJC7A4H.js";
import {
  ReleaseError
} from "./chunk-S5POLVOE.js";
import "./chunk-5ZJU6YLT.js";

// src/steps/validate.ts
import path from "node:path";
var PUBLISHING = /* @__PURE__ */ new Set(["upload", "publish", "all"]);
var validateStep = {
  name: "validate",
  async run(ctx) {
    const { config, reporter, profile } = ctx;
    const tagOptional = config.command === "pack";
    if (config.tag === void 0 && !tagOptional)
      throw new ReleaseError("TAG_MISSING", config.tagHint);
    if (profile.name === "nexo")
      checkTargetNames(
        { targets: config.targets, aliases: config.targetAliases },
        config.allowUnknownTargets
      );
    const tag = config.tag === void 0 ? void 0 : profile.parseTag(config.tag);
    const manifest = await profile.readManifest(config);
    for (const w of manifest.warnings ?? []) reporter.warning(w.message, w.location);
    if (tag !== void 0 && manifest.version !== tag.version) {
      const file = path.basename(config.manifestPath);
      throw new ReleaseError(
        "VERSION_MISMATCH",
        profile.name === "nexo" ? `nexo-plugin.toml version ${manifest.version} != tag ${tag.tag}. Bump [plugin] version to ${tag.version} or tag v${manifest.version}` : `${file} version ${manifest.version} != tag ${tag.tag}. Set the version in ${file} to ${tag.version}, or tag v${manifest.version}`,
        { location: { file: config.manifestPath } }
      );
    }
    const plan = profile.name === "nexo" ? buildPlan(config, manifest, tag?.tag) : profileReleasePlan(
      profile.name,
      config,
      manifest,
      tag?.tag,
      profile.plan(config, manifest),
      tag?.prerelease
    );
    ctx.state.manifest = manifest;
    ctx.state.plan = plan;
    reporter.setOutput("tag", tag?.tag ?? "");
    reporter.setOutput("version", plan.version);
    reporter.setOutput("id", plan.id);
    reporter.setOutput("prerelease", String(plan.prerelease));
    reporter.info(
      `validate: ${profile.name === "nexo" ? "" : `${profile.name} `}${plan.id} ${plan.version}${tag ? ` (tag ${tag.tag})` : " (no tag: using the manifest version)"}${plan.prerelease ? ", pre-release" : ""}`
    );
    if (profile.preflight !== void 0 && PUBLISHING.has(config.command))
      await profile.preflight(ctx);
  }
};
export {
  validateStep
};
