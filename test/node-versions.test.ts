import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { startGitHubEmulator } from './support/github-emulator/index.ts';
import { startSigstoreStandIn } from './support/sigstore/index.ts';
import { ROOT, baseEnv, spawnCommand } from './support/fixture.ts';

// The bundled CLI (dist/cli.js) on every Node this machine has from 20 up: plugin authors run it
// on whatever they have, while the repository itself needs 24. The running Node (24) is always
// among them; the machine's /usr/bin/node (20) and any /opt/node*/package/bin/node when present,
// plus PLUGIN_RELEASE_TEST_NODES (colon-separated paths).
function runtimes(): { bin: string; version: string }[] {
  const bins = [process.execPath, '/usr/bin/node', '/usr/local/bin/node'];
  if (existsSync('/opt'))
    for (const d of readdirSync('/opt')) bins.push(path.join('/opt', d, 'package/bin/node'));
  bins.push(...(process.env.PLUGIN_RELEASE_TEST_NODES ?? '').split(':').filter(Boolean));
  const seen = new Map<string, string>();
  for (const bin of bins) {
    if (!existsSync(bin)) continue;
    const version = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
    if (Number(/^v(\d+)/.exec(version)?.[1]) >= 20 && !seen.has(version)) seen.set(version, bin);
  }
  return [...seen].map(([version, bin]) => ({ bin, version }));
}

const NODES = runtimes();
const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

async function helloPlugin(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'prt-nodes-'));
  dirs.push(dir);
  await fs.cp(path.join(ROOT, 'examples/hello-plugin'), dir, { recursive: true });
  await fs.mkdir(path.join(dir, 'lib/extra'), { recursive: true });
  await fs.writeFile(path.join(dir, 'lib/extra/data.json'), '{"a":1}\n');
  await fs.writeFile(path.join(dir, 'lib/.hidden'), 'not matched by *\n');
  return dir;
}

const PACK = ['pack', '--targets', 'noarch', '--binary', 'bin/{id}', '--tag', 'v0.1.0'];
const GLOBS = ['--include', 'lib/*.*, lib/**/*.json', '--json'];

describe('the bundled CLI on each Node from 20 up', () => {
  test('the running Node is among them', () => {
    assert.ok(NODES.some((n) => n.version === process.version));
  });

  const sums = new Map<string, string>();
  for (const { bin, version } of NODES) {
    test(`${version}: --help, and pack (with include globs) writes the same bytes`, async () => {
      const dir = await helloPlugin();
      const help = await spawnCommand(bin, [path.join(ROOT, 'dist/cli.js'), '--help'], {
        cwd: dir,
        env: baseEnv(),
      });
      assert.equal(help.status, 0, help.stderr);
      assert.match(help.stdout, /--targets/);
      const res = await spawnCommand(bin, [path.join(ROOT, 'dist/cli.js'), ...PACK, ...GLOBS], {
        cwd: dir,
        env: baseEnv({ SOURCE_DATE_EPOCH: '1700000000' }),
      });
      assert.equal(res.status, 0, res.stderr);
      const assets = JSON.parse(res.stdout).assets as { name: string; sha256: string }[];
      const tarball = assets.find((a) => a.name.endsWith('.tar.gz'))!;
      const listing = execFileSync('tar', ['-tzf', path.join(dir, 'dist', tarball.name)], {
        encoding: 'utf8',
      });
      assert.deepEqual(listing.trim().split('\n').sort(), [
        'bin/',
        'bin/hello_plugin',
        'lib/',
        'lib/extra/',
        'lib/extra/data.json',
        'lib/index.js',
        'nexo-plugin.toml',
      ]);
      sums.set(version, tarball.sha256);
      assert.equal(new Set(sums.values()).size, 1, JSON.stringify(Object.fromEntries(sums)));
    });
  }

  const oldest = NODES.sort((a, b) =>
    a.version.localeCompare(b.version, 'en', { numeric: true }),
  )[0]!;
  test(`${oldest.version}: a signed all run against GitHub and Sigstore stand-ins`, async () => {
    const dir = await helloPlugin();
    const repo = 'octo/hello';
    const token = 'ghs_nodeVersionsToken0123456789';
    const gh = await startGitHubEmulator();
    const subject = `https://github.com/${repo}/.github/workflows/release.yml@refs/tags/v0.1.0`;
    const sig = await startSigstoreStandIn({ subject });
    try {
      gh.addRepo(repo);
      gh.addToken(token, 'write');
      const res = await spawnCommand(
        oldest.bin,
        [
          path.join(ROOT, 'dist/cli.js'),
          'all',
          ...PACK.slice(1),
          '--sign',
          '--fulcio-url',
          sig.url,
          '--rekor-url',
          sig.url,
          '--trusted-root',
          sig.trustedRootPath,
        ],
        {
          cwd: dir,
          env: baseEnv({
            ...sig.env(),
            GITHUB_API_URL: gh.apiUrl,
            GITHUB_REPOSITORY: repo,
            GITHUB_TOKEN: token,
            GITHUB_WORKFLOW_REF: `${repo}/.github/workflows/release.yml@refs/tags/v0.1.0`,
            PLUGIN_RELEASE_RETRY_BASE_MS: '5',
          }),
        },
      );
      assert.equal(res.status, 0, res.stderr);
      const rel = gh.releases(repo)[0]!;
      assert.equal(rel.draft, false);
      assert.ok(rel.assets.some((a) => a.name.endsWith('.tar.gz.sigstore.json')));
      assert.equal(sig.counts.fulcio, 1);
    } finally {
      await gh.close();
      await sig.close();
    }
  });
});
