import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import {
  GNU,
  READ_TOKEN,
  REPO,
  publishWorld,
  type PublishWorld,
} from './support/publish-fixture.ts';

// The preflight of `upload`, `publish` and `all` (src/publish/preflight.ts), through the action
// entry against the GitHub emulator: every refusal comes before `pack` writes anything.
const worlds: PublishWorld[] = [];
after(() => Promise.all(worlds.map((w) => w.close())));
async function world(): Promise<PublishWorld> {
  const w = await publishWorld();
  worlds.push(w);
  await w.repo.binary(GNU);
  return w;
}
const dist = (w: PublishWorld) => path.join(w.repo.dir, 'dist');

/** A port on 127.0.0.1 that nothing listens on (refused at once). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('preflight: refuse before any expensive work', () => {
  test('a read-only token: PREFLIGHT naming contents: write; nothing packed, nothing written', async () => {
    const w = await world();
    const res = await w.action({ command: 'all', targets: GNU, token: READ_TOKEN });
    assert.equal(res.status, 1);
    assert.match(res.stdout, /::error::\[PREFLIGHT\].*octo\/plugin.*permissions: contents: write/);
    assert.equal(existsSync(dist(w)), false, 'pack never ran');
    assert.deepEqual(
      w.emu.requests.map((r) => r.route),
      ['get-repo'],
    );
    assert.equal(w.emu.releases(REPO).length, 0);
  });

  test('the workflow token (no permissions in GET repo): a read-only one is caught by a probe that saves nothing', async () => {
    const w = await world();
    w.emu.addToken('ghs_installationRead000000000000', 'read', { installation: true });
    w.emu.addToken('ghs_installationWrite00000000000', 'write', { installation: true });
    const refused = await w.action({
      command: 'all',
      targets: GNU,
      token: 'ghs_installationRead000000000000',
    });
    assert.equal(refused.status, 1);
    assert.match(refused.stdout, /\[PREFLIGHT\].*generate-notes.*permissions: contents: write/);
    assert.equal(existsSync(dist(w)), false);
    assert.deepEqual(
      w.emu.requests.map((r) => r.route),
      ['get-repo', 'generate-notes'],
    );
    w.emu.resetRequests();
    const ok = await w.action({
      command: 'all',
      targets: GNU,
      token: 'ghs_installationWrite00000000000',
    });
    assert.equal(ok.status, 0, ok.stdout);
    assert.equal(w.emu.releases(REPO)[0]!.draft, false);
    assert.equal(w.emu.requests.filter((r) => r.route === 'generate-notes').length, 1);
  });

  test('a repository that does not exist is named; nothing packed', async () => {
    const w = await world();
    const res = await w.action(
      { command: 'all', targets: GNU },
      { env: { GITHUB_REPOSITORY: 'octo/no-such-plugin' } },
    );
    assert.equal(res.status, 1);
    assert.match(res.stdout, /\[PREFLIGHT\] repository octo\/no-such-plugin does not exist/);
    assert.equal(existsSync(dist(w)), false);
  });

  test('no token at all: PREFLIGHT before packing', async () => {
    const w = await world();
    const res = await w.action({ command: 'all', targets: GNU, token: '' });
    assert.equal(res.status, 1);
    assert.match(res.stdout, /\[PREFLIGHT\] no token.*contents: write/);
    assert.equal(existsSync(dist(w)), false);
    assert.equal(w.emu.requests.length, 0);
  });

  test('upload and publish preflight too', async () => {
    const w = await world();
    assert.equal((await w.action({ command: 'pack', targets: GNU })).status, 0);
    for (const command of ['upload', 'publish']) {
      const res = await w.action({ command, targets: GNU, token: READ_TOKEN });
      assert.equal(res.status, 1, command);
      assert.match(res.stdout, /\[PREFLIGHT\].*permissions: contents: write/, command);
    }
    assert.equal(w.emu.releases(REPO).length, 0);
  });

  test('a refused connection is a NETWORK error naming the host and the cause, with no invented status', async () => {
    const w = await world();
    const port = await closedPort();
    const res = await w.action(
      { command: 'all', targets: GNU },
      {
        env: {
          GITHUB_API_URL: `http://127.0.0.1:${port}/api/v3`,
          PLUGIN_RELEASE_RETRY_BASE_MS: '1',
        },
      },
    );
    assert.equal(res.status, 1);
    const error = res.stdout.split('\n').find((l) => l.startsWith('::error::['))!;
    assert.match(
      error,
      new RegExp(`\\[NETWORK\\] .*cannot reach 127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`),
    );
    assert.doesNotMatch(error, /\b500\b/);
    assert.equal(existsSync(dist(w)), false);
  });
});
