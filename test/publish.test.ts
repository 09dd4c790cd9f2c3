import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { assertMatchesSchema } from './support/github-emulator/index.ts';
import {
  ARM,
  GNU,
  MAC,
  MAC_X86,
  READ_TOKEN,
  REPO,
  TOKEN,
  worldsClosedAfter,
  uploads,
  writeChangelog,
  writes,
  type PublishWorld,
} from './support/publish-fixture.ts';
import { makePluginRepo, runAction } from './support/fixture.ts';

const world = worldsClosedAfter();
const TARBALL = `demo_plugin-1.2.3-${GNU}.tar.gz`;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('publish: first release and reruns', () => {
  test('first release: draft, every asset, published, outputs and summary; request budget', async () => {
    const w = await world();
    await w.repo.binary(GNU);
    await w.repo.binary(ARM);
    const res = await w.action({ command: 'all', targets: `${GNU} ${ARM}`, verify: 'false' });
    assert.equal(res.status, 0, res.stdout);
    const [rel, ...others] = w.emu.releases(REPO);
    assert.equal(others.length, 0);
    assert.equal(rel!.draft, false);
    assert.equal(rel!.tag_name, 'v1.2.3');
    const names = rel!.assets.map((a) => a.name).sort();
    assert.deepEqual(
      names,
      [
        'nexo-plugin.toml',
        `demo_plugin-1.2.3-${ARM}.tar.gz`,
        `demo_plugin-1.2.3-${ARM}.tar.gz.sha256`,
        TARBALL,
        `${TARBALL}.sha256`,
      ].sort(),
    );
    // GitHub's digest of every asset equals the bytes on disk.
    for (const a of rel!.assets) {
      const local =
        a.name === 'nexo-plugin.toml'
          ? path.join(w.repo.dir, 'nexo-plugin.toml')
          : path.join(w.repo.dir, 'dist', a.name);
      assert.equal(a.digest, `sha256:${sha(await fs.readFile(local))}`);
    }
    // Created as a draft first, published once at the end.
    const creates = w.emu.requests.filter((r) => r.route === 'create-release');
    assert.equal(creates.length, 1);
    assert.equal((creates[0]!.body as { draft: boolean }).draft, true);
    const publishes = w.emu.requests.filter(
      (r) => r.route === 'update-release' && (r.body as { draft?: boolean }).draft === false,
    );
    assert.equal(publishes.length, 1);
    assert.ok(
      w.emu.requests.indexOf(publishes[0]!) >
        w.emu.requests.findLastIndex((r) => r.route === 'upload-asset'),
    );
    // Request bodies the production code sent conform to GitHub's OpenAPI schemas.
    assertMatchesSchema('create-release-request', creates[0]!.body);
    assertMatchesSchema('update-release-request', publishes[0]!.body);
    // N + 8 at most for N assets: the release list, the create and the race check beside the
    // uploads, N uploads, the publish; the preflight's GET repo; and the post-publish check's
    // three reads (by tag, latest, assets). Nothing lists the assets the uploads answered with.
    const apiRequests = w.emu.requests.filter((r) => r.origin !== 'download').length;
    assert.ok(apiRequests <= 5 + 8, `${apiRequests} requests`);
    assert.equal(
      w.emu.requests.findIndex((r) => r.route === 'list-assets') >
        w.emu.requests.indexOf(publishes[0]!),
      true,
      'the only asset listing is the post-publish check',
    );
    assert.equal(res.outputs['release-id'], String(rel!.id));
    assert.match(res.outputs['release-url']!, /\/octo\/plugin\/releases\/tag\/v1\.2\.3$/);
    const assets = JSON.parse(res.outputs.assets!) as {
      name: string;
      url: string;
      action: string;
      sha256: string;
    }[];
    assert.equal(assets.length, 5);
    assert.ok(
      assets.every((a) => a.action === 'uploaded' && a.url.startsWith(w.emu.downloadOrigin)),
    );
    assert.match(res.summary, /### Release \[v1\.2\.3\]\(http/);
    assert.match(
      res.summary,
      new RegExp(
        `\\| \\[${TARBALL.replace(/\./g, '\\.')}\\]\\(.*\\) \\| .* \\| \`[0-9a-f]{64}\` \\| uploaded \\|`,
      ),
    );
    assert.equal(w.emu.latestReleaseId(REPO), rel!.id);

    // Identical rerun: reproducible archives upload nothing.
    w.emu.resetRequests();
    const again = await w.action({ command: 'all', targets: `${GNU} ${ARM}`, verify: 'false' });
    assert.equal(again.status, 0, again.stdout);
    assert.equal(uploads(w.emu), 0);
    assert.equal(writes(w.emu), 0);
    assert.ok(w.emu.requests.length <= 3, `${w.emu.requests.length} requests`);
    assert.ok(
      (JSON.parse(again.outputs.assets!) as { action: string }[]).every(
        (a) => a.action === 'unchanged',
      ),
    );
    assert.equal(w.emu.releases(REPO).length, 1);
  });

  test('rerun with one changed tarball: replaced through a temporary name, old bytes never gone', async () => {
    const w = await world();
    await w.repo.binary(GNU);
    assert.equal((await w.action({ command: 'all', targets: GNU })).status, 0);
    const before = w.emu.releases(REPO)[0]!.assets.find((a) => a.name === TARBALL)!;
    await w.repo.binary(GNU, '#!/bin/sh\necho changed\n');
    const holders: string[][] = [];
    w.emu.onEvent(() => {
      // At every change on the server, some asset still holds the old or the new tarball bytes.
      const assets = w.emu.releases(REPO)[0]!.assets;
      holders.push(
        assets
          .filter((a) => a.name === TARBALL || a.name.startsWith(`${TARBALL}.partial-`))
          .map((a) => `${a.name}:${a.state}`),
      );
    });
    const res = await w.action({ command: 'all', targets: GNU });
    assert.equal(res.status, 0, res.stdout);
    const after = w.emu.releases(REPO)[0]!.assets.find((a) => a.name === TARBALL)!;
    const local = await fs.readFile(path.join(w.repo.dir, 'dist', TARBALL));
    assert.equal(after.digest, `sha256:${sha(local)}`);
    assert.notEqual(after.digest, before.digest);
    assert.ok(holders.length > 0);
    assert.ok(
      holders.every((h) => h.some((x) => x.endsWith(':uploaded'))),
      JSON.stringify(holders),
    );
    assert.ok(!w.emu.releases(REPO)[0]!.assets.some((a) => a.name.includes('.partial-')));
    const actions = Object.fromEntries(
      (JSON.parse(res.outputs.assets!) as { name: string; action: string }[]).map((a) => [
        a.name,
        a.action,
      ]),
    );
    assert.equal(actions[TARBALL], 'replaced');
    assert.equal(actions[`${TARBALL}.sha256`], 'replaced');
    assert.equal(actions['nexo-plugin.toml'], 'unchanged');
    // The temporary asset existed before the old one was deleted.
    const order = w.emu.requests
      .filter(
        (r) =>
          ['upload-asset', 'delete-asset', 'update-asset'].includes(r.route) && r.path.includes(''),
      )
      .map((r) => r.route);
    assert.ok(order.indexOf('upload-asset') < order.indexOf('delete-asset'));
  });

  test('a draft left by a failed run is found (not by tag) and reused', async () => {
    const w = await world();
    await w.repo.binary(GNU);
    const seeded = w.emu.seedRelease(REPO, {
      tag_name: 'v1.2.3',
      draft: true,
      name: 'kept title',
      body: 'kept notes',
      assets: [
        { name: 'nexo-plugin.toml', content: 'stale', state: 'uploaded' },
        { name: TARBALL, content: '', state: 'starter' },
      ],
    });
    const res = await w.action({ command: 'all', targets: GNU });
    assert.equal(res.status, 0, res.stdout);
    const rels = w.emu.releases(REPO);
    assert.equal(rels.length, 1);
    assert.equal(rels[0]!.id, seeded.id);
    assert.equal(rels[0]!.draft, false);
    assert.equal(rels[0]!.name, 'kept title');
    assert.equal(rels[0]!.body, 'kept notes');
    assert.ok(rels[0]!.assets.every((a) => a.state === 'uploaded'));
    assert.equal(
      rels[0]!.assets.find((a) => a.name === 'nexo-plugin.toml')!.digest,
      `sha256:${sha(await fs.readFile(path.join(w.repo.dir, 'nexo-plugin.toml')))}`,
    );
  });

  test('temporary assets left by a crashed run are cleaned up', async () => {
    const w = await world();
    await w.repo.binary(GNU);
    w.emu.seedRelease(REPO, {
      tag_name: 'v1.2.3',
      draft: true,
      assets: [
        { name: `${TARBALL}.partial-abc123-0f0f0f0f`, content: 'half' },
        { name: 'unrelated.partial-zz-11', content: 'x' },
      ],
    });
    const res = await w.action({ command: 'all', targets: GNU });
    assert.equal(res.status, 0, res.stdout);
    const names = w.emu.releases(REPO)[0]!.assets.map((a) => a.name);
    assert.ok(!names.includes(`${TARBALL}.partial-abc123-0f0f0f0f`));
    assert.ok(
      names.includes('unrelated.partial-zz-11'),
      'a fresh temporary asset of another name is not ours to delete',
    );
  });

  test('overwrite-notes replaces the notes of an existing release; changelog notes', async () => {
    const w = await world();
    await w.repo.binary(GNU);
    await writeChangelog(
      w.repo.dir,
      '# Changelog\n\n## [Unreleased]\n\n## [1.2.3] - 2026-11-01\n\n### Fixed\n\n- the thing\n\n## [1.2.2]\n\n- older\n',
    );
    w.emu.seedRelease(REPO, { tag_name: 'v1.2.3', draft: true, body: 'old' });
    assert.equal(
      (await w.action({ command: 'publish', targets: GNU, notes: 'changelog' }, {})).status,
      1,
      'nothing packed yet',
    );
    assert.equal((await w.action({ command: 'all', targets: GNU, notes: 'changelog' })).status, 0);
    assert.equal(w.emu.releases(REPO)[0]!.body, 'old', 'notes are kept by default');
    assert.equal(
      (
        await w.action({
          command: 'all',
          targets: GNU,
          notes: 'changelog',
          'overwrite-notes': 'true',
        })
      ).status,
      0,
    );
    assert.equal(w.emu.releases(REPO)[0]!.body, '### Fixed\n\n- the thing');
    assert.equal(
      (await w.action({ command: 'all', targets: GNU, 'overwrite-notes': 'true' })).status,
      0,
    );
    const generated = w.emu.releases(REPO)[0]!.body!;
    assert.notEqual(generated, '### Fixed\n\n- the thing');
    assert.ok(w.emu.requests.some((r) => r.route === 'generate-notes'));
  });
});

describe('publish: matrix jobs', () => {
  test('four concurrent uploads for four targets, then one publish: one release, published once', async () => {
    const w = await world({ raceWindowMs: 3000 });
    const targets = [GNU, ARM, MAC, MAC_X86];
    const jobs = await Promise.all(
      targets.map(async (t) => {
        const r = await makePluginRepo();
        await r.binary(t);
        return { r, t };
      }),
    );
    try {
      for (const j of jobs)
        assert.equal(
          (await w.action({ command: 'pack', targets: j.t }, { cwd: j.r.dir })).status,
          0,
        );
      const results = await Promise.all(
        jobs.map((j) => w.action({ command: 'upload', targets: j.t }, { cwd: j.r.dir })),
      );
      for (const res of results) assert.equal(res.status, 0, res.stdout);
      assert.ok(
        w.emu.requests.filter((r) => r.route === 'create-release').length >= 2,
        'the race window produced competing creates',
      );
      // The publish job downloads every build's dist.
      const dist = path.join(w.repo.dir, 'dist');
      await fs.mkdir(dist, { recursive: true });
      for (const j of jobs)
        for (const f of await fs.readdir(path.join(j.r.dir, 'dist')))
          await fs.copyFile(path.join(j.r.dir, 'dist', f), path.join(dist, f));
      const pub = await w.action({ command: 'publish', targets: targets.join(',') });
      assert.equal(pub.status, 0, pub.stdout);
      const rels = w.emu.releases(REPO);
      assert.equal(rels.length, 1, `releases: ${rels.map((r) => `${r.id}:${r.draft}`).join(' ')}`);
      assert.equal(rels[0]!.draft, false);
      assert.equal(rels[0]!.assets.length, 1 + targets.length * 2);
      assert.equal(
        w.emu.requests.filter(
          (r) => r.route === 'update-release' && (r.body as { draft?: boolean }).draft === false,
        ).length,
        1,
      );
    } finally {
      await Promise.all(jobs.map((j) => j.r.cleanup()));
    }
  });

  test('publish refuses an incomplete release and leaves it a draft', async () => {
    const w = await world();
    await w.repo.binary(GNU);
    const res = await w.action({ command: 'all', targets: `${GNU},${ARM}` }).catch(() => undefined);
    assert.equal(res!.status, 1, 'ARM was never built');
    const pack = await w.action({ command: 'pack', targets: GNU });
    assert.equal(pack.status, 0);
    const pub = await w.action({ command: 'publish', targets: `${GNU},${ARM}` });
    assert.equal(pub.status, 1);
    assert.match(
      pub.stdout,
      /\[INCOMPLETE_RELEASE\].*demo_plugin-1\.2\.3-aarch64-unknown-linux-gnu\.tar\.gz is missing/,
    );
    assert.equal(w.emu.releases(REPO)[0]!.draft, true);
    assert.equal(w.emu.latestReleaseId(REPO), null);
  });
});

describe('publish: faults are recovered', () => {
  const cases: [string, Parameters<PublishWorld['emu']['faults']['add']>[0]][] = [
    [
      '502 leaving starter debris',
      { route: 'upload-asset', kind: '502-starter', match: (i) => i.name === TARBALL },
    ],
    [
      '500 after storing',
      { route: 'upload-asset', kind: '500-stored', match: (i) => i.name === TARBALL },
    ],
    [
      'secondary limit 403 with retry-after',
      { route: 'upload-asset', kind: 'secondary-403', retryAfter: 0 },
    ],
    ['secondary limit 429', { route: 'list-releases', kind: 'secondary-429', retryAfter: 0 }],
    ['primary limit with reset', { route: 'create-release', kind: 'primary', resetSeconds: 0 }],
    [
      'connection reset mid upload',
      { route: 'upload-asset', kind: 'reset', match: (i) => i.name === TARBALL },
    ],
    [
      'connection reset leaving starter',
      {
        route: 'upload-asset',
        kind: 'reset',
        leaveStarter: true,
        match: (i) => i.name === TARBALL,
      },
    ],
    ['latency', { route: 'upload-asset', kind: 'latency', ms: 300 }],
    ['5xx on publish', { route: 'update-release', kind: 'status', status: 503, times: 2 }],
  ];
  for (const [name, fault] of cases) {
    test(name, async () => {
      const w = await world();
      await w.repo.binary(GNU);
      w.emu.faults.add(fault);
      const res = await w.action({ command: 'all', targets: GNU });
      assert.equal(res.status, 0, res.stdout);
      assert.equal(w.emu.faults.pending().length, 0, 'the fault fired');
      const rel = w.emu.releases(REPO)[0]!;
      assert.equal(rel.draft, false);
      const tarball = rel.assets.filter((a) => a.name === TARBALL);
      assert.equal(tarball.length, 1);
      assert.equal(tarball[0]!.state, 'uploaded');
      assert.equal(
        tarball[0]!.digest,
        `sha256:${sha(await fs.readFile(path.join(w.repo.dir, 'dist', TARBALL)))}`,
      );
      assert.equal(rel.assets.length, 3);
    });
  }

  test('a permanent fault fails the run, the release stays a draft, no good asset is lost', async () => {
    const w = await world();
    await w.repo.binary(GNU);
    w.emu.faults.add({
      route: 'upload-asset',
      kind: 'status',
      status: 502,
      times: 1000,
      match: (i) => i.name === `${TARBALL}.sha256`,
    });
    const res = await w.action({ command: 'all', targets: GNU });
    assert.equal(res.status, 1);
    assert.match(
      res.stdout,
      /::error::\[GITHUB_API\] upload demo_plugin-1\.2\.3-x86_64-unknown-linux-gnu\.tar\.gz\.sha256: 502/,
    );
    assert.equal(w.emu.releases(REPO)[0]!.draft, true);
    assert.equal(w.emu.latestReleaseId(REPO), null);
    w.emu.faults.clear();
    // A good published release, then a rerun with new bytes whose upload keeps failing.
    assert.equal((await w.action({ command: 'all', targets: GNU })).status, 0);
    const good = w.emu.releases(REPO)[0]!.assets.find((a) => a.name === TARBALL)!;
    await w.repo.binary(GNU, 'different');
    w.emu.faults.add({ route: 'upload-asset', kind: 'status', status: 500, times: 1000 });
    const failed = await w.action({ command: 'all', targets: GNU });
    assert.equal(failed.status, 1);
    const still = w.emu.releases(REPO)[0]!.assets.find((a) => a.name === TARBALL)!;
    assert.equal(still.id, good.id);
    assert.equal(still.digest, good.digest);
    assert.equal(w.emu.releases(REPO)[0]!.draft, false);
  });
});

describe('publish: immutable releases, latest, refusals, tokens', () => {
  test('immutable: an identical rerun succeeds, a changed one fails explaining the version is burned', async () => {
    const w = await world({ immutable: true });
    await w.repo.binary(GNU);
    assert.equal((await w.action({ command: 'all', targets: GNU })).status, 0);
    assert.equal(w.emu.releases(REPO)[0]!.immutable, true);
    const same = await w.action({ command: 'all', targets: GNU });
    assert.equal(same.status, 0, same.stdout);
    assert.match(same.stdout, /::notice::.*immutable.*nothing to do/);
    await w.repo.binary(GNU, 'changed');
    w.emu.resetRequests();
    const changed = await w.action({ command: 'all', targets: GNU });
    assert.equal(changed.status, 1);
    assert.match(
      changed.stdout,
      /\[RELEASE_IMMUTABLE\].*demo_plugin-1\.2\.3-x86_64-unknown-linux-gnu\.tar\.gz \(different bytes\).*burned.*new release/,
    );
    assert.equal(writes(w.emu), 0);
  });

  test('workflow_dispatch: GITHUB_REF is a branch, the tag input wins', async () => {
    const w = await world();
    await w.repo.binary(GNU);
    const res = await w.action(
      { command: 'all', targets: GNU, tag: 'v1.2.3' },
      { env: { GITHUB_REF: 'refs/heads/main', GITHUB_EVENT_NAME: 'workflow_dispatch' } },
    );
    assert.equal(res.status, 0, res.stdout);
    assert.equal(w.emu.releases(REPO)[0]!.tag_name, 'v1.2.3');
  });

  test('a backport does not become latest; prereleases never do', async () => {
    const w = await world();
    w.emu.seedRelease(REPO, { tag_name: 'v2.0.0', draft: false });
    const latest = w.emu.latestReleaseId(REPO);
    await w.repo.binary(GNU);
    const res = await w.action({ command: 'all', targets: GNU });
    assert.equal(res.status, 0, res.stdout);
    const patch = w.emu.requests.find((r) => r.route === 'update-release')!;
    assert.equal((patch.body as { make_latest: string }).make_latest, 'false');
    assert.equal(w.emu.latestReleaseId(REPO), latest);
    const pre = await world({ version: '3.0.0-rc.1' });
    await pre.repo.binary(GNU);
    assert.equal((await pre.action({ command: 'all', targets: GNU })).status, 0);
    const rel = pre.emu.releases(REPO)[0]!;
    assert.equal(rel.prerelease, true);
    assert.equal(pre.emu.latestReleaseId(REPO), null);
  });

  test('a name GitHub would rewrite is refused before any request that changes GitHub', async () => {
    const w = await world();
    await w.repo.binary(GNU);
    assert.equal((await w.action({ command: 'pack', targets: GNU })).status, 0);
    await fs.writeFile(path.join(w.repo.dir, 'dist', 'demo_plugin-1.2.3-x86_64 linux.tar.gz'), 'x');
    w.emu.resetRequests();
    const res = await w.action({ command: 'publish', targets: GNU });
    assert.equal(res.status, 1);
    assert.match(
      res.stdout,
      /\[ASSET_NAME\].*'demo_plugin-1\.2\.3-x86_64 linux\.tar\.gz'.*rewrites the character " "/,
    );
    // Only the preflight's reads went out: the repository, and the release list beside it.
    assert.deepEqual(w.emu.requests.map((r) => r.route).sort(), ['get-repo', 'list-releases']);
  });

  test('more than 1000 assets (counting existing ones) is refused before any upload', async () => {
    const w = await world();
    await w.repo.binary(GNU);
    w.emu.seedRelease(REPO, {
      tag_name: 'v1.2.3',
      draft: true,
      assets: Array.from({ length: 998 }, (_, i) => ({ name: `other-${i}.txt`, content: 'x' })),
    });
    w.emu.resetRequests();
    const res = await w.action({ command: 'all', targets: GNU });
    assert.equal(res.status, 1);
    assert.match(res.stdout, /\[TOO_MANY_ASSETS\] the release would hold 1001 assets.*1000/);
    assert.equal(uploads(w.emu), 0);
  });

  test('an asset over 2 GiB is refused before anything is uploaded', async () => {
    const w = await world();
    await w.repo.binary(GNU);
    assert.equal((await w.action({ command: 'pack', targets: GNU })).status, 0);
    await fs.truncate(path.join(w.repo.dir, 'dist', TARBALL), 2 * 1024 * 1024 * 1024 + 1);
    w.emu.resetRequests();
    const res = await w.action({ command: 'publish', targets: GNU });
    assert.match(res.stdout, /\[ASSET_TOO_LARGE\].*2 GiB/);
    // Only the preflight's reads went out: the repository, and the release list beside it.
    assert.deepEqual(w.emu.requests.map((r) => r.route).sort(), ['get-repo', 'list-releases']);
  });

  test('a read-only token gets the permissions message; the token never appears in output', async () => {
    const w = await world();
    await w.repo.binary(GNU);
    const res = await w.action({ command: 'all', targets: GNU, token: READ_TOKEN });
    assert.equal(res.status, 1);
    // Caught by the preflight, before anything is packed (test/preflight.test.ts).
    assert.match(res.stdout, /\[PREFLIGHT\].*cannot write.*permissions: contents: write/);
    assert.equal(w.emu.releases(REPO).length, 0);
    const bad = await w.action({ command: 'all', targets: GNU, token: 'ghs_unknownToken' });
    assert.match(bad.stdout, /\[AUTH\].*401/);
    for (const text of w.transcript) {
      for (const secret of [TOKEN, READ_TOKEN, 'ghs_unknownToken']) {
        assert.equal(
          text.replaceAll(`::add-mask::${secret}`, '').includes(secret),
          false,
          `token leaked: ${text.slice(0, 200)}`,
        );
      }
    }
  });

  test('dry-run prints the whole plan and changes nothing on GitHub', async () => {
    const w = await world();
    await w.repo.binary(GNU);
    const res = await w.action({ command: 'all', targets: GNU, 'dry-run': 'true' });
    assert.equal(res.status, 0, res.stdout);
    assert.match(res.stdout, /dry-run: would create draft release v1\.2\.3/);
    assert.match(res.stdout, new RegExp(`dry-run: would upload ${TARBALL.replace(/\./g, '\\.')} `));
    assert.equal(writes(w.emu), 0);
    assert.equal(w.emu.releases(REPO).length, 0);
  });

  test('the CLI publishes too (GITHUB_TOKEN from the environment)', async () => {
    const w = await world();
    await w.repo.binary(GNU);
    const { runCli } = await import('./support/fixture.ts');
    const res = await runCli(['all', '--targets', GNU, '--tag', 'v1.2.3'], {
      cwd: w.repo.dir,
      env: { ...w.env, GITHUB_TOKEN: TOKEN },
    });
    assert.equal(res.status, 0, res.stderr);
    assert.equal(w.emu.releases(REPO)[0]!.draft, false);
    assert.equal(res.stderr.includes(TOKEN) || res.stdout.includes(TOKEN), false);
  });
});

void runAction;
