/**
 * The verify table of ecosystems/biosimulant.md, one package at a time. Every row runs and
 * reports, in the table's order, so the first failing row is the run's code:
 *
 *  1 BSI_ARCHIVE_UNSAFE  2 BSI_MANIFEST_INVALID  3 BSI_SIGNATURE_FORMAT
 *  4 BSI_SIGNED_DIGEST_MISMATCH  5 BSI_SIGNATURE_INVALID  6 BSI_SUMS_INVALID
 *  7 BSI_SUMS_MISSING_FILE, BSI_CHECKSUM_MISMATCH  8 BSI_UNLISTED_FILE  9 BSI_MODE
 *  10 BSI_SIGNER_UNTRUSTED  11 BSI_UNSIGNED
 *
 * A row whose input is missing or unreadable (the list absent, an entry that does not inflate)
 * says so as information; the row that owns the defect fails.
 */
import { readZip } from '../../archive/zip-read.ts';
import type { Findings } from '../../verify/report.ts';
import { SIGNATURE_PATH, SUMS_PATH } from './integrity.ts';
import { checkManifest, MANIFEST_FILE, type BsiManifest } from './manifest.ts';
import { modeFor } from './pack.ts';
import { packageName } from './plan.ts';
import {
  digestAndSignatureRows,
  listRows,
  signatureRow,
  trustRows,
  type Opened,
  type PackagePolicy,
} from './verify-integrity.ts';

export type { PackagePolicy } from './verify-integrity.ts';

function archiveRow(pkg: string, bytes: Buffer, f: Findings): Opened {
  const zip = readZip(bytes);
  const files = new Map<string, Buffer>();
  const problems = zip.problems.map((p) => ({ subject: p.name ?? '', message: p.message }));
  for (const e of zip.entries) {
    if (e.isDirectory) continue;
    try {
      files.set(e.name, zip.readEntry(e));
    } catch (err) {
      problems.push({ subject: e.name, message: (err as Error).message });
    }
  }
  for (const p of problems) {
    f.fail('archive', p.subject ? `${pkg}:${p.subject}` : pkg, 'BSI_ARCHIVE_UNSAFE', p.message);
  }
  if (problems.length === 0) {
    f.pass(
      'archive',
      pkg,
      `${zip.entries.length} entries, safe paths, every entry inflates to its size and CRC-32`,
    );
  }
  const entries = zip.entries
    .filter((e) => !e.isDirectory)
    .map((e) => ({ name: e.name, madeBy: e.versionMadeBy >> 8, unixMode: e.unixMode }));
  return { files, entries };
}

function manifestRow(
  pkg: string,
  o: Opened,
  policy: PackagePolicy,
  f: Findings,
): BsiManifest | undefined {
  const fail = (subject: string, message: string) =>
    f.fail('manifest', subject, 'BSI_MANIFEST_INVALID', message);
  const bytes = o.files.get(MANIFEST_FILE);
  if (bytes === undefined) {
    fail(pkg, `${MANIFEST_FILE} is missing at the package root (or unreadable)`);
    return undefined;
  }
  const subject = `${pkg}:${MANIFEST_FILE}`;
  const check = checkManifest(bytes, subject);
  for (const d of check.diagnostics)
    fail(subject, `${d.location?.line}:${d.location?.column}: ${d.message}`);
  const m = check.manifest;
  if (m === undefined) return undefined;
  const problems: string[] = [];
  const entry = m.entrypoint;
  if (!o.entries.some((e) => e.name === entry) || entry === SUMS_PATH || entry === SIGNATURE_PATH) {
    problems.push(`"entrypoint" ${JSON.stringify(entry)} is not a file in the package`);
  }
  if (policy.tag !== undefined && policy.tag !== `v${m.version}`) {
    problems.push(
      `version ${m.version} does not match the tag ${policy.tag} (expected v${m.version})`,
    );
  }
  const expected = packageName(m.id, m.version);
  if (pkg !== expected)
    problems.push(`the package is named ${pkg}; for this manifest it is ${expected}`);
  for (const p of problems) fail(subject, p);
  if (check.diagnostics.length === 0 && problems.length === 0) {
    f.pass('manifest', subject, `${m.id} ${m.version}, entrypoint ${entry}`);
  }
  return m;
}

function modeRow(pkg: string, o: Opened, f: Findings): void {
  let bad = 0;
  for (const e of o.entries) {
    const want = 0o100000 | modeFor(e.name);
    if (e.madeBy !== 3) {
      bad++;
      f.fail(
        'modes',
        `${pkg}:${e.name}`,
        'BSI_MODE',
        `version made by is not Unix (host ${e.madeBy}), so it carries no Unix mode`,
      );
    } else if (e.unixMode !== want) {
      bad++;
      f.fail(
        'modes',
        `${pkg}:${e.name}`,
        'BSI_MODE',
        `mode ${e.unixMode.toString(8)}, expected ${want.toString(8)}`,
      );
    }
  }
  if (bad === 0)
    f.pass('modes', pkg, 'made on Unix; bin/ and runtime/ files 0755, all others 0644');
}

/** Runs every row over one package's bytes; returns its manifest when it could be read. */
export function verifyPackage(
  pkg: string,
  bytes: Buffer,
  policy: PackagePolicy,
  f: Findings,
): BsiManifest | undefined {
  const opened = archiveRow(pkg, bytes, f);
  const manifest = manifestRow(pkg, opened, policy, f);
  const sig = signatureRow(pkg, opened, f);
  const sums = opened.files.get(SUMS_PATH);
  digestAndSignatureRows(pkg, sums, sig, f);
  listRows(pkg, opened, sums, f);
  modeRow(pkg, opened, f);
  trustRows(pkg, sig, policy, f);
  return manifest;
}
