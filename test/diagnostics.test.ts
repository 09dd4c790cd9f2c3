import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { describeConnectionError } from '../src/net/errors.ts';
import { GNU, REPO, publishWorld, type PublishWorld } from './support/publish-fixture.ts';
import {
  makePluginRepo,
  manifestText,
  runAction,
  runInProcess,
  type PluginRepo,
} from './support/fixture.ts';

// What a failed run tells its user: one annotation per problem, a BINARY_MISSING that says what
// it found, TOML errors by their cause, connection failures by host and cause, and a job
// summary that says what stands on GitHub and what to do next.
const repos: PluginRepo[] = [];
const worlds: PublishWorld[] = [];
after(async () => {
  await Promise.all(repos.map((r) => r.cleanup()));
  await Promise.all(worlds.map((w) => w.close()));
});
async function repo(manifest?: string) {
  const r = await makePluginRepo({ manifest });
  repos.push(r);
  return r;
}
const errorLines = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('::error'));

describe('annotations', () => {
  test('one annotation per manifest problem, each with file, line and column; no aggregate', async () => {
    const r = await repo(
      '[plugin]\nid = "Bad-Id"\nversion = "1.0"\nname = "x"\ndescription = "y"\nmin_nexo_version = ">=0.1.0"\n',
    );
    const res = await runAction({ command: 'validate', tag: 'v1.0.0' }, { cwd: r.dir });
    assert.equal(res.status, 1);
    const lines = errorLines(res.stdout);
    const inProcess = await runInProcess({ command: 'validate', tag: 'v1.0.0' }, { cwd: r.dir });
    assert.equal(lines.length, inProcess.errors.length);
    assert.ok(lines.length >= 2, res.stdout);
    for (const l of lines) assert.match(l, /^::error file=nexo-plugin\.toml,line=\d+,col=\d+::\[/);
    assert.ok(lines.some((l) => /line=2,.*Bad-Id/.test(l)));
    assert.ok(lines.some((l) => /line=3,.*version/.test(l)));
    assert.doesNotMatch(res.stdout, /see the errors above|has \d+ problems/);
  });

  test('a failure without a file is one annotation carrying its code', async () => {
    const r = await repo();
    const res = await runAction(
      { command: 'validate' },
      { cwd: r.dir, env: { GITHUB_REF: 'refs/heads/main' } },
    );
    assert.equal(res.status, 1);
    assert.deepEqual(
      errorLines(res.stdout).map((l) => l.replace(/::error::(\[\w+\]).*/, '$1')),
      ['[TAG_MISSING]'],
    );
  });
});

describe('BINARY_MISSING', () => {
  test('a build without --target: names target/release/<id> and the input that uses it', async () => {
    const r = await repo();
    await r.write('target/release/demo_plugin', '#!/bin/sh\n', 0o755);
    const res = await runInProcess(
      { command: 'pack', targets: GNU, tag: 'v1.2.3' },
      { cwd: r.dir },
    );
    assert.equal(res.status, 1);
    assert.match(res.errorText, /\[BINARY_MISSING\] built binary missing at target\/x86_64/);
    assert.match(
      res.errorText,
      /target\/release\/demo_plugin exists.*binary: target\/release\/\{id\}/,
    );
    assert.match(res.errorText, /--target x86_64-unknown-linux-gnu/);
  });

  test('a directory where the binary should be is "not a file"', async () => {
    const r = await repo();
    await fs.mkdir(path.join(r.dir, `target/${GNU}/release/demo_plugin`), { recursive: true });
    const res = await runInProcess(
      { command: 'pack', targets: GNU, tag: 'v1.2.3' },
      { cwd: r.dir },
    );
    assert.match(res.errorText, /\[BINARY_MISSING\] .*demo_plugin is a directory, not a file/);
  });

  test('a [[bin]] name that differs from the id, and a debug build, are named', async () => {
    const r = await repo();
    await r.write(`target/${GNU}/release/demo-cli`, '#!/bin/sh\n', 0o755);
    await r.write(`target/${GNU}/debug/demo_plugin`, '#!/bin/sh\n', 0o755);
    const res = await runInProcess(
      { command: 'pack', targets: GNU, tag: 'v1.2.3' },
      { cwd: r.dir },
    );
    assert.match(res.errorText, /'demo-cli'.*\[\[bin\]\] name = "demo_plugin"/);
    assert.match(res.errorText, /binary: target\/\{target\}\/release\/demo-cli/);
    assert.match(res.errorText, /debug\/demo_plugin exists: build with --release/);
  });

  test('an unknown {placeholder} in binary is a usage error listing the valid ones', async () => {
    const r = await repo();
    const res = await runInProcess(
      { command: 'pack', targets: GNU, tag: 'v1.2.3', binary: 'target/{triple}/release/{id}' },
      { cwd: r.dir },
    );
    assert.equal(res.status, 2);
    assert.match(res.errorText, /\[USAGE\] .*\{triple\}.*\{id\}.*\{target\}/);
  });
});

describe('TOML errors by their cause', () => {
  test('an unterminated string says so, at its opening quote', async () => {
    const r = await repo('[plugin]\nid = "demo_plugin\nversion = "1.2.3"\n');
    const res = await runInProcess({ command: 'validate', tag: 'v1.2.3' }, { cwd: r.dir });
    assert.equal(res.status, 1);
    assert.equal(res.errors.length, 1);
    const [e] = res.errors;
    assert.match(e!.message, /\[MANIFEST_PARSE\] .*unterminated string/);
    assert.deepEqual([e!.location?.line, e!.location?.column], [2, 6]);
  });

  test('an unclosed array, a missing comma and a duplicate key are named', async () => {
    const cases: [string, RegExp, number][] = [
      ['tools = ["a", "b"\n', /array opened here is not closed/, 7],
      ['tools = ["a" "b"]\n', /comma is missing/, 7],
      ['name = "again"\n', /'name' is defined twice \(first at line 4\)/, 7],
    ];
    for (const [extra, reason, line] of cases) {
      const r = await repo(manifestText() + extra);
      const res = await runInProcess({ command: 'validate', tag: 'v1.2.3' }, { cwd: r.dir });
      assert.match(res.errorText, reason, extra);
      assert.equal(res.errors[0]!.location?.line, line, extra);
    }
  });
});

describe('connection failures name the host and the cause, never an HTTP status', () => {
  const upload = (apiUrl: string) =>
    async function () {
      const r = await repo();
      await r.binary(GNU);
      return runInProcess(
        { command: 'all', targets: GNU, tag: 'v1.2.3', token: 'ghs_x', repo: 'o/r' },
        { cwd: r.dir, env: { GITHUB_API_URL: apiUrl, PLUGIN_RELEASE_RETRY_BASE_MS: '1' } },
      );
    };

  test('DNS', async () => {
    const res = await upload('http://api.github-enterprise.invalid')();
    assert.equal(res.status, 1);
    assert.match(res.errorText, /\[NETWORK\] .*api\.github-enterprise\.invalid.*DNS.*ENOTFOUND/);
    assert.doesNotMatch(res.errorText, /\b500\b/);
  });

  test('refused', async () => {
    const s = http.createServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const port = (s.address() as AddressInfo).port;
    await new Promise((r) => s.close(r));
    const res = await upload(`http://127.0.0.1:${port}`)();
    assert.match(res.errorText, new RegExp(`\\[NETWORK\\] .*127\\.0\\.0\\.1:${port}.*refused`));
    assert.doesNotMatch(res.errorText, /\b500\b/);
  });

  test('timeout', async () => {
    const s = http.createServer(() => {});
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}/x`;
    try {
      const e = await fetch(url, { signal: AbortSignal.timeout(100) }).catch((x: unknown) => x);
      assert.match(describeConnectionError(e, url, {}) ?? '', /127\.0\.0\.1:\d+: .*timed out/);
    } finally {
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    }
  });

  test('a proxy that refuses is named as the proxy', async () => {
    const res = await runInProcess(
      { command: 'all', targets: GNU, tag: 'v1.2.3', token: 'ghs_x', repo: 'o/r' },
      {
        cwd: (await repo().then(async (r) => (await r.binary(GNU), r))).dir,
        env: {
          GITHUB_API_URL: 'http://ghe.example',
          HTTP_PROXY: 'http://127.0.0.1:9',
          PLUGIN_RELEASE_RETRY_BASE_MS: '1',
        },
      },
    );
    assert.match(
      res.errorText,
      /\[NETWORK\] .*the proxy 127\.0\.0\.1:9 \(for ghe\.example\).*refused/,
    );
  });
});

describe('the job summary of a failed run', () => {
  test('a failure before GitHub: the error, nothing changed, what to do', async () => {
    const r = await repo(manifestText({ version: '1.2.4' }));
    const res = await runAction({ command: 'validate', tag: 'v1.2.3' }, { cwd: r.dir });
    assert.equal(res.status, 1);
    assert.match(res.summary, /### Failed: VERSION_MISMATCH/);
    assert.match(res.summary, /\*\*On GitHub:\*\* nothing changed/);
    assert.match(res.summary, /\*\*Next:\*\* .*manifest version and the tag/);
  });

  test('a failure mid-upload: the draft with N of M assets', async () => {
    const w = await publishWorld();
    worlds.push(w);
    await w.repo.binary(GNU);
    w.emu.faults.add({
      route: 'upload-asset',
      kind: 'status',
      status: 502,
      times: 1000,
      match: (i) => (i.name ?? '').endsWith('.sha256'),
    });
    const res = await w.action({ command: 'all', targets: GNU });
    assert.equal(res.status, 1);
    const rel = w.emu.releases(REPO)[0]!;
    assert.equal(rel.draft, true);
    assert.match(res.summary, /### Failed: GITHUB_API/);
    assert.match(
      res.summary,
      new RegExp(`a draft release v1\\.2\\.3 with ${rel.assets.length} of 3 assets`),
    );
    assert.match(res.summary, /\*\*Next:\*\* Rerun/);
  });
});
