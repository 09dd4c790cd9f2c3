/**
 * The Biosimulant part of `npm run demo`: the example plugin (examples/biosimulant-plugin)
 * released with the real CLI against the GitHub emulator, as the README's release.yml does it
 * in steps: `pack` signs the .bsiplugin with an Ed25519 key, `publish` puts it and its .sha256
 * on the release, then an operator's `verify` of the published release from an empty folder,
 * trusting only that signer and key. The key pair is made here, in the demo's temporary folder,
 * for this run only: never printed, never committed.
 */
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { readZip } from '../src/archive/zip-read.ts';
import type { GitHubEmulator } from '../test/support/github-emulator/index.ts';
import { ROOT, cli, showRelease, type Published, releaseEnv } from './demo-common.ts';

const REPO = 'acme-lab/cell-counter';
const TAG = 'v0.2.0';
const TOKEN = 'ghs_biosimulantDemoTokenNeverPrinted';
const SIGNER = 'acme-lab';
const PACKAGE = 'cell-counter-0.2.0.bsiplugin';

/** A fresh Ed25519 key as `openssl genpkey -algorithm ed25519` writes it (PKCS#8 PEM), in `dir`. */
async function demoKey(dir: string): Promise<{ file: string; publicKey: string }> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const file = path.join(dir, 'biosimulant-signing-key.pem');
  await fs.writeFile(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  // The raw 32-byte key is the end of the SPKI DER.
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return { file, publicKey: spki.subarray(spki.length - 32).toString('base64') };
}

export async function demoBiosimulant(github: GitHubEmulator, work: string): Promise<Published> {
  console.log('\n=== Biosimulant: examples/biosimulant-plugin ===');
  github.addRepo(REPO);
  github.addToken(TOKEN, 'write', { repos: [REPO] });
  const plugin = path.join(work, 'biosimulant-plugin');
  await fs.cp(path.join(ROOT, 'examples/biosimulant-plugin'), plugin, { recursive: true });
  const keys = await fs.mkdtemp(path.join(work, 'biosimulant-key-'));
  const key = await demoKey(keys);
  const env: Record<string, string> = {
    ...releaseEnv(github.apiUrl, REPO, TAG, TOKEN),
  };
  // As the workflow's `signing-key: ${{ secrets.BIOSIMULANT_PLUGIN_SIGNING_KEY }}`: the PEM's path.
  await cli(['pack', '--signing-key', key.file, '--signer-id', SIGNER], plugin, env);
  await cli(['publish'], plugin, env);
  const trusted = `${SIGNER}=${key.publicKey}`;
  const operator = await fs.mkdtemp(path.join(work, 'biosimulant-verify-'));
  await cli(
    [
      'verify',
      '--ecosystem',
      'biosimulant',
      '--repo',
      REPO,
      '--tag',
      TAG,
      '--trusted-signing-keys',
      trusted,
      '--require-signature',
    ],
    operator,
    env,
  );

  const shown = await showRelease(github.apiUrl, REPO, TAG, TOKEN);
  const rel = github.releases(REPO)[0]!;
  const asset = rel.assets.find((a) => a.name === PACKAGE);
  if (asset === undefined) throw new Error(`${PACKAGE} is not on the release`);
  const zip = readZip(await github.assetBytes(REPO, asset.id));
  const entry = zip.entries.find((e) => e.name === 'integrity/signature.json');
  if (entry === undefined) throw new Error(`${PACKAGE} has no integrity/signature.json`);
  const signature = JSON.parse(zip.readEntry(entry).toString('utf8')) as Record<string, string>;
  console.log(
    `${PACKAGE}: ${zip.entries.length} entries, signed by ${signature.signer_id} (${signature.algorithm}, public key ${signature.public_key})`,
  );
  return {
    ecosystem: 'biosimulant',
    ...shown,
    entries: {
      signature: {
        signer_id: signature.signer_id,
        algorithm: signature.algorithm,
        public_key: signature.public_key,
      },
      trustedSigningKeys: trusted,
    },
  };
}
