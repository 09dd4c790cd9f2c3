import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import "./chunk-5ZJU6YLT.js";

// src/steps/destinations.ts
var destinationsStep = {
  name: "destinations",
  async run(ctx) {
    for (const d of ctx.profile.destinations ?? []) {
      const why = d.skip(ctx);
      if (why !== void 0) {
        ctx.reporter.info(`${d.name}: skipped, ${why}`);
        continue;
      }
      await d.run(ctx);
    }
  }
};
export {
  destinationsStep
};
