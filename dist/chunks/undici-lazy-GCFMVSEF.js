import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  require_undici_lazy
} from "./chunk-KYD77SP4.js";
import "./chunk-5ZJU6YLT.js";
export default require_undici_lazy();
