import { tarballName } from '../plan.ts';
import type { Findings, PlatformResult } from './report.ts';

/**
 * Which tarball `nexo plugin install` downloads on each common platform: the installer's
 * default target there (Linux: `-gnu`, never `-musl`), the exact `<id>-<version>-<target>.tar.gz`
 * if present, else `<id>-<version>-noarch.tar.gz`, else TargetNotFound listing the release's
 * `.tar.gz` assets. A platform without a tarball fails only when its target is in `targets`.
 */
export const PLATFORMS: readonly { platform: string; target: string }[] = [
  { platform: 'Linux x86_64', target: 'x86_64-unknown-linux-gnu' },
  { platform: 'Linux aarch64', target: 'aarch64-unknown-linux-gnu' },
  { platform: 'macOS x86_64', target: 'x86_64-apple-darwin' },
  { platform: 'macOS aarch64', target: 'aarch64-apple-darwin' },
];

export function pickTarball(
  names: readonly string[],
  id: string,
  version: string,
  target: string,
): { tarball: string; via: 'exact' | 'noarch' } | undefined {
  const exact = tarballName(id, version, target);
  if (names.includes(exact)) return { tarball: exact, via: 'exact' };
  const noarch = tarballName(id, version, 'noarch');
  if (names.includes(noarch)) return { tarball: noarch, via: 'noarch' };
  return undefined;
}

export function platformResults(
  names: readonly string[],
  id: string | undefined,
  version: string | undefined,
  targets: readonly string[],
): PlatformResult[] {
  const available = names.filter((n) => n.endsWith('.tar.gz'));
  return PLATFORMS.map(({ platform, target }) => {
    const pick = id && version ? pickTarball(names, id, version, target) : undefined;
    if (pick) return { platform, target, tarball: pick.tarball, via: pick.via, status: 'pass' };
    return {
      platform,
      target,
      tarball: null,
      via: null,
      status: targets.includes(target) ? 'fail' : 'info',
      code: 'TargetNotFound',
      available,
    };
  });
}

/** A failed check is about `tarball` when it names the tarball, one of its entries or files. */
function about(subject: string, tarball: string): boolean {
  return (
    subject === tarball || subject.startsWith(`${tarball}:`) || subject.startsWith(`${tarball}.`)
  );
}

/**
 * The platform rows after the per-tarball checks: a platform whose pick fails any check fails
 * too (the installer there would refuse it), and a release that no common platform can install
 * at all is a failed check of its own, whatever `targets` says: publishing it helps nobody.
 * `reported`: the "no tarball at all" failure was already recorded.
 */
export function judgePlatforms(
  platforms: PlatformResult[],
  findings: Findings,
  subject: string,
  reported: boolean,
): PlatformResult[] {
  const judged = platforms.map((p): PlatformResult => {
    if (p.tarball === null) return p;
    const failed = findings.list.find((c) => c.status === 'fail' && about(c.subject, p.tarball!));
    return failed ? { ...p, status: 'fail', code: failed.code } : p;
  });
  if (judged.length > 0 && judged.every((p) => p.tarball === null)) {
    if (!reported) {
      const available = judged[0]!.available ?? [];
      findings.fail(
        'platforms',
        subject,
        'TargetNotFound',
        `no common platform can install this release: ${judged.map((p) => p.target).join(', ')} all get TargetNotFound (the installer picks <id>-<version>-<target>.tar.gz, else -noarch). Available: ${available.join(', ') || 'none'}. Build one of these targets, publish a musl build under the gnu name with target-aliases, or package noarch`,
      );
    }
    return judged.map((p) => ({ ...p, status: 'fail' }));
  }
  return judged;
}
