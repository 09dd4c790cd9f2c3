import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * What BINARY_MISSING says when `binary` does not name a file: what is there instead (a
 * directory), and where a build did put something usable, with the input or build flag that
 * would use it. Looks only at Cargo's usual places under the working directory: target/release,
 * target/<triple>/release, target/<target>/debug, and the executables next to where the binary
 * was expected (a [[bin]] name that differs from the plugin id).
 */
export interface BinaryLookup {
  workingDirectory: string;
  binaryPath: string;
  id: string;
  /** The target being packed (undefined when the caller does not know it). */
  target?: string;
  noarch: boolean;
}

const rel = (wd: string, p: string) => path.relative(wd, p) || p;

async function kind(p: string): Promise<'file' | 'directory' | 'other' | undefined> {
  const st = await fs.stat(p).catch(() => undefined);
  if (st === undefined) return undefined;
  return st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other';
}

async function executables(dir: string): Promise<string[]> {
  const names = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const e of names) {
    if (!e.isFile() || e.name.startsWith('.') || /\.(d|rlib|rmeta|so|dylib|dll|a)$/.test(e.name))
      continue;
    const st = await fs.stat(path.join(dir, e.name));
    if ((st.mode & 0o111) !== 0) out.push(e.name);
  }
  return out.sort();
}

/** The first sentence: what is wrong at the expected path. */
export async function whatIsThere(l: BinaryLookup): Promise<string> {
  const where = rel(l.workingDirectory, l.binaryPath);
  const k = await kind(l.binaryPath);
  if (k === 'directory') return `${where} is a directory, not a file`;
  if (k === 'other') return `${where} is not a regular file (a device, fifo or socket)`;
  return `built binary missing at ${where}`;
}

/** Sentences naming what was found elsewhere and how to use it, most likely first. */
export async function whatWasFound(l: BinaryLookup): Promise<string[]> {
  if (l.noarch) return [];
  const wd = l.workingDirectory;
  const hints: string[] = [];
  const hostBuild = path.join(wd, 'target', 'release', l.id);
  if ((await kind(hostBuild)) === 'file')
    hints.push(
      `${rel(wd, hostBuild)} exists (a build without --target): pass \`binary: target/release/{id}\` (CLI: --binary 'target/release/{id}'), or build with \`cargo build --release --target ${l.target ?? '<target>'}\``,
    );
  if (l.target !== undefined) {
    const debug = path.join(wd, 'target', l.target, 'debug', l.id);
    if ((await kind(debug)) === 'file')
      hints.push(`${rel(wd, debug)} exists: build with --release`);
  }
  const others: string[] = [];
  for (const t of await fs.readdir(path.join(wd, 'target')).catch(() => [] as string[])) {
    if (t === l.target || t === 'release' || t === 'debug') continue;
    if ((await kind(path.join(wd, 'target', t, 'release', l.id))) === 'file') others.push(t);
  }
  if (others.length > 0)
    hints.push(`the binary was built for ${others.sort().join(', ')} only: build this target too`);
  const dir = path.dirname(l.binaryPath);
  const near = (await executables(dir)).filter((n) => n !== l.id);
  if (near.length > 0) {
    const template = rel(wd, path.join(dir, near[0]!));
    const general = l.target === undefined ? template : template.split(l.target).join('{target}');
    hints.push(
      `${rel(wd, dir)} holds ${near.map((n) => `'${n}'`).join(', ')}: Cargo's [[bin]] name must equal the plugin id '${l.id}' (add [[bin]] name = "${l.id}" to Cargo.toml), or pass binary: ${general}`,
    );
  }
  return hints;
}
