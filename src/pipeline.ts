import type { Command } from './inputs.ts';
import type { RunContext } from './context.ts';

/**
 * The release as an ordered list of named steps. A step may decline with a reason ("skipped:
 * ..."), which is reported, not an error. Each command is a fixed slice of the list.
 */
export interface Step {
  readonly name: string;
  /** A reason to skip in this run, or undefined to run. */
  skip?(ctx: RunContext): string | undefined;
  run(ctx: RunContext): Promise<void>;
}

/**
 * Steps load on first use: a `pack` run never evaluates Sigstore's or Octokit's module trees,
 * which keeps its startup memory (and so its peak RSS) small.
 */
const STEPS: Readonly<Record<string, () => Promise<Step>>> = {
  validate: async () => (await import('./steps/validate.ts')).validateStep,
  pack: async () => (await import('./steps/pack.ts')).packStep,
  sign: async () => (await import('./steps/sign.ts')).signStep,
  upload: async () => (await import('./steps/upload.ts')).uploadStep,
  publish: async () => (await import('./steps/publish.ts')).publishStep,
  verify: async () => (await import('./steps/verify.ts')).verifyStep,
};

const COMMAND_STEPS: Readonly<Record<Command, readonly string[]>> = {
  validate: ['validate'],
  pack: ['validate', 'pack'],
  sign: ['validate', 'sign'],
  upload: ['validate', 'upload'],
  publish: ['validate', 'sign', 'upload', 'publish', 'verify'],
  verify: ['verify'],
  all: ['validate', 'pack', 'sign', 'upload', 'publish', 'verify'],
};

export async function runPipeline(ctx: RunContext): Promise<void> {
  const names = COMMAND_STEPS[ctx.config.command];
  for (const name of names) {
    const step = await STEPS[name]!();
    const why = step.skip?.(ctx);
    if (why !== undefined) {
      ctx.reporter.info(`${name}: skipped, ${why}`);
      continue;
    }
    await step.run(ctx);
  }
}
