import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import {
  ARM,
  GNU,
  REPO,
  TOKEN,
  publishWorld,
  type PublishWorld,
} from './support/publish-fixture.ts';
import { INPUT_USAGE } from '../src/input-usage.ts';
import { INPUTS } from '../src/inputs.ts';
import { runCli } from './support/fixture.ts';
import { EmuClient } from './support/github-emulator/index.ts';

// What a publish run tells its user after the release is live, through the action entry against
// the GitHub emulator: outputs and summary links that work for everyone, the post-publish check,
// and warnings for inputs that do nothing and for new bytes under a published version.
const worlds: PublishWorld[] = [];
after(() => Promise.all(worlds.map((w) => w.close())));
async function world(): Promise<PublishWorld> {
  const w = await publishWorld();
  worlds.push(w);
  await w.repo.binary(GNU);
  await w.repo.binary(ARM);
  return w;
}

function urlsOf(res: { outputs: Record<string, string>; summary: string }): string[] {
  const assets = JSON.parse(res.outputs.assets!) as { url: string }[];
  const links = [...res.summary.matchAll(/\]\((https?:[^)\s]+)\)/g)].map((m) => m[1]!);
  return [res.outputs['release-url']!, ...assets.map((a) => a.url), ...links];
}

describe('after publishing', () => {
  test('first publish: every URL in the outputs and the summary answers 200 for anyone', async () => {
    const w = await world();
    const res = await w.action({ command: 'all', targets: `${GNU},${ARM}` });
    assert.equal(res.status, 0, res.stdout);
    const rel = w.emu.releases(REPO)[0]!;
    assert.equal(rel.draft, false);
    const urls = urlsOf(res);
    // release-url, 5 assets in the output, the release link and 5 asset links in the summary.
    assert.equal(urls.length, 1 + 5 + 1 + 5, urls.join('\n'));
    for (const url of urls) {
      assert.doesNotMatch(url, /untagged-/, url);
      const got = await fetch(url, { redirect: 'follow' });
      assert.equal(got.status, 200, url);
      await got.arrayBuffer();
    }
    const tarball = `demo_plugin-1.2.3-${GNU}.tar.gz`;
    assert.ok(
      urls.includes(`${w.emu.downloadOrigin}/${REPO}/releases/download/v1.2.3/${tarball}`),
      urls.join('\n'),
    );
    assert.match(
      res.stdout,
      /publish: v1\.2\.3 is visible by tag and is latest, with its 5 assets unchanged/,
    );
  });

  test('an asset removed while publishing: the post-publish check fails naming it', async () => {
    const w = await world();
    const client = new EmuClient(w.emu, TOKEN);
    const sidecar = `demo_plugin-1.2.3-${GNU}.tar.gz.sha256`;
    // Another hand deletes the sidecar the moment the release goes live; the post-check's reads
    // are slowed down so that the deletion lands first.
    w.emu.onEvent((e) => {
      if (e.type !== 'release-published') return;
      const id = w.emu.releases(REPO)[0]!.assets.find((a) => a.name === sidecar)!.id;
      void client.call('DELETE', `/repos/${REPO}/releases/assets/${id}`);
    });
    w.emu.faults.add({ route: 'get-release-by-tag', kind: 'latency', ms: 1000, times: 1 });
    const res = await w.action({ command: 'all', targets: GNU, verify: 'false' });
    assert.equal(res.status, 1);
    assert.match(
      res.stdout,
      new RegExp(
        `::error::\\[VERIFY_FAILED\\] v1\\.2\\.3 is published, but .*the assets changed while publishing: ${sidecar.replace(/\./g, '\\.')} .* is gone`,
      ),
    );
  });

  test('draft: true keeps the draft addresses (nothing was published) and runs no post-check', async () => {
    const w = await world();
    const res = await w.action({ command: 'all', targets: GNU, draft: 'true', verify: 'false' });
    assert.equal(res.status, 0, res.stdout);
    const assets = JSON.parse(res.outputs.assets!) as { url: string }[];
    assert.ok(assets.every((a) => /untagged-/.test(a.url)));
    assert.equal(w.emu.requests.filter((r) => r.route === 'get-release-by-tag').length, 0);
  });

  test('new bytes under a published version: a warning that installed copies keep the old bytes', async () => {
    const w = await world();
    assert.equal((await w.action({ command: 'all', targets: GNU })).status, 0);
    await w.repo.binary(GNU, '#!/bin/sh\necho fixed\n');
    const res = await w.action({ command: 'all', targets: GNU });
    assert.equal(res.status, 0, res.stdout);
    assert.match(
      res.stdout,
      /::warning::replacing 2 assets of v1\.2\.3, which is already published: .*keep the old bytes.*bumping the version/,
    );
    // A draft is nobody's installed version: replacing its assets says nothing.
    const w2 = await world();
    assert.equal((await w2.action({ command: 'all', targets: GNU, draft: 'true' })).status, 0);
    await w2.repo.binary(GNU, '#!/bin/sh\necho fixed\n');
    const draft = await w2.action({ command: 'all', targets: GNU, draft: 'true' });
    assert.equal(draft.status, 0, draft.stdout);
    assert.doesNotMatch(draft.stdout, /already published/);
  });
});

describe('inputs the command does not use', () => {
  test('every input has a row in the usage table', () => {
    assert.deepEqual(Object.keys(INPUT_USAGE).sort(), INPUTS.map((i) => i.name).sort());
  });

  test('action: binary given to publish is a warning naming it; pack uses it silently', async () => {
    const w = await world();
    const pack = await w.action({
      command: 'pack',
      targets: GNU,
      binary: 'target/{target}/release/{id}',
      'compression-level': '9',
    });
    assert.equal(pack.status, 0, pack.stdout);
    assert.doesNotMatch(pack.stdout, /::warning::input/);
    const res = await w.action({ command: 'publish', targets: GNU, binary: 'build/{id}' });
    assert.equal(res.status, 0, res.stdout);
    assert.match(
      res.stdout,
      /::warning::input 'binary' is set, but command 'publish' does not use it/,
    );
    assert.doesNotMatch(res.stdout, /::warning::input '(?!binary)/);
  });

  test('CLI: the same warning on stderr', async () => {
    const w = await world();
    const res = await runCli(
      ['validate', '--tag', 'v1.2.3', '--draft', 'true', '--compression-level', '6'],
      { cwd: w.repo.dir, env: { ...w.env, GITHUB_TOKEN: TOKEN } },
    );
    assert.equal(res.status, 0, res.stderr);
    assert.match(
      res.stderr,
      /warning: input 'draft' is set, but command 'validate' does not use it/,
    );
    // compression-level equals its default: nothing to say.
    assert.doesNotMatch(res.stderr, /compression-level/);
  });
});
