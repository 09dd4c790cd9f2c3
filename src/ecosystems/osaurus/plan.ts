import path from 'node:path';
import type { Config } from '../../config.ts';
import { ReleaseError } from '../../errors.ts';
import { assetNameProblem } from '../../publish/names.ts';
import type { ProfileManifest, ProfilePlan } from '../types.ts';

/**
 * The pure plan: `<plugin_id>-<version>.zip`, the name `osaurus tools install` parses (never a
 * `-macos-arm64` suffix, which it would read as part of a pre-release), its `.sha256`, and the
 * `.minisig` when a minisign secret key is given.
 */
export function zipName(id: string, version: string): string {
  return `${id}-${version}.zip`;
}

export function osaurusPlan(
  config: Pick<Config, 'distDir' | 'osaurus'>,
  manifest: Pick<ProfileManifest, 'id' | 'version'>,
): ProfilePlan {
  const name = zipName(manifest.id, manifest.version);
  const why = assetNameProblem(name);
  if (why !== undefined) {
    throw new ReleaseError(
      'ASSET_NAME',
      `the bundle would be named ${name}, which GitHub would rename (${why}). Drop the build metadata ('+...') from version`,
    );
  }
  return {
    artifacts: [{ name, path: path.join(config.distDir, name), target: null }],
    nativeFiles: config.osaurus.minisignSecretKey === '' ? [] : [`${name}.minisig`],
    plainAssets: [],
  };
}
