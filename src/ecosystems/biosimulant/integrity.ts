/**
 * The two integrity files of a `.bsiplugin` (ecosystems/biosimulant.md): the checksum list and
 * the signature record, written and read back here so pack and verify share one definition.
 */
import { createHash } from 'node:crypto';
import { parseLocatedJson } from '../../manifest/json-locate.ts';
import { ed25519Sign, PUBLIC_KEY_BYTES, SIGNATURE_BYTES } from '../../crypto/ed25519.ts';
import { SIGNER_ID_RE, type SigningKey } from './signing-key.ts';

export const SUMS_PATH = 'integrity/sha256sums.txt';
export const SIGNATURE_PATH = 'integrity/signature.json';
export const SIGNATURE_FORMAT = 'bsiplugin-signature/1';

/** `<64 lowercase hex>  <path>\n` per file, sorted by path as bytes; `files` are distinct. */
export function sumsText(files: readonly { path: string; sha256: string }[]): Buffer {
  const sorted = [...files].sort((a, b) =>
    Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)),
  );
  return Buffer.from(sorted.map((f) => `${f.sha256}  ${f.path}\n`).join(''), 'utf8');
}

function sha256(b: Uint8Array): string {
  return createHash('sha256').update(b).digest('hex');
}

/** signature.json's exact bytes: 2-space indent, keys in the contract's order, a final LF. */
export function signatureJson(sums: Buffer, key: SigningKey | undefined): Buffer {
  const record = key
    ? {
        format: SIGNATURE_FORMAT,
        algorithm: 'ed25519',
        signer_id: key.signerId,
        public_key: Buffer.from(key.publicKey).toString('base64'),
        signed_file: SUMS_PATH,
        signed_sha256: sha256(sums),
        signature: Buffer.from(ed25519Sign(key.seed, sums)).toString('base64'),
      }
    : {
        format: SIGNATURE_FORMAT,
        algorithm: 'sha256',
        signed_file: SUMS_PATH,
        signed_sha256: sha256(sums),
      };
  return Buffer.from(`${JSON.stringify(record, null, 2)}\n`, 'utf8');
}

export type SignatureRecord =
  | { algorithm: 'sha256'; signedSha256: string }
  | {
      algorithm: 'ed25519';
      signedSha256: string;
      signerId: string;
      publicKey: Buffer;
      signature: Buffer;
    };

const SIGNED_KEYS = [
  'format',
  'algorithm',
  'signer_id',
  'public_key',
  'signed_file',
  'signed_sha256',
  'signature',
];
const UNSIGNED_KEYS = ['format', 'algorithm', 'signed_file', 'signed_sha256'];

/** Reads signature.json: one of the two exact forms (keys, their order, values), or why not. */
export function parseSignature(bytes: Buffer): SignatureRecord | { problem: string } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: 'it is not UTF-8' };
  }
  const parsed = parseLocatedJson(text);
  if ('error' in parsed) {
    const { message, line, column } = parsed.error;
    return { problem: `it is not JSON (${message} at ${line}:${column})` };
  }
  if (parsed.duplicates.length > 0) return { problem: 'it writes a key twice' };
  const doc = parsed.value;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { problem: 'it is not a JSON object' };
  }
  const o = doc as Record<string, unknown>;
  const keys = Object.keys(o).join(',');
  const signed = o['algorithm'] === 'ed25519';
  const expected = signed ? SIGNED_KEYS : UNSIGNED_KEYS;
  if (o['algorithm'] !== 'ed25519' && o['algorithm'] !== 'sha256') {
    return { problem: `algorithm is ${JSON.stringify(o['algorithm'])}, not "ed25519" or "sha256"` };
  }
  if (keys !== expected.join(',')) {
    return {
      problem: `its keys are ${keys || 'none'}; the ${String(o['algorithm'])} form has exactly ${expected.join(', ')} in that order`,
    };
  }
  if (o['format'] !== SIGNATURE_FORMAT) return { problem: `format is not "${SIGNATURE_FORMAT}"` };
  if (o['signed_file'] !== SUMS_PATH) return { problem: `signed_file is not "${SUMS_PATH}"` };
  const digest = o['signed_sha256'];
  if (typeof digest !== 'string' || !/^[0-9a-f]{64}$/.test(digest)) {
    return { problem: 'signed_sha256 is not 64 lowercase hex digits' };
  }
  if (!signed) return { algorithm: 'sha256', signedSha256: digest };
  const signerId = o['signer_id'];
  if (typeof signerId !== 'string' || !SIGNER_ID_RE.test(signerId)) {
    return { problem: `signer_id does not match ${SIGNER_ID_RE.source}` };
  }
  const publicKey = base64(o['public_key'], PUBLIC_KEY_BYTES);
  if (!publicKey) return { problem: 'public_key is not base64 (with padding) of 32 bytes' };
  const signature = base64(o['signature'], SIGNATURE_BYTES);
  if (!signature) return { problem: 'signature is not base64 (with padding) of 64 bytes' };
  return { algorithm: 'ed25519', signedSha256: digest, signerId, publicKey, signature };
}

/** RFC 4648 §4 base64 with padding that decodes to exactly `bytes` bytes. */
export function base64(v: unknown, bytes: number): Buffer | undefined {
  const chars = 4 * Math.ceil(bytes / 3);
  if (typeof v !== 'string' || v.length !== chars || !/^[A-Za-z0-9+/]+={0,2}$/.test(v)) {
    return undefined;
  }
  const b = Buffer.from(v, 'base64');
  return b.length === bytes ? b : undefined;
}

export interface SumsLine {
  sha256: string;
  path: string;
}

/** Reads the checksum list: its lines, and every way it breaks the line format or order. */
export function parseSums(bytes: Buffer): { lines: SumsLine[]; problems: string[] } {
  const problems: string[] = [];
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { lines: [], problems: ['it is not UTF-8'] };
  }
  if (text.startsWith('\ufeff')) problems.push('it starts with a byte order mark');
  if (text === '') problems.push('it is empty');
  else if (!text.endsWith('\n')) problems.push('its last line has no final \\n');
  const lines: SumsLine[] = [];
  const rows = text.split('\n');
  if (rows.at(-1) === '') rows.pop();
  for (const [i, row] of rows.entries()) {
    const m = /^([0-9a-f]{64}) {2}([^\r\n]+)$/.exec(row);
    if (!m) {
      problems.push(
        `line ${i + 1} is not "<64 lowercase hex>  <path>"${row === '' ? ' (a blank line)' : ''}`,
      );
      continue;
    }
    const line = { sha256: m[1]!, path: m[2]! };
    if (line.path === SUMS_PATH || line.path === SIGNATURE_PATH) {
      problems.push(`line ${i + 1} lists ${line.path}, which the list never covers`);
    }
    const prev = lines.at(-1);
    if (prev) {
      const order = Buffer.compare(Buffer.from(prev.path), Buffer.from(line.path));
      if (order === 0) problems.push(`line ${i + 1} lists ${line.path} again`);
      else if (order > 0)
        problems.push(`line ${i + 1} (${line.path}) is out of order: sort by path as bytes`);
    }
    lines.push(line);
  }
  return { lines, problems };
}
