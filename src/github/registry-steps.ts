import { setTimeout as sleep } from 'node:timers/promises';
import { ReleaseError } from '../errors.ts';
import { apiErrorDetails } from './errors.ts';
import type { RegistryApi, RepoRef } from './registry-api.ts';
import type { RetryPolicy } from './retry.ts';

/**
 * Steps of the registry pull request (pull-request.ts): what a failed call means for the user,
 * waiting for a fork, and choosing the entry's folder.
 */
export const TOKEN_HELP =
  'The default GITHUB_TOKEN cannot fork or open pull requests on another repository: put a personal access token in registry-token (classic: the public_repo scope; fine-grained: Contents and Pull requests read and write)';

/** Polls of a new fork before giving up (GitHub forks asynchronously, usually in seconds). */
const FORK_POLLS = 12;

export function failure(e: unknown, what: string): ReleaseError {
  if (e instanceof ReleaseError) return e;
  const d = apiErrorDetails(e);
  if (d.status === 401) {
    return new ReleaseError(
      'AUTH',
      `${what}: GitHub rejected the token (401 ${d.message}). Pass a valid personal access token in registry-token`,
      { cause: e },
    );
  }
  if (d.status === 403 && !/rate limit/i.test(d.message)) {
    return new ReleaseError('AUTH', `${what}: ${d.message} (403). ${TOKEN_HELP}`, { cause: e });
  }
  const status = d.status === undefined ? 'network error' : String(d.status);
  return new ReleaseError('PULL_REQUEST', `${what}: ${status} ${d.message}`, { cause: e });
}

export async function step<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw failure(e, what);
  }
}

export const full = (r: RepoRef) => `${r.owner}/${r.name}`;

/** Forks `upstream` to the token's user (or finds the fork made earlier) and waits, bounded,
 * until the fork answers with its default branch. */
export async function readyFork(
  api: RegistryApi,
  upstream: RepoRef,
  retry: RetryPolicy,
  log: (m: string) => void,
): Promise<RepoRef> {
  const fork = await step(`fork ${full(upstream)}`, () => api.fork(upstream));
  log(`registry: using the fork ${full(fork)}`);
  let waited = 0;
  for (let i = 0; ; i++) {
    const info = await step(`read ${full(fork)}`, () => api.getRepo(fork));
    const head =
      info && (await step(`read ${full(fork)}`, () => api.branchSha(fork, info.defaultBranch)));
    if (head !== undefined) return fork;
    if (i + 1 >= FORK_POLLS) {
      throw new ReleaseError(
        'PULL_REQUEST',
        `the fork ${full(fork)} is not ready after ${Math.round(waited / 1000)}s (GitHub creates forks asynchronously): rerun the job in a few minutes`,
      );
    }
    const wait = Math.min(retry.baseMs * 2 ** i, retry.baseMs * 10);
    waited += wait;
    await sleep(wait);
  }
}

/** `<first candidate folder on the base>/<fileName>`, else the last candidate's. */
export async function entryPath(
  api: RegistryApi,
  repo: RepoRef,
  baseSha: string,
  dirs: string[],
  fileName: string,
): Promise<string> {
  const clean = dirs.map((d) => d.replace(/^\/+|\/+$/g, ''));
  let chosen = clean.at(-1) ?? '';
  for (const dir of clean.slice(0, -1)) {
    const found = await step(`look for ${dir}/ in ${full(repo)}`, () =>
      api.content(repo, dir, baseSha),
    );
    if (found === 'dir') {
      chosen = dir;
      break;
    }
  }
  return chosen === '' ? fileName : `${chosen}/${fileName}`;
}
