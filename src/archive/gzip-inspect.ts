/**
 * Streaming gzip inspector for `verify`. The nexo installer decodes only the FIRST gzip member,
 * so this reads the file the same way — header parsed here, deflate body through a raw inflate
 * that stops where the deflate stream ends — and then reports what the installer would miss:
 * further members or any other bytes after the first member, and whether its CRC32/ISIZE
 * trailer matches. zlib's gunzip is deliberately not used: it silently continues into following
 * members. Memory stays bounded by a few chunks whatever the file size.
 */
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { finished } from 'node:stream/promises';
import zlib from 'node:zlib';
import { ReleaseError } from '../errors.ts';
import { ChunkReader } from './gzip-reader.ts';

export interface GzipInspection {
  /** 1 for a single-member file. More: 1 + the gzip members found after the first. */
  members: number;
  /** Bytes after the end of the first member (further members included). */
  trailingBytes: number;
  /** Size of the whole file. */
  compressedSize: number;
  /** Size of the first member's content, as streamed on `content`. */
  decompressedSize: number;
  /** The first member is complete and its CRC32 and ISIZE trailer match its content. False for a
   * truncated file or corrupt deflate data too (then `content` is cut short). */
  crcOk: boolean;
}

const FHCRC = 2;
const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;
const FRESERVED = 0xe0;

/**
 * Streams a gzip file: `content` carries the FIRST member's decompressed bytes; `result` resolves
 * once the whole source is read and all content has been handed to `content`, so `content` must
 * be consumed concurrently (awaiting `result` first deadlocks on anything larger than a buffer).
 * Rejects with ReleaseError('VERIFY_FAILED') only when the data is not gzip at all: bad magic,
 * or a gzip header with a compression method other than deflate or reserved flags set. Anything
 * else wrong is reported in the result. Source errors reject as they are. On rejection `content`
 * is destroyed (premature close), so a pipeline reading it fails rather than hangs.
 */
export function inspectGzip(source: Readable): {
  content: Readable;
  result: Promise<GzipInspection>;
} {
  const content = new CrcCounter();
  const result = inspect(new ChunkReader(source), content);
  // Closed without an error of its own: the reason is on `result`, and a consumer that only
  // piped `content` must not crash on an unhandled 'error' event. Pipelines still reject.
  result.catch(() => content.destroy());
  return { content, result };
}

/** Passes bytes through while keeping their CRC32 and count. */
class CrcCounter extends Transform {
  crc = 0;
  size = 0;

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.crc = zlib.crc32(chunk, this.crc);
    this.size += chunk.length;
    cb(null, chunk);
  }
}

type Header = 'ok' | 'not-gzip' | 'unsupported' | 'truncated';

async function inspect(reader: ChunkReader, content: CrcCounter): Promise<GzipInspection> {
  try {
    const header = await readHeader(reader);
    if (header === 'not-gzip') {
      throw new ReleaseError('VERIFY_FAILED', 'not a gzip file: it does not start with 1f 8b');
    }
    if (header === 'unsupported') {
      throw new ReleaseError(
        'VERIFY_FAILED',
        'unsupported gzip header: compression method is not deflate or reserved flags are set',
      );
    }
    let complete = false;
    if (header === 'ok') complete = await inflateMember(reader, content);
    else content.end();
    await finished(content, { readable: false });

    let crcOk = false;
    let members = 1;
    let memberEnd = -1;
    if (complete) {
      const t = await reader.read(8);
      crcOk =
        t.length === 8 &&
        t.readUInt32LE(0) === content.crc >>> 0 &&
        t.readUInt32LE(4) === content.size % 2 ** 32;
      memberEnd = reader.position;
      members += await countMembers(reader);
    }
    await reader.drain();
    const compressedSize = reader.position;
    return {
      members,
      trailingBytes: memberEnd < 0 ? 0 : compressedSize - memberEnd,
      compressedSize,
      decompressedSize: content.size,
      crcOk,
    };
  } finally {
    await reader.close();
  }
}

async function readHeader(reader: ChunkReader): Promise<Header> {
  const h = await reader.read(10);
  if (h.length < 2 || h[0] !== 0x1f || h[1] !== 0x8b) return 'not-gzip';
  if (h.length < 10) return 'truncated';
  const flags = h[3] as number;
  if (h[2] !== 8 || (flags & FRESERVED) !== 0) return 'unsupported';
  if (flags & FEXTRA) {
    const len = await reader.read(2);
    if (len.length < 2 || !(await reader.skip(len.readUInt16LE(0)))) return 'truncated';
  }
  if (flags & FNAME && !(await reader.skipPastNul())) return 'truncated';
  if (flags & FCOMMENT && !(await reader.skipPastNul())) return 'truncated';
  if (flags & FHCRC && !(await reader.skip(2))) return 'truncated';
  return 'ok';
}

/**
 * Feeds the deflate body to a raw inflate whose output goes to `sink` (which it ends), and
 * gives the bytes after the deflate stream back to the reader. True if the deflate stream
 * completed; false if it was corrupt or the source ended inside it. Rejects if `sink` is
 * destroyed by its consumer before the member ends.
 *
 * End detection: Node's inflate stops consuming input at the end of the deflate stream, and
 * its `bytesWritten` counts only consumed input, so a shortfall after a write marks the end.
 */
async function inflateMember(reader: ChunkReader, sink: CrcCounter): Promise<boolean> {
  // Large output chunks: fewer callbacks through the tar readers for the same bytes.
  const inflate = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
  inflate.on('error', () => {}); // surfaced through the write/end callbacks below
  const onSinkClose = (): void => {
    inflate.destroy();
  };
  sink.once('close', onSinkClose);
  inflate.pipe(sink);
  let written = 0;
  try {
    for (;;) {
      const chunk = await reader.next(); // source errors propagate as they are
      // At the source's end, flushing tells whether the deflate stream was complete; its error
      // can come after the end() callback, so wait for the stream to settle instead.
      const err = await (chunk ? writeTo(inflate, chunk) : settleEnd(inflate));
      if (err) {
        if (sink.destroyed) throw err;
        inflate.unpipe(sink);
        sink.end();
        return false;
      }
      if (!chunk) return true;
      written += chunk.length;
      const unused = written - inflate.bytesWritten;
      if (unused > 0) {
        reader.unread(chunk.subarray(chunk.length - unused));
        return true;
      }
    }
  } finally {
    sink.off('close', onSinkClose);
    // Destroy only once everything inflated has reached the sink.
    finished(sink, { readable: false }).then(
      () => inflate.destroy(),
      () => inflate.destroy(),
    );
  }
}

/** Writes a chunk; resolves once it is processed, to the inflate's error or null. */
function writeTo(inflate: zlib.InflateRaw, chunk: Buffer): Promise<Error | null> {
  return new Promise((resolve) => {
    const onError = (err: Error): void => resolve(err);
    inflate.once('error', onError);
    inflate.write(chunk, (err) => {
      inflate.off('error', onError);
      resolve(err ?? null);
    });
  });
}

/** Ends the inflate; resolves once all its output has been taken, to its error or null. */
function settleEnd(inflate: zlib.InflateRaw): Promise<Error | null> {
  inflate.end();
  return finished(inflate).then(
    () => null,
    (err: unknown) => (err instanceof Error ? err : new Error(String(err))),
  );
}

/** Counts well-formed-looking gzip members from the reader's position, discarding their
 * content; stops at the first bytes that do not start a member or a member that does not end. */
async function countMembers(reader: ChunkReader): Promise<number> {
  let n = 0;
  for (;;) {
    const header = await readHeader(reader);
    if (header === 'not-gzip') return n;
    n++;
    if (header !== 'ok') return n;
    const discard = new CrcCounter();
    discard.resume();
    const complete = await inflateMember(reader, discard);
    if (!complete || !(await reader.skip(8))) return n;
  }
}
