import path from 'node:path';
import type { Config } from '../../config.ts';
import type { ProfileManifest, ProfilePlan } from '../types.ts';

export const EXTENSION = '.bsiplugin';

export function packageName(id: string, version: string): string {
  return `${id}-${version}${EXTENSION}`;
}

/** Pure: one package in dist. Its signature lives inside it, so no native files; the
 * manifest is inside too, so no plain assets. */
export function planBiosimulant(config: Config, manifest: ProfileManifest): ProfilePlan {
  const name = packageName(manifest.id, manifest.version);
  return {
    artifacts: [{ name, path: path.join(config.distDir, name), target: null }],
    nativeFiles: [],
    plainAssets: [],
  };
}
