/**
 * Smoke test of the benchmark suite (`node bench/run.ts --smoke`): tiny inputs, one run each,
 * against the built CLI and the real emulator and Sigstore stand-in. It keeps the suite working
 * and checks what is not timing: both publish scenarios published exactly their assets, gh's
 * algorithm sent what it should, reruns upload nothing, certificates per signing run, and every
 * result has the structure BENCHMARKS.md is generated from. Nothing here asserts a time or a
 * ratio, nor the request-count targets of issue #13, which the publish path has yet to reach.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Results } from '../bench/lib/results.ts';
import type { Series } from '../bench/lib/stats.ts';
import { ROOT, spawnNode, baseEnv } from './support/fixture.ts';

const RUN = path.join(ROOT, 'bench', 'run.ts');

function assertSeries(s: Series, runs: number, what: string): void {
  assert.equal(s.samples.length, runs, `${what}: one sample per run`);
  for (const v of s.samples) assert.ok(Number.isFinite(v) && v > 0, `${what}: sample ${v}`);
  assert.ok(s.min <= s.median && s.median <= s.max, `${what}: min <= median <= max`);
  assert.equal(s.load?.length, runs, `${what}: machine load recorded per sample`);
}

async function bench(args: string[], out: string): Promise<Results> {
  const res = await spawnNode([RUN, '--smoke', '--out', out, ...args], {
    cwd: ROOT,
    env: baseEnv(),
  });
  assert.equal(res.status, 0, `bench failed:\n${res.stdout}\n${res.stderr}`);
  assert.match(res.stdout, /targets met/);
  return JSON.parse(await fs.readFile(out, 'utf8')) as Results;
}

describe('bench/run.ts --smoke', () => {
  let dir: string;
  let out: string;
  let r: Results;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-smoke-'));
    out = path.join(dir, 'results.json');
    r = await bench([], out);
  });
  after(() => fs.rm(dir, { recursive: true, force: true }));

  test('records the machine, the source and the run', () => {
    assert.equal(r.schema, 1);
    assert.equal(r.smoke, true);
    assert.equal(r.runs, 1);
    assert.equal(r.machine.cores, os.availableParallelism());
    assert.equal(r.machine.node, process.version);
    assert.match(r.source.cliSha256, /^[0-9a-f]{64}$/);
    assert.equal(r.load.before.length, 3);
    assert.equal(r.load.after.length, 3);
  });

  test('pack: every series, sizes and peak RSS at two payload sizes', () => {
    const p = r.pack!;
    for (const [name, s] of Object.entries({
      guide: p.guide.wallMs,
      ours: p.ours.wallMs,
      small: p.oursSmall.wallMs,
      ceiling: p.ceiling.wallMs,
      deflater: p.deflaterCeiling.wallMs,
    }))
      assertSeries(s, 1, `pack ${name}`);
    assert.ok(p.payload.bytes > p.payload.smallBytes);
    assert.ok(p.payload.elfSources > 0);
    for (const [k, v] of Object.entries(p.sizes)) assert.ok(v > 0, `size ${k}`);
    assert.ok(p.ours.maxRssMiB.max > 0 && p.oursSmall.maxRssMiB.max > 0);
  });

  test('publish: both scenarios publish exactly their assets, gh sends N + 2, reruns upload nothing', () => {
    const p = r.publish!;
    const perTarget = { unsigned: 2, signed: 7 };
    for (const x of [p.unsigned, p.signed]) {
      const n = 1 + p.targets * perTarget[x.name as 'unsigned' | 'signed'];
      assert.equal(x.assets, n, `${x.name}: manifest, tarball, sidecar (and five signature files)`);
      assert.equal(x.first.uploads, n, `${x.name}: every asset uploaded once on a first publish`);
      assert.equal(x.first.byRoute['upload-asset'], n, `${x.name}: uploads by route`);
      assert.equal(x.baseline.byRoute['upload-asset'], n, `${x.name}: gh uploads every file`);
      // gh's algorithm: create, N uploads, publish; nothing else.
      assert.equal(x.baseline.requests, n + 2, `${x.name}: gh sent ${x.baseline.requests}`);
      assert.equal(x.rerun.uploadsMax, 0, `${x.name}: an identical rerun uploads nothing`);
      assertSeries(x.baseline.wallMs, 1, `publish ${x.name} gh`);
      assertSeries(x.ours.wallMs, 1, `publish ${x.name} ours`);
      assertSeries(x.ours.startupMs, 1, `publish ${x.name} start-up`);
      assert.ok(x.ours.startupMs.max < x.ours.wallMs.min, `${x.name}: start-up within the run`);
    }
    assert.ok(p.tarballBytes > 64 * 1024, 'a real tarball of the 64 KiB random binary');
    assertSeries(p.nodeStart.startupMs, 1, 'node start-up');
    assert.equal(p.big.stored, true, 'the big asset reached the release');
    assert.equal(p.bigAction?.stored, true, 'the action entry published the big asset too');
    // Request counts do not depend on the machine: these targets hold in the smoke run too.
    for (const id of [
      'publish.rerun-uploads',
      'publish.first-requests',
      'publish.first-requests-signed',
      'publish.rerun-requests',
      'publish.rerun-requests-verify',
    ])
      assert.equal(r.checks.find((c) => c.id === id)?.pass, true, id);
    assert.deepEqual(
      r.info?.map((i) => i.id),
      [
        'publish.startup',
        'publish.startup-signed',
        'publish.startup-node',
        'publish.startup-ratio',
      ],
    );
  });

  test('sign: one certificate for all tarballs, one per tarball in the baseline', () => {
    const g = r.sign!;
    assert.equal(g.ours.certificates, 1);
    assert.equal(g.sequential.certificates, g.tarballs);
    assert.equal(g.ours.logEntries, g.tarballs);
    assert.equal(g.sequential.logEntries, g.tarballs);
    assertSeries(g.ours.wallMs, 1, 'sign ours');
  });

  test('osaurus: our pack and zip -6 over the same files, both archives measured', () => {
    const z = r.osaurus!;
    assertSeries(z.ours.wallMs, 1, 'osaurus ours');
    assertSeries(z.zip.wallMs, 1, 'osaurus zip');
    assert.ok(z.sizes.ours > 0 && z.sizes.zip > 0);
    assert.deepEqual(z.payload.files, ['libBench.dylib', 'README.md', 'SKILL.md']);
  });

  test('every target is checked, with a verdict that follows from the numbers', () => {
    const ids = r.checks.map((c) => c.id).sort();
    assert.deepEqual(ids, [
      'osaurus.size',
      'osaurus.vs-zip',
      'pack.rss-large',
      'pack.rss-small',
      'pack.size',
      'pack.vs-ceiling',
      'pack.vs-guide',
      'publish.first-requests',
      'publish.first-requests-signed',
      'publish.rerun-requests',
      'publish.rerun-requests-verify',
      'publish.rerun-uploads',
      'publish.rss-big',
      'publish.rss-big-action',
      'publish.vs-gh',
      'publish.vs-gh-signed',
      'sign.vs-sequential',
    ]);
    for (const c of r.checks) {
      const expected = c.op === '<=' ? c.measured <= c.limit : c.measured >= c.limit;
      assert.equal(c.pass, expected, c.id);
    }
  });

  test('--write-md renders every check and number source from the results file', async () => {
    const md = path.join(dir, 'BENCHMARKS.md');
    const res = await spawnNode([RUN, '--write-md', '--out', out, '--md', md], {
      cwd: ROOT,
      env: baseEnv(),
    });
    assert.equal(res.status, 0, res.stderr);
    const text = await fs.readFile(md, 'utf8');
    for (const c of r.checks) assert.ok(text.includes(`| ${c.id} |`), c.id);
    assert.ok(text.includes(r.machine.cpuModel));
    assert.ok(text.includes(r.machine.kernel), 'the machine section');
    for (const i of r.info ?? []) assert.ok(text.includes(`| ${i.id} |`), i.id);
    assert.ok(text.includes('| upload-asset |'), 'requests per route');
    assert.ok(text.includes(`| all | ${r.publish!.unsigned.baseline.requests} |`));
    assert.ok(text.includes(String(r.pack!.sizes.ours)));
  });
});

describe('bench/run.ts --smoke with the resourceUsage wrapper instead of GNU time', () => {
  test('peak RSS is still measured by the operating system', async (t) => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-smoke-'));
    t.after(() => fs.rm(dir, { recursive: true, force: true }));
    const r = await bench(
      ['--probe', 'wrapper', '--only', 'pack,publish'],
      path.join(dir, 'results.json'),
    );
    assert.equal(r.probe, 'wrapper');
    assert.equal(r.sign, undefined);
    assert.ok(r.pack!.ours.maxRssMiB.max > 10, 'a node process takes more than 10 MiB');
    assert.ok(r.publish!.big.maxRssMiB > 10);
    assert.equal(r.pack!.guide.cpuS, null, 'no CPU time for non-node commands under the wrapper');
  });
});
