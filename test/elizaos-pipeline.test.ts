import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { ROOT, runInProcess } from './support/fixture.ts';

// The elizaos profile through the pipeline, in process: the refusals that need no registry.
const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

async function plugin(fields: Record<string, unknown> = {}): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'elizaos-pipe-'));
  dirs.push(dir);
  await fs.cp(path.join(ROOT, 'examples/elizaos-plugin'), dir, { recursive: true });
  const file = path.join(dir, 'package.json');
  const doc = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
  await fs.writeFile(file, `${JSON.stringify({ ...doc, ...fields }, null, 2)}\n`);
  return dir;
}

const env = (dir: string) => ({
  HOME: dir,
  PATH: process.env.PATH,
  npm_config_cache: path.join(dir, '.npm-cache'),
});

describe('elizaos through the pipeline', () => {
  test('pack: npm tarball, sidecar, registry entry; auto-detected from agentConfig', async () => {
    const dir = await plugin();
    const res = await runInProcess(
      { command: 'pack', 'registry-entry': 'out/entry.json', tag: 'v0.1.0' },
      { cwd: dir, env: env(dir) },
    );
    assert.equal(res.status, 0, res.errorText);
    assert.deepEqual((await fs.readdir(path.join(dir, 'dist'))).sort(), [
      'index.js',
      'octo-plugin-hello-0.1.0.tgz',
      'octo-plugin-hello-0.1.0.tgz.sha256',
    ]);
    const assets = JSON.parse(res.reporter.outputs.assets!) as { name: string }[];
    assert.deepEqual(
      assets.map((a) => a.name),
      ['octo-plugin-hello-0.1.0.tgz', 'octo-plugin-hello-0.1.0.tgz.sha256'],
    );
    assert.equal(res.reporter.outputs.id, '@octo/plugin-hello');
    const entry = JSON.parse(await fs.readFile(path.join(dir, 'out/entry.json'), 'utf8')) as object;
    assert.deepEqual(Object.keys(entry), [
      'package',
      'repository',
      'kind',
      'description',
      'homepage',
      'version',
      'tags',
    ]);
    // The entry file's name is not the registry's: said, not refused.
    assert.ok(
      res.reporter.records.some(
        (r) => r.level === 'warning' && /octo__plugin-hello\.json/.test(r.message),
      ),
    );

    // Packing again with dist inside what npm packs would ship the first tarball: refused.
    const again = await runInProcess({ command: 'pack' }, { cwd: dir, env: env(dir) });
    assert.equal(again.status, 1);
    assert.match(again.errorText, /\[ARTIFACT_REFUSED\].*dist\/octo-plugin-hello-0\.1\.0\.tgz/);
  });

  test('manifest violations are annotations at their line; the tag must match', async () => {
    const dir = await plugin({
      name: '@elizaos/plugin-hello',
      description: '${PLUGINDESCRIPTION}',
    });
    const res = await runInProcess(
      { command: 'validate', tag: 'v0.1.0' },
      { cwd: dir, env: env(dir) },
    );
    assert.equal(res.status, 1);
    const annotated = res.errors.filter((e) => e.location?.line !== undefined);
    assert.deepEqual(
      annotated.map((e) => e.location?.line),
      [2, 4],
    );
    assert.match(res.errorText, /\[MANIFEST_INVALID\]/);

    const ok = await plugin();
    const mismatch = await runInProcess(
      { command: 'validate', tag: 'v0.2.0' },
      { cwd: ok, env: env(ok) },
    );
    assert.equal(mismatch.status, 1);
    assert.match(mismatch.errorText, /\[VERSION_MISMATCH\]/);
    const badTag = await runInProcess(
      { command: 'validate', tag: '0.1.0' },
      { cwd: ok, env: env(ok) },
    );
    assert.match(badTag.errorText, /\[TAG_INVALID\]/);
  });

  test('provenance without an OIDC token fails before anything is uploaded', async () => {
    const dir = await plugin();
    const res = await runInProcess(
      {
        command: 'all',
        tag: 'v0.1.0',
        dist: 'release',
        'npm-provenance': 'true',
        'npm-registry': 'http://127.0.0.1:9/',
        token: 'ghs_unused',
      },
      {
        cwd: dir,
        env: {
          ...env(dir),
          GITHUB_REPOSITORY: 'octo/plugin-hello',
          GITHUB_API_URL: 'http://127.0.0.1:9/api/v3',
        },
      },
    );
    assert.equal(res.status, 1);
    assert.match(res.errorText, /\[OIDC_UNAVAILABLE\]/);
    await assert.rejects(fs.stat(path.join(dir, 'release')));
  });

  test('registry-repo without registry-token is a usage error before anything is uploaded', async () => {
    const dir = await plugin();
    const res = await runInProcess(
      {
        command: 'all',
        tag: 'v0.1.0',
        'registry-repo': 'elizaos-plugins/registry',
        'npm-registry': 'http://127.0.0.1:9/',
        token: 'ghs_unused',
      },
      {
        cwd: dir,
        env: {
          ...env(dir),
          GITHUB_REPOSITORY: 'octo/plugin-hello',
          GITHUB_API_URL: 'http://127.0.0.1:9/api/v3',
        },
      },
    );
    assert.equal(res.status, 2);
    assert.match(res.errorText, /\[USAGE\].*registry-token/);
  });
});
