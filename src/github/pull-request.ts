import { ReleaseError } from '../errors.ts';
import { apiErrorDetails } from './errors.ts';
import {
  createRegistryApi,
  type PullInfo,
  type RegistryApi,
  type RepoRef,
} from './registry-api.ts';
import { entryPath, failure, full, readyFork, step, TOKEN_HELP } from './registry-steps.ts';
import { retryPolicyFromEnv, type RetryPolicy } from './retry.ts';

/**
 * The registry pull request shared by the osaurus and elizaos profiles: one entry file, sent as
 * ONE commit on top of the registry's default branch, on a fixed branch, from a fork when the
 * token cannot push to the registry. A rerun moves the same branch and updates the same pull
 * request; identical content already on the base opens nothing.
 *
 * The commit is built with the git data API (a tree on the base's tree, a commit whose only
 * parent is the base's head, then the branch is created or force-moved to it) rather than by
 * resetting the branch to the base and committing through the contents API: a pull request whose
 * head reaches its base is closed as merged by GitHub, so the reset would end an open one. The
 * tree is content-addressed, so comparing the branch's commit with it (same single parent, same
 * tree) tells an unchanged rerun without reading the file back. When the base has moved on, the
 * branch is rebuilt on its new head (reported as 'updated').
 */
export interface RegistryPullRequest {
  apiUrl: string;
  token: string;
  repo: RepoRef;
  /** Folders to put the file in: the first that exists on the base branch wins (the last one
   * when none exists). */
  dirCandidates: string[];
  fileName: string;
  content: string;
  branch: string;
  title: string;
  commitMessage: string;
  body: string;
  log?: (m: string) => void;
}

export interface RegistryPullRequestResult {
  action: 'opened' | 'updated' | 'unchanged' | 'already-on-base';
  url?: string;
  number?: number;
  path: string;
}

function apiFor(apiUrl: string, token: string, retry: RetryPolicy, log?: (m: string) => void) {
  return createRegistryApi({ token, apiUrl, retry, onRetry: (m) => log?.(`github: ${m}`) });
}

/** The contents of `path` at `ref` (default branch when absent), or undefined when there is no
 * such file. An empty token reads public repositories anonymously. */
export async function readRepoFile(
  apiUrl: string,
  token: string,
  repo: RepoRef,
  path: string,
  ref?: string,
): Promise<string | undefined> {
  const api = apiFor(apiUrl, token, retryPolicyFromEnv(process.env));
  const at = ref === undefined ? '' : ` at ${ref}`;
  const found = await step(`read ${path}${at} in ${full(repo)}`, () =>
    api.content(repo, path, ref),
  );
  return found === 'dir' ? undefined : found;
}

export async function openRegistryPullRequest(
  req: RegistryPullRequest,
): Promise<RegistryPullRequestResult> {
  const log = req.log ?? (() => {});
  if (req.token === '') {
    throw new ReleaseError(
      'AUTH',
      `no registry-token to open the registry pull request. ${TOKEN_HELP}`,
    );
  }
  if (req.dirCandidates.length === 0) {
    throw new ReleaseError('PULL_REQUEST', 'no folder given for the registry entry');
  }
  const retry = retryPolicyFromEnv(process.env);
  const api = apiFor(req.apiUrl, req.token, retry, log);
  const upstream = req.repo;
  const name = full(upstream);

  const repo = await step(`read ${name}`, () => api.getRepo(upstream));
  if (!repo) {
    throw new ReleaseError(
      'PULL_REQUEST',
      `the registry repository ${name} does not exist or registry-token cannot see it: check registry-repo`,
    );
  }
  const base = repo.defaultBranch;
  const baseSha = await step(`read ${name}@${base}`, () => api.branchSha(upstream, base));
  if (baseSha === undefined) {
    throw new ReleaseError('PULL_REQUEST', `${name} has no commit on its default branch ${base}`);
  }
  const path = await entryPath(api, upstream, baseSha, req.dirCandidates, req.fileName);
  const onBase = await step(`read ${path} in ${name}`, () => api.content(upstream, path, baseSha));
  if (onBase === req.content) {
    log(`registry: ${path} on ${name}@${base} already has this content; no pull request needed`);
    return { action: 'already-on-base', path };
  }
  if (onBase === 'dir') {
    throw new ReleaseError('PULL_REQUEST', `${path} is a folder in ${name}, not a file`);
  }

  const head = repo.push ? upstream : await readyFork(api, upstream, retry, log);
  const rewritten = await commitOnBase(api, req, head, upstream, baseSha, path);
  const label = `${head.owner}:${req.branch}`;
  const open = await step(`list pull requests of ${name}`, () =>
    api.openPull(upstream, label, base),
  );
  if (open) return updatePull(api, req, upstream, open, rewritten, path);
  try {
    const pull = await api.createPull(upstream, {
      title: req.title,
      head: label,
      base,
      body: req.body,
      ...(head === upstream ? {} : { maintainer_can_modify: true }),
    });
    log(`registry: opened ${pull.url}`);
    return { action: 'opened', url: pull.url, number: pull.number, path };
  } catch (e) {
    // Another run opened it between our list and create: update that one instead.
    const raced = apiErrorDetails(e).message.includes('already exists');
    const again = raced
      ? await api.openPull(upstream, label, base).catch(() => undefined)
      : undefined;
    if (again) return updatePull(api, req, upstream, again, true, path);
    throw failure(e, `open a pull request on ${name} from ${label}`);
  }
}

/** Makes `branch` in `head` exactly one commit (writing the entry) on `baseSha`; false when it
 * already was. */
async function commitOnBase(
  api: RegistryApi,
  req: RegistryPullRequest,
  head: RepoRef,
  upstream: RepoRef,
  baseSha: string,
  path: string,
): Promise<boolean> {
  const where = `${full(head)}@${req.branch}`;
  const baseCommit = await step(`read ${full(upstream)}@${baseSha}`, () =>
    api.commit(upstream, baseSha),
  );
  const tree = await step(`write ${path} to ${full(head)}`, () =>
    api.treeWithFile(head, baseCommit.tree, path, req.content),
  );
  const current = await step(`read ${where}`, () => api.branchSha(head, req.branch));
  if (current !== undefined) {
    const c = await step(`read ${where}`, () => api.commit(head, current));
    if (c.tree === tree && c.parents.length === 1 && c.parents[0] === baseSha) return false;
  }
  const sha = await step(`commit ${path} to ${full(head)}`, () =>
    api.createCommit(head, req.commitMessage, tree, [baseSha]),
  );
  await step(`move ${where} to ${sha}`, async () => {
    if (current !== undefined) return api.forceBranch(head, req.branch, sha);
    try {
      await api.createBranch(head, req.branch, sha);
    } catch (e) {
      if (!apiErrorDetails(e).message.includes('Reference already exists')) throw e;
      await api.forceBranch(head, req.branch, sha);
    }
  });
  req.log?.(`registry: ${where} is now ${sha}`);
  return true;
}

async function updatePull(
  api: RegistryApi,
  req: RegistryPullRequest,
  upstream: RepoRef,
  open: PullInfo,
  rewritten: boolean,
  path: string,
): Promise<RegistryPullRequestResult> {
  const same = open.title === req.title && (open.body ?? '') === req.body;
  if (same && !rewritten) {
    req.log?.(`registry: ${open.url} is up to date`);
    return { action: 'unchanged', url: open.url, number: open.number, path };
  }
  const pull = same
    ? open
    : await step(`update pull request #${open.number} of ${full(upstream)}`, () =>
        api.updatePull(upstream, open.number, { title: req.title, body: req.body }),
      );
  req.log?.(`registry: updated ${pull.url}`);
  return { action: 'updated', url: pull.url, number: pull.number, path };
}
