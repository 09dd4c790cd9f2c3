import path from 'node:path';
import { npmPackFileName } from '../../npm/pack.ts';
import type { Profile } from '../types.ts';
import { npmDestination, registryPullRequestDestination } from './destinations.ts';
import { readElizaManifest } from './manifest.ts';
import { packEliza } from './pack.ts';
import { preflightEliza } from './preflight.ts';
import { parseElizaTag } from './tag.ts';
import { verifyEliza } from './verify.ts';

/**
 * elizaos: an ElizaOS plugin is an npm package (`package.json` with an `agentConfig` object).
 * The release carries npm's own tarball and its `.sha256`; after the GitHub release is live the
 * package is published to npm, then listed in the ElizaOS registry by pull request. Judged by
 * the npm registry, `npm install` and the registry's schema (ecosystems/elizaos.md).
 */
export const profile: Profile = {
  name: 'elizaos',
  manifestFile: 'package.json',
  consumer: 'npm and the ElizaOS registry',
  checksLiveState: true,
  readManifest: async (config) => (await readElizaManifest(config.manifestPath)).manifest,
  parseTag: parseElizaTag,
  plan(config, manifest) {
    const name = npmPackFileName(manifest.id, manifest.version);
    return {
      artifacts: [{ name, path: path.join(config.distDir, name), target: null }],
      nativeFiles: [],
      plainAssets: [],
    };
  },
  preflight: preflightEliza,
  pack: packEliza,
  verify: verifyEliza,
  destinations: [npmDestination, registryPullRequestDestination],
};
