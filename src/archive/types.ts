import type { Writable } from 'node:stream';

/**
 * One entry of a plugin archive, already normalised: a relative POSIX path (directories end in
 * '/'), a final mode, and for files the source to read. Only files and directories exist here:
 * symlinks and hardlinks were resolved when the tree was collected.
 */
export interface ArchiveEntry {
  path: string;
  type: 'file' | 'directory';
  mode: number;
  size: number;
  /** Absolute path of the bytes to store (files only). */
  source?: string;
}

export interface WriteOptions {
  /** Seconds since 1970 stored as every entry's mtime. */
  mtime: number;
  compressionLevel: number;
}

export interface WriteResult {
  /** Bytes of the compressed archive. */
  size: number;
  /** Lowercase hex sha256 of the compressed archive, computed while it was written. */
  sha256: string;
}

/**
 * Writes entries, in the order given, as one archive to `out`. Implementations must be
 * byte-reproducible: the output depends only on the entries' paths, modes, bytes and the
 * options. The nexo implementation writes tar.gz; zip bundles arrive as another implementation.
 */
export interface ArchiveWriter {
  readonly extension: string;
  write(
    entries: readonly ArchiveEntry[],
    out: Writable,
    options: WriteOptions,
  ): Promise<WriteResult>;
}
