import { formatBytes } from '../archive/limits.ts';
import { markdownTable } from '../report.ts';
import type { RunContext } from '../context.ts';
import type { Step } from '../pipeline.ts';

/**
 * The profile's artifacts, their `.sha256` sidecars and its native signature files into
 * `dist`. The profile writes every file through a temporary name, so dist never holds a half
 * artifact; this step reports what was written (the `assets` output and the job summary).
 */
export const packStep: Step = {
  name: 'pack',
  async run(ctx: RunContext): Promise<void> {
    const { reporter, profile } = ctx;
    const plan = ctx.state.plan!;
    const assets = await profile.pack(ctx);
    if (profile.signNative !== undefined) assets.push(...(await profile.signNative(ctx)));
    ctx.state.assets = assets;
    reporter.setOutput('assets', JSON.stringify(assets));
    const primary = new Set(plan.artifacts.map((a) => a.name));
    const rows = assets
      .filter((a) => primary.has(a.name))
      .map((a) =>
        plan.ecosystem === 'nexo'
          ? [a.name, a.target ?? '', formatBytes(a.size), `\`${a.sha256}\``]
          : [a.name, formatBytes(a.size), `\`${a.sha256}\``],
      );
    const head =
      plan.ecosystem === 'nexo'
        ? ['archive', 'target', 'size', 'sha256']
        : ['artifact', 'size', 'sha256'];
    const others = assets.filter((a) => !primary.has(a.name) && !a.name.endsWith('.sha256'));
    reporter.summary(
      `### Packed ${plan.id} ${plan.version}\n\n${markdownTable(head, rows)}\n${others.length > 0 ? `\nAlso written: ${others.map((a) => `\`${a.name}\``).join(', ')}\n` : ''}`,
    );
  },
};
