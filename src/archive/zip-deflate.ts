/**
 * One ZIP entry's bytes, compressed before its header is written (ZIP without data descriptors
 * needs the CRC and both sizes first).
 *
 * Large entries go through the parallel gzip of gzip.ts with a fixed block size: its output is a
 * fixed 10-byte header, ONE raw deflate stream, and an 8-byte trailer, so the entry's method-8
 * data is that stream with the header and trailer cut off. An entry of at most BLOCK_SIZE bytes
 * is one block there (no dictionary, final), so it is deflated as exactly that block directly,
 * without a stream's setup: the same bytes, far cheaper for the many small files of a plugin.
 * Either way the bytes depend only on the input, the level and BLOCK_SIZE, never on the cores.
 *
 * Memory stays bounded: compressed output beyond SPILL_BYTES goes to a temporary file.
 */
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import zlib from 'node:zlib';
import { ReleaseError } from '../errors.ts';
import { deflateBlock } from './deflate/pool.ts';
import { createParallelGzip } from './gzip.ts';

/** Part of the output's identity (block boundaries): fixed, never derived from the machine. */
export const BLOCK_SIZE = 1024 * 1024;
const SPILL_BYTES = 16 * 1024 * 1024;
const READ_CHUNK = 256 * 1024;
const GZIP_HEADER = 10;
const GZIP_TRAILER = 8;

export interface Compressed {
  /** Uncompressed bytes. */
  size: number;
  crc: number;
  /** Bytes of the raw deflate stream (0 when `size` is 0: nothing is stored). */
  compressedSize: number;
  /** The raw deflate stream, in pieces. */
  chunks(): Iterable<Buffer>;
  dispose(): void;
}

/** Compressed output: in memory until SPILL_BYTES, then in a temporary file. */
class Spool {
  private memory: Buffer[] = [];
  bytes = 0;
  private dir: string | undefined;
  private fd: number | undefined;

  add(chunk: Buffer): void {
    if (this.fd === undefined && this.bytes + chunk.length > SPILL_BYTES) {
      this.dir = mkdtempSync(path.join(os.tmpdir(), 'zip-entry-'));
      this.fd = openSync(path.join(this.dir, 'deflate'), 'w+');
      for (const m of this.memory) writeSync(this.fd, m);
      this.memory = [];
    }
    if (this.fd === undefined) this.memory.push(Buffer.from(chunk));
    else writeSync(this.fd, chunk);
    this.bytes += chunk.length;
  }

  /** Bytes [start, end). */
  *range(start: number, end: number): Generator<Buffer> {
    if (this.fd !== undefined) {
      for (let pos = start; pos < end;) {
        const buf = Buffer.allocUnsafe(Math.min(READ_CHUNK * 4, end - pos));
        const n = readSync(this.fd, buf, 0, buf.length, pos);
        if (n === 0) throw new ReleaseError('INTERNAL', 'a temporary zip spool file shrank');
        pos += n;
        yield buf.subarray(0, n);
      }
      return;
    }
    let at = 0;
    for (const m of this.memory) {
      const from = Math.max(start, at);
      const to = Math.min(end, at + m.length);
      if (from < to) yield m.subarray(from - at, to - at);
      at += m.length;
    }
  }

  tail(n: number): Buffer {
    return Buffer.concat([...this.range(this.bytes - n, this.bytes)]);
  }

  dispose(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true });
    this.fd = undefined;
    this.dir = undefined;
    this.memory = [];
  }
}

function put(sink: Writable, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    sink.write(chunk, (err) => (err ? reject(err) : resolve()));
  });
}

/** Feeds the entry's bytes to `sink`; returns their size and CRC-32. */
async function feed(entry: FileInput, sink: Writable): Promise<{ size: number; crc: number }> {
  if (entry.data !== undefined) {
    for (let i = 0; i < entry.data.length; i += READ_CHUNK) {
      await put(sink, entry.data.subarray(i, i + READ_CHUNK));
    }
    return { size: entry.data.length, crc: zlib.crc32(entry.data) >>> 0 };
  }
  let fd: number;
  try {
    fd = openSync(entry.source!, 'r');
  } catch (e) {
    throw new ReleaseError(
      'UNSUPPORTED_FILE',
      `${entry.source} could not be opened while it was being packed (${(e as Error).message}). Do not modify the payload during packing`,
      { cause: e },
    );
  }
  try {
    // Synchronous reads from the page cache are cheaper than a threadpool round trip; the
    // workers go on compressing meanwhile. `put` waits until gzip has copied the chunk.
    const buf = Buffer.allocUnsafe(READ_CHUNK);
    let size = 0;
    let crc = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) return { size, crc: crc >>> 0 };
      crc = zlib.crc32(buf.subarray(0, n), crc);
      size += n;
      await put(sink, buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
}

export interface FileInput {
  path: string;
  source?: string;
  data?: Buffer;
}

/** The entry's size as it stands now (a file may still change before it is read). */
export function currentSize(entry: FileInput): number {
  if (entry.data !== undefined) return entry.data.length;
  try {
    return statSync(entry.source!).size;
  } catch {
    return Infinity; // the read reports what is wrong
  }
}

function inMemory(data: Buffer, crc: number, compressed: Buffer): Compressed {
  return {
    size: data.length,
    crc,
    compressedSize: data.length === 0 ? 0 : compressed.length,
    chunks: () => (data.length === 0 ? [] : [compressed]),
    dispose: () => undefined,
  };
}

/** Compresses one file entry (from `source` or `data`) with the project's deflater. */
export async function deflateEntry(
  entry: FileInput,
  level: number,
  concurrency = os.availableParallelism(),
): Promise<Compressed> {
  if (currentSize(entry) > BLOCK_SIZE) return deflateStreamed(entry, level, concurrency);
  let data: Buffer;
  try {
    data = entry.data ?? readFileSync(entry.source!);
  } catch (e) {
    throw new ReleaseError(
      'UNSUPPORTED_FILE',
      `${entry.source} could not be read while it was being packed (${(e as Error).message}). Do not modify the payload during packing`,
      { cause: e },
    );
  }
  // It grew since it was measured: the stream gives the same bytes for any size.
  if (data.length > BLOCK_SIZE) return deflateStreamed({ ...entry, data }, level, concurrency);
  const crc = zlib.crc32(data) >>> 0;
  if (data.length === 0) return inMemory(data, crc, data);
  // A copy goes to the worker: deflateBlock moves a buffer it owns, and `data` may be the caller's.
  const { out } = await deflateBlock(
    { level, dict: Buffer.alloc(0), data: Buffer.from(data), last: true },
    concurrency,
  );
  return inMemory(data, crc, out);
}

/** The streaming path, for any size (exported so tests can hold the two paths equal). */
export async function deflateStreamed(
  entry: FileInput,
  level: number,
  concurrency: number,
): Promise<Compressed> {
  const gzip = createParallelGzip({ level, blockSize: BLOCK_SIZE, concurrency });
  const spool = new Spool();
  const drained = (async () => {
    for await (const chunk of gzip as AsyncIterable<Buffer>) {
      spool.add(chunk);
      gzip.release(chunk);
    }
  })();
  drained.catch(() => undefined);
  try {
    let fed: { size: number; crc: number };
    try {
      fed = await feed(entry, gzip);
      gzip.end();
    } catch (err) {
      gzip.destroy(err as Error);
      throw err;
    }
    await drained;
    const trailer = spool.tail(GZIP_TRAILER);
    if (trailer.readUInt32LE(0) !== fed.crc || trailer.readUInt32LE(4) !== fed.size % 2 ** 32) {
      throw new ReleaseError('INTERNAL', `the deflater's CRC of '${entry.path}' disagrees`);
    }
    const end = spool.bytes - GZIP_TRAILER;
    return {
      size: fed.size,
      crc: fed.crc,
      compressedSize: fed.size === 0 ? 0 : end - GZIP_HEADER,
      chunks: () => spool.range(GZIP_HEADER, end),
      dispose: () => spool.dispose(),
    };
  } catch (err) {
    spool.dispose();
    throw err;
  }
}

/**
 * Compresses the entries in order, with small ones started ahead (up to `concurrency * 2`, at
 * most 16 MiB of input), so a plugin's many small files keep every core busy. A large entry
 * starts only when it is reached: it uses every core itself and may hold SPILL_BYTES.
 */
export class EntryCompressor {
  private readonly started = new Map<number, Promise<Compressed>>();
  private readonly small: boolean[] = [];
  private readonly entries: readonly (FileInput & { type: 'file' | 'directory' })[];
  private readonly level: number;
  private readonly concurrency: number;
  private readonly window: number;

  constructor(
    entries: readonly (FileInput & { type: 'file' | 'directory' })[],
    level: number,
    concurrency = os.availableParallelism(),
  ) {
    this.entries = entries;
    this.level = level;
    this.concurrency = concurrency;
    this.window = Math.min(concurrency * 2, 16);
  }

  /** The compressed bytes of file entry `i`, or undefined for a directory. The caller disposes. */
  async take(i: number): Promise<Compressed | undefined> {
    for (let j = i + 1; j < Math.min(this.entries.length, i + 1 + this.window); j++) {
      if (this.isSmall(j)) this.start(j);
    }
    if (this.entries[i]!.type === 'directory') return undefined;
    const p = this.start(i);
    this.started.delete(i);
    return p;
  }

  /** Frees whatever was compressed ahead and not taken (after a failure). */
  async dispose(): Promise<void> {
    const rest = [...this.started.values()];
    this.started.clear();
    for (const r of await Promise.allSettled(rest)) {
      if (r.status === 'fulfilled') r.value.dispose();
    }
  }

  private isSmall(j: number): boolean {
    const e = this.entries[j]!;
    this.small[j] ??= e.type === 'file' && currentSize(e) <= BLOCK_SIZE;
    return this.small[j];
  }

  private start(j: number): Promise<Compressed> {
    let p = this.started.get(j);
    if (!p) {
      p = deflateEntry(this.entries[j]!, this.level, this.concurrency);
      p.catch(() => undefined);
      this.started.set(j, p);
    }
    return p;
  }
}
