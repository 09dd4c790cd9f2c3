import { Octokit } from '@octokit/core';
import { withRetry, type RetryPolicy } from './retry.ts';

/**
 * The few REST calls the registry pull-request flow makes (repository, user, fork, git data,
 * contents, pulls), on @octokit/core with explicit routes and the one retry policy in the request
 * hook, as the release adapter (octokit.ts) does. Failures are Octokit's errors, untranslated:
 * pull-request.ts knows which step failed and what the user should do about it.
 */
export interface RepoRef {
  owner: string;
  name: string;
}

export interface RepoInfo extends RepoRef {
  defaultBranch: string;
  push: boolean;
}

export interface PullInfo {
  number: number;
  url: string;
  title: string;
  body: string | null;
}

export interface RegistryApi {
  /** undefined on 404. */
  getRepo(r: RepoRef): Promise<RepoInfo | undefined>;
  login(): Promise<string>;
  /** POST forks (202): the fork GitHub made or already had, which may not answer yet. */
  fork(r: RepoRef): Promise<RepoRef>;
  /** The branch's commit sha, or undefined when it does not exist (404, or 409 while empty). */
  branchSha(r: RepoRef, branch: string): Promise<string | undefined>;
  createBranch(r: RepoRef, branch: string, sha: string): Promise<void>;
  forceBranch(r: RepoRef, branch: string, sha: string): Promise<void>;
  commit(r: RepoRef, sha: string): Promise<{ tree: string; parents: string[] }>;
  /** A tree equal to `baseTree` with one file written; returns its sha. */
  treeWithFile(r: RepoRef, baseTree: string, path: string, content: string): Promise<string>;
  createCommit(r: RepoRef, message: string, tree: string, parents: string[]): Promise<string>;
  /** The file at `path` and `ref`: its text, or 'dir' for a directory, undefined on 404. */
  content(r: RepoRef, path: string, ref?: string): Promise<string | 'dir' | undefined>;
  openPull(r: RepoRef, head: string, base: string): Promise<PullInfo | undefined>;
  /** `maintainer_can_modify` only for cross-repository pull requests (GitHub refuses it for
   * organisation-owned forks, and it means nothing within one repository). */
  createPull(
    r: RepoRef,
    p: { title: string; head: string; base: string; body: string; maintainer_can_modify?: boolean },
  ): Promise<PullInfo>;
  updatePull(r: RepoRef, num: number, p: { title: string; body: string }): Promise<PullInfo>;
}

const status = (e: unknown) => (e as { status?: number }).status;

async function orUndefined<T>(p: Promise<T>, statuses: number[]): Promise<T | undefined> {
  try {
    return await p;
  } catch (e) {
    if (statuses.includes(status(e) ?? 0)) return undefined;
    throw e;
  }
}

interface PullJson {
  number: number;
  html_url: string;
  title: string;
  body: string | null;
}
const pullInfo = (p: PullJson): PullInfo => ({
  number: p.number,
  url: p.html_url,
  title: p.title,
  body: p.body,
});

export function createRegistryApi(opts: {
  token: string;
  apiUrl: string;
  retry: RetryPolicy;
  onRetry?: (message: string) => void;
}): RegistryApi {
  const octokit = new Octokit({
    auth: opts.token === '' ? undefined : opts.token,
    baseUrl: opts.apiUrl.replace(/\/+$/, ''),
    userAgent: 'plugin-release-action',
    log: { debug() {}, info() {}, warn() {}, error() {} },
  });
  octokit.hook.wrap('request', async (request, options) =>
    withRetry(
      opts.retry,
      async () => request(options),
      (e, wait) =>
        opts.onRetry?.(
          `${options.method} ${options.url}: ${(e as Error).message}; retrying in ${Math.round(wait / 1000)}s`,
        ),
    ),
  );
  const req = octokit.request;
  const o = (r: RepoRef) => ({ owner: r.owner, repo: r.name });

  return {
    getRepo: (r) =>
      orUndefined(
        req('GET /repos/{owner}/{repo}', o(r)).then(({ data }) => ({
          owner: data.owner.login,
          name: data.name,
          defaultBranch: data.default_branch,
          push: data.permissions?.push === true,
        })),
        [404],
      ),
    login: async () => (await req('GET /user')).data.login,
    fork: async (r) => {
      const { data } = await req('POST /repos/{owner}/{repo}/forks', {
        ...o(r),
        default_branch_only: true,
      });
      return { owner: data.owner.login, name: data.name };
    },
    branchSha: (r, branch) =>
      orUndefined(
        req('GET /repos/{owner}/{repo}/git/ref/{ref}', { ...o(r), ref: `heads/${branch}` }).then(
          ({ data }) => data.object.sha,
        ),
        [404, 409],
      ),
    createBranch: async (r, branch, sha) =>
      void (await req('POST /repos/{owner}/{repo}/git/refs', {
        ...o(r),
        ref: `refs/heads/${branch}`,
        sha,
      })),
    forceBranch: async (r, branch, sha) =>
      void (await req('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
        ...o(r),
        ref: `heads/${branch}`,
        sha,
        force: true,
      })),
    commit: async (r, sha) => {
      const { data } = await req('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', {
        ...o(r),
        commit_sha: sha,
      });
      return { tree: data.tree.sha, parents: data.parents.map((p) => p.sha) };
    },
    treeWithFile: async (r, baseTree, path, content) =>
      (
        await req('POST /repos/{owner}/{repo}/git/trees', {
          ...o(r),
          base_tree: baseTree,
          tree: [{ path, mode: '100644', type: 'blob', content }],
        })
      ).data.sha,
    createCommit: async (r, message, tree, parents) =>
      (await req('POST /repos/{owner}/{repo}/git/commits', { ...o(r), message, tree, parents }))
        .data.sha,
    content: (r, path, ref) =>
      orUndefined(
        req('GET /repos/{owner}/{repo}/contents/{path}', {
          ...o(r),
          path,
          ...(ref === undefined ? {} : { ref }),
        }).then(({ data }) => {
          if (Array.isArray(data)) return 'dir' as const;
          if (data.type !== 'file' || !('content' in data)) return undefined;
          if (data.encoding !== 'base64') {
            throw new Error(`${path}: served with encoding ${data.encoding} (too large?)`);
          }
          return Buffer.from(data.content, 'base64').toString('utf8');
        }),
        [404],
      ),
    openPull: async (r, head, base) => {
      const { data } = await req('GET /repos/{owner}/{repo}/pulls', {
        ...o(r),
        state: 'open',
        head,
        base,
        per_page: 100,
      });
      return data.length === 0 ? undefined : pullInfo(data[0] as PullJson);
    },
    createPull: async (r, p) =>
      pullInfo((await req('POST /repos/{owner}/{repo}/pulls', { ...o(r), ...p })).data),
    updatePull: async (r, num, p) =>
      pullInfo(
        (
          await req('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', {
            ...o(r),
            pull_number: num,
            ...p,
          })
        ).data,
      ),
  };
}
