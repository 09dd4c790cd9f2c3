import path from 'node:path';
import { ReleaseError } from '../errors.ts';
import { checkTargetNames } from '../ecosystems/nexo/targets.ts';
import { buildPlan, profileReleasePlan } from '../plan.ts';
import type { RunContext } from '../context.ts';
import type { Step } from '../pipeline.ts';

/**
 * Tag format, manifest rules, and their agreement, by the profile's rules; then the pure plan.
 * `pack` alone may run without a tag (the local dry run of the publishing guide): the
 * manifest's version is used, and a tag, when there is one, must still agree. Commands that
 * will publish then run the profile's preflight (keys, revocation lists) before any work.
 */
const PUBLISHING = new Set(['upload', 'publish', 'all']);

export const validateStep: Step = {
  name: 'validate',
  async run(ctx: RunContext): Promise<void> {
    const { config, reporter, profile } = ctx;
    const tagOptional = config.command === 'pack';
    if (config.tag === undefined && !tagOptional)
      throw new ReleaseError('TAG_MISSING', config.tagHint);
    // nexo's targets are Rust target triples (or noarch); the other profiles take no targets.
    if (profile.name === 'nexo')
      checkTargetNames(
        { targets: config.targets, aliases: config.targetAliases },
        config.allowUnknownTargets,
      );
    const tag = config.tag === undefined ? undefined : profile.parseTag(config.tag);
    const manifest = await profile.readManifest(config);
    for (const w of manifest.warnings ?? []) reporter.warning(w.message, w.location);
    if (tag !== undefined && manifest.version !== tag.version) {
      const file = path.basename(config.manifestPath);
      throw new ReleaseError(
        'VERSION_MISMATCH',
        profile.name === 'nexo'
          ? `nexo-plugin.toml version ${manifest.version} != tag ${tag.tag}. Bump [plugin] version to ${tag.version} or tag v${manifest.version}`
          : `${file} version ${manifest.version} != tag ${tag.tag}. Set the version in ${file} to ${tag.version}, or tag v${manifest.version}`,
        { location: { file: config.manifestPath } },
      );
    }
    const plan =
      profile.name === 'nexo'
        ? buildPlan(config, manifest, tag?.tag)
        : profileReleasePlan(
            profile.name,
            config,
            manifest,
            tag?.tag,
            profile.plan(config, manifest),
            tag?.prerelease,
          );
    ctx.state.manifest = manifest;
    ctx.state.plan = plan;
    reporter.setOutput('tag', tag?.tag ?? '');
    reporter.setOutput('version', plan.version);
    reporter.setOutput('id', plan.id);
    reporter.setOutput('prerelease', String(plan.prerelease));
    reporter.info(
      `validate: ${profile.name === 'nexo' ? '' : `${profile.name} `}${plan.id} ${plan.version}${tag ? ` (tag ${tag.tag})` : ' (no tag: using the manifest version)'}${plan.prerelease ? ', pre-release' : ''}`,
    );
    if (profile.preflight !== undefined && PUBLISHING.has(config.command))
      await profile.preflight(ctx);
  },
};
