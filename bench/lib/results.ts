/** The shape of bench/results.json: everything BENCHMARKS.md is generated from. */
import type { OsaurusResult } from '../osaurus.ts';
import type { PackResult } from '../pack.ts';
import type { PublishResult } from '../publish.ts';
import type { SignResult } from '../sign.ts';
import type { Machine } from './machine.ts';
import type { Probe } from './measure.ts';
import type { Check, Info } from './stats.ts';

export interface Results {
  schema: 1;
  smoke: boolean;
  /** The command line that produced this file. */
  command: string;
  startedAt: string;
  finishedAt: string;
  durationS: number;
  runs: number;
  /** Longest wait for idle cores before each sample (0 = none). */
  settleS: number;
  /** Seconds actually spent waiting for idle cores, over the whole run. */
  settledS: number;
  probe: Probe;
  machine: Machine;
  /** Load averages (1, 5, 15 min) when the run started and ended: other processes on the cores. */
  load: { before: number[]; after: number[] };
  source: { commit: string; dirtyFiles: number; cli: string; cliSha256: string };
  pack?: PackResult;
  publish?: PublishResult;
  sign?: SignResult;
  osaurus?: OsaurusResult;
  checks: Check[];
  /** Measurements reported without a target (absent from results written before they were). */
  info?: Info[];
}
