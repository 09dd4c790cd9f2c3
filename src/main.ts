import { parseConfig, type Config } from './config.ts';
import type { RunContext } from './context.ts';
import { resolveProfile } from './ecosystems/index.ts';
import { releaseAssetNames } from './github/asset-names.ts';
import { isReleaseError, ReleaseError } from './errors.ts';
import { SECRET_ENV, SECRET_INPUTS, type RawInputs } from './inputs.ts';
import { unusedInputWarnings } from './input-usage.ts';
import { runPipeline } from './pipeline.ts';
import type { Reporter } from './report.ts';

/**
 * The one place a run can fail: both entry points call this with their reporter and raw inputs.
 * Returns the exit status (0 ok, 1 failed, 2 bad usage). A failure adds its section to the
 * summary (the error, what stands on GitHub, what to do next), then is reported as one
 * annotation per problem: each diagnostic with its file, line and column, or the error itself
 * when it has none; never an aggregate that repeats them. Every secret (tokens, private keys,
 * passwords) is masked before anything else is said: whole, and line by line, since a key
 * file's lines can show up one at a time.
 */
function maskSecrets(reporter: Reporter, inputs: RawInputs, env: Config['env']): void {
  const values = [
    ...SECRET_INPUTS.map((n) => inputs[n] ?? ''),
    ...SECRET_ENV.map((n) => env[n] ?? ''),
  ];
  for (const v of values) {
    if (v.trim() === '') continue;
    reporter.mask(v);
    for (const raw of v.split(/\r?\n/)) {
      const line = raw.trim();
      // PEM armour and minisign's comment line are public; the lines between them are not.
      if (line.length >= 8 && line !== v && !/^(-----|untrusted comment:)/.test(line))
        reporter.mask(line);
    }
  }
}

export async function run(
  reporter: Reporter,
  inputs: RawInputs,
  env: Config['env'],
  cwd?: string,
): Promise<number> {
  maskSecrets(reporter, inputs, env);
  const state: RunContext['state'] = {};
  let config: Config | undefined;
  try {
    const parsed = parseConfig(inputs, env, cwd);
    config = parsed;
    for (const w of unusedInputWarnings(inputs, parsed.command)) reporter.warning(w);
    const resolved = await resolveProfile(parsed, () => releaseAssetNames(parsed, reporter));
    config = resolved.config;
    await runPipeline({ config, profile: resolved.profile, reporter, state });
    return 0;
  } catch (e) {
    const err = isReleaseError(e)
      ? e
      : new ReleaseError(
          'INTERNAL',
          `unexpected failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
        );
    const { failureSummary } = await import('./failure.ts');
    reporter.summary(await failureSummary(err, config, state));
    if (err.diagnostics.length === 0) reporter.error(`[${err.code}] ${err.message}`, err.location);
    for (const d of err.diagnostics) reporter.error(`[${err.code}] ${d.message}`, d.location);
    reporter.failed?.(err);
    return err.code === 'USAGE' ? 2 : 1;
  }
}
