/**
 * Deterministic ZIP writer, shared by the profiles that ship ZIP archives (Biosimulant's
 * `.bsiplugin`, Osaurus' bundles). The byte rules are the `.bsiplugin` contract's:
 *
 * - per entry a local header, then the data; never a data descriptor (flag bit 3 clear), so the
 *   CRC and both sizes are known before the header is written: each entry is compressed first,
 *   into memory or, past SPILL_BYTES, into a temporary file (memory stays bounded);
 * - flags 0x0800 only when the name is not ASCII; no extra fields; no comments;
 * - method 8 (the project's deflater, parallel blocks as in gzip.ts) for files with bytes,
 *   method 0 for empty files and directories;
 * - DOS time and date of `mtime` in UTC, clamped to 1980-01-01 00:00:00 .. 2107-12-31 23:59:58,
 *   seconds rounded down to even;
 * - version made by 0x0314 (Unix, 2.0), version needed 20, internal attributes 0, external
 *   attributes `(0o100000|mode) << 16` for files, `(0o040000|mode) << 16 | 0x10` for directories;
 * - one central directory in entry order, then the end record without comment; no ZIP64.
 *
 * Reproducible: the bytes depend only on the entries (order, paths, modes, bytes), `mtime`,
 * `compressionLevel` and the deflater module; never on `concurrency`, timing or the machine.
 */
import { createHash, type Hash } from 'node:crypto';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { ReleaseError } from '../errors.ts';
import { EntryCompressor } from './zip-deflate.ts';

export interface ZipEntry {
  /** Relative, '/'-separated; directories end in '/'. */
  path: string;
  type: 'file' | 'directory';
  /** Permission bits (e.g. 0o755); the file type bits are added by the writer. */
  mode: number;
  /** Absolute path of the bytes (files), or */
  source?: string;
  /** the bytes in memory (files). */
  data?: Buffer;
}

export interface ZipWriteOptions {
  /** Seconds since 1970, stored as every entry's DOS time. */
  mtime: number;
  /** Deflate level 1-9. */
  compressionLevel: number;
  /** Cores to keep busy (default: all). Never changes the bytes. */
  concurrency?: number;
}

export interface ZipWriteResult {
  size: number;
  /** Lowercase hex SHA-256 of the archive, computed while it was written. */
  sha256: string;
  entries: number;
  /** Per entry, in order: the bytes the writer read, so a caller that hashed the same files
   * earlier can tell whether one changed in between. */
  files: { path: string; size: number; crc32: number }[];
}

/** The largest value a ZIP (non-ZIP64) field holds; 0xFFFFFFFF / 0xFFFF mean "see ZIP64". */
const MAX_U32 = 0xfffffffe;
export const MAX_ZIP_ENTRIES = 65_535;
const MADE_BY = 0x0314;
const NEEDED = 20;
const UTF8_FLAG = 0x0800;

/** Sorts by path as UTF-8 bytes (not UTF-16 code units, which order astral characters wrongly). */
export function sortZipEntries<T extends { path: string }>(entries: T[]): T[] {
  return entries.sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
}

/** DOS time and date of `epoch` seconds in UTC, clamped to the range DOS dates can hold. */
export function dosDateTime(epoch: number): { time: number; date: number } {
  const min = Date.UTC(1980, 0, 1, 0, 0, 0) / 1000;
  const max = Date.UTC(2107, 11, 31, 23, 59, 58) / 1000;
  const d = new Date(Math.min(max, Math.max(min, Math.floor(epoch))) * 1000);
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

export function externalAttributes(type: ZipEntry['type'], mode: number): number {
  const perm = mode & 0o7777;
  return type === 'directory'
    ? (((0o040000 | perm) * 0x10000) | 0x10) >>> 0
    : ((0o100000 | perm) * 0x10000) >>> 0;
}

function limit(message: string): ReleaseError {
  return new ReleaseError('LIMIT_EXCEEDED', message);
}

function checkEntries(entries: readonly ZipEntry[]): void {
  if (entries.length > MAX_ZIP_ENTRIES) {
    throw limit(
      `the archive would hold ${entries.length} entries; a ZIP without ZIP64 holds at most ${MAX_ZIP_ENTRIES}. Leave files out of the payload`,
    );
  }
  for (const e of entries) {
    const bad =
      e.path === '' ||
      e.path.startsWith('/') ||
      e.path.includes('\\') ||
      (e.type === 'directory') !== e.path.endsWith('/') ||
      (e.type === 'file' && (e.source === undefined) === (e.data === undefined));
    if (bad) throw new ReleaseError('INTERNAL', `zip entry '${e.path}' is malformed`);
    if (Buffer.byteLength(e.path) > 0xffff) {
      throw limit(`the path '${e.path.slice(0, 80)}...' is longer than a ZIP name (65,535 bytes)`);
    }
  }
}

/** Per-entry facts both headers repeat. */
interface Record {
  name: Buffer;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  external: number;
  offset: number;
}

function localHeader(r: Record, time: number, date: number): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(NEEDED, 4);
  h.writeUInt16LE(r.flags, 6);
  h.writeUInt16LE(r.method, 8);
  h.writeUInt16LE(time, 10);
  h.writeUInt16LE(date, 12);
  h.writeUInt32LE(r.crc, 14);
  h.writeUInt32LE(r.compressedSize, 18);
  h.writeUInt32LE(r.size, 22);
  h.writeUInt16LE(r.name.length, 26);
  h.writeUInt16LE(0, 28);
  return Buffer.concat([h, r.name]);
}

function centralHeader(r: Record, time: number, date: number): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(MADE_BY, 4);
  h.writeUInt16LE(NEEDED, 6);
  h.writeUInt16LE(r.flags, 8);
  h.writeUInt16LE(r.method, 10);
  h.writeUInt16LE(time, 12);
  h.writeUInt16LE(date, 14);
  h.writeUInt32LE(r.crc, 16);
  h.writeUInt32LE(r.compressedSize, 20);
  h.writeUInt32LE(r.size, 24);
  h.writeUInt16LE(r.name.length, 28);
  // extra length 30, comment length 32, disk 34, internal attributes 36: all 0
  h.writeUInt32LE(r.external, 38);
  h.writeUInt32LE(r.offset, 42);
  return Buffer.concat([h, r.name]);
}

function endRecord(count: number, cdSize: number, cdOffset: number): Buffer {
  const h = Buffer.alloc(22);
  h.writeUInt32LE(0x06054b50, 0);
  h.writeUInt16LE(count, 8);
  h.writeUInt16LE(count, 10);
  h.writeUInt32LE(cdSize, 12);
  h.writeUInt32LE(cdOffset, 16);
  return h;
}

/** Writes to `out`, counting and hashing every byte; resolves once `out` has taken it. */
class Sink {
  readonly hash: Hash = createHash('sha256');
  size = 0;
  private readonly out: Writable;
  constructor(out: Writable) {
    this.out = out;
  }
  put(chunk: Buffer): Promise<void> {
    this.hash.update(chunk);
    this.size += chunk.length;
    return new Promise((resolve, reject) => {
      this.out.write(chunk, (err) => (err ? reject(err) : resolve()));
    });
  }
}

async function writeEntry(
  sink: Sink,
  entry: ZipEntry,
  compressor: EntryCompressor,
  index: number,
  dos: { time: number; date: number },
): Promise<Record> {
  const name = Buffer.from(entry.path, 'utf8');
  const compressed = await compressor.take(index);
  try {
    const empty = compressed === undefined || compressed.size === 0;
    const r: Record = {
      name,
      flags: name.every((b) => b < 0x80) ? 0 : UTF8_FLAG,
      method: empty ? 0 : 8,
      crc: compressed?.crc ?? 0,
      compressedSize: empty ? 0 : compressed!.compressedSize,
      size: compressed?.size ?? 0,
      external: externalAttributes(entry.type, entry.mode),
      offset: sink.size,
    };
    if (r.size > MAX_U32 || r.compressedSize > MAX_U32) {
      throw limit(`'${entry.path}' is 4 GiB or larger; a ZIP without ZIP64 cannot hold it`);
    }
    if (r.offset + 30 + name.length + r.compressedSize > MAX_U32) {
      throw limit(`the archive reaches 4 GiB at '${entry.path}'; a ZIP without ZIP64 ends there`);
    }
    await sink.put(localHeader(r, dos.time, dos.date));
    if (!empty) for (const chunk of compressed!.chunks()) await sink.put(chunk);
    return r;
  } finally {
    compressed?.dispose();
  }
}

/**
 * Writes `entries` IN THE ORDER GIVEN as one ZIP archive to `out`, then ends it. On failure
 * `out` is destroyed with the error. Returns the archive's size, SHA-256 and entry count.
 */
export async function writeZip(
  entries: readonly ZipEntry[],
  out: Writable,
  o: ZipWriteOptions,
): Promise<ZipWriteResult> {
  // 'error' from `out` must reject here, never crash the process unheard.
  const closed = finished(out);
  closed.catch(() => undefined);
  try {
    checkEntries(entries);
    const dos = dosDateTime(o.mtime);
    const sink = new Sink(out);
    const records: Record[] = [];
    const compressor = new EntryCompressor(entries, o.compressionLevel, o.concurrency);
    try {
      for (const [i, entry] of entries.entries()) {
        records.push(await writeEntry(sink, entry, compressor, i, dos));
      }
    } finally {
      await compressor.dispose();
    }
    const cdOffset = sink.size;
    for (const r of records) await sink.put(centralHeader(r, dos.time, dos.date));
    const cdSize = sink.size - cdOffset;
    if (cdOffset > MAX_U32 || cdSize > MAX_U32) {
      throw limit('the archive reaches 4 GiB; a ZIP without ZIP64 cannot hold it');
    }
    await sink.put(endRecord(records.length, cdSize, cdOffset));
    out.end();
    await closed;
    return {
      size: sink.size,
      sha256: sink.hash.digest('hex'),
      entries: records.length,
      files: records.map((r, i) => ({ path: entries[i]!.path, size: r.size, crc32: r.crc })),
    };
  } catch (err) {
    out.destroy(err as Error);
    throw err;
  }
}
