import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AdaptiveLimit } from '../src/github/limit.ts';
import type { ReleaseAsset } from '../src/github/types.ts';
import { listingAfter } from '../src/publish/attach.ts';
import { predictedListing, sameListing } from '../src/publish/draft-verify.ts';
import type { LocalAsset } from '../src/publish/local.ts';
import { planSync } from '../src/publish/sync.ts';
import { mapLimit } from '../src/sign/pool.ts';
import { ARM, GNU, REPO, worldsClosedAfter, uploads, writes } from './support/publish-fixture.ts';

/**
 * Issue #13: publishing with no request on the critical path that an earlier answer holds, the
 * draft verification beside the uploads, and an identical rerun that asks almost nothing.
 */
const world = worldsClosedAfter();

function local(name: string, sha: string, size = 10): LocalAsset {
  return { name, path: `/dist/${name}`, size, sha256: sha, target: null, contentType: 'x' };
}
function remote(id: number, name: string, sha: string | null, size = 10): ReleaseAsset {
  return {
    id,
    name,
    label: null,
    size,
    digest: sha === null ? null : `sha256:${sha}`,
    state: 'uploaded',
    browser_download_url: `https://example.invalid/${name}`,
    created_at: new Date().toISOString(),
  };
}

describe('publish: what the run already knows', () => {
  test('the predicted listing equals the listing the uploads answer with, and differs when GitHub stores other bytes', () => {
    const before = [remote(1, 'a', 'aa'), remote(2, 'b', 'old'), remote(3, 'keep', 'kk')];
    const files = [local('a', 'aa'), local('b', 'new'), local('c', 'cc')];
    const { items, stale } = planSync(files, before);
    assert.deepEqual(
      items.map((i) => i.action),
      ['unchanged', 'replace', 'upload'],
    );
    const predicted = predictedListing(before, stale, items);
    const answered = listingAfter(before, stale, [
      { local: files[0]!, asset: before[0]! },
      { local: files[1]!, asset: remote(7, 'b', 'new') },
      { local: files[2]!, asset: remote(8, 'c', 'cc') },
    ]);
    assert.deepEqual(answered.map((a) => a.name).sort(), ['a', 'b', 'c', 'keep']);
    assert.equal(sameListing(predicted, answered), true);
    const corrupted = answered.map((a) => (a.name === 'c' ? { ...a, digest: 'sha256:xx' } : a));
    assert.equal(sameListing(predicted, corrupted), false);
    const noDigest = answered.map((a) => (a.name === 'c' ? { ...a, digest: null } : a));
    assert.equal(sameListing(predicted, noDigest), false);
    assert.equal(sameListing(predicted, answered.slice(1)), false);
  });

  test('the upload limit halves on each rate limit, never below one, and the pool obeys it', async () => {
    const limit = new AdaptiveLimit(8);
    let inFlight = 0;
    const atStart: number[] = [];
    await mapLimit(
      Array.from({ length: 40 }, (_, i) => i),
      limit,
      async (i) => {
        atStart[i] = ++inFlight;
        await new Promise((r) => setTimeout(r, 2));
        // The first item to finish meets two rate limits.
        if (i === 0) {
          limit.backOff();
          limit.backOff();
        }
        inFlight--;
      },
    );
    assert.equal(limit.value, 2);
    // Eight at once before the back-off; once the items already running end, never above two.
    assert.equal(Math.max(...atStart.slice(0, 8)), 8);
    assert.ok(
      atStart.slice(12).every((n) => n <= 2),
      `in flight at start: ${atStart.join(' ')}`,
    );
    const tail = new AdaptiveLimit(3);
    assert.equal(tail.backOff(), 1);
    assert.equal(tail.backOff(), 1);
  });
});

describe('publish: fewer round trips, end to end', () => {
  test('first publish with the draft verification: create, uploads beside the race check, publish; no download, no asset listing before publishing', async () => {
    const w = await world();
    await w.repo.binary(GNU);
    await w.repo.binary(ARM);
    assert.equal((await w.action({ command: 'pack', targets: `${GNU},${ARM}` })).status, 0);
    w.emu.resetRequests();
    const res = await w.action({ command: 'publish', targets: `${GNU},${ARM}` });
    assert.equal(res.status, 0, res.stdout);
    const routes = w.emu.requests.filter((r) => r.origin !== 'download').map((r) => r.route);
    const create = routes.indexOf('create-release');
    const publish = routes.findIndex((r) => r === 'update-release');
    // The preflight's probe and the release list went out together, before the create.
    assert.deepEqual(routes.slice(0, create).sort(), ['get-repo', 'list-releases']);
    // After the create: the race check and the 5 uploads, then the publish; no listing between.
    assert.deepEqual(
      routes.slice(create + 1, publish).sort(),
      ['list-releases', ...Array(5).fill('upload-asset')].sort(),
    );
    // Then the post-publish check's three reads and nothing else: verify reused the draft's
    // verdict, and nothing was downloaded at any point.
    assert.deepEqual(routes.slice(publish + 1).sort(), [
      'get-latest',
      'get-release-by-tag',
      'list-assets',
    ]);
    assert.equal(w.emu.requests.filter((r) => r.origin === 'download').length, 0);
    assert.match(res.stdout, /the draft passed \d+ checks, failed 0 .*judged beside the uploads/);
    const report = JSON.parse(res.outputs.report!) as { ok: boolean; stage: string };
    assert.equal(report.ok, true);
    assert.equal(report.stage, 'published');

    // An identical rerun, verify on: three reads and the latest check, no upload, no download.
    w.emu.resetRequests();
    const again = await w.action({ command: 'publish', targets: `${GNU},${ARM}` });
    assert.equal(again.status, 0, again.stdout);
    assert.equal(uploads(w.emu), 0);
    assert.equal(writes(w.emu), 0);
    assert.deepEqual(w.emu.requests.map((r) => r.route).sort(), [
      'get-latest',
      'get-repo',
      'list-assets',
      'list-releases',
    ]);
    assert.match(again.stdout, /judging the local bytes, nothing downloaded/);
    assert.equal((JSON.parse(again.outputs.report!) as { ok: boolean }).ok, true);

    // verify: false: the rerun is the three reads only.
    w.emu.resetRequests();
    const quiet = await w.action({
      command: 'publish',
      targets: `${GNU},${ARM}`,
      verify: 'false',
    });
    assert.equal(quiet.status, 0, quiet.stdout);
    assert.deepEqual(w.emu.requests.map((r) => r.route).sort(), [
      'get-repo',
      'list-assets',
      'list-releases',
    ]);
  });

  test('a secondary rate limit on an upload halves the uploads in flight for the rest of the run', async () => {
    const w = await world();
    await w.repo.binary(GNU);
    await w.repo.binary(ARM);
    assert.equal((await w.action({ command: 'pack', targets: `${GNU},${ARM}` })).status, 0);
    w.emu.faults.add({ route: 'upload-asset', kind: 'secondary-403', retryAfter: 0 });
    const res = await w.action(
      { command: 'publish', targets: `${GNU},${ARM}`, concurrency: '8' },
      { env: { PLUGIN_RELEASE_RETRY_BASE_MS: '5' } },
    );
    assert.equal(res.status, 0, res.stdout);
    assert.match(res.stdout, /GitHub asked to slow down: at most 4 uploads at a time now/);
    assert.equal(w.emu.faults.pending().length, 0, 'the fault fired');
    const rel = w.emu.releases(REPO)[0]!;
    assert.equal(rel.draft, false);
    assert.equal(rel.assets.length, 5);
  });
});
