/**
 * Benchmark inputs, generated or taken from this machine (nothing is downloaded).
 * - Machine code: ELF files from /usr/bin then /usr/lib (sorted walk, each inode once, files
 *   under 4 KiB skipped), concatenated and cut into files of a fixed size, because the installer
 *   refuses entries over 100 MiB.
 * - Random bytes: for assets whose content does not matter (uploads, signing).
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const ROOTS = ['/usr/bin', '/usr/lib'];
const CHUNK = 1024 * 1024;

function* walk(dir: string): Generator<string> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile()) yield p;
  }
}

function isElf(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const magic = Buffer.alloc(4);
    return fs.readSync(fd, magic, 0, 4, 0) === 4 && magic.toString('latin1') === '\x7fELF';
  } finally {
    fs.closeSync(fd);
  }
}

/** The ELF files the payload is cut from, in a fixed order, until `bytes` are covered. */
function elfSources(bytes: number): string[] {
  const seen = new Set<number>();
  const picked: string[] = [];
  let total = 0;
  for (const root of ROOTS) {
    for (const file of walk(root)) {
      let st: fs.Stats;
      try {
        st = fs.statSync(file);
        if (st.size < 4096 || seen.has(st.ino) || !isElf(file)) continue;
      } catch {
        continue; // unreadable: not part of the payload
      }
      seen.add(st.ino);
      picked.push(file);
      total += st.size;
      if (total >= bytes) return picked;
    }
  }
  throw new Error(
    `only ${total} bytes of ELF machine code under ${ROOTS.join(', ')}; ${bytes} are needed`,
  );
}

/**
 * Writes `files.length` files of exactly `partBytes` each, cut from the machine's ELF files.
 * Returns the source files used (for the record).
 */
export function writeMachineCode(files: readonly string[], partBytes: number): string[] {
  const sources = elfSources(files.length * partBytes);
  const buf = Buffer.allocUnsafe(CHUNK);
  let out = -1;
  let written = 0;
  let index = -1;
  const next = () => {
    if (out !== -1) fs.closeSync(out);
    index++;
    fs.mkdirSync(path.dirname(files[index]!), { recursive: true });
    out = fs.openSync(files[index]!, 'w');
    written = 0;
  };
  next();
  outer: for (const src of sources) {
    const fd = fs.openSync(src, 'r');
    try {
      for (;;) {
        const n = fs.readSync(fd, buf, 0, CHUNK, null);
        if (n === 0) break;
        let off = 0;
        while (off < n) {
          if (written === partBytes) {
            if (index === files.length - 1) break outer;
            next();
          }
          const take = Math.min(n - off, partBytes - written);
          fs.writeSync(out, buf, off, take);
          off += take;
          written += take;
        }
      }
    } finally {
      fs.closeSync(fd);
    }
  }
  fs.closeSync(out);
  if (index !== files.length - 1 || written !== partBytes) {
    throw new Error('ran out of machine code while cutting the payload');
  }
  return sources;
}

/**
 * Writes `bytes` of random data to `file` in 8 MiB pieces (never the whole file in memory);
 * returns the file's sha256 (hex), computed on the way.
 */
export async function writeRandom(file: string, bytes: number): Promise<string> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const hash = createHash('sha256');
  const handle = await fs.promises.open(file, 'w');
  try {
    const piece = 8 * CHUNK;
    for (let done = 0; done < bytes; done += piece) {
      const chunk = randomBytes(Math.min(piece, bytes - done));
      hash.update(chunk);
      await handle.write(chunk);
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}
