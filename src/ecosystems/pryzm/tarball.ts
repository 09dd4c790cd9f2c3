import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Parser, type ReadEntry } from 'tar';

/**
 * One pass over an npm pack tarball: its SHA-256 (the signature's `fileSha256`) and the bytes of
 * `package/plugin.manifest.json`, the manifest the editor compares the signed one with. Memory
 * stays bounded: other entries are skipped as they stream by, the manifest is capped.
 */
export const TARBALL_MANIFEST = 'package/plugin.manifest.json';
const MAX_MANIFEST = 1024 * 1024;

export interface TarballRead {
  sha256: string;
  size: number;
  /** The manifest entry's bytes; undefined when the tarball has none. */
  manifest: Buffer | undefined;
  manifestTooLarge: boolean;
  /** Why node-tar could not read the archive, if it could not. */
  problem: string | undefined;
}

export async function readTarball(source: Readable): Promise<TarballRead> {
  const hash = createHash('sha256');
  let size = 0;
  const parts: Buffer[] = [];
  let manifestBytes = 0;
  let seen = false;
  let problem: string | undefined;
  const parser = new Parser({ strict: true });
  parser.on('entry', (e: ReadEntry) => {
    const name = e.path.replace(/^(\.\/)+/, '');
    if (!seen && e.type === 'File' && name === TARBALL_MANIFEST) {
      seen = true;
      e.on('data', (c: Buffer) => {
        manifestBytes += c.length;
        if (manifestBytes <= MAX_MANIFEST) parts.push(c);
      });
    } else e.resume();
  });
  const done = new Promise<void>((resolve) => {
    parser.on('end', resolve);
    parser.on('error', (e: Error) => {
      problem ??= e.message;
      resolve();
    });
  });
  parser.on('warn', (code: string, message: string) => void (problem ??= `${code} ${message}`));
  // Entries are consumed as they arrive, so the Parser queues nothing; its write is synchronous.
  for await (const chunk of source) {
    const b = chunk as Buffer;
    hash.update(b);
    size += b.length;
    if (problem === undefined) parser.write(b);
  }
  parser.end();
  await done;
  return {
    sha256: hash.digest('hex'),
    size,
    manifest: seen && manifestBytes <= MAX_MANIFEST ? Buffer.concat(parts) : undefined,
    manifestTooLarge: manifestBytes > MAX_MANIFEST,
    problem,
  };
}
