import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  markdownTable
} from "./chunk-BCCE4QC5.js";

// src/verify/report.ts
var Findings = class {
  list = [];
  pass(check, subject, message) {
    this.list.push({ check, subject, status: "pass", message });
  }
  fail(check, subject, code, message) {
    this.list.push({ check, subject, status: "fail", code, message });
  }
  warn(check, subject, code, message) {
    this.list.push({ check, subject, status: "warn", code, message });
  }
  info(check, subject, message) {
    this.list.push({ check, subject, status: "info", message });
  }
  failed(subject) {
    return this.list.some(
      (c) => c.status === "fail" && (subject === void 0 || c.subject === subject)
    );
  }
};
function countChecks(checks) {
  const counts = { pass: 0, fail: 0, warn: 0, info: 0 };
  for (const c of checks) counts[c.status]++;
  return counts;
}
function resultCell(c) {
  const label = { pass: "pass", fail: "**FAIL**", warn: "warning", info: "info" }[c.status];
  return c.code ? `${label} \`${c.code}\`` : label ?? c.status;
}
function renderReport(r) {
  const what = r.id ? `${r.id} ${r.version ?? ""}`.trim() : r.source;
  const verdict = r.ok ? "passed" : "**FAILED**";
  const consumer = r.consumer ?? "`nexo plugin install`";
  const where = r.stage === "draft" ? `Draft release ${r.source}, checked as ${consumer} will check it, before it goes live` : r.mode === "remote" ? `Release ${r.source}, fetched as ${consumer} fetches it` : `Artifacts in ${r.source}, before publishing`;
  const head = `### Verify ${what}: ${verdict}

${where}. ${r.counts.pass} passed, ${r.counts.fail} failed, ${r.counts.warn} warnings.`;
  const rows = r.checks.map((c) => [c.check, c.subject, resultCell(c), c.message]);
  const platforms = r.platforms.map((p) => [
    p.platform,
    p.target,
    p.tarball ?? `none: \`TargetNotFound\`, available: ${(p.available ?? []).join(", ") || "none"}`,
    resultCell(p)
  ]);
  const parts = [head, markdownTable(["check", "subject", "result", "detail"], rows)];
  if (r.platforms.length > 0)
    parts.push(
      `#### What ${consumer} picks on each platform`,
      markdownTable(["platform", "target", "tarball", "result"], platforms)
    );
  return parts.join("\n\n");
}
function failureMessage(r) {
  const failed = r.checks.filter((c) => c.status === "fail");
  const items = failed.map((c) => `${c.code} ${c.subject}: ${c.message}`);
  return `${items.length} check${items.length === 1 ? "" : "s"} of ${r.source} failed the way ${r.consumer ?? "`nexo plugin install`"} would fail: ${items.join("; ")}`;
}

export {
  Findings,
  countChecks,
  renderReport,
  failureMessage
};
