import type { Config } from '../config.ts';
import { ReleaseError } from '../errors.ts';
import type { Reporter } from '../report.ts';
import { createReleaseApi } from './octokit.ts';
import { retryPolicyFromEnv } from './retry.ts';
import type { ReleaseApi } from './types.ts';

/** Builds the GitHub client for a run from the config; refuses early without repo or token. */
export function releaseApiFor(
  config: Config,
  reporter: Reporter,
  opts: { needWrite: boolean },
): ReleaseApi {
  if (config.repo === undefined) {
    throw new ReleaseError(
      'USAGE',
      'no repository: set GITHUB_REPOSITORY (the runner does) or pass repo: owner/name',
    );
  }
  if (config.token === '' && opts.needWrite && !config.dryRun) {
    throw new ReleaseError(
      'AUTH',
      'no token: pass token (the action defaults to ${{ github.token }}; the CLI reads GITHUB_TOKEN) with contents: write',
    );
  }
  return createReleaseApi({
    token: config.token,
    apiUrl: config.apiUrl,
    owner: config.repo.owner,
    repo: config.repo.name,
    retry: retryPolicyFromEnv(config.env),
    env: config.env,
    onRetry: (m) => reporter.info(`github: ${m}`),
  });
}
