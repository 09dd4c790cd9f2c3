import type { Profile } from '../types.ts';
import { registryPullRequest } from './destination.ts';
import { MANIFEST_FILE, readOsaurusManifest } from './manifest.ts';
import { packOsaurus } from './pack.ts';
import { osaurusPlan } from './plan.ts';
import { preflightOsaurus } from './preflight.ts';
import { signOsaurus } from './sign.ts';
import { parseOsaurusTag } from './tag.ts';
import { verifyOsaurus } from './verify.ts';

/**
 * Osaurus plugin bundles (`../shared/reference/ecosystems/osaurus.md`): the manifest saved from
 * the dylib, `<plugin_id>-<version>.zip` with the dylib and its documents, minisign's legacy
 * signature, and the osaurus-tools registry entry and pull request.
 */
export const profile: Profile = {
  name: 'osaurus',
  manifestFile: MANIFEST_FILE,
  consumer: 'the Osaurus app',
  readManifest: readOsaurusManifest,
  parseTag: parseOsaurusTag,
  plan: osaurusPlan,
  preflight: preflightOsaurus,
  pack: packOsaurus,
  signNative: signOsaurus,
  verify: verifyOsaurus,
  destinations: [registryPullRequest],
};
