import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  GITHUB_OIDC_ISSUER,
  SIGNATURE_FILE_KINDS
} from "./chunk-UPVXBFI4.js";
import {
  ReleaseError
} from "./chunk-S5POLVOE.js";

// src/sign/identity.ts
var DEFAULT_SERVER_URL = "https://github.com";
function serverURL(env) {
  return (env.GITHUB_SERVER_URL || DEFAULT_SERVER_URL).replace(/\/+$/, "");
}
function expectedIdentity(env) {
  const workflowRef = env.GITHUB_WORKFLOW_REF;
  if (!workflowRef) {
    throw new ReleaseError(
      "OIDC_UNAVAILABLE",
      "GITHUB_WORKFLOW_REF is not set: keyless signing needs a GitHub Actions workflow run"
    );
  }
  return { subjectAlternativeName: `${serverURL(env)}/${workflowRef}`, issuer: GITHUB_OIDC_ISSUER };
}
function identityFromClaims(claims, env) {
  const jobWorkflowRef = claims.job_workflow_ref;
  if (typeof jobWorkflowRef !== "string" || jobWorkflowRef === "") return expectedIdentity(env);
  return {
    subjectAlternativeName: `${serverURL(env)}/${jobWorkflowRef}`,
    issuer: typeof claims.iss === "string" && claims.iss !== "" ? claims.iss : GITHUB_OIDC_ISSUER
  };
}
function escapeRegExp(text) {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, "\\$&");
}
function identityRegexp(identity) {
  const san = identity.subjectAlternativeName;
  const at = san.lastIndexOf("@refs/tags/");
  if (at < 0) return `^${escapeRegExp(san)}$`;
  return `^${escapeRegExp(san.slice(0, at))}@refs/tags/v.*$`;
}
function pinnedRegexp(pin) {
  return "identityRegexp" in pin ? pin.identityRegexp : identityRegexp(pin);
}
function tomlBasicString(text) {
  return JSON.stringify(text);
}
function tomlString(text) {
  return /^[^'\p{Cc}]*$/u.test(text) ? `'${text}'` : tomlBasicString(text);
}
function trustedKeysEntry(identity, repo) {
  const owner = /^([^/\s]+)\/[^/\s]+$/.exec(repo)?.[1];
  if (!owner) throw new ReleaseError("USAGE", `repository '${repo}' is not in owner/name form`);
  return [
    "[[authors]]",
    `owner = ${tomlBasicString(owner)}`,
    `identity_regexp = ${tomlString(pinnedRegexp(identity))}`,
    `oidc_issuer = ${tomlBasicString(identity.issuer)}`,
    ""
  ].join("\n");
}
function shellQuote(arg) {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
function cosignCommand(identity, tarballName, files = SIGNATURE_FILE_KINDS) {
  const args = ["cosign", "verify-blob"];
  const cert = files.includes("pem") ? "pem" : files.includes("cert") ? "cert" : void 0;
  if (files.includes("sig") && cert) {
    args.push("--signature", `${tarballName}.sig`, "--certificate", `${tarballName}.${cert}`);
    if (files.includes("bundle")) args.push("--bundle", `${tarballName}.bundle`);
  } else if (files.includes("sigstore.json")) {
    args.push("--bundle", `${tarballName}.sigstore.json`);
  } else if (files.includes("bundle")) {
    args.push("--bundle", `${tarballName}.bundle`);
  }
  args.push(
    "--certificate-identity-regexp",
    pinnedRegexp(identity),
    "--certificate-oidc-issuer",
    identity.issuer,
    tarballName
  );
  return args.map(shellQuote).join(" ");
}

// src/verify/policy.ts
function defaultIdentityRegexp(serverUrl, repo) {
  const base = `${serverUrl.replace(/\/+$/, "")}/${repo.owner}/${repo.name}/.github/workflows/`;
  return `^${escapeRegExp(base)}.+$`;
}
function identityPolicy(config, repo) {
  const issuer = config.certificateOidcIssuer;
  const source = config.certificateIdentityRegexp ?? (repo === void 0 ? void 0 : defaultIdentityRegexp(config.serverUrl, repo));
  if (source === void 0) {
    return {
      regexp: void 0,
      issuer,
      missing: "no identity to check the signature against: pass certificate-identity-regexp (or set GITHUB_REPOSITORY, whose workflows are the default)"
    };
  }
  try {
    return { regexp: new RegExp(source), pattern: source, issuer };
  } catch (e) {
    throw new ReleaseError(
      "USAGE",
      `certificate-identity-regexp '${source}' is not a regular expression: ${e.message}`
    );
  }
}

export {
  expectedIdentity,
  identityFromClaims,
  identityRegexp,
  trustedKeysEntry,
  cosignCommand,
  identityPolicy
};
