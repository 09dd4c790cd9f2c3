import { nexoManifestReader } from '../../manifest/index.ts';
import { buildPlan } from '../../plan.ts';
import { trustedRootSource } from '../../sign/trust-source.ts';
import { parseTag } from '../../tag.ts';
import { identityPolicy } from '../../verify/policy.ts';
import type { Profile } from '../types.ts';

/**
 * nexo: `nexo-plugin.toml`, one `<id>-<version>-<target>.tar.gz` per target plus the manifest
 * asset, cosign keyless files as its only signature; judged by `nexo plugin install`
 * (../shared/reference/nexo-contract.md).
 *
 * The archive writers and the verifier (with the Sigstore libraries) load on first use: a
 * publish never evaluates the packer, and start-up stays short (bench: publish start-up).
 */
export const profile: Profile = {
  name: 'nexo',
  manifestFile: 'nexo-plugin.toml',
  consumer: '`nexo plugin install`',
  readManifest: (config) => nexoManifestReader.read(config.manifestPath),
  parseTag,
  plan(config, manifest) {
    const { artifacts, nativeFiles, plainAssets } = buildPlan(config, manifest, undefined);
    return { artifacts, nativeFiles, plainAssets };
  },
  pack: async (...args) => (await import('./pack.ts')).packNexo(...args),
  loadVerifier: () => import('../../verify/index.ts'),
  async verify(o) {
    const { verifyRelease } = await import('../../verify/index.ts');
    const report = await verifyRelease({
      source: o.source,
      repo: o.repo,
      tag: o.tag,
      targets: o.targets,
      requireSignature: o.config.requireSignature,
      policy: identityPolicy(o.config, o.config.repo),
      trustedRoot: trustedRootSource(o.config.trustedRoot),
      concurrency: o.config.concurrency,
    });
    o.findings.list.push(...report.checks);
    return { id: report.id, version: report.version, platforms: report.platforms };
  },
};
