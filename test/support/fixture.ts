import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/main.ts';
import { INPUTS } from '../../src/inputs.ts';
import type { Reporter } from '../../src/report.ts';
import type { SourceLocation } from '../../src/errors.ts';

/** Test scaffolding: temp plugin repos, a reporter that records, and the two real entry points. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function manifestText(
  fields: Partial<Record<'id' | 'version' | 'name' | 'description' | 'min', string>> = {},
): string {
  return [
    '[plugin]',
    `id = "${fields.id ?? 'demo_plugin'}"`,
    `version = "${fields.version ?? '1.2.3'}"`,
    `name = "${fields.name ?? 'Demo'}"`,
    `description = "${fields.description ?? 'A demo plugin.'}"`,
    `min_nexo_version = "${fields.min ?? '>=0.1.0'}"`,
    '',
  ].join('\n');
}

export interface PluginRepo {
  dir: string;
  /** Writes `target/<t>/release/<id>` with the given body (mode 0755). */
  binary(target: string, body?: string | Buffer, id?: string): Promise<string>;
  write(rel: string, body: string | Buffer, mode?: number): Promise<string>;
  cleanup(): Promise<void>;
}

export async function makePluginRepo(
  opts: { manifest?: string; prefix?: string } = {},
): Promise<PluginRepo> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), opts.prefix ?? 'prt-'));
  const write = async (rel: string, body: string | Buffer, mode = 0o644) => {
    const p = path.join(dir, rel);
    await fs.mkdir(path.dirname(p), { recursive: true });
    await fs.writeFile(p, body);
    await fs.chmod(p, mode);
    return p;
  };
  await write('nexo-plugin.toml', opts.manifest ?? manifestText());
  return {
    dir,
    write,
    binary: (target, body = `#!/bin/sh\necho ${target}\n`, id = 'demo_plugin') =>
      write(`target/${target}/release/${id}`, body, 0o755),
    cleanup: () => fs.rm(dir, { recursive: true, force: true }),
  };
}

export interface Recorded {
  level: 'info' | 'notice' | 'warning' | 'error';
  message: string;
  location?: SourceLocation;
}

export function recordingReporter(): Reporter & {
  records: Recorded[];
  outputs: Record<string, string>;
  summaries: string[];
  secrets: string[];
} {
  const records: Recorded[] = [];
  const outputs: Record<string, string> = {};
  const summaries: string[] = [];
  const secrets: string[] = [];
  const rec = (level: Recorded['level']) => (message: string, location?: SourceLocation) =>
    void records.push({ level, message, location });
  return {
    records,
    outputs,
    summaries,
    secrets,
    info: rec('info'),
    notice: rec('notice'),
    warning: rec('warning'),
    error: rec('error'),
    setOutput: (n, v) => void (outputs[n] = v),
    summary: (md) => void summaries.push(md),
    mask: (s) => void secrets.push(s),
  };
}

/** Runs the pipeline in-process with the CLI's defaults overlaid by `inputs`. */
export async function runInProcess(
  inputs: Record<string, string>,
  opts: { cwd: string; env?: Record<string, string | undefined> },
) {
  const raw: Record<string, string> = {};
  for (const i of INPUTS) raw[i.name] = i.cliDefault ?? i.default;
  Object.assign(raw, inputs);
  const reporter = recordingReporter();
  const status = await run(reporter, raw, { SOURCE_DATE_EPOCH: undefined, ...opts.env }, opts.cwd);
  const errors = reporter.records.filter((r) => r.level === 'error');
  return { status, reporter, errors, errorText: errors.map((e) => e.message).join('\n') };
}

export interface Spawned {
  status: number;
  stdout: string;
  stderr: string;
}

export function spawnNode(
  args: string[],
  opts: { cwd: string; env: Record<string, string | undefined>; input?: string },
): Promise<Spawned> {
  return spawnCommand(process.execPath, args, opts);
}

/** Runs `command` with exactly `opts.env` (undefined values dropped), collecting its output. */
export function spawnCommand(
  command: string,
  args: string[],
  opts: { cwd: string; env: Record<string, string | undefined>; input?: string },
): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(opts.env)) if (v !== undefined) env[k] = v;
    const child = spawn(command, args, {
      cwd: opts.cwd,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code ?? -1, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

/** A minimal environment: PATH and HOME only, so nothing leaks in from the developer's shell. */
export function baseEnv(
  extra: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NO_PROXY: '127.0.0.1,localhost',
    ...extra,
  };
}

/**
 * Runs `node dist/index.js` as the runner does: INPUT_* variables (hyphens kept), GITHUB_OUTPUT
 * and GITHUB_STEP_SUMMARY files. Returns the parsed outputs and the summary text.
 */
export async function runAction(
  inputs: Record<string, string>,
  opts: { cwd: string; env?: Record<string, string | undefined> },
) {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'prt-runner-'));
  const outputFile = path.join(tmp, 'output');
  const summaryFile = path.join(tmp, 'summary');
  await fs.writeFile(outputFile, '');
  await fs.writeFile(summaryFile, '');
  const env = baseEnv({ GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, ...opts.env });
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const result = await spawnNode([path.join(ROOT, 'dist/index.js')], { cwd: opts.cwd, env });
  const outputs = parseOutputFile(await fs.readFile(outputFile, 'utf8'));
  const summary = await fs.readFile(summaryFile, 'utf8');
  await fs.rm(tmp, { recursive: true, force: true });
  return { ...result, outputs, summary };
}

/** Parses the runner's `name<<DELIM ... DELIM` output file format. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) body.push(lines[i]!);
    out[m[1]!] = body.join('\n');
  }
  return out;
}

export function runCli(
  args: string[],
  opts: { cwd: string; env?: Record<string, string | undefined> },
): Promise<Spawned> {
  return spawnNode([path.join(ROOT, 'dist/cli.js'), ...args], {
    cwd: opts.cwd,
    env: baseEnv(opts.env),
  });
}
