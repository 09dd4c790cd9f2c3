/** Formatting helpers for the benchmark reports: numbers, series and markdown tables. */
import type { Check, Info, Series } from './stats.ts';

export const s = (ms: number) => (ms / 1000).toFixed(2);
export const span = (x: Series, f: (n: number) => string) =>
  `${f(x.median)} (${f(x.min)}–${f(x.max)})`;
export const secs = (x: Series) => `${span(x, s)} s`;
export const mib = (x: Series) => `${span(x, (n) => n.toFixed(1))} MiB`;
export const bytesMiB = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

export function measured(c: Check): string {
  if (!Number.isFinite(c.measured)) return 'not measured';
  if (c.unit === 'x') return `${c.measured.toFixed(3)}x`;
  if (c.unit === '%') return `${c.measured.toFixed(2)} %`;
  if (c.unit === 'MiB' || c.unit === 's') return `${c.measured.toFixed(1)} ${c.unit}`;
  return `${c.measured} ${c.unit}`;
}

/** An informational value: median (min–max) and unit when it is a series. */
export function infoValue(i: Info): string {
  const f = (n: number) => (i.unit === 'x' ? n.toFixed(3) : n.toFixed(0));
  const unit = i.unit === 'x' ? 'x' : ` ${i.unit}`;
  return i.series ? `${span(i.series, f)}${unit}` : `${f(i.measured)}${unit}`;
}

export function limit(c: Check): string {
  const v = c.unit === 'x' ? `${c.limit}x` : `${c.limit} ${c.unit}`;
  return `${c.op === '<=' ? '≤' : '≥'} ${v}`;
}

/** Median machine-wide busy cores during a series' samples (ours included). */
export function busy(x: Series): string {
  const v = (x.load ?? []).map((l) => l.busyCores).filter((b): b is number => b !== null);
  if (v.length === 0) return 'n/a';
  v.sort((a, b) => a - b);
  const mid = v.length >> 1;
  return (v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2).toFixed(2);
}

export const BUSY = 'busy cores, machine-wide (baseline / ours)';
export const verdict = (c: Check) => (c.pass ? 'PASS' : 'FAIL');

export function table(head: string[], rows: string[][]): string {
  // A '|' inside a cell would end it: escape it.
  const line = (cells: string[]) => `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

export function cpuCell(cpu: Series | null, wall: Series): string {
  if (cpu === null) return 'n/a';
  return `${cpu.median.toFixed(2)} s (${(cpu.median / (wall.median / 1000)).toFixed(2)} cores)`;
}

export const pct = (a: number, b: number) => `${(((a - b) / b) * 100).toFixed(2)} %`;
