import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);

// src/sign/trust-source.ts
function trustedRootSource(path) {
  return path ? { kind: "file", path } : { kind: "public-good" };
}

export {
  trustedRootSource
};
