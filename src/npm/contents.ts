import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { Parser, type ReadEntry } from 'tar';

/**
 * What an npm tarball installs: its non-directory entries by path (the first path component,
 * `package/`, removed, as npm removes it when extracting), with type, mode and a hash of the
 * bytes. Two tarballs with equal contents install the same files even when their bytes differ
 * (another npm version's gzip or tar headers), which is when the registry's copy may stand in
 * for ours.
 */
export interface TarEntry {
  type: string;
  mode: number;
  size: number;
  sha256: string;
  linkpath: string;
  /** The first path component as stored (npm writes `package`). */
  root: string;
  /** The bytes, for the entries asked for with `keep`. */
  body?: Buffer;
}

export type TarContents = Map<string, TarEntry>;

export async function tarballContents(
  tgz: Buffer,
  keep: (path: string) => boolean = () => false,
): Promise<TarContents> {
  const tar = gunzipSync(tgz, { maxOutputLength: 2 ** 31 - 1 });
  const out: TarContents = new Map();
  const problems: string[] = [];
  const parser = new Parser({ strict: true });
  parser.on('entry', (e: ReadEntry) => {
    if (e.type === 'Directory') {
      e.resume();
      return;
    }
    const hash = createHash('sha256');
    const [root = '', ...rest] = e.path.split('/');
    const rel = rest.join('/');
    const chunks: Buffer[] | undefined = keep(rel) ? [] : undefined;
    e.on('data', (c: Buffer) => {
      hash.update(c);
      chunks?.push(c);
    });
    e.on('end', () => {
      out.set(rel, {
        type: e.type,
        mode: (e.mode ?? 0) & 0o7777,
        size: e.size ?? 0,
        sha256: hash.digest('hex'),
        linkpath: e.linkpath ?? '',
        root,
        ...(chunks === undefined ? {} : { body: Buffer.concat(chunks) }),
      });
    });
  });
  const done = new Promise<void>((resolve) => {
    parser.on('end', resolve);
    parser.on('error', (err: Error) => {
      problems.push(err.message);
      resolve();
    });
  });
  parser.end(tar);
  await done;
  if (problems.length > 0) throw new Error(`not a readable tar archive: ${problems.join('; ')}`);
  return out;
}

/** How two tarballs' contents differ (empty when they install the same files). */
export function contentDifferences(ours: TarContents, theirs: TarContents, max = 5): string[] {
  const diffs: string[] = [];
  for (const [p, a] of ours) {
    const b = theirs.get(p);
    if (b === undefined) diffs.push(`${p} is not in the registry's tarball`);
    else if (a.type !== b.type || a.linkpath !== b.linkpath)
      diffs.push(`${p} is a ${a.type} here, a ${b.type} there`);
    else if (a.sha256 !== b.sha256)
      diffs.push(`${p} has other bytes (${a.size} here, ${b.size} there)`);
    else if (a.mode !== b.mode)
      diffs.push(`${p} has mode ${a.mode.toString(8)} here, ${b.mode.toString(8)} there`);
  }
  for (const p of theirs.keys())
    if (!ours.has(p)) diffs.push(`${p} is only in the registry's tarball`);
  if (diffs.length > max) return [...diffs.slice(0, max), `and ${diffs.length - max} more`];
  return diffs;
}
