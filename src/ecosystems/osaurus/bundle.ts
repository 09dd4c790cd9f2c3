import fs from 'node:fs/promises';
import path from 'node:path';
import { ReleaseError, type Diagnostic } from '../../errors.ts';
import { collisionKey, EXTRACTOR, holdsPrivateKey, nameRefusal, pathProblems } from './rules.ts';

/**
 * What goes into an Osaurus bundle (`docs/plugins/PACKAGING.md`): at the zip root the dylib by
 * its file name, then, when present in working-directory, `SKILL.md`, `skills/`, `README.md`,
 * `CHANGELOG.md`, `LICENSE`, `web/`, and every `include`. Links that stay inside
 * working-directory are stored as what they point to. Every refusal is collected first and
 * reported together, each naming its file. Modes: directories and the dylib 0755, all else 0644.
 */
export interface BundleEntry {
  path: string;
  type: 'file' | 'directory';
  mode: number;
  size: number;
  source?: string;
}

export const OPTIONAL_ROOT = ['SKILL.md', 'skills', 'README.md', 'CHANGELOG.md', 'LICENSE', 'web'];
const GLOB_CHARS = /[*?[\]{}]/;

interface Walk {
  root: string;
  realRoot: string;
  dylibReal: string;
  entries: Map<string, BundleEntry>;
  refused: { file: string; reason: string }[];
}

function addDir(w: Walk, archivePath: string): void {
  const parts = archivePath.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const dir = `${parts.slice(0, i).join('/')}/`;
    if (!w.entries.has(dir))
      w.entries.set(dir, { path: dir, type: 'directory', mode: 0o755, size: 0 });
  }
}

async function walk(w: Walk, abs: string, rel: string, ancestors: Set<string>): Promise<void> {
  const why = nameRefusal(rel);
  if (why !== undefined) return void w.refused.push({ file: rel, reason: why });
  const lst = await fs.lstat(abs);
  let real = abs;
  if (lst.isSymbolicLink()) {
    const target = await fs.realpath(abs).catch(() => undefined);
    const up = target === undefined ? undefined : path.relative(w.realRoot, target);
    const outside =
      up === undefined || up === '..' || up.startsWith(`..${path.sep}`) || path.isAbsolute(up);
    if (target === undefined || outside) {
      const reason = target === undefined ? 'a broken link' : `a link leading outside (${target})`;
      return void w.refused.push({ file: rel, reason });
    }
    real = target;
  }
  const st = await fs.stat(real);
  const parent = path.posix.dirname(rel);
  if (st.isDirectory()) {
    const realDir = await fs.realpath(abs);
    if (ancestors.has(realDir))
      return void w.refused.push({ file: rel, reason: `a link loop back to ${realDir}` });
    addDir(w, rel);
    const next = new Set(ancestors).add(realDir);
    for (const name of (await fs.readdir(abs)).sort())
      await walk(w, path.join(abs, name), `${rel}/${name}`, next);
  } else if (st.isFile()) {
    if (parent !== '.') addDir(w, parent);
    const realFile = await fs.realpath(abs);
    if (realFile === w.dylibReal && !rel.includes('/')) return; // the dylib itself, included again
    if (rel.toLowerCase().endsWith('.dylib'))
      return void w.refused.push({
        file: rel,
        reason: 'a second .dylib (the installer accepts exactly one)',
      });
    if (await holdsPrivateKey(realFile))
      return void w.refused.push({ file: rel, reason: 'a secret (it holds a PRIVATE KEY block)' });
    const prior = w.entries.get(rel);
    if (prior === undefined || prior.source === realFile)
      w.entries.set(rel, { path: rel, type: 'file', mode: 0o644, size: st.size, source: realFile });
  } else {
    w.refused.push({
      file: rel,
      reason: 'not a regular file or directory (a device, fifo or socket)',
    });
  }
}

async function expandInclude(root: string, pattern: string): Promise<string[]> {
  const clean = pattern.replace(/\\/g, '/').replace(/\/+$/, '').replace(/^\.\//, '');
  if (path.isAbsolute(clean) || clean.split('/').includes('..')) {
    throw new ReleaseError(
      'INCLUDE_INVALID',
      `include '${pattern}' must be a relative path inside the working directory (no leading / and no ..)`,
    );
  }
  const found: string[] = [];
  if (!GLOB_CHARS.test(clean)) {
    if (await fs.lstat(path.join(root, clean)).catch(() => undefined)) found.push(clean);
  } else {
    for await (const m of fs.glob(clean, { cwd: root })) found.push(m.replace(/\\/g, '/'));
  }
  if (found.length === 0)
    throw new ReleaseError('INCLUDE_INVALID', `include '${pattern}' matches nothing in ${root}`);
  return found.sort();
}

function refusedError(w: Walk): ReleaseError {
  const diagnostics: Diagnostic[] = w.refused.map((r) => ({
    message: `${r.file}: ${r.reason}`,
    location: { file: path.join(w.root, r.file) },
  }));
  const list = w.refused.map((r) => `  ${r.file}: ${r.reason}`).join('\n');
  return new ReleaseError(
    'ARTIFACT_REFUSED',
    `the bundle would carry ${w.refused.length} file${w.refused.length === 1 ? '' : 's'} an Osaurus bundle must not ship:\n${list}\nRemove them from the plugin folder or from include (a bundle ships the built dylib and its documents, never sources, secrets or hidden files)`,
    { location: diagnostics[0]!.location, diagnostics },
  );
}

function checkCollisions(w: Walk): void {
  const seen = new Map<string, string>();
  for (const e of w.entries.values()) {
    const key = collisionKey(e.path);
    const other = seen.get(key);
    if (other !== undefined)
      w.refused.push({
        file: e.path,
        reason: `the same path as ${other} once case and Unicode normalisation are ignored (the installer rejects both)`,
      });
    else seen.set(key, e.path);
  }
}

function checkLimits(entries: readonly BundleEntry[]): void {
  const problems: string[] = [];
  if (entries.length > EXTRACTOR.entries)
    problems.push(`${entries.length} entries (limit ${EXTRACTOR.entries}, directories count)`);
  const expanded = entries.reduce((n, e) => n + e.size, 0);
  if (expanded > EXTRACTOR.expandedBytes)
    problems.push(`${expanded} bytes expanded (limit ${EXTRACTOR.expandedBytes})`);
  for (const e of entries) for (const p of pathProblems(e.path)) problems.push(`${e.path}: ${p}`);
  if (problems.length > 0) {
    throw new ReleaseError(
      'LIMIT_EXCEEDED',
      `the Osaurus installer's extractor would reject this bundle: ${problems.join('; ')}. Ship fewer or shorter-named files`,
    );
  }
}

/** Every entry of the bundle, unsorted; throws ARTIFACT_REFUSED or LIMIT_EXCEEDED. */
export async function collectBundle(spec: {
  workingDirectory: string;
  dylib: string;
  include: readonly string[];
}): Promise<BundleEntry[]> {
  const root = spec.workingDirectory;
  const w: Walk = {
    root,
    realRoot: await fs.realpath(root),
    dylibReal: await fs.realpath(spec.dylib),
    entries: new Map(),
    refused: [],
  };
  const dylibName = path.basename(spec.dylib);
  const size = (await fs.stat(w.dylibReal)).size;
  w.entries.set(dylibName, {
    path: dylibName,
    type: 'file',
    mode: 0o755,
    size,
    source: w.dylibReal,
  });
  if (await holdsPrivateKey(w.dylibReal))
    w.refused.push({ file: dylibName, reason: 'a secret (it holds a PRIVATE KEY block)' });
  for (const name of OPTIONAL_ROOT) {
    if (await fs.lstat(path.join(root, name)).catch(() => undefined))
      await walk(w, path.join(root, name), name, new Set());
  }
  for (const pattern of spec.include) {
    for (const rel of await expandInclude(root, pattern))
      await walk(w, path.join(root, rel), rel, new Set());
  }
  checkCollisions(w);
  if (w.refused.length > 0) throw refusedError(w);
  const entries = [...w.entries.values()];
  checkLimits(entries);
  return entries;
}
