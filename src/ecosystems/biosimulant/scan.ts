/**
 * One read of each payload file: its SHA-256 (the line in integrity/sha256sums.txt), its
 * CRC-32 and size (held against what the ZIP writer read, so a file that changed between the
 * two reads is caught), and whether it holds a PEM private key block, which is refused.
 */
import { createHash } from 'node:crypto';
import { forEachChunk } from '../../hash.ts';
import zlib from 'node:zlib';

export interface FileScan {
  size: number;
  sha256: string;
  crc32: number;
  /** The PEM label found, e.g. "RSA PRIVATE KEY", or undefined. */
  privateKey: string | undefined;
}

/** `-----BEGIN PRIVATE KEY-----`, `-----BEGIN OPENSSH PRIVATE KEY-----`, ... */
const PRIVATE_KEY = /-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY)-----/;
/** Bytes of one chunk kept in front of the next, so a marker split across reads is found. */
const OVERLAP = 80;

export async function scanFile(file: string): Promise<FileScan> {
  const hash = createHash('sha256');
  let crc = 0;
  let tail = '';
  let privateKey: string | undefined;
  const size = await forEachChunk(file, (chunk) => {
    hash.update(chunk);
    crc = zlib.crc32(chunk, crc);
    if (privateKey !== undefined) return;
    const text = tail + chunk.toString('latin1');
    privateKey = PRIVATE_KEY.exec(text)?.[1];
    tail = text.slice(-OVERLAP);
  });
  return { size, sha256: hash.digest('hex'), crc32: crc >>> 0, privateKey };
}

export function scanBytes(data: Buffer): FileScan {
  return {
    size: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
    crc32: zlib.crc32(data) >>> 0,
    privateKey: PRIVATE_KEY.exec(data.toString('latin1'))?.[1],
  };
}
