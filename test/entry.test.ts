import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { makePluginRepo, runAction, runCli, type PluginRepo } from './support/fixture.ts';

// The bundled entry points, run as the runner and a user run them (npm test builds dist first).
const GNU = 'x86_64-unknown-linux-gnu';
const repos: PluginRepo[] = [];
after(() => Promise.all(repos.map((r) => r.cleanup())));
async function repo(manifest?: string) {
  const r = await makePluginRepo({ manifest });
  repos.push(r);
  return r;
}

describe('action entry (node dist/index.js)', () => {
  test('pack on a tag push: outputs and job summary', async () => {
    const r = await repo();
    await r.binary(GNU);
    const res = await runAction(
      { command: 'pack', targets: GNU, 'dry-run': 'true', 'source-date-epoch': '0' },
      { cwd: r.dir, env: { GITHUB_REF: 'refs/tags/v1.2.3' } },
    );
    assert.equal(res.status, 0, res.stdout + res.stderr);
    assert.equal(res.outputs.tag, 'v1.2.3');
    assert.equal(res.outputs.version, '1.2.3');
    assert.equal(res.outputs.id, 'demo_plugin');
    assert.equal(res.outputs.prerelease, 'false');
    const assets = JSON.parse(res.outputs.assets!) as {
      name: string;
      path: string;
      size: number;
      sha256: string;
      target: string;
    }[];
    assert.deepEqual(
      assets.map((a) => a.name),
      [`demo_plugin-1.2.3-${GNU}.tar.gz`, `demo_plugin-1.2.3-${GNU}.tar.gz.sha256`],
    );
    assert.equal(assets[0]!.path, path.join(r.dir, 'dist', assets[0]!.name));
    assert.equal(
      assets[0]!.sha256,
      (await fs.readFile(`${assets[0]!.path}.sha256`, 'utf8')).trim(),
    );
    assert.match(res.summary, /### Packed demo_plugin 1\.2\.3/);
    assert.match(
      res.summary,
      new RegExp(
        `\\| demo_plugin-1\\.2\\.3-${GNU}\\.tar\\.gz \\| ${GNU} \\| .* \\| \`${assets[0]!.sha256}\` \\|`,
      ),
    );
  });

  test('workflow_dispatch from a branch without tag: error saying to pass tag', async () => {
    const r = await repo();
    const res = await runAction(
      { command: 'validate' },
      {
        cwd: r.dir,
        env: { GITHUB_REF: 'refs/heads/main', GITHUB_EVENT_NAME: 'workflow_dispatch' },
      },
    );
    assert.equal(res.status, 1);
    assert.match(
      res.stdout,
      /::error::\[TAG_MISSING\] no tag to release: this run is on refs\/heads\/main.*Pass the tag/,
    );
  });

  test('workflow_dispatch with the tag input validates that tag', async () => {
    const r = await repo();
    const res = await runAction(
      { command: 'validate', tag: 'refs/tags/v1.2.3' },
      { cwd: r.dir, env: { GITHUB_REF: 'refs/heads/main' } },
    );
    assert.equal(res.status, 0, res.stdout);
    assert.equal(res.outputs.tag, 'v1.2.3');
  });

  test('manifest problems become error annotations with file, line and column', async () => {
    const r = await repo(
      '[plugin]\nid = "Bad-Id"\nversion = "1.2.3"\nname = "x"\ndescription = "y"\nmin_nexo_version = ">=0.1.0"\n',
    );
    const res = await runAction({ command: 'validate', tag: 'v1.2.3' }, { cwd: r.dir });
    assert.equal(res.status, 1);
    assert.match(res.stdout, /::error file=nexo-plugin\.toml,line=2,col=\d+::.*Bad-Id/);
  });

  test('the token is masked and never printed', async () => {
    const r = await repo();
    const token = 'ghs_SECRETTOKENVALUE123';
    const res = await runAction({ command: 'validate', tag: 'v9.9.9', token }, { cwd: r.dir });
    assert.equal(res.status, 1);
    assert.match(res.stdout, new RegExp(`::add-mask::${token}`));
    assert.equal(res.stdout.replace(`::add-mask::${token}`, '').includes(token), false);
    assert.equal(res.stderr.includes(token), false);
  });
});

describe('CLI (dist/cli.js)', () => {
  test('--help lists commands and flags, exit 0', async () => {
    const r = await repo();
    const res = await runCli(['--help'], { cwd: r.dir });
    assert.equal(res.status, 0);
    for (const s of [
      'validate',
      'pack',
      'publish',
      '--targets',
      '--dry-run',
      '--source-date-epoch',
    ])
      assert.ok(res.stdout.includes(s), s);
  });

  test('bad usage exits 2', async () => {
    const r = await repo();
    assert.equal((await runCli(['pack', '--no-such-flag', 'x'], { cwd: r.dir })).status, 2);
    const bad = await runCli(['pack', '--compression-level', '12'], { cwd: r.dir });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /compression-level/);
  });

  test('pack --targets then ls dist/: the local dry run', async () => {
    const r = await repo();
    await r.binary(GNU);
    const res = await runCli(['pack', '--targets', GNU, '--json'], { cwd: r.dir });
    assert.equal(res.status, 0, res.stderr);
    const out = JSON.parse(res.stdout) as Record<string, string>;
    assert.equal(out.version, '1.2.3');
    assert.deepEqual((await fs.readdir(path.join(r.dir, 'dist'))).sort(), [
      `demo_plugin-1.2.3-${GNU}.tar.gz`,
      `demo_plugin-1.2.3-${GNU}.tar.gz.sha256`,
    ]);
  });

  test('a failure exits 1 with file:line in the message', async () => {
    const r = await repo('[plugin]\nid = "x"\nversion = "1.0"\n');
    const res = await runCli(['validate', '--tag', 'v1.0.0'], { cwd: r.dir });
    assert.equal(res.status, 1);
    assert.match(res.stderr, /nexo-plugin\.toml:3:\d+: error: .*version/);
  });
});
