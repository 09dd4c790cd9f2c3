import type { Profile } from '../types.ts';
import { readPryzmManifest } from './manifest.ts';
import { marketplaceDestination } from './marketplace.ts';
import { packPryzm, planPryzm, signPryzm } from './pack.ts';
import { preflightPryzm } from './preflight.ts';
import { parsePryzmTag } from './tag.ts';
import { verifyPryzm } from './verify.ts';

/**
 * PRYZM (contract: ecosystems/pryzm.md): an npm package with `plugin.manifest.json`, released
 * as npm's tarball plus `<tarball>.signature.json`, the publisher's Ed25519 signature over the
 * canonical JSON of `{manifest, fileSha256, signedAt}`, and optionally submitted to the PRYZM
 * marketplace once the GitHub release is live.
 */
export const profile: Profile = {
  name: 'pryzm',
  manifestFile: 'plugin.manifest.json',
  consumer: "PRYZM's `verifyPluginSignature` (editor and marketplace)",
  readManifest: (config) => readPryzmManifest(config.manifestPath),
  parseTag: parsePryzmTag,
  plan: planPryzm,
  preflight: preflightPryzm,
  pack: packPryzm,
  signNative: signPryzm,
  verify: verifyPryzm,
  destinations: [marketplaceDestination],
};
