/**
 * Parallel, byte-reproducible gzip compressor (pigz-style), producing exactly ONE gzip member.
 *
 * The input is cut into fixed-size blocks. Each block is compressed on its own with raw deflate,
 * primed with the 32 KiB of input that precede it as a preset dictionary, so matches may reach
 * back across block boundaries exactly as a single deflate stream's window would. Every block but
 * the last is non-final and ends byte-aligned with an empty stored block (what zlib's
 * Z_SYNC_FLUSH writes); the last block is final.
 * The deflate pieces concatenate into one valid deflate stream behind one gzip header and one
 * trailer, so first-member-only decoders (the nexo installer) see all of the data.
 *
 * Reproducibility: block boundaries depend only on `blockSize`, each block's compressor sees only
 * the block and its dictionary, and results are emitted in input order; so the output depends
 * only on the input bytes, `level`, `blockSize` and the deflater, never on `concurrency`, write
 * chunking or timing. A different `blockSize` gives different (equally valid) bytes. The deflater
 * is libdeflate compiled to WebAssembly and shipped inside the action (deflate/pool.ts), so the
 * bytes do not depend on the machine, the CPU or the Node version either: only on the module,
 * whose SHA-256 is DEFLATE_WASM_SHA256.
 *
 * Parallelism: `concurrency` worker threads (default: the machine's cores) deflate blocks while
 * this thread reads, checksums and writes. Up to `concurrency * 2` blocks are in flight, so a
 * worker never waits for the next block while this thread emits the last one.
 */
import { Duplex } from 'node:stream';
import os from 'node:os';
import zlib from 'node:zlib';
import { isReleaseError, ReleaseError } from '../errors.ts';
import { blockBound, deflateBlock } from './deflate/pool.ts';

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
// 1 MiB: measured on 2 cores, 256 KiB took ~20% longer (a 32 KiB dictionary primed per block,
// more messages to the workers) and 2 MiB was no faster; the size difference is under 0.02%.
const DEFAULT_BLOCK_SIZE = 1024 * 1024;
/** In-flight blocks are capped so memory stays constant on machines with many cores. */
const MAX_IN_FLIGHT = 16;
const MIN_BLOCK_SIZE = 1024;

/** The gzip stream. Each chunk read from it is a Buffer of its own (object mode, so chunks are
 * never merged); a reader that is done with a chunk's bytes may hand it back with release(), and
 * its memory then holds a later block's output instead of a new allocation. */
export interface ParallelGzip extends Duplex {
  release(chunk: Buffer): void;
}

/** Compresses a byte stream into exactly one gzip member. Output bytes depend only on the input
 * bytes, level and blockSize — never on concurrency, timing or the machine. Write raw bytes in,
 * read gzip bytes out; backpressure is honoured both ways and memory stays bounded by about
 * `concurrency * 2` blocks (input plus output) whatever the input size. */
export function createParallelGzip(opts: GzipOptions = {}): ParallelGzip {
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
  return new ParallelGzipStream(level, blockSize, concurrency);
}

/** The fixed 10-byte header: no name, no mtime, OS = unix, so every machine writes the same. */
function gzipHeader(level: number): Buffer {
  const xfl = level === 9 ? 2 : level === 1 ? 4 : 0;
  return Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 3]);
}

class ParallelGzipStream extends Duplex implements ParallelGzip {
  private readonly level: number;
  private readonly blockSize: number;
  private readonly concurrency: number;
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
  /** Output memory handed back by the reader (release), and the outputs it may come from. */
  private readonly freeOut: ArrayBuffer[] = [];
  private readonly outCapacity: number;
  private readonly handedOut = new WeakSet<ArrayBuffer>();
  private headerSent = false;
  private ending = false;
  private lastDispatched = false;
  private finished = false;
  private readBlocked = false;
  private pendingWrite: ((err?: Error | null) => void) | null = null;
  private pendingFinal: ((err?: Error | null) => void) | null = null;

  constructor(level: number, blockSize: number, concurrency: number) {
    // Object mode on the readable side: a chunk is read exactly as pushed, so release() can
    // recognise it. Two chunks of read-ahead, as a byte high-water mark of blockSize gave.
    super({ readableObjectMode: true, readableHighWaterMark: 2 });
    this.level = level;
    this.blockSize = blockSize;
    this.outCapacity = blockBound(blockSize);
    this.concurrency = concurrency;
    this.maxInFlight = Math.min(concurrency * 2, MAX_IN_FLIGHT);
    this.current = Buffer.allocUnsafe(blockSize);
  }

  release(chunk: Buffer): void {
    const ab = chunk.buffer as ArrayBuffer;
    if (!this.handedOut.has(ab) || this.freeOut.length >= this.maxInFlight) return;
    this.handedOut.delete(ab);
    this.freeOut.push(ab);
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
    this.freeOut.length = 0;
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
    // `block` and `out` are moved to a worker (empty here until they come back), so the
    // checksum and the next dictionary are taken from the block first.
    const out = this.freeOut.pop() ?? new ArrayBuffer(this.outCapacity);
    deflateBlock({ level: this.level, dict, data: block, last, out }, this.concurrency).then(
      ({ out, data }) => {
        if (this.finished || this.destroyed) return;
        if (data.length === this.blockSize && this.free.length < this.maxInFlight) {
          this.free.push(data);
        }
        if (out.buffer.byteLength === this.outCapacity)
          this.handedOut.add(out.buffer as ArrayBuffer);
        this.done.set(seq, out);
        this.pump();
      },
      (err: unknown) => {
        this.destroy(
          isReleaseError(err)
            ? err
            : new ReleaseError('INTERNAL', 'gzip compression failed', { cause: err }),
        );
      },
    );
  }
}
