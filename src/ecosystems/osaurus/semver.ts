/**
 * The two SemVer readings that judge an Osaurus release. The registry validator
 * (`osaurus-tools` `scripts/validate.py`) is strict SemVer 2.0.0 and sorts by its precedence;
 * the installer's `SemanticVersion.parse` (`osaurus` `SemanticVersion.swift`) is lenient: split
 * once at `+`, once at `-`, and a core of three integers.
 */
export const SEMVER_RE =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export function isSemver(v: unknown): v is string {
  return typeof v === 'string' && SEMVER_RE.test(v);
}

type Ident = [0, bigint, ''] | [1, 0n, string];

/** validate.py's `semver_sort_key` as a comparator (build metadata ignored). */
export function compareSemver(a: string, b: string): number {
  const ma = SEMVER_RE.exec(a)!;
  const mb = SEMVER_RE.exec(b)!;
  for (let i = 1; i <= 3; i++) {
    const d = BigInt(ma[i]!) - BigInt(mb[i]!);
    if (d !== 0n) return d < 0n ? -1 : 1;
  }
  const pa = ma[4];
  const pb = mb[4];
  if (pa === undefined || pb === undefined) return pa === pb ? 0 : pa === undefined ? 1 : -1;
  const idents = (p: string): Ident[] =>
    p.split('.').map((s) => (/^\d+$/.test(s) ? [0, BigInt(s), ''] : [1, 0n, s]));
  const ia = idents(pa);
  const ib = idents(pb);
  for (let i = 0; i < Math.min(ia.length, ib.length); i++) {
    const [ka, na, sa] = ia[i]!;
    const [kb, nb, sb] = ib[i]!;
    if (ka !== kb) return ka - kb;
    if (na !== nb) return na < nb ? -1 : 1;
    if (sa !== sb) return sa < sb ? -1 : 1;
  }
  return ia.length - ib.length;
}

/** Swift's `Int(String)`: an optional sign, then decimal digits, within 64 bits. */
function swiftInt(s: string): bigint | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n >= -(2n ** 63n) && n < 2n ** 63n ? n : undefined;
}

export interface LenientVersion {
  major: bigint;
  minor: bigint;
  patch: bigint;
  prerelease: string | undefined;
  build: string | undefined;
}

/** `SemanticVersion.parse`; undefined where it returns nil. */
export function parseLenient(s: string): LenientVersion | undefined {
  const plus = s.indexOf('+');
  const withoutBuild = plus < 0 ? s : s.slice(0, plus);
  const build = plus < 0 ? undefined : s.slice(plus + 1);
  const dash = withoutBuild.indexOf('-');
  const core = dash < 0 ? withoutBuild : withoutBuild.slice(0, dash);
  const prerelease = dash < 0 ? undefined : withoutBuild.slice(dash + 1);
  const nums = core.split('.').map(swiftInt);
  if (nums.length !== 3 || nums.some((n) => n === undefined)) return undefined;
  const [major, minor, patch] = nums as [bigint, bigint, bigint];
  return { major, minor, patch, prerelease, build };
}

/** `SemanticVersion.description`: how the installer names the version it parsed. */
export function describeLenient(v: LenientVersion): string {
  let s = `${v.major}.${v.minor}.${v.patch}`;
  if (v.prerelease) s += `-${v.prerelease}`;
  if (v.build) s += `+${v.build}`;
  return s;
}

/**
 * `ToolsInstall.parsePluginIdAndVersion`: drop `.zip` (any case), split on `-`, and scanning from
 * the right the first suffix that parses is the version; the non-empty rest is the id.
 */
export function parseArtifactName(name: string): { id: string; version: string } | undefined {
  const base = name.toLowerCase().endsWith('.zip') ? name.slice(0, -4) : name;
  const parts = base.split('-');
  for (let i = parts.length - 1; i >= 1; i--) {
    const v = parseLenient(parts.slice(i).join('-'));
    if (v === undefined) continue;
    const id = parts.slice(0, i).join('-');
    if (id !== '') return { id, version: describeLenient(v) };
  }
  return undefined;
}
