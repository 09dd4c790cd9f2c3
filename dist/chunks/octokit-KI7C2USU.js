import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  createReleaseApi
} from "./chunk-4UV453JZ.js";
import "./chunk-BWNOVPOV.js";
import "./chunk-CTM4ZJC7.js";
import "./chunk-BTX45R37.js";
import "./chunk-KYD77SP4.js";
import "./chunk-RMI2MBVT.js";
import "./chunk-VK2GVVSJ.js";
import "./chunk-E6E2LMZJ.js";
import "./chunk-S5POLVOE.js";
import "./chunk-5ZJU6YLT.js";
export {
  createReleaseApi
};
