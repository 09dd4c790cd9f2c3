import { nexoManifestReader } from '../../manifest/index.ts';
import { buildPlan } from '../../plan.ts';
import { trustedRootSource } from '../../sign/verify.ts';
import { parseTag } from '../../tag.ts';
import { verifyRelease } from '../../verify/index.ts';
import { identityPolicy } from '../../verify/policy.ts';
import type { Profile } from '../types.ts';
import { packNexo } from './pack.ts';

/**
 * nexo: `nexo-plugin.toml`, one `<id>-<version>-<target>.tar.gz` per target plus the manifest
 * asset, cosign keyless files as its only signature; judged by `nexo plugin install`
 * (../shared/reference/nexo-contract.md).
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
  pack: packNexo,
  async verify(o) {
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
