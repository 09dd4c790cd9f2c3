import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { isReleaseError, type ReleaseError } from '../src/errors.ts';
import { readOsaurusManifest } from '../src/ecosystems/osaurus/manifest.ts';
import { osaurusPlan } from '../src/ecosystems/osaurus/plan.ts';
import { compareSemver, parseArtifactName } from '../src/ecosystems/osaurus/semver.ts';
import { parseOsaurusTag } from '../src/ecosystems/osaurus/tag.ts';
import { makeOsaurusRepo, osaurusManifest, type OsaurusRepo } from './support/osaurus.ts';

const repos: OsaurusRepo[] = [];
after(() => Promise.all(repos.map((r) => r.cleanup())));
async function repo(manifest?: Record<string, unknown> | string) {
  const r = await makeOsaurusRepo({ manifest, docs: false });
  repos.push(r);
  return r;
}

async function readError(r: OsaurusRepo): Promise<ReleaseError> {
  try {
    await readOsaurusManifest(r.config());
  } catch (e) {
    if (isReleaseError(e)) return e;
    throw e;
  }
  assert.fail('the manifest was accepted');
}

describe('osaurus manifest', () => {
  test('a valid manifest gives id, version and name', async () => {
    const m = await readOsaurusManifest((await repo()).config());
    assert.deepEqual([m.id, m.version, m.name], ['osaurus.demo', '1.2.3', 'Demo']);
  });

  test('every rule violated is reported at once, each at its line and column', async () => {
    const text = [
      '{',
      '  "plugin_id": "Osaurus.Demo",',
      '  "version": "1.2",',
      '  "description": "  ",',
      '  "min_osaurus": "latest",',
      '  "capabilities": {',
      '    "tools": [',
      '      {"id": "echo", "description": "x", "parameters": {}, "requirements": [], "permission_policy": "auto"},',
      '      {"id": "echo", "description": "", "parameters": {}, "requirements": []}',
      '    ],',
      '    "routes": [{"path": "/x"}]',
      '  }',
      '}',
      '',
    ].join('\n');
    const e = await readError(await repo(text));
    assert.equal(e.code, 'MANIFEST_INVALID');
    const at = e.diagnostics.map((d) => `${d.location?.line}:${d.location?.column}`);
    assert.deepEqual(at, ['2:16', '3:14', '4:18', '5:18', '9:7', '9:7', '9:14', '11:16']);
    const text2 = e.diagnostics.map((d) => d.message).join('\n');
    for (const word of [
      'plugin_id',
      'version',
      'description',
      'min_osaurus',
      'duplicate tool id',
      'permission_policy',
      'routes[0] has no id',
    ])
      assert.ok(text2.includes(word), `mentions ${word}: ${text2}`);
  });

  test('missing capabilities.tools, and JSON syntax errors with their position', async () => {
    const e = await readError(await repo(osaurusManifest({ capabilities: {} })));
    assert.equal(e.code, 'MANIFEST_INVALID');
    assert.match(e.diagnostics[0]!.message, /capabilities\.tools/);
    const bad = await readError(await repo('{\n  "plugin_id": "a.b",\n  "version": 1.2.3\n}\n'));
    assert.equal(bad.code, 'MANIFEST_PARSE');
    assert.equal(bad.location?.line, 3);
  });

  test('a version the installer would read back differently is refused', async () => {
    const e = await readError(await repo(osaurusManifest({ version: '1.0.0-rc-2.0.0' })));
    assert.equal(e.code, 'MANIFEST_INVALID');
    assert.match(e.diagnostics[0]!.message, /version 2\.0\.0/);
  });
});

describe('osaurus tag, file name and plan', () => {
  test('v<version> and <version> both name the version; anything else is TAG_INVALID', () => {
    assert.deepEqual(parseOsaurusTag('v1.2.3'), {
      tag: 'v1.2.3',
      version: '1.2.3',
      prerelease: false,
    });
    assert.deepEqual(parseOsaurusTag('1.2.3-beta.1'), {
      tag: '1.2.3-beta.1',
      version: '1.2.3-beta.1',
      prerelease: true,
    });
    for (const bad of ['vv1.2.3', 'v1.2', 'release-1.2.3', 'v01.2.3', ''])
      assert.throws(
        () => parseOsaurusTag(bad),
        (e: unknown) => isReleaseError(e, 'TAG_INVALID'),
      );
  });

  test("the installer's lenient name parse, its -macos-arm64 pitfall included", () => {
    assert.deepEqual(parseArtifactName('osaurus.demo-1.2.3.zip'), {
      id: 'osaurus.demo',
      version: '1.2.3',
    });
    assert.deepEqual(parseArtifactName('my-plugin-1.0.0-beta.2.ZIP'), {
      id: 'my-plugin',
      version: '1.0.0-beta.2',
    });
    assert.deepEqual(parseArtifactName('x.y-1.2.0-macos-arm64.zip'), {
      id: 'x.y',
      version: '1.2.0-macos-arm64',
    });
    assert.deepEqual(parseArtifactName('a.b-01.02.3.zip'), { id: 'a.b', version: '1.2.3' });
    assert.deepEqual(parseArtifactName('a.b-1.0.0-rc-2.0.0.zip'), {
      id: 'a.b-1.0.0-rc',
      version: '2.0.0',
    });
    for (const bad of ['plugin.zip', '-1.0.0.zip', 'a-1.0.zip', 'a-x.y.z.zip'])
      assert.equal(parseArtifactName(bad), undefined, bad);
  });

  test('SemVer precedence as the registry validator sorts it', () => {
    const order = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.0+build',
      '2.0.0',
      '10.0.0',
    ];
    const shuffled = [...order].reverse();
    assert.deepEqual(shuffled.sort(compareSemver), [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0+build',
      '1.0.0',
      '2.0.0',
      '10.0.0',
    ]);
  });

  test('plan: <plugin_id>-<version>.zip, the .minisig only with a key, no build metadata', async () => {
    const r = await repo();
    const m = { id: 'osaurus.demo', version: '1.2.3' };
    const plain = osaurusPlan(r.config(), m);
    assert.deepEqual(
      plain.artifacts.map((a) => [a.name, a.target]),
      [['osaurus.demo-1.2.3.zip', null]],
    );
    assert.deepEqual(plain.nativeFiles, []);
    const signed = osaurusPlan(r.config({ 'minisign-secret-key': 'x' }), m);
    assert.deepEqual(signed.nativeFiles, ['osaurus.demo-1.2.3.zip.minisig']);
    assert.throws(
      () => osaurusPlan(r.config(), { id: 'osaurus.demo', version: '1.2.3+build.5' }),
      (e: unknown) => isReleaseError(e, 'ASSET_NAME'),
    );
  });
});
