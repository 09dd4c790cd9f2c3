import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { isReleaseError } from '../src/errors.ts';
import {
  entryBranch,
  entryFileName,
  pullRequestBody,
  registryEntry,
  registryEntryText,
} from '../src/ecosystems/elizaos/entry.ts';
import { imageWarnings, jpegSize } from '../src/ecosystems/elizaos/images.ts';
import { checkManifestText, readElizaManifest } from '../src/ecosystems/elizaos/manifest.ts';
import { githubRepo } from '../src/ecosystems/elizaos/rules.ts';
import { parseElizaTag } from '../src/ecosystems/elizaos/tag.ts';
import { profile } from '../src/ecosystems/elizaos/index.ts';
import { jpeg } from './support/jpeg.ts';

const exec = promisify(execFile);
const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

async function tmp(): Promise<string> {
  const d = await fs.mkdtemp(path.join(os.tmpdir(), 'elizaos-unit-'));
  dirs.push(d);
  return d;
}

const GOOD = {
  name: '@acme/plugin-weather',
  version: '1.2.0-beta.1',
  description: '  Weather for agents.  ',
  repository: {
    type: 'git',
    url: 'git+https://github.com/acme/plugin-weather.git',
    directory: 'packages/weather',
  },
  homepage: 'https://acme.example/weather',
  keywords: [' weather', 'forecast', 'weather', '', 7],
  elizaos: { kind: 'connector' },
  agentConfig: {
    pluginType: 'elizaos:plugin:1.0.0',
    pluginParameters: { API_KEY: { type: 'string' } },
  },
};

function text(doc: unknown): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The registry's schema for third-party entries, as the contract describes it. */
const ENTRY_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  additionalProperties: false,
  required: ['package', 'repository'],
  properties: {
    package: { type: 'string', pattern: '^(?:@[a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*$' },
    repository: { type: 'string', pattern: '^github:[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$' },
    kind: { type: 'string', enum: ['plugin', 'connector', 'app'] },
    description: { type: 'string' },
    homepage: { type: 'string', format: 'uri' },
    version: { type: 'string' },
    branch: { type: 'string', pattern: '^[A-Za-z0-9._/-]+$' },
    coreRange: { type: 'string' },
    directory: { type: 'string', pattern: '^[A-Za-z0-9._/-]+$' },
    tags: { type: 'array', items: { type: 'string' }, uniqueItems: true },
    app: { type: 'object' },
  },
};

describe('elizaos manifest rules', () => {
  test('a good package.json: the facts, the file untouched', async () => {
    const dir = await tmp();
    const file = path.join(dir, 'package.json');
    await fs.writeFile(file, text(GOOD));
    const before = await fs.readFile(file);
    const { manifest, pkg } = await readElizaManifest(file);
    assert.equal(manifest.id, '@acme/plugin-weather');
    assert.equal(manifest.version, '1.2.0-beta.1');
    assert.equal(manifest.text, before.toString('utf8'));
    assert.deepEqual(pkg.repository, {
      owner: 'acme',
      repo: 'plugin-weather',
      directory: 'packages/weather',
    });
    assert.deepEqual(pkg.keywords, ['weather', 'forecast']);
    assert.equal(pkg.kind, 'connector');
    assert.equal(pkg.description, 'Weather for agents.');
    assert.deepEqual(await fs.readFile(file), before);
    assert.equal(
      (await profile.readManifest({ manifestPath: file } as never)).id,
      '@acme/plugin-weather',
    );
  });

  test('every violation at once, each at its line and column', () => {
    const body = [
      '{',
      '  "name": "@elizaos/plugin-x",',
      '  "version": "1.0",',
      '  "description": "${PLUGINDESCRIPTION}",',
      '  "repository": "gitlab:acme/x",',
      '  "agentConfig": {',
      '    "pluginType": "elizaos:plugin:2.0.0",',
      '    "pluginParameters": []',
      '  }',
      '}',
      '',
    ].join('\n');
    const r = checkManifestText(body, 'package.json');
    assert.equal(r.pkg, undefined);
    const at = r.diagnostics.map((d) => `${d.location?.line}:${d.location?.column}`);
    assert.deepEqual(at, ['2:3', '3:3', '4:3', '5:3', '7:5', '8:5']);
    assert.match(r.diagnostics[0]!.message, /@elizaos scope is reserved/);
    assert.match(r.diagnostics[2]!.message, /placeholder/);
  });

  test('missing fields point at the object; JSON errors carry line and column', async () => {
    const r = checkManifestText('{\n  "name": "plugin-x"\n}\n', 'package.json');
    // agentConfig, version, description, repository: each missing, each at the object's brace
    assert.deepEqual(
      r.diagnostics.map((d) => `${d.location?.line}:${d.location?.column}`),
      ['1:1', '1:1', '1:1', '1:1'],
    );
    const dir = await tmp();
    const file = path.join(dir, 'package.json');
    await fs.writeFile(file, '{\n  "name": "plugin-x",\n  "version": "1.0.0",,\n}\n');
    await assert.rejects(readElizaManifest(file), (e: unknown) => {
      assert.ok(isReleaseError(e, 'MANIFEST_PARSE'), String(e));
      assert.deepEqual([e.location?.line, e.location?.column], [3, 22]);
      return true;
    });
    await assert.rejects(readElizaManifest(path.join(dir, 'nope.json')), (e: unknown) =>
      isReleaseError(e, 'MANIFEST_NOT_FOUND'),
    );
    const bad = { ...GOOD, name: 'plugin-x', agentConfig: undefined };
    await fs.writeFile(file, text(bad));
    await assert.rejects(
      readElizaManifest(file),
      (e: unknown) => isReleaseError(e, 'MANIFEST_INVALID') && e.diagnostics.length === 1,
    );
  });

  test('names: plugin-<x>, lowercase, npm-valid, not @elizaos', () => {
    const problem = (name: string) =>
      checkManifestText(text({ ...GOOD, name }), 'p').diagnostics.map((d) => d.message);
    assert.deepEqual(problem('plugin-a.b_c-1'), []);
    assert.deepEqual(problem('@s/plugin-x'), []);
    for (const bad of [
      'weather',
      '@s/weather',
      'plugin-',
      '@1BDO/plugin-x',
      'Plugin-x',
      '@elizaos/plugin-x',
      `plugin-${'a'.repeat(210)}`,
      '.plugin-x',
      'plugin x',
      '@s/plugin-x/y',
    ]) {
      assert.equal(problem(bad).length, 1, bad);
    }
  });

  test('versions, descriptions, repositories', () => {
    const problems = (over: object) =>
      checkManifestText(text({ ...GOOD, ...over }), 'p').diagnostics.length;
    for (const v of ['1.0.0', '0.0.1-rc.1', '1.0.0-alpha-1'])
      assert.equal(problems({ version: v }), 0, v);
    for (const v of ['v1.0.0', '1.0', '01.0.0', '1.0.0+build', ' 1.0.0', 1])
      assert.equal(problems({ version: v }), 1, String(v));
    for (const d of ['', '  ', 'About ${NAME}', null])
      assert.equal(problems({ description: d }), 1, String(d));
    assert.equal(
      problems({ repository: { type: 'git', url: 'https://github.com/o/r', directory: 'a b' } }),
      1,
    );
    for (const [url, want] of [
      ['github:o/r', 'o/r'],
      ['o/r', 'o/r'],
      ['https://github.com/o/r.git', 'o/r'],
      ['git+https://github.com/O-1/r.x.git', 'O-1/r.x'],
      ['git+ssh://git@github.com/o/r.git', 'o/r'],
      ['git://github.com/o/r', 'o/r'],
      ['git@github.com:o/r.git', 'o/r'],
      ['https://github.com/o/r/tree/main/packages/x', 'o/r'],
      ['gitlab:o/r', undefined],
      ['https://gitlab.com/o/r', undefined],
      ['https://github.com/o', undefined],
    ] as const) {
      const got = githubRepo(url);
      assert.equal(got === undefined ? undefined : `${got.owner}/${got.repo}`, want, url);
    }
  });

  test('tags: v<version>', () => {
    assert.deepEqual(parseElizaTag('v1.2.0-beta.1'), {
      tag: 'v1.2.0-beta.1',
      version: '1.2.0-beta.1',
      prerelease: true,
    });
    assert.equal(parseElizaTag('v1.0.0-alpha-1').version, '1.0.0-alpha-1');
    assert.equal(parseElizaTag('v2.0.0').prerelease, false);
    for (const bad of ['1.0.0', 'v1.0', 'v1.0.0+b', 'V1.0.0', 'release-1.0.0', 'v01.0.0']) {
      assert.throws(
        () => parseElizaTag(bad),
        (e: unknown) => isReleaseError(e, 'TAG_INVALID'),
        bad,
      );
    }
  });
});

describe('elizaos registry entry', () => {
  test('field order, format, schema', () => {
    const { pkg } = checkManifestText(text(GOOD), 'p');
    assert.ok(pkg);
    const body = registryEntryText(pkg);
    assert.equal(
      body,
      '{\n  "package": "@acme/plugin-weather",\n  "repository": "github:acme/plugin-weather",\n  "kind": "connector",\n  "description": "Weather for agents.",\n  "homepage": "https://acme.example/weather",\n  "version": "1.2.0-beta.1",\n  "directory": "packages/weather",\n  "tags": [\n    "weather",\n    "forecast"\n  ]\n}\n',
    );
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(ENTRY_SCHEMA);
    assert.ok(validate(JSON.parse(body)), JSON.stringify(validate.errors));

    const minimal = checkManifestText(
      text({
        ...GOOD,
        homepage: 'acme.example',
        keywords: undefined,
        elizaos: { kind: 'app' },
        repository: 'github:acme/plugin-weather',
      }),
      'p',
    ).pkg!;
    const entry = registryEntry(minimal);
    assert.deepEqual(Object.keys(entry), [
      'package',
      'repository',
      'kind',
      'description',
      'version',
    ]);
    assert.equal(entry.kind, 'plugin');
    assert.ok(validate(entry), JSON.stringify(validate.errors));
  });

  test('file, branch, title and body names', () => {
    assert.equal(entryFileName('@s/plugin-x'), 's__plugin-x.json');
    assert.equal(entryFileName('plugin-x'), 'plugin-x.json');
    assert.equal(entryBranch('@s/plugin-x'), 'add-s-plugin-x-to-registry');
    assert.equal(entryBranch('plugin-x.y'), 'add-plugin-x.y-to-registry');
    const { pkg } = checkManifestText(text(GOOD), 'p');
    const body = pullRequestBody(registryEntry(pkg!));
    assert.match(body, /`@acme\/plugin-weather`/);
    assert.match(body, /github:acme\/plugin-weather/);
    assert.match(body, /Kind: connector/);
    assert.match(body, /community supported/);
  });

  test('the plan: one npm tarball, no native files', () => {
    const p = profile.plan(
      { distDir: '/d' } as never,
      { id: '@s/plugin-x', version: '1.0.0' } as never,
    );
    assert.deepEqual(p, {
      artifacts: [{ name: 's-plugin-x-1.0.0.tgz', path: '/d/s-plugin-x-1.0.0.tgz', target: null }],
      nativeFiles: [],
      plainAssets: [],
    });
  });
});

describe('elizaos images', () => {
  test('JPEG sizes read from the frame header agree with libmagic', async () => {
    const dir = await tmp();
    for (const [w, h, progressive] of [
      [400, 400, false],
      [1280, 640, true],
      [17, 3, false],
    ] as const) {
      const f = path.join(dir, `${w}x${h}.jpg`);
      await fs.writeFile(f, jpeg(w, h, { progressive }));
      const { stdout } = await exec('file', ['-b', f]);
      assert.match(stdout, new RegExp(`JPEG image data.*\\b${w}x${h}\\b`), stdout);
      assert.deepEqual(jpegSize(await fs.readFile(f)), { width: w, height: h });
    }
    assert.equal(typeof jpegSize(Buffer.from('\x89PNG\r\n')), 'string');
  });

  test('missing, oversized or wrongly sized images are warnings', async () => {
    const dir = await tmp();
    assert.equal((await imageWarnings(dir)).length, 2);
    await fs.mkdir(path.join(dir, 'images'));
    await fs.writeFile(path.join(dir, 'images/logo.jpg'), jpeg(400, 400));
    await fs.writeFile(path.join(dir, 'images/banner.jpg'), jpeg(1280, 640));
    assert.deepEqual(await imageWarnings(dir), []);
    await fs.writeFile(path.join(dir, 'images/logo.jpg'), jpeg(400, 400, { padTo: 600 * 1024 }));
    await fs.writeFile(path.join(dir, 'images/banner.jpg'), jpeg(1280, 720));
    const w = await imageWarnings(dir);
    assert.equal(w.length, 2);
    assert.match(w[0]!.message, /over 500 KB/);
    assert.match(w[1]!.message, /1280x720, not 1280x640/);
  });
});
