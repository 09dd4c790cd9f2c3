import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, describe, test } from 'node:test';
import { EmuClient, type Json } from './support/github-emulator/index.ts';
import {
  ARM,
  GNU,
  REPO,
  TOKEN,
  publishWorld,
  type PublishWorld,
} from './support/publish-fixture.ts';
import { makePluginRepo, manifestText } from './support/fixture.ts';

// The per-job `upload` variant: build jobs attach their files to the draft, one `publish` job
// (no dist) publishes. A tarball another job attached that `nexo plugin install` would refuse
// must keep the release a draft: the draft's own assets are verified before `draft: false`.
const exec = promisify(execFile);
const ARM_TARBALL = `demo_plugin-1.2.3-${ARM}.tar.gz`;
const closers: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of closers.reverse()) await c();
});

/** The GNU job, with this action: pack + upload. Returns the world with a draft. */
async function withGnuJob(): Promise<PublishWorld> {
  const w = await publishWorld();
  closers.push(() => w.close());
  await w.repo.binary(GNU);
  for (const command of ['pack', 'upload']) {
    const res = await w.action({ command, targets: GNU });
    assert.equal(res.status, 0, res.stdout);
  }
  return w;
}

/** The ARM job, with another tool: GNU tar over a staging tree, attached over plain HTTP. */
async function attachWithOtherTool(
  w: PublishWorld,
  stage: (dir: string) => Promise<string[]>,
  sidecar?: (sha256: string) => string,
): Promise<void> {
  const dir = await fs.mkdtemp(path.join(w.repo.dir, 'other-tool-'));
  const members = await stage(dir);
  const out = path.join(dir, 'out.tar.gz');
  await exec('tar', ['-C', path.join(dir, 'stage'), '-czf', out, ...members]);
  const bytes = await fs.readFile(out);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const client = new EmuClient(w.emu, TOKEN);
  const draft = (await client.call<Json[]>('GET', `/repos/${REPO}/releases`)).json.find(
    (r) => r.draft === true,
  )!;
  assert.equal((await client.upload(draft, ARM_TARBALL, bytes)).status, 201);
  const side = sidecar ? sidecar(sha256) : `${sha256}\n`;
  assert.equal((await client.upload(draft, `${ARM_TARBALL}.sha256`, side)).status, 201);
}

async function stageTree(dir: string, extra?: (stage: string) => Promise<void>): Promise<void> {
  const stage = path.join(dir, 'stage');
  await fs.mkdir(path.join(stage, 'bin'), { recursive: true });
  await fs.writeFile(path.join(stage, 'nexo-plugin.toml'), manifestText());
  await fs.writeFile(path.join(stage, 'bin', 'demo_plugin'), '#!/bin/sh\necho arm\n', {
    mode: 0o755,
  });
  await extra?.(stage);
}

/** The publish job: a checkout without dist. */
async function publishJob(w: PublishWorld) {
  const checkout = await makePluginRepo();
  closers.push(() => checkout.cleanup());
  return w.action({ command: 'publish', targets: `${GNU},${ARM}` }, { cwd: checkout.dir });
}

function assertStillDraft(w: PublishWorld): void {
  const releases = w.emu.releases(REPO);
  assert.equal(releases.length, 1);
  assert.equal(releases[0]!.draft, true, 'nothing went live');
  assert.equal(w.emu.latestReleaseId(REPO), null);
  const publishes = w.emu.requests.filter(
    (r) => r.route === 'update-release' && (r.body as { draft?: boolean }).draft === false,
  );
  assert.equal(publishes.length, 0);
}

describe('publish verifies the draft, including what other jobs attached', () => {
  test('a symlink inside a tarball another job attached: stays a draft, VERIFY_FAILED', async () => {
    const w = await withGnuJob();
    await attachWithOtherTool(w, async (dir) => {
      await stageTree(dir, (stage) => fs.symlink('demo_plugin', path.join(stage, 'bin', 'alias')));
      return ['nexo-plugin.toml', 'bin'];
    });
    const res = await publishJob(w);
    assert.equal(res.status, 1);
    assert.match(
      res.stdout,
      new RegExp(
        `::error::\\[VERIFY_FAILED\\].*DisallowedEntryType ${ARM_TARBALL.replace(/\./g, '\\.')}`,
      ),
    );
    assertStillDraft(w);
  });

  test('a tarball made by another tool with a wrapping directory: stays a draft, VERIFY_FAILED', async () => {
    const w = await withGnuJob();
    await attachWithOtherTool(w, async (dir) => {
      await stageTree(dir);
      await fs.rename(path.join(dir, 'stage'), path.join(dir, 'demo_plugin-1.2.3'));
      await fs.mkdir(path.join(dir, 'stage'));
      await fs.rename(
        path.join(dir, 'demo_plugin-1.2.3'),
        path.join(dir, 'stage', 'demo_plugin-1.2.3'),
      );
      return ['demo_plugin-1.2.3'];
    });
    const res = await publishJob(w);
    assert.equal(res.status, 1);
    assert.match(
      res.stdout,
      new RegExp(`::error::\\[VERIFY_FAILED\\].*${ARM_TARBALL.replace(/\./g, '\\.')}`),
    );
    assertStillDraft(w);
  });

  test('a wrong sidecar another job attached: stays a draft', async () => {
    const w = await withGnuJob();
    await attachWithOtherTool(
      w,
      async (dir) => {
        await stageTree(dir);
        return ['nexo-plugin.toml', 'bin'];
      },
      (sha256) => `\ufeff${sha256}\n`,
    );
    const res = await publishJob(w);
    assert.equal(res.status, 1);
    // The sidecar's first token is not GitHub's digest of the tarball: refused as incomplete,
    // before the draft verification would report Sha256Invalid.
    assert.match(
      res.stdout,
      new RegExp(
        `::error::\\[INCOMPLETE_RELEASE\\].*${ARM_TARBALL.replace(/\./g, '\\.')}\\.sha256`,
      ),
    );
    assertStillDraft(w);
  });

  test('the same jobs with a good tarball: published', async () => {
    const w = await withGnuJob();
    await attachWithOtherTool(w, async (dir) => {
      await stageTree(dir);
      return ['nexo-plugin.toml', 'bin'];
    });
    const res = await publishJob(w);
    assert.equal(res.status, 0, res.stdout);
    assert.equal(w.emu.releases(REPO)[0]!.draft, false);
  });
});
