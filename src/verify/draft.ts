import { createReadStream } from 'node:fs';
import type { ReleaseApi, ReleaseAsset } from '../github/types.ts';
import type { LocalAsset } from '../publish/local.ts';
import { READ_CHUNK, type ArtifactSource } from './source.ts';

/**
 * The draft release's own assets, as verify sees them before the release goes live. An asset
 * whose GitHub digest equals a local file's sha256 is read from the local file: GitHub's digest
 * proves the bytes equal, so downloading them again would only cost time. Every other asset
 * (attached by another job, or without a digest) is downloaded through the API with the token,
 * since drafts are not public. Only fully stored assets (`uploaded`) are listed.
 * The same holds for a release just published whose assets kept their digests (post-check).
 */
export function draftSource(
  api: ReleaseApi,
  remote: readonly ReleaseAsset[],
  local: readonly LocalAsset[],
  label: string,
): ArtifactSource & { downloads: () => number } {
  const assets = remote.filter((a) => a.state === 'uploaded');
  const localBy = new Map(local.map((l) => [l.name, l]));
  let downloads = 0;
  return {
    mode: 'remote',
    label,
    files: assets.map((a) => ({ name: a.name, size: a.size })),
    downloads: () => downloads,
    open: async (name) => {
      const asset = assets.find((a) => a.name === name);
      if (!asset) throw new Error(`no asset ${name} on ${label}`);
      const mine = localBy.get(name);
      if (mine !== undefined && asset.digest === `sha256:${mine.sha256}`)
        return createReadStream(mine.path, { highWaterMark: READ_CHUNK });
      downloads++;
      return api.downloadAsset(asset.id);
    },
  };
}
