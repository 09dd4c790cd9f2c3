/**
 * `npm run demo`: the whole pipeline on each bundled example plugin, in this order: nexo
 * (examples/hello-plugin, below), Osaurus, Biosimulant, ElizaOS and PRYZM (one module each,
 * scripts/demo-<ecosystem>.ts), against local stand-ins on 127.0.0.1: the GitHub emulator and
 * the Sigstore stand-in (started here), an npm registry (Verdaccio) and the PRYZM marketplace
 * (started by their parts). Every server is stopped at the end, even on failure. Each part copies
 * its example into a temporary folder first (the committed examples are never written to), runs
 * the real CLI (dist/cli.js) as that ecosystem's release.yml would, and prints what was
 * published. The nexo part runs as a matrix workflow would: `pack` per target, then `publish`
 * with signing, which verifies the release as the installer will.
 *
 *   node scripts/demo.ts [--results FILE]   FILE: what each part published, as JSON
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startGitHubEmulator } from '../test/support/github-emulator/index.ts';
import { startSigstoreStandIn, type SigstoreStandIn } from '../test/support/sigstore/index.ts';
import { demoBiosimulant } from './demo-biosimulant.ts';
import { ROOT, cli, showRelease, type Published, releaseEnv } from './demo-common.ts';
import { demoElizaos } from './demo-elizaos.ts';
import { demoOsaurus } from './demo-osaurus.ts';
import { demoPryzm } from './demo-pryzm.ts';

const { values: args } = parseArgs({ options: { results: { type: 'string' } }, strict: true });
const REPO = 'nexo-demo/hello-plugin';
const TAG = 'v0.1.0';
const TOKEN = 'ghs_demoTokenNeverPrinted';
const TARGETS = ['x86_64-unknown-linux-gnu', 'aarch64-apple-darwin'];

const work = await fs.mkdtemp(path.join(os.tmpdir(), 'plugin-release-demo-'));
const github = await startGitHubEmulator();
let sigstore: SigstoreStandIn | undefined;
try {
  const subject = `https://github.com/${REPO}/.github/workflows/release.yml@refs/tags/${TAG}`;
  sigstore = await startSigstoreStandIn({ subject });
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
    ...releaseEnv(github.apiUrl, REPO, TAG, TOKEN),
    GITHUB_WORKFLOW_REF: `${REPO}/.github/workflows/release.yml@refs/tags/${TAG}`,
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
  const requests = github.requests.filter((r) => r.origin !== 'download').length;
  const published: Published[] = [
    { ecosystem: 'nexo', ...(await showRelease(github.apiUrl, REPO, TAG, TOKEN)), entries: {} },
  ];
  console.log(
    `GitHub requests: ${requests}; Sigstore: ${sigstore.counts.fulcio} certificate, ${sigstore.counts.rekor} log entries.`,
  );
  published.push(await demoOsaurus(github, work));
  published.push(await demoBiosimulant(github, work));
  published.push(await demoElizaos(github, work));
  published.push(await demoPryzm(github, work));
  if (args.results !== undefined)
    await fs.writeFile(args.results, `${JSON.stringify(published, null, 2)}\n`);
  console.log(
    `\nDone: ${published.map((p) => `${p.ecosystem} ${p.tag} (${p.assets.length} assets)`).join(', ')}.`,
  );
} finally {
  await github.close();
  await sigstore?.close();
  await fs.rm(work, { recursive: true, force: true });
}
