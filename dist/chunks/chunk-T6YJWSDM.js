import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);

// src/steps/gates.ts
import { existsSync } from "node:fs";
function skipSign(ctx) {
  if (!ctx.config.sign) return "sign is not enabled (sign: true turns it on)";
  if (ctx.config.command === "publish" && !existsSync(ctx.config.distDir)) {
    return "no dist here: the build jobs signed and attached their tarballs; publish checks their signature files are on the release";
  }
  return void 0;
}
function skipPublish(ctx) {
  if (ctx.config.dryRun) return "dry run: the plan above is what would be published";
  if (ctx.state.github?.immutableMatch) return "the immutable release already matches";
  return void 0;
}
function skipVerify(ctx) {
  const { config } = ctx;
  if (config.command === "verify") return void 0;
  if (!config.verify) return "verify: false";
  if (config.dryRun) return "dry run: nothing was published to verify";
  if (ctx.state.github === void 0) return "nothing was uploaded";
  return void 0;
}
function skipDestinations(ctx) {
  if ((ctx.profile.destinations ?? []).length === 0) return void 0;
  if (ctx.config.dryRun) return "dry run: nothing is published outside GitHub";
  if (ctx.config.draft) return "the release is left a draft (draft: true)";
  if (ctx.state.github === void 0) return "nothing was uploaded";
  return void 0;
}

export {
  skipSign,
  skipPublish,
  skipVerify,
  skipDestinations
};
