import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  HttpsProxyAgent,
  init_dist3 as init_dist
} from "./chunk-2DQAD33W.js";
import "./chunk-GOFS5DMG.js";
import "./chunk-5ZJU6YLT.js";
init_dist();
export {
  HttpsProxyAgent
};
