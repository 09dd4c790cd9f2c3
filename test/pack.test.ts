import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { makePluginRepo, manifestText, runInProcess, type PluginRepo } from './support/fixture.ts';
import { listWithGnuTar, readWithPython, sha256sum } from './support/readers.ts';

const GNU = 'x86_64-unknown-linux-gnu';
const ARM = 'aarch64-apple-darwin';
const EPOCH = '1700000000';
const repos: PluginRepo[] = [];
after(() => Promise.all(repos.map((r) => r.cleanup())));

async function repo(manifest?: string, prefix?: string): Promise<PluginRepo> {
  const r = await makePluginRepo({ manifest, prefix });
  repos.push(r);
  return r;
}

function pack(r: PluginRepo, inputs: Record<string, string>) {
  return runInProcess({ command: 'pack', 'source-date-epoch': EPOCH, ...inputs }, { cwd: r.dir });
}

describe('pack: archive layout read back by independent readers', () => {
  test('two targets: names, sidecars, entries, modes, owners, mtimes, one gzip member', async () => {
    const r = await repo();
    await r.binary(GNU, Buffer.alloc(300_000, 7));
    await r.binary(ARM);
    await r.write('share/data.txt', 'data\n', 0o600);
    await r.write('share/tool.sh', '#!/bin/sh\n', 0o700);
    const res = await pack(r, { targets: `${GNU},${ARM}`, include: 'share', tag: 'v1.2.3' });
    assert.equal(res.status, 0, res.errorText);
    const dist = await fs.readdir(path.join(r.dir, 'dist'));
    assert.deepEqual(dist.sort(), [
      `demo_plugin-1.2.3-${ARM}.tar.gz`,
      `demo_plugin-1.2.3-${ARM}.tar.gz.sha256`,
      `demo_plugin-1.2.3-${GNU}.tar.gz`,
      `demo_plugin-1.2.3-${GNU}.tar.gz.sha256`,
    ]);
    const tarball = path.join(r.dir, 'dist', `demo_plugin-1.2.3-${GNU}.tar.gz`);
    const sidecar = await fs.readFile(`${tarball}.sha256`, 'utf8');
    assert.match(sidecar, /^[0-9a-f]{64}\n$/);
    assert.equal(sidecar.trim(), await sha256sum(tarball));

    const py = await readWithPython(tarball);
    assert.equal(py.trailing, 0, 'exactly one gzip member, nothing after it');
    assert.deepEqual(py.globalPax, {}, 'no PAX global header');
    assert.deepEqual(py.gzipHeader.slice(4, 8), [0, 0, 0, 0], 'gzip mtime is zero');
    assert.deepEqual(
      py.members.map((m) => [m.name, m.type, m.mode.toString(8)]),
      [
        ['nexo-plugin.toml', 'file', '644'],
        ['bin', 'dir', '755'],
        ['bin/demo_plugin', 'file', '755'],
        ['share', 'dir', '755'],
        ['share/data.txt', 'file', '644'],
        ['share/tool.sh', 'file', '755'],
      ],
    );
    for (const m of py.members) {
      assert.equal(m.uid, 0);
      assert.equal(m.gid, 0);
      assert.equal(m.uname, '');
      assert.equal(m.gname, '');
      assert.equal(m.mtime, Number(EPOCH));
    }
    assert.equal(py.members[0]!.content, manifestText());
    assert.equal(py.members[2]!.size, 300_000);

    const gnu = await listWithGnuTar(tarball);
    assert.equal(gnu.length, 6);
    assert.match(gnu[0]!, /^-rw-r--r-- 0\/0 .* 2023-11-14 22:13:20 nexo-plugin\.toml$/);
    assert.match(gnu[2]!, /^-rwxr-xr-x 0\/0 +300000 .* bin\/demo_plugin$/);
    assert.match(gnu[1]!, /^drwxr-xr-x 0\/0 .* bin\/$/);

    const assets = JSON.parse(res.reporter.outputs.assets!) as {
      name: string;
      sha256: string;
      size: number;
      target: string;
    }[];
    const entry = assets.find((a) => a.name.endsWith(`${GNU}.tar.gz`))!;
    assert.equal(entry.sha256, sidecar.trim());
    assert.equal(entry.size, (await fs.stat(tarball)).size);
    assert.equal(entry.target, GNU);
    assert.equal(res.reporter.outputs.version, '1.2.3');
    assert.equal(res.reporter.outputs.id, 'demo_plugin');
    assert.match(
      res.reporter.summaries.join('\n'),
      new RegExp(`\\| demo_plugin-1\\.2\\.3-${GNU}\\.tar\\.gz \\| ${GNU} \\|`),
    );
  });

  test('long paths use per-file PAX or ustar prefix, never a global header', async () => {
    const r = await repo();
    await r.binary(GNU);
    const deep = `lib/${'segment-name/'.repeat(14)}file-with-a-rather-long-name-${'x'.repeat(60)}.txt`;
    await r.write(deep, 'deep\n');
    const res = await pack(r, { targets: GNU, include: 'lib' });
    assert.equal(res.status, 0, res.errorText);
    const py = await readWithPython(path.join(r.dir, 'dist', `demo_plugin-1.2.3-${GNU}.tar.gz`));
    assert.deepEqual(py.globalPax, {});
    assert.ok(py.members.some((m) => m.name === deep && m.content === 'deep\n'));
  });
});

describe('pack: reproducible bytes', () => {
  test('different checkout paths, file times, umask and source modes give identical archives', async () => {
    const a = await repo(undefined, 'prt-a-');
    const b = await repo(undefined, 'prt-bbbbbbbb-');
    await a.binary(GNU, 'bin');
    await b.binary(GNU, 'bin');
    await a.write('lib/x.js', 'x', 0o644);
    await b.write('lib/x.js', 'x', 0o600);
    await fs.utimes(path.join(b.dir, 'lib/x.js'), new Date(2001, 1, 1), new Date(2001, 1, 1));
    await fs.chmod(path.join(b.dir, 'lib'), 0o700);
    const old = process.umask(0o077);
    const ra = await pack(a, { targets: GNU, include: 'lib' });
    process.umask(0o002);
    const rb = await pack(b, { targets: GNU, include: 'lib' });
    process.umask(old);
    assert.equal(ra.status, 0, ra.errorText);
    assert.equal(rb.status, 0, rb.errorText);
    const name = `dist/demo_plugin-1.2.3-${GNU}.tar.gz`;
    const [ba, bb] = await Promise.all([
      fs.readFile(path.join(a.dir, name)),
      fs.readFile(path.join(b.dir, name)),
    ]);
    assert.ok(ba.equals(bb), 'archives differ');
    // A different epoch must change the bytes: the comparison above is not vacuous.
    const rc = await runInProcess(
      { command: 'pack', 'source-date-epoch': '1', targets: GNU, include: 'lib' },
      { cwd: a.dir },
    );
    assert.equal(rc.status, 0);
    assert.ok(!(await fs.readFile(path.join(a.dir, name))).equals(ba));
  });

  test('without an explicit epoch the commit time of HEAD is used', async () => {
    const r = await repo();
    await r.binary(GNU);
    const { execFileSync } = await import('node:child_process');
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: r.dir,
        env: {
          ...process.env,
          GIT_AUTHOR_DATE: '@1600000000 +0000',
          GIT_COMMITTER_DATE: '@1600000000 +0000',
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@t',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@t',
        },
      });
    git('init', '-q');
    git('add', 'nexo-plugin.toml');
    git('commit', '-q', '-m', 'x');
    const res = await runInProcess({ command: 'pack', targets: GNU }, { cwd: r.dir });
    assert.equal(res.status, 0, res.errorText);
    const py = await readWithPython(path.join(r.dir, 'dist', `demo_plugin-1.2.3-${GNU}.tar.gz`));
    assert.ok(py.members.every((m) => m.mtime === 1600000000));
  });
});

describe('pack: only files and directories', () => {
  test('a symlink inside the tree is stored as the file it points to', async () => {
    const r = await repo();
    await r.binary(GNU);
    await r.write('lib/real.js', 'real\n');
    await fs.symlink('real.js', path.join(r.dir, 'lib/link.js'));
    await fs.mkdir(path.join(r.dir, 'lib/store/pkg'), { recursive: true });
    await r.write('lib/store/pkg/index.js', 'pkg\n');
    await fs.symlink('store/pkg', path.join(r.dir, 'lib/pkg'));
    const res = await pack(r, { targets: GNU, include: 'lib' });
    assert.equal(res.status, 0, res.errorText);
    const py = await readWithPython(path.join(r.dir, 'dist', `demo_plugin-1.2.3-${GNU}.tar.gz`));
    const link = py.members.find((m) => m.name === 'lib/link.js')!;
    assert.equal(link.type, 'file');
    assert.equal(link.content, 'real\n');
    assert.equal(py.members.find((m) => m.name === 'lib/pkg')?.type, 'dir');
    assert.equal(py.members.find((m) => m.name === 'lib/pkg/index.js')?.content, 'pkg\n');
    assert.ok(py.members.every((m) => m.type === 'file' || m.type === 'dir'));
  });

  test('a symlink pointing outside is an error naming it', async () => {
    const r = await repo();
    await r.binary(GNU);
    await fs.mkdir(path.join(r.dir, 'lib'));
    await fs.symlink('/etc/hostname', path.join(r.dir, 'lib/outside'));
    const res = await pack(r, { targets: GNU, include: 'lib' });
    assert.equal(res.status, 1);
    assert.match(res.errorText, /\[SYMLINK_OUTSIDE\].*lib\/outside.*outside the packed tree/);
    assert.deepEqual(
      await fs.readdir(path.join(r.dir, 'dist')),
      [],
      'no archive, not even a temporary one, is left',
    );
  });

  test('hardlinked files (pnpm) are stored as regular files', async () => {
    const r = await repo();
    await r.binary(GNU);
    await r.write('lib/a.js', 'same\n');
    await fs.link(path.join(r.dir, 'lib/a.js'), path.join(r.dir, 'lib/b.js'));
    const res = await pack(r, { targets: GNU, include: 'lib' });
    assert.equal(res.status, 0, res.errorText);
    const py = await readWithPython(path.join(r.dir, 'dist', `demo_plugin-1.2.3-${GNU}.tar.gz`));
    for (const n of ['lib/a.js', 'lib/b.js']) {
      const m = py.members.find((x) => x.name === n)!;
      assert.equal(m.type, 'file');
      assert.equal(m.content, 'same\n');
    }
  });

  test('setuid, setgid and sticky bits never reach the archive', async () => {
    const r = await repo();
    const bin = await r.binary(GNU);
    await fs.chmod(bin, 0o6755);
    await r.write('lib/sticky', 'x', 0o1644);
    const res = await pack(r, { targets: GNU, include: 'lib' });
    assert.equal(res.status, 0, res.errorText);
    const py = await readWithPython(path.join(r.dir, 'dist', `demo_plugin-1.2.3-${GNU}.tar.gz`));
    assert.equal(py.members.find((m) => m.name === 'bin/demo_plugin')!.mode, 0o755);
    assert.equal(py.members.find((m) => m.name === 'lib/sticky')!.mode, 0o644);
  });

  test('a fifo in include is refused', async () => {
    const r = await repo();
    await r.binary(GNU);
    await fs.mkdir(path.join(r.dir, 'lib'));
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [path.join(r.dir, 'lib/pipe')]);
    const res = await pack(r, { targets: GNU, include: 'lib' });
    assert.match(res.errorText, /\[UNSUPPORTED_FILE\].*lib\/pipe/);
  });
});

describe('pack: noarch and targets', () => {
  test('noarch ships the launcher as bin/<id> 0755 and lib/', async () => {
    const r = await repo();
    await r.write('bin/demo_plugin', '#!/bin/sh\nexec node lib/index.js\n', 0o644);
    await r.write('lib/index.js', 'console.log(1)\n');
    const res = await pack(r, { targets: 'noarch', binary: 'bin/{id}', include: 'lib' });
    assert.equal(res.status, 0, res.errorText);
    const py = await readWithPython(path.join(r.dir, 'dist', 'demo_plugin-1.2.3-noarch.tar.gz'));
    assert.deepEqual(
      py.members.map((m) => m.name),
      ['nexo-plugin.toml', 'bin', 'bin/demo_plugin', 'lib', 'lib/index.js'],
    );
    assert.equal(py.members[2]!.mode, 0o755);
  });

  test('native files under a noarch lib/ are refused, all of them listed', async () => {
    const r = await repo();
    await r.write('bin/demo_plugin', '#!/bin/sh\n', 0o755);
    await r.write('lib/a/addon.node', 'x');
    await r.write('lib/b/libz.so.1.2', 'x');
    await r.write('lib/c/mod.pyd', 'x');
    const res = await pack(r, { targets: 'noarch', binary: 'bin/{id}', include: 'lib' });
    assert.equal(res.status, 1);
    assert.match(
      res.errorText,
      /\[NATIVE_IN_NOARCH\].*lib\/a\/addon\.node, lib\/b\/libz\.so\.1\.2, lib\/c\/mod\.pyd/,
    );
  });

  test('missing binary names the path and the Cargo [[bin]] hint', async () => {
    const r = await repo();
    const res = await pack(r, { targets: GNU });
    assert.equal(res.status, 1);
    assert.match(
      res.errorText,
      new RegExp(
        `\\[BINARY_MISSING\\] built binary missing at target/${GNU}/release/demo_plugin.*\\[\\[bin\\]\\] name`,
      ),
    );
  });

  test('a musl target without gnu warns and target-aliases publishes it under the gnu name', async () => {
    const r = await repo();
    await r.binary('x86_64-unknown-linux-musl');
    const warned = await pack(r, { targets: 'x86_64-unknown-linux-musl' });
    assert.equal(warned.status, 0);
    assert.ok(
      warned.reporter.records.some(
        (x) =>
          x.level === 'warning' &&
          /TargetNotFound/.test(x.message) &&
          /target-aliases/.test(x.message),
      ),
    );
    const aliased = await pack(r, {
      targets: 'x86_64-unknown-linux-musl',
      'target-aliases': 'x86_64-unknown-linux-musl=x86_64-unknown-linux-gnu',
    });
    assert.equal(aliased.status, 0, aliased.errorText);
    assert.ok(!aliased.reporter.records.some((x) => x.level === 'warning'));
    const dist = path.join(r.dir, 'dist');
    const musl = await fs.readFile(
      path.join(dist, 'demo_plugin-1.2.3-x86_64-unknown-linux-musl.tar.gz'),
    );
    const gnu = await fs.readFile(path.join(dist, `demo_plugin-1.2.3-${GNU}.tar.gz`));
    assert.ok(musl.equals(gnu));
    assert.equal(
      (await fs.readFile(path.join(dist, `demo_plugin-1.2.3-${GNU}.tar.gz.sha256`), 'utf8')).trim(),
      await sha256sum(path.join(dist, `demo_plugin-1.2.3-${GNU}.tar.gz`)),
    );
  });

  test('empty targets is an error naming the input', async () => {
    const r = await repo();
    const res = await pack(r, {});
    assert.match(res.errorText, /\[TARGETS_MISSING\].*targets/);
  });

  test('a tag that disagrees with the manifest fails before packing', async () => {
    const r = await repo();
    await r.binary(GNU);
    const res = await pack(r, { targets: GNU, tag: 'v1.2.4' });
    assert.match(
      res.errorText,
      /\[VERSION_MISMATCH\] nexo-plugin\.toml version 1\.2\.3 != tag v1\.2\.4/,
    );
    assert.equal(await fs.stat(path.join(r.dir, 'dist')).catch(() => null), null);
  });
});

describe('pack: installer limits are checked before anything is published', () => {
  test('more than 10,000 entries', async () => {
    const r = await repo();
    await r.binary(GNU);
    await fs.mkdir(path.join(r.dir, 'lib'));
    await Promise.all(
      Array.from({ length: 10_000 }, (_, i) => fs.writeFile(path.join(r.dir, 'lib', `f${i}`), '')),
    );
    const res = await pack(r, { targets: GNU, include: 'lib' });
    assert.match(res.errorText, /\[LIMIT_EXCEEDED\].*10004 entries.*10000/);
  });

  test('one entry over 100 MiB', async () => {
    const r = await repo();
    const bin = await r.binary(GNU);
    await fs.truncate(bin, 100 * 1024 * 1024 + 1);
    const res = await pack(r, { targets: GNU });
    assert.match(
      res.errorText,
      /\[LIMIT_EXCEEDED\] 'bin\/demo_plugin' is 100\.0 MiB; .*per entry is 100\.0 MiB/,
    );
  });

  test('entries totalling over 250 MiB', async () => {
    const r = await repo();
    await r.binary(GNU);
    for (const n of ['a', 'b', 'c'])
      await fs.truncate(await r.write(`lib/${n}`, ''), 90 * 1024 * 1024);
    const res = await pack(r, { targets: GNU, include: 'lib' });
    assert.match(res.errorText, /\[LIMIT_EXCEEDED\].*total 270\.0 MiB.*250\.0 MiB/);
  });

  test('compressed archive over 100 MiB', async () => {
    const r = await repo();
    await r.binary(GNU, randomBytes(52 * 1024 * 1024));
    await r.write('lib/blob', randomBytes(50 * 1024 * 1024));
    const res = await pack(r, { targets: GNU, include: 'lib', 'compression-level': '1' });
    assert.match(
      res.errorText,
      /\[LIMIT_EXCEEDED\].*tar\.gz is 10\d\.\d MiB compressed.*100\.0 MiB/,
    );
    assert.deepEqual(await fs.readdir(path.join(r.dir, 'dist')), []);
  });
});
