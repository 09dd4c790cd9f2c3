import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './fixture.ts';

const exec = promisify(execFile);

export interface PyMember {
  name: string;
  type: 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';
  mode: number;
  uid: number;
  gid: number;
  uname: string;
  gname: string;
  mtime: number;
  size: number;
  content: string | null;
}

/** Reads a tarball with Python's tarfile and a first-member-only gzip decoder. */
export async function readWithPython(file: string): Promise<{
  trailing: number;
  globalPax: Record<string, string>;
  members: PyMember[];
  gzipHeader: number[];
}> {
  const { stdout } = await exec(
    'python3',
    [path.join(ROOT, 'test/support/read_tarball.py'), file],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout);
}

/** `tar -tvzf` with GNU tar, numeric owners, as lines. */
export async function listWithGnuTar(file: string): Promise<string[]> {
  const { stdout } = await exec('tar', ['--numeric-owner', '--full-time', '-tvzf', file], {
    env: { ...process.env, TZ: 'UTC' },
  });
  return stdout.trim().split('\n');
}

export async function sha256sum(file: string): Promise<string> {
  const { stdout } = await exec('sha256sum', [file]);
  return stdout.split(/\s+/)[0]!;
}
