import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config.ts';
import { ReleaseError } from '../../errors.ts';

/**
 * The built plugin library: the `dylib` input (a path or a glob, relative to working-directory),
 * else the one `*.dylib` in working-directory. None, or several, is an error that lists what was
 * found, so the fix is one input away.
 */
const GLOB_CHARS = /[*?[\]{}]/;

async function isFile(p: string): Promise<boolean> {
  return (await fs.stat(p).catch(() => undefined))?.isFile() ?? false;
}

async function globFiles(pattern: string, cwd: string): Promise<string[]> {
  const found: string[] = [];
  for await (const m of fs.glob(pattern, { cwd })) {
    const abs = path.resolve(cwd, m);
    if (await isFile(abs)) found.push(abs);
  }
  return found.sort();
}

function list(files: string[], cwd: string): string {
  return files.map((f) => path.relative(cwd, f) || f).join(', ');
}

export async function resolveDylib(config: Config): Promise<string> {
  const cwd = config.workingDirectory;
  const input = config.osaurus.dylib;
  let found: string[];
  let what: string;
  if (input === undefined) {
    found = await globFiles('*.dylib', cwd);
    what = `*.dylib in ${cwd}`;
  } else if (GLOB_CHARS.test(input)) {
    found = await globFiles(input, cwd);
    what = `dylib '${input}' in ${cwd}`;
  } else {
    const abs = path.resolve(cwd, input);
    found = (await isFile(abs)) ? [abs] : [];
    what = `dylib ${abs}`;
  }
  if (found.length === 0) {
    const here = await globFiles('*.dylib', cwd);
    throw new ReleaseError(
      'BINARY_MISSING',
      `no built plugin library: ${what} matches no file${here.length > 0 ? ` (working-directory has ${list(here, cwd)})` : ''}. Build it first (swift build -c release), then pass its path, e.g. dylib: .build/release/libMyPlugin.dylib`,
    );
  }
  if (found.length > 1) {
    throw new ReleaseError(
      'USAGE',
      `${what} matches ${found.length} files: ${list(found, cwd)}; a bundle holds exactly one .dylib. Name the plugin's with the dylib input`,
    );
  }
  const dylib = found[0]!;
  const name = path.basename(dylib);
  if (!name.endsWith('.dylib') || name.startsWith('.')) {
    throw new ReleaseError(
      'BINARY_MISSING',
      `${dylib} is not a visible *.dylib: the Osaurus installer looks for exactly one non-hidden file ending in .dylib. Pass the built library`,
    );
  }
  return dylib;
}
