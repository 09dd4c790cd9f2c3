import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { isReleaseError } from '../src/errors.ts';
import { npmPack } from '../src/npm/pack.ts';
import { npmDistTagAdd, npmPublish, npmWhoami, type NpmTarget } from '../src/npm/publish.ts';
import {
  fetchTarball,
  nerfDart,
  packumentUrl,
  readPackument,
  resolveRegistry,
} from '../src/npm/registry.ts';
import { checkVersion, defaultDistTag } from '../src/npm/version.ts';
import { startProxy } from './support/proxy/index.ts';
import { startVerdaccio, type Verdaccio } from './support/verdaccio.ts';

const exec = promisify(execFile);
let reg: Verdaccio;
const dirs: string[] = [];
before(async () => {
  reg = await startVerdaccio();
});
after(async () => {
  await reg.close();
  await Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true })));
});

async function tmp(prefix = 'npm-reg-'): Promise<string> {
  const d = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
}

/** A package directory with an isolated HOME, so the machine's ~/.npmrc plays no part. */
async function pkg(name: string, version: string, body = 'module.exports = 1;\n') {
  const dir = await tmp();
  await fs.writeFile(
    path.join(dir, 'package.json'),
    JSON.stringify({ name, version, description: 'd', main: 'index.js' }, null, 2),
  );
  await fs.writeFile(path.join(dir, 'index.js'), body);
  const home = await tmp('npm-home-');
  const env = {
    ...process.env,
    HOME: home,
    npm_config_userconfig: undefined,
    NPM_CONFIG_USERCONFIG: undefined,
    npm_config_cache: path.join(home, '.npm'),
  };
  const target = (token = reg.token): NpmTarget => ({
    name,
    registry: reg.url,
    explicit: true,
    token,
    cwd: dir,
    env,
  });
  return { dir, env, target, access: { registry: reg.url, token: '', env } };
}

async function view(name: string, env: NodeJS.ProcessEnv, field: string): Promise<unknown> {
  const { stdout } = await exec('npm', ['view', name, field, '--json', '--registry', reg.url], {
    env,
  });
  return stdout.trim() === '' ? undefined : JSON.parse(stdout);
}

describe('npm registry client against Verdaccio', () => {
  test('defaultDistTag: latest, the first identifier, else next', () => {
    assert.equal(defaultDistTag('1.0.0'), 'latest');
    assert.equal(defaultDistTag('1.0.0-beta.2'), 'beta');
    assert.equal(defaultDistTag('1.0.0-rc'), 'rc');
    assert.equal(defaultDistTag('1.0.0-0.3'), 'next');
    assert.equal(defaultDistTag('1.0.0-x.1'), 'next');
    assert.equal(defaultDistTag('1.0.0-X'), 'next');
    assert.equal(defaultDistTag('2.0.0-1beta'), 'next');
  });

  test('urls and npm config', async () => {
    assert.equal(packumentUrl('http://h:1/r/', '@s/plugin-x'), 'http://h:1/r/@s%2fplugin-x');
    assert.equal(nerfDart('http://h:1/r/'), '//h:1/r/');
    const p = await pkg('plugin-conf', '1.0.0');
    await fs.writeFile(
      path.join(p.dir, '.npmrc'),
      `registry=${reg.url}\n@other:registry=http://127.0.0.1:9/x/\n`,
    );
    assert.equal(await resolveRegistry(undefined, 'plugin-conf', p.dir, p.env), reg.url);
    assert.equal(
      await resolveRegistry(undefined, '@other/plugin-conf', p.dir, p.env),
      'http://127.0.0.1:9/x/',
    );
    assert.equal(await resolveRegistry(undefined, '@s/plugin-conf', p.dir, p.env), reg.url);
    assert.equal(
      await resolveRegistry('http://127.0.0.1:7/y', 'plugin-conf', p.dir, p.env),
      'http://127.0.0.1:7/y/',
    );
  });

  test('publish, rerun unchanged, dist-tag, other contents refused', async () => {
    const p = await pkg('@demo/plugin-life', '1.0.0-beta.1');
    const npmrc = '# project config\n';
    await fs.writeFile(path.join(p.dir, '.npmrc'), npmrc);
    const dest = await tmp();
    const packed = await npmPack(p.dir, dest, p.env);

    assert.deepEqual(await checkVersion(p.access, '@demo/plugin-life', '1.0.0-beta.1', packed), {
      kind: 'new',
      packument: null,
    });
    assert.equal(await npmWhoami(p.target()), reg.user);
    await npmPublish(p.target(), packed.file, { tag: 'beta', access: 'public', provenance: false });
    assert.equal(
      await view('@demo/plugin-life@1.0.0-beta.1', p.env, 'dist.integrity'),
      packed.integrity,
    );
    // (A registry also points latest at a package's first version, whatever its tag.)
    const tags = (await view('@demo/plugin-life', p.env, 'dist-tags')) as Record<string, string>;
    assert.equal(tags.beta, '1.0.0-beta.1');
    assert.equal(
      await fs.readFile(path.join(p.dir, '.npmrc'), 'utf8'),
      npmrc,
      'the project .npmrc is untouched',
    );

    const again = await checkVersion(p.access, '@demo/plugin-life', '1.0.0-beta.1', packed);
    assert.equal(again.kind, 'unchanged');
    await npmDistTagAdd(p.target(), '1.0.0-beta.1', 'next');
    const doc = await readPackument(p.access, '@demo/plugin-life');
    assert.equal(doc?.['dist-tags']?.next, '1.0.0-beta.1');
    assert.equal(doc?.versions?.['1.0.0-beta.1']?.dist?.shasum, packed.shasum);

    // Without a tarball: the version is only known to exist.
    assert.equal(
      (await checkVersion(p.access, '@demo/plugin-life', '1.0.0-beta.1')).kind,
      'exists',
    );

    // Same version, other bytes inside: refused before and by npm.
    await fs.writeFile(path.join(p.dir, 'index.js'), 'module.exports = 2;\n');
    const changed = await npmPack(p.dir, await tmp(), p.env);
    await assert.rejects(
      checkVersion(p.access, '@demo/plugin-life', '1.0.0-beta.1', changed),
      (e: unknown) => {
        assert.ok(isReleaseError(e, 'VERSION_EXISTS'), String(e));
        assert.match(e.message, /index\.js has other bytes/);
        return true;
      },
    );
    await assert.rejects(
      npmPublish(p.target(), changed.file, { tag: 'beta', access: 'public', provenance: false }),
      (e: unknown) => isReleaseError(e, 'VERSION_EXISTS'),
    );
    assert.equal(
      await view('@demo/plugin-life@1.0.0-beta.1', p.env, 'dist.integrity'),
      packed.integrity,
    );
  });

  test('same contents, other bytes: unchanged, the registry tarball stands in', async () => {
    const p = await pkg('plugin-regzip', '2.0.0');
    const packed = await npmPack(p.dir, await tmp(), p.env);
    await npmPublish(p.target(), packed.file, {
      tag: 'latest',
      access: 'public',
      provenance: false,
    });
    const regzipped = path.join(await tmp(), 'other.tgz');
    await fs.writeFile(
      regzipped,
      gzipSync(gunzipSync(await fs.readFile(packed.file)), { level: 1 }),
    );
    const { createHash } = await import('node:crypto');
    const integrity = `sha512-${createHash('sha512')
      .update(await fs.readFile(regzipped))
      .digest('base64')}`;
    assert.notEqual(integrity, packed.integrity);
    const state = await checkVersion(p.access, 'plugin-regzip', '2.0.0', {
      file: regzipped,
      integrity,
    });
    assert.equal(state.kind, 'unchanged-contents');
    assert.ok(state.kind === 'unchanged-contents');
    assert.deepEqual(state.tarball, await fs.readFile(packed.file));
    assert.equal(state.integrity, packed.integrity);
  });

  test('an unpublished version stays taken (the registry keeps its time)', async () => {
    // Verdaccio forgets unpublished versions; the public registry keeps `time[v]`. A plain
    // server on loopback serves such a document.
    const doc = {
      name: 'plugin-gone',
      'dist-tags': { latest: '1.0.1' },
      versions: {
        '1.0.1': { name: 'plugin-gone', version: '1.0.1', dist: { integrity: 'sha512-x' } },
      },
      time: { '1.0.0': '2024-01-01T00:00:00.000Z', '1.0.1': '2024-01-02T00:00:00.000Z' },
    };
    const server = http.createServer((req, res) => {
      res.writeHead(req.url === '/plugin-gone' ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(req.url === '/plugin-gone' ? doc : { error: 'not found' }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const access = {
        registry: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
        token: '',
        env: {},
      };
      await assert.rejects(checkVersion(access, 'plugin-gone', '1.0.0'), (e: unknown) =>
        isReleaseError(e, 'VERSION_EXISTS'),
      );
      assert.equal((await checkVersion(access, 'plugin-gone', '1.0.2')).kind, 'new');
      assert.equal((await checkVersion(access, 'plugin-other', '1.0.0')).kind, 'new');
    } finally {
      server.close();
    }
  });

  test('wrong token: NPM_AUTH, nothing published', async () => {
    const p = await pkg('plugin-badtoken', '1.0.0');
    const packed = await npmPack(p.dir, await tmp(), p.env);
    const bad = p.target('not-a-valid-token');
    await assert.rejects(npmWhoami(bad), (e: unknown) => isReleaseError(e, 'NPM_AUTH'));
    await assert.rejects(
      npmPublish(bad, packed.file, { tag: 'latest', access: 'public', provenance: false }),
      (e: unknown) => {
        assert.ok(isReleaseError(e, 'NPM_AUTH'), String(e));
        assert.doesNotMatch(e.message, /not-a-valid-token/);
        return true;
      },
    );
    assert.equal(await readPackument(p.access, 'plugin-badtoken'), null);
  });

  test('provenance without OIDC fails before publishing', async () => {
    const p = await pkg('plugin-prov', '1.0.0');
    const packed = await npmPack(p.dir, await tmp(), p.env);
    const t = { ...p.target(), env: { ...p.env, ACTIONS_ID_TOKEN_REQUEST_URL: undefined } };
    await assert.rejects(
      npmPublish(t, packed.file, { tag: 'latest', access: 'public', provenance: true }),
      (e: unknown) => isReleaseError(e, 'OIDC_UNAVAILABLE'),
    );
    assert.equal(await readPackument(p.access, 'plugin-prov'), null);
  });

  test('behind a proxy: packument and tarball reads go through HTTP_PROXY', async () => {
    const p = await pkg('plugin-proxied', '1.0.0');
    const packed = await npmPack(p.dir, await tmp(), p.env);
    await npmPublish(p.target(), packed.file, {
      tag: 'latest',
      access: 'public',
      provenance: false,
    });
    // Real proxy processes, as in the proxy tests; each logs every CONNECT it tunnels. One per
    // read, so each read is seen on its own whatever connections a client keeps.
    const [forDoc, forTarball] = await Promise.all([startProxy(), startProxy()]);
    try {
      const host = new URL(reg.url).host;
      const access = (proxy: string, noProxy = '') => ({
        registry: reg.url,
        token: '',
        env: { ...p.env, HTTP_PROXY: proxy, NO_PROXY: noProxy },
      });
      const doc = await readPackument(access(forDoc.url), 'plugin-proxied');
      assert.equal(doc?.versions?.['1.0.0']?.dist?.integrity, packed.integrity);
      assert.deepEqual(forDoc.targets, [{ method: 'CONNECT', target: host }]);
      const url = doc!.versions!['1.0.0']!.dist!.tarball!;
      const bytes = await fetchTarball(access(forTarball.url), url);
      assert.deepEqual(bytes, await fs.readFile(packed.file));
      assert.deepEqual(forTarball.targets, [{ method: 'CONNECT', target: host }]);
      // NO_PROXY naming the registry: a direct connection, the proxy sees nothing.
      assert.ok(await readPackument(access(forTarball.url, '127.0.0.1'), 'plugin-proxied'));
      assert.equal(forTarball.targets.length, 1);
    } finally {
      await Promise.all([forDoc.close(), forTarball.close()]);
    }
  });

  test('registry down: NPM_PUBLISH for reads and publishes', async () => {
    const p = await pkg('plugin-down', '1.0.0');
    const packed = await npmPack(p.dir, await tmp(), p.env);
    const env = { ...p.env, PLUGIN_RELEASE_RETRY_BASE_MS: '1', npm_config_fetch_retries: '0' };
    const down = 'http://127.0.0.1:9/';
    await assert.rejects(
      readPackument({ registry: down, token: '', env }, 'plugin-down'),
      (e: unknown) => isReleaseError(e, 'NPM_PUBLISH'),
    );
    const t = { ...p.target(), registry: down, env };
    await assert.rejects(
      npmPublish(t, packed.file, { tag: 'latest', access: 'public', provenance: false }),
      (e: unknown) => isReleaseError(e, 'NPM_PUBLISH'),
    );
  });
});
