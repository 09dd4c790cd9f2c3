import { existsSync } from 'node:fs';
import type { RunContext } from '../context.ts';

/**
 * When a step declines to run, with the reason reported. These live apart from the steps so the
 * pipeline can decide before loading a step's module (and its dependencies) at all.
 */

export function skipSign(ctx: RunContext): string | undefined {
  if (!ctx.config.sign) return 'sign is not enabled (sign: true turns it on)';
  if (ctx.config.command === 'publish' && !existsSync(ctx.config.distDir)) {
    return 'no dist here: the build jobs signed and attached their tarballs; publish checks their signature files are on the release';
  }
  return undefined;
}

export function skipPublish(ctx: RunContext): string | undefined {
  if (ctx.config.dryRun) return 'dry run: the plan above is what would be published';
  if (ctx.state.github?.immutableMatch) return 'the immutable release already matches';
  return undefined;
}

export function skipVerify(ctx: RunContext): string | undefined {
  const { config } = ctx;
  if (config.command === 'verify') return undefined;
  if (!config.verify) return 'verify: false';
  if (config.dryRun) return 'dry run: nothing was published to verify';
  if (ctx.state.github === undefined) return 'nothing was uploaded';
  return undefined;
}

export function skipDestinations(ctx: RunContext): string | undefined {
  if ((ctx.profile.destinations ?? []).length === 0) return undefined;
  if (ctx.config.dryRun) return 'dry run: nothing is published outside GitHub';
  if (ctx.config.draft) return 'the release is left a draft (draft: true)';
  if (ctx.state.github === undefined) return 'nothing was uploaded';
  return undefined;
}
