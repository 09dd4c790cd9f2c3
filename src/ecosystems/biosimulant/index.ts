/**
 * The Biosimulant profile (ecosystems/biosimulant.md): `plugin.json`, tag `v<version>`, one
 * `<id>-<version>.bsiplugin` (a deterministic ZIP with the manifest, the payload, a SHA-256
 * list and an Ed25519 signature over it) plus its `.sha256`, and the contract's verify table.
 */
import type { Profile } from '../types.ts';
import { MANIFEST_FILE } from './manifest.ts';
import { packBiosimulant } from './pack.ts';
import { planBiosimulant } from './plan.ts';
import { readBiosimulantManifest } from './read.ts';
import { parseSigningKey } from './signing-key.ts';
import { parseBiosimulantTag } from './tag.ts';
import { parseTrustedKeys } from './trust.ts';
import { verifyBiosimulant } from './verify.ts';

export const profile: Profile = {
  name: 'biosimulant',
  manifestFile: MANIFEST_FILE,
  consumer: 'Biosimulant Desktop',
  async readManifest(config) {
    return (await readBiosimulantManifest(config)).manifest;
  },
  parseTag: parseBiosimulantTag,
  plan: planBiosimulant,
  /** A bad key, a key without signer-id or a broken trust list fails before any work. */
  async preflight(ctx) {
    const { biosimulant, workingDirectory } = ctx.config;
    parseSigningKey(biosimulant.signingKey, biosimulant.signerId, workingDirectory);
    parseTrustedKeys(biosimulant.trustedSigningKeys);
  },
  pack: packBiosimulant,
  verify: verifyBiosimulant,
};
