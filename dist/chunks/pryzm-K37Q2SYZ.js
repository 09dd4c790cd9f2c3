import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import "./chunk-5ZJU6YLT.js";

// src/ecosystems/pryzm/index.ts
var profile = void 0;
export {
  profile
};
