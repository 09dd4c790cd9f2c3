import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { isReleaseError, type ReleaseError } from '../src/errors.ts';
import { profile } from '../src/ecosystems/biosimulant/index.ts';
import { checkManifest } from '../src/ecosystems/biosimulant/manifest.ts';
import { bsiConfig, makeBsiRepo, PLUGIN_JSON } from './support/biosimulant.ts';

function check(text: string) {
  return checkManifest(Buffer.from(text), 'plugin.json');
}

function where(d: { location?: { line?: number; column?: number } }): string {
  return `${d.location?.line}:${d.location?.column}`;
}

describe('biosimulant manifest', () => {
  test('a complete manifest passes and yields the profile facts', () => {
    const r = check(PLUGIN_JSON);
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.manifest?.id, 'cell-counter');
    assert.equal(r.manifest?.version, '1.2.0');
    assert.equal(r.manifest?.name, 'Cell Counter');
    assert.equal(r.manifest?.entrypoint, 'bin/cell-counter');
    assert.equal(r.manifest?.text, PLUGIN_JSON);
  });

  test('only id, version and entrypoint are required; other keys are allowed', () => {
    const r = check('{"id":"a","version":"0.0.1-rc-1.x","entrypoint":"main.py","extra":{"k":[1]}}');
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.manifest?.name, 'a');
  });

  test('every violation is reported at once, each at its key', () => {
    const text = [
      '{',
      '  "id": "Cell_Counter",',
      '  "version": "1.2.0+build.5",',
      '  "entrypoint": "../escape.sh",',
      '  "name": "",',
      '  "description": 7,',
      '  "platforms": ["linux", "linux", "beos"],',
      '  "architectures": [],',
      '  "min_desktop_version": "1.0"',
      '}',
    ].join('\n');
    const r = check(text);
    assert.equal(r.manifest, undefined);
    assert.equal(r.syntax, false);
    assert.deepEqual(r.diagnostics.map(where), [
      '2:3',
      '3:3',
      '4:3',
      '5:3',
      '6:3',
      '7:3',
      '8:3',
      '9:3',
    ]);
    assert.match(r.diagnostics[5]!.message, /beos/);
  });

  test('missing required keys point at the object', () => {
    const r = check('\n  {"name": "x"}');
    assert.deepEqual(
      r.diagnostics.map((d) => [where(d), d.message.split(' ')[0]]),
      [
        ['2:3', '"id"'],
        ['2:3', '"version"'],
        ['2:3', '"entrypoint"'],
      ],
    );
  });

  test('duplicate lists, wrong types and bad ids each fail', () => {
    for (const [field, value] of [
      ['id', '"-lead"'],
      ['id', `"${'a'.repeat(65)}"`],
      ['version', '"01.2.0"'],
      ['version', '1'],
      ['entrypoint', '"/abs"'],
      ['entrypoint', '"a//b"'],
      ['entrypoint', '"a\\\\b"'],
      ['entrypoint', '"./a"'],
      ['architectures', '["arm64", "arm64"]'],
      ['platforms', '"linux"'],
      ['min_desktop_version', '"1.0.0-01"'],
    ]) {
      const doc = { id: '"a"', version: '"1.0.0"', entrypoint: '"m"', [field!]: value };
      const text = `{${Object.entries(doc)
        .map(([k, v]) => `"${k}": ${v}`)
        .join(', ')}}`;
      const r = check(text);
      assert.equal(r.diagnostics.length, 1, `${field} ${value}: ${JSON.stringify(r.diagnostics)}`);
    }
  });

  test('JSON syntax errors carry line and column', () => {
    const r = check('{\n  "id": "a",\n  "version": "1.0.0"\n  "entrypoint": "m"\n}');
    assert.equal(r.syntax, true);
    assert.equal(where(r.diagnostics[0]!), '4:3');
    assert.equal(where(check('{"id": "a",}').diagnostics[0]!), '1:12');
    assert.equal(where(check('{"id": "a\nb"}').diagnostics[0]!), '1:10');
  });

  test('a BOM, bad UTF-8 and a non-object are refused', () => {
    assert.equal(checkManifest(Buffer.from(`\ufeff${PLUGIN_JSON}`), 'p').syntax, true);
    assert.equal(checkManifest(Buffer.from([0x7b, 0xff, 0x7d]), 'p').syntax, true);
    assert.equal(check('[1]').diagnostics.length, 1);
  });

  test('a key written twice is a violation', () => {
    const r = check('{"id": "a", "version": "1.0.0", "entrypoint": "m", "id": "b"}');
    assert.equal(r.diagnostics.length, 1);
    assert.equal(where(r.diagnostics[0]!), '1:52');
  });

  test('readManifest: MANIFEST_INVALID with every diagnostic; the entrypoint must exist', async () => {
    const repo = await makeBsiRepo(PLUGIN_JSON.replace('bin/cell-counter', 'bin/missing'));
    const config = await bsiConfig(repo.dir);
    await assert.rejects(profile.readManifest(config), (e: ReleaseError) => {
      assert.equal(e.code, 'MANIFEST_INVALID');
      assert.equal(e.location?.line, 6);
      assert.equal(e.location?.file, path.join(repo.dir, 'plugin.json'));
      return true;
    });
    await repo.write('.hidden/run', 'x');
    await repo.write('plugin.json', PLUGIN_JSON.replace('bin/cell-counter', '.hidden/run'));
    await assert.rejects(profile.readManifest(config), (e) =>
      isReleaseError(e, 'MANIFEST_INVALID'),
    );
    await repo.write('plugin.json', '{"id": "a",');
    await assert.rejects(profile.readManifest(config), (e) => isReleaseError(e, 'MANIFEST_PARSE'));
  });

  test('payload-dir moves where the entrypoint is looked for', async () => {
    const repo = await makeBsiRepo(PLUGIN_JSON.replace('bin/cell-counter', 'run.sh'));
    await repo.write('payload/run.sh', '#!/bin/sh\n');
    const m = await profile.readManifest(await bsiConfig(repo.dir, { 'payload-dir': 'payload' }));
    assert.equal(m.id, 'cell-counter');
    await assert.rejects(profile.readManifest(await bsiConfig(repo.dir)), (e) =>
      isReleaseError(e, 'MANIFEST_INVALID'),
    );
  });

  test('auto-detection picks this profile from plugin.json', async () => {
    const repo = await makeBsiRepo();
    const config = await bsiConfig(repo.dir);
    assert.equal(config.ecosystem, 'biosimulant');
    assert.equal(config.manifestPath, path.join(repo.dir, 'plugin.json'));
  });
});

describe('biosimulant tag and plan', () => {
  test('v<version>, strict', () => {
    assert.deepEqual(profile.parseTag('v1.2.0'), {
      tag: 'v1.2.0',
      version: '1.2.0',
      prerelease: false,
    });
    assert.deepEqual(profile.parseTag('v1.2.0-rc-1.2'), {
      tag: 'v1.2.0-rc-1.2',
      version: '1.2.0-rc-1.2',
      prerelease: true,
    });
    for (const bad of [
      '1.2.0',
      'v1.2',
      'v1.2.0+b1',
      'v01.2.0',
      'V1.2.0',
      'v1.2.0-',
      'v1.2.0-a..b',
      '',
    ]) {
      assert.throws(
        () => profile.parseTag(bad),
        (e) => isReleaseError(e, 'TAG_INVALID'),
        bad,
      );
    }
  });

  test('one package in dist, no native files, no plain assets', async () => {
    const repo = await makeBsiRepo();
    const config = await bsiConfig(repo.dir, { dist: 'out' });
    const manifest = await profile.readManifest(config);
    assert.deepEqual(profile.plan(config, manifest), {
      artifacts: [
        {
          name: 'cell-counter-1.2.0.bsiplugin',
          path: path.join(repo.dir, 'out', 'cell-counter-1.2.0.bsiplugin'),
          target: null,
        },
      ],
      nativeFiles: [],
      plainAssets: [],
    });
  });
});
