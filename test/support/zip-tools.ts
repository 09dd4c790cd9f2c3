import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './fixture.ts';

const exec = promisify(execFile);

export interface PyZipMember {
  name: string;
  mode: number;
  external_attr: number;
  date_time: number[];
  compress_type: number;
  flag_bits: number;
  create_system: number;
  create_version: number;
  extract_version: number;
  extra: string;
  comment: string;
  file_size: number;
  compress_size: number;
  is_dir: boolean;
  sha256: string;
}

/** Reads a ZIP with Python's zipfile (every member read, so every CRC-32 checked). */
export async function readZipWithPython(
  file: string,
): Promise<{ comment: string; testzip: string | null; members: PyZipMember[] }> {
  const { stdout } = await exec('python3', [path.join(ROOT, 'test/support/read_zip.py'), file], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout);
}

/** Info-ZIP's `unzip -Z -l` (zipinfo) lines for the members, without header and footer. */
export async function zipinfoLines(file: string): Promise<string[]> {
  const { stdout } = await exec('unzip', ['-Z', '-l', file], {
    env: { ...process.env, TZ: 'UTC' },
  });
  return stdout
    .trim()
    .split('\n')
    .filter((l) => /^[-dl?]/.test(l));
}

/** Info-ZIP's `unzip -t`: resolves with its output when every member tests OK. */
export async function unzipTest(file: string): Promise<string> {
  const { stdout } = await exec('unzip', ['-t', file]);
  return stdout;
}

/** libarchive's `bsdtar -tvf` lines. */
export async function bsdtarList(file: string): Promise<string[]> {
  const { stdout } = await exec('bsdtar', ['-tvf', file], { env: { ...process.env, TZ: 'UTC' } });
  return stdout.trim().split('\n');
}
