/**
 * The PRYZM part of `npm run demo`: the example plugin (examples/pryzm-plugin) built and
 * released with the real CLI as the README's release.yml does it: `all` checks the revocation
 * list, packs npm's tarball, signs it with the publisher key (<tarball>.signature.json),
 * publishes the GitHub release (emulator) and submits the version to the PRYZM marketplace (the
 * stand-in on loopback, started here and stopped at the end, even on failure); then an
 * operator's `verify` of the published release from an empty folder, trusting only that key.
 * The publisher key is made here for this run (an SDK key file, passed as PRYZM_PUBLISHER_KEY as
 * the workflow's secret would be) and never printed; its public key is.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { toBase64, toBase64Url } from '../src/crypto/base64.ts';
import { ed25519PublicKey } from '../src/crypto/ed25519.ts';
import type { GitHubEmulator } from '../test/support/github-emulator/index.ts';
import { startMarketplace } from '../test/support/pryzm-marketplace.ts';
import { ROOT, cli, showRelease, step, type Published, releaseEnv } from './demo-common.ts';

const REPO = 'acme/hello-pryzm';
const PUBLISHER = 'acme';
const SLUG = `${PUBLISHER}/hello-pryzm`;
const TAG = 'v0.1.0';
const TOKEN = 'ghs_pryzmDemoTokenNeverPrinted';
const MARKETPLACE_TOKEN = 'pryzm-demo-marketplace-token-never-printed';

export async function demoPryzm(github: GitHubEmulator, work: string): Promise<Published> {
  console.log('\n=== PRYZM: examples/pryzm-plugin ===');
  github.addRepo(REPO);
  github.addToken(TOKEN, 'write', { repos: [REPO] });
  const plugin = path.join(work, 'pryzm-plugin');
  await fs.cp(path.join(ROOT, 'examples/pryzm-plugin'), plugin, { recursive: true });
  // What `pryzm publish keygen` writes: the seed and its public key, standard base64.
  const seed = randomBytes(32);
  const publicKey = ed25519PublicKey(seed);
  const keyFile = JSON.stringify({
    privateKeyB64: seed.toString('base64'),
    publicKeyB64: toBase64(publicKey),
    algorithm: 'Ed25519',
  });
  // The marketplace knows the publisher (its key in the record's base64url form) and the plugin.
  const market = await startMarketplace({
    token: MARKETPLACE_TOKEN,
    publishers: { [PUBLISHER]: toBase64Url(publicKey) },
    plugins: { [SLUG]: PUBLISHER },
  });
  try {
    console.log(`PRYZM marketplace stand-in is up at ${market.url}`);
    const env: Record<string, string> = {
      ...releaseEnv(github.apiUrl, REPO, TAG, TOKEN),
      PRYZM_PUBLISHER_KEY: keyFile,
    };
    // The workflow's `npm run build` (the example's build writes build/index.js).
    await step('npm', ['run', 'build'], plugin, env);
    const revocations = `${market.url}/v1/revocations.json`;
    await cli(
      [
        'all',
        '--ecosystem',
        'pryzm',
        '--revocation-list',
        revocations,
        '--marketplace-url',
        market.url,
        '--marketplace-token',
        MARKETPLACE_TOKEN,
        '--pryzm-publisher',
        PUBLISHER,
      ],
      plugin,
      env,
    );
    const operator = await fs.mkdtemp(path.join(work, 'pryzm-verify-'));
    await cli(
      [
        'verify',
        '--ecosystem',
        'pryzm',
        '--repo',
        REPO,
        '--tag',
        TAG,
        '--trusted-publisher-keys',
        toBase64(publicKey),
        '--revocation-list',
        revocations,
      ],
      operator,
      { ...env, PRYZM_PUBLISHER_KEY: '' },
    );

    const shown = await showRelease(github.apiUrl, REPO, TAG, TOKEN);
    const rows = market.versions.get(SLUG) ?? [];
    console.log(`Marketplace: ${rows.length} version(s) of ${SLUG} on ${market.url}`);
    for (const row of rows) console.log(JSON.stringify(row, null, 2));
    return {
      ecosystem: 'pryzm',
      ...shown,
      entries: {
        publisherPublicKey: toBase64(publicKey),
        marketplace: rows.map((r) => ({
          pluginId: r.pluginId,
          version: r.version,
          bundleUrl: r.bundleUrl,
          bundleSha256: r.bundleSha256,
          signedByKeyid: r.signedByKeyid,
        })),
      },
    };
  } finally {
    await market.close();
  }
}
