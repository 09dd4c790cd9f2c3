import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { resolveEpoch, sidecarAsset, writeSidecar } from '../../artifacts.ts';
import { formatBytes } from '../../archive/limits.ts';
import { sortZipEntries, writeZip } from '../../archive/zip.ts';
import type { Asset, RunContext } from '../../context.ts';
import { ReleaseError } from '../../errors.ts';
import { collectBundle } from './bundle.ts';
import { resolveDylib } from './dylib.ts';
import { readOsaurusManifest } from './manifest.ts';
import { osaurusPlan } from './plan.ts';
import { EXTRACTOR } from './rules.ts';
import { centralRecords, endRecord } from './zip-central.ts';

/**
 * Writes `<plugin_id>-<version>.zip` and its `.sha256` into dist: the bundle's entries sorted by
 * path bytes through the shared deterministic ZIP writer, to a temporary name; then the
 * extractor's size and ratio limits are checked on what was written, and only a bundle the
 * installer would accept is renamed into place.
 */

/** The extractor's size and ratio limits over the written archive's central directory. */
async function checkWritten(file: string, size: number): Promise<string[]> {
  const problems: string[] = [];
  if (size > EXTRACTOR.archiveBytes)
    problems.push(`${formatBytes(size)} compressed (limit ${formatBytes(EXTRACTOR.archiveBytes)})`);
  const handle = await fs.open(file, 'r');
  try {
    const tail = Buffer.alloc(22);
    await handle.read(tail, 0, 22, size - 22);
    const end = endRecord(tail)!;
    const cd = Buffer.alloc(end.cdSize);
    await handle.read(cd, 0, end.cdSize, end.cdOffset);
    const records = centralRecords(cd, end.entries)!;
    let expanded = 0;
    let compressed = 0;
    for (const r of records) {
      const isFile = !r.name.toString().endsWith('/');
      if (isFile) expanded += r.size;
      compressed += r.compressedSize;
      if (r.size >= EXTRACTOR.ratioMinBytes && r.size > EXTRACTOR.ratio * r.compressedSize)
        problems.push(
          `${r.name.toString()} expands ${(r.size / r.compressedSize).toFixed(0)}:1 (limit ${EXTRACTOR.ratio}:1 for entries of 4 MiB or more)`,
        );
    }
    if (expanded >= EXTRACTOR.ratioMinBytes && expanded > EXTRACTOR.ratio * compressed)
      problems.push(
        `the archive expands ${(expanded / compressed).toFixed(0)}:1 in total (limit ${EXTRACTOR.ratio}:1)`,
      );
  } finally {
    await handle.close();
  }
  return problems;
}

export async function packOsaurus(ctx: RunContext): Promise<Asset[]> {
  const { config, reporter } = ctx;
  const manifest = await readOsaurusManifest(config);
  const artifact = osaurusPlan(config, manifest).artifacts[0]!;
  const dylib = await resolveDylib(config);
  const entries = sortZipEntries(
    await collectBundle({
      workingDirectory: config.workingDirectory,
      dylib,
      include: config.include,
    }),
  );
  await fs.mkdir(config.distDir, { recursive: true });
  const epoch = await resolveEpoch(config.sourceDateEpoch, config.workingDirectory);
  const tmp = path.join(config.distDir, `.${artifact.name}.${process.pid}.tmp`);
  try {
    const written = await writeZip(entries, createWriteStream(tmp), {
      mtime: epoch,
      compressionLevel: config.compressionLevel,
    });
    const onDisk = (await fs.stat(tmp)).size;
    if (onDisk !== written.size) {
      throw new ReleaseError(
        'HASH_MISMATCH',
        `${artifact.name}: ${onDisk} bytes on disk, but ${written.size} were written. The disk or file system lost data; check free space and run again`,
      );
    }
    const problems = await checkWritten(tmp, written.size);
    if (problems.length > 0) {
      throw new ReleaseError(
        'LIMIT_EXCEEDED',
        `the Osaurus installer's extractor would reject ${artifact.name}: ${problems.join('; ')}. Ship less, or data that compresses less`,
      );
    }
    await fs.rename(tmp, artifact.path);
    await writeSidecar(artifact.path, written.sha256);
    reporter.info(
      `pack: ${artifact.name} ${formatBytes(written.size)} ${entries.length} entries (dylib ${path.basename(dylib)}) sha256 ${written.sha256}`,
    );
    const asset: Asset = {
      name: artifact.name,
      path: artifact.path,
      size: written.size,
      sha256: written.sha256,
      target: null,
    };
    return [asset, sidecarAsset(asset)];
  } finally {
    await fs.rm(tmp, { force: true });
  }
}
