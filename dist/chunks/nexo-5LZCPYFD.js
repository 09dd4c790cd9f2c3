import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  identityPolicy
} from "./chunk-MY5WYYPC.js";
import {
  parseTag
} from "./chunk-X5Z3MYN5.js";
import "./chunk-UPVXBFI4.js";
import {
  nexoManifestReader
} from "./chunk-27FNXXKZ.js";
import {
  trustedRootSource
} from "./chunk-O5YLJVZF.js";
import "./chunk-JJKM5RR3.js";
import {
  buildPlan
} from "./chunk-GWJQWK7Z.js";
import "./chunk-2TJC7A4H.js";
import "./chunk-S5POLVOE.js";
import "./chunk-5ZJU6YLT.js";

// src/ecosystems/nexo/index.ts
var profile = {
  name: "nexo",
  manifestFile: "nexo-plugin.toml",
  consumer: "`nexo plugin install`",
  readManifest: (config) => nexoManifestReader.read(config.manifestPath),
  parseTag,
  plan(config, manifest) {
    const { artifacts, nativeFiles, plainAssets } = buildPlan(config, manifest, void 0);
    return { artifacts, nativeFiles, plainAssets };
  },
  pack: async (...args) => (await import("./pack-DTHMHIQ4.js")).packNexo(...args),
  loadVerifier: () => import("./verify-YNNE3VT3.js"),
  async verify(o) {
    const { verifyRelease } = await import("./verify-YNNE3VT3.js");
    const report = await verifyRelease({
      source: o.source,
      repo: o.repo,
      tag: o.tag,
      targets: o.targets,
      requireSignature: o.config.requireSignature,
      policy: identityPolicy(o.config, o.config.repo),
      trustedRoot: trustedRootSource(o.config.trustedRoot),
      concurrency: o.config.concurrency
    });
    o.findings.list.push(...report.checks);
    return { id: report.id, version: report.version, platforms: report.platforms };
  }
};
export {
  profile
};
