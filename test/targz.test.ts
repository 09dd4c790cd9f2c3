import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, describe, test } from 'node:test';
import zlib from 'node:zlib';
import { ReleaseError } from '../src/errors.ts';
import { tarGzWriter } from '../src/archive/targz.ts';
import { createParallelGzip } from '../src/archive/gzip.ts';
import type { ArchiveEntry } from '../src/archive/types.ts';

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'targz-test-'));
after(() => fs.rm(dir, { recursive: true, force: true }));

/** Collects what is written, so the archive can be checked byte for byte. */
function sink(): { out: Writable; bytes: () => Buffer; closed: () => boolean } {
  const parts: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      parts.push(chunk);
      done();
    },
  });
  return {
    out,
    bytes: () => Buffer.concat(parts),
    closed: () => out.destroyed || out.writableFinished,
  };
}

async function fileEntry(name: string, content: Buffer, recordedSize = content.length) {
  const source = path.join(dir, name);
  await fs.writeFile(source, content);
  const entry: ArchiveEntry = { path: name, type: 'file', mode: 0o644, size: recordedSize, source };
  return entry;
}

const OPTIONS = { mtime: 1_700_000_000, compressionLevel: 6 };

describe('tarGzWriter', () => {
  test('file contents larger than one read come out whole, hashed as written', async () => {
    // 3 reads of 256 KiB plus a tail: the reused read buffer must never leak into later data.
    const content = randomBytes(3 * 256 * 1024 + 777);
    const entry = await fileEntry('big.bin', content);
    const s = sink();
    const result = await tarGzWriter.write([entry], s.out, OPTIONS);
    const gz = s.bytes();
    assert.equal(result.size, gz.length);
    assert.equal(result.sha256, createHash('sha256').update(gz).digest('hex'));
    const tar = zlib.gunzipSync(gz);
    assert.ok(tar.subarray(512, 512 + content.length).equals(content), 'file bytes intact');
    assert.equal(tar.length, 512 + Math.ceil(content.length / 512) * 512 + 1024);
  });

  for (const [what, actual, recorded] of [
    ['grew', 5000, 4000],
    ['shrank', 3000, 4000],
  ] as const) {
    test(`a file that ${what} after it was listed fails the archive with UNSUPPORTED_FILE`, async () => {
      const entry = await fileEntry(`${what}.bin`, randomBytes(actual), recorded);
      const s = sink();
      await assert.rejects(
        tarGzWriter.write([entry], s.out, OPTIONS),
        (e: unknown) =>
          e instanceof ReleaseError &&
          e.code === 'UNSUPPORTED_FILE' &&
          e.message.includes(entry.source!) &&
          e.message.includes('changed size'),
      );
      assert.ok(s.out.destroyed, 'the destination is closed, not left half written and open');
    });
  }

  test('a file removed after it was listed fails with UNSUPPORTED_FILE naming it', async () => {
    const entry = await fileEntry('gone.bin', randomBytes(100));
    await fs.rm(entry.source!);
    await assert.rejects(
      tarGzWriter.write([entry], sink().out, OPTIONS),
      (e: unknown) =>
        e instanceof ReleaseError &&
        e.code === 'UNSUPPORTED_FILE' &&
        e.message.includes(entry.source!),
    );
  });

  test('a destination that fails stops packing with its own error', async () => {
    const entry = await fileEntry('fail.bin', randomBytes(2 * 1024 * 1024));
    const out = new Writable({
      write(_chunk, _enc, done) {
        done(new Error('disk full'));
      },
    });
    await assert.rejects(tarGzWriter.write([entry], out, OPTIONS), /disk full/);
  });
});

describe('createParallelGzip destroyed mid-write', () => {
  test('a writer waiting on its write callback hears the error instead of hanging', async () => {
    const gz = createParallelGzip({ concurrency: 1, blockSize: 1024, level: 0 });
    gz.on('error', () => undefined);
    // Nobody reads: after the in-flight blocks the writer is held on its callback.
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < 64; i++) {
      pending.push(
        new Promise((resolve) => gz.write(Buffer.alloc(4096, i), (err) => resolve(err))),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    gz.destroy(new Error('stop'));
    const results = await Promise.all(pending);
    assert.ok(
      results.some((r) => r instanceof Error),
      'the held writes were told',
    );
  });
});
