import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { isReleaseError } from '../src/errors.ts';
import { npmPack, npmPackFileName } from '../src/npm/pack.ts';

const exec = promisify(execFile);
const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

async function tmp(prefix: string): Promise<string> {
  const d = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
}

async function pkg(
  files: Record<string, string>,
  modes: Record<string, number> = {},
): Promise<string> {
  const dir = await tmp('npm-pack-src-');
  for (const [rel, body] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await fs.writeFile(path.join(dir, rel), body);
    if (modes[rel] !== undefined) await fs.chmod(path.join(dir, rel), modes[rel]);
  }
  return dir;
}

const PACKAGE = JSON.stringify(
  {
    name: '@demo/plugin-pack',
    version: '1.0.0-beta.2',
    description: 'x',
    files: ['dist'],
    bin: { demo: 'dist/cli.js' },
    scripts: { prepack: 'echo hacked > dist/prepack.txt' },
  },
  null,
  2,
);

describe('npmPack: npm pack with scripts off', () => {
  test('same bytes and file list as the npm on PATH, read back with GNU tar', async () => {
    const dir = await pkg(
      {
        'package.json': PACKAGE,
        'dist/index.js': 'export default 1;\n',
        'dist/cli.js': '#!/usr/bin/env node\n',
        'src/index.ts': 'no\n',
        'README.md': '# r\n',
      },
      { 'dist/cli.js': 0o755 },
    );
    const dest = await tmp('npm-pack-dest-');
    const r = await npmPack(dir, dest, process.env);
    assert.equal(r.name, 'demo-plugin-pack-1.0.0-beta.2.tgz');
    assert.equal(r.name, npmPackFileName('@demo/plugin-pack', '1.0.0-beta.2'));
    assert.equal(r.file, path.join(dest, r.name));
    assert.equal(r.packageName, '@demo/plugin-pack');
    assert.equal(r.version, '1.0.0-beta.2');
    assert.deepEqual(r.files.sort(), ['README.md', 'dist/cli.js', 'dist/index.js', 'package.json']);
    assert.deepEqual(await fs.readdir(dest), [r.name]);

    const bytes = await fs.readFile(r.file);
    assert.equal(r.size, bytes.length);
    assert.equal(r.sha256, createHash('sha256').update(bytes).digest('hex'));
    assert.equal(r.integrity, `sha512-${createHash('sha512').update(bytes).digest('base64')}`);
    assert.equal(r.shasum, createHash('sha1').update(bytes).digest('hex'));

    // The reference: npm pack run by hand, scripts off, into another directory.
    const ref = await tmp('npm-pack-ref-');
    await exec('npm', ['pack', '--ignore-scripts', '--pack-destination', ref], { cwd: dir });
    assert.deepEqual(await fs.readFile(path.join(ref, r.name)), bytes);

    const { stdout } = await exec('tar', ['-tvzf', r.file]);
    const lines = stdout.trim().split('\n');
    assert.ok(
      lines.every((l) => / package\//.test(l)),
      stdout,
    );
    assert.ok(
      lines.some((l) => /^-rwxr-xr-x .* package\/dist\/cli\.js$/.test(l)),
      stdout,
    );
    // The prepack script did not run.
    await assert.rejects(fs.stat(path.join(dir, 'dist/prepack.txt')));
  });

  test('no package.json: NPM_PACK with npm message', async () => {
    const dir = await pkg({ 'index.js': '1\n' });
    const dest = await tmp('npm-pack-dest-');
    await assert.rejects(npmPack(dir, dest, process.env), (e: unknown) => {
      assert.ok(isReleaseError(e, 'NPM_PACK'), String(e));
      assert.match(e.message, /package\.json/);
      return true;
    });
    assert.deepEqual(await fs.readdir(dest), []);
  });

  test('npm missing from PATH: NPM_PACK saying so', async () => {
    const dir = await pkg({ 'package.json': PACKAGE });
    const dest = await tmp('npm-pack-dest-');
    await assert.rejects(npmPack(dir, dest, { ...process.env, PATH: dest }), (e: unknown) => {
      assert.ok(isReleaseError(e, 'NPM_PACK'), String(e));
      assert.match(e.message, /not on PATH/);
      return true;
    });
  });
});
