import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Header, Pax } from 'tar';
import { ReleaseError } from '../errors.ts';
import { createParallelGzip } from './gzip.ts';
import type { ArchiveEntry, ArchiveWriter, WriteOptions, WriteResult } from './types.ts';

/**
 * tar.gz in the shape the nexo installer accepts: ustar headers (a per-file PAX record only for
 * paths ustar cannot hold; never a global header), uid/gid 0 and empty owner names, every mtime
 * the same, compressed as exactly one gzip member with a fixed header. The sha256 and size of
 * the compressed bytes are computed as they stream out (one pass).
 */
const BLOCK = 512;

function header(entry: ArchiveEntry, mtime: Date): Buffer[] {
  const data = {
    path: entry.path,
    mode: entry.mode,
    uid: 0,
    gid: 0,
    size: entry.type === 'file' ? entry.size : 0,
    mtime,
    type: entry.type === 'file' ? ('File' as const) : ('Directory' as const),
    uname: '',
    gname: '',
  };
  const block = Buffer.alloc(BLOCK);
  const needPax = new Header(data).encode(block, 0);
  return needPax ? [new Pax({ path: entry.path, mtime }, false).encode(), block] : [block];
}

/** Read size for file contents: big enough that each read is one cheap syscall. */
const READ_CHUNK = 256 * 1024;

/** Resolves once `sink` has taken `chunk` (its write callback), so the chunk may be reused. */
function put(sink: Writable, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    sink.write(chunk, (err) => (err ? reject(err) : resolve()));
  });
}

/**
 * Copies one file's bytes into `sink` through one reused buffer. Reads are synchronous on
 * purpose: they come from the page cache in microseconds, and async reads would queue on the
 * libuv threadpool behind the block compressions that keep every core busy. Reuse is safe
 * because `put` waits for the sink's write callback, and the gzip writer copies on write.
 */
async function putFile(sink: Writable, entry: ArchiveEntry, buf: Buffer): Promise<void> {
  const source = entry.source!;
  let fd: number;
  try {
    fd = openSync(source, 'r');
  } catch (e) {
    throw new ReleaseError(
      'UNSUPPORTED_FILE',
      `${source} could not be opened while it was being packed (${(e as Error).message}). Do not modify the build output during packing`,
      { cause: e },
    );
  }
  try {
    let seen = 0;
    for (;;) {
      // Ask for one byte past the recorded size, so growth is noticed too.
      const want = Math.min(buf.length, entry.size + 1 - seen);
      const n = readSync(fd, buf, 0, want, null);
      if (n === 0 || seen + n > entry.size) {
        if (n === 0 && seen === entry.size) return;
        throw new ReleaseError(
          'UNSUPPORTED_FILE',
          `${source} changed size while it was being packed (${entry.size} -> ${n === 0 ? seen : `more than ${entry.size}`} bytes). Do not modify the build output during packing`,
        );
      }
      seen += n;
      await put(sink, buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
}

/** Writes the tar stream of `entries` into `sink` (not ended). */
async function putTar(entries: readonly ArchiveEntry[], mtime: Date, sink: Writable) {
  const buf = Buffer.allocUnsafe(READ_CHUNK);
  for (const entry of entries) {
    for (const block of header(entry, mtime)) await put(sink, block);
    if (entry.type !== 'file' || entry.source === undefined) continue;
    await putFile(sink, entry, buf);
    const pad = (BLOCK - (entry.size % BLOCK)) % BLOCK;
    if (pad > 0) await put(sink, Buffer.alloc(pad));
  }
  await put(sink, Buffer.alloc(BLOCK * 2));
}

/** Passes bytes through while hashing and counting them. */
function digester(): { stream: Transform; result: () => WriteResult } {
  const hash = createHash('sha256');
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ size, sha256: hash.digest('hex') }) };
}

export const tarGzWriter: ArchiveWriter = {
  extension: '.tar.gz',
  async write(
    entries: readonly ArchiveEntry[],
    out: Writable,
    options: WriteOptions,
  ): Promise<WriteResult> {
    const mtime = new Date(options.mtime * 1000);
    const d = digester();
    const gzip = createParallelGzip({ level: options.compressionLevel });
    const downstream = pipeline(gzip, d.stream, out);
    // Rejections are taken by the await below; this only keeps an early one from being unhandled.
    downstream.catch(() => undefined);
    try {
      await putTar(entries, mtime, gzip);
      gzip.end();
    } catch (err) {
      // pipeline() then rejects with this error and closes `out`.
      gzip.destroy(err as Error);
    }
    await downstream;
    return d.result();
  },
};
