/**
 * Writes `<id>-<version>.bsiplugin` and its `.sha256` into dist (ecosystems/biosimulant.md §
 * Archive): plugin.json byte for byte, the payload, integrity/sha256sums.txt over both, and
 * integrity/signature.json (signed with the key, checksum-only without); sorted by path as
 * bytes, no directory entries, 0755 under a root bin/ or runtime/ and 0644 elsewhere, every
 * date the source date. The key is parsed and the payload collected (refusals included) before
 * anything is written; the archive goes to a temporary name and is renamed into place only when
 * every file the writer read matches what was hashed for the list.
 */
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { resolveEpoch, sidecarAsset, writeSidecar } from '../../artifacts.ts';
import { formatBytes } from '../../archive/limits.ts';
import { sortZipEntries, writeZip, type ZipEntry } from '../../archive/zip.ts';
import type { Asset, RunContext } from '../../context.ts';
import { ReleaseError } from '../../errors.ts';
import { signatureJson, sumsText, SIGNATURE_PATH, SUMS_PATH } from './integrity.ts';
import { MANIFEST_FILE } from './manifest.ts';
import { collectPayload } from './payload.ts';
import { packageName } from './plan.ts';
import { payloadRoot, readBiosimulantManifest } from './read.ts';
import { scanBytes } from './scan.ts';
import { parseSigningKey } from './signing-key.ts';

/** 0755 for files under a root `bin/` or `runtime/` (any depth below), 0644 for the rest. */
export function modeFor(p: string): number {
  return p.startsWith('bin/') || p.startsWith('runtime/') ? 0o755 : 0o644;
}

export async function packBiosimulant(ctx: RunContext): Promise<Asset[]> {
  const { config, reporter } = ctx;
  const key = parseSigningKey(
    config.biosimulant.signingKey,
    config.biosimulant.signerId,
    config.workingDirectory,
  );
  if (key === undefined && config.biosimulant.signerId !== '') {
    reporter.warning(
      `signer-id is '${config.biosimulant.signerId}' but no signing-key is set: the package gets a checksum-only signature.json. Pass signing-key (or BIOSIMULANT_PLUGIN_SIGNING_KEY) to sign it`,
    );
  }
  const { manifest, bytes } = await readBiosimulantManifest(config);
  const payload = await collectPayload({
    root: payloadRoot(config),
    manifestPath: config.manifestPath,
    distDir: config.distDir,
  });
  const listed = [{ path: MANIFEST_FILE, ...scanBytes(bytes) }, ...payload];
  if (!listed.some((f) => f.path === manifest.entrypoint)) {
    throw new ReleaseError(
      'MANIFEST_INVALID',
      `"entrypoint" ${JSON.stringify(manifest.entrypoint)} is not among the files packed from ${payloadRoot(config)} (it is left out or refused there); ship it in the payload, or fix the path`,
      { location: { file: config.manifestPath } },
    );
  }
  const sums = sumsText(listed);
  const signature = signatureJson(sums, key);
  const entries: ZipEntry[] = sortZipEntries([
    { path: MANIFEST_FILE, type: 'file', mode: modeFor(MANIFEST_FILE), data: bytes },
    ...payload.map((f): ZipEntry => ({
      path: f.path,
      type: 'file',
      mode: modeFor(f.path),
      source: f.source,
    })),
    { path: SUMS_PATH, type: 'file', mode: 0o644, data: sums },
    { path: SIGNATURE_PATH, type: 'file', mode: 0o644, data: signature },
  ]);

  const name = packageName(manifest.id, manifest.version);
  await fs.mkdir(config.distDir, { recursive: true });
  const final = path.join(config.distDir, name);
  const tmp = path.join(config.distDir, `.${name}.${process.pid}.tmp`);
  const epoch = await resolveEpoch(config.sourceDateEpoch, config.workingDirectory);
  try {
    const written = await writeZip(entries, createWriteStream(tmp), {
      mtime: epoch,
      compressionLevel: config.compressionLevel,
    });
    const hashed = new Map(listed.map((f) => [f.path, f]));
    const changed = written.files.filter((w) => {
      const f = hashed.get(w.path);
      return f !== undefined && (f.size !== w.size || f.crc32 !== w.crc32);
    });
    if (changed.length > 0) {
      throw new ReleaseError(
        'HASH_MISMATCH',
        `${changed.map((c) => c.path).join(', ')} changed while the package was being written, so integrity/sha256sums.txt would not match. Do not modify the payload during packing, and run again`,
      );
    }
    await fs.rename(tmp, final);
    await writeSidecar(final, written.sha256);
    reporter.info(
      `pack: ${name} ${formatBytes(written.size)} ${written.entries} files, ${key ? `signed by ${key.signerId}` : 'unsigned (checksum-only signature.json)'}, sha256 ${written.sha256}`,
    );
    const asset: Asset = {
      name,
      path: final,
      size: written.size,
      sha256: written.sha256,
      target: null,
    };
    return [asset, sidecarAsset(asset)];
  } finally {
    await fs.rm(tmp, { force: true });
  }
}
