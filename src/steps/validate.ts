import { ReleaseError } from '../errors.ts';
import { checkTargetNames } from '../ecosystems/nexo/targets.ts';
import { nexoManifestReader } from '../manifest/index.ts';
import { buildPlan } from '../plan.ts';
import { parseTag } from '../tag.ts';
import type { RunContext } from '../context.ts';
import type { Step } from '../pipeline.ts';

/**
 * Tag format, manifest rules, and their agreement; then the pure plan. `pack` alone may run
 * without a tag (the local dry run of the publishing guide): the manifest's version is used,
 * and a tag, when there is one, must still agree.
 */
export const validateStep: Step = {
  name: 'validate',
  async run(ctx: RunContext): Promise<void> {
    const { config, reporter } = ctx;
    const tagOptional = config.command === 'pack';
    if (config.tag === undefined && !tagOptional)
      throw new ReleaseError('TAG_MISSING', config.tagHint);
    checkTargetNames(
      { targets: config.targets, aliases: config.targetAliases },
      config.allowUnknownTargets,
    );
    const tag = config.tag === undefined ? undefined : parseTag(config.tag);
    const manifest = await nexoManifestReader.read(config.manifestPath);
    if (tag !== undefined && manifest.version !== tag.version) {
      throw new ReleaseError(
        'VERSION_MISMATCH',
        `nexo-plugin.toml version ${manifest.version} != tag ${tag.tag}. Bump [plugin] version to ${tag.version} or tag v${manifest.version}`,
        { location: { file: config.manifestPath } },
      );
    }
    const plan = buildPlan(config, manifest, tag?.tag);
    ctx.state.manifest = manifest;
    ctx.state.plan = plan;
    reporter.setOutput('tag', tag?.tag ?? '');
    reporter.setOutput('version', plan.version);
    reporter.setOutput('id', plan.id);
    reporter.setOutput('prerelease', String(plan.prerelease));
    reporter.info(
      `validate: ${plan.id} ${plan.version}${tag ? ` (tag ${tag.tag})` : ' (no tag: using the manifest version)'}${plan.prerelease ? ', pre-release' : ''}`,
    );
  },
};
