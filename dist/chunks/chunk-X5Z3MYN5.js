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

// src/tag.ts
var import_semver = __toESM(require_semver(), 1);
var TAG_RE = /^v[0-9]+\.[0-9]+\.[0-9]+(-[a-zA-Z0-9.]+)?$/;
function explainTag(tag) {
  if (tag === "") return "it is empty";
  if (/\s/.test(tag)) return "it contains white space";
  if (!tag.startsWith("v")) {
    return /^\d/.test(tag) ? `it needs a leading 'v' (v${tag})` : "it must start with 'v'";
  }
  const body = tag.slice(1);
  if (body.includes("+")) return "build metadata ('+...') is not allowed in release tags";
  const [core = "", ...pre] = body.split("-");
  const parts = core.split(".");
  if (parts.length !== 3) return `it needs three numbers MAJOR.MINOR.PATCH, found ${parts.length}`;
  for (const p of parts) {
    if (!/^\d+$/.test(p)) return `'${p}' is not a number`;
    if (p.length > 1 && p.startsWith("0")) return `'${p}' has a leading zero`;
  }
  if (pre.length > 0) {
    const preRelease = pre.join("-");
    if (pre.length > 1)
      return "the pre-release part may contain only letters, digits and dots (no '-')";
    if (preRelease === "") return "the pre-release part after '-' is empty";
    for (const id of preRelease.split(".")) {
      if (id === "") return `pre-release '${preRelease}' has an empty identifier`;
      if (!/^[a-zA-Z0-9]+$/.test(id))
        return `pre-release identifier '${id}' may contain only letters and digits`;
      if (/^\d+$/.test(id) && id.length > 1 && id.startsWith("0")) {
        return `numeric pre-release identifier '${id}' has a leading zero`;
      }
    }
  }
  if (!TAG_RE.test(tag) || import_semver.default.valid(body) !== body) return "it is not strict SemVer 2.0.0";
  return void 0;
}
function parseTag(tag) {
  const why = explainTag(tag);
  if (why !== void 0) {
    throw new ReleaseError(
      "TAG_INVALID",
      `tag '${tag}' does not match v<semver>: ${why}. Expected v + MAJOR.MINOR.PATCH with an optional -prerelease, e.g. v0.2.0 or v1.0.0-beta.3`
    );
  }
  const version = tag.slice(1);
  return { tag, version, prerelease: (import_semver.default.prerelease(version) ?? []).length > 0 };
}

export {
  explainTag,
  parseTag
};
