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
function inline(s) {
  return s.replace(/\\\|/g, "|").replace(/`([^`]*)`/g, "$1").replace(/\*\*([^*]+)\*\*/g, "$1").replace(
    /\[([^\]]+)\]\(([^)]+)\)/g,
    (_m, text, url) => text === url ? url : `${text} (${url})`
  );
}
function splitRow(line) {
  const body = line.trim().replace(/^\|/, "").replace(/(?<!\\)\|$/, "");
  return body.split(/(?<!\\)\|/).map((c) => inline(c.trim()));
}
function textTable(rows) {
  const cols = Math.max(...rows.map((r) => r.length));
  const len = (s) => [...s].length;
  const widths = Array.from(
    { length: cols },
    (_, i) => Math.max(...rows.map((r) => len(r[i] ?? "")))
  );
  const line = (r) => widths.map((w, i) => (r[i] ?? "") + " ".repeat(w - len(r[i] ?? ""))).join("  ").trimEnd();
  const [head = [], ...body] = rows;
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)];
}
function markdownToText(md) {
  const out = [];
  const lines = md.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim().startsWith("|")) {
      const rows = [];
      for (; i < lines.length && lines[i].trim().startsWith("|"); i++) {
        const row = splitRow(lines[i]);
        if (!row.every((c) => /^:?-{3,}:?$/.test(c))) rows.push(row);
      }
      i--;
      out.push(...textTable(rows));
    } else out.push(inline(line.replace(/^#{1,6}\s+/, "")));
  }
  return out.join("\n");
}

export {
  markdownTable,
  markdownToText
};
