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

// src/publish/summary.ts
function releaseTable(tag, htmlUrl, rows) {
  const cells = rows.map((a) => [
    a.url ? `[${a.name}](${a.url})` : a.name,
    formatBytes(a.size),
    `\`${a.sha256}\``,
    a.action ?? ""
  ]);
  return `### Release [${tag}](${htmlUrl})

${markdownTable(["asset", "size", "sha256", "action"], cells)}
`;
}

export {
  releaseTable
};
