/**
 * The machine's zlib ceiling: N worker threads (N = cores) deflating the payload in memory with
 * node:zlib at the given level, flat out. The payload is cut into 1 MiB pieces that the workers
 * take from one shared counter until none are left, so every core stays busy to the end (equal
 * contiguous shares left one core idle while the other finished a harder half). Throughput is
 * input bytes / wall time from "go" to the last worker's answer. The payload sits in one
 * SharedArrayBuffer loaded before timing, so no I/O or copying is timed; the workers start once
 * and are reused across runs.
 */
import { Worker } from 'node:worker_threads';

const PIECE = 1024 * 1024;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const zlib = require('node:zlib');
const { sab, total, piece, counter } = workerData;
const next = new Int32Array(counter);
parentPort.on('message', (level) => {
  let out = 0;
  for (;;) {
    const i = Atomics.add(next, 0, 1);
    const start = i * piece;
    if (start >= total) break;
    const data = Buffer.from(sab, start, Math.min(piece, total - start));
    out += zlib.deflateRawSync(data, { level }).length;
  }
  parentPort.postMessage(out);
});
`;

export interface Ceiling {
  /** The payload, concatenated, in the shared memory the workers read. */
  payload: Buffer;
  /** One timed run: the workers deflate every piece; returns wall ms and compressed bytes. */
  run(level: number): Promise<{ wallMs: number; outBytes: number }>;
  close(): Promise<void>;
}

export function startCeiling(payload: readonly Buffer[], threads: number): Ceiling {
  const total = payload.reduce((n, b) => n + b.length, 0);
  const sab = new SharedArrayBuffer(total);
  const all = Buffer.from(sab);
  let off = 0;
  for (const b of payload) off += b.copy(all, off);
  const counter = new SharedArrayBuffer(4);
  const next = new Int32Array(counter);
  const workers: Worker[] = [];
  for (let i = 0; i < threads; i++) {
    workers.push(
      new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { sab, total, piece: PIECE, counter },
      }),
    );
  }
  const ask = (w: Worker, level: number) =>
    new Promise<number>((resolve, reject) => {
      const onError = (e: Error) => reject(e);
      w.once('error', onError);
      w.once('message', (n: number) => {
        w.off('error', onError);
        resolve(n);
      });
      w.postMessage(level);
    });
  return {
    payload: all,
    async run(level) {
      Atomics.store(next, 0, 0);
      const started = performance.now();
      const sizes = await Promise.all(workers.map((w) => ask(w, level)));
      return { wallMs: performance.now() - started, outBytes: sizes.reduce((a, b) => a + b, 0) };
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
