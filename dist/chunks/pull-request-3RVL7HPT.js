import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  openRegistryPullRequest,
  readRepoFile
} from "./chunk-TGM32FL5.js";
import "./chunk-RMI2MBVT.js";
import "./chunk-VK2GVVSJ.js";
import "./chunk-E6E2LMZJ.js";
import "./chunk-S5POLVOE.js";
import "./chunk-5ZJU6YLT.js";
export {
  openRegistryPullRequest,
  readRepoFile
};
