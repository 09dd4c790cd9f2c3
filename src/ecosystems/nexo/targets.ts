import { ReleaseError } from '../../errors.ts';
import data from './rust-targets.json' with { type: 'json' };

/**
 * Target names a nexo release may carry: the Rust target triples of a recent stable rustc
 * (`rust-targets.json`, regenerated with `rustc --print target-list`) plus `noarch`. A name
 * outside the list is almost always a typo that would publish a tarball no operator's installer
 * ever picks, so it is refused with the nearest known name; `allow-unknown-targets: true` lets
 * custom targets (a target spec JSON, a newer rustc) through.
 */
export const KNOWN_TARGETS: ReadonlySet<string> = new Set([...data.targets, 'noarch']);

/** The installer's default targets, preferred when two names are equally near. */
const COMMON = [
  'x86_64-unknown-linux-gnu',
  'aarch64-unknown-linux-gnu',
  'x86_64-apple-darwin',
  'aarch64-apple-darwin',
];

/** Optimal string alignment distance: Levenshtein plus adjacent transpositions ("gun"/"gnu"). */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/** The known target nearest to `name` (case-insensitive distance; common targets win ties). */
export function nearestTarget(name: string): string {
  const lower = name.toLowerCase();
  let best = COMMON[0]!;
  let bestDistance = Infinity;
  for (const candidate of [...COMMON, ...KNOWN_TARGETS]) {
    const d = editDistance(lower, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Throws TARGET_INVALID for the first name in `targets` or `target-aliases` that is not a known
 * target, unless `allowUnknown`. Every unknown name is listed, each with its suggestion.
 */
export function checkTargetNames(
  names: { targets: readonly string[]; aliases: readonly { from: string; to: string }[] },
  allowUnknown: boolean,
): void {
  if (allowUnknown) return;
  const all = [...names.targets, ...names.aliases.flatMap((a) => [a.from, a.to])];
  const unknown = [...new Set(all.filter((t) => !KNOWN_TARGETS.has(t)))];
  if (unknown.length === 0) return;
  const items = unknown.map((t) => `'${t}' (did you mean ${nearestTarget(t)}?)`);
  throw new ReleaseError(
    'TARGET_INVALID',
    `unknown target ${items.join(', ')}: not a Rust target triple of rustc ${data.rustc} nor noarch, so no operator's installer would ever pick its tarball. Fix the name in targets (or target-aliases); for a custom target set allow-unknown-targets: true`,
  );
}
