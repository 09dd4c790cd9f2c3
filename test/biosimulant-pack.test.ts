import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import { profile } from '../src/ecosystems/biosimulant/index.ts';
import { isReleaseError, type ReleaseError } from '../src/errors.ts';
import {
  bsiConfig,
  bsiContext,
  makeBsiRepo,
  opensslKey,
  PLUGIN_JSON,
  type BsiRepo,
} from './support/biosimulant.ts';
import { readZipWithPython, unzipTest, zipinfoLines } from './support/zip-tools.ts';

const exec = promisify(execFile);
const PKG = 'cell-counter-1.2.0.bsiplugin';
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** A dist outside the plugin folder, so one run's output is not the next run's payload. */
async function elsewhere(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'bsi-dist-'));
}

async function pack(repo: BsiRepo, inputs: Record<string, string> = {}, env = {}) {
  const config = await bsiConfig(repo.dir, inputs, env);
  const { ctx, reporter } = bsiContext(config);
  const assets = await profile.pack(ctx);
  return { assets, reporter, file: path.join(config.distDir, PKG), config };
}

async function unzipOne(file: string, entry: string): Promise<Buffer> {
  const { stdout } = await exec('unzip', ['-p', file, entry], { encoding: 'buffer' });
  return stdout;
}

describe('biosimulant pack', () => {
  test('Python zipfile and unzip -Z read the exact layout: sorted, no directories, modes by path', async () => {
    const repo = await makeBsiRepo();
    await repo.write('.git/config', '[core]\n');
    await repo.write('.hidden-notes', 'x');
    await repo.write('docs/.draft/secret.md', 'x');
    await repo.write('dist/old.bsiplugin', 'stale');
    await fs.mkdir(path.join(repo.dir, 'empty-dir/inner'), { recursive: true });
    await fs.symlink('../models/weights.bin', path.join(repo.dir, 'runtime/weights-link'));
    await repo.write('données/é.txt', 'accent\n');
    const { assets, file } = await pack(repo);

    const names = [
      'bin/cell-counter',
      'données/é.txt',
      'empty.txt',
      'integrity/sha256sums.txt',
      'integrity/signature.json',
      'models/weights.bin',
      'plugin.json',
      'runtime/lib/helper.py',
      'runtime/weights-link',
      'x/bin/tool',
    ];
    const py = await readZipWithPython(file);
    assert.equal(py.testzip, null);
    assert.equal(py.comment, '');
    assert.deepEqual(
      py.members.map((m) => m.name),
      [...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))),
    );
    const mode = Object.fromEntries(py.members.map((m) => [m.name, m.external_attr]));
    assert.equal(mode['bin/cell-counter'], 0x81ed0000);
    assert.equal(mode['runtime/lib/helper.py'], 0x81ed0000);
    assert.equal(mode['runtime/weights-link'], 0x81ed0000);
    assert.equal(mode['x/bin/tool'], 0x81a40000);
    assert.equal(mode['plugin.json'], 0x81a40000);
    for (const m of py.members) {
      assert.equal(m.is_dir, false);
      assert.equal(m.create_system, 3);
      assert.equal(m.create_version, 20);
      assert.equal(m.extract_version, 20);
      assert.equal(m.extra, '');
      assert.deepEqual(m.date_time, [2023, 11, 14, 22, 13, 20]);
      assert.equal(m.compress_type, m.file_size === 0 ? 0 : 8);
      assert.equal(m.flag_bits, /^[\x20-\x7e]*$/.test(m.name) ? 0 : 0x800);
    }
    const byName = Object.fromEntries(py.members.map((m) => [m.name, m.sha256]));
    assert.equal(byName['plugin.json'], sha256(PLUGIN_JSON));
    assert.equal(byName['runtime/weights-link'], byName['models/weights.bin']);

    const lines = await zipinfoLines(file);
    assert.equal(lines.length, names.length);
    assert.ok(lines.every((l) => / 2\.0 unx /.test(l)));
    assert.match(await unzipTest(file), /No errors detected/);

    // The list covers every file but the two integrity files, in the contract's line format.
    const sums = (await unzipOne(file, 'integrity/sha256sums.txt')).toString();
    const expected = py.members
      .filter((m) => !m.name.startsWith('integrity/'))
      .map((m) => `${m.sha256}  ${m.name}\n`)
      .join('');
    assert.equal(sums, expected);

    // Unsigned: the checksum-only form, byte for byte.
    assert.equal(
      (await unzipOne(file, 'integrity/signature.json')).toString(),
      `{\n  "format": "bsiplugin-signature/1",\n  "algorithm": "sha256",\n  "signed_file": "integrity/sha256sums.txt",\n  "signed_sha256": "${sha256(sums)}"\n}\n`,
    );

    const bytes = await fs.readFile(file);
    assert.equal(assets[0]!.sha256, sha256(bytes));
    assert.equal(assets[1]!.name, `${PKG}.sha256`);
    assert.equal(await fs.readFile(`${file}.sha256`, 'utf8'), `${sha256(bytes)}\n`);
  });

  test('signed: signature.json in the exact form, verified by openssl and Python cryptography', async () => {
    const repo = await makeBsiRepo();
    const keyDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bsi-key-'));
    const key = opensslKey(keyDir);
    const { file } = await pack(repo, { 'signing-key': key.pem, 'signer-id': 'acme-lab' });
    const sums = await unzipOne(file, 'integrity/sha256sums.txt');
    const sigText = (await unzipOne(file, 'integrity/signature.json')).toString();
    const sig = JSON.parse(sigText) as Record<string, string>;
    assert.deepEqual(Object.keys(sig), [
      'format',
      'algorithm',
      'signer_id',
      'public_key',
      'signed_file',
      'signed_sha256',
      'signature',
    ]);
    assert.equal(sigText, `${JSON.stringify(sig, null, 2)}\n`);
    assert.equal(sig.algorithm, 'ed25519');
    assert.equal(sig.signer_id, 'acme-lab');
    assert.equal(sig.public_key, key.publicKey);
    assert.equal(sig.public_key!.length, 44);
    assert.equal(sig.signature!.length, 88);
    assert.equal(sig.signed_sha256, sha256(sums));

    await fs.writeFile(path.join(keyDir, 'sums'), sums);
    await fs.writeFile(path.join(keyDir, 'sig'), Buffer.from(sig.signature!, 'base64'));
    execFileSync('openssl', [
      'pkey',
      '-in',
      key.file,
      '-pubout',
      '-out',
      path.join(keyDir, 'pub.pem'),
    ]);
    const out = execFileSync('openssl', [
      'pkeyutl',
      '-verify',
      '-pubin',
      '-inkey',
      path.join(keyDir, 'pub.pem'),
      '-rawin',
      '-in',
      path.join(keyDir, 'sums'),
      '-sigfile',
      path.join(keyDir, 'sig'),
    ]).toString();
    assert.match(out, /Signature Verified Successfully/);
    await fs.writeFile(path.join(keyDir, 'sig.json'), sigText);
    const py = execFileSync('python3', [
      '-c',
      [
        'import base64, json, sys',
        'from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey',
        'sig = json.load(open(sys.argv[1]))',
        'key = Ed25519PublicKey.from_public_bytes(base64.b64decode(sig["public_key"]))',
        'key.verify(base64.b64decode(sig["signature"]), open(sys.argv[2], "rb").read())',
        'print("verified")',
      ].join('\n'),
      path.join(keyDir, 'sig.json'),
      path.join(keyDir, 'sums'),
    ]).toString();
    assert.equal(py.trim(), 'verified');
  });

  test('byte-reproducible: two runs, same bytes (Ed25519 is deterministic)', async () => {
    const repo = await makeBsiRepo();
    const key = opensslKey(await fs.mkdtemp(path.join(os.tmpdir(), 'bsi-key-')));
    const inputs = { 'signing-key': key.pem, 'signer-id': 'acme-lab' };
    const one = await pack(repo, { ...inputs, dist: await elsewhere() });
    // A different source mode and a touched mtime change nothing.
    await fs.chmod(path.join(repo.dir, 'bin/cell-counter'), 0o755);
    await fs.utimes(path.join(repo.dir, 'empty.txt'), new Date(), new Date());
    const two = await pack(repo, { ...inputs, dist: await elsewhere() });
    assert.ok((await fs.readFile(one.file)).equals(await fs.readFile(two.file)));
    const three = await pack(repo, {
      ...inputs,
      dist: await elsewhere(),
      'source-date-epoch': '1700000002',
    });
    assert.notEqual(three.assets[0]!.sha256, one.assets[0]!.sha256);
  });

  test('the key from a path, from the environment, and in the PKCS#8 v2 form sign alike', async () => {
    const repo = await makeBsiRepo();
    const keyDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bsi-key-'));
    const key = opensslKey(keyDir);
    const byText = await pack(repo, {
      'signing-key': key.pem,
      'signer-id': 'me',
      dist: await elsewhere(),
    });
    const byPath = await pack(repo, {
      'signing-key': key.file,
      'signer-id': 'me',
      dist: await elsewhere(),
    });
    const byEnv = await pack(
      repo,
      { 'signer-id': 'me', dist: await elsewhere() },
      { BIOSIMULANT_PLUGIN_SIGNING_KEY: key.pem },
    );
    const der = Buffer.from(key.pem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
    assert.equal(der.subarray(0, 16).toString('hex'), '302e020100300506032b657004220420');
    const v2 = Buffer.concat([
      Buffer.from('3051020101300506032b657004220420', 'hex'),
      der.subarray(16),
      Buffer.from('812100', 'hex'),
      Buffer.from(key.publicKey, 'base64'),
    ]);
    const pemV2 = `-----BEGIN PRIVATE KEY-----\n${v2.toString('base64')}\n-----END PRIVATE KEY-----\n`;
    const byV2 = await pack(repo, {
      'signing-key': pemV2,
      'signer-id': 'me',
      dist: await elsewhere(),
    });
    const shas = [byText, byPath, byEnv, byV2].map((r) => r.assets[0]!.sha256);
    assert.equal(new Set(shas).size, 1);
  });

  test('key errors are raised before anything is written', async () => {
    const repo = await makeBsiRepo();
    const keyDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bsi-key-'));
    const key = opensslKey(keyDir);
    const rsa = execFileSync(
      'openssl',
      ['genpkey', '-algorithm', 'rsa', '-pkeyopt', 'rsa_keygen_bits:1024'],
      { stdio: ['pipe', 'pipe', 'ignore'] },
    ).toString();
    const ed448 = execFileSync('openssl', ['genpkey', '-algorithm', 'ed448']).toString();
    const encrypted = execFileSync('openssl', [
      'pkcs8',
      '-topk8',
      '-in',
      key.file,
      '-passout',
      'pass:secret',
    ]).toString();
    const der = Buffer.from(key.pem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
    const wrongV2 = Buffer.concat([
      Buffer.from('3051020101300506032b657004220420', 'hex'),
      der.subarray(16),
      Buffer.from('812100', 'hex'),
      Buffer.alloc(32, 7),
    ]);
    const cases: [string, Record<string, string>, string][] = [
      [
        'malformed base64',
        {
          'signing-key': '-----BEGIN PRIVATE KEY-----\nnot*base64\n-----END PRIVATE KEY-----',
          'signer-id': 'me',
        },
        'KEY_INVALID',
      ],
      [
        'malformed DER',
        {
          'signing-key': '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----',
          'signer-id': 'me',
        },
        'KEY_INVALID',
      ],
      ['a missing file', { 'signing-key': 'no-such-key.pem', 'signer-id': 'me' }, 'KEY_INVALID'],
      ['RSA', { 'signing-key': rsa, 'signer-id': 'me' }, 'KEY_INVALID'],
      ['Ed448', { 'signing-key': ed448, 'signer-id': 'me' }, 'KEY_INVALID'],
      ['ENCRYPTED PRIVATE KEY', { 'signing-key': encrypted, 'signer-id': 'me' }, 'KEY_INVALID'],
      [
        "a v2 public key that is not the seed's",
        {
          'signing-key': `-----BEGIN PRIVATE KEY-----\n${wrongV2.toString('base64')}\n-----END PRIVATE KEY-----`,
          'signer-id': 'me',
        },
        'KEY_INVALID',
      ],
      ['no signer-id', { 'signing-key': key.pem }, 'USAGE'],
      ['a signer-id with =', { 'signing-key': key.pem, 'signer-id': 'a=b' }, 'USAGE'],
    ];
    for (const [what, inputs, code] of cases) {
      const config = await bsiConfig(repo.dir, inputs);
      const { ctx } = bsiContext(config);
      await assert.rejects(profile.preflight!(ctx), (e) => isReleaseError(e, code as never), what);
      await assert.rejects(profile.pack(ctx), (e: ReleaseError) => {
        assert.equal(e.code, code, what);
        assert.ok(!e.message.includes(key.pem.split('\n')[1]!), 'the key never shows');
        return true;
      });
      await assert.rejects(fs.stat(config.distDir), { code: 'ENOENT' }, `${what}: dist untouched`);
    }
  });

  test('refusals name every file at once, and nothing is written', async () => {
    const repo = await makeBsiRepo();
    await repo.write('.env', 'TOKEN=x');
    await repo.write('config/.env.production', 'TOKEN=y');
    await repo.write('certs/store.p12', 'p12');
    await repo.write('certs/STORE.PFX', 'pfx');
    await repo.write(
      'docs/deploy.txt',
      'see below\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbg==\n',
    );
    await repo.write(
      'docs/ok.pem',
      '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
    );
    const config = await bsiConfig(repo.dir);
    await assert.rejects(profile.pack(bsiContext(config).ctx), (e: ReleaseError) => {
      assert.equal(e.code, 'ARTIFACT_REFUSED');
      const named = e.diagnostics.map((d) => path.relative(repo.dir, d.location!.file)).sort();
      assert.deepEqual(named, [
        '.env',
        'certs/STORE.PFX',
        'certs/store.p12',
        'config/.env.production',
        'docs/deploy.txt',
      ]);
      return true;
    });
    await assert.rejects(fs.stat(config.distDir), { code: 'ENOENT' });
  });

  test('reserved names, and a path with a line break, are refused', async () => {
    for (const [rel, body] of [
      ['integrity/extra.txt', 'x'],
      ['integrity', 'a file named integrity'],
      ['payload/plugin.json', '{}'],
      ['bad\nname.txt', 'x'],
    ] as const) {
      const repo = await makeBsiRepo();
      await repo.write(rel, body);
      const inputs: Record<string, string> = rel.startsWith('payload/')
        ? { 'payload-dir': 'payload' }
        : {};
      if (rel.startsWith('payload/')) await repo.write('payload/bin/cell-counter', '#!/bin/sh\n');
      const { ctx } = bsiContext(await bsiConfig(repo.dir, inputs));
      await assert.rejects(profile.pack(ctx), (e) => isReleaseError(e, 'ARTIFACT_REFUSED'), rel);
    }
  });

  test('a file name that is not UTF-8 is refused', async () => {
    const repo = await makeBsiRepo();
    await fs.writeFile(
      Buffer.concat([Buffer.from(`${repo.dir}/models/bad`), Buffer.from([0xff])]),
      'x',
    );
    const { ctx } = bsiContext(await bsiConfig(repo.dir));
    await assert.rejects(profile.pack(ctx), (e) => isReleaseError(e, 'ARTIFACT_REFUSED'));
  });

  test('payload-dir outside the manifest folder: plugin.json comes from the manifest', async () => {
    const repo = await makeBsiRepo(PLUGIN_JSON.replace('bin/cell-counter', 'main.py'));
    await repo.write('build/main.py', 'print(1)\n');
    await repo.write('build/sub/plugin.json', '{"nested": true}');
    const { file } = await pack(repo, { 'payload-dir': 'build' });
    const py = await readZipWithPython(file);
    assert.deepEqual(
      py.members.map((m) => m.name),
      [
        'integrity/sha256sums.txt',
        'integrity/signature.json',
        'main.py',
        'plugin.json',
        'sub/plugin.json',
      ],
    );
    assert.equal(py.members[3]!.sha256, sha256(PLUGIN_JSON.replace('bin/cell-counter', 'main.py')));
  });

  test('symlinks: inside stored as the target, outside and cycles refused', async () => {
    const repo = await makeBsiRepo();
    await fs.symlink(path.join(repo.dir, 'models'), path.join(repo.dir, 'runtime/models'));
    const { file } = await pack(repo);
    const names = (await readZipWithPython(file)).members.map((m) => m.name);
    assert.ok(names.includes('runtime/models/weights.bin'));

    const outside = await makeBsiRepo();
    await fs.symlink('/etc/hostname', path.join(outside.dir, 'models/host'));
    await assert.rejects(profile.pack(bsiContext(await bsiConfig(outside.dir)).ctx), (e) =>
      isReleaseError(e, 'SYMLINK_OUTSIDE'),
    );
    const cycle = await makeBsiRepo();
    await fs.symlink('..', path.join(cycle.dir, 'models/up'));
    await assert.rejects(profile.pack(bsiContext(await bsiConfig(cycle.dir)).ctx), (e) =>
      isReleaseError(e, 'UNSUPPORTED_FILE'),
    );
  });
});
