import type { RunContext } from '../context.ts';
import type { Step } from '../pipeline.ts';

/**
 * The profile's publishing targets beyond the GitHub release (npm, a registry pull request, a
 * marketplace), in the profile's order, once the release is live and complete. Each may
 * decline with a reason. They run after the release because they point at it (download URLs)
 * or must never list a version nobody can fetch; each is idempotent, so a rerun after a failed
 * destination finishes the job without touching what already stands.
 */
export const destinationsStep: Step = {
  name: 'destinations',
  async run(ctx: RunContext): Promise<void> {
    for (const d of ctx.profile.destinations ?? []) {
      const why = d.skip(ctx);
      if (why !== undefined) {
        ctx.reporter.info(`${d.name}: skipped, ${why}`);
        continue;
      }
      await d.run(ctx);
    }
  },
};
