/**
 * Scripted fault injection. Faults are kept in the order added. For each call to a route, every
 * matching fault that still has calls to `skip` counts the call down; the first matching fault
 * that is armed (nothing left to skip) hits the call and uses up one of its `times`. A fault is
 * dropped when its times are used up. `pending()` shows what has not fired yet.
 */
import type { FaultCallInfo, FaultKind, FaultSpec, RouteName } from './types.ts';

interface Armed {
  spec: FaultSpec;
  skipLeft: number;
  timesLeft: number;
}

const KINDS: readonly FaultKind[] = [
  '502-starter',
  '500-stored',
  'secondary-403',
  'secondary-429',
  'primary',
  'reset',
  'latency',
  'status',
];

export class FaultScript {
  private list: Armed[] = [];

  add(spec: FaultSpec): void {
    if (!KINDS.includes(spec.kind)) throw new Error(`unknown fault kind ${String(spec.kind)}`);
    const times = spec.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error('fault times must be >= 1');
    this.list.push({ spec, skipLeft: spec.skip ?? 0, timesLeft: times });
  }

  clear(): void {
    this.list = [];
  }

  /** Faults not yet used up, with what remains of their skip and times. */
  pending(): (FaultSpec & { skipLeft: number; timesLeft: number })[] {
    return this.list.map((a) => ({ ...a.spec, skipLeft: a.skipLeft, timesLeft: a.timesLeft }));
  }

  /** Called once per request to a route; returns the fault that hits it, if any. */
  take(route: RouteName, info: FaultCallInfo): FaultSpec | undefined {
    let hit: Armed | undefined;
    for (const armed of this.list) {
      const { spec } = armed;
      if (spec.route !== route) continue;
      if (spec.method && spec.method.toUpperCase() !== info.method) continue;
      if (spec.match && !spec.match(info)) continue;
      if (armed.skipLeft > 0) {
        armed.skipLeft--;
        continue;
      }
      if (!hit) hit = armed;
    }
    if (!hit) return undefined;
    hit.timesLeft--;
    if (hit.timesLeft === 0) this.list = this.list.filter((a) => a !== hit);
    return hit.spec;
  }
}
