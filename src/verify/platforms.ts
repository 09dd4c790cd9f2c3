import { tarballName } from '../plan.ts';
import type { PlatformResult } from './report.ts';

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
