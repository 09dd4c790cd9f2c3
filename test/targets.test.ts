import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import {
  KNOWN_TARGETS,
  checkTargetNames,
  editDistance,
  nearestTarget,
} from '../src/ecosystems/nexo/targets.ts';
import { isReleaseError } from '../src/errors.ts';
import data from '../src/ecosystems/nexo/rust-targets.json' with { type: 'json' };
import { makePluginRepo, runAction, type PluginRepo } from './support/fixture.ts';

// Target names: Rust target triples of a recent stable rustc plus noarch; anything else is
// TARGET_INVALID with the nearest known name, unless allow-unknown-targets lets it through.
const repos: PluginRepo[] = [];
after(() => Promise.all(repos.map((r) => r.cleanup())));
async function repo(): Promise<PluginRepo> {
  const r = await makePluginRepo();
  repos.push(r);
  return r;
}
const ENV = { GITHUB_REF: 'refs/tags/v1.2.3', SOURCE_DATE_EPOCH: '1700000000' };

describe('the known target list', () => {
  test('is a sorted, duplicate-free list of triples from rustc, with the installer defaults', () => {
    const list = data.targets;
    assert.ok(list.length > 250, `${list.length} targets`);
    assert.deepEqual([...list].sort(), list);
    assert.equal(new Set(list).size, list.length);
    for (const t of list) assert.match(t, /^[a-z0-9_.]+(-[a-z0-9_.]+){1,3}$/, t);
    for (const t of [
      'x86_64-unknown-linux-gnu',
      'aarch64-unknown-linux-gnu',
      'x86_64-unknown-linux-musl',
      'x86_64-apple-darwin',
      'aarch64-apple-darwin',
      'x86_64-pc-windows-msvc',
      'noarch',
    ])
      assert.ok(KNOWN_TARGETS.has(t), t);
    assert.equal(KNOWN_TARGETS.has('x86_64-unknown-linux-gun'), false);
  });

  test('suggestions by edit distance (a transposition counts one)', () => {
    assert.equal(editDistance('gnu', 'gun'), 1);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(nearestTarget('x86_64-unknown-linux-gun'), 'x86_64-unknown-linux-gnu');
    assert.equal(nearestTarget('x86-64-unknown-linux-gnu'), 'x86_64-unknown-linux-gnu');
    assert.equal(nearestTarget('aarch64-apple-darwn'), 'aarch64-apple-darwin');
    assert.equal(nearestTarget('X86_64-Unknown-Linux-Musl'), 'x86_64-unknown-linux-musl');
    assert.equal(nearestTarget('noarc'), 'noarch');
  });

  test('every unknown name is listed, aliases included; allowUnknown lets them through', () => {
    assert.throws(
      () =>
        checkTargetNames(
          {
            targets: ['x86_64-unknown-linux-gnu', 'aarch64-unknown-linux-gun'],
            aliases: [{ from: 'x86_64-unknown-linux-gnu', to: 'x86_64-unknown-linux-mus' }],
          },
          false,
        ),
      (e: unknown) =>
        isReleaseError(e, 'TARGET_INVALID') &&
        /'aarch64-unknown-linux-gun' \(did you mean aarch64-unknown-linux-gnu\?\)/.test(
          e.message,
        ) &&
        /'x86_64-unknown-linux-mus' \(did you mean x86_64-unknown-linux-musl\?\)/.test(e.message),
    );
    checkTargetNames({ targets: ['my-custom-target'], aliases: [] }, true);
  });
});

describe('target names through the action entry', () => {
  test('a misspelled target: TARGET_INVALID with the suggestion, before anything is packed', async () => {
    const r = await repo();
    await r.binary('x86_64-unknown-linux-gnu');
    const res = await runAction(
      { command: 'pack', targets: 'x86_64-unknown-linux-gun' },
      { cwd: r.dir, env: ENV },
    );
    assert.equal(res.status, 1);
    assert.match(
      res.stdout,
      /::error::\[TARGET_INVALID\] unknown target 'x86_64-unknown-linux-gun' \(did you mean x86_64-unknown-linux-gnu\?\)/,
    );
    assert.equal(existsSync(path.join(r.dir, 'dist')), false);
  });

  test('verify checks the names too', async () => {
    const r = await repo();
    await fs.mkdir(path.join(r.dir, 'dist'));
    const res = await runAction(
      { command: 'verify', targets: 'aarch64-apple-darwn' },
      { cwd: r.dir, env: ENV },
    );
    assert.equal(res.status, 1);
    assert.match(res.stdout, /\[TARGET_INVALID\].*did you mean aarch64-apple-darwin\?/);
  });

  test('allow-unknown-targets: true packs a custom target', async () => {
    const r = await repo();
    await r.binary('x86_64-unknown-myos');
    const refused = await runAction(
      { command: 'pack', targets: 'x86_64-unknown-myos' },
      { cwd: r.dir, env: ENV },
    );
    assert.equal(refused.status, 1);
    const res = await runAction(
      { command: 'pack', targets: 'x86_64-unknown-myos', 'allow-unknown-targets': 'true' },
      { cwd: r.dir, env: ENV },
    );
    assert.equal(res.status, 0, res.stdout);
    assert.ok(existsSync(path.join(r.dir, 'dist', 'demo_plugin-1.2.3-x86_64-unknown-myos.tar.gz')));
  });
});
