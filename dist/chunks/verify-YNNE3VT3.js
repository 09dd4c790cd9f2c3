import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  verifyRelease
} from "./chunk-V6ZESWQG.js";
import "./chunk-GV5CYOPD.js";
import "./chunk-R5UGFH74.js";
import "./chunk-IRPAOMK5.js";
import "./chunk-YTGAWYOY.js";
import {
  failureMessage,
  renderReport
} from "./chunk-QDHITNI7.js";
import "./chunk-FJWAMQ2K.js";
import "./chunk-GOFS5DMG.js";
import {
  localSource,
  remoteSource
} from "./chunk-DU3MOISV.js";
import "./chunk-BCCE4QC5.js";
import "./chunk-R5SGE6HV.js";
import "./chunk-IHY5SSPF.js";
import "./chunk-HQQIT7FK.js";
import "./chunk-27FNXXKZ.js";
import "./chunk-O5YLJVZF.js";
import "./chunk-JJKM5RR3.js";
import "./chunk-GWJQWK7Z.js";
import "./chunk-2TJC7A4H.js";
import "./chunk-S5POLVOE.js";
import "./chunk-5ZJU6YLT.js";
export {
  failureMessage,
  localSource,
  remoteSource,
  renderReport,
  verifyRelease
};
