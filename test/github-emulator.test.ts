/**
 * The GitHub Releases API emulator, exercised over real HTTP with plain fetch: the behaviours
 * publishers trip over (drafts invisible by tag, paging, 422s, name rewriting, starter debris,
 * immutable releases, latest), fault injection, and conformance to GitHub's OpenAPI schemas.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertMatchesSchema,
  rewriteAssetName,
  startGitHubEmulator,
  type EmuEvent,
  type GitHubEmulator,
} from './support/github-emulator/index.ts';
import { EmuClient, type Json } from './support/github-emulator/client.ts';

let emu: GitHubEmulator;
let w: EmuClient; // write token
let r: EmuClient; // read token
let anon: EmuClient;
let repoCount = 0;

/** A fresh public repo per test keeps tests independent on one shared emulator. */
function newRepo(opts: { private?: boolean; immutableReleases?: boolean } = {}): string {
  const name = `octo/repo-${++repoCount}`;
  emu.addRepo(name, opts);
  return name;
}

async function draft(repo: string, tag = 'v1.0.0'): Promise<Json> {
  const res = await w.createRelease(repo, { tag_name: tag, draft: true });
  assert.equal(res.status, 201);
  return res.json;
}

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

before(async () => {
  emu = await startGitHubEmulator();
  emu.addToken('w-token', 'write');
  emu.addToken('r-token', 'read');
  w = new EmuClient(emu, 'w-token');
  r = new EmuClient(emu, 'r-token');
  anon = new EmuClient(emu);
});
after(async () => {
  const dir = emu.dataDir;
  await emu.close();
  assert.equal(existsSync(dir), false, 'close() removes the data directory');
});
afterEach(() => emu.faults.clear());

describe('releases', () => {
  test('a draft is 404 by tag but present in the list (for callers with push access)', async () => {
    const repo = newRepo();
    const d = await draft(repo);
    assert.equal(d.draft, true);
    assert.equal(d.published_at, null);
    assert.equal((await w.call('GET', `/repos/${repo}/releases/tags/v1.0.0`)).status, 404);
    const list = await w.call<Json[]>('GET', `/repos/${repo}/releases`);
    assert.deepEqual(
      list.json.map((x) => x.id),
      [d.id],
    );
    assert.deepEqual((await anon.call<Json[]>('GET', `/repos/${repo}/releases`)).json, []);
    const pub = await w.call('PATCH', `/repos/${repo}/releases/${d.id}`, { draft: false });
    assert.equal(pub.status, 200);
    assert.equal(typeof pub.json.published_at, 'string');
    const byTag = await anon.call('GET', `/repos/${repo}/releases/tags/v1.0.0`);
    assert.equal(byTag.json.id, d.id);
  });

  test('pages with absolute Link URLs across more than 100 releases, newest first', async () => {
    const repo = newRepo();
    for (let i = 0; i < 205; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      emu.seedRelease(repo, { tag_name: `v0.${i}.0`, created_at: `2025-01-${day}T00:00:00Z` });
    }
    const first = await anon.call<Json[]>('GET', `/repos/${repo}/releases`);
    assert.equal(first.json.length, 30, 'default per_page is 30');
    const ids: number[] = [];
    let url: string | undefined = `${emu.apiUrl}/repos/${repo}/releases?per_page=500`;
    const rels: string[][] = [];
    while (url) {
      const page: Awaited<ReturnType<typeof anon.call<Json[]>>> = await anon.call<Json[]>(
        'GET',
        url,
      );
      assert.ok(page.json.length <= 100, 'per_page is capped at 100');
      ids.push(...page.json.map((x) => x.id));
      const link = page.headers.get('link') ?? '';
      const parts = [...link.matchAll(/<([^>]+)>; rel="(\w+)"/g)];
      for (const [, href] of parts) assert.ok(href?.startsWith(emu.apiUrl), href);
      rels.push(parts.map((p) => p[2] as string));
      url = parts.find((p) => p[2] === 'next')?.[1];
    }
    assert.deepEqual(rels, [
      ['next', 'last'],
      ['prev', 'next', 'last', 'first'],
      ['prev', 'first'],
    ]);
    assert.equal(new Set(ids).size, 205);
    const all = emu.releases(repo);
    const expected = [...all]
      .sort((a, b) =>
        a.created_at === b.created_at ? b.id - a.id : a.created_at < b.created_at ? 1 : -1,
      )
      .map((x) => x.id);
    assert.deepEqual(ids, expected);
  });

  test('422 already_exists when a published release has the tag; drafts may share a tag', async () => {
    const repo = newRepo();
    const a = await draft(repo, 'v2.0.0');
    const b = await draft(repo, 'v2.0.0');
    assert.notEqual(a.id, b.id);
    assert.equal(
      (await w.call('PATCH', `/repos/${repo}/releases/${a.id}`, { draft: false })).status,
      200,
    );
    const dup = await w.createRelease(repo, { tag_name: 'v2.0.0' });
    assert.equal(dup.status, 422);
    assert.equal(dup.json.message, 'Validation Failed');
    assert.deepEqual(dup.json.errors, [
      { resource: 'Release', code: 'already_exists', field: 'tag_name' },
    ]);
    const publishB = await w.call('PATCH', `/repos/${repo}/releases/${b.id}`, { draft: false });
    assert.equal(publishB.status, 422);
  });

  test("make_latest is a string: a boolean is refused with GitHub's validation message", async () => {
    const repo = newRepo();
    const res = await w.createRelease(repo, { tag_name: 'v1.0.0', make_latest: true });
    assert.equal(res.status, 422);
    assert.match(String(res.json.message), /For 'properties\/make_latest', true is not a string/);
    assert.equal(emu.releases(repo).length, 0);
  });

  test('latest: backports with "false" leave it, "true" steals it, "legacy" goes by date', async () => {
    const repo = newRepo();
    const v2 = emu.seedRelease(repo, { tag_name: 'v2.0.0', created_at: '2025-06-01T00:00:00Z' });
    const latestTag = async () =>
      (await anon.call('GET', `/repos/${repo}/releases/latest`)).json.tag_name;
    assert.equal(await latestTag(), 'v2.0.0');
    await w.createRelease(repo, { tag_name: 'v1.2.5', make_latest: 'false' });
    assert.equal(await latestTag(), 'v2.0.0');
    await w.createRelease(repo, { tag_name: 'v3.0.0-rc.1', prerelease: true });
    assert.equal(await latestTag(), 'v2.0.0', 'a prerelease never becomes latest');
    const backport = await w.createRelease(repo, { tag_name: 'v1.2.6' });
    assert.equal(await latestTag(), 'v1.2.6', 'default "true" lets a backport steal latest');
    // legacy: the newest full release by creation date (v1.2.6 was created just now).
    await w.call('PATCH', `/repos/${repo}/releases/${v2.id}`, { make_latest: 'legacy' });
    assert.equal(emu.latestReleaseId(repo), backport.json.id);
    await w.call('PATCH', `/repos/${repo}/releases/${v2.id}`, { make_latest: 'true' });
    assert.equal(await latestTag(), 'v2.0.0');
    // Drafts published later get "true" by default on publish.
    const d = await draft(repo, 'v2.1.0');
    await w.call('PATCH', `/repos/${repo}/releases/${d.id}`, { draft: false });
    assert.equal(await latestTag(), 'v2.1.0');
    await w.call('DELETE', `/repos/${repo}/releases/${d.id}`);
    assert.equal(emu.latestReleaseId(repo), backport.json.id, 'deleting latest falls back by date');
  });

  test('generate-notes stores nothing; generate_release_notes fills the body', async () => {
    const repo = newRepo();
    const notes = await w.call('POST', `/repos/${repo}/releases/generate-notes`, {
      tag_name: 'v1.0.0',
    });
    assert.equal(notes.status, 200);
    assertMatchesSchema('release-notes-content', notes.json);
    assert.equal(emu.releases(repo).length, 0);
    const rel = await w.createRelease(repo, {
      tag_name: 'v1.0.0',
      body: 'Intro',
      generate_release_notes: true,
    });
    assert.match(String(rel.json.body), /^Intro\n\n## What's Changed/);
    assert.equal(rel.json.name, 'v1.0.0');
  });

  test('concurrent creates inside the race window each get a release', async () => {
    const racy = await startGitHubEmulator({ raceWindowMs: 100 });
    try {
      racy.addRepo('o/r');
      racy.addToken('t', 'write');
      const c = new EmuClient(racy, 't');
      const [a, b] = await Promise.all([
        c.createRelease('o/r', { tag_name: 'v1.0.0' }),
        c.createRelease('o/r', { tag_name: 'v1.0.0' }),
      ]);
      assert.deepEqual([a.status, b.status], [201, 201]);
      assert.notEqual(a.json.id, b.json.id);
      assert.equal((await c.createRelease('o/r', { tag_name: 'v1.0.0' })).status, 422);
    } finally {
      await racy.close();
    }
  });
});

describe('auth', () => {
  test('read token: 403 Resource not accessible by integration; bad token 401', async () => {
    const repo = newRepo({ private: true });
    const denied = await r.createRelease(repo, { tag_name: 'v1.0.0' });
    assert.equal(denied.status, 403);
    assert.equal(denied.json.message, 'Resource not accessible by integration');
    assert.equal((await r.call('GET', `/repos/${repo}`)).json.private, true);
    assert.equal((await anon.call('GET', `/repos/${repo}`)).status, 404);
    assert.equal((await new EmuClient(emu, 'nope').call('GET', `/repos/${repo}`)).status, 401);
    assert.equal((await anon.createRelease(newRepo(), { tag_name: 'v1' })).status, 401);
  });

  test('rate-limit headers on every API response', async () => {
    const res = await w.call('GET', `/repos/${newRepo()}`);
    for (const h of ['limit', 'remaining', 'reset', 'used', 'resource']) {
      assert.ok(res.headers.get(`x-ratelimit-${h}`), h);
    }
    const next = await w.call('GET', `/repos/${newRepo()}`);
    const n = (r: typeof res, h: string) => Number(r.headers.get(`x-ratelimit-${h}`));
    assert.equal(n(next, 'used'), n(res, 'used') + 1);
    assert.equal(n(next, 'remaining'), n(res, 'remaining') - 1);
    assert.equal(res.json.default_branch, 'main');
  });
});

describe('assets', () => {
  test('digest is sha256 of the streamed body; 422 on a taken (rewritten) name', async () => {
    const repo = newRepo();
    const rel = await draft(repo);
    const body = Buffer.from('plugin bytes '.repeat(5000));
    const up = await w.upload(rel, 'my plugin.tar.gz', body, { label: 'Plugin' });
    assert.equal(up.status, 201);
    assert.equal(up.json.name, 'my.plugin.tar.gz');
    assert.equal(up.json.digest, `sha256:${sha256(body)}`);
    assert.equal(up.json.size, body.length);
    assert.equal(up.json.state, 'uploaded');
    assert.equal(up.json.label, 'Plugin');
    assert.deepEqual(await emu.assetBytes(repo, up.json.id), body);
    const dup = await w.upload(rel, 'my.plugin.tar.gz', 'other');
    assert.equal(dup.status, 422);
    assert.deepEqual(dup.json.errors, [
      { resource: 'ReleaseAsset', code: 'already_exists', field: 'name' },
    ]);
  });

  test('name rewriting', async () => {
    const table: [string, string][] = [
      ['plain-name_1.0.tar.gz', 'plain-name_1.0.tar.gz'],
      ['my file.zip', 'my.file.zip'],
      ['pkg_1.0~rc1.deb', 'pkg_1.0.rc1.deb'],
      ['arch-1:2.0.pkg', 'arch-1.2.0.pkg'],
      ['app-(15-5)-x.apk', 'app-.15-5.-x.apk'],
      ['a  ~ b.txt', 'a.b.txt'],
      ['.config', 'default.config'],
      ['..hidden', 'default.hidden'],
      ['test~file!!!', 'test.file'],
      ['a5_żółw.txt', 'a5_zolw.txt'],
      ['a5_ð_æ_©_ŋ.txt', 'a5_d_ae_._ng.txt'],
      ['naïve café.tgz', 'naive.cafe.tgz'],
      ['c++.tar', 'c.tar'],
    ];
    for (const [input, expected] of table) assert.equal(rewriteAssetName(input), expected, input);
    // Over HTTP: a literal "+" in the query string is a space.
    const rel = await draft(newRepo());
    const url = String(rel.upload_url).replace('{?name,label}', '?name=a+b.txt');
    const res = await fetch(url, {
      method: 'POST',
      headers: { authorization: 'token w-token', 'content-type': 'text/plain' },
      body: 'x',
    });
    assert.equal(((await res.json()) as Json).name, 'a.b.txt');
  });

  test('rename with PATCH; 422 when the new name is taken; events in order', async () => {
    const repo = newRepo();
    const rel = await draft(repo);
    const events: EmuEvent[] = [];
    emu.onEvent((e) => e.repo === repo && events.push(e));
    const a = await w.upload(rel, 'a.zip', 'A');
    const tmp = await w.upload(rel, 'a.zip.tmp', 'A2');
    const taken = await w.call('PATCH', `/repos/${repo}/releases/assets/${tmp.json.id}`, {
      name: 'a.zip',
    });
    assert.equal(taken.status, 422);
    assert.equal(taken.json.errors?.[0]?.code, 'already_exists');
    assert.equal(
      (await w.call('DELETE', `/repos/${repo}/releases/assets/${a.json.id}`)).status,
      204,
    );
    const renamed = await w.call('PATCH', `/repos/${repo}/releases/assets/${tmp.json.id}`, {
      name: 'a.zip',
      label: 'A',
    });
    assert.equal(renamed.status, 200);
    assert.equal(renamed.json.label, 'A');
    assert.deepEqual(
      events.map((e) => `${e.type}:${e.assetName}`),
      [
        'asset-created:a.zip',
        'asset-created:a.zip.tmp',
        'asset-deleted:a.zip',
        'asset-renamed:a.zip',
      ],
    );
  });

  test('a starter asset left by a 502 blocks its name until deleted', async () => {
    const repo = newRepo();
    const rel = await draft(repo);
    emu.faults.add({ route: 'upload-asset', kind: '502-starter' });
    assert.equal((await w.upload(rel, 'p.tgz', 'payload')).status, 502);
    const list = await w.call<Json[]>('GET', `/repos/${repo}/releases/${rel.id}/assets`);
    assert.equal(list.json.length, 1);
    const starter = list.json[0] as Json;
    assert.deepEqual([starter.name, starter.state, starter.size], ['p.tgz', 'starter', 0]);
    assertMatchesSchema('release-asset', starter);
    assert.equal((await w.upload(rel, 'p.tgz', 'payload')).status, 422);
    await w.call('DELETE', `/repos/${repo}/releases/assets/${starter.id}`);
    assert.equal((await w.upload(rel, 'p.tgz', 'payload')).status, 201);
  });

  test('download: 302 to another origin, bytes equal, no Authorization forwarded', async () => {
    const repo = newRepo();
    const rel = await draft(repo);
    const body = Buffer.from([0, 1, 2, 250, 251, 252]);
    const up = await w.upload(rel, 'bin.dat', body);
    const headers = { authorization: 'token w-token', accept: 'application/octet-stream' };
    const manual = await fetch(String(up.json.url), { headers, redirect: 'manual' });
    const location = manual.headers.get('location') ?? '';
    assert.equal(manual.status, 302);
    assert.ok(location.startsWith(`${emu.downloadOrigin}/`), location);
    emu.resetRequests();
    const followed = await fetch(String(up.json.url), { headers });
    assert.deepEqual(Buffer.from(await followed.arrayBuffer()), body);
    const hops = emu.requests.map((q) => [q.origin, q.status, q.headers.authorization]);
    assert.deepEqual(hops, [
      ['api', 302, 'token w-token'],
      ['download', 200, undefined],
    ]);
    // A client that forwards the token is visible in the records.
    await fetch(location, { headers: { authorization: 'token w-token' } });
    assert.equal(emu.requests.at(-1)?.headers.authorization, 'token w-token');
    // Draft assets are not downloadable by URL; published ones are, anonymously.
    assert.equal((await fetch(String(up.json.browser_download_url))).status, 404);
    await w.call('PATCH', `/repos/${repo}/releases/${rel.id}`, { draft: false });
    const asset = (await anon.call('GET', `/repos/${repo}/releases/assets/${up.json.id}`)).json;
    const direct = await fetch(String(asset.browser_download_url));
    assert.deepEqual(Buffer.from(await direct.arrayBuffer()), body);
    assert.equal(emu.releases(repo)[0]?.assets[0]?.download_count, 3);
  });

  test('limits: 2 GiB by Content-Length before reading, 1000 assets, Content-Length needed', async () => {
    const repo = newRepo();
    const rel = await draft(repo);
    const url = new URL(String(rel.upload_url).replace('{?name,label}', '?name=huge.bin'));
    const raw = (headers: Record<string, string>) =>
      new Promise<{ status: number; json: Json }>((resolve, reject) => {
        const req = httpRequest(url, { method: 'POST', headers });
        req.on('error', reject);
        req.on('response', (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            req.destroy();
            resolve({
              status: res.statusCode ?? 0,
              json: JSON.parse(Buffer.concat(chunks).toString()),
            });
          });
        });
        req.flushHeaders();
        if (!headers['content-length']) req.end('chunked body');
      });
    const base = { authorization: 'token w-token', 'content-type': 'application/octet-stream' };
    const big = await raw({ ...base, 'content-length': '2147483649' });
    assert.equal(big.status, 422);
    assert.equal(big.json.errors?.[0]?.message, 'size must be less than or equal to 2147483648');
    const chunked = await raw(base);
    assert.equal(chunked.status, 400);

    const full = emu.seedRelease(repo, {
      tag_name: 'v9.0.0',
      draft: true,
      assets: Array.from({ length: 1000 }, (_, i) => ({ name: `f${i}.txt`, content: '' })),
    });
    const many = await w.upload(
      { upload_url: (await w.call('GET', `/repos/${repo}/releases/${full.id}`)).json.upload_url },
      'one-more.txt',
      'x',
    );
    assert.equal(many.status, 422);
    assert.deepEqual(many.json.errors, [
      { code: 'custom', field: 'file_count', message: 'file_count limited to 1000 assets' },
    ]);
  });

  test('seeded legacy assets may have digest null', async () => {
    const repo = newRepo();
    const seeded = emu.seedRelease(repo, {
      tag_name: 'v0.1.0',
      assets: [
        { name: 'old.zip', content: 'old', digest: null },
        { name: 'empty.txt', content: '' },
      ],
    });
    const empty = await fetch(`${emu.downloadOrigin}/${repo}/releases/download/v0.1.0/empty.txt`);
    assert.deepEqual([empty.status, await empty.text()], [200, '']);
    assert.equal(seeded.assets[1]?.digest, `sha256:${sha256('')}`);
    const asset = seeded.assets[0];
    assert.equal(asset?.digest, null);
    const json = (await anon.call('GET', `/repos/${repo}/releases/assets/${asset?.id}`)).json;
    assert.equal(json.digest, null);
    assertMatchesSchema('release-asset', json);
  });
});

describe('immutable releases', () => {
  test('publishing locks assets and burns the tag; notes stay editable', async () => {
    const repo = newRepo({ immutableReleases: true });
    assert.deepEqual((await w.call('GET', `/repos/${repo}/immutable-releases`)).json, {
      enabled: true,
      enforced_by_owner: false,
    });
    assert.equal((await w.call('GET', `/repos/${newRepo()}/immutable-releases`)).status, 404);
    const rel = await draft(repo, 'v1.0.0');
    const up = await w.upload(rel, 'p.tgz', 'bytes');
    const pub = await w.call('PATCH', `/repos/${repo}/releases/${rel.id}`, { draft: false });
    assert.equal(pub.json.immutable, true);
    const upload = await w.upload(rel, 'late.tgz', 'x');
    assert.equal(upload.status, 422);
    assert.equal(upload.json.message, 'Cannot upload assets to an immutable release.');
    const del = await w.call('DELETE', `/repos/${repo}/releases/assets/${up.json.id}`);
    assert.equal(del.status, 422);
    assert.equal(del.json.message, 'Cannot delete asset from an immutable release');
    const ren = await w.call('PATCH', `/repos/${repo}/releases/assets/${up.json.id}`, {
      name: 'q.tgz',
    });
    assert.equal(ren.status, 422);
    const edit = await w.call('PATCH', `/repos/${repo}/releases/${rel.id}`, {
      body: 'new notes',
      prerelease: true,
      make_latest: 'false',
    });
    assert.equal(edit.status, 200);
    assert.equal(edit.json.body, 'new notes');
    assert.equal((await w.call('DELETE', `/repos/${repo}/releases/${rel.id}`)).status, 204);
    const again = await w.createRelease(repo, { tag_name: 'v1.0.0', draft: true });
    assert.equal(again.status, 422);
    assert.equal(again.json.errors?.[0]?.message, 'tag_name was used by an immutable release');
  });
});

describe('faults', () => {
  test('500-stored: the asset is stored although the client sees 500', async () => {
    const repo = newRepo();
    const rel = await draft(repo);
    emu.faults.add({ route: 'upload-asset', kind: '500-stored' });
    assert.equal((await w.upload(rel, 'x.bin', 'stored')).status, 500);
    const [asset] = emu.releases(repo)[0]?.assets ?? [];
    assert.equal(asset?.state, 'uploaded');
    assert.equal(asset?.digest, `sha256:${sha256('stored')}`);
  });

  test('secondary-403 / secondary-429 with and without retry-after', async () => {
    const repo = newRepo();
    emu.faults.add({ route: 'get-repo', kind: 'secondary-403', retryAfter: 7 });
    emu.faults.add({ route: 'get-repo', kind: 'secondary-429' });
    const a = await w.call('GET', `/repos/${repo}`);
    assert.equal(a.status, 403);
    assert.match(String(a.json.message), /You have exceeded a secondary rate limit/);
    assert.equal(a.headers.get('retry-after'), '7');
    const b = await w.call('GET', `/repos/${repo}`);
    assert.equal(b.status, 429);
    assert.match(String(b.json.message), /secondary rate limit/);
    assert.equal(b.headers.get('retry-after'), null);
    assert.equal((await w.call('GET', `/repos/${repo}`)).status, 200);
  });

  test('primary: 403 with x-ratelimit-remaining 0 and a reset in the future', async () => {
    emu.faults.add({ route: 'list-releases', kind: 'primary', resetSeconds: 120 });
    const res = await w.call('GET', `/repos/${newRepo()}/releases`);
    assert.equal(res.status, 403);
    assert.equal(res.headers.get('x-ratelimit-remaining'), '0');
    const reset = Number(res.headers.get('x-ratelimit-reset'));
    const now = Date.now() / 1000;
    assert.ok(reset > now + 110 && reset < now + 130, String(reset));
  });

  test('reset: the socket dies mid-upload; nothing stored unless leaveStarter', async () => {
    const repo = newRepo();
    const rel = await draft(repo);
    const body = Buffer.alloc(256 * 1024, 7);
    emu.faults.add({ route: 'upload-asset', kind: 'reset', afterBytes: 1024 });
    await assert.rejects(w.upload(rel, 'big.bin', body));
    assert.deepEqual(emu.releases(repo)[0]?.assets, []);
    emu.faults.add({ route: 'upload-asset', kind: 'reset', leaveStarter: true });
    await assert.rejects(w.upload(rel, 'big.bin', body));
    assert.equal(emu.releases(repo)[0]?.assets[0]?.state, 'starter');
    emu.faults.add({ route: 'get-release', kind: 'reset' });
    await assert.rejects(w.call('GET', `/repos/${repo}/releases/${rel.id}`));
    assert.equal(emu.requests.at(-1)?.status, 0);
  });

  test('latency delays, status answers what it is told', async () => {
    const repo = newRepo();
    emu.faults.add({ route: 'get-repo', kind: 'latency', ms: 150 });
    const t0 = Date.now();
    assert.equal((await w.call('GET', `/repos/${repo}`)).status, 200);
    assert.ok(Date.now() - t0 >= 145);
    emu.faults.add({ route: 'get-repo', kind: 'status', status: 503, body: { message: 'down' } });
    const res = await w.call('GET', `/repos/${repo}`);
    assert.deepEqual([res.status, res.json.message], [503, 'down']);
  });

  test('skip, times, method and match; pending() and clear()', async () => {
    const repo = newRepo();
    const rel = await draft(repo);
    emu.faults.add({
      route: 'upload-asset',
      kind: 'status',
      status: 502,
      skip: 1,
      times: 2,
      match: (c) => c.name === 'b.bin',
    });
    emu.faults.add({ route: 'get-release', method: 'DELETE', kind: 'status' });
    assert.equal((await w.upload(rel, 'a.bin', 'a')).status, 201, 'match excludes a.bin');
    assert.equal((await w.upload(rel, 'b.bin', 'b')).status, 201, 'first match skipped');
    assert.equal((await w.upload(rel, 'b.bin', 'b')).status, 502);
    assert.equal((await w.upload(rel, 'b.bin', 'b')).status, 502);
    assert.equal((await w.upload(rel, 'b.bin', 'b')).status, 422, 'used up; name taken');
    assert.equal((await w.call('GET', `/repos/${repo}/releases/${rel.id}`)).status, 200);
    assert.equal(emu.faults.pending().length, 1);
    assert.equal(emu.faults.pending()[0]?.timesLeft, 1);
    emu.faults.clear();
    assert.deepEqual(emu.faults.pending(), []);
    assert.equal(
      emu.requests.filter((q) => q.fault === 'status' && q.path.includes(repo)).length,
      2,
    );
  });

  test('global latencyMs applies to every origin', async () => {
    const slow = await startGitHubEmulator({ latencyMs: 60 });
    try {
      slow.addRepo('o/r');
      const t0 = Date.now();
      await fetch(`${slow.apiUrl}/repos/o/r`);
      await fetch(`${slow.downloadOrigin}/o/r/releases/download/v1/x`);
      assert.ok(Date.now() - t0 >= 115);
    } finally {
      await slow.close();
    }
  });
});

describe('OpenAPI conformance', () => {
  test("served releases and assets, and the bodies received, match GitHub's schemas", async () => {
    const repo = newRepo();
    emu.resetRequests();
    const rel = await w.createRelease(repo, {
      tag_name: 'v1.0.0',
      name: 'One',
      body: 'notes',
      draft: true,
      prerelease: false,
      target_commitish: 'main',
      make_latest: 'legacy',
    });
    const up = await w.upload(rel.json, 'a.tgz', 'a');
    emu.faults.add({ route: 'upload-asset', kind: '502-starter' });
    await w.upload(rel.json, 'b.tgz', 'b');
    await w.call('PATCH', `/repos/${repo}/releases/assets/${up.json.id}`, { label: 'A' });
    await w.call('PATCH', `/repos/${repo}/releases/${rel.json.id}`, {
      draft: false,
      make_latest: 'true',
    });
    const served = [
      ...(await w.call<Json[]>('GET', `/repos/${repo}/releases`)).json,
      (await w.call('GET', `/repos/${repo}/releases/latest`)).json,
      (await w.call('GET', `/repos/${repo}/releases/tags/v1.0.0`)).json,
      rel.json,
    ];
    for (const release of served) assertMatchesSchema('release', release);
    const assets = (await w.call<Json[]>('GET', `/repos/${repo}/releases/${rel.json.id}/assets`))
      .json;
    assert.deepEqual(
      assets.map((a) => a.state),
      ['uploaded', 'starter'],
    );
    for (const asset of [...assets, up.json]) assertMatchesSchema('release-asset', asset);
    assertMatchesSchema('check-immutable-releases', { enabled: true, enforced_by_owner: false });

    const bodies = {
      'create-release': 'create-release-request',
      'update-release': 'update-release-request',
      'update-asset': 'update-release-asset-request',
    } as const;
    const checked = emu.requests.filter((q) => q.route in bodies);
    assert.equal(checked.length, 3);
    for (const q of checked) {
      assertMatchesSchema(bodies[q.route as keyof typeof bodies], q.body);
    }
    assert.throws(() => assertMatchesSchema('release', { ...rel.json, draft: 'no' }), /draft/);
    assert.throws(() => assertMatchesSchema('update-release-request', { make_latest: false }));
  });
});
