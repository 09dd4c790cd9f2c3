import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { ROOT, baseEnv, spawnCommand } from './support/fixture.ts';

// The CLI as a package: what `npm pack` puts in the tarball, and the tarball installed into an
// empty directory (offline: it has no dependencies to fetch) running `plugin-release` from there.
const run = promisify(execFile);
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare', 'preprepare'];

interface Packed {
  filename: string;
  files: { path: string }[];
}

let work: string;
let packed: Packed;
let manifest: Record<string, unknown>;
before(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'prt-package-'));
  const { stdout } = await run(
    'npm',
    ['pack', '--json', '--ignore-scripts', '--pack-destination', work],
    { cwd: ROOT },
  );
  packed = (JSON.parse(stdout) as Packed[])[0]!;
  const { stdout: pj } = await run('tar', [
    '-xzOf',
    path.join(work, packed.filename),
    'package/package.json',
  ]);
  manifest = JSON.parse(pj) as Record<string, unknown>;
});
after(() => fs.rm(work, { recursive: true, force: true }));

describe('the npm package', () => {
  test('a public scoped name, the plugin-release bin, no dependencies, no install scripts', () => {
    assert.match(String(manifest.name), /^@[a-z0-9-]+\/[a-z0-9-]+$/);
    assert.notEqual(manifest.private, true);
    assert.deepEqual(manifest.bin, { 'plugin-release': 'dist/cli.js' });
    for (const k of [
      'dependencies',
      'optionalDependencies',
      'peerDependencies',
      'bundleDependencies',
    ])
      assert.equal(manifest[k], undefined, k);
    const scripts = (manifest.scripts ?? {}) as Record<string, string>;
    for (const k of INSTALL_SCRIPTS) assert.equal(scripts[k], undefined, k);
    assert.match(String((manifest.engines as { node: string }).node), /20/);
  });

  test('it holds only what runs: dist, action.yml, README, LICENSE', () => {
    const paths = packed.files.map((f) => f.path);
    for (const p of paths)
      assert.ok(
        p.startsWith('dist/') || ['package.json', 'action.yml', 'README.md', 'LICENSE'].includes(p),
        p,
      );
    for (const p of ['dist/cli.js', 'dist/index.js', 'action.yml', 'README.md', 'LICENSE'])
      assert.ok(paths.includes(p), p);
  });

  test('installed offline into an empty directory: --help and a pack of the example plugin', async () => {
    const home = path.join(work, 'user');
    await fs.mkdir(home);
    await run(
      'npm',
      ['install', '--offline', '--no-audit', '--no-fund', path.join(work, packed.filename)],
      { cwd: home },
    );
    const bin = path.join(home, 'node_modules', '.bin', 'plugin-release');
    const env = baseEnv({ SOURCE_DATE_EPOCH: '1700000000' });
    const help = await spawnCommand(bin, ['--help'], { cwd: home, env });
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /Usage: plugin-release/);
    const plugin = path.join(work, 'hello-plugin');
    await fs.cp(path.join(ROOT, 'examples/hello-plugin'), plugin, { recursive: true });
    const args = ['pack', '--targets', 'noarch', '--binary', 'bin/{id}', '--include', 'lib'];
    const res = await spawnCommand(bin, [...args, '--tag', 'v0.1.0', '--json'], {
      cwd: plugin,
      env,
    });
    assert.equal(res.status, 0, res.stderr);
    const { assets } = JSON.parse(res.stdout) as { assets: { name: string }[] };
    assert.deepEqual(
      (await fs.readdir(path.join(plugin, 'dist'))).sort(),
      assets.map((a) => a.name).sort(),
    );
    assert.ok(assets.some((a) => a.name === 'hello_plugin-0.1.0-noarch.tar.gz'));
  });
});
