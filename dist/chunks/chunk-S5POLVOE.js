import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);

// src/errors.ts
var ReleaseError = class extends Error {
  code;
  location;
  /** Further problems reported with this one; each becomes its own annotation. */
  diagnostics;
  constructor(code, message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = "ReleaseError";
    this.code = code;
    this.location = options.location;
    this.diagnostics = options.diagnostics ?? [];
  }
};
function isReleaseError(e, code) {
  return e instanceof ReleaseError && (code === void 0 || e.code === code);
}

export {
  ReleaseError,
  isReleaseError
};
