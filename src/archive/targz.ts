import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
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

async function* tarStream(entries: readonly ArchiveEntry[], mtime: Date): AsyncGenerator<Buffer> {
  for (const entry of entries) {
    yield* header(entry, mtime);
    if (entry.type !== 'file' || entry.source === undefined) continue;
    let seen = 0;
    for await (const chunk of createReadStream(entry.source, { highWaterMark: 256 * 1024 })) {
      seen += (chunk as Buffer).length;
      if (seen > entry.size) break;
      yield chunk as Buffer;
    }
    if (seen !== entry.size) {
      throw new ReleaseError(
        'UNSUPPORTED_FILE',
        `${entry.source} changed size while it was being packed (${entry.size} -> ${seen} bytes). Do not modify the build output during packing`,
      );
    }
    const pad = (BLOCK - (entry.size % BLOCK)) % BLOCK;
    if (pad > 0) yield Buffer.alloc(pad);
  }
  yield Buffer.alloc(BLOCK * 2);
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
    await pipeline(
      tarStream(entries, mtime),
      createParallelGzip({ level: options.compressionLevel }),
      d.stream,
      out,
    );
    return d.result();
  },
};
