import { open, readFile } from 'node:fs/promises';

/**
 * What an Osaurus bundle may not carry, and the limits of the installer's extractor
 * (`BoundedArchiveExtractor.swift`, policy `.plugin`). `pack` refuses a bundle that breaks any of
 * them; `verify` checks the same on a published zip.
 */
export const EXTRACTOR = {
  archiveBytes: 256 * 1024 * 1024,
  expandedBytes: 1024 * 1024 * 1024,
  entries: 20_000,
  pathBytes: 1024,
  depth: 32,
  componentBytes: 255,
  ratio: 200,
  ratioMinBytes: 4 * 1024 * 1024,
} as const;

const SOURCE_EXT = ['.swift', '.rs', '.c', '.h', '.m', '.mm', '.cpp', '.ts'];
const SECRET_EXT = ['.pem', '.p12', '.key'];

/** Why a file may not ship because of its name, or undefined. */
export function nameRefusal(archivePath: string): string | undefined {
  const parts = archivePath.replace(/\/$/, '').split('/');
  const base = parts.at(-1)!.toLowerCase();
  if (base.startsWith('.env')) return 'a secret (.env file)';
  if (parts.some((p) => p.startsWith('.'))) return 'hidden';
  const ext = SOURCE_EXT.find((e) => base.endsWith(e));
  if (ext !== undefined && !archivePath.endsWith('/')) return `source code (${ext})`;
  const secret = SECRET_EXT.find((e) => base.endsWith(e));
  if (secret !== undefined && !archivePath.endsWith('/')) return `a secret (${secret})`;
  return undefined;
}

// Foundation's controlCharacters (categories Cc and Cf, which hold the bidirectional controls)
// and newlines.
const UNSAFE_TEXT = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** The extractor's `validatedPath` (syntax and sizes) for an entry path; problems as text. */
export function pathProblems(archivePath: string): string[] {
  const out: string[] = [];
  if (archivePath.startsWith('/') || archivePath.includes('\\') || UNSAFE_TEXT.test(archivePath)) {
    out.push('unsafe path syntax (absolute, a backslash, or a control or bidirectional character)');
  }
  if (Buffer.byteLength(archivePath) > EXTRACTOR.pathBytes)
    out.push(`path longer than ${EXTRACTOR.pathBytes} UTF-8 bytes`);
  const parts = archivePath.replace(/\/$/, '').split('/');
  if (parts.length > EXTRACTOR.depth) out.push(`deeper than ${EXTRACTOR.depth} levels`);
  if (parts.some((p) => p === '' || p === '.' || p === '..'))
    out.push('an empty, . or .. path component');
  if (parts.some((p) => Buffer.byteLength(p) > EXTRACTOR.componentBytes))
    out.push(`a path component longer than ${EXTRACTOR.componentBytes} UTF-8 bytes`);
  if ([...(parts[0] ?? '')][1] === ':') out.push('a drive-qualified first component');
  return out;
}

/** The extractor's collision key: each component NFC-normalised and lowercased. */
export function collisionKey(archivePath: string): string {
  return archivePath
    .replace(/\/$/, '')
    .split('/')
    .map((p) => p.normalize('NFC').toLowerCase())
    .join('/');
}

const MARK = Buffer.from('PRIVATE KEY-----');
const BLOCK = /-----BEGIN ([A-Z0-9 ]{0,40})PRIVATE KEY-----[\s\S]*?-----END \1PRIVATE KEY-----/;

/** True when `bytes` hold a PEM `PRIVATE KEY` block: a BEGIN line and its END line. */
export function hasKeyBlock(bytes: Buffer): boolean {
  return bytes.includes(MARK) && BLOCK.test(bytes.toString('latin1'));
}

/**
 * True when the file holds a PEM `PRIVATE KEY` block (any kind: RSA, EC, OPENSSH, ENCRYPTED,
 * ...). A native search for the marker runs over overlapping chunks, so a large library is
 * scanned at memory speed without being held whole; only a file that holds the marker is read
 * whole to match the block.
 */
export async function holdsPrivateKey(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(4 * 1024 * 1024);
    for (let position = 0; ;) {
      const { bytesRead } = await handle.read(buf, 0, buf.length, position);
      if (bytesRead < MARK.length) return false;
      if (buf.subarray(0, bytesRead).includes(MARK)) break;
      if (bytesRead < buf.length) return false;
      position += bytesRead - MARK.length + 1;
    }
  } finally {
    await handle.close();
  }
  return hasKeyBlock(await readFile(file));
}
