import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { Header, Pax } from 'tar';
import { ReleaseError } from '../errors.ts';
import { createParallelGzip, type ParallelGzip } from './gzip.ts';
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
 * purpose: from the page cache they take microseconds, less than an async read's round trip
 * through the libuv threadpool, and the worker threads go on compressing meanwhile. Reuse is
 * safe because `put` waits for the sink's write callback, and the gzip writer copies on write.
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

/**
 * Hashes, counts and writes every gzip chunk to `out`, then ends it. Each chunk goes back to the
 * gzip writer once `out` has taken it (its write callback), so the same output memory serves
 * block after block: allocating it per block left tens of MiB of dead buffers resident between
 * garbage collections. On failure `out` is destroyed with the error.
 */
async function drain(gzip: ParallelGzip, out: Writable): Promise<WriteResult> {
  const hash = createHash('sha256');
  let size = 0;
  // Listening from the start: `out` emits 'error' when a write fails or it is destroyed with one,
  // and an 'error' nobody listens to would crash the process instead of rejecting here.
  const closed = finished(out);
  closed.catch(() => undefined);
  try {
    for await (const chunk of gzip as AsyncIterable<Buffer>) {
      hash.update(chunk);
      size += chunk.length;
      await put(out, chunk);
      gzip.release(chunk);
    }
    out.end();
    await closed;
  } catch (err) {
    out.destroy(err as Error);
    throw err;
  }
  return { size, sha256: hash.digest('hex') };
}

export const tarGzWriter: ArchiveWriter = {
  extension: '.tar.gz',
  async write(
    entries: readonly ArchiveEntry[],
    out: Writable,
    options: WriteOptions,
  ): Promise<WriteResult> {
    const mtime = new Date(options.mtime * 1000);
    const gzip = createParallelGzip({ level: options.compressionLevel });
    const downstream = drain(gzip, out);
    // Rejections are taken by the await below; this only keeps an early one from being unhandled.
    downstream.catch(() => undefined);
    try {
      await putTar(entries, mtime, gzip);
      gzip.end();
    } catch (err) {
      // drain() then rejects with this error and destroys `out`.
      gzip.destroy(err as Error);
    }
    return await downstream;
  },
};
