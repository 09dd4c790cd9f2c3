import fs from 'node:fs/promises';
import path from 'node:path';
import { sidecarAsset, writeAtomic, writeSidecar } from '../../artifacts.ts';
import type { Asset, RunContext } from '../../context.ts';
import { ReleaseError } from '../../errors.ts';
import { npmPack, npmPackFileName } from '../../npm/pack.ts';
import type { Reporter } from '../../report.ts';
import { entryFileName, registryEntryText } from './entry.ts';
import type { ElizaPackage } from './rules.ts';
import { manifestOf, packageDir, reportImages, runState } from './run-state.ts';

/**
 * The release artifact is npm's own tarball of the package directory (scripts off: building is
 * the workflow's step before this one) and its `.sha256`. When preflight found this version on
 * the registry with the same files but other bytes, the registry's tarball is written instead,
 * so the release carries exactly what npm serves. Writes the registry entry file when asked.
 */

/** Release artifacts from an earlier run that npm would pack into the package. */
function staleArtifacts(files: readonly string[], pkgDir: string, distDir: string): string[] {
  const rel = path.relative(pkgDir, distDir);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return [];
  const prefix = rel === '' ? '' : `${rel.split(path.sep).join('/')}/`;
  return files.filter(
    (f) =>
      f.startsWith(prefix) &&
      !f.slice(prefix.length).includes('/') &&
      /\.tgz(\.[a-z0-9.]+)?$/.test(f),
  );
}

/**
 * `registry-entry`: a file path ending in `.json`, else a directory to write the entry into under
 * the registry's own file name.
 */
async function writeEntry(file: string, pkg: ElizaPackage, reporter: Reporter): Promise<void> {
  const st = await fs.stat(file).catch(() => undefined);
  const target =
    st?.isDirectory() || !file.endsWith('.json') ? path.join(file, entryFileName(pkg.name)) : file;
  if (path.basename(target) !== entryFileName(pkg.name)) {
    reporter.warning(
      `registry-entry: the ElizaOS registry names this entry ${entryFileName(pkg.name)}, not ${path.basename(target)}`,
      { file: target },
    );
  }
  await fs.mkdir(path.dirname(target), { recursive: true });
  await writeAtomic(target, registryEntryText(pkg));
  reporter.info(`registry entry: wrote ${target}`);
}

export async function packEliza(ctx: RunContext): Promise<Asset[]> {
  const { config, reporter } = ctx;
  const { pkg } = await manifestOf(ctx);
  await reportImages(ctx, reporter);
  const dir = packageDir(config);
  const expected = npmPackFileName(pkg.name, pkg.version);
  const packed = await npmPack(dir, config.distDir, config.env);
  const refuse = async (code: 'NPM_PACK' | 'ARTIFACT_REFUSED', message: string): Promise<never> => {
    await fs.rm(packed.file, { force: true });
    throw new ReleaseError(code, message, { location: { file: config.manifestPath } });
  };
  if (
    packed.packageName !== pkg.name ||
    packed.version !== pkg.version ||
    packed.name !== expected
  ) {
    await refuse(
      'NPM_PACK',
      `npm packed ${packed.packageName}@${packed.version} as ${packed.name}, but ${config.manifestPath} is ${pkg.name}@${pkg.version} (${expected}): package.json changed while packing, or npm read another one. Run again`,
    );
  }
  const stale = staleArtifacts(packed.files, dir, config.distDir);
  if (stale.length > 0) {
    await refuse(
      'ARTIFACT_REFUSED',
      `the npm package would contain ${stale.join(', ')}: release artifacts of an earlier run in dist, which is inside the package. List what to publish in package.json "files" (e.g. ["dist/index.js"]), or set dist: to a folder outside the package (e.g. \${{ runner.temp }}/release)`,
    );
  }
  const state = runState(ctx).version;
  let asset: Asset;
  if (state?.kind === 'unchanged-contents') {
    asset = await writeAtomic(packed.file, state.tarball);
    reporter.info(
      `pack: ${packed.name} is the registry's tarball of ${pkg.name}@${pkg.version} (same files as npm pack makes here, other bytes)`,
    );
  } else {
    asset = {
      name: packed.name,
      path: packed.file,
      size: packed.size,
      sha256: packed.sha256,
      target: null,
    };
    reporter.info(
      `pack: ${packed.name} ${packed.size} bytes, ${packed.files.length} files, ${packed.integrity}`,
    );
  }
  await writeSidecar(asset.path, asset.sha256);
  if (config.registry.entry !== undefined) await writeEntry(config.registry.entry, pkg, reporter);
  return [asset, sidecarAsset(asset)];
}
