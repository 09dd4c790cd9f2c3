import fs from 'node:fs/promises';
import path from 'node:path';
import { ReleaseError } from '../errors.ts';
import { whatIsThere, whatWasFound } from './binary-hint.ts';
import type { ArchiveEntry } from './types.ts';
import { LIMITS, formatBytes, isNativeFile } from './limits.ts';

/**
 * Collects what goes into a plugin archive and normalises it: the manifest and `bin/<id>` at the
 * root, then every `include` at its relative path. Symlinks that stay inside the working
 * directory are stored as what they point to (pnpm trees), hardlinks as plain files; a link
 * leaving the tree, a device, fifo or socket is an error naming it. Modes become 0755 (dirs and
 * anything executable) or 0644; setuid, setgid and sticky bits never survive. The order is
 * fixed: manifest, bin/, bin/<id>, then everything else sorted bytewise by path.
 */
export interface TreeSpec {
  workingDirectory: string;
  manifestPath: string;
  binaryPath: string;
  id: string;
  include: readonly string[];
  noarch: boolean;
  /** The target being packed, for BINARY_MISSING's hints. */
  target?: string;
}

interface Collected {
  entries: Map<string, ArchiveEntry>;
  realRoot: string;
}

const GLOB_CHARS = /[*?[\]{}]/;

function add(c: Collected, entry: ArchiveEntry, origin: string): void {
  const existing = c.entries.get(entry.path);
  if (existing === undefined) {
    c.entries.set(entry.path, entry);
    return;
  }
  if (existing.type === 'directory' && entry.type === 'directory') return;
  if (existing.source !== undefined && existing.source === entry.source) return;
  throw new ReleaseError(
    'INCLUDE_INVALID',
    `'${entry.path}' would be in the archive twice (from ${origin}); the installer rejects duplicate paths. Remove it from include`,
  );
}

function addParents(c: Collected, archivePath: string): void {
  const parts = archivePath.replace(/\/$/, '').split('/');
  for (let i = 1; i < parts.length; i++) {
    add(
      c,
      { path: `${parts.slice(0, i).join('/')}/`, type: 'directory', mode: 0o755, size: 0 },
      'its parent',
    );
  }
}

function fileEntry(archivePath: string, source: string, size: number, mode: number): ArchiveEntry {
  return { path: archivePath, type: 'file', mode: mode & 0o111 ? 0o755 : 0o644, size, source };
}

async function walk(
  c: Collected,
  abs: string,
  archivePath: string,
  ancestors: Set<string>,
): Promise<void> {
  const lst = await fs.lstat(abs);
  let real = abs;
  let st = lst;
  if (lst.isSymbolicLink()) {
    real = await fs.realpath(abs).catch(() => {
      throw new ReleaseError(
        'UNSUPPORTED_FILE',
        `symlink ${abs} is broken: its target does not exist. Remove it or point it at a file inside the plugin`,
      );
    });
    const rel = path.relative(c.realRoot, real);
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
      throw new ReleaseError(
        'SYMLINK_OUTSIDE',
        `symlink ${abs} points outside the packed tree (to ${real}); the installer accepts no symlinks, and a target outside the plugin cannot be stored. Copy the file into the plugin instead`,
      );
    }
    st = await fs.stat(real);
  }
  if (st.isFile()) {
    addParents(c, archivePath);
    add(c, fileEntry(archivePath, real, st.size, st.mode), abs);
  } else if (st.isDirectory()) {
    const realDir = await fs.realpath(abs);
    if (ancestors.has(realDir)) {
      throw new ReleaseError(
        'UNSUPPORTED_FILE',
        `symlink loop at ${abs}: it leads back to ${realDir}. Remove the link`,
      );
    }
    addParents(c, `${archivePath}/`);
    add(c, { path: `${archivePath}/`, type: 'directory', mode: 0o755, size: 0 }, abs);
    const next = new Set(ancestors).add(realDir);
    for (const name of (await fs.readdir(abs)).sort()) {
      await walk(c, path.join(abs, name), `${archivePath}/${name}`, next);
    }
  } else {
    throw new ReleaseError(
      'UNSUPPORTED_FILE',
      `${abs} is not a regular file or directory (a device, fifo or socket); only files and directories can be packed. Remove it from include`,
    );
  }
}

async function expandInclude(workingDirectory: string, pattern: string): Promise<string[]> {
  const clean = pattern.replace(/\\/g, '/').replace(/\/+$/, '');
  if (path.isAbsolute(clean) || clean.split('/').includes('..')) {
    throw new ReleaseError(
      'INCLUDE_INVALID',
      `include '${pattern}' must be a relative path inside the working directory (no leading / and no ..)`,
    );
  }
  if (!GLOB_CHARS.test(clean)) {
    const exists = await fs.lstat(path.join(workingDirectory, clean)).then(
      () => true,
      () => false,
    );
    if (!exists)
      throw new ReleaseError(
        'INCLUDE_INVALID',
        `include '${pattern}' does not exist in ${workingDirectory}`,
      );
    return [clean];
  }
  // The glob package, the engine Node's own fs.glob imitates, on every Node: the same tree gives
  // the same archive whichever Node packed it (fs.glob does not exist before Node 22).
  const { glob } = await import('glob');
  const found = await glob(clean, {
    cwd: workingDirectory,
    posix: true,
    dot: false,
    follow: false,
  });
  if (found.length === 0)
    throw new ReleaseError(
      'INCLUDE_INVALID',
      `include '${pattern}' matches nothing in ${workingDirectory}`,
    );
  return found.sort();
}

function order(entries: Iterable<ArchiveEntry>, id: string): ArchiveEntry[] {
  const head = ['nexo-plugin.toml', 'bin/', `bin/${id}`];
  const rank = (p: string) => (head.includes(p) ? head.indexOf(p) : head.length);
  return [...entries].sort(
    (a, b) =>
      rank(a.path) - rank(b.path) || Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)),
  );
}

function checkLimits(entries: readonly ArchiveEntry[]): void {
  if (entries.length > LIMITS.entries) {
    throw new ReleaseError(
      'LIMIT_EXCEEDED',
      `the archive would have ${entries.length} entries; the installer's limit is ${LIMITS.entries} (directories count). Ship fewer files, e.g. bundle the code`,
    );
  }
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if (e.size > LIMITS.entryBytes) {
      throw new ReleaseError(
        'LIMIT_EXCEEDED',
        `'${e.path}' is ${formatBytes(e.size)}; the installer's limit per entry is ${formatBytes(LIMITS.entryBytes)}. Strip or shrink it`,
      );
    }
  }
  if (total > LIMITS.totalBytes) {
    throw new ReleaseError(
      'LIMIT_EXCEEDED',
      `the archive's entries total ${formatBytes(total)}; the installer's limit is ${formatBytes(LIMITS.totalBytes)} uncompressed. Ship less`,
    );
  }
}

export async function collectTree(spec: TreeSpec): Promise<ArchiveEntry[]> {
  const c: Collected = { entries: new Map(), realRoot: await fs.realpath(spec.workingDirectory) };
  const manifest = await fs.stat(spec.manifestPath);
  add(c, fileEntry('nexo-plugin.toml', spec.manifestPath, manifest.size, 0o644), 'manifest');
  const bin = await fs.stat(spec.binaryPath).catch(() => undefined);
  if (!bin?.isFile()) {
    const found = await whatWasFound(spec);
    const hint = spec.noarch
      ? 'For noarch, `binary` must name the launcher script shipped as bin/<id>, e.g. bin/{id}'
      : found.length > 0
        ? `Found instead: ${found.join('; ')}`
        : `Build it first (cargo build --release --target ${spec.target ?? '<target>'}); Cargo's [[bin]] name must equal the plugin id '${spec.id}', or set the binary input to where your build puts it`;
    throw new ReleaseError('BINARY_MISSING', `${await whatIsThere(spec)}. ${hint}`);
  }
  add(c, { path: 'bin/', type: 'directory', mode: 0o755, size: 0 }, 'bin');
  add(
    c,
    {
      path: `bin/${spec.id}`,
      type: 'file',
      mode: 0o755,
      size: bin.size,
      source: await fs.realpath(spec.binaryPath),
    },
    'binary',
  );
  for (const pattern of spec.include) {
    for (const rel of await expandInclude(spec.workingDirectory, pattern)) {
      await walk(c, path.join(spec.workingDirectory, rel), rel, new Set());
    }
  }
  const entries = order(c.entries.values(), spec.id);
  if (spec.noarch) {
    const native = entries.filter(
      (e) => e.type === 'file' && e.path.startsWith('lib/') && isNativeFile(e.path),
    );
    if (native.length > 0) {
      throw new ReleaseError(
        'NATIVE_IN_NOARCH',
        `a noarch plugin must not ship native code, found under lib/: ${native.map((e) => e.path).join(', ')}. Build per-target archives instead, or remove these files`,
      );
    }
  }
  checkLimits(entries);
  return entries;
}
