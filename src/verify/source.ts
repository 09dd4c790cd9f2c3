import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Release, ReleaseApi } from '../github/types.ts';
import { MANIFEST_ASSET } from '../plan.ts';

/**
 * Where the artifacts under verification come from, behind one small interface: a published
 * release (its assets as the by-tag endpoint lists them, bytes fetched through the API's
 * redirect without the token, as the installer does) or a local artifact directory before
 * publishing (`dist`, plus the manifest file, which upload publishes as `nexo-plugin.toml`).
 * Sizes are known before anything is read, so oversized files are refused unread.
 */
/** Local files are read in 256 KiB chunks: a quarter of the callbacks of the default. */
export const READ_CHUNK = 256 * 1024;

export interface SourceFile {
  name: string;
  size: number;
}

export interface ArtifactSource {
  readonly mode: 'remote' | 'local';
  /** `owner/repo@tag`, or the directory. */
  readonly label: string;
  readonly files: readonly SourceFile[];
  open(name: string): Promise<Readable>;
}

export async function remoteSource(
  api: ReleaseApi,
  release: Release,
  label: string,
): Promise<ArtifactSource> {
  // Assets still being uploaded ('starter') are not downloadable: the installer cannot have them.
  const assets = (await api.listAssets(release.id)).filter((a) => a.state === 'uploaded');
  return {
    mode: 'remote',
    label,
    files: assets.map((a) => ({ name: a.name, size: a.size })),
    open: async (name) => {
      const asset = assets.find((a) => a.name === name);
      if (!asset) throw new Error(`no asset ${name}`);
      return api.downloadAsset(asset.id);
    },
  };
}

/** `manifestPath`: nexo publishes its manifest as an asset, so it is part of what is checked. */
export async function localSource(
  distDir: string,
  manifestPath: string | undefined,
): Promise<ArtifactSource> {
  const paths = new Map<string, string>();
  const files: SourceFile[] = [];
  for (const name of (await fs.readdir(distDir)).sort()) {
    if (name.startsWith('.') || name === MANIFEST_ASSET) continue;
    const st = await fs.stat(path.join(distDir, name));
    if (!st.isFile()) continue;
    paths.set(name, path.join(distDir, name));
    files.push({ name, size: st.size });
  }
  const manifest =
    manifestPath === undefined ? undefined : await fs.stat(manifestPath).catch(() => undefined);
  if (manifestPath !== undefined && manifest?.isFile()) {
    paths.set(MANIFEST_ASSET, manifestPath);
    files.unshift({ name: MANIFEST_ASSET, size: manifest.size });
  }
  return {
    mode: 'local',
    label: distDir,
    files,
    open: async (name) => {
      const p = paths.get(name);
      if (p === undefined) throw new Error(`no file ${name}`);
      return createReadStream(p, { highWaterMark: READ_CHUNK });
    },
  };
}

/** Small files are read whole, up to `max` bytes; larger ones are refused before reading. */
export const MAX_SMALL = 1024 * 1024;

export async function readSmall(
  source: ArtifactSource,
  name: string,
  max = MAX_SMALL,
): Promise<Buffer | undefined> {
  const file = source.files.find((f) => f.name === name);
  if (file === undefined || file.size > max) return undefined;
  const parts: Buffer[] = [];
  let size = 0;
  const stream = await source.open(name);
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > max) {
      stream.destroy();
      return undefined;
    }
    parts.push(chunk as Buffer);
  }
  return Buffer.concat(parts);
}
