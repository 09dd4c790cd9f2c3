/**
 * verify: a corpus of broken tarballs written by an independent writer (Python's tarfile + gzip,
 * test/support/corpus.py), broken releases on the GitHub emulator, and signatures from the local
 * Sigstore stand-in, each rejected with the code the operator would see; what our own publish
 * produces (signed and unsigned) is accepted. Needs a built dist/ (npm test builds first).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { signTarballs, SIGNATURE_FILE_KINDS } from '../src/sign/index.ts';
import type { OperatorCode, VerifyReport } from '../src/verify/index.ts';
import { ROOT, manifestText, runCli, runInProcess } from './support/fixture.ts';
import { startGitHubEmulator, type GitHubEmulator } from './support/github-emulator/index.ts';
import { publishWorld, REPO, TOKEN, GNU } from './support/publish-fixture.ts';
import { startSigstoreStandIn, type SigstoreStandIn } from './support/sigstore/index.ts';

for (const k of ['SIGSTORE_ID_TOKEN', 'BUILDKITE', 'HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY']) {
  delete process.env[k];
  delete process.env[k.toLowerCase()];
}
process.env.NO_PROXY = process.env.no_proxy = '127.0.0.1';

const exec = promisify(execFile);
const MIB = 1024 * 1024;
const ARM_MAC = 'aarch64-apple-darwin';
const tb = (target: string, version = '1.2.3') => `demo_plugin-${version}-${target}.tar.gz`;
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});
async function tmp(prefix = 'prt-verify-'): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

// ---- the corpus writer ----------------------------------------------------------------------
interface Member {
  name?: string;
  name_b64?: string;
  type?: 'file' | 'dir' | 'symlink' | 'hardlink' | 'chr' | 'fifo';
  data?: string;
  zeros?: number;
  mode?: number;
  link?: string;
  pax?: Record<string, string>;
}
interface Spec {
  out: string;
  members: Member[];
  format?: 'gnu' | 'pax' | 'ustar';
  level?: number;
  gzip_members?: number;
  pax_global?: Record<string, string>;
}

async function writeTarballs(specs: Spec[]): Promise<void> {
  const file = path.join(await tmp('prt-corpus-'), 'specs.json');
  await fs.writeFile(file, JSON.stringify(specs));
  await exec('python3', [path.join(ROOT, 'test/support/corpus.py'), file]);
}

function plugin(
  o: { id?: string; version?: string; binMode?: number; bin?: boolean; prefix?: string } = {},
): Member[] {
  const p = o.prefix ?? '';
  const members: Member[] = [
    { name: `${p}nexo-plugin.toml`, data: manifestText({ id: o.id, version: o.version }) },
    { name: `${p}bin`, type: 'dir' },
  ];
  if (o.bin !== false)
    members.push({ name: `${p}bin/demo_plugin`, data: '#!/bin/sh\n', mode: o.binMode ?? 0o755 });
  return members;
}

// ---- running verify -------------------------------------------------------------------------
type Run = Awaited<ReturnType<typeof runInProcess>> & { report: VerifyReport };

async function verify(
  inputs: Record<string, string>,
  o: { cwd: string; env?: Record<string, string> },
): Promise<Run> {
  const res = await runInProcess({ command: 'verify', ...inputs }, o);
  const text = res.reporter.outputs.report;
  assert.ok(text, `no report output: ${res.errorText}`);
  return { ...res, report: JSON.parse(text) as VerifyReport };
}

const failed = (r: VerifyReport) =>
  new Set(r.checks.filter((c) => c.status === 'fail').map((c) => c.code));
const withCode = (r: VerifyReport, code: OperatorCode) => r.checks.filter((c) => c.code === code);

function assertRejected(run: Run, code: OperatorCode): void {
  assert.equal(run.status, 1, run.errorText);
  assert.ok(failed(run.report).has(code), `${code} expected; got ${[...failed(run.report)]}`);
  assert.equal(run.report.ok, false);
  assert.match(run.errorText, new RegExp(`\\[VERIFY_FAILED\\].*${code} `));
}

/** A plugin directory as `verify` sees it before publishing: the manifest and dist/. */
async function localRelease(target = GNU): Promise<{ dir: string; tarball: string }> {
  const dir = await tmp();
  await fs.writeFile(path.join(dir, 'nexo-plugin.toml'), manifestText());
  await fs.mkdir(path.join(dir, 'dist'));
  return { dir, tarball: path.join(dir, 'dist', tb(target)) };
}
async function writeSidecar(tarball: string): Promise<void> {
  await fs.writeFile(`${tarball}.sha256`, `${sha(await fs.readFile(tarball))}\n`);
}
const local = (
  dir: string,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
) => verify({ tag: 'v1.2.3', ...inputs }, { cwd: dir, env: { GITHUB_REPOSITORY: REPO, ...env } });

describe('tarball corpus written by Python tarfile + gzip (local mode)', () => {
  interface Case {
    name: string;
    spec: Omit<Spec, 'out'>;
    target?: string;
    expect: OperatorCode | 'pass';
    also?: (r: VerifyReport) => void;
  }
  const extra = (...m: Member[]): Omit<Spec, 'out'> => ({ members: [...plugin(), ...m] });
  const files = (n: number): Member[] =>
    Array.from({ length: n }, (_, i) => ({ name: `lib/f${i}` }));
  const long = `lib/${'deep/'.repeat(25)}module.js`;
  const cases: Case[] = [
    { name: 'the plain layout passes', spec: { members: plugin() }, expect: 'pass' },
    {
      name: 'pax: ./ prefixes and a long path (per-file PAX header) pass',
      spec: {
        format: 'pax',
        members: [
          ...plugin({ prefix: './' }),
          { name: './lib', type: 'dir' },
          { name: long, data: 'x' },
        ],
      },
      expect: 'pass',
    },
    {
      name: 'gnu: a long name (GNU long-name header) passes',
      spec: extra({ name: long, data: 'x' }),
      expect: 'pass',
    },
    {
      name: 'two gzip members: only the first reaches the installer',
      spec: { ...extra(...files(40)), gzip_members: 2 },
      expect: 'MultipleGzipMembers',
    },
    {
      name: 'symlink',
      spec: extra({ name: 'lib/l', type: 'symlink', link: '../bin/demo_plugin' }),
      expect: 'DisallowedEntryType',
      also: (r) => assert.match(withCode(r, 'DisallowedEntryType')[0]!.message, /`symlink`/),
    },
    {
      name: 'hardlink',
      spec: extra({ name: 'lib/h', type: 'hardlink', link: 'bin/demo_plugin' }),
      expect: 'DisallowedEntryType',
      also: (r) => assert.match(withCode(r, 'DisallowedEntryType')[0]!.message, /`hardlink`/),
    },
    {
      name: 'character device',
      spec: extra({ name: 'lib/null', type: 'chr' }),
      expect: 'DisallowedEntryType',
      also: (r) =>
        assert.match(withCode(r, 'DisallowedEntryType')[0]!.message, /`character device`/),
    },
    {
      name: 'fifo',
      spec: extra({ name: 'lib/pipe', type: 'fifo' }),
      expect: 'DisallowedEntryType',
    },
    {
      name: 'PAX global header',
      spec: { ...extra(), format: 'pax', pax_global: { comment: 'made elsewhere' } },
      expect: 'DisallowedEntryType',
      also: (r) =>
        assert.match(withCode(r, 'DisallowedEntryType')[0]!.message, /pax global header/),
    },
    { name: '.. in a path', spec: extra({ name: '../escape', data: 'x' }), expect: 'UnsafePath' },
    {
      name: 'absolute path',
      spec: extra({ name: '/etc/escape', data: 'x' }),
      expect: 'UnsafePath',
    },
    {
      name: 'NUL inside a PAX path (node-tar would cut it off)',
      spec: {
        ...extra({ name: 'lib/x', data: 'x', pax: { path: 'lib/a\u0000b' } }),
        format: 'pax',
      },
      expect: 'UnsafePath',
      also: (r) => assert.match(withCode(r, 'UnsafePath')[0]!.message, /NUL/),
    },
    {
      name: 'a path that is not UTF-8',
      spec: extra({
        name_b64: Buffer.from([0x6c, 0x69, 0x62, 0x2f, 0xff]).toString('base64'),
        data: 'x',
      }),
      expect: 'UnsafePath',
      also: (r) => assert.match(withCode(r, 'UnsafePath')[0]!.message, /UTF-8/),
    },
    {
      name: 'duplicate path',
      spec: extra({ name: 'bin/demo_plugin', data: 'again', mode: 0o755 }),
      expect: 'DuplicatePath',
    },
    {
      name: 'wrapping directory',
      spec: {
        members: [
          { name: 'demo_plugin-1.2.3', type: 'dir' },
          ...plugin({ prefix: 'demo_plugin-1.2.3/' }),
        ],
      },
      expect: 'ManifestInvalid',
      also: (r) => {
        assert.match(
          withCode(r, 'ManifestInvalid')[0]!.message,
          /under demo_plugin-1\.2\.3\/, a wrapping directory/,
        );
        assert.ok(failed(r).has('BinaryMissing'));
      },
    },
    { name: 'missing binary', spec: { members: plugin({ bin: false }) }, expect: 'BinaryMissing' },
    {
      name: 'id mismatch',
      spec: { members: plugin({ id: 'other_plugin' }) },
      expect: 'ManifestMismatch',
      also: (r) =>
        assert.match(
          withCode(r, 'ManifestMismatch')[0]!.message,
          /expected id=demo_plugin@1\.2\.3, got id=other_plugin@1\.2\.3/,
        ),
    },
    {
      name: 'version mismatch',
      spec: { members: plugin({ version: '1.2.4' }) },
      expect: 'ManifestMismatch',
    },
    {
      name: 'binary without exec bit',
      spec: { members: plugin({ binMode: 0o644 }) },
      expect: 'BinaryNotExecutable',
    },
    { name: 'setuid binary', spec: { members: plugin({ binMode: 0o4755 }) }, expect: 'SetuidBit' },
    {
      name: 'binary 0775: a warning, not a failure',
      spec: { members: plugin({ binMode: 0o775 }) },
      expect: 'pass',
      also: (r) => assert.equal(withCode(r, 'UnusualMode')[0]?.status, 'warn'),
    },
    {
      name: 'native file in a noarch lib/',
      spec: extra({ name: 'lib', type: 'dir' }, { name: 'lib/addon.node', data: 'ELF' }),
      target: 'noarch',
      expect: 'NativeInNoarch',
    },
    {
      name: 'an entry one byte over 100 MiB (zeros: small once gzipped)',
      spec: { ...extra({ name: 'lib/big', zeros: 100 * MIB + 1 }), level: 1 },
      expect: 'EntryTooLarge',
    },
    {
      name: 'entries adding up to more than 250 MiB',
      spec: {
        ...extra(...['a', 'b', 'c'].map((n) => ({ name: `lib/${n}`, zeros: 90 * MIB }))),
        level: 1,
      },
      expect: 'ExtractedTooLarge',
      also: (r) => assert.ok(!failed(r).has('EntryTooLarge')),
    },
    {
      name: '10,001 entries (directories count)',
      spec: extra(...files(10_001 - 3)),
      expect: 'TooManyEntries',
    },
    { name: 'exactly 10,000 entries pass', spec: extra(...files(10_000 - 3)), expect: 'pass' },
  ];
  const dirs = new Map<string, { dir: string; tarball: string }>();
  before(async () => {
    const specs: Spec[] = [];
    for (const c of cases) {
      const rel = await localRelease(c.target);
      dirs.set(c.name, rel);
      specs.push({ ...c.spec, out: rel.tarball });
    }
    await writeTarballs(specs);
    for (const { tarball } of dirs.values()) await writeSidecar(tarball);
  });

  for (const c of cases) {
    test(`${c.name}: ${c.expect === 'pass' ? 'accepted' : c.expect}`, async () => {
      const { dir } = dirs.get(c.name)!;
      const run = await local(dir, { targets: c.target ?? GNU });
      if (c.expect === 'pass') {
        assert.equal(run.status, 0, run.errorText);
        assert.equal(run.report.ok, true);
        assert.equal(run.report.mode, 'local');
        assert.ok(run.report.checks.some((x) => x.check === 'tar' && x.status === 'pass'));
      } else assertRejected(run, c.expect);
      c.also?.(run.report);
    });
  }

  test('the accepted quirks are really in the archives (PAX records, GNU long name, ./)', async () => {
    const pax = gunzipSync(await fs.readFile(dirs.get(cases[1]!.name)!.tarball)).toString('latin1');
    assert.match(pax, /\d+ path=lib\/deep/);
    assert.match(pax, /\.\/nexo-plugin\.toml/);
    const gnu = gunzipSync(await fs.readFile(dirs.get(cases[2]!.name)!.tarball)).toString('latin1');
    assert.match(gnu, /\.\/\.\/@LongLink/);
  });

  test('a tarball over 100 MiB is refused from its size alone, unread', async () => {
    const { dir, tarball } = await localRelease();
    await fs.writeFile(tarball, '');
    await fs.truncate(tarball, 100 * MIB + 1); // sparse: no content, so reading it would fail gzip
    await fs.writeFile(`${tarball}.sha256`, `${'0'.repeat(64)}\n`);
    const run = await local(dir);
    assertRejected(run, 'TarballTooLarge');
    const about = run.report.checks.filter((x) => x.subject === tb(GNU));
    assert.deepEqual(
      about.map((x) => x.check),
      ['size'],
    );
  });
});

// ---- published releases -------------------------------------------------------------------
describe('published releases, fetched as the installer fetches them (GitHub emulator)', () => {
  let emu: GitHubEmulator;
  let empty: string;
  const tarballs = new Map<string, Buffer>();
  const key = (target: string, version = '1.2.3') => `${target}@${version}`;
  before(async () => {
    emu = await startGitHubEmulator();
    emu.addToken(TOKEN, 'write');
    cleanups.push(() => emu.close());
    empty = await tmp();
    const out = await tmp();
    const wanted = [
      [GNU, '1.2.3'],
      [ARM_MAC, '1.2.3'],
      ['noarch', '1.2.3'],
      ['x86_64-unknown-linux-musl', '1.2.3'],
      [GNU, '1.0.0'],
      [GNU, '1.1.0'],
      [GNU, '1.3.0-rc.1'],
    ] as const;
    await writeTarballs(
      wanted.map(([t, v]) => ({ out: path.join(out, tb(t, v)), members: plugin({ version: v }) })),
    );
    for (const [t, v] of wanted)
      tarballs.set(key(t, v), await fs.readFile(path.join(out, tb(t, v))));
  });

  let n = 0;
  /** A fresh repository with one published release; returns its name. */
  function seed(
    assets: Record<string, Buffer | string>,
    o: {
      tag?: string;
      draft?: boolean;
      prerelease?: boolean;
      repo?: string;
      latest?: boolean;
    } = {},
  ): string {
    const repo = o.repo ?? `octo/case${++n}`;
    if (o.repo === undefined) emu.addRepo(repo);
    emu.seedRelease(repo, {
      tag_name: o.tag ?? 'v1.2.3',
      draft: o.draft ?? false,
      prerelease: o.prerelease ?? false,
      make_latest: o.latest === false ? 'false' : 'true',
      assets: Object.entries(assets).map(([name, content]) => ({ name, content })),
    });
    return repo;
  }
  /** The manifest plus, per target, the tarball and a sidecar (`sidecar` shapes its body). */
  function release(
    targets: string[],
    o: { version?: string; sidecar?: (hex: string) => string | Buffer } = {},
  ): Record<string, Buffer | string> {
    const version = o.version ?? '1.2.3';
    const out: Record<string, Buffer | string> = {
      'nexo-plugin.toml': manifestText({ version }),
    };
    for (const t of targets) {
      const bytes = tarballs.get(key(t, version))!;
      out[tb(t, version)] = bytes;
      out[`${tb(t, version)}.sha256`] = (o.sidecar ?? ((h) => `${h}\n`))(sha(bytes));
    }
    return out;
  }
  const remote = (repo: string, inputs: Record<string, string> = {}) =>
    verify(
      { repo, tag: 'v1.2.3', token: TOKEN, ...inputs },
      { cwd: empty, env: { GITHUB_API_URL: emu.apiUrl } },
    );

  test('sidecars: upper-case hex and `HEX  filename` pass; BOM, empty, HTML fail; a wrong hash mismatches', async () => {
    const bom = (h: string) =>
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${h}\n`)]);
    const pass = [(h: string) => `${h.toUpperCase()}\n`, (h: string) => `${h}  ${tb(GNU)}\n`];
    for (const sidecar of pass) {
      const run = await remote(seed(release([GNU], { sidecar })));
      assert.equal(run.status, 0, run.errorText);
      assert.equal(run.report.mode, 'remote');
      assert.ok(run.report.checks.some((c) => c.check === 'sha256' && c.status === 'pass'));
    }
    for (const sidecar of [bom, () => '', () => '<!DOCTYPE html><html>Not Found</html>\n'])
      assertRejected(await remote(seed(release([GNU], { sidecar }))), 'Sha256Invalid');
    const wrong = await remote(seed(release([GNU], { sidecar: () => `${sha('other')}\n` })));
    assertRejected(wrong, 'Sha256Mismatch');
    assert.match(withCode(wrong.report, 'Sha256Mismatch')[0]!.message, /sha256 mismatch/);
  });

  test('a release without the manifest asset: ReleaseShape', async () => {
    const assets = release([GNU]);
    delete assets['nexo-plugin.toml'];
    assertRejected(await remote(seed(assets)), 'ReleaseShape');
  });

  test('a draft is invisible to the installer: ReleaseNotFound says so', async () => {
    const run = await remote(seed(release([GNU]), { draft: true }));
    assertRejected(run, 'ReleaseNotFound');
    assert.match(run.errorText, /is a draft/);
  });

  test('platforms: gnu picked on Linux x86_64, the rest TargetNotFound listing the tarballs', async () => {
    const repo = seed(release([GNU, ARM_MAC]));
    const run = await remote(repo);
    assert.equal(run.status, 0, run.errorText);
    const p = Object.fromEntries(run.report.platforms.map((x) => [x.target, x]));
    assert.deepEqual(
      { tarball: p[GNU]!.tarball, via: p[GNU]!.via, status: p[GNU]!.status },
      { tarball: tb(GNU), via: 'exact', status: 'pass' },
    );
    assert.equal(p[ARM_MAC]!.tarball, tb(ARM_MAC));
    const arm = p['aarch64-unknown-linux-gnu']!;
    assert.equal(arm.code, 'TargetNotFound');
    assert.equal(arm.status, 'info');
    assert.deepEqual(arm.available!.sort(), [tb(ARM_MAC), tb(GNU)].sort());
    // Listed in targets, the missing platform is a failure.
    const strict = await remote(repo, { targets: `${GNU} aarch64-unknown-linux-gnu` });
    assertRejected(strict, 'TargetNotFound');
    assert.equal(
      strict.report.platforms.find((x) => x.target === 'aarch64-unknown-linux-gnu')!.status,
      'fail',
    );
  });

  test('platforms: noarch is every platform’s fallback; a musl-only release misses Linux gnu', async () => {
    const noarch = await remote(seed(release(['noarch'])));
    assert.equal(noarch.status, 0, noarch.errorText);
    for (const p of noarch.report.platforms) {
      assert.equal(p.tarball, tb('noarch'));
      assert.equal(p.via, 'noarch');
    }
    const musl = await remote(seed(release(['x86_64-unknown-linux-musl'])));
    const linux = musl.report.platforms.find((x) => x.target === GNU)!;
    assert.equal(linux.tarball, null);
    assert.deepEqual(linux.available, [tb('x86_64-unknown-linux-musl')]);
  });

  test('signature files: .pem without .cert counts as unsigned; with require-signature it fails', async () => {
    const assets = {
      ...release([GNU]),
      [`${tb(GNU)}.pem`]: 'not checked',
      [`${tb(GNU)}.sig`]: 'x',
    };
    const repo = seed(assets);
    const lax = await remote(repo);
    assert.equal(lax.status, 0, lax.errorText);
    assert.equal(withCode(lax.report, 'Unsigned')[0]!.status, 'warn');
    const strict = await remote(repo, { 'require-signature': 'true' });
    assertRejected(strict, 'PolicyRequiresSig');
    assert.match(
      withCode(strict.report, 'PolicyRequiresSig')[0]!.message,
      /looks for \.cert, not \.pem/,
    );
  });

  test('latest: the highest full release must be latest; older, pre-release and latest-elsewhere cases', async () => {
    const repo = 'octo/latest';
    emu.addRepo(repo);
    seed(release([GNU], { version: '1.0.0' }), { repo, tag: 'v1.0.0' });
    seed(release([GNU], { version: '1.1.0' }), { repo, tag: 'v1.1.0', latest: false });
    const stale = await remote(repo, { tag: 'v1.1.0' });
    assertRejected(stale, 'LatestMismatch');
    assert.match(
      withCode(stale.report, 'LatestMismatch')[0]!.message,
      /latest resolves to v1\.0\.0/,
    );
    const older = await remote(repo, { tag: 'v1.0.0' });
    assert.equal(older.status, 0, older.errorText);
    assert.equal(withCode(older.report, 'LatestMismatch')[0]!.status, 'warn');
    seed(release([GNU], { version: '1.3.0-rc.1' }), { repo, tag: 'v1.3.0-rc.1', prerelease: true });
    const rc = await remote(repo, { tag: 'v1.3.0-rc.1' });
    assert.equal(rc.status, 0, rc.errorText);
    assert.match(rc.report.checks.find((c) => c.check === 'latest')!.message, /pre-release/);
  });

  test('CLI: verify --repo --tag --json prints the report; downloads carry no Authorization', async () => {
    const repo = seed(release([GNU]));
    emu.resetRequests();
    const env = { GITHUB_API_URL: emu.apiUrl, GITHUB_TOKEN: TOKEN };
    const res = await runCli(['verify', '--repo', repo, '--tag', 'v1.2.3', '--json'], {
      cwd: empty,
      env,
    });
    assert.equal(res.status, 0, res.stderr);
    const report = JSON.parse(res.stdout) as VerifyReport;
    assert.equal(report.ok, true);
    assert.equal(report.source, `${repo}@v1.2.3`);
    assert.ok(Array.isArray(report.checks) && report.checks.length > 5);
    const byTag = emu.requests.filter((r) => r.route === 'get-release-by-tag');
    assert.equal(byTag.length, 1);
    assert.equal(byTag[0]!.headers.authorization, `token ${TOKEN}`);
    const downloads = emu.requests.filter((r) => r.origin === 'download');
    assert.equal(downloads.length, 3, 'manifest, sidecar, tarball');
    for (const d of downloads) assert.equal(d.headers.authorization, undefined, d.path);
  });

  test('CLI: a broken release exits 1 naming the code, and --json still prints the report', async () => {
    const repo = seed(release([GNU], { sidecar: () => `${sha('other')}\n` }));
    const env = { GITHUB_API_URL: emu.apiUrl, GITHUB_TOKEN: TOKEN };
    const res = await runCli(['verify', '--repo', repo, '--tag', 'v1.2.3', '--json'], {
      cwd: empty,
      env,
    });
    assert.equal(res.status, 1);
    assert.match(res.stderr, /\[VERIFY_FAILED\] .*Sha256Mismatch /);
    assert.equal((JSON.parse(res.stdout) as VerifyReport).ok, false);
  });

  test('nothing to verify: no dist and no repository is a usage error', async () => {
    const res = await runInProcess({ command: 'verify', tag: 'v1.2.3' }, { cwd: empty });
    assert.equal(res.status, 2);
    assert.match(res.errorText, /\[USAGE\] nothing to verify/);
  });
});

// ---- signatures -----------------------------------------------------------------------------
describe('signatures, as cosign verify-blob checks them (Sigstore stand-in)', () => {
  const OURS = `https://github.com/${REPO}/.github/workflows/release.yml@refs/tags/v1.2.3`;
  const THEIRS = 'https://github.com/evil/fork/.github/workflows/release.yml@refs/tags/v1.2.3';
  let ours: SigstoreStandIn;
  let theirs: SigstoreStandIn;
  let plain: Buffer;
  before(async () => {
    ours = await startSigstoreStandIn({ subject: OURS });
    theirs = await startSigstoreStandIn({ subject: THEIRS });
    cleanups.push(
      () => ours.close(),
      () => theirs.close(),
    );
    const out = path.join(await tmp(), 'plain.tar.gz');
    await writeTarballs([{ out, members: plugin() }]);
    plain = await fs.readFile(out);
  });

  /** dist with the tarball signed by `by` (all five files), minus `drop`. */
  async function signed(
    by: SigstoreStandIn,
    drop: string[] = [],
  ): Promise<{ dir: string; tarball: string }> {
    const rel = await localRelease();
    await fs.writeFile(rel.tarball, plain);
    await writeSidecar(rel.tarball);
    await signTarballs(
      {
        fulcioURL: by.url,
        rekorURL: by.url,
        trustedRootPath: by.trustedRootPath,
        files: [...SIGNATURE_FILE_KINDS],
        concurrency: 1,
        env: by.env(),
        retries: 0,
        retryBaseMs: 5,
        timeoutMs: 5000,
      },
      [rel.tarball],
    );
    for (const k of drop) await fs.rm(`${rel.tarball}.${k}`);
    return rel;
  }
  const check = (dir: string, root: SigstoreStandIn, inputs: Record<string, string> = {}) =>
    local(dir, { 'trusted-root': root.trustedRootPath, ...inputs });

  test('signed by this repository’s workflow: accepted with the default identity policy', async () => {
    const { dir } = await signed(ours);
    const run = await check(dir, ours, { 'require-signature': 'true' });
    assert.equal(run.status, 0, run.errorText);
    const sig = run.report.checks.find((c) => c.check === 'signature' && c.status === 'pass');
    assert.match(sig!.message, new RegExp(`signed by ${OURS.replace(/[.$?]/g, '\\$&')}`));
    assert.equal(
      run.report.signaturePolicy.identityRegexp,
      '^https://github\\.com/octo/plugin/\\.github/workflows/.+$',
    );
  });

  test('only cosign’s own .bundle (no .sigstore.json) verifies too', async () => {
    const { dir } = await signed(ours, ['sigstore.json']);
    const run = await check(dir, ours);
    assert.equal(run.status, 0, run.errorText);
    assert.match(run.report.checks.find((c) => c.check === 'signature')!.message, /\.bundle$/);
  });

  test('a .sig that is not over these bytes with this key: CosignFailed', async () => {
    const { dir, tarball } = await signed(ours);
    const other = await signed(theirs);
    await fs.copyFile(`${other.tarball}.sig`, `${tarball}.sig`);
    const run = await check(dir, ours);
    assertRejected(run, 'CosignFailed');
    assert.match(withCode(run.report, 'CosignFailed')[0]!.message, /\.sig does not verify/);
  });

  test('missing .cert (only .pem) with require-signature: PolicyRequiresSig', async () => {
    const { dir } = await signed(ours, ['cert']);
    assertRejected(await check(dir, ours, { 'require-signature': 'true' }), 'PolicyRequiresSig');
  });

  test('a bundle for another identity: CosignFailed', async () => {
    const { dir } = await signed(theirs);
    const run = await check(dir, theirs);
    assertRejected(run, 'CosignFailed');
    assert.match(
      withCode(run.report, 'CosignFailed')
        .map((c) => c.message)
        .join('\n'),
      /evil\/fork.*does not match certificate-identity-regexp/,
    );
  });

  test('a valid signature with a wrong regexp: CosignFailed', async () => {
    const { dir } = await signed(ours);
    const wrong = '^https://github\\.com/someone/else/';
    assertRejected(
      await check(dir, ours, { 'certificate-identity-regexp': wrong }),
      'CosignFailed',
    );
  });

  test('a certificate from another Sigstore instance than the trusted root: CosignFailed', async () => {
    const { dir } = await signed(ours);
    const run = await check(dir, theirs);
    assertRejected(run, 'CosignFailed');
    assert.match(
      withCode(run.report, 'CosignFailed')
        .map((c) => c.message)
        .join('\n'),
      /not issued by the trusted root's Fulcio CA/,
    );
  });
});

// ---- our own publish ------------------------------------------------------------------------
describe('publish runs verify on the release it just published (action entry)', () => {
  const report = (outputs: Record<string, string>) => JSON.parse(outputs.report!) as VerifyReport;

  test('all: the published release passes, checked remotely', async () => {
    const w = await publishWorld();
    cleanups.push(() => w.close());
    await w.repo.binary(GNU);
    const res = await w.action({ command: 'all', targets: GNU });
    assert.equal(res.status, 0, res.stdout);
    const r = report(res.outputs);
    assert.equal(r.ok, true);
    assert.equal(r.mode, 'remote');
    assert.equal(r.source, `${REPO}@v1.2.3`);
    assert.equal(r.platforms.find((p) => p.target === GNU)!.tarball, tb(GNU));
    assert.equal(r.checks.find((c) => c.check === 'latest')!.status, 'pass');
    assert.match(res.summary, /### Verify demo_plugin 1\.2\.3: passed/);
    // The draft was verified before it went live and the post-publish check found the very same
    // assets (GitHub's digests): the published verdict reuses it and downloads nothing again.
    const kept = r.checks.find((c) => c.check === 'release' && c.status === 'info');
    assert.match(kept?.message ?? '', /draft's \d+ assets unchanged/);
    assert.equal(r.stage, 'published');
    assert.equal(w.emu.requests.filter((q) => q.origin === 'download').length, 0);
    assert.equal(w.emu.requests.filter((q) => q.route === 'get-asset').length, 0);
  });

  test('verify of a published release downloads it anonymously, as the installer does', async () => {
    const w = await publishWorld();
    cleanups.push(() => w.close());
    await w.repo.binary(GNU);
    assert.equal((await w.action({ command: 'all', targets: GNU })).status, 0);
    w.emu.resetRequests();
    const res = await w.action({
      command: 'verify',
      repo: REPO,
      tag: 'v1.2.3',
      targets: GNU,
    });
    assert.equal(res.status, 0, res.stdout);
    assert.equal(report(res.outputs).ok, true);
    const downloads = w.emu.requests.filter((q) => q.origin === 'download');
    assert.ok(
      downloads.length >= 3 && downloads.every((d) => d.headers.authorization === undefined),
    );
  });

  test('all with sign: true: the signatures on the release verify against the stand-in', async () => {
    const w = await publishWorld();
    const subject = `${w.env.GITHUB_SERVER_URL}/${REPO}/.github/workflows/release.yml@refs/tags/v1.2.3`;
    const s = await startSigstoreStandIn({ subject });
    cleanups.push(
      () => w.close(),
      () => s.close(),
    );
    await w.repo.binary(GNU);
    const res = await w.action(
      {
        command: 'all',
        targets: GNU,
        sign: 'true',
        'require-signature': 'true',
        'fulcio-url': s.url,
        'rekor-url': s.url,
        'trusted-root': s.trustedRootPath,
      },
      { env: s.env() },
    );
    assert.equal(res.status, 0, res.stdout);
    const r = report(res.outputs);
    assert.equal(r.ok, true);
    const sig = r.checks.find((c) => c.check === 'signature' && c.subject === tb(GNU));
    assert.equal(sig?.status, 'pass', JSON.stringify(r.checks));
  });

  test('draft: true: the installer cannot see the draft, so dist is checked; verify: false skips', async () => {
    const w = await publishWorld();
    cleanups.push(() => w.close());
    await w.repo.binary(GNU);
    const draft = await w.action({ command: 'all', targets: GNU, draft: 'true' });
    assert.equal(draft.status, 0, draft.stdout);
    assert.equal(report(draft.outputs).mode, 'local');
    assert.match(draft.stdout, /is a draft, which the installer cannot see/);
    const off = await w.action({ command: 'all', targets: GNU, verify: 'false' });
    assert.equal(off.status, 0, off.stdout);
    assert.equal(off.outputs.report, undefined);
    assert.match(off.stdout, /verify: skipped, verify: false/);
  });
});
