import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);

// src/report.ts
function markdownTable(head, rows) {
  const cell = (s) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
  const line = (r) => `| ${r.map(cell).join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

export {
  markdownTable
};
