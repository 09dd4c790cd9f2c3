/**
 * `npm run demo`: the whole pipeline on the bundled example plugin, against the local GitHub
 * emulator and the local Sigstore stand-in (both on 127.0.0.1, started here, stopped at the end).
 * It runs the real CLI (dist/cli.js) the way a matrix workflow would: `pack` per target, then
 * `publish` with signing, then `verify` as an operator would, and prints what was published.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startGitHubEmulator } from '../test/support/github-emulator/index.ts';
import { startSigstoreStandIn } from '../test/support/sigstore/index.ts';
import { demoOsaurus } from './demo-osaurus.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPO = 'nexo-demo/hello-plugin';
const TAG = 'v0.1.0';
const TOKEN = 'ghs_demoTokenNeverPrinted';
const TARGETS = ['x86_64-unknown-linux-gnu', 'aarch64-apple-darwin'];

function cli(args: string[], cwd: string, env: Record<string, string>): Promise<void> {
  console.log(`\n$ plugin-release ${args.join(' ')}`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...args], {
      cwd,
      env: { ...process.env, ...env },
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`plugin-release ${args[0]} exited ${code}`)),
    );
  });
}

const work = await fs.mkdtemp(path.join(os.tmpdir(), 'plugin-release-demo-'));
const github = await startGitHubEmulator();
const subject = `https://github.com/${REPO}/.github/workflows/release.yml@refs/tags/${TAG}`;
const sigstore = await startSigstoreStandIn({ subject });
try {
  github.addRepo(REPO);
  github.addToken(TOKEN, 'write');
  const plugin = path.join(work, 'hello-plugin');
  await fs.cp(path.join(ROOT, 'examples/hello-plugin'), plugin, { recursive: true });
  // Stand-ins for `cargo build --release --target T`: no cross compiler is needed to show the flow.
  for (const t of TARGETS) {
    const bin = path.join(plugin, 'target', t, 'release', 'hello_plugin');
    await fs.mkdir(path.dirname(bin), { recursive: true });
    await fs.writeFile(bin, `#!/bin/sh\necho "hello_plugin built for ${t}"\n`, { mode: 0o755 });
  }
  const env: Record<string, string> = {
    ...sigstore.env(),
    GITHUB_API_URL: github.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: REPO,
    GITHUB_REF: `refs/tags/${TAG}`,
    GITHUB_WORKFLOW_REF: `${REPO}/.github/workflows/release.yml@refs/tags/${TAG}`,
    GITHUB_TOKEN: TOKEN,
    SOURCE_DATE_EPOCH: '1767225600',
    NO_PROXY: '127.0.0.1,localhost',
  };
  const sigstoreFlags = [
    '--fulcio-url',
    sigstore.url,
    '--rekor-url',
    sigstore.url,
    '--trusted-root',
    sigstore.trustedRootPath,
  ];
  // What points the CLI at the stand-ins, to rehearse by hand (README: Rehearse a release offline).
  const shown = ['GITHUB_API_URL', 'GITHUB_REPOSITORY', 'GITHUB_REF', 'GITHUB_WORKFLOW_REF'];
  const sign = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
  console.log('GitHub emulator and Sigstore stand-in are up. The CLI reaches them through:');
  for (const k of [...shown, ...sign, 'NO_PROXY']) console.log(`  export ${k}=${env[k]}`);
  console.log('  export GITHUB_TOKEN=<a token the emulator knows (this demo registers its own)>');
  console.log(`  and, to sign: ${sigstoreFlags.join(' ')}`);
  await cli(['pack', '--targets', TARGETS.join(',')], plugin, env);
  await cli(
    ['pack', '--targets', 'noarch', '--binary', 'bin/{id}', '--include', 'lib'],
    plugin,
    env,
  );
  const all = [...TARGETS, 'noarch'].join(',');
  await cli(
    ['publish', '--targets', all, '--sign', '--notes', 'changelog', ...sigstoreFlags],
    plugin,
    env,
  );
  const rel = github.releases(REPO)[0];
  if (rel === undefined) throw new Error('nothing was published');
  console.log(
    `\nPublished ${rel.tag_name} (release ${rel.id}, ${rel.draft ? 'draft' : 'published'}) with ${rel.assets.length} assets:`,
  );
  for (const a of rel.assets)
    console.log(`  ${a.name.padEnd(58)} ${String(a.size).padStart(7)} B  ${a.digest}`);
  console.log(
    `\nGitHub requests: ${github.requests.filter((r) => r.origin !== 'download').length}; Sigstore: ${sigstore.counts.fulcio} certificate, ${sigstore.counts.rekor} log entries.`,
  );
  await demoOsaurus(github, work);
} finally {
  await github.close();
  await sigstore.close();
  await fs.rm(work, { recursive: true, force: true });
}
