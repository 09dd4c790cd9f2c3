import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import zlib from 'node:zlib';
import {
  blockBound,
  deflateBlock,
  startedWorkers,
  type BlockJob,
} from '../src/archive/deflate/pool.ts';
import { DEFLATE_WASM_BASE64, DEFLATE_WASM_SHA256 } from '../src/archive/deflate/wasm.generated.ts';
import { isReleaseError } from '../src/errors.ts';
import { machineCode } from './support/machine-code.ts';

const KiB = 1024;

const job = (data: Buffer, dict: Buffer = Buffer.alloc(0), last = true, level = 6): BlockJob => ({
  level,
  dict,
  data: Buffer.from(data), // a copy: the pool may move the buffer it is given to a worker
  last,
});

/** Inflates a raw deflate piece the way the gzip stream uses it: after `dict`, and either final
 * or followed by a final empty block (`03 00`), which fails unless the piece was non-final. */
function inflatePiece(out: Buffer, dict: Buffer, last: boolean): Buffer {
  const stream = last ? out : Buffer.concat([out, Buffer.from([0x03, 0x00])]);
  return zlib.inflateRawSync(stream, dict.length > 0 ? { dictionary: dict } : {});
}

describe('the WebAssembly deflater', () => {
  test('the embedded module is the one recorded and imports nothing', () => {
    const bytes = Buffer.from(DEFLATE_WASM_BASE64, 'base64');
    assert.equal(createHash('sha256').update(bytes).digest('hex'), DEFLATE_WASM_SHA256);
    const module = new WebAssembly.Module(bytes);
    assert.deepEqual(WebAssembly.Module.imports(module), []);
    const names = WebAssembly.Module.exports(module).map((e) => e.name);
    for (const name of ['memory', 'block_alloc', 'block_free', 'block_bound', 'block_deflate']) {
      assert.ok(names.includes(name), name);
    }
    // gzip.ts sizes output buffers with blockBound(); it must agree with the module.
    const bound = new WebAssembly.Instance(module, {}).exports.block_bound as (n: number) => number;
    for (const n of [0, 1, 0xffff, 0x10000, 1024 * KiB, 1024 * KiB + 1, 4096 * KiB]) {
      assert.equal(blockBound(n), bound(n), `${n} bytes`);
    }
  });

  test('matches reach into the dictionary', async () => {
    const dict = machineCode(32 * KiB);
    // The block repeats the last 24 KiB of its dictionary (at distance 24 KiB; deflate's longest
    // distance, 32 KiB, is past what zlib and libdeflate search).
    const data = dict.subarray(8 * KiB);
    const withDict = (await deflateBlock(job(data, dict), 2)).out;
    const without = (await deflateBlock(job(data), 2)).out;
    assert.ok(inflatePiece(withDict, dict, true).equals(data));
    // A few long matches instead of the full encoding.
    assert.ok(withDict.length < 400 && without.length > 6 * KiB, `${withDict.length}`);
  });

  test('non-final pieces end byte-aligned with an empty stored block', async () => {
    const data = machineCode(300 * KiB);
    for (const level of [0, 1, 3, 6, 9]) {
      const { out } = await deflateBlock(job(data, Buffer.alloc(0), false, level), 2);
      assert.ok(out.subarray(-4).equals(Buffer.from([0, 0, 0xff, 0xff])), `level ${level}`);
      assert.ok(inflatePiece(out, Buffer.alloc(0), false).equals(data), `level ${level}`);
      // Read as a stream of its own, a non-final piece never ends.
      assert.throws(() => zlib.inflateRawSync(out), /unexpected end of file/);
    }
  });

  test('every level and size decodes, final or not', async () => {
    const sizes = [1, 3, 64, 65, 300, 70_000, 200 * KiB];
    const dict = machineCode(32 * KiB, 4 * KiB);
    for (const level of [0, 1, 2, 4, 5, 6, 7, 8, 9]) {
      for (const size of sizes) {
        const data = machineCode(size, 40 * KiB);
        for (const last of [true, false]) {
          const { out } = await deflateBlock(job(data, dict, last, level), 2);
          const back = inflatePiece(out, dict, last);
          assert.ok(back.equals(data), `level ${level}, ${size} bytes, last ${last}`);
        }
      }
    }
    const empty = await deflateBlock(job(Buffer.alloc(0)), 2);
    assert.deepEqual([...empty.out], [0x03, 0x00]);
  });

  test('the bytes depend only on the job: not on the worker or what it did before', async () => {
    const data = machineCode(512 * KiB, 100 * KiB);
    const dict = machineCode(32 * KiB, 50 * KiB);
    const first = (await deflateBlock(job(data, dict), 1)).out;
    // Other jobs in between, on pools of other sizes, at other levels, in parallel.
    const noise = await Promise.all(
      [1, 2, 4].flatMap((threads) =>
        [1, 6, 9].map((level) =>
          deflateBlock(job(machineCode(100 * KiB), dict, false, level), threads),
        ),
      ),
    );
    assert.equal(noise.length, 9);
    const again = await Promise.all([1, 2, 3, 4].map((t) => deflateBlock(job(data, dict), t)));
    for (const r of again) assert.ok(r.out.equals(first));
  });

  test('a moved buffer comes back whole; a shared one is copied and left alone', async () => {
    const owned = Buffer.from(new Uint8Array(64 * KiB).fill(7).buffer);
    const r = await deflateBlock({ level: 6, dict: Buffer.alloc(0), data: owned, last: true }, 2);
    assert.equal(owned.length, 0, 'moved to the worker');
    assert.equal(r.data.length, 64 * KiB);
    assert.ok(r.data.every((b) => b === 7));
    const pooled = Buffer.from('a small buffer in Node\u2019s shared pool');
    const before = Buffer.from(pooled);
    await deflateBlock({ level: 6, dict: Buffer.alloc(0), data: pooled, last: true }, 2);
    assert.ok(pooled.equals(before));
  });

  test('a refused job is a ReleaseError and the pool goes on working', async () => {
    await assert.rejects(
      deflateBlock(job(Buffer.from('x'.repeat(1000)), Buffer.alloc(0), true, 10), 2),
      (e) =>
        isReleaseError(e, 'INTERNAL') &&
        /refused level 10/.test(e.message) &&
        /rerun the job/.test(e.message),
    );
    const data = machineCode(10 * KiB);
    assert.ok(
      inflatePiece((await deflateBlock(job(data), 2)).out, Buffer.alloc(0), true).equals(data),
    );
  });

  test('workers start only when there is work for them, never more than asked', async () => {
    const threads = 7; // a pool no other test uses
    assert.equal(startedWorkers(threads), 0);
    await deflateBlock(job(Buffer.alloc(5000, 1)), threads);
    assert.equal(startedWorkers(threads), 1, 'one block, one worker');
    await Promise.all([1, 2, 3].map(() => deflateBlock(job(machineCode(300 * KiB)), threads)));
    assert.ok(startedWorkers(threads) <= 3, `${startedWorkers(threads)} for 3 blocks at once`);
    await Promise.all(
      Array.from({ length: 20 }, () => deflateBlock(job(machineCode(100 * KiB)), threads)),
    );
    assert.equal(startedWorkers(threads), threads);
  });

  test('idle workers never keep the process alive', () => {
    // A process that compresses and then has nothing left to do must exit on its own.
    const pool = new URL('../src/archive/deflate/pool.ts', import.meta.url).href;
    const script = `
      const { deflateBlock } = await import(${JSON.stringify(pool)});
      const r = await deflateBlock({ level: 6, dict: Buffer.alloc(0), data: Buffer.alloc(5000, 1), last: true }, 4);
      console.log(r.out.length);
    `;
    const res = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    assert.equal(res.signal, null, 'the process had to be killed: a worker kept it alive');
    assert.equal(res.status, 0, res.stderr);
    assert.ok(Number(res.stdout.trim()) > 0);
  });
});
