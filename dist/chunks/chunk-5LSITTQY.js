import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  createReleaseApi
} from "./chunk-4UV453JZ.js";
import {
  retryPolicyFromEnv
} from "./chunk-E6E2LMZJ.js";
import {
  ReleaseError
} from "./chunk-S5POLVOE.js";

// src/github/client.ts
function releaseApiFor(config, reporter, opts) {
  if (config.repo === void 0) {
    throw new ReleaseError(
      "USAGE",
      "no repository: set GITHUB_REPOSITORY (the runner does) or pass repo: owner/name"
    );
  }
  if (config.token === "" && opts.needWrite && !config.dryRun) {
    throw new ReleaseError(
      "AUTH",
      "no token: pass token (the action defaults to ${{ github.token }}; the CLI reads GITHUB_TOKEN) with contents: write"
    );
  }
  return createReleaseApi({
    token: config.token,
    apiUrl: config.apiUrl,
    owner: config.repo.owner,
    repo: config.repo.name,
    retry: retryPolicyFromEnv(config.env),
    env: config.env,
    onRetry: (m) => reporter.info(`github: ${m}`)
  });
}

export {
  releaseApiFor
};
