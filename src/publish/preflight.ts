import { isReleaseError, ReleaseError } from '../errors.ts';
import { releaseApiFor } from '../github/client.ts';
import type { ReleaseApi } from '../github/types.ts';
import { skipSign } from '../steps/gates.ts';
import { localAssets } from './local.ts';
import type { RunContext } from '../context.ts';
import type { Step } from '../pipeline.ts';

/**
 * Refuse early, refuse clearly (goreleaser's preflight): before `upload`, `publish` and `all`
 * build, pack or sign anything, the release must be writable. A token is there, the repository
 * exists (and is named when it does not), and the token may write releases. Network failures are
 * NETWORK errors naming the host, never an invented HTTP status (see github/errors.ts).
 *
 * Whether the token may write: GitHub says so in GET /repos/{o}/{r} (`permissions.push`) for
 * user tokens and PATs. GitHub Apps' installation tokens, the workflow token among them, get no
 * `permissions` there; for those the probe is POST .../releases/generate-notes, which needs
 * `contents: write` and saves nothing. A dry run changes nothing, so it sends no POST at all.
 */
const WRITE = '`permissions: contents: write`';

function fullName(repo: { owner: string; name: string }): string {
  return `${repo.owner}/${repo.name}`;
}

function status(e: unknown): number | undefined {
  const cause = (e as { cause?: { status?: unknown } }).cause;
  return typeof cause?.status === 'number' ? cause.status : undefined;
}

function readOnly(repo: string, how: string): ReleaseError {
  return new ReleaseError(
    'PREFLIGHT',
    `the token can read ${repo} but cannot write its releases (${how}). Add ${WRITE} to the job (or the workflow), or pass a token that may write releases. Nothing was built or uploaded`,
  );
}

/**
 * The upload step's first read, the release list, sent beside the probe: one round trip for
 * both; the hashing of the local files runs in that round trip. Only when nothing slow runs in between (no pack, no signing), so the list is as fresh
 * as if the upload step had asked; other jobs' concurrent creates are handled there anyway
 * (publish/attach.ts). A failed prefetch is the upload step's to report, after the probe's.
 */
/**
 * How long the requests get to leave before the local work starts. The first request of a run
 * also sets up Node's fetch (tens of milliseconds of CPU); measured on loopback (bench publish),
 * 40 ms lets the probe and the list go out first, where 10 ms held them back behind the hashing
 * and the verifier's module evaluation.
 */
const PREFETCH_DELAY_MS = 40;

function prefetch(ctx: RunContext, api: ReleaseApi): void {
  const { config, state, profile } = ctx;
  const quick =
    config.command === 'upload' || (config.command === 'publish' && skipSign(ctx) !== undefined);
  if (!quick) return;
  const releases = api.listReleases();
  releases.catch(() => undefined);
  state.releasesPrefetch = releases;
  // The local side of the upload step (find and hash the files) and the verifier's code, which
  // the draft verification needs beside the uploads, fill the round trip. They start once the
  // requests above are on their way (a timer, not a microtask: evaluating a module or hashing
  // would otherwise hold them back); their refusals are reported by the upload step.
  state.localPrefetch = new Promise((resolve, reject) => {
    setTimeout(() => {
      localAssets(ctx).then(resolve, reject);
      if (config.verify && !config.dryRun) profile.loadVerifier?.().catch(() => undefined);
    }, PREFETCH_DELAY_MS);
  });
  state.localPrefetch.catch(() => undefined);
}

export async function preflight(ctx: RunContext): Promise<void> {
  const { config, reporter } = ctx;
  if (config.repo === undefined) {
    throw new ReleaseError(
      'PREFLIGHT',
      'no repository to release to: set GITHUB_REPOSITORY (the runner does) or pass repo: owner/name',
    );
  }
  const repo = fullName(config.repo);
  if (config.token === '' && !config.dryRun) {
    throw new ReleaseError(
      'PREFLIGHT',
      `no token to write the releases of ${repo}: pass token (the action defaults to \${{ github.token }}, which needs ${WRITE}; the CLI reads GITHUB_TOKEN)`,
    );
  }
  const api = releaseApiFor(config, reporter, { needWrite: false });
  prefetch(ctx, api);
  let info: Awaited<ReturnType<typeof api.getRepository>>;
  try {
    info = await api.getRepository();
  } catch (e) {
    if (status(e) === 404) {
      throw new ReleaseError(
        'PREFLIGHT',
        `repository ${repo} does not exist at ${config.apiUrl}, or this token cannot see it (a private repository needs a token with access to it). Check the repo input (or GITHUB_REPOSITORY) and the token`,
        { cause: e },
      );
    }
    throw e;
  }
  if (info.push === false) throw readOnly(repo, 'GitHub reports no push access for it');
  let writable = info.push === true;
  if (info.push === undefined && config.token !== '' && !config.dryRun && config.tag) {
    try {
      await api.generateNotes(config.tag);
      writable = true;
    } catch (e) {
      if (isReleaseError(e, 'AUTH') && status(e) === 403)
        throw readOnly(
          repo,
          'POST releases/generate-notes, which needs that permission, answered 403',
        );
      if (isReleaseError(e, 'AUTH') || isReleaseError(e, 'NETWORK')) throw e;
      // Any other answer (a 404 or 422 for this tag) says nothing about the token: go on.
    }
  }
  reporter.info(
    `preflight: ${info.fullName} ${writable ? 'exists and the token may write its releases' : 'exists (write access not confirmed before uploading)'}`,
  );
}

export const preflightStep: Step = { name: 'preflight', run: preflight };
