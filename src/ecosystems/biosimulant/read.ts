import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config.ts';
import { ReleaseError } from '../../errors.ts';
import { parseLocatedJson } from '../../manifest/json-locate.ts';
import { checkManifest, manifestError, MANIFEST_FILE, type BsiManifest } from './manifest.ts';
import { isHidden, RESERVED_DIR } from './payload.ts';

/** The payload directory: the input, or the manifest's directory. */
export function payloadRoot(config: Config): string {
  return config.biosimulant.payloadDir ?? path.dirname(config.manifestPath);
}

/** The manifest's bytes as read, so exactly what was validated is what gets packed. */
export interface ReadManifest {
  manifest: BsiManifest;
  bytes: Buffer;
}

async function notFound(file: string, cause: unknown): Promise<ReleaseError> {
  const code = (cause as NodeJS.ErrnoException).code;
  let message = `cannot read ${file}: ${(cause as Error).message}`;
  if (code === 'EISDIR')
    message = `${file} is a directory; pass the path of the ${MANIFEST_FILE} inside it`;
  else if (code === 'ENOENT' || code === 'ENOTDIR') {
    message = `manifest not found: ${file}; a Biosimulant plugin needs a ${MANIFEST_FILE} (exact, case-sensitive name), or set manifest to its path`;
  }
  return new ReleaseError('MANIFEST_NOT_FOUND', message, { location: { file }, cause });
}

/**
 * Why `entrypoint` does not name a file the package will hold, or undefined. Checked against
 * the file system with the payload rules that can be seen from the path alone; pack checks it
 * again against what it actually collected.
 */
async function entrypointProblem(config: Config, entrypoint: string): Promise<string | undefined> {
  const root = payloadRoot(config);
  const segments = entrypoint.split('/');
  if (segments.some(isHidden))
    return 'a hidden file or directory, which is left out of the package';
  if (segments.length > 1 && segments[0] === RESERVED_DIR) return `${RESERVED_DIR}/ is reserved`;
  if (entrypoint === MANIFEST_FILE) return undefined;
  const st = await fs.stat(path.join(root, entrypoint)).catch(() => undefined);
  if (st === undefined) return `no such file in the payload directory ${root}`;
  if (!st.isFile()) return `${path.join(root, entrypoint)} is not a file`;
  return undefined;
}

export async function readBiosimulantManifest(config: Config): Promise<ReadManifest> {
  const file = config.manifestPath;
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    throw await notFound(file, e);
  }
  const check = checkManifest(bytes, file);
  if (check.manifest === undefined) throw manifestError(file, check);
  const why = await entrypointProblem(config, check.manifest.entrypoint);
  if (why !== undefined) {
    const located = parseLocatedJson(check.manifest.text);
    const position = 'error' in located ? { line: 1, column: 1 } : located.at(['entrypoint']);
    const diagnostic = {
      message: `"entrypoint" ${JSON.stringify(check.manifest.entrypoint)} must name a file in the package: ${why}. Build it first, or fix the path (relative to payload-dir)`,
      location: { file, ...position },
    };
    throw manifestError(file, { diagnostics: [diagnostic], syntax: false });
  }
  return { manifest: check.manifest, bytes };
}
