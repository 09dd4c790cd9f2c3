import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Asset } from './context.ts';
import { sha256File } from './hash.ts';

/**
 * What every profile's pack shares: the source date, the `.sha256` sidecar (bare lowercase hex
 * and a newline, the form every consumer here reads), and the Asset records of files in dist.
 */

/** `source-date-epoch` when given, else HEAD's commit time, else 0. */
export async function resolveEpoch(explicit: number | undefined, cwd: string): Promise<number> {
  if (explicit !== undefined) return explicit;
  try {
    const { stdout } = await promisify(execFile)('git', ['log', '-1', '--format=%ct'], { cwd });
    const n = Number(stdout.trim());
    return Number.isInteger(n) && n > 0 ? n : 0;
  } catch {
    return 0;
  }
}

export async function writeSidecar(file: string, sha256: string): Promise<void> {
  await fs.writeFile(`${file}.sha256`, `${sha256}\n`);
}

/** The Asset record of `<artifact>.sha256`, computed without reading it back. */
export function sidecarAsset(a: Asset): Asset {
  const body = `${a.sha256}\n`;
  return {
    name: `${a.name}.sha256`,
    path: `${a.path}.sha256`,
    size: body.length,
    sha256: createHash('sha256').update(body).digest('hex'),
    target: a.target,
  };
}

/** The Asset record of a file already in dist (hashes it). */
export async function fileAsset(file: string, target: string | null = null): Promise<Asset> {
  const st = await fs.stat(file);
  return {
    name: path.basename(file),
    path: file,
    size: st.size,
    sha256: await sha256File(file),
    target,
  };
}

/**
 * Writes `bytes` to `file` through a temporary name in the same directory, so dist never holds
 * a half-written file; returns its Asset record.
 */
export async function writeAtomic(
  file: string,
  bytes: Buffer | string,
  target: string | null = null,
): Promise<Asset> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
  } finally {
    await fs.rm(tmp, { force: true });
  }
  const buf = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  return {
    name: path.basename(file),
    path: file,
    size: buf.length,
    sha256: createHash('sha256').update(buf).digest('hex'),
    target,
  };
}
