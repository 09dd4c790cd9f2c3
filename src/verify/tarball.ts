import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { Parser, type ReadEntry } from 'tar';
import { inspectGzip, type GzipInspection } from '../archive/gzip-inspect.ts';
import { isReleaseError } from '../errors.ts';
import { MAX_META, TarHeaderWalker, type RawTarEntry } from './tar-headers.ts';

/**
 * One pass over a tarball's bytes, whatever its size, with memory bounded by a few chunks:
 * the compressed bytes are hashed (and fed to any signature verifiers), gunzipped with the
 * first-member-only inspector the installer's decoder matches, and the tar stream is read twice
 * at once: raw, header by header, as the installer's reader does (tar-headers.ts, which the
 * rules use), and by node-tar's Parser, which yields the entries' bodies (the root manifest)
 * and is the cross-check: where two tar readers disagree on the entries, the archive means
 * different things to different tools.
 */
export interface ByteSink {
  update(chunk: Buffer): unknown;
}

export interface TarballPass {
  sha256: string;
  size: number;
  /** Undefined when the file is not gzip at all (see gzipError). */
  gzip: GzipInspection | undefined;
  gzipError: string | undefined;
  /** The root `nexo-plugin.toml` as read by the Parser (the first one), if any. */
  manifest: Buffer | undefined;
  manifestTooLarge: boolean;
  /** Why the installer's tar reader would stop with an error. */
  tarProblem: string | undefined;
  /** Set when the two readers saw a different number of entries. */
  disagreement: string | undefined;
}

export const MAX_MANIFEST = 1024 * 1024;
/** Typeflags node-tar consumes as metadata while the installer's reader yields them as entries. */
const PARSER_META = new Set(['g', 'x', 'X', 'L', 'K', 'N']);

function isRootManifest(path: string): boolean {
  return (
    path
      .split('/')
      .filter((p) => p !== '' && p !== '.')
      .join('/') === 'nexo-plugin.toml'
  );
}

async function drainedOrClosed(stream: PassThrough): Promise<void> {
  const ac = new AbortController();
  const { signal } = ac;
  try {
    await Promise.race([once(stream, 'drain', { signal }), once(stream, 'close', { signal })]);
  } finally {
    ac.abort();
  }
}

export async function passTarball(
  source: Readable,
  opts: { onEntry(entry: RawTarEntry): void; sinks?: readonly ByteSink[] },
): Promise<TarballPass> {
  const hash = createHash('sha256');
  let size = 0;
  const gz = new PassThrough();
  const { content, result } = inspectGzip(gz);
  // The inspector may give up early (not gzip): the source is still read to the end for its hash.
  const reading = (async () => {
    try {
      for await (const chunk of source) {
        const b = chunk as Buffer;
        hash.update(b);
        size += b.length;
        for (const s of opts.sinks ?? []) s.update(b);
        if (!gz.destroyed && !gz.write(b)) await drainedOrClosed(gz);
      }
      gz.end();
    } catch (e) {
      gz.destroy(e as Error);
      throw e;
    }
  })();

  let comparable = 0;
  const walker = new TarHeaderWalker((entry) => {
    if (!PARSER_META.has(entry.typeflag)) comparable++;
    opts.onEntry(entry);
  });
  let parsed = 0;
  const warnings: string[] = [];
  const manifest: Buffer[] = [];
  let manifestBytes = 0;
  let manifestSeen = false;
  const parser = new Parser({ maxMetaEntrySize: MAX_META });
  parser.on('entry', (e: ReadEntry) => {
    parsed++;
    if (!manifestSeen && (e.type === 'File' || e.type === 'OldFile') && isRootManifest(e.path)) {
      manifestSeen = true;
      e.on('data', (c: Buffer) => {
        manifestBytes += c.length;
        if (manifestBytes <= MAX_MANIFEST) manifest.push(c);
      });
    } else e.resume();
  });
  parser.on('ignoredEntry', (e: ReadEntry) => void (e.meta || parsed++));
  parser.on('warn', (code: string, message: string) => void warnings.push(`${code} ${message}`));
  const parserDone = new Promise<void>((resolve) => {
    parser.on('end', resolve);
    parser.on('error', (e: Error) => {
      warnings.push(e.message);
      resolve();
    });
  });
  // Every entry is consumed as it arrives (flowing), so the Parser never queues data: it is
  // synchronous per write, and ignoring its backpressure signal holds nothing in memory.
  const feeding = (async () => {
    try {
      for await (const chunk of content) {
        walker.push(chunk as Buffer);
        parser.write(chunk as Buffer);
      }
    } catch {
      return false; // the inspector failed; its reason is on `result`
    }
    walker.end();
    parser.end();
    await parserDone;
    return true;
  })();

  const [read, gzip, fed] = await Promise.allSettled([reading, result, feeding]);
  if (read.status === 'rejected') throw read.reason;
  if (gzip.status === 'rejected' && !isReleaseError(gzip.reason)) throw gzip.reason;
  const complete = fed.status === 'fulfilled' && fed.value;
  return {
    sha256: hash.digest('hex'),
    size,
    gzip: gzip.status === 'fulfilled' ? gzip.value : undefined,
    gzipError: gzip.status === 'rejected' ? (gzip.reason as Error).message : undefined,
    manifest: manifestSeen ? Buffer.concat(manifest) : undefined,
    manifestTooLarge: manifestBytes > MAX_MANIFEST,
    tarProblem: walker.problem,
    disagreement:
      complete && walker.problem === undefined && comparable !== parsed
        ? `the installer's tar reader sees ${comparable} entries, node-tar sees ${parsed}${warnings.length > 0 ? ` (${warnings.slice(0, 3).join('; ')})` : ''}`
        : undefined,
  };
}
