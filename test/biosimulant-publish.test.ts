import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { runAction, runCli } from './support/fixture.ts';
import { makeBsiRepo, opensslKey, type BsiRepo } from './support/biosimulant.ts';
import { startGitHubEmulator, type GitHubEmulator } from './support/github-emulator/index.ts';
import { readZipWithPython } from './support/zip-tools.ts';

/**
 * The Biosimulant profile through the real entry points (node dist/index.js with INPUT_*
 * variables, and the CLI) against the GitHub emulator, with `ecosystem` left to auto-detect.
 */
const REPO = 'lab/cell-counter';
const TOKEN = 'ghs_writeTokenForBiosimulantTests01';
const PKG = 'cell-counter-1.2.0.bsiplugin';
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface World {
  emu: GitHubEmulator;
  repo: BsiRepo;
  env: Record<string, string>;
  key: ReturnType<typeof opensslKey>;
}

const emulators: GitHubEmulator[] = [];
after(() => Promise.all(emulators.map((e) => e.close())));

async function world(): Promise<World> {
  const emu = await startGitHubEmulator({});
  emulators.push(emu);
  emu.addRepo(REPO, { immutableReleases: false });
  emu.addToken(TOKEN, 'write');
  const repo = await makeBsiRepo();
  const key = opensslKey(await fs.mkdtemp(path.join(os.tmpdir(), 'bsi-key-')));
  const env = {
    GITHUB_API_URL: emu.apiUrl,
    GITHUB_SERVER_URL: emu.downloadOrigin,
    GITHUB_REPOSITORY: REPO,
    GITHUB_REF: 'refs/tags/v1.2.0',
    PLUGIN_RELEASE_RETRY_BASE_MS: '5',
    SOURCE_DATE_EPOCH: '1700000000',
  };
  return { emu, repo, env, key };
}

function action(w: World, inputs: Record<string, string>, env: Record<string, string> = {}) {
  return runAction({ token: TOKEN, ...inputs }, { cwd: w.repo.dir, env: { ...w.env, ...env } });
}

describe('biosimulant through the action entry', () => {
  test('command: all publishes the signed .bsiplugin and its .sha256; outputs; verified', async () => {
    const w = await world();
    const res = await action(w, {
      command: 'all',
      'signing-key': w.key.pem,
      'signer-id': 'acme-lab',
    });
    assert.equal(res.status, 0, `${res.stdout}\n${res.stderr}`);
    // The key appears only in the runner's mask commands, never in what a log shows.
    const secretLine = w.key.pem.split('\n')[1]!;
    const shown = `${res.stdout}${res.stderr}${res.summary}`
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    assert.match(res.stdout, /::add-mask::/);
    assert.equal(shown.includes(secretLine), false);
    assert.equal(res.outputs.tag, 'v1.2.0');
    assert.equal(res.outputs.version, '1.2.0');
    assert.equal(res.outputs.id, 'cell-counter');
    assert.equal(res.outputs.prerelease, 'false');
    const assets = JSON.parse(res.outputs.assets!) as { name: string; sha256: string }[];
    assert.deepEqual(assets.map((a) => a.name).sort(), [PKG, `${PKG}.sha256`]);
    const [rel, ...others] = w.emu.releases(REPO);
    assert.equal(others.length, 0);
    assert.equal(rel!.draft, false);
    assert.deepEqual(rel!.assets.map((a) => a.name).sort(), [PKG, `${PKG}.sha256`]);
    const bytes = await fs.readFile(path.join(w.repo.dir, 'dist', PKG));
    const onRelease = rel!.assets.find((a) => a.name === PKG)!;
    assert.equal(onRelease.digest, `sha256:${sha(bytes)}`);
    const report = JSON.parse(res.outputs.report!) as {
      ok: boolean;
      ecosystem: string;
      checks: { code?: string; status: string }[];
    };
    assert.equal(report.ok, true);
    assert.equal(report.ecosystem, 'biosimulant');
    assert.ok(report.checks.some((c) => c.status === 'pass'));
    const py = await readZipWithPython(path.join(w.repo.dir, 'dist', PKG));
    assert.ok(py.members.some((m) => m.name === 'integrity/signature.json'));

    // The published release, judged again from another folder with the trust list.
    const elsewhere = await fs.mkdtemp(path.join(os.tmpdir(), 'bsi-verify-'));
    const good = await runAction(
      {
        token: TOKEN,
        command: 'verify',
        ecosystem: 'biosimulant',
        repo: REPO,
        tag: 'v1.2.0',
        'trusted-signing-keys': `acme-lab=${w.key.publicKey}`,
        'require-signature': 'true',
      },
      { cwd: elsewhere, env: w.env },
    );
    assert.equal(good.status, 0, good.stdout);
    const other = opensslKey(elsewhere, 'other.pem');
    const bad = await runAction(
      {
        token: TOKEN,
        command: 'verify',
        repo: REPO,
        tag: 'v1.2.0',
        'trusted-signing-keys': other.publicKey,
      },
      { cwd: elsewhere, env: w.env },
    );
    assert.notEqual(bad.status, 0);
    assert.match(bad.stdout + bad.stderr, /BSI_SIGNER_UNTRUSTED/);
    assert.match(bad.stdout + bad.stderr, /VERIFY_FAILED/);
  });

  test('dry run: the package is packed, nothing is written to GitHub, outputs are set', async () => {
    const w = await world();
    const res = await action(
      w,
      { command: 'all', 'dry-run': 'true' },
      { BIOSIMULANT_PLUGIN_SIGNING_KEY: w.key.pem },
    );
    // Without signer-id the key is refused before anything is written.
    assert.notEqual(res.status, 0);
    assert.match(res.stdout + res.stderr, /signer-id/);
    await assert.rejects(fs.stat(path.join(w.repo.dir, 'dist')), { code: 'ENOENT' });

    const dry = await action(
      w,
      { command: 'all', 'dry-run': 'true', 'signer-id': 'acme-lab' },
      { BIOSIMULANT_PLUGIN_SIGNING_KEY: w.key.pem },
    );
    assert.equal(dry.status, 0, dry.stdout);
    assert.equal(dry.outputs.id, 'cell-counter');
    assert.equal(dry.outputs.tag, 'v1.2.0');
    assert.equal(dry.outputs.prerelease, 'false');
    assert.ok(JSON.parse(dry.outputs.assets!).length >= 2);
    assert.equal(w.emu.releases(REPO).length, 0);
    assert.equal(
      w.emu.requests.filter((r) => r.origin !== 'download' && r.method !== 'GET').length,
      0,
    );
    await fs.stat(path.join(w.repo.dir, 'dist', PKG));
  });

  test('a bad key fails before any release is created', async () => {
    const w = await world();
    const res = await action(w, {
      command: 'all',
      'signing-key': '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----',
      'signer-id': 'acme-lab',
    });
    assert.notEqual(res.status, 0);
    assert.match(res.stdout + res.stderr, /KEY_INVALID/);
    assert.equal(w.emu.releases(REPO).length, 0);
    await assert.rejects(fs.stat(path.join(w.repo.dir, 'dist')), { code: 'ENOENT' });
  });

  test('a tag that does not match plugin.json is VERSION_MISMATCH; a pre-release tag sets prerelease', async () => {
    const w = await world();
    const res = await action(w, { command: 'validate' }, { GITHUB_REF: 'refs/tags/v1.2.1' });
    assert.notEqual(res.status, 0);
    assert.match(res.stdout + res.stderr, /VERSION_MISMATCH/);
    await w.repo.write(
      'plugin.json',
      (await fs.readFile(path.join(w.repo.dir, 'plugin.json'), 'utf8')).replace(
        '"1.2.0"',
        '"1.2.0-rc.1"',
      ),
    );
    const rc = await action(w, { command: 'validate' }, { GITHUB_REF: 'refs/tags/v1.2.0-rc.1' });
    assert.equal(rc.status, 0, rc.stdout);
    assert.equal(rc.outputs.prerelease, 'true');
  });
});

describe('biosimulant through the CLI', () => {
  test('pack then verify the local dist; the report names the rows', async () => {
    const w = await world();
    const env = { ...w.env, GITHUB_REF: '' };
    const packed = await runCli(['pack', '--json'], { cwd: w.repo.dir, env });
    assert.equal(packed.status, 0, packed.stdout + packed.stderr);
    const out = JSON.parse(packed.stdout) as Record<string, string>;
    assert.equal(out.id, 'cell-counter');
    assert.equal(out.version, '1.2.0');
    const verified = await runCli(['verify', '--json', '--require-signature', 'false'], {
      cwd: w.repo.dir,
      env,
    });
    assert.equal(verified.status, 0, verified.stdout + verified.stderr);
    const report = JSON.parse(verified.stdout) as {
      ok: boolean;
      checks: { check: string; status: string; message: string }[];
    };
    assert.equal(report.ok, true);
    assert.ok(report.checks.some((c) => c.check === 'signed' && c.message === 'unsigned'));
    const strict = await runCli(['verify', '--require-signature'], { cwd: w.repo.dir, env });
    assert.equal(strict.status, 1);
    assert.match(strict.stdout + strict.stderr, /BSI_UNSIGNED/);
  });
});
