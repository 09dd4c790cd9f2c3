import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { nearest, parseArgs } from '../src/cli-args.ts';
import { COMMANDS } from '../src/inputs.ts';
import { markdownToText, markdownTable } from '../src/report.ts';
import { ROOT, baseEnv, makePluginRepo, runCli, type PluginRepo } from './support/fixture.ts';

// The CLI as a person meets it: help, mistakes, pipes, --json, and what a terminal shows.
const GNU = 'x86_64-unknown-linux-gnu';
const CLI = path.join(ROOT, 'dist/cli.js');
const action = parseYaml(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; default: string }>;
};
const repos: PluginRepo[] = [];
after(() => Promise.all(repos.map((r) => r.cleanup())));
async function repo(manifest?: string) {
  const r = await makePluginRepo({ manifest });
  repos.push(r);
  return r;
}

/** Runs the CLI with stdout and stderr into one pipe, as a terminal shows them. */
function combined(args: string[], cwd: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      '/bin/sh',
      ['-c', `exec "${process.execPath}" "${CLI}" "$@" 2>&1`, 'sh', ...args],
      { cwd, env: baseEnv() as NodeJS.ProcessEnv },
    );
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code ?? -1, text }));
  });
}

describe('help', () => {
  for (const args of [[], ['help'], ['--help'], ['-h'], ['pack', '--help']]) {
    test(`plugin-release ${args.join(' ') || '(nothing)'}: every command and flag with its description and default`, async () => {
      const r = await repo();
      const res = await runCli(args, { cwd: r.dir });
      assert.equal(res.status, 0, res.stderr);
      assert.equal(res.stderr, '');
      const text = res.stdout.replace(/\n\s+/g, ' ');
      for (const c of COMMANDS) assert.match(res.stdout, new RegExp(`^  ${c} +\\w`, 'm'), c);
      for (const [name, spec] of Object.entries(action.inputs)) {
        const shown = name === 'token' ? '$GITHUB_TOKEN' : spec.default || '(none)';
        const entry = text.indexOf(`--${name} `);
        assert.ok(entry >= 0, name);
        const tail = text.slice(entry);
        assert.ok(tail.includes(spec.description.replace(/\s+/g, ' ')), `${name}'s description`);
        assert.ok(tail.includes(`default: ${shown}`), `${name}'s default`);
      }
      for (const other of ['--json', '--version']) assert.ok(res.stdout.includes(other));
    });
  }
});

describe('mistakes', () => {
  test('an unknown flag names the nearest one and exits 2', async () => {
    const r = await repo();
    const res = await runCli(['pack', '--target', GNU], { cwd: r.dir });
    assert.equal(res.status, 2);
    assert.match(res.stderr, /unknown flag --target: did you mean --targets\?/);
    assert.equal(res.stdout, '');
    assert.equal(nearest('dryrun', ['dry-run', 'draft']), 'dry-run');
    assert.equal(nearest('sing', ['sign', 'json']), 'sign');
    assert.equal(nearest('zzzzzz', ['sign', 'json']), undefined);
  });

  test('an unknown command names the nearest one', async () => {
    const r = await repo();
    const res = await runCli(['pakc', '--targets', GNU], { cwd: r.dir });
    assert.equal(res.status, 2);
    assert.match(res.stderr, /'pakc'.*Did you mean 'pack'\?/);
  });

  test('boolean flags: alone, with true or false, or with =', () => {
    const at = (argv: string[]) => parseArgs(argv, {}).inputs;
    assert.equal(at(['pack', '--dry-run'])['dry-run'], 'true');
    assert.equal(at(['pack', '--dry-run', '--targets', GNU])['dry-run'], 'true');
    assert.equal(at(['pack', '--dry-run', '--targets', GNU]).targets, GNU);
    assert.equal(at(['pack', '--dry-run', 'true', '--targets', GNU])['dry-run'], 'true');
    assert.equal(at(['pack', '--dry-run', 'false'])['dry-run'], 'false');
    assert.equal(at(['pack', '--dry-run=false'])['dry-run'], 'false');
    assert.equal(at(['--sign', 'pack']).command, 'pack');
  });

  test('--dry-run true and --dry-run alone behave alike end to end', async () => {
    const r = await repo();
    await r.binary(GNU);
    for (const flag of [['--dry-run'], ['--dry-run', 'true']]) {
      const res = await runCli(['upload', '--tag', 'v1.2.3', '--targets', GNU, ...flag], {
        cwd: r.dir,
        env: { GITHUB_REPOSITORY: 'o/r', GITHUB_API_URL: 'http://127.0.0.1:9' },
      });
      assert.notEqual(res.status, 2, res.stderr);
      assert.doesNotMatch(res.stderr, /no token/);
    }
  });
});

describe('pipes', () => {
  /** Runs the CLI with its stdout closed at once, as `| head -0` would. */
  function closedStdout(args: string[], cwd: string) {
    return new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, ...args], {
        cwd,
        env: baseEnv() as NodeJS.ProcessEnv,
      });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (status) => resolve({ status, stderr }));
    });
  }

  test('help into a closed pipe: exit 0, nothing on stderr', async () => {
    const r = await repo();
    const res = await closedStdout(['--help'], r.dir);
    assert.equal(res.status, 0);
    assert.equal(res.stderr, '');
  });

  test('a run into a closed pipe finishes its work and exits with its own status', async () => {
    const r = await repo();
    await r.binary(GNU);
    const res = await closedStdout(['pack', '--targets', GNU, '--tag', 'v1.2.3'], r.dir);
    assert.equal(res.status, 0, res.stderr);
    assert.doesNotMatch(res.stderr, /EPIPE|Error:/);
    await fs.stat(path.join(r.dir, 'dist', `demo_plugin-1.2.3-${GNU}.tar.gz.sha256`));
  });
});

describe('--json', () => {
  test('one object of real JSON values', async () => {
    const r = await repo();
    await r.binary(GNU);
    const res = await runCli(['pack', '--targets', GNU, '--tag', 'v1.2.3', '--json'], {
      cwd: r.dir,
    });
    assert.equal(res.status, 0, res.stderr);
    const out = JSON.parse(res.stdout) as Record<string, unknown>;
    assert.equal(out.prerelease, false);
    assert.equal(out.version, '1.2.3');
    assert.ok(Array.isArray(out.assets));
    const [tarball] = out.assets as { name: string; size: number }[];
    assert.equal(typeof tarball!.size, 'number');
    assert.equal(out.error, undefined);
  });

  test('a failure adds an error object {code, message, diagnostics} with file, line, column', async () => {
    const r = await repo('[plugin]\nid = "Bad-Id"\nversion = "1.2.3"\nname = "x"\n');
    const res = await runCli(['validate', '--tag', 'v1.2.3', '--json'], { cwd: r.dir });
    assert.equal(res.status, 1);
    const out = JSON.parse(res.stdout) as {
      error: {
        code: string;
        message: string;
        diagnostics: { message: string; file: string; line: number; column: number }[];
      };
    };
    assert.equal(out.error.code, 'MANIFEST_INVALID');
    assert.equal(typeof out.error.message, 'string');
    assert.ok(out.error.diagnostics.length >= 2);
    const id = out.error.diagnostics.find((d) => /Bad-Id/.test(d.message))!;
    assert.deepEqual([path.basename(id.file), id.line], ['nexo-plugin.toml', 2]);
    assert.ok(id.column > 0);
  });

  test('bad usage with --json is an error object too', async () => {
    const r = await repo();
    const res = await runCli(['pack', '--target', GNU, '--json'], { cwd: r.dir });
    assert.equal(res.status, 2);
    const out = JSON.parse(res.stdout) as { error: { code: string; message: string } };
    assert.equal(out.error.code, 'USAGE');
    assert.match(out.error.message, /--targets/);
  });
});

describe('terminal output', () => {
  test('markdown tables become aligned plain-text columns', () => {
    const md = `### Packed x\n\n${markdownTable(
      ['archive', 'size'],
      [
        ['a.tar.gz', '1 B'],
        ['longer-name.tar.gz', '`12 KiB`'],
        ['pipe|name', '**3**'],
      ],
    )}`;
    assert.equal(
      markdownToText(md),
      [
        'Packed x',
        '',
        'archive             size',
        '------------------  ------',
        'a.tar.gz            1 B',
        'longer-name.tar.gz  12 KiB',
        'pipe|name           3',
      ].join('\n'),
    );
  });

  test('pack prints its table aligned, without markdown', async () => {
    const r = await repo();
    await r.binary(GNU);
    const res = await runCli(['pack', '--targets', GNU, '--tag', 'v1.2.3'], { cwd: r.dir });
    assert.equal(res.status, 0, res.stderr);
    assert.doesNotMatch(res.stdout, /\||###|`/);
    const lines = res.stdout.split('\n');
    const head = lines.findIndex((l) => /^archive +target +size +sha256$/.test(l));
    assert.ok(head >= 0, res.stdout);
    const col = lines[head]!.indexOf('target');
    assert.equal(lines[head + 2]!.slice(col, col + GNU.length), GNU);
  });

  test('the last line of a failed run is the failure, after the tables', async () => {
    const r = await repo();
    await r.binary(GNU);
    assert.equal(
      (await runCli(['pack', '--targets', GNU, '--tag', 'v1.2.3'], { cwd: r.dir })).status,
      0,
    );
    await fs.writeFile(
      path.join(r.dir, 'dist', `demo_plugin-1.2.3-${GNU}.tar.gz.sha256`),
      `${'0'.repeat(64)}\n`,
    );
    const res = await combined(['verify', '--tag', 'v1.2.3', '--targets', GNU], r.dir);
    assert.equal(res.status, 1);
    const lines = res.text.trimEnd().split('\n');
    assert.match(lines.at(-1)!, /^error: \[VERIFY_FAILED\] /);
    assert.doesNotMatch(res.text, /\| --- \|/);
    assert.ok(/^check +subject +result +detail$/m.test(res.text), res.text);
  });
});
