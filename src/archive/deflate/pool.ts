/**
 * Worker threads that deflate blocks with the WebAssembly build of libdeflate
 * (block-deflate.c, built into wasm.generated.ts).
 *
 * Contract of deflateBlock(): raw deflate of `data` at `level`, matches allowed into `dict` (the
 * up to 32 KiB that precede it); with `last` the stream ends there, without it the output ends
 * byte-aligned after an empty stored block so the next block's output can follow it. The bytes
 * depend only on the arguments and the module's bytes: never on which worker ran the job, what it
 * ran before, the machine or the Node version.
 *
 * Why workers: WebAssembly runs on the thread that calls it, so the blocks in flight need one
 * thread each to use every core. Why libdeflate: at level 6 it writes about 1% less than GNU
 * gzip -6 and runs several times faster per core; Node's zlib (Chromium's fork) is faster than
 * gzip but about 2.4% larger on machine code, because its 4-byte hash never finds 3-byte matches.
 *
 * One pool per thread count lives as long as the process. Its workers are unref'd while idle so
 * they never keep the process alive, and ref'd while they hold a job so a pending block does.
 */
import { Worker } from 'node:worker_threads';
import { ReleaseError } from '../../errors.ts';
import { DEFLATE_WASM_BASE64 } from './wasm.generated.ts';

export interface BlockJob {
  level: number;
  /** The input that precedes `data` (at most 32 KiB); empty for the first block. */
  dict: Buffer;
  data: Buffer;
  last: boolean;
  /** Where to put the output: moved to the worker and back, so output memory is reused instead
   * of allocated per block. Used when it holds blockBound(data.length) bytes. */
  out?: ArrayBuffer;
}

export interface BlockResult {
  /** The output, at the start of `job.out` when one was given. */
  out: Buffer;
  /** `data` handed back: a block sent without copying comes back here for reuse. */
  data: Buffer;
}

// Plain JavaScript: an eval'd worker runs it as is, from src/ and from the bundle alike. It may
// run as a CommonJS script or as an ES module (workers inherit --input-type), hence
// getBuiltinModule rather than require or import.
const WORKER_SOURCE = `
const { parentPort, workerData } = process.getBuiltinModule('node:worker_threads');
const ex = new WebAssembly.Instance(workerData.module, {}).exports;
ex._initialize();
let inPtr = 0, inCap = 0, outPtr = 0, outCap = 0;
function room(ptr, cap, need) {
  if (need <= cap) return [ptr, cap];
  if (ptr) ex.block_free(ptr);
  const p = ex.block_alloc(need);
  if (!p) throw new Error('out of WebAssembly memory for ' + need + ' bytes');
  return [p, need];
}
parentPort.on('message', ({ id, level, dict, data, last, out: given }) => {
  try {
    [inPtr, inCap] = room(inPtr, inCap, Math.max(1, dict.byteLength + data.byteLength));
    [outPtr, outCap] = room(outPtr, outCap, ex.block_bound(data.byteLength));
    const mem = new Uint8Array(ex.memory.buffer);
    mem.set(dict, inPtr);
    mem.set(data, inPtr + dict.byteLength);
    const n = ex.block_deflate(level, inPtr, dict.byteLength, data.byteLength, outPtr, outCap, last ? 1 : 0);
    if (n === 0) throw new Error('block_deflate refused level ' + level + ', ' + data.byteLength + ' bytes');
    const out = given && given.byteLength >= n ? new Uint8Array(given, 0, n) : new Uint8Array(n);
    out.set(new Uint8Array(ex.memory.buffer, outPtr, n));
    const whole = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
    parentPort.postMessage({ id, out, data }, whole ? [out.buffer, data.buffer] : [out.buffer]);
  } catch (err) {
    parentPort.postMessage({ id, error: String((err && err.stack) || err) });
  }
});
`;

interface Pending {
  id: number;
  job: BlockJob;
  resolve: (r: BlockResult) => void;
  reject: (e: Error) => void;
}

interface Reply {
  id: number;
  out?: Uint8Array;
  data?: Uint8Array;
  error?: string;
}

/** Output room block_deflate() needs for `n` input bytes: the same formula as block_bound() in
 * block-deflate.c (a test holds them equal). */
export function blockBound(n: number): number {
  return n + 5 * (Math.floor(n / 0xffff) + 1) + 1024;
}

let wasmModule: WebAssembly.Module | undefined;
const pools = new Map<number, Pool>();

function toBuffer(u: Uint8Array): Buffer {
  return Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}

/** A buffer that owns all of its ArrayBuffer can be moved to a worker instead of copied. */
function ownsBuffer(b: Buffer): boolean {
  return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength;
}

class Pool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private nextId = 0;
  private failed: Error | null = null;
  private readonly threads: number;
  private readonly module: WebAssembly.Module;

  constructor(threads: number, module: WebAssembly.Module) {
    this.threads = threads;
    this.module = module;
  }

  /** Workers start when there is work for them, up to `threads`: a small archive (one block)
   * starts one, and more workers than blocks in flight are never started. */
  private spawn(): void {
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { module: this.module } });
    w.on('message', (reply: Reply) => this.onReply(w, reply));
    w.on('error', (err) => this.fail(err));
    w.on('exit', (code) => this.fail(new Error(`deflate worker exited with code ${code}`)));
    // After the listeners: adding a 'message' listener refs the worker's port again.
    w.unref();
    this.workers.push(w);
    this.idle.push(w);
  }

  get started(): number {
    return this.workers.length;
  }

  run(job: BlockJob): Promise<BlockResult> {
    return new Promise((resolve, reject) => {
      if (this.failed) {
        reject(this.failed);
        return;
      }
      this.queue.push({ id: this.nextId++, job, resolve, reject });
      this.assign();
    });
  }

  private assign(): void {
    while (this.queue.length > this.idle.length && this.workers.length < this.threads) {
      this.spawn();
    }
    while (this.idle.length > 0 && this.queue.length > 0) {
      const w = this.idle.pop() as Worker;
      const p = this.queue.shift() as Pending;
      this.busy.set(w, p);
      w.ref();
      const { level, dict, data, last, out } = p.job;
      const moved: ArrayBuffer[] = out ? [out] : [];
      if (ownsBuffer(data)) moved.push(data.buffer as ArrayBuffer);
      w.postMessage({ id: p.id, level, dict, data, last, out }, moved);
    }
  }

  private onReply(w: Worker, reply: Reply): void {
    const p = this.busy.get(w);
    if (!p || p.id !== reply.id) return;
    this.busy.delete(w);
    w.unref();
    this.idle.push(w);
    if (reply.error !== undefined || !reply.out || !reply.data) {
      p.reject(new Error(reply.error ?? 'deflate worker sent an empty reply'));
    } else {
      p.resolve({ out: toBuffer(reply.out), data: toBuffer(reply.data) });
    }
    this.assign();
  }

  /** A dead worker fails its job and everything queued; the next caller gets a fresh pool. */
  private fail(err: Error): void {
    if (this.failed) return;
    this.failed = err;
    if (pools.get(this.threads) === this) pools.delete(this.threads);
    const all = [...this.busy.values(), ...this.queue.splice(0)];
    this.busy.clear();
    for (const p of all) p.reject(err);
    for (const w of this.workers) void w.terminate();
  }
}

/** Deflates one block on the shared pool of `threads` workers (started on first use). */
export async function deflateBlock(job: BlockJob, threads: number): Promise<BlockResult> {
  wasmModule ??= new WebAssembly.Module(Buffer.from(DEFLATE_WASM_BASE64, 'base64'));
  let pool = pools.get(threads);
  if (!pool) {
    pool = new Pool(threads, wasmModule);
    pools.set(threads, pool);
  }
  try {
    return await pool.run(job);
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new ReleaseError(
      'INTERNAL',
      `compressing the archive failed in a deflate worker (${why}). Nothing was published; rerun the job, and report it if it happens again`,
      { cause: err },
    );
  }
}

/** How many workers the pool of `threads` has started (0 if it has none yet). */
export function startedWorkers(threads: number): number {
  return pools.get(threads)?.started ?? 0;
}
