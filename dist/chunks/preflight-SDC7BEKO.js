import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  localAssets
} from "./chunk-5TMBTZGF.js";
import "./chunk-2Q7XEPSE.js";
import {
  releaseApiFor
} from "./chunk-5LSITTQY.js";
import "./chunk-4UV453JZ.js";
import "./chunk-BWNOVPOV.js";
import "./chunk-CTM4ZJC7.js";
import "./chunk-BTX45R37.js";
import {
  skipSign
} from "./chunk-T6YJWSDM.js";
import "./chunk-KYD77SP4.js";
import "./chunk-YTGAWYOY.js";
import "./chunk-HQQIT7FK.js";
import "./chunk-UPVXBFI4.js";
import "./chunk-GWJQWK7Z.js";
import "./chunk-2TJC7A4H.js";
import "./chunk-RMI2MBVT.js";
import "./chunk-VK2GVVSJ.js";
import "./chunk-E6E2LMZJ.js";
import {
  ReleaseError,
  isReleaseError
} from "./chunk-S5POLVOE.js";
import "./chunk-5ZJU6YLT.js";

// src/publish/preflight.ts
var WRITE = "`permissions: contents: write`";
function fullName(repo) {
  return `${repo.owner}/${repo.name}`;
}
function status(e) {
  const cause = e.cause;
  return typeof cause?.status === "number" ? cause.status : void 0;
}
function readOnly(repo, how) {
  return new ReleaseError(
    "PREFLIGHT",
    `the token can read ${repo} but cannot write its releases (${how}). Add ${WRITE} to the job (or the workflow), or pass a token that may write releases. Nothing was built or uploaded`
  );
}
var PREFETCH_DELAY_MS = 40;
function prefetch(ctx, api) {
  const { config, state, profile } = ctx;
  const quick = config.command === "upload" || config.command === "publish" && skipSign(ctx) !== void 0;
  if (!quick) return;
  const releases = api.listReleases();
  releases.catch(() => void 0);
  state.releasesPrefetch = releases;
  state.localPrefetch = new Promise((resolve, reject) => {
    setTimeout(() => {
      localAssets(ctx).then(resolve, reject);
      if (config.verify && !config.dryRun) profile.loadVerifier?.().catch(() => void 0);
    }, PREFETCH_DELAY_MS);
  });
  state.localPrefetch.catch(() => void 0);
}
async function preflight(ctx) {
  const { config, reporter } = ctx;
  if (config.repo === void 0) {
    throw new ReleaseError(
      "PREFLIGHT",
      "no repository to release to: set GITHUB_REPOSITORY (the runner does) or pass repo: owner/name"
    );
  }
  const repo = fullName(config.repo);
  if (config.token === "" && !config.dryRun) {
    throw new ReleaseError(
      "PREFLIGHT",
      `no token to write the releases of ${repo}: pass token (the action defaults to \${{ github.token }}, which needs ${WRITE}; the CLI reads GITHUB_TOKEN)`
    );
  }
  const api = releaseApiFor(config, reporter, { needWrite: false });
  prefetch(ctx, api);
  let info;
  try {
    info = await api.getRepository();
  } catch (e) {
    if (status(e) === 404) {
      throw new ReleaseError(
        "PREFLIGHT",
        `repository ${repo} does not exist at ${config.apiUrl}, or this token cannot see it (a private repository needs a token with access to it). Check the repo input (or GITHUB_REPOSITORY) and the token`,
        { cause: e }
      );
    }
    throw e;
  }
  if (info.push === false) throw readOnly(repo, "GitHub reports no push access for it");
  let writable = info.push === true;
  if (info.push === void 0 && config.token !== "" && !config.dryRun && config.tag) {
    try {
      await api.generateNotes(config.tag);
      writable = true;
    } catch (e) {
      if (isReleaseError(e, "AUTH") && status(e) === 403)
        throw readOnly(
          repo,
          "POST releases/generate-notes, which needs that permission, answered 403"
        );
      if (isReleaseError(e, "AUTH") || isReleaseError(e, "NETWORK")) throw e;
    }
  }
  reporter.info(
    `preflight: ${info.fullName} ${writable ? "exists and the token may write its releases" : "exists (write access not confirmed before uploading)"}`
  );
}
var preflightStep = { name: "preflight", run: preflight };
export {
  preflight,
  preflightStep
};
