import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  writesSentBy
} from "./chunk-BWNOVPOV.js";
import {
  expectedAssets
} from "./chunk-GWJQWK7Z.js";
import "./chunk-2TJC7A4H.js";
import "./chunk-S5POLVOE.js";
import "./chunk-5ZJU6YLT.js";

// src/failure.ts
import path from "node:path";
var READ_ONLY = /* @__PURE__ */ new Set(["validate", "pack", "sign", "verify"]);
var NEXT = {
  USAGE: "Fix the input named above; nothing else needs to change.",
  TAG_MISSING: "Pass the tag (`tag: ${{ inputs.tag }}` on workflow_dispatch, `--tag` on the CLI).",
  TAG_INVALID: "Push a tag of the form the ecosystem accepts (e.g. v1.2.3), then rerun.",
  VERSION_MISMATCH: "Make the manifest version and the tag agree (bump one), then rerun.",
  MANIFEST_NOT_FOUND: "Add the manifest, or point `manifest` / `working-directory` at it.",
  MANIFEST_PARSE: "Fix the syntax at the annotated line and column, then rerun.",
  MANIFEST_INVALID: "Fix each annotated problem in the manifest, then rerun.",
  BINARY_MISSING: "Build the binary where `binary` says (or change `binary`), then rerun.",
  AUTH: "Give the job `permissions: contents: write` (or pass a token that has it), then rerun.",
  NETWORK: "Rerun when the network is back: a rerun keeps every asset already uploaded intact and uploads only what is missing.",
  GITHUB_API: "Rerun: a rerun keeps every asset already uploaded intact and uploads only what is missing.",
  INCOMPLETE_RELEASE: "Make sure every build job's dist reaches the publishing job, then rerun: the draft waits.",
  SIGNING_FAILED: "Rerun: nothing unsigned was published.",
  OIDC_UNAVAILABLE: "Add `permissions: id-token: write` to the signing job, then rerun.",
  RELEASE_IMMUTABLE: "Release a new version: bump the manifest and push a new tag.",
  VERIFY_FAILED: "Fix each failing check named above, then rerun: the rerun replaces bad assets."
};
function nextStep(code) {
  return NEXT[code] ?? "Fix what the error names, then rerun: a rerun continues where this stopped.";
}
var within = (ms, p) => Promise.race([
  p,
  new Promise((_, reject) => {
    setTimeout(() => reject(new Error(`no answer within ${ms / 1e3} s`)), ms).unref();
  })
]);
async function onGitHub(config, state) {
  if (READ_ONLY.has(config.command))
    return `nothing changed: \`${config.command}\` does not change GitHub.`;
  if (config.dryRun) return "nothing changed: a dry run changes nothing on GitHub.";
  const tag = state.plan?.tag ?? config.tag;
  if (writesSentBy(config.env) === 0 || config.repo === void 0 || tag === void 0)
    return "nothing changed: the run stopped before it changed anything on GitHub.";
  const expected = state.plan ? expectedAssets(state.plan, config.sign ? config.signatureFiles : []).length : void 0;
  try {
    const { createReleaseApi } = await import("./octokit-KI7C2USU.js");
    const api = createReleaseApi({
      token: config.token,
      apiUrl: config.apiUrl,
      owner: config.repo.owner,
      repo: config.repo.name,
      retry: { attempts: 1, baseMs: 0, maxMs: 0, maxServerWaitMs: 0 },
      env: config.env
    });
    const release = (await within(1e4, api.listReleases())).find((r) => r.tag_name === tag);
    if (release === void 0) return `nothing: there is no release for ${tag}.`;
    const count = (await within(1e4, api.listAssets(release.id))).length;
    const of = expected === void 0 ? `${count}` : `${count} of ${expected}`;
    return release.draft ? `a draft release ${tag} with ${of} assets, invisible to installers until it is published: ${release.html_url}` : `the published release ${tag} with ${of} assets: ${release.html_url}`;
  } catch (e) {
    return `unknown: GitHub could not be asked (${e instanceof Error ? e.message : String(e)}).`;
  }
}
async function failureSummary(error, config, state) {
  const where = (d) => d.location === void 0 ? "" : `${path.relative(process.cwd(), d.location.file) || d.location.file}${d.location.line ? `:${d.location.line}` : ""}${d.location.column ? `:${d.location.column}` : ""}: `;
  const problems = error.diagnostics.length > 0 ? error.diagnostics.map((d) => `- ${where(d)}${d.message}`) : [error.message];
  const github = config === void 0 ? "nothing changed." : await onGitHub(config, state);
  return [
    `### Failed: ${error.code}`,
    "",
    ...problems,
    "",
    `**On GitHub:** ${github}`,
    "",
    `**Next:** ${nextStep(error.code)}`
  ].join("\n");
}
export {
  failureSummary
};
