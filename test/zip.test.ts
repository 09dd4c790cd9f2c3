import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import zlib from 'node:zlib';
import {
  sortZipEntries,
  writeZip,
  type ZipEntry,
  type ZipWriteOptions,
} from '../src/archive/zip.ts';
import { readZip, type ZipProblemKind } from '../src/archive/zip-read.ts';
import { BLOCK_SIZE, deflateEntry, deflateStreamed } from '../src/archive/zip-deflate.ts';
import { isReleaseError } from '../src/errors.ts';
import { craftZip, type CraftEntry } from './support/zip-craft.ts';
import { bsdtarList, readZipWithPython, unzipTest, zipinfoLines } from './support/zip-tools.ts';

const MiB = 1024 * 1024;

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'zip-test-'));
}

/** Compressible, deterministic text-like bytes (xorshift32 over a small vocabulary). */
function textBytes(n: number, seed: number): Buffer {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
  const words = Array.from({ length: 300 }, () => Buffer.from(`${next().toString(36)} `));
  const out = Buffer.allocUnsafe(n);
  for (let off = 0; off < n;) off += words[next() % words.length]!.copy(out, off);
  return out;
}

async function zipTo(file: string, entries: ZipEntry[], o: Partial<ZipWriteOptions> = {}) {
  return writeZip(entries, fs.createWriteStream(file), {
    mtime: 1_700_000_000,
    compressionLevel: 6,
    ...o,
  });
}

function sampleTree(dir: string): ZipEntry[] {
  fs.mkdirSync(path.join(dir, 'src/bin'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src/bin/run'), '#!/bin/sh\necho hi\n', { mode: 0o600 });
  fs.writeFileSync(path.join(dir, 'src/empty'), '');
  fs.writeFileSync(path.join(dir, 'src/notes.txt'), textBytes(200_000, 7));
  return [
    { path: 'bin/', type: 'directory', mode: 0o755 },
    { path: 'bin/run', type: 'file', mode: 0o755, source: path.join(dir, 'src/bin/run') },
    { path: 'empty', type: 'file', mode: 0o644, source: path.join(dir, 'src/empty') },
    { path: 'notes.txt', type: 'file', mode: 0o644, source: path.join(dir, 'src/notes.txt') },
    { path: 'données/é.json', type: 'file', mode: 0o644, data: Buffer.from('{"a":1}\n') },
  ];
}

describe('writeZip', () => {
  test('Info-ZIP, Python zipfile and bsdtar read back names, modes, dates and methods', async () => {
    const dir = tmp();
    const file = path.join(dir, 'a.zip');
    const result = await zipTo(file, sampleTree(dir));
    const bytes = fs.readFileSync(file);
    assert.equal(result.size, bytes.length);
    assert.equal(result.sha256, createHash('sha256').update(bytes).digest('hex'));
    assert.equal(result.entries, 5);

    assert.match(await unzipTest(file), /No errors detected/);
    const lines = await zipinfoLines(file);
    assert.equal(lines.length, 5);
    assert.match(lines[0]!, /^drwxr-xr-x\s+2\.0 unx\s+0 \S+\s+0 stor 23-Nov-14 22:13 bin\/$/);
    assert.match(lines[1]!, /^-rwxr-xr-x\s+2\.0 unx\s+18 \S+\s+\d+ defN .* bin\/run$/);
    assert.match(lines[2]!, /^-rw-r--r--\s+2\.0 unx\s+0 \S+\s+0 stor .* empty$/);
    assert.match(lines[3]!, /^-rw-r--r--\s+2\.0 unx\s+200000 \S+\s+\d+ defN .* notes\.txt$/);

    const py = await readZipWithPython(file);
    assert.equal(py.testzip, null);
    assert.equal(py.comment, '');
    assert.deepEqual(
      py.members.map((m) => [m.name, m.mode.toString(8), m.compress_type, m.flag_bits]),
      [
        ['bin/', '40755', 0, 0],
        ['bin/run', '100755', 8, 0],
        ['empty', '100644', 0, 0],
        ['notes.txt', '100644', 8, 0],
        ['données/é.json', '100644', 8, 0x800],
      ],
    );
    assert.equal(py.members[0]!.external_attr, ((0o40755 << 16) | 0x10) >>> 0);
    for (const m of py.members) {
      assert.deepEqual(m.date_time, [2023, 11, 14, 22, 13, 20]);
      assert.equal(m.create_system, 3);
      assert.equal(m.create_version, 20);
      assert.equal(m.extract_version, 20);
      assert.equal(m.extra, '');
      assert.equal(m.comment, '');
    }
    assert.equal(
      py.members[3]!.sha256,
      createHash('sha256').update(textBytes(200_000, 7)).digest('hex'),
    );

    const tar = await bsdtarList(file);
    assert.equal(tar.length, 5);
    assert.match(tar[1]!, /^-rwxr-xr-x .* 18 .* bin\/run$/);
    assert.match(tar[4]!, /données\/é\.json$/);
  });

  test('no data descriptors, one central directory in entry order, an end record without comment', async () => {
    const dir = tmp();
    const file = path.join(dir, 'a.zip');
    await zipTo(file, sampleTree(dir));
    const zip = readZip(fs.readFileSync(file));
    assert.deepEqual(zip.problems, []);
    assert.deepEqual(
      zip.entries.map((e) => e.name),
      ['bin/', 'bin/run', 'empty', 'notes.txt', 'données/é.json'],
    );
    for (const e of zip.entries) {
      assert.equal(e.flags & 0x08, 0);
      assert.equal(e.versionMadeBy, 0x0314);
    }
    const bytes = fs.readFileSync(file);
    assert.equal(bytes.readUInt32LE(bytes.length - 22), 0x06054b50);
    assert.equal(bytes.readUInt16LE(bytes.length - 2), 0);
    assert.equal(zip.readEntry(zip.entries[1]!).toString(), '#!/bin/sh\necho hi\n');
  });

  test('DOS dates are UTC, clamped to 1980..2107, seconds rounded down to even', async () => {
    const dir = tmp();
    const cases: [number, number[]][] = [
      [0, [1980, 1, 1, 0, 0, 0]],
      [Date.UTC(2024, 1, 29, 23, 59, 59) / 1000, [2024, 2, 29, 23, 59, 58]],
      [Date.UTC(2300, 0, 1) / 1000, [2107, 12, 31, 23, 59, 58]],
    ];
    for (const [mtime, expected] of cases) {
      const file = path.join(dir, `${mtime}.zip`);
      await zipTo(file, [{ path: 'a', type: 'file', mode: 0o644, data: Buffer.from('a') }], {
        mtime,
      });
      const py = await readZipWithPython(file);
      assert.deepEqual(py.members[0]!.date_time, expected, `mtime ${mtime}`);
    }
  });

  test('the same inputs give the same bytes', async () => {
    const dir = tmp();
    await zipTo(path.join(dir, 'one.zip'), sampleTree(dir));
    await zipTo(path.join(dir, 'two.zip'), sampleTree(dir));
    assert.ok(
      fs.readFileSync(path.join(dir, 'one.zip')).equals(fs.readFileSync(path.join(dir, 'two.zip'))),
    );
  });

  test('a large entry compressed on several threads equals the same entry on one', async () => {
    const dir = tmp();
    // Past the 16 MiB spool threshold once compressed: half incompressible, half text.
    const big = textBytes(6 * MiB, 3);
    const noise = Buffer.allocUnsafe(18 * MiB);
    let x = 12345;
    for (let i = 0; i < noise.length; i += 4) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      noise.writeUInt32LE(x >>> 0, i);
    }
    fs.writeFileSync(path.join(dir, 'big'), Buffer.concat([big, noise]));
    const entries: ZipEntry[] = [
      { path: 'big', type: 'file', mode: 0o644, source: path.join(dir, 'big') },
    ];
    const many = await zipTo(path.join(dir, 'many.zip'), entries, {
      concurrency: 4,
      compressionLevel: 1,
    });
    const one = await zipTo(path.join(dir, 'one.zip'), entries, {
      concurrency: 1,
      compressionLevel: 1,
    });
    assert.equal(many.sha256, one.sha256);
    const zip = readZip(fs.readFileSync(path.join(dir, 'many.zip')));
    assert.deepEqual(zip.problems, []);
    assert.ok(zip.entries[0]!.compressedSize > 16 * MiB);
    assert.ok(zip.readEntry(zip.entries[0]!).equals(Buffer.concat([big, noise])));
    assert.match(await unzipTest(path.join(dir, 'many.zip')), /No errors detected/);
  });

  test('a small entry deflated as one block equals the streamed path', async () => {
    for (const size of [1, 5000, BLOCK_SIZE]) {
      const data = textBytes(size, size);
      const direct = await deflateEntry({ path: 'x', data }, 6, 2);
      const streamed = await deflateStreamed({ path: 'x', data }, 6, 2);
      assert.ok(Buffer.concat([...direct.chunks()]).equals(Buffer.concat([...streamed.chunks()])));
      assert.equal(direct.crc, streamed.crc);
      assert.ok(zlib.inflateRawSync(Buffer.concat([...direct.chunks()])).equals(data));
      direct.dispose();
      streamed.dispose();
    }
  });

  test('many small files keep their order and bytes', async () => {
    const dir = tmp();
    const entries: ZipEntry[] = Array.from({ length: 200 }, (_, i) => ({
      path: `f/${String(i).padStart(3, '0')}`,
      type: 'file' as const,
      mode: 0o644,
      data: textBytes(1 + ((i * 7919) % 30_000), i + 1),
    }));
    const file = path.join(dir, 'many.zip');
    await zipTo(file, entries, { concurrency: 3 });
    const py = await readZipWithPython(file);
    assert.deepEqual(
      py.members.map((m) => [m.name, m.sha256]),
      entries.map((e) => [e.path, createHash('sha256').update(e.data!).digest('hex')]),
    );
  });

  test('sorts by UTF-8 bytes, not UTF-16 code units', () => {
    const names = ['\u{ff61}', 'b', '\u{1f600}', 'B', 'a/b', 'a-b', 'é'];
    const sorted = sortZipEntries(names.map((p) => ({ path: p }))).map((e) => e.path);
    assert.deepEqual(sorted, ['B', 'a-b', 'a/b', 'b', 'é', '\u{ff61}', '\u{1f600}']);
  });

  test('more than 65,535 entries is LIMIT_EXCEEDED before anything is written', async () => {
    const dir = tmp();
    const file = path.join(dir, 'many.zip');
    const entries: ZipEntry[] = Array.from({ length: 65_536 }, (_, i) => ({
      path: `f${i}`,
      type: 'file' as const,
      mode: 0o644,
      data: Buffer.alloc(0),
    }));
    await assert.rejects(zipTo(file, entries), (e) => isReleaseError(e, 'LIMIT_EXCEEDED'));
    assert.equal(fs.existsSync(file) ? fs.statSync(file).size : 0, 0);
  });
});

describe('readZip catches unsafe archives', () => {
  const file = (name: string, data = 'x'): CraftEntry => ({ name, data: Buffer.from(data) });
  const kinds = (buf: Buffer) => new Set(readZip(buf).problems.map((p) => p.kind));
  const cases: [string, Buffer, ZipProblemKind][] = [
    ['an absolute path', craftZip([file('/etc/passwd')]), 'path'],
    ['a drive letter', craftZip([file('C:/x')]), 'path'],
    ['a .. segment', craftZip([file('a/../../x')]), 'path'],
    ['a backslash', craftZip([file('a\\b')]), 'path'],
    ['a duplicate name', craftZip([file('a'), file('a', 'y')]), 'duplicate'],
    [
      'a symlink',
      craftZip([{ ...file('l', '/etc'), external: 0o120777 * 0x10000 }]),
      'special-file',
    ],
    ['a FIFO', craftZip([{ ...file('p', ''), external: 0o010644 * 0x10000 }]), 'special-file'],
    ['encryption', craftZip([{ ...file('e'), flags: 1 }]), 'encrypted'],
    [
      'method 12 (bzip2)',
      craftZip([{ ...file('m'), method: 12, raw: Buffer.from('x') }]),
      'method',
    ],
    [
      'a ZIP64 extra field',
      craftZip([{ ...file('z'), extra: Buffer.from([1, 0, 0, 0]) }]),
      'zip64',
    ],
    ['a ZIP64 entry count', craftZip([file('z')], { count: 0xffff }), 'zip64'],
    [
      'bytes after the end record',
      Buffer.concat([craftZip([file('a')]), Buffer.from('junk')]),
      'end-record',
    ],
    [
      'two archives glued',
      Buffer.concat([craftZip([file('a')]), craftZip([file('b')])]),
      'end-record',
    ],
    [
      'a gap before the end record',
      craftZip([file('a')], { gap: Buffer.alloc(7) }),
      'central-directory',
    ],
    [
      'a local name that differs',
      craftZip([{ ...file('a'), local: { name: 'b' } }]),
      'local-header',
    ],
    ['a local CRC that differs', craftZip([{ ...file('a'), local: { crc: 1 } }]), 'local-header'],
    [
      'local flags that differ',
      craftZip([{ ...file('a'), local: { flags: 0x800 } }]),
      'local-header',
    ],
    [
      'a local method that differs',
      craftZip([{ ...file('a'), local: { method: 0 } }]),
      'local-header',
    ],
    ['a local size that differs', craftZip([{ ...file('a'), local: { size: 9 } }]), 'local-header'],
    ['a truncated file', craftZip([file('a')]).subarray(0, 40), 'end-record'],
  ];
  for (const [what, buf, kind] of cases) {
    test(what, () => assert.ok(kinds(buf).has(kind), `${what}: ${[...kinds(buf)].join(', ')}`));
  }

  test('overlapping local regions', () => {
    // 'a' is stored; its data is a complete local header and data for 'b', which the central
    // directory also lists: two entries share bytes.
    const inner = craftZip([{ name: 'b', data: Buffer.from('bb'), method: 0 }]);
    const innerLocal = inner.subarray(0, 30 + 1 + 2);
    const buf = craftZip([
      { name: 'a', data: innerLocal, method: 0 },
      { name: 'b', data: Buffer.from('bb'), method: 0, offset: 30 + 1 },
    ]);
    assert.deepEqual([...kinds(buf)], ['overlap']);
  });

  test('a well-formed crafted archive has no problems', () => {
    const zip = readZip(craftZip([file('a/b.txt', 'hello'), { name: 'c', data: Buffer.alloc(0) }]));
    assert.deepEqual(zip.problems, []);
    assert.equal(zip.readEntry(zip.entries[0]!).toString(), 'hello');
  });

  test('a flipped byte in compressed data fails readEntry', async () => {
    const dir = tmp();
    const f = path.join(dir, 'a.zip');
    await zipTo(f, [{ path: 't', type: 'file', mode: 0o644, data: textBytes(50_000, 9) }]);
    const buf = fs.readFileSync(f);
    const good = readZip(buf);
    const e = good.entries[0]!;
    buf[e.dataOffset + Math.floor(e.compressedSize / 2)]! ^= 0x01;
    const bad = readZip(buf);
    assert.deepEqual(bad.problems, []);
    assert.throws(
      () => bad.readEntry(bad.entries[0]!),
      (err) => isReleaseError(err, 'VERIFY_FAILED'),
    );
  });

  test('a deflate bomb stops at the declared size', () => {
    const huge = Buffer.alloc(10 * MiB);
    const raw = zlib.deflateRawSync(huge);
    const buf = craftZip([{ name: 'a', data: Buffer.from('x'), raw }]);
    const zip = readZip(buf);
    assert.throws(
      () => zip.readEntry(zip.entries[0]!),
      (err) => isReleaseError(err, 'VERIFY_FAILED'),
    );
  });
});
