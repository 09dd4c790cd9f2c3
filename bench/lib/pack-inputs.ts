/**
 * Inputs and by-products of the pack benchmark: the plugin repository and the guide's staging
 * directory over the same payload files (hard links), and recompression of our tar stream.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

export const ID = 'bench_plugin';
export const TARGET = 'x86_64-unknown-linux-gnu';
export const EPOCH = '1700000000';
export const MANIFEST = `[plugin]\nid = "${ID}"\nversion = "1.0.0"\nname = "Bench"\ndescription = "Benchmark payload of machine code."\nmin_nexo_version = ">=0.1.0"\n`;

export interface Layout {
  repo: string;
  files: string[];
}

/** A plugin repo: bin/<id> is the first part, the rest go to lib/ (included with `--include lib`). */
export function makeRepo(dir: string, parts: readonly string[]): Layout {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'nexo-plugin.toml'), MANIFEST);
  const files = parts.map((src, i) => {
    const rel = i === 0 ? `target/${TARGET}/release/${ID}` : `lib/part-${i}.bin`;
    const dest = path.join(dir, rel);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.linkSync(src, dest);
    if (i === 0) fs.chmodSync(dest, 0o755);
    return dest;
  });
  return { repo: dir, files };
}

/** The guide's staging directory: the archive's layout, as hard links to the same files. */
export function makeStage(dir: string, parts: readonly string[]): void {
  fs.mkdirSync(path.join(dir, 'bin'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'nexo-plugin.toml'), MANIFEST);
  parts.forEach((src, i) => {
    const dest = i === 0 ? path.join(dir, 'bin', ID) : path.join(dir, 'lib', `part-${i}.bin`);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.linkSync(src, dest);
  });
}

/** Counts what is written to it. */
function counter(): { sink: Writable; bytes: () => number } {
  let n = 0;
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      n += chunk.length;
      done();
    },
  });
  return { sink, bytes: () => n };
}

/**
 * Our tarball's tar stream (decompressed), recompressed by `gzip -<level> -n` and by node:zlib
 * as a single stream at the same level: separates the compressor's own ratio from the cost of
 * compressing in independent blocks.
 */
export async function recompress(
  tarball: string,
  level: number,
): Promise<{ gzip: number; node: number }> {
  const gzip = spawn('gzip', [`-${level}`, '-n'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const fromGzip = counter();
  const fromNode = counter();
  const deflate = zlib.createGzip({ level });
  const gzipDone = pipeline(gzip.stdout, fromGzip.sink);
  const nodeDone = pipeline(deflate, fromNode.sink);
  const tee = new Writable({
    write(chunk: Buffer, _enc, done) {
      let waiting = 2;
      const one = () => void (--waiting === 0 && done());
      if (gzip.stdin.write(chunk)) one();
      else gzip.stdin.once('drain', one);
      if (deflate.write(chunk)) one();
      else deflate.once('drain', one);
    },
    final(done) {
      gzip.stdin.end();
      deflate.end();
      done();
    },
  });
  await pipeline(fs.createReadStream(tarball), zlib.createGunzip(), tee);
  await Promise.all([gzipDone, nodeDone]);
  return { gzip: fromGzip.bytes(), node: fromNode.bytes() };
}
