import type { Command } from './inputs.ts';
import type { RunContext } from './context.ts';
import { validateStep } from './steps/validate.ts';
import { packStep } from './steps/pack.ts';
import { publishStep } from './steps/publish.ts';
import { signStep } from './steps/sign.ts';
import { uploadStep } from './steps/upload.ts';
import { verifyStep } from './steps/verify.ts';

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

const STEPS: Readonly<Record<string, Step>> = {
  validate: validateStep,
  pack: packStep,
  sign: signStep,
  upload: uploadStep,
  publish: publishStep,
  verify: verifyStep,
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
    const step = STEPS[name]!;
    const why = step.skip?.(ctx);
    if (why !== undefined) {
      ctx.reporter.info(`${name}: skipped, ${why}`);
      continue;
    }
    await step.run(ctx);
  }
}
