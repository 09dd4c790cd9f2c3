import type { Command } from './inputs.ts';
import type { RunContext } from './context.ts';
import { skipDestinations, skipPublish, skipSign, skipVerify } from './steps/gates.ts';

/**
 * The release as an ordered list of named steps. A step may decline with a reason ("skipped:
 * ..."), which is reported, not an error. Each command is a fixed slice of the list.
 */
export interface Step {
  readonly name: string;
  run(ctx: RunContext): Promise<void>;
}

interface StepEntry {
  /** A reason to skip in this run, or undefined to run. Decided before the step's module loads. */
  skip?: (ctx: RunContext) => string | undefined;
  load: () => Promise<Step>;
}

/**
 * Steps load on first use, and a skipped step never loads: a `pack` run never evaluates
 * Octokit's module tree, and an unsigned publish never evaluates Sigstore's (1.4 MB of code),
 * which keeps startup memory, and so peak RSS, small.
 */
const STEPS: Readonly<Record<string, StepEntry>> = {
  validate: { load: async () => (await import('./steps/validate.ts')).validateStep },
  preflight: { load: async () => (await import('./publish/preflight.ts')).preflightStep },
  pack: { load: async () => (await import('./steps/pack.ts')).packStep },
  sign: { skip: skipSign, load: async () => (await import('./steps/sign.ts')).signStep },
  upload: { load: async () => (await import('./steps/upload.ts')).uploadStep },
  publish: {
    skip: skipPublish,
    load: async () => (await import('./steps/publish.ts')).publishStep,
  },
  destinations: {
    skip: skipDestinations,
    load: async () => (await import('./steps/destinations.ts')).destinationsStep,
  },
  verify: { skip: skipVerify, load: async () => (await import('./steps/verify.ts')).verifyStep },
};

const COMMAND_STEPS: Readonly<Record<Command, readonly string[]>> = {
  validate: ['validate'],
  pack: ['validate', 'pack'],
  sign: ['validate', 'sign'],
  upload: ['validate', 'preflight', 'upload'],
  publish: ['validate', 'preflight', 'sign', 'upload', 'publish', 'destinations', 'verify'],
  verify: ['verify'],
  all: ['validate', 'preflight', 'pack', 'sign', 'upload', 'publish', 'destinations', 'verify'],
};

export async function runPipeline(ctx: RunContext): Promise<void> {
  const names = COMMAND_STEPS[ctx.config.command];
  for (const name of names) {
    const entry = STEPS[name]!;
    const why = entry.skip?.(ctx);
    if (why !== undefined) {
      ctx.reporter.info(`${name}: skipped, ${why}`);
      continue;
    }
    await (await entry.load()).run(ctx);
  }
}
