import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ReleaseError } from '../errors.ts';
import { forEachChunk } from '../hash.ts';
import { NpmCommandError, runNpm, type Env } from './run.ts';

/**
 * npm's own packer: the runner's `npm pack --ignore-scripts --json`, so the tarball's contents
 * are exactly what `npm pack` (and `npm publish`) make of the directory: the same file list
 * (`files`, `.npmignore`, npm's always-included and never-included files), the same
 * `package/` prefix and modes. Lifecycle scripts are off: building is the workflow's step before
 * this one, and a `prepack` script must not change what was validated.
 *
 * The bytes are npm's too, and npm does not promise them across npm versions (its tar and zlib
 * settings may change); within one npm they are reproducible (npm pins mtimes). That is why a
 * registry version with a different integrity is compared by contents, not bytes (./compare.ts).
 */

export interface NpmPackResult {
  /** Absolute path of the tarball in destDir. */
  file: string;
  /** Its file name: `<name without @, / replaced by ->-<version>.tgz`. */
  name: string;
  size: number;
  sha256: string;
  /** `sha512-<base64>`, as the registry's `dist.integrity`. */
  integrity: string;
  /** sha1 hex, as the registry's `dist.shasum`. */
  shasum: string;
  /** Paths inside the tarball, without the `package/` prefix, as npm lists them. */
  files: string[];
  /** The package's name and version as npm read them. */
  packageName: string;
  version: string;
}

/** The file name npm gives a packed `name@version`. */
export function npmPackFileName(name: string, version: string): string {
  return `${name.replace(/^@/, '').replace(/\//g, '-')}-${version}.tgz`;
}

interface PackJson {
  name?: unknown;
  version?: unknown;
  filename?: unknown;
  integrity?: unknown;
  shasum?: unknown;
  files?: unknown;
}

function packError(dir: string, message: string, cause?: unknown): ReleaseError {
  return new ReleaseError('NPM_PACK', `npm pack in ${dir} failed: ${message}`, { cause });
}

/** sha256 hex, sha512 integrity and sha1 hex of a file, in one read. */
export async function npmDigests(
  file: string,
): Promise<{ size: number; sha256: string; integrity: string; shasum: string }> {
  const h256 = createHash('sha256');
  const h512 = createHash('sha512');
  const h1 = createHash('sha1');
  const size = await forEachChunk(file, (c) => {
    h256.update(c);
    h512.update(c);
    h1.update(c);
  });
  return {
    size,
    sha256: h256.digest('hex'),
    integrity: `sha512-${h512.digest('base64')}`,
    shasum: h1.digest('hex'),
  };
}

export async function npmPack(dir: string, destDir: string, env: Env): Promise<NpmPackResult> {
  // npm writes into a private directory first: destDir may lie inside the package (dist/), and a
  // tarball must never appear there half-written or be swept into the next pack by accident.
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'npm-pack-'));
  try {
    let stdout: string;
    try {
      ({ stdout } = await runNpm(
        ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp],
        {
          cwd: dir,
          env,
        },
      ));
    } catch (e) {
      if (e instanceof NpmCommandError) {
        throw packError(
          dir,
          `${e.npmCode === undefined ? '' : `${e.npmCode}: `}${e.message}. Run npm pack there to see the whole report`,
          e,
        );
      }
      throw e;
    }
    let info: PackJson;
    try {
      const parsed: unknown = JSON.parse(stdout.slice(Math.max(0, stdout.indexOf('['))));
      if (!Array.isArray(parsed) || parsed.length !== 1) throw new Error('expected one package');
      info = parsed[0] as PackJson;
    } catch (e) {
      throw packError(
        dir,
        `its --json output could not be read (${(e as Error).message}); is the npm on PATH older than npm 7?`,
        e,
      );
    }
    const { filename, name, version, integrity } = info;
    if (typeof filename !== 'string' || typeof name !== 'string' || typeof version !== 'string') {
      throw packError(dir, 'its --json output names no filename, name or version');
    }
    const packed = path.join(tmp, path.basename(filename));
    const digests = await npmDigests(packed).catch((e: unknown) => {
      throw packError(dir, `npm reported ${filename} but did not write it`, e);
    });
    if (typeof integrity === 'string' && integrity !== digests.integrity) {
      throw packError(
        dir,
        `npm reported integrity ${integrity} but ${filename} hashes to ${digests.integrity}; the temporary directory was changed while packing. Run again`,
      );
    }
    const files = Array.isArray(info.files)
      ? info.files
          .map((f: unknown) => (f as { path?: unknown }).path)
          .filter((p): p is string => typeof p === 'string')
      : [];
    await fs.mkdir(destDir, { recursive: true });
    const file = path.join(destDir, path.basename(filename));
    const staging = path.join(destDir, `.${path.basename(filename)}.${process.pid}.tmp`);
    try {
      await fs.copyFile(packed, staging);
      await fs.rename(staging, file);
    } finally {
      await fs.rm(staging, { force: true });
    }
    return { file, name: path.basename(file), ...digests, files, packageName: name, version };
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}
