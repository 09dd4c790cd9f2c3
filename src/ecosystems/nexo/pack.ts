import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { collectTree } from '../../archive/tree.ts';
import { tarGzWriter } from '../../archive/targz.ts';
import { LIMITS, formatBytes } from '../../archive/limits.ts';
import { resolveEpoch, sidecarAsset, writeSidecar } from '../../artifacts.ts';
import { ReleaseError } from '../../errors.ts';
import { muslWithoutGnu, type TargetPlan } from '../../plan.ts';
import type { Asset, RunContext } from '../../context.ts';

/**
 * One reproducible tarball and sidecar per target into `dist`. Each archive is written to a
 * temporary name, hashed as it is written, its size on disk checked against the bytes written
 * and the installer's limit, and only then renamed into place: `dist` never holds a half
 * archive.
 */
async function packOne(ctx: RunContext, t: TargetPlan, epoch: number): Promise<Asset> {
  const { config, state } = ctx;
  const plan = state.plan!;
  const entries = await collectTree({
    workingDirectory: config.workingDirectory,
    manifestPath: plan.manifestPath,
    binaryPath: t.binary,
    id: plan.id,
    include: config.include,
    noarch: t.target === 'noarch',
  });
  const final = path.join(plan.distDir, t.tarball);
  const tmp = path.join(plan.distDir, `.${t.tarball}.${process.pid}.tmp`);
  try {
    const written = await tarGzWriter.write(entries, createWriteStream(tmp), {
      mtime: epoch,
      compressionLevel: config.compressionLevel,
    });
    if (written.size > LIMITS.compressedBytes) {
      throw new ReleaseError(
        'LIMIT_EXCEEDED',
        `${t.tarball} is ${formatBytes(written.size)} compressed; the installer's limit is ${formatBytes(LIMITS.compressedBytes)}. Strip the binary or ship less`,
      );
    }
    // A short write would be an error already; this catches a file system that silently
    // truncated. Content is checked where it matters: publish compares GitHub's digest of each
    // upload with this hash, and a separate publish job re-hashes dist against the sidecars.
    const onDisk = (await fs.stat(tmp)).size;
    if (onDisk !== written.size) {
      throw new ReleaseError(
        'HASH_MISMATCH',
        `${t.tarball}: ${onDisk} bytes on disk, but ${written.size} were written. The disk or file system lost data; check free space and run again`,
      );
    }
    await fs.rename(tmp, final);
    await writeSidecar(final, written.sha256);
    ctx.reporter.info(
      `pack: ${t.tarball} ${formatBytes(written.size)} ${entries.length} entries sha256 ${written.sha256}`,
    );
    return {
      name: t.tarball,
      path: final,
      size: written.size,
      sha256: written.sha256,
      target: t.target,
    };
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

async function aliasOne(source: Asset, t: TargetPlan, distDir: string): Promise<Asset> {
  const final = path.join(distDir, t.tarball);
  await fs.copyFile(source.path, final);
  await writeSidecar(final, source.sha256);
  return { ...source, name: t.tarball, path: final, target: t.target };
}

export async function packNexo(ctx: RunContext): Promise<Asset[]> {
  const { config, reporter } = ctx;
  const plan = ctx.state.plan!;
  if (plan.targets.length === 0) {
    throw new ReleaseError(
      'TARGETS_MISSING',
      'nothing to pack: targets is empty. Pass the target triples to pack, e.g. targets: x86_64-unknown-linux-gnu (or noarch)',
    );
  }
  for (const { musl, gnu } of muslWithoutGnu(plan)) {
    reporter.warning(
      `${musl} is packed but ${gnu} is not: the nexo installer picks ${gnu} on Linux by default, so operators will hit TargetNotFound unless they pass --target. Publish the musl build under the gnu name too with target-aliases: ${musl}=${gnu}`,
      { file: path.relative(config.workingDirectory, plan.manifestPath) || plan.manifestPath },
    );
  }
  await fs.mkdir(plan.distDir, { recursive: true });
  const epoch = await resolveEpoch(config.sourceDateEpoch, config.workingDirectory);
  const packed = new Map<string, Asset>();
  const assets: Asset[] = [];
  for (const t of plan.targets) {
    const asset =
      t.aliasOf === undefined
        ? await packOne(ctx, t, epoch)
        : await aliasOne(packed.get(t.aliasOf)!, t, plan.distDir);
    packed.set(t.target, asset);
    assets.push(asset, sidecarAsset(asset));
  }
  ctx.reporter.info(`pack: source-date-epoch ${epoch}`);
  return assets;
}
