/**
 * The machine's zlib ceiling: N worker threads (N = cores), each deflating its contiguous share
 * of the payload in memory with node:zlib at the given level, all at once. Throughput is input
 * bytes / wall time from "go" to the last worker's answer. The payload sits in one
 * SharedArrayBuffer loaded before timing, so no I/O or copying is timed; the workers start
 * once and are reused across runs.
 */
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const zlib = require('node:zlib');
const data = Buffer.from(workerData.sab, workerData.start, workerData.length);
parentPort.on('message', (level) => {
  const out = zlib.deflateRawSync(data, { level });
  parentPort.postMessage(out.length);
});
`;

export interface Ceiling {
  /** One timed run: every worker deflates its share; returns wall ms and compressed bytes. */
  run(level: number): Promise<{ wallMs: number; outBytes: number }>;
  close(): Promise<void>;
}

export function startCeiling(payload: readonly Buffer[], threads: number): Ceiling {
  const total = payload.reduce((n, b) => n + b.length, 0);
  const sab = new SharedArrayBuffer(total);
  const all = Buffer.from(sab);
  let off = 0;
  for (const b of payload) off += b.copy(all, off);
  const share = Math.ceil(total / threads);
  const workers: Worker[] = [];
  for (let i = 0; i < threads; i++) {
    const start = i * share;
    const length = Math.max(0, Math.min(share, total - start));
    workers.push(new Worker(WORKER_SOURCE, { eval: true, workerData: { sab, start, length } }));
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
    async run(level) {
      const started = performance.now();
      const sizes = await Promise.all(workers.map((w) => ask(w, level)));
      return { wallMs: performance.now() - started, outBytes: sizes.reduce((a, b) => a + b, 0) };
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
