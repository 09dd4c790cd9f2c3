/**
 * Our deflater's ceiling: the payload's 1 MiB pieces, each primed with the 32 KiB before it,
 * all queued at once on the worker pool pack uses (src/archive/deflate/pool.ts), in memory: no
 * tar, no hashing, no I/O, no gzip framing. Informational: the ceiling is zlib's; this
 * one shows what pack's own plumbing costs over the deflater it drives.
 */
import { deflateBlock } from '../../src/archive/deflate/pool.ts';

const PIECE = 1024 * 1024;
const WINDOW = 32 * 1024;

export async function runDeflaterCeiling(
  payload: Buffer,
  level: number,
  threads: number,
): Promise<{ wallMs: number; outBytes: number }> {
  const started = performance.now();
  const jobs: Promise<number>[] = [];
  for (let start = 0; start < payload.length; start += PIECE) {
    const end = Math.min(payload.length, start + PIECE);
    const job = {
      level,
      dict: payload.subarray(Math.max(0, start - WINDOW), start),
      data: payload.subarray(start, end),
      last: end === payload.length,
    };
    jobs.push(deflateBlock(job, threads).then((r) => r.out.length));
  }
  const sizes = await Promise.all(jobs);
  return { wallMs: performance.now() - started, outBytes: sizes.reduce((a, b) => a + b, 0) };
}
