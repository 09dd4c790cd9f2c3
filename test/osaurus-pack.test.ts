import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { isReleaseError, type ReleaseError } from '../src/errors.ts';
import { profile } from '../src/ecosystems/osaurus/index.ts';
import { holdsPrivateKey } from '../src/ecosystems/osaurus/rules.ts';
import { sha256sum } from './support/readers.ts';
import { makeOsaurusRepo, type OsaurusRepo } from './support/osaurus.ts';
import { bsdtarList, readZipWithPython, unzipTest, zipinfoLines } from './support/zip-tools.ts';

const repos: OsaurusRepo[] = [];
after(() => Promise.all(repos.map((r) => r.cleanup())));
async function repo(o: Parameters<typeof makeOsaurusRepo>[0] = {}) {
  const r = await makeOsaurusRepo(o);
  repos.push(r);
  return r;
}

const ZIP = 'osaurus.demo-1.2.3.zip';

async function packError(
  r: OsaurusRepo,
  inputs: Record<string, string> = {},
): Promise<ReleaseError> {
  try {
    await profile.pack(r.ctx(inputs));
  } catch (e) {
    if (isReleaseError(e)) return e;
    throw e;
  }
  assert.fail('pack succeeded');
}

describe('osaurus pack: the bundle as three independent readers see it', () => {
  test('layout, order, modes, timestamps, sidecar; Info-ZIP, Python and bsdtar agree', async () => {
    const r = await repo();
    await r.write('CHANGELOG.md', '# 1.2.3\n');
    await r.write('LICENSE', 'MIT\n');
    await r.write('skills/extra/SKILL.md', '---\nname: extra\n---\n');
    await r.write('assets/icon.svg', '<svg/>\n');
    await fs.chmod(path.join(r.dir, 'README.md'), 0o755); // modes of sources are normalised
    await fs.chmod(path.join(r.dir, 'libOsaurusDemo.dylib'), 0o600);
    const assets = await profile.pack(r.ctx({ include: 'assets' }));
    const zip = path.join(r.dir, 'dist', ZIP);
    assert.deepEqual(
      assets.map((a) => a.name),
      [ZIP, `${ZIP}.sha256`],
    );
    assert.equal(await fs.readFile(`${zip}.sha256`, 'utf8'), `${await sha256sum(zip)}\n`);
    assert.equal(assets[0]!.sha256, await sha256sum(zip));

    const py = await readZipWithPython(zip);
    assert.equal(py.testzip, null);
    assert.deepEqual(
      py.members.map((m) => [m.name, m.external_attr.toString(16), m.create_system, m.flag_bits]),
      [
        ['CHANGELOG.md', '81a40000', 3, 0],
        ['LICENSE', '81a40000', 3, 0],
        ['README.md', '81a40000', 3, 0],
        ['SKILL.md', '81a40000', 3, 0],
        ['assets/', '41ed0010', 3, 0],
        ['assets/icon.svg', '81a40000', 3, 0],
        ['libOsaurusDemo.dylib', '81ed0000', 3, 0],
        ['skills/', '41ed0010', 3, 0],
        ['skills/extra/', '41ed0010', 3, 0],
        ['skills/extra/SKILL.md', '81a40000', 3, 0],
        ['web/', '41ed0010', 3, 0],
        ['web/index.html', '81a40000', 3, 0],
      ],
    );
    const dylib = py.members.find((m) => m.name === 'libOsaurusDemo.dylib')!;
    assert.equal(dylib.sha256, await sha256sum(path.join(r.dir, 'libOsaurusDemo.dylib')));
    assert.equal(dylib.compress_type, 8);
    for (const m of py.members) {
      assert.deepEqual(m.date_time, [2023, 11, 14, 22, 13, 20], m.name);
      assert.equal(m.extra, '');
    }
    const info = await zipinfoLines(zip);
    assert.ok(
      info.some((l) => /^-rwxr-xr-x .* libOsaurusDemo\.dylib$/.test(l)),
      info.join('\n'),
    );
    assert.ok(info.some((l) => /^drwxr-xr-x .* web\/$/.test(l)));
    assert.match(await unzipTest(zip), /No errors detected/);
    const bsd = await bsdtarList(zip);
    assert.ok(
      bsd.some((l) => /^-rwxr-xr-x .* libOsaurusDemo\.dylib$/.test(l)),
      bsd.join('\n'),
    );
    assert.ok(bsd.some((l) => /^-rw-r--r-- .* README\.md$/.test(l)));
    assert.ok(bsd.some((l) => /^drwxr-xr-x .* skills\/extra\/$/.test(l)));
  });

  test('byte-reproducible: same inputs, same bytes, whatever the files mtimes', async () => {
    const r = await repo();
    await profile.pack(r.ctx());
    const first = await sha256sum(path.join(r.dir, 'dist', ZIP));
    await fs.utimes(path.join(r.dir, 'README.md'), new Date(), new Date(2001, 1, 1));
    await profile.pack(r.ctx());
    assert.equal(await sha256sum(path.join(r.dir, 'dist', ZIP)), first);
  });

  test('timestamps are clamped to the DOS range', async () => {
    const r = await repo({ docs: false });
    for (const [epoch, expected] of [
      ['0', [1980, 1, 1, 0, 0, 0]],
      ['9999999999', [2107, 12, 31, 23, 59, 58]],
    ] as const) {
      await profile.pack(r.ctx({ 'source-date-epoch': epoch }));
      const py = await readZipWithPython(path.join(r.dir, 'dist', ZIP));
      assert.deepEqual(py.members[0]!.date_time, expected);
    }
  });

  test('links inside the tree are stored as the files they point to', async () => {
    const r = await repo();
    await r.write('docs/guide.md', 'guide\n');
    await fs.symlink('../docs/guide.md', path.join(r.dir, 'web', 'guide.md'));
    await profile.pack(r.ctx());
    const py = await readZipWithPython(path.join(r.dir, 'dist', ZIP));
    const link = py.members.find((m) => m.name === 'web/guide.md')!;
    assert.equal(link.external_attr.toString(16), '81a40000');
    assert.equal(link.file_size, 6);
  });
});

describe('osaurus pack: refusals name every file', () => {
  test('sources, secrets, hidden files, a second .dylib, a key block, a link outside, a case collision', async () => {
    const r = await repo();
    const outside = await fs.mkdtemp(path.join(os.tmpdir(), 'prt-outside-'));
    repos.push({ ...r, cleanup: () => fs.rm(outside, { recursive: true, force: true }) });
    await r.write('web/app.ts', 'let x = 1;\n');
    await r.write('web/Plugin.swift', 'import Foundation\n');
    await r.write('web/server.pem', 'x\n');
    await r.write('web/.env.local', 'TOKEN=1\n');
    await r.write('web/.DS_Store', 'x');
    await r.write('web/other.dylib', 'x');
    await r.write(
      'web/notes.txt',
      'see\n-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----\n',
    );
    await r.write('web/Index.HTML', 'dup\n');
    await fs.writeFile(path.join(outside, 'secret.txt'), 'x');
    await fs.symlink(path.join(outside, 'secret.txt'), path.join(r.dir, 'web', 'linked.txt'));
    const e = await packError(r);
    assert.equal(e.code, 'ARTIFACT_REFUSED');
    const files = e.diagnostics.map((d) => d.message.split(':')[0]).sort();
    assert.deepEqual(files, [
      'web/.DS_Store',
      'web/.env.local',
      'web/Plugin.swift',
      'web/app.ts',
      'web/index.html',
      'web/linked.txt',
      'web/notes.txt',
      'web/other.dylib',
      'web/server.pem',
    ]);
    await assert.rejects(fs.stat(path.join(r.dir, 'dist', ZIP)), 'nothing written');
  });

  test("the extractor's limits: depth and ratio", async () => {
    const deep = await repo();
    await deep.write(`web/${Array.from({ length: 33 }, (_, i) => `d${i}`).join('/')}/x.txt`, 'x');
    assert.equal((await packError(deep)).code, 'LIMIT_EXCEEDED');
    const bomb = await repo();
    await bomb.write('web/zeros.bin', Buffer.alloc(5 * 1024 * 1024));
    const e = await packError(bomb);
    assert.equal(e.code, 'LIMIT_EXCEEDED');
    assert.match(e.message, /web\/zeros\.bin expands \d+:1/);
    assert.deepEqual(await fs.readdir(path.join(bomb.dir, 'dist')), []);
  });

  test('the dylib: the input (path or glob), else the one *.dylib; none or several is an error', async () => {
    const r = await repo();
    await r.write('build/libOther.dylib', randomBytes(100));
    await profile.pack(r.ctx());
    let py = await readZipWithPython(path.join(r.dir, 'dist', ZIP));
    assert.ok(py.members.some((m) => m.name === 'libOsaurusDemo.dylib'));
    await profile.pack(r.ctx({ dylib: 'build/*.dylib' }));
    py = await readZipWithPython(path.join(r.dir, 'dist', ZIP));
    assert.ok(py.members.some((m) => m.name === 'libOther.dylib'));
    assert.ok(!py.members.some((m) => m.name === 'libOsaurusDemo.dylib'));
    await r.write('libSecond.dylib', randomBytes(10));
    const two = await packError(r);
    assert.equal(two.code, 'USAGE');
    assert.match(two.message, /libOsaurusDemo\.dylib, libSecond\.dylib/);
    const none = await packError(r, { dylib: 'missing/*.dylib' });
    assert.equal(none.code, 'BINARY_MISSING');
    assert.match(none.message, /libOsaurusDemo\.dylib/);
  });

  test('a key block deep in a large file is found; a bare BEGIN line is no block', async () => {
    const r = await repo({ docs: false });
    const block = '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----\n';
    const at = 4 * 1024 * 1024 - 19; // the BEGIN marker straddles the first 4 MiB read
    const file = await r.write('big.bin', Buffer.concat([randomBytes(at), Buffer.from(block)]));
    assert.equal(await holdsPrivateKey(file), true);
    const bare = await r.write(
      'parser.bin',
      'if line == "-----BEGIN PRIVATE KEY-----" { parse() }\n',
    );
    assert.equal(await holdsPrivateKey(bare), false);
  });
});
