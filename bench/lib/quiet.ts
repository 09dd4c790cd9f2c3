/**
 * How busy the whole machine is, from /proc/stat (all processes, not only ours), so a run can
 * wait for the cores to be free before each sample and record how busy they were during it.
 * On systems without /proc/stat every reading is "unknown" and nothing waits.
 */
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

interface Snapshot {
  busy: number;
  total: number;
  at: number;
}

function snapshot(): Snapshot | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal ...
    const idle = (f[3] ?? 0) + (f[4] ?? 0);
    const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - idle, total, at: performance.now() };
  } catch {
    return undefined;
  }
}

/** Cores busy on average between two snapshots (0 .. cores), or null when unknown. */
function busyCores(a: Snapshot | undefined, b: Snapshot | undefined, cores: number): number | null {
  if (!a || !b || b.total === a.total) return null;
  return ((b.busy - a.busy) / (b.total - a.total)) * cores;
}

export interface SampleLoad {
  /** Seconds spent waiting for a quiet machine before the sample. */
  waitedS: number;
  /** Average busy cores, machine-wide, during the sample (ours included). */
  busyCores: number | null;
}

/** All waiting in one run stops after this long, so the suite stays within its time limit. */
const SETTLE_BUDGET_S = 180;

export class LoadWatch {
  private readonly cores: number;
  private readonly settleS: number;
  private start: Snapshot | undefined;
  private waited = 0;
  private totalWaited = 0;

  /** `settleS` = longest wait for quiet before a sample; 0 = never wait. */
  constructor(cores: number, settleS: number) {
    this.cores = cores;
    this.settleS = settleS;
  }

  /** Seconds waited for quiet over the whole run. */
  get waitedS(): number {
    return this.totalWaited;
  }

  /**
   * Waits (up to settleS, and while the run's budget lasts) until two consecutive half-second
   * windows are under 0.25 busy cores machine-wide.
   */
  async before(): Promise<void> {
    const t0 = performance.now();
    const limitMs = Math.min(this.settleS, Math.max(0, SETTLE_BUDGET_S - this.totalWaited)) * 1000;
    let calm = 0;
    while (calm < 2 && performance.now() - t0 < limitMs) {
      const a = snapshot();
      await sleep(500);
      const busy = busyCores(a, snapshot(), this.cores);
      if (busy === null) break;
      calm = busy < 0.25 ? calm + 1 : 0;
    }
    this.waited = (performance.now() - t0) / 1000;
    this.totalWaited += this.waited;
    this.start = snapshot();
  }

  after(): SampleLoad {
    return { waitedS: this.waited, busyCores: busyCores(this.start, snapshot(), this.cores) };
  }
}

/** ` (busy 1.9 cores, waited 3.0 s)` for progress lines. */
export function describeLoad(load: SampleLoad): string {
  const busy = load.busyCores === null ? '' : `busy ${load.busyCores.toFixed(1)} cores`;
  const waited = load.waitedS >= 1 ? `waited ${load.waitedS.toFixed(0)} s for quiet` : '';
  const parts = [busy, waited].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}
