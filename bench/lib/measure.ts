/**
 * Runs one command as a child process and reports what the operating system measured: wall
 * time (taken here, around the child's whole life), peak resident set size, and CPU time.
 *
 * Two probes, same contract:
 * - `time`: GNU time (`/usr/bin/time -v`), which reads the child's rusage from wait4(2).
 * - `wrapper`: for `node` commands only, `rss-wrapper.ts` loads the script in its own process and
 *   prints `process.resourceUsage()` at exit (maxRSS is the kernel's ru_maxrss of that process).
 * `auto` picks `time` when /usr/bin/time exists, else `wrapper`. Peak RSS is never estimated.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Probe = 'time' | 'wrapper';

export interface Measured {
  wallMs: number;
  /** Date.now() just before the spawn: compare with a server's arrival times (start-up). */
  spawnedAt: number;
  /** Peak RSS in KiB as the kernel reports it; undefined for non-node commands under `wrapper`. */
  maxRssKiB: number | undefined;
  userS: number | undefined;
  sysS: number | undefined;
  code: number;
  stdout: string;
  stderr: string;
  probe: Probe;
}

export interface RunOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  probe: Probe;
}

const GNU_TIME = '/usr/bin/time';
const WRAPPER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'rss-wrapper.ts');
const MARK = 'RSS-WRAPPER ';

export function resolveProbe(wanted: 'auto' | Probe): Probe {
  if (wanted !== 'auto') return wanted;
  return existsSync(GNU_TIME) ? 'time' : 'wrapper';
}

function cleanEnv(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}

/** `[cmd, ...args]` as the probe runs it; `node` stands for this very Node binary. */
function argv(probe: Probe, cmd: string, args: readonly string[]): string[] {
  const exe = cmd === 'node' ? process.execPath : cmd;
  if (probe === 'time') return [GNU_TIME, '-v', exe, ...args];
  if (cmd === 'node') return [process.execPath, WRAPPER, ...args];
  return [exe, ...args];
}

function parseGnuTime(stderr: string): Pick<Measured, 'maxRssKiB' | 'userS' | 'sysS'> {
  const num = (label: string) => {
    const m = new RegExp(`^\\s*${label}:\\s*([0-9.]+)\\s*$`, 'm').exec(stderr);
    return m ? Number(m[1]) : undefined;
  };
  return {
    maxRssKiB: num('Maximum resident set size \\(kbytes\\)'),
    userS: num('User time \\(seconds\\)'),
    sysS: num('System time \\(seconds\\)'),
  };
}

function parseWrapper(stderr: string): Pick<Measured, 'maxRssKiB' | 'userS' | 'sysS'> {
  const line = stderr.split('\n').find((l) => l.startsWith(MARK));
  if (line === undefined) return { maxRssKiB: undefined, userS: undefined, sysS: undefined };
  const r = JSON.parse(line.slice(MARK.length)) as { maxRSS: number; user: number; sys: number };
  return { maxRssKiB: r.maxRSS, userS: r.user / 1e6, sysS: r.sys / 1e6 };
}

export function measure(cmd: string, args: readonly string[], opts: RunOptions): Promise<Measured> {
  const [exe, ...rest] = argv(opts.probe, cmd, args);
  return new Promise((resolve, reject) => {
    const spawnedAt = Date.now();
    const started = performance.now();
    const child = spawn(exe!, rest, {
      cwd: opts.cwd,
      env: cleanEnv(opts.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      const usage = opts.probe === 'time' ? parseGnuTime(stderr) : parseWrapper(stderr);
      if (opts.probe === 'time' && usage.maxRssKiB === undefined) {
        reject(new Error(`${GNU_TIME} -v printed no resource usage for ${cmd}: ${stderr}`));
        return;
      }
      resolve({ wallMs, spawnedAt, ...usage, code: code ?? -1, stdout, stderr, probe: opts.probe });
    });
  });
}

/** Like `measure`, but a non-zero exit is an error that shows the command's output. */
export async function measureOk(
  cmd: string,
  args: readonly string[],
  opts: RunOptions,
): Promise<Measured> {
  const m = await measure(cmd, args, opts);
  if (m.code !== 0) {
    throw new Error(
      `${cmd} ${args.join(' ')} exited ${m.code}\n--- stdout\n${m.stdout}\n--- stderr\n${m.stderr}`,
    );
  }
  return m;
}
