/**
 * What goes into a `.bsiplugin` besides the manifest (ecosystems/biosimulant.md § Inputs):
 * every file under `payload-dir`, at its relative path.
 *
 * - Left out: `.git/`, the dist directory (the `dist` input, wherever it is inside, and a root
 *   `dist/` whatever that input says), and hidden files and directories (not entered).
 * - Refused, every one named in one error: `.env*`, `*.p12`, `*.pfx`, any file holding a PEM
 *   `PRIVATE KEY` block, paths with CR, LF or `\`, and the reserved `integrity/` and a root
 *   `plugin.json` that is not the manifest.
 * - A symlink is stored as what it points to when that is inside the payload directory; a link
 *   out of it is SYMLINK_OUTSIDE; a broken link, a cycle or a special file is UNSUPPORTED_FILE.
 * - Directories are not entries: an empty one vanishes.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { ReleaseError, type Diagnostic } from '../../errors.ts';
import { MANIFEST_FILE } from './manifest.ts';
import { scanFile, type FileScan } from './scan.ts';

export interface PayloadFile extends FileScan {
  /** Path inside the package. */
  path: string;
  /** Absolute path of the bytes (a symlink resolved). */
  source: string;
}

export interface PayloadSpec {
  root: string;
  manifestPath: string;
  distDir: string;
}

export const RESERVED_DIR = 'integrity';

/** Left out of the package without a word: hidden names (`.git` among them). */
export function isHidden(name: string): boolean {
  return name.startsWith('.');
}

/** Why a file name is refused outright, or undefined. */
function refusedName(name: string): string | undefined {
  if (name.startsWith('.env')) return 'an environment file (.env*) holds secrets';
  if (/\.(p12|pfx)$/i.test(name)) return 'a PKCS#12 key store (.p12/.pfx) holds private keys';
  return undefined;
}

interface Walk {
  spec: PayloadSpec;
  realRoot: string;
  realDist: string | undefined;
  realManifest: string | undefined;
  files: PayloadFile[];
  refused: Diagnostic[];
}

async function realOrUndefined(p: string): Promise<string | undefined> {
  return fs.realpath(p).catch(() => undefined);
}

function refuse(w: Walk, abs: string, why: string): void {
  w.refused.push({ message: `${abs}: ${why}`, location: { file: abs } });
}

async function visit(w: Walk, abs: string, rel: string, ancestors: Set<string>): Promise<void> {
  const name = path.basename(abs);
  const top = !rel.includes('/');
  const lst = await fs.lstat(abs).catch((e: NodeJS.ErrnoException) => {
    // A name that is not UTF-8 comes back from readdir with U+FFFD and cannot be opened.
    if (e.code === 'ENOENT') return undefined;
    throw e;
  });
  if (lst === undefined) {
    return refuse(
      w,
      abs,
      'its name is not valid UTF-8 (or it vanished while being read); rename it',
    );
  }
  const named = refusedName(name);
  if (named && !lst.isDirectory())
    return refuse(w, abs, `${named}; delete it or move it out of the payload directory`);
  if (isHidden(name)) return;
  if (/[\r\n\\]/.test(rel)) {
    return refuse(
      w,
      abs,
      "a path with a line break or '\\' cannot be listed in integrity/sha256sums.txt; rename it",
    );
  }
  // Real paths throughout: the dist directory and the manifest are recognised however they
  // are reached, and a link is judged by where it really leads.
  const real = await realOrUndefined(abs);
  if (real === undefined) {
    throw new ReleaseError(
      'UNSUPPORTED_FILE',
      `symlink ${abs} is broken (its target does not exist). Remove it or point it at a file inside the payload directory`,
    );
  }
  if (lst.isSymbolicLink()) {
    const inside = path.relative(w.realRoot, real);
    if (inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) {
      throw new ReleaseError(
        'SYMLINK_OUTSIDE',
        `symlink ${abs} leads out of the payload directory (to ${real}); a package stores a link as the file it points to, and only files inside ${w.spec.root} may go in. Copy the file into the payload instead`,
      );
    }
  }
  const st = await fs.stat(real);
  if (st.isDirectory()) {
    if (real === w.realDist || (top && name === 'dist')) return;
    if (top && name === RESERVED_DIR) {
      return refuse(
        w,
        abs,
        `${RESERVED_DIR}/ is reserved for the package's checksum list and signature; rename it`,
      );
    }
    if (ancestors.has(real)) {
      throw new ReleaseError(
        'UNSUPPORTED_FILE',
        `symlink cycle at ${abs}: it leads back to ${real}. Remove the link`,
      );
    }
    const next = new Set(ancestors).add(real);
    for (const child of (await fs.readdir(abs)).sort()) {
      await visit(w, path.join(abs, child), `${rel}/${child}`, next);
    }
    return;
  }
  if (!st.isFile()) {
    throw new ReleaseError(
      'UNSUPPORTED_FILE',
      `${abs} is not a regular file or directory (a device, FIFO or socket); only files can be packed. Remove it from the payload directory`,
    );
  }
  if (top && name === MANIFEST_FILE) {
    if (real === w.realManifest) return; // the manifest itself, packed as plugin.json once
    return refuse(
      w,
      abs,
      `${MANIFEST_FILE} at the payload root is reserved for the manifest, and this one is not the manifest (${w.spec.manifestPath}); rename it or point manifest at it`,
    );
  }
  if (top && name === RESERVED_DIR) {
    return refuse(
      w,
      abs,
      `${RESERVED_DIR} is reserved for the package's checksum list and signature; rename it`,
    );
  }
  const scan = await scanFile(real);
  if (scan.privateKey !== undefined) {
    return refuse(
      w,
      abs,
      `it holds a "${scan.privateKey}" block: a private key must never ship in a package. Delete it or move it out of the payload directory`,
    );
  }
  w.files.push({ ...scan, path: rel, source: real });
}

/** Every payload file, sorted by path as UTF-8 bytes; throws with every refusal at once. */
export async function collectPayload(spec: PayloadSpec): Promise<PayloadFile[]> {
  const realRoot = await realOrUndefined(spec.root);
  if (realRoot === undefined || !(await fs.stat(realRoot)).isDirectory()) {
    throw new ReleaseError(
      'USAGE',
      `payload-dir ${spec.root} is not a directory; set payload-dir to the folder whose files go into the package (default: the manifest's folder)`,
    );
  }
  const w: Walk = {
    spec,
    realRoot,
    realDist: await realOrUndefined(spec.distDir),
    realManifest: await realOrUndefined(spec.manifestPath),
    files: [],
    refused: [],
  };
  for (const child of (await fs.readdir(realRoot)).sort()) {
    await visit(w, path.join(spec.root, child), child, new Set([realRoot]));
  }
  if (w.refused.length > 0) {
    const list = w.refused.map((d) => `  ${d.message}`).join('\n');
    throw new ReleaseError(
      'ARTIFACT_REFUSED',
      `${w.refused.length} file${w.refused.length === 1 ? '' : 's'} in the payload directory must not be packed:\n${list}`,
      { location: w.refused[0]!.location, diagnostics: w.refused },
    );
  }
  return w.files.sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
}
