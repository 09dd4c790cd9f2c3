import { markdownTable } from '../report.ts';
import type { OperatorCode } from './codes.ts';

/**
 * The verify report: every check with its outcome, what an operator on each common platform
 * gets, and the signature policy used. It is the `report` output (JSON) as is, so its field
 * names are public: add fields, never rename them.
 */
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'info';

export interface CheckResult {
  /** The rule: release, manifest, target, name, sha256, size, gzip, tar, limits, layout,
   * manifest-match, binary, modes, noarch, signature, latest. */
  check: string;
  /** What was checked: an asset name, `<tarball>:<entry>`, or the release. */
  subject: string;
  status: CheckStatus;
  /** The operator-facing name of the problem; set on fail and warn. nexo uses OperatorCode;
   * other profiles use the codes of their contract (e.g. BSI_CHECKSUM_MISMATCH). */
  code?: OperatorCode | (string & {});
  message: string;
}

export interface PlatformResult {
  platform: string;
  target: string;
  /** The asset the installer would download, or null (TargetNotFound). */
  tarball: string | null;
  via: 'exact' | 'noarch' | null;
  /** fail when the target is in `targets`, when the tarball picked fails a check, or when no
   * common platform can install the release; otherwise a missing tarball is information. */
  status: 'pass' | 'fail' | 'info';
  /** TargetNotFound, or the code of the first failed check of the tarball picked. */
  code?: OperatorCode | (string & {});
  /** With TargetNotFound: the `.tar.gz` assets the installer lists. */
  available?: string[];
}

export interface VerifyReport {
  ok: boolean;
  mode: 'remote' | 'local';
  /** `owner/repo@tag` or the artifact directory. */
  source: string;
  /** The profile whose consumer rules were applied, and that consumer, for people. Optional
   * only for reports built before profiles existed (nexo's own verifyRelease). */
  ecosystem?: string;
  consumer?: string;
  /** `local` dist, the `draft` before it went live, or the `published` release. */
  stage?: 'local' | 'draft' | 'published';
  repo: string | null;
  tag: string | null;
  id: string | null;
  version: string | null;
  counts: Record<CheckStatus, number>;
  checks: CheckResult[];
  platforms: PlatformResult[];
  signaturePolicy: {
    identityRegexp: string | null;
    issuer: string;
    trustedRoot: string;
    required: boolean;
  };
}

/** Collects check results in the order they are made. */
export class Findings {
  readonly list: CheckResult[] = [];

  pass(check: string, subject: string, message: string): void {
    this.list.push({ check, subject, status: 'pass', message });
  }
  fail(check: string, subject: string, code: OperatorCode | (string & {}), message: string): void {
    this.list.push({ check, subject, status: 'fail', code, message });
  }
  warn(check: string, subject: string, code: OperatorCode | (string & {}), message: string): void {
    this.list.push({ check, subject, status: 'warn', code, message });
  }
  info(check: string, subject: string, message: string): void {
    this.list.push({ check, subject, status: 'info', message });
  }
  failed(subject?: string): boolean {
    return this.list.some(
      (c) => c.status === 'fail' && (subject === undefined || c.subject === subject),
    );
  }
}

export function countChecks(checks: readonly CheckResult[]): Record<CheckStatus, number> {
  const counts: Record<CheckStatus, number> = { pass: 0, fail: 0, warn: 0, info: 0 };
  for (const c of checks) counts[c.status]++;
  return counts;
}

function resultCell(c: { status: string; code?: string }): string {
  const label = { pass: 'pass', fail: '**FAIL**', warn: 'warning', info: 'info' }[c.status];
  return c.code ? `${label} \`${c.code}\`` : (label ?? c.status);
}

/** The job summary / terminal rendering. */
export function renderReport(r: VerifyReport): string {
  const what = r.id ? `${r.id} ${r.version ?? ''}`.trim() : r.source;
  const verdict = r.ok ? 'passed' : '**FAILED**';
  const consumer = r.consumer ?? '`nexo plugin install`';
  const where =
    r.stage === 'draft'
      ? `Draft release ${r.source}, checked as ${consumer} will check it, before it goes live`
      : r.mode === 'remote'
        ? `Release ${r.source}, fetched as ${consumer} fetches it`
        : `Artifacts in ${r.source}, before publishing`;
  const head = `### Verify ${what}: ${verdict}\n\n${where}. ${r.counts.pass} passed, ${r.counts.fail} failed, ${r.counts.warn} warnings.`;
  const rows = r.checks.map((c) => [c.check, c.subject, resultCell(c), c.message]);
  const platforms = r.platforms.map((p) => [
    p.platform,
    p.target,
    p.tarball ?? `none: \`TargetNotFound\`, available: ${(p.available ?? []).join(', ') || 'none'}`,
    resultCell(p),
  ]);
  const parts = [head, markdownTable(['check', 'subject', 'result', 'detail'], rows)];
  if (r.platforms.length > 0)
    parts.push(
      `#### What ${consumer} picks on each platform`,
      markdownTable(['platform', 'target', 'tarball', 'result'], platforms),
    );
  return parts.join('\n\n');
}

/** The VERIFY_FAILED message: each failing check's operator code and subject. */
export function failureMessage(r: VerifyReport): string {
  // Every failed platform row has a failed check behind it (its target, its tarball's checks, or
  // the release-wide `platforms` check), so the checks alone say everything.
  const failed = r.checks.filter((c) => c.status === 'fail');
  const items = failed.map((c) => `${c.code} ${c.subject}: ${c.message}`);
  return `${items.length} check${items.length === 1 ? '' : 's'} of ${r.source} failed the way ${r.consumer ?? '`nexo plugin install`'} would fail: ${items.join('; ')}`;
}
