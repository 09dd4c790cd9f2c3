/**
 * Rows 3-8, 10 and 11 of the verify table: the signature record, the digest and signature over
 * the checksum list, the list itself and what it covers, and the signing policy.
 */
import { createHash } from 'node:crypto';
import { ed25519Verify } from '../../crypto/ed25519.ts';
import type { Findings } from '../../verify/report.ts';
import {
  parseSignature,
  parseSums,
  SIGNATURE_PATH,
  SUMS_PATH,
  type SignatureRecord,
} from './integrity.ts';
import { isTrusted, type TrustedKey } from './trust.ts';

export interface PackagePolicy {
  tag: string | undefined;
  trusted: readonly TrustedKey[] | undefined;
  requireSignature: boolean;
}

/** A package opened by row 1. */
export interface Opened {
  /** Readable file entries' bytes, by name. */
  files: Map<string, Buffer>;
  /** Every file entry (readable or not) with its mode facts. */
  entries: { name: string; madeBy: number; unixMode: number }[];
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export function signatureRow(pkg: string, o: Opened, f: Findings): SignatureRecord | undefined {
  const subject = `${pkg}:${SIGNATURE_PATH}`;
  const bytes = o.files.get(SIGNATURE_PATH);
  if (bytes === undefined) {
    f.fail(
      'signature-format',
      subject,
      'BSI_SIGNATURE_FORMAT',
      `${SIGNATURE_PATH} is missing (or unreadable)`,
    );
    return undefined;
  }
  const sig = parseSignature(bytes);
  if ('problem' in sig) {
    f.fail(
      'signature-format',
      subject,
      'BSI_SIGNATURE_FORMAT',
      `${SIGNATURE_PATH}: ${sig.problem}`,
    );
    return undefined;
  }
  f.pass(
    'signature-format',
    subject,
    sig.algorithm === 'ed25519'
      ? `signed form, signer ${sig.signerId}`
      : 'checksum-only form (unsigned)',
  );
  return sig;
}

export function digestAndSignatureRows(
  pkg: string,
  sums: Buffer | undefined,
  sig: SignatureRecord | undefined,
  f: Findings,
) {
  const subject = `${pkg}:${SIGNATURE_PATH}`;
  if (sig === undefined || sums === undefined) {
    const why = sig === undefined ? 'no readable signature.json' : `no readable ${SUMS_PATH}`;
    f.info('signed-digest', subject, `not checked: ${why}`);
    f.info('signature', subject, `not checked: ${why}`);
    return;
  }
  if (sha256(sums) === sig.signedSha256)
    f.pass('signed-digest', subject, `signed_sha256 is the SHA-256 of ${SUMS_PATH}`);
  else
    f.fail(
      'signed-digest',
      subject,
      'BSI_SIGNED_DIGEST_MISMATCH',
      `signed_sha256 ${sig.signedSha256} is not the SHA-256 of ${SUMS_PATH} (${sha256(sums)})`,
    );
  if (sig.algorithm === 'sha256')
    f.info('signature', subject, 'unsigned: no Ed25519 signature to check');
  else if (ed25519Verify(sig.publicKey, sums, sig.signature))
    f.pass('signature', subject, `Ed25519 signature by ${sig.signerId} verifies over ${SUMS_PATH}`);
  else
    f.fail(
      'signature',
      subject,
      'BSI_SIGNATURE_INVALID',
      `the Ed25519 signature does not verify over ${SUMS_PATH} with public_key ${sig.publicKey.toString('base64')}`,
    );
}

export function listRows(pkg: string, o: Opened, sums: Buffer | undefined, f: Findings): void {
  const subject = `${pkg}:${SUMS_PATH}`;
  if (sums === undefined) {
    f.fail('sums', subject, 'BSI_SUMS_INVALID', `${SUMS_PATH} is missing (or unreadable)`);
    f.info('checksums', subject, 'not checked: no list');
    f.info('unlisted', subject, 'not checked: no list');
    return;
  }
  const { lines, problems } = parseSums(sums);
  for (const p of problems) f.fail('sums', subject, 'BSI_SUMS_INVALID', p);
  if (problems.length === 0)
    f.pass('sums', subject, `${lines.length} well-formed lines, sorted, no duplicates`);
  let bad = 0;
  for (const line of lines) {
    const data = o.files.get(line.path);
    if (data === undefined) {
      if (o.entries.some((e) => e.name === line.path)) continue; // row 1 owns an unreadable entry
      bad++;
      f.fail(
        'checksums',
        `${pkg}:${line.path}`,
        'BSI_SUMS_MISSING_FILE',
        `${line.path} is listed but not in the package`,
      );
    } else if (sha256(data) !== line.sha256) {
      bad++;
      f.fail(
        'checksums',
        `${pkg}:${line.path}`,
        'BSI_CHECKSUM_MISMATCH',
        `SHA-256 ${sha256(data)}, listed ${line.sha256}`,
      );
    }
  }
  if (bad === 0) f.pass('checksums', subject, `every listed file is present and matches`);
  const listed = new Set(lines.map((l) => l.path));
  const unlisted = o.entries.filter(
    (e) => !listed.has(e.name) && e.name !== SUMS_PATH && e.name !== SIGNATURE_PATH,
  );
  for (const e of unlisted)
    f.fail(
      'unlisted',
      `${pkg}:${e.name}`,
      'BSI_UNLISTED_FILE',
      `${e.name} is in the package but not in ${SUMS_PATH}`,
    );
  if (unlisted.length === 0) f.pass('unlisted', subject, 'every file in the package is listed');
}

export function trustRows(
  pkg: string,
  sig: SignatureRecord | undefined,
  policy: PackagePolicy,
  f: Findings,
): void {
  const subject = `${pkg}:${SIGNATURE_PATH}`;
  const signed = sig?.algorithm === 'ed25519' ? sig : undefined;
  if (policy.trusted !== undefined) {
    if (signed === undefined)
      f.fail(
        'signer',
        subject,
        'BSI_SIGNER_UNTRUSTED',
        'the package is not signed, and trusted-signing-keys requires a trusted signer',
      );
    else if (isTrusted(policy.trusted, signed.signerId, signed.publicKey))
      f.pass('signer', subject, `signer ${signed.signerId} is trusted`);
    else
      f.fail(
        'signer',
        subject,
        'BSI_SIGNER_UNTRUSTED',
        `signer ${signed.signerId} with key ${signed.publicKey.toString('base64')} is not in trusted-signing-keys`,
      );
  }
  if (signed !== undefined) f.pass('signed', subject, `signed by ${signed.signerId}`);
  else if (policy.requireSignature)
    f.fail(
      'signed',
      subject,
      'BSI_UNSIGNED',
      'unsigned, and require-signature is true: sign with signing-key and signer-id',
    );
  else f.info('signed', subject, 'unsigned');
}
