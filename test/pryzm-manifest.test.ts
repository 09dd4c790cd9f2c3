import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { readPryzmManifest } from '../src/ecosystems/pryzm/manifest.ts';
import { validateManifestValue } from '../src/ecosystems/pryzm/schema.ts';
import { parsePryzmTag } from '../src/ecosystems/pryzm/tag.ts';
import { profile } from '../src/ecosystems/pryzm/index.ts';
import { isReleaseError, type ReleaseError } from '../src/errors.ts';
import { ROOT } from './support/fixture.ts';
import { makePryzmPlugin, pryzmConfig, pryzmManifest, type PryzmPlugin } from './support/pryzm.ts';

const plugins: PryzmPlugin[] = [];
after(() => Promise.all(plugins.map((p) => p.cleanup())));
async function plugin(opts: Parameters<typeof makePryzmPlugin>[0] = {}) {
  const p = await makePryzmPlugin(opts);
  plugins.push(p);
  return p;
}
const rejects = (code: string) => (e: unknown) => isReleaseError(e) && e.code === code;

describe('pryzm manifest (SDK v1 schema)', () => {
  test('valid: defaults filled in, unknown keys dropped with a warning at their key', async () => {
    const text = JSON.stringify(
      pryzmManifest({
        extra: 1,
        contributions: [
          { kind: 'tool', id: 't', label: 'T', icon: 'i', toolbar: 'left', colour: 'red' },
        ],
      }),
      null,
      2,
    );
    const p = await plugin({ manifest: text });
    const m = await readPryzmManifest(path.join(p.dir, 'plugin.manifest.json'));
    assert.equal(m.id, 'wall-counter');
    assert.equal(m.version, '1.2.3');
    assert.equal(m.validated.license, 'MIT');
    assert.deepEqual(m.validated.allowedOrigins, []);
    assert.equal('extra' in m.validated, false);
    assert.deepEqual(m.validated.contributions, [
      { kind: 'tool', id: 't', label: 'T', icon: 'i', toolbar: 'left' },
    ]);
    assert.equal(m.packageName, '@acme/wall-counter');
    assert.deepEqual(
      m.warnings.map((w) => [
        w.location?.line,
        w.location?.column,
        /unknown key '(\w+)'/.exec(w.message)?.[1],
      ]),
      [
        [text.split('\n').findIndex((l) => l.includes('"colour"')) + 1, 7, 'colour'],
        [text.split('\n').findIndex((l) => l.includes('"extra"')) + 1, 3, 'extra'],
      ].sort((a, b) => Number(a[0]) - Number(b[0])),
    );
  });

  test('every violation at once, each with line and column', async () => {
    const lines = [
      '{',
      '  "pryzmPlugin": "2.0",',
      '  "id": "Bad_Id",',
      '  "version": "1.02.3",',
      '  "displayName": "x",',
      `  "description": "${'d'.repeat(501)}",`,
      '  "author": 7,',
      '  "main": "m.js",',
      '  "homepage": "not a url",',
      '  "permissions": ["read:project", "network:fetch", "fly"],',
      '  "contributions": [{"kind": "panel", "id": "p", "location": "top", "label": "P"}, {"kind": "widget"}, {"kind": "command", "label": 3}],',
      '  "pricingModel": "monthly",',
      '  "pricingAmount": "9"',
      '}',
    ];
    const p = await plugin({ manifest: lines.join('\n') });
    const e = await readPryzmManifest(path.join(p.dir, 'plugin.manifest.json')).then(
      () => assert.fail('accepted'),
      (err: ReleaseError) => err,
    );
    assert.equal(e.code, 'MANIFEST_INVALID');
    const at = e.diagnostics.map((d) => `${d.location?.line}:${d.location?.column}`);
    const file = path.join(p.dir, 'plugin.manifest.json');
    assert.ok(e.diagnostics.every((d) => d.location?.file === file));
    // pryzmPlugin, id, version, displayName, description, author, homepage, fly, allowedOrigins
    // (network:fetch without origins: reported at permissions), location, kind, command id
    // missing, label, pricingModel, pricingAmount, minPRYZMVersion missing (at the object).
    const col = (line: number, needle: string, nth = 0) => {
      let c = -1;
      for (let k = 0; k <= nth; k++) c = lines[line - 1]!.indexOf(needle, c + 1);
      return `${line}:${c + 1}`;
    };
    const want = [
      col(2, '"2.0"'),
      col(3, '"Bad_Id"'),
      col(4, '"1.02.3"'),
      col(5, '"x"'),
      col(6, '"ddd'),
      col(7, '7'),
      col(9, '"not a url"'),
      col(10, '['), // network:fetch without allowedOrigins
      col(10, '"fly"'),
      col(11, '"top"'),
      col(11, '"widget"'),
      col(11, '{"kind": "command"'), // its id is missing
      col(11, '3'),
      col(12, '"monthly"'),
      col(13, '"9"'),
      '1:1', // minPRYZMVersion is missing
    ];
    assert.deepEqual([...at].sort(), [...want].sort());
    assert.equal(e.diagnostics.length, 16);
    assert.match(e.message, /leading zero/);
  });

  test('syntax errors: MANIFEST_PARSE at the position, BOM refused', async () => {
    const p = await plugin({ manifest: '{\n  "id": "x",\n  "version": 1,\n}\n' });
    await assert.rejects(
      readPryzmManifest(path.join(p.dir, 'plugin.manifest.json')),
      (e: ReleaseError) => {
        assert.equal(e.code, 'MANIFEST_PARSE');
        assert.deepEqual([e.location?.line, e.location?.column], [4, 1]);
        return true;
      },
    );
    const bom = await plugin({ manifest: `\uFEFF${JSON.stringify(pryzmManifest())}` });
    await assert.rejects(
      readPryzmManifest(path.join(bom.dir, 'plugin.manifest.json')),
      rejects('MANIFEST_PARSE'),
    );
  });

  test('network:fetch needs allowedOrigins; with them it passes', () => {
    const bad = validateManifestValue(pryzmManifest({ permissions: ['network:fetch'] }));
    assert.deepEqual(
      bad.issues.map((i) => i.path),
      [['permissions']],
    );
    const good = validateManifestValue(
      pryzmManifest({
        permissions: ['network:fetch'],
        allowedOrigins: ['https://api.example.com'],
      }),
    );
    assert.deepEqual(good.issues, []);
  });

  test('package.json version must equal the manifest version', async () => {
    const p = await plugin({ pkg: { version: '1.2.4' } });
    await assert.rejects(
      readPryzmManifest(path.join(p.dir, 'plugin.manifest.json')),
      (e: ReleaseError) => {
        assert.equal(e.code, 'VERSION_MISMATCH');
        assert.equal(e.location?.file, path.join(p.dir, 'package.json'));
        assert.equal(e.location?.line, 3);
        return true;
      },
    );
  });

  test('missing manifest: MANIFEST_NOT_FOUND', async () => {
    const p = await plugin();
    await assert.rejects(
      readPryzmManifest(path.join(p.dir, 'nope.json')),
      rejects('MANIFEST_NOT_FOUND'),
    );
  });

  test('profile plan: npm tarball name, .signature.json native file', async () => {
    const p = await plugin();
    const config = pryzmConfig(p.dir);
    const m = await profile.readManifest(config);
    const plan = profile.plan(config, m);
    assert.deepEqual(plan.artifacts, [
      {
        name: 'acme-wall-counter-1.2.3.tgz',
        path: path.join(p.dir, 'dist', 'acme-wall-counter-1.2.3.tgz'),
        target: null,
      },
    ]);
    assert.deepEqual(plan.nativeFiles, ['acme-wall-counter-1.2.3.tgz.signature.json']);
    assert.deepEqual(plan.plainAssets, []);
  });
});

test('the bundled example plugin is valid and plans hello-pryzm-0.1.0.tgz', async () => {
  const config = pryzmConfig(path.join(ROOT, 'examples/pryzm-plugin'));
  const m = await profile.readManifest(config);
  assert.deepEqual([m.id, m.version], ['hello-pryzm', '0.1.0']);
  assert.deepEqual((m as { warnings?: unknown[] }).warnings, []);
  assert.equal(profile.plan(config, m).artifacts[0]?.name, 'hello-pryzm-0.1.0.tgz');
});

describe('pryzm tag rule', () => {
  test('v<X.Y.Z> only', () => {
    assert.deepEqual(parsePryzmTag('v1.2.3'), {
      tag: 'v1.2.3',
      version: '1.2.3',
      prerelease: false,
    });
    for (const bad of ['1.2.3', 'v1.2', 'v01.2.3', 'v1.2.3.4', 'v1.2.3+build'])
      assert.throws(() => parsePryzmTag(bad), rejects('TAG_INVALID'), bad);
  });
  test('a prerelease tag is an error that says PRYZM versions have none', () => {
    assert.throws(
      () => parsePryzmTag('v1.2.3-beta.1'),
      (e: ReleaseError) => e.code === 'TAG_INVALID' && /no prerelease part/.test(e.message),
    );
  });
});
