/**
 * The Osaurus part of `npm run demo`: the example plugin (examples/osaurus-plugin, a stand-in
 * dylib) released with the real CLI against the GitHub emulator: the zip, its .sha256 and its
 * minisign .minisig on the release, then the registry pull request from a fork of
 * osaurus-ai/osaurus-tools. The minisign key is made here for the demo and never printed.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ed25519PublicKey } from '../src/crypto/ed25519.ts';
import type { GitHubEmulator } from '../test/support/github-emulator/index.ts';
import { ROOT, cli, showRelease, type Published, releaseEnv } from './demo-common.ts';

const REPO = 'example-dev/hello-osaurus';
const REGISTRY = 'osaurus-ai/osaurus-tools';
const TAG = 'v0.1.0';
const TOKEN = 'ghs_osaurusDemoTokenNeverPrinted';
const REGISTRY_TOKEN = 'osaurus-demo-pat-never-printed';

/** An unencrypted minisign secret key file (what `minisign -G -W` writes) and its public key. */
function demoKey(): { secret: string; publicKey: string } {
  const keyId = randomBytes(8);
  const seed = randomBytes(32);
  const pk = Buffer.from(ed25519PublicKey(seed));
  const raw = Buffer.concat([
    Buffer.from('Ed\0\0B2'),
    Buffer.alloc(48), // salt, opslimit, memlimit: unused without a KDF
    keyId,
    seed,
    pk,
    Buffer.alloc(32), // checksum: unused without a KDF
  ]);
  return {
    secret: `untrusted comment: minisign encrypted secret key\n${raw.toString('base64')}\n`,
    publicKey: Buffer.concat([Buffer.from('Ed'), keyId, pk]).toString('base64'),
  };
}

export async function demoOsaurus(github: GitHubEmulator, work: string): Promise<Published> {
  console.log('\n=== Osaurus: examples/osaurus-plugin ===');
  github.addRepo(REPO);
  github.addRepo(REGISTRY);
  github.seedRepoFiles(REGISTRY, 'main', { 'README.md': '# Osaurus tools registry\n' });
  github.addToken(TOKEN, 'write', { repos: [REPO] });
  github.addToken(REGISTRY_TOKEN, 'write', { login: 'example-dev', repos: [] });
  const plugin = path.join(work, 'osaurus-plugin');
  await fs.cp(path.join(ROOT, 'examples/osaurus-plugin'), plugin, { recursive: true });
  const key = demoKey();
  const env: Record<string, string> = {
    ...releaseEnv(github.apiUrl, REPO, TAG, TOKEN),
  };
  await cli(
    [
      'all',
      '--ecosystem',
      'osaurus',
      '--minisign-secret-key',
      key.secret,
      '--minisign-public-key',
      key.publicKey,
      '--registry-entry',
      'registry/plugins/dev.example.hello.json',
      '--registry-repo',
      REGISTRY,
      '--registry-token',
      REGISTRY_TOKEN,
    ],
    plugin,
    env,
  );
  const shown = await showRelease(github.apiUrl, REPO, TAG, TOKEN);
  const pulls = github.pulls(REGISTRY);
  for (const pr of pulls)
    console.log(`Registry pull request #${pr.number} on ${REGISTRY}: "${pr.title}"`);
  const entry = await fs.readFile(
    path.join(plugin, 'registry/plugins/dev.example.hello.json'),
    'utf8',
  );
  console.log(`\nplugins/dev.example.hello.json:\n${entry}`);
  return {
    ecosystem: 'osaurus',
    ...shown,
    entries: {
      registryPullRequests: pulls.map((pr) => ({ number: pr.number, title: pr.title })),
      registryEntry: JSON.parse(entry) as unknown,
    },
  };
}
