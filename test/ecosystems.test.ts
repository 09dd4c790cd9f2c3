import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parseConfig } from '../src/config.ts';
import {
  detectEcosystems,
  detectFromArtifacts,
  MANIFEST_FILES,
  resolveProfile,
} from '../src/ecosystems/index.ts';
import { ECOSYSTEMS } from '../src/ecosystems/types.ts';
import { INPUTS } from '../src/inputs.ts';
import { isReleaseError } from '../src/errors.ts';
import { makePluginRepo, runInProcess } from './support/fixture.ts';

/** The profile seam: which profile `auto` picks, the manifest default, and clear refusals. */
const defaults = Object.fromEntries(INPUTS.map((i) => [i.name, i.cliDefault ?? i.default]));

async function dirWith(files: Record<string, string>): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'prt-eco-'));
  for (const [name, body] of Object.entries(files)) await fs.writeFile(path.join(dir, name), body);
  return dir;
}

function config(dir: string, extra: Record<string, string> = {}) {
  return parseConfig({ ...defaults, ...extra }, {}, dir);
}

describe('ecosystem detection', () => {
  test('each manifest file selects its profile; a package.json needs an agentConfig object', async () => {
    const cases: [Record<string, string>, string[]][] = [
      [{ 'nexo-plugin.toml': '' }, ['nexo']],
      [{ 'plugin.manifest.json': '{}' }, ['pryzm']],
      [{ 'plugin.json': '{}' }, ['biosimulant']],
      [{ 'package.json': '{"agentConfig":{"pluginType":"elizaos:plugin:1.0.0"}}' }, ['elizaos']],
      [{ 'package.json': '{"name":"x"}' }, []],
      [{ 'package.json': '{"agentConfig":[]}' }, []],
      [{ 'package.json': '{not json' }, []],
      [{ 'osaurus-manifest.json': '{}' }, []],
      [{ 'nexo-plugin.toml': '', 'plugin.json': '{}' }, ['nexo', 'biosimulant']],
    ];
    for (const [files, want] of cases) {
      const dir = await dirWith(files);
      assert.deepEqual(detectEcosystems(dir), want, JSON.stringify(files));
      await fs.rm(dir, { recursive: true });
    }
  });

  test('none found and several found are usage errors listing what was looked for', async () => {
    const none = await dirWith({});
    await assert.rejects(resolveProfile(config(none)), (e) => {
      assert.ok(isReleaseError(e, 'USAGE'));
      for (const f of ['nexo-plugin.toml', 'plugin.manifest.json', 'plugin.json', 'agentConfig'])
        assert.match(e.message, new RegExp(f.replace('.', '\\.')));
      assert.match(e.message, /ecosystem: osaurus/);
      return true;
    });
    const two = await dirWith({ 'nexo-plugin.toml': '', 'plugin.manifest.json': '{}' });
    await assert.rejects(resolveProfile(config(two)), (e) => {
      assert.ok(isReleaseError(e, 'USAGE'));
      assert.match(e.message, /nexo-plugin\.toml \(nexo\), plugin\.manifest\.json \(pryzm\)/);
      return true;
    });
  });

  test("the manifest input's default is the profile's file; an explicit one is kept", async () => {
    const dir = await dirWith({ 'nexo-plugin.toml': '' });
    const auto = await resolveProfile(config(dir));
    assert.equal(auto.profile.name, 'nexo');
    assert.equal(auto.config.ecosystem, 'nexo');
    assert.equal(auto.config.manifestPath, path.join(dir, 'nexo-plugin.toml'));
    const explicit = await resolveProfile(config(dir, { manifest: 'sub/other.toml' }));
    assert.equal(explicit.config.manifestPath, path.join(dir, 'sub/other.toml'));
    for (const name of ECOSYSTEMS) {
      const r = await resolveProfile(config(dir, { ecosystem: name })).catch((e: unknown) => e);
      if (isReleaseError(r)) {
        // A profile that is not built says so, never falling back to another one.
        assert.equal(r.code, 'ECOSYSTEM');
        assert.match(r.message, new RegExp(`${name} profile is not built`));
      } else {
        const ok = r as Awaited<ReturnType<typeof resolveProfile>>;
        assert.equal(ok.profile.name, name);
        assert.equal(ok.profile.manifestFile, MANIFEST_FILES[name]);
        assert.equal(ok.config.manifestPath, path.join(dir, MANIFEST_FILES[name]));
      }
    }
  });

  test('an unknown ecosystem is a usage error naming the choices', async () => {
    assert.throws(
      () => config(os.tmpdir(), { ecosystem: 'npm' }),
      (e) =>
        isReleaseError(e, 'USAGE') && /nexo, osaurus, biosimulant, pryzm, elizaos/.test(e.message),
    );
  });

  test('verify without a manifest tells the ecosystem from the artifacts', () => {
    assert.equal(detectFromArtifacts(['p-1.0.0-noarch.tar.gz', 'nexo-plugin.toml']), 'nexo');
    assert.equal(detectFromArtifacts(['io.x.y-1.0.0.zip', 'io.x.y-1.0.0.zip.minisig']), 'osaurus');
    assert.equal(
      detectFromArtifacts(['a-1.0.0.bsiplugin', 'a-1.0.0.bsiplugin.sha256']),
      'biosimulant',
    );
    assert.equal(detectFromArtifacts(['p-1.0.0.tgz', 'p-1.0.0.tgz.signature.json']), 'pryzm');
    assert.equal(
      detectFromArtifacts(['plugin-x-1.0.0.tgz', 'plugin-x-1.0.0.tgz.sha256']),
      'elizaos',
    );
    assert.equal(detectFromArtifacts(['a.bsiplugin', 'b-1.0.0-noarch.tar.gz']), undefined);
    assert.equal(detectFromArtifacts(['notes.txt']), undefined);
  });
});

describe('nexo through the profile seam', () => {
  test('ecosystem: nexo and auto give the same validate outputs', async () => {
    const repo = await makePluginRepo();
    try {
      const env = { GITHUB_REF: 'refs/tags/v1.2.3' };
      const auto = await runInProcess({ command: 'validate' }, { cwd: repo.dir, env });
      const named = await runInProcess(
        { command: 'validate', ecosystem: 'nexo' },
        { cwd: repo.dir, env },
      );
      assert.equal(auto.status, 0, auto.errorText);
      assert.equal(named.status, 0, named.errorText);
      assert.deepEqual(auto.reporter.outputs, named.reporter.outputs);
      assert.equal(auto.reporter.outputs.id, 'demo_plugin');
    } finally {
      await repo.cleanup();
    }
  });
});
