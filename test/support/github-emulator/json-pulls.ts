/**
 * The JSON GitHub serves for pull requests: `pull-request-simple` (lists) and `pull-request`
 * (one), with head/base as live `repository` objects and counts from the git model.
 */
import type { FileChange } from './git.ts';
import { apiBase, webBase } from './json-git.ts';
import { repositoryJson, ownerJson, personJson, loginId } from './json-repo.ts';
import { userJson, type Origins } from './json.ts';
import type { EmuState, RepoState } from './state.ts';
import type { EmuPull } from './types.ts';

const BOT = 'github-actions[bot]';

function userOf(o: Origins, login: string) {
  return login === BOT ? userJson(o) : personJson(o, login, loginId(login));
}

function side(o: Origins, state: EmuState, repo: RepoState | undefined, ref: string, sha: string) {
  const owner = repo?.owner ?? 'unknown';
  return {
    label: `${owner}:${ref}`,
    ref,
    sha,
    user: ownerJson(o, state, owner),
    repo: repo ? repositoryJson(o, state, repo) : null,
  };
}

export function pullSimpleJson(o: Origins, state: EmuState, base: RepoState, p: EmuPull) {
  const api = apiBase(o, base);
  const html = `${webBase(o, base)}/pull/${p.number}`;
  const self = `${api}/pulls/${p.number}`;
  const issue = `${api}/issues/${p.number}`;
  const link = (href: string) => ({ href });
  return {
    url: self,
    id: p.id,
    node_id: p.node_id,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issue,
    commits_url: `${self}/commits`,
    review_comments_url: `${self}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${issue}/comments`,
    statuses_url: `${api}/statuses/${p.head.sha}`,
    number: p.number,
    state: p.state,
    locked: false,
    title: p.title,
    user: userOf(o, p.user),
    body: p.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: p.created_at,
    updated_at: p.updated_at,
    closed_at: p.closed_at,
    merged_at: p.merged_at,
    merge_commit_sha: p.merge_commit_sha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: side(o, state, state.repo(p.head.repo), p.head.ref, p.head.sha),
    base: side(o, state, base, p.base.ref, p.base.sha),
    _links: {
      self: link(self),
      html: link(html),
      issue: link(issue),
      comments: link(`${issue}/comments`),
      review_comments: link(`${self}/comments`),
      review_comment: link(`${api}/pulls/comments{/number}`),
      commits: link(`${self}/commits`),
      statuses: link(`${api}/statuses/${p.head.sha}`),
    },
    author_association: p.author_association,
    auto_merge: null,
    draft: p.draft,
  };
}

export function pullJson(o: Origins, state: EmuState, base: RepoState, p: EmuPull) {
  const git = state.git;
  const ahead = git.commitsAhead(p.base.sha, p.head.sha);
  const mergeBase = git.mergeBase(p.base.sha, p.head.sha);
  const from = mergeBase === undefined ? undefined : git.commits.get(mergeBase);
  const to = git.commits.get(p.head.sha);
  const changes: FileChange[] = from && to ? git.diff(git.treeOf(from), git.treeOf(to)) : [];
  const sum = (k: 'additions' | 'deletions') => changes.reduce((n, c) => n + c[k], 0);
  return {
    ...pullSimpleJson(o, state, base, p),
    merged: p.merged,
    mergeable: p.state === 'open' ? true : null,
    rebaseable: p.state === 'open' ? true : null,
    mergeable_state: p.state === 'open' ? 'clean' : 'unknown',
    merged_by: null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: p.maintainer_can_modify,
    commits: ahead.length,
    additions: sum('additions'),
    deletions: sum('deletions'),
    changed_files: changes.length,
  };
}
