/**
 * Series of measurements and the comparisons the targets are stated in. A comparison is always
 * the ratio of medians of two series measured interleaved in the same run (A B A B ...), so
 * slow drift of the machine (other load, thermal state, page cache) hits both sides alike.
 */
import type { LoadWatch, SampleLoad } from './quiet.ts';

export interface Series {
  /** Every sample, in the order measured. */
  samples: number[];
  median: number;
  min: number;
  max: number;
  /** Per sample: wait for quiet before it, and machine-wide busy cores during it. */
  load?: SampleLoad[];
}

export function series(samples: readonly number[], load?: SampleLoad[]): Series {
  if (samples.length === 0) throw new Error('a series needs at least one sample');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const out: Series = {
    samples: [...samples],
    median,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
  if (load !== undefined) out.load = load;
  return out;
}

/** A pass/fail line against one of the targets. */
export interface Check {
  id: string;
  /** What is compared, in words. */
  what: string;
  measured: number;
  unit: string;
  op: '<=' | '>=';
  limit: number;
  pass: boolean;
  /** Timing targets are reached as ratios; counts and memory are absolute. */
  kind: 'ratio' | 'count' | 'memory' | 'size' | 'duration';
}

export function check(
  id: string,
  what: string,
  measured: number,
  op: '<=' | '>=',
  limit: number,
  unit: string,
  kind: Check['kind'],
): Check {
  const pass = op === '<=' ? measured <= limit : measured >= limit;
  return { id, what, measured, unit, op, limit, pass, kind };
}

/**
 * A measurement reported next to the targets but without one (nothing passes or fails): for
 * operators to read, e.g. how long a process takes to send its first request.
 */
export interface Info {
  id: string;
  what: string;
  /** The median when a series was measured. */
  measured: number;
  unit: string;
  series?: Series;
}

/** Samples of one step, with how busy the machine was during each. */
export interface Sampled {
  values: number[];
  load: SampleLoad[];
}

/**
 * Runs `steps` in order, `runs` times (A B C A B C ...), collecting each step's samples. Each
 * step returns the number it measured (ms, usually). `watch` may wait for a quiet machine before
 * each sample and records the machine-wide load during it.
 */
export async function interleave<K extends string>(
  runs: number,
  steps: readonly { key: K; run: (i: number) => Promise<number> }[],
  watch: LoadWatch,
  onSample?: (key: K, i: number, value: number, load: SampleLoad) => void,
): Promise<Record<K, Sampled>> {
  const out = {} as Record<K, Sampled>;
  for (const s of steps) out[s.key] = { values: [], load: [] };
  for (let i = 0; i < runs; i++) {
    for (const s of steps) {
      await watch.before();
      const v = await s.run(i);
      const load = watch.after();
      out[s.key].values.push(v);
      out[s.key].load.push(load);
      onSample?.(s.key, i, v, load);
    }
  }
  return out;
}

export const MIB = 1024 * 1024;
export const KIB = 1024;

export function round(n: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
