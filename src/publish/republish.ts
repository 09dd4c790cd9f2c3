import type { Release } from '../github/types.ts';
import type { SyncItem } from './sync.ts';

/**
 * New bytes under an already published version: operators who installed it keep the old bytes
 * (the installer skips an install directory `<id>-<version>` that exists), so the same version
 * now means two different plugins. Allowed, since fixing a broken asset is sometimes the point,
 * but said loudly, with the way out. Returns the warning, or undefined when nothing is replaced.
 */
export function replacingPublishedWarning(
  release: Release | undefined,
  items: readonly SyncItem[],
): string | undefined {
  if (release === undefined || release.draft) return undefined;
  const replaced = items.filter((i) => i.action === 'replace').map((i) => i.local.name);
  if (replaced.length === 0) return undefined;
  return `replacing ${replaced.length} asset${replaced.length === 1 ? '' : 's'} of ${release.tag_name}, which is already published: ${replaced.join(', ')}. Operators who already installed ${release.tag_name} keep the old bytes (the installer does not reinstall a version it has), so this version now means two different builds. Prefer bumping the version and releasing it as a new tag`;
}
