import { execFile } from 'node:child_process';

/**
 * The runner's own `npm`, spawned without a shell (arguments are never re-parsed), so packing
 * and publishing are npm's code and behave exactly as the user's `npm pack` / `npm publish`.
 * Lifecycle scripts are the caller's business (every caller passes --ignore-scripts).
 */

export type Env = Readonly<Record<string, string | undefined>>;

/** What npm said when it failed: its error code (E401, ENOENT, ...) and its own message. */
export class NpmCommandError extends Error {
  readonly npmCode: string | undefined;
  readonly exitCode: number | string | undefined;
  readonly stderr: string;

  constructor(
    message: string,
    npmCode: string | undefined,
    exitCode: number | string | undefined,
    stderr: string,
  ) {
    super(message);
    this.name = 'NpmCommandError';
    this.npmCode = npmCode;
    this.exitCode = exitCode;
    this.stderr = stderr;
  }
}

export interface NpmRunOptions {
  cwd: string;
  env: Env;
  /** Milliseconds; npm is killed after that. */
  timeout?: number;
}

/**
 * The environment npm runs with: the caller's, minus the update check (a network request and a
 * banner nobody asked for) and funding notices.
 */
function npmEnv(env: Env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  out.npm_config_update_notifier = 'false';
  out.npm_config_fund = 'false';
  out.npm_config_audit = 'false';
  return out;
}

/** npm's message from `--json` output (`{"error": {code, summary, detail}}`) or its stderr. */
function npmMessage(stdout: string, stderr: string): { code: string | undefined; message: string } {
  const start = stdout.indexOf('{');
  if (start !== -1) {
    try {
      const parsed = JSON.parse(stdout.slice(start)) as {
        error?: { code?: unknown; summary?: unknown; detail?: unknown };
      };
      const e = parsed.error;
      if (e !== undefined && (typeof e.summary === 'string' || typeof e.code === 'string')) {
        const parts = [e.summary, e.detail].filter(
          (s): s is string => typeof s === 'string' && s.trim() !== '',
        );
        return {
          code: typeof e.code === 'string' ? e.code : undefined,
          message: parts.join(' ').replace(/\s+/g, ' ').trim(),
        };
      }
    } catch {
      // Not npm's JSON error: fall back to stderr.
    }
  }
  const lines = stderr
    .split('\n')
    .filter((l) => l.startsWith('npm error') || l.startsWith('npm ERR!'))
    .map((l) => l.replace(/^npm (error|ERR!)\s*/, '').trim())
    .filter((l) => l !== '' && !l.startsWith('A complete log of this run'));
  const codeLine = lines.find((l) => /^code \S+$/.test(l));
  const code = codeLine?.slice(5);
  const message = lines
    .filter((l) => !/^(code|errno|syscall|path) /.test(l))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { code, message: message || stderr.trim().split('\n').slice(-3).join(' ') };
}

/** Runs `npm <args>`; resolves with its stdout, or rejects with an NpmCommandError. */
export function runNpm(
  args: readonly string[],
  o: NpmRunOptions,
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      'npm',
      [...args],
      {
        cwd: o.cwd,
        env: npmEnv(o.env),
        maxBuffer: 256 * 1024 * 1024,
        timeout: o.timeout ?? 10 * 60 * 1000,
        windowsHide: true,
      },
      (err, stdout, stderr) => {
        if (err === null) {
          resolve({ stdout, stderr });
          return;
        }
        const spawnCode = (err as NodeJS.ErrnoException).code;
        if (spawnCode === 'ENOENT' && stdout === '' && stderr === '') {
          reject(
            new NpmCommandError(
              'npm is not on PATH. Install Node.js with npm on the runner (actions/setup-node) before this step',
              'ENOENT_NPM',
              spawnCode,
              '',
            ),
          );
          return;
        }
        const { code, message } = npmMessage(stdout, stderr);
        const exit = typeof err.code === 'number' ? err.code : spawnCode;
        reject(
          new NpmCommandError(
            message ||
              `npm ${args[0]} failed (exit ${String(exit)}${err.killed ? ', killed after the timeout' : ''})`,
            code,
            exit,
            stderr,
          ),
        );
      },
    );
  });
}
