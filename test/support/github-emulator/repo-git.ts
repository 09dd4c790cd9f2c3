/**
 * Repository-level git operations on top of the object store: moving branches (which also moves
 * the pull requests that follow them), committing files, resolving `?ref=`, and forking.
 */
import type { GitCommit, GitPerson } from './git.ts';
import { isoNow, type EmuState, type RepoState } from './state.ts';

/** Points `branch` at `sha` and re-syncs the network's open pull requests. */
export function setBranch(state: EmuState, repo: RepoState, branch: string, sha: string): void {
  repo.branches.set(branch, sha);
  state.emit({ type: 'ref-updated', repo: repo.fullName, ref: `refs/heads/${branch}`, sha });
  syncPulls(state, repo.network);
}

/** A branch name or a full commit sha, as the `ref` query parameter takes; default branch when
 * absent. */
export function resolveRef(
  state: EmuState,
  repo: RepoState,
  ref: string | null | undefined,
): GitCommit | undefined {
  const name =
    (ref ?? '') === '' ? repo.defaultBranch : (ref as string).replace(/^refs\/heads\//, '');
  const sha = repo.branches.get(name) ?? (/^[0-9a-f]{40}$/i.test(name) ? name : undefined);
  return sha === undefined ? undefined : state.git.commit(repo.network, sha);
}

/** One commit on `branch` (created from the default branch's head when missing) that writes
 * each file, or deletes it for `null`. */
export function commitFiles(
  state: EmuState,
  repo: RepoState,
  branch: string,
  files: Record<string, string | Buffer | null>,
  message: string,
  author?: GitPerson,
): GitCommit {
  const headSha = repo.branches.get(branch) ?? repo.branches.get(repo.defaultBranch);
  const head = headSha === undefined ? undefined : state.git.commit(repo.network, headSha);
  const tree = new Map(head ? state.git.treeOf(head) : []);
  for (const [path, content] of Object.entries(files)) {
    const clean = path.replace(/^\/+|\/+$/g, '');
    if (content === null) tree.delete(clean);
    else tree.set(clean, state.git.putBlob(Buffer.from(content)));
  }
  const commit = state.git.putCommit(repo.network, {
    tree: state.git.putTree(tree),
    parents: head ? [head.sha] : [],
    message,
    ...(author ? { author } : {}),
  });
  setBranch(state, repo, branch, commit.sha);
  return commit;
}

/** GitHub's fork: the owner's existing fork of `parent` when there is one, else a new repo named
 * like the parent (`-1`, `-2`... when the owner already has that name) sharing its network,
 * branches and default branch. */
export function forkRepo(
  state: EmuState,
  parent: RepoState,
  owner: string,
  opts: { name?: string; defaultBranchOnly?: boolean } = {},
): RepoState {
  const existing = [...state.repos.values()].find(
    (r) => r.owner.toLowerCase() === owner.toLowerCase() && r.parent === parent.fullName,
  );
  if (existing) return existing;
  const wanted = opts.name ?? parent.name;
  let name = wanted;
  for (let i = 1; state.repo(`${owner}/${name}`); i++) name = `${wanted}-${i}`;
  const fork = state.addRepo(`${owner}/${name}`, {
    private: parent.private,
    defaultBranch: parent.defaultBranch,
  });
  fork.network = parent.network;
  fork.parent = parent.fullName;
  fork.branches = new Map(
    [...parent.branches].filter(([b]) => !opts.defaultBranchOnly || b === parent.defaultBranch),
  );
  fork.pendingReads = state.forkLag;
  return fork;
}

/** Keeps open pull requests in step with their branches. A pull request whose head commit is
 * already contained in its base is marked merged, as GitHub does when the head reaches the base
 * (e.g. when its branch is reset to the base's head). */
export function syncPulls(state: EmuState, network: number): void {
  const repos = [...state.repos.values()].filter((r) => r.network === network);
  for (const base of repos) {
    for (const pull of base.pulls) {
      if (pull.state !== 'open') continue;
      const headRepo = state.repo(pull.head.repo);
      const headSha = headRepo?.branches.get(pull.head.ref);
      const baseSha = base.branches.get(pull.base.ref);
      if (headSha !== undefined) pull.head.sha = headSha;
      if (baseSha !== undefined) pull.base.sha = baseSha;
      if (baseSha !== undefined && state.git.isAncestor(pull.head.sha, baseSha)) {
        const now = isoNow();
        Object.assign(pull, { state: 'closed', merged: true, merged_at: now, closed_at: now });
        pull.merge_commit_sha = pull.head.sha;
        pull.updated_at = now;
        state.emit({ type: 'pull-merged', repo: base.fullName, pullNumber: pull.number });
      }
    }
  }
}
