import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  markdownTable
} from "./chunk-BCCE4QC5.js";
import {
  formatBytes
} from "./chunk-R5SGE6HV.js";
import "./chunk-5ZJU6YLT.js";

// src/steps/pack.ts
var packStep = {
  name: "pack",
  async run(ctx) {
    const { reporter, profile } = ctx;
    const plan = ctx.state.plan;
    const assets = await profile.pack(ctx);
    if (profile.signNative !== void 0) assets.push(...await profile.signNative(ctx));
    ctx.state.assets = assets;
    reporter.setOutput("assets", JSON.stringify(assets));
    const primary = new Set(plan.artifacts.map((a) => a.name));
    const rows = assets.filter((a) => primary.has(a.name)).map(
      (a) => plan.ecosystem === "nexo" ? [a.name, a.target ?? "", formatBytes(a.size), `\`${a.sha256}\``] : [a.name, formatBytes(a.size), `\`${a.sha256}\``]
    );
    const head = plan.ecosystem === "nexo" ? ["archive", "target", "size", "sha256"] : ["artifact", "size", "sha256"];
    const others = assets.filter((a) => !primary.has(a.name) && !a.name.endsWith(".sha256"));
    reporter.summary(
      `### Packed ${plan.id} ${plan.version}

${markdownTable(head, rows)}
${others.length > 0 ? `
Also written: ${others.map((a) => `\`${a.name}\``).join(", ")}
` : ""}`
    );
  }
};
export {
  packStep
};
