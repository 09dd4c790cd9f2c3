/**
 * Parallel, byte-reproducible gzip compressor (pigz-style), producing exactly ONE gzip member.
 *
 * The input is cut into fixed-size blocks. Each block is compressed on its own with raw deflate,
 * primed with the 32 KiB of input that precede it as a preset dictionary, so matches may reach
 * back across block boundaries exactly as a single deflate stream's window would. Every block but
 * the last ends with Z_SYNC_FLUSH (byte-aligned, final-bit clear); the last ends with Z_FINISH.
 * The deflate pieces concatenate into one valid deflate stream behind one gzip header and one
 * trailer, so first-member-only decoders (the nexo installer) see all of the data.
 *
 * Reproducibility: block boundaries depend only on `blockSize`, each block's compressor sees only
 * the block and its dictionary, and results are emitted in input order; so the output depends
 * only on the input bytes, `level`, `blockSize` and the deflate implementation, never on
 * `concurrency`, write chunking or timing. A different `blockSize` gives different (equally
 * valid) bytes. The implementation is Node's bundled zlib (Chromium's fork, whose match hashing
 * has no CPU-specific paths on little-endian machines): a Node release that changes it, or a
 * Node built against a system zlib, may compress to different bytes. That fork also finds
 * fewer matches than GNU gzip (its hash covers 4 bytes, so 3-byte matches are never found):
 * about 2.4% larger output on machine code at level 6, at every level, with or without blocks.
 * Canonical zlib would match gzip's size but costs ~1.5x the CPU natively and ~3x in
 * JavaScript (pako), which no parallel speed-up on 2 cores could pay back.
 *
 * Parallelism: Node runs async zlib calls on the libuv threadpool, so blocks in flight compress
 * on several cores without worker threads. Up to `concurrency * 2` blocks are submitted at once;
 * the pool has UV_THREADPOOL_SIZE threads (default 4, enough for 2 cores). On bigger machines
 * the pool caps parallelism and file I/O queues behind compressions unless UV_THREADPOOL_SIZE
 * is raised before the process first uses the pool.
 */
import { Duplex } from 'node:stream';
import os from 'node:os';
import zlib from 'node:zlib';
import { ReleaseError } from '../errors.ts';

export interface GzipOptions {
  /** Deflate level 0-9; default 6. */
  level?: number;
  /** Input bytes per independently compressed block; default 1 MiB. Part of the output's
   * identity: it is fixed, never derived from the machine. */
  blockSize?: number;
  /** Cores to keep busy; default os.availableParallelism(). Never changes the bytes. */
  concurrency?: number;
}

const WINDOW = 32 * 1024;
// 1 MiB: measured on 2 cores, 512 KiB took ~5% longer (a 32 KiB dictionary primed per block,
// more threadpool round trips) and 128 KiB ~20% more; the size difference is under 0.02%.
const DEFAULT_BLOCK_SIZE = 1024 * 1024;
/** In-flight blocks are capped so memory stays constant on machines with many cores. */
const MAX_IN_FLIGHT = 16;
const MIN_BLOCK_SIZE = 1024;

/** Compresses a byte stream into exactly one gzip member. Output bytes depend only on the input
 * bytes, level and blockSize — never on concurrency, timing or the machine. Write raw bytes in,
 * read gzip bytes out; backpressure is honoured both ways and memory stays bounded by about
 * `concurrency * 2` blocks (input plus output) whatever the input size. */
export function createParallelGzip(opts: GzipOptions = {}): Duplex {
  const level = opts.level ?? 6;
  const blockSize = opts.blockSize ?? DEFAULT_BLOCK_SIZE;
  const concurrency = opts.concurrency ?? os.availableParallelism();
  if (!Number.isInteger(level) || level < 0 || level > 9) {
    throw new ReleaseError('INTERNAL', `gzip level must be an integer 0-9, got ${level}`);
  }
  if (!Number.isInteger(blockSize) || blockSize < MIN_BLOCK_SIZE) {
    throw new ReleaseError('INTERNAL', `gzip blockSize must be an integer >= ${MIN_BLOCK_SIZE}`);
  }
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new ReleaseError('INTERNAL', `gzip concurrency must be a positive integer`);
  }
  return new ParallelGzip(level, blockSize, concurrency);
}

/** The fixed 10-byte header: no name, no mtime, OS = unix, so every machine writes the same. */
function gzipHeader(level: number): Buffer {
  const xfl = level === 9 ? 2 : level === 1 ? 4 : 0;
  return Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 3]);
}

function deflateBlock(data: Buffer, dict: Buffer, level: number, last: boolean): Promise<Buffer> {
  const options: zlib.ZlibOptions = {
    level,
    finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
    // One output chunk per block keeps threadpool round trips per block to about one.
    chunkSize: Math.max(64 * 1024, data.length + (data.length >> 3) + 1024),
  };
  if (dict.length > 0) options.dictionary = dict;
  return new Promise((resolve, reject) => {
    zlib.deflateRaw(data, options, (err, out) => (err ? reject(err) : resolve(out)));
  });
}

class ParallelGzip extends Duplex {
  private readonly level: number;
  private readonly blockSize: number;
  /** Blocks compressing or compressed but not yet emitted: `concurrency * 2`. The slack keeps
   * every core busy while the main thread dispatches and a slow block holds up the head;
   * measured on 2 cores, `concurrency` alone left ~20% of the CPU idle. */
  private readonly maxInFlight: number;
  /** Full blocks known not to be last (more input followed them), waiting for a slot. */
  private readonly ready: Buffer[] = [];
  private current: Buffer;
  private fill = 0;
  /** The last (up to) 32 KiB of input handed to a compressor: the next block's dictionary. */
  private history: Buffer = Buffer.alloc(0);
  private crc = 0;
  private total = 0;
  private nextSeq = 0;
  private nextPush = 0;
  private readonly done = new Map<number, Buffer>();
  /** Full-size input blocks whose compression finished, reused for new input: allocating a
   * fresh block per 1 MiB was a visible share of the main thread's time (allocation, page
   * faults and the GC pressure of external memory). */
  private readonly free: Buffer[] = [];
  private headerSent = false;
  private ending = false;
  private lastDispatched = false;
  private finished = false;
  private readBlocked = false;
  private pendingWrite: ((err?: Error | null) => void) | null = null;
  private pendingFinal: ((err?: Error | null) => void) | null = null;

  constructor(level: number, blockSize: number, concurrency: number) {
    super({ readableHighWaterMark: blockSize });
    this.level = level;
    this.blockSize = blockSize;
    this.maxInFlight = Math.min(concurrency * 2, MAX_IN_FLIGHT);
    this.current = Buffer.allocUnsafe(blockSize);
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    let off = 0;
    while (off < chunk.length) {
      if (this.fill === this.blockSize) {
        // More input follows a full block, so that block is not the last one.
        this.ready.push(this.current);
        this.current = this.free.pop() ?? Buffer.allocUnsafe(this.blockSize);
        this.fill = 0;
      }
      const n = chunk.copy(this.current, this.fill, off);
      this.fill += n;
      off += n;
    }
    this.pendingWrite = cb;
    this.pump();
  }

  override _final(cb: (err?: Error | null) => void): void {
    this.ending = true;
    this.pendingFinal = cb;
    this.pump();
  }

  override _read(): void {
    this.readBlocked = false;
    this.pump();
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    this.finished = true;
    this.done.clear();
    this.ready.length = 0;
    this.free.length = 0;
    // A writer waiting on its write callback must hear about the failure, not hang.
    const pending = this.pendingWrite;
    this.pendingWrite = null;
    pending?.(err ?? new ReleaseError('INTERNAL', 'gzip stream closed before the write finished'));
    cb(err);
  }

  /** Moves everything forward that can move: emit finished blocks in order (while the reader
   * keeps up), start compressions while slots are free, release the writer when no full block
   * is waiting. Called after every event. */
  private pump(): void {
    if (this.finished || this.destroyed) return;
    this.emitInOrder();
    while (this.nextSeq - this.nextPush < this.maxInFlight) {
      if (this.ready.length > 0) {
        this.dispatch(this.ready.shift() as Buffer, false);
      } else if (this.ending && !this.lastDispatched) {
        this.lastDispatched = true;
        this.dispatch(this.current.subarray(0, this.fill), true);
      } else {
        break;
      }
    }
    if (this.pendingWrite && this.ready.length === 0) {
      const cb = this.pendingWrite;
      this.pendingWrite = null;
      cb();
    }
  }

  private emitInOrder(): void {
    while (!this.readBlocked && this.done.has(this.nextPush)) {
      const out = this.done.get(this.nextPush) as Buffer;
      this.done.delete(this.nextPush);
      this.nextPush++;
      if (!this.headerSent) {
        this.headerSent = true;
        this.push(gzipHeader(this.level));
      }
      if (!this.push(out)) this.readBlocked = true;
    }
    if (this.lastDispatched && this.nextPush === this.nextSeq && !this.finished) {
      this.finished = true;
      const trailer = Buffer.alloc(8);
      trailer.writeUInt32LE(this.crc >>> 0, 0);
      trailer.writeUInt32LE(this.total % 2 ** 32, 4);
      this.push(trailer);
      this.push(null);
      const cb = this.pendingFinal;
      this.pendingFinal = null;
      cb?.();
    }
  }

  private dispatch(block: Buffer, last: boolean): void {
    const seq = this.nextSeq++;
    const dict = this.history;
    this.crc = zlib.crc32(block, this.crc);
    this.total += block.length;
    this.history =
      block.length >= WINDOW
        ? Buffer.from(block.subarray(block.length - WINDOW))
        : Buffer.concat([dict, block]).subarray(-WINDOW);
    deflateBlock(block, dict, this.level, last).then(
      (out) => {
        if (this.finished || this.destroyed) return;
        // The compressor is done with the input; `history` holds its own copy of the tail.
        if (block.length === this.blockSize && this.free.length < this.maxInFlight) {
          this.free.push(block);
        }
        this.done.set(seq, out);
        this.pump();
      },
      (err: unknown) => {
        this.destroy(new ReleaseError('INTERNAL', 'gzip compression failed', { cause: err }));
      },
    );
  }
}
