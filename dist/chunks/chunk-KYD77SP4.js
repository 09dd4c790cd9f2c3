import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  __commonJS,
  __require
} from "./chunk-5ZJU6YLT.js";

// scripts/stubs/undici-lazy.cjs
var require_undici_lazy = __commonJS({
  "scripts/stubs/undici-lazy.cjs"(exports, module) {
    var path = __require("node:path");
    var real;
    function load() {
      if (real === void 0) {
        const chunks = path.basename(__dirname) === "chunks" ? __dirname : path.join(__dirname, "chunks");
        real = __require(path.join(chunks, "undici.cjs"));
      }
      return real;
    }
    module.exports = {
      get Agent() {
        return load().Agent;
      },
      get Dispatcher() {
        return load().Dispatcher;
      },
      get ProxyAgent() {
        return load().ProxyAgent;
      },
      get fetch() {
        return load().fetch;
      }
    };
  }
});

export {
  require_undici_lazy
};
