/**
 * The JSON GitHub serves for repositories (`full-repository`, also good as `repository` inside
 * pull requests) and for the authenticated user (`private-user`). Checked against the OpenAPI
 * schemas by test/github-emulator-git.test.ts.
 */
import type { Origins } from './json.ts';
import { userJson } from './json.ts';
import type { EmuState, RepoState } from './state.ts';

const TIME = '2024-01-01T00:00:00Z';

/** A user (type User, as a personal access token's owner) rather than the Actions bot. */
export function personJson(o: Origins, login: string, id: number) {
  return {
    ...userJson(o, login, id),
    node_id: `U_emu${id}`,
    html_url: `${o.downloadOrigin}/${encodeURIComponent(login)}`,
    type: 'User',
  };
}

/** Stable ids for logins that are not repositories' owners. */
export function loginId(login: string): number {
  let h = 0;
  for (const ch of login.toLowerCase()) h = (h * 31 + ch.charCodeAt(0)) % 1_000_000;
  return 2_000_000 + h;
}

/** Owners are organisations unless a token's login names them (then they are users). */
export function ownerJson(o: Origins, state: EmuState, owner: string) {
  const isUser = [...state.tokens.values()].some(
    (t) => t.login?.toLowerCase() === owner.toLowerCase(),
  );
  const person = personJson(o, owner, loginId(owner));
  return isUser ? person : { ...person, node_id: `O_emu${loginId(owner)}`, type: 'Organization' };
}

export interface Permissions {
  admin: boolean;
  maintain: boolean;
  push: boolean;
  triage: boolean;
  pull: boolean;
}

export function permissionsFor(push: boolean, owner: boolean): Permissions {
  return { admin: owner, maintain: owner, push, triage: push, pull: true };
}

function repoUrls(o: Origins, repo: RepoState) {
  const api = `${o.apiUrl}/repos/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}`;
  const web = `${o.downloadOrigin}/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}`;
  const t = (path: string) => `${api}/${path}`;
  return {
    html_url: web,
    url: api,
    archive_url: t('{archive_format}{/ref}'),
    assignees_url: t('assignees{/user}'),
    blobs_url: t('git/blobs{/sha}'),
    branches_url: t('branches{/branch}'),
    collaborators_url: t('collaborators{/collaborator}'),
    comments_url: t('comments{/number}'),
    commits_url: t('commits{/sha}'),
    compare_url: t('compare/{base}...{head}'),
    contents_url: t('contents/{+path}'),
    contributors_url: t('contributors'),
    deployments_url: t('deployments'),
    downloads_url: t('downloads'),
    events_url: t('events'),
    forks_url: t('forks'),
    git_commits_url: t('git/commits{/sha}'),
    git_refs_url: t('git/refs{/sha}'),
    git_tags_url: t('git/tags{/sha}'),
    git_url: `git:${web.replace(/^https?:\/\//, '')}.git`,
    issue_comment_url: t('issues/comments{/number}'),
    issue_events_url: t('issues/events{/number}'),
    issues_url: t('issues{/number}'),
    keys_url: t('keys{/key_id}'),
    labels_url: t('labels{/name}'),
    languages_url: t('languages'),
    merges_url: t('merges'),
    milestones_url: t('milestones{/number}'),
    notifications_url: t('notifications{?since,all,participating}'),
    pulls_url: t('pulls{/number}'),
    releases_url: t('releases{/id}'),
    ssh_url: `git@${new URL(o.downloadOrigin).host}:${repo.owner}/${repo.name}.git`,
    stargazers_url: t('stargazers'),
    statuses_url: t('statuses/{sha}'),
    subscribers_url: t('subscribers'),
    subscription_url: t('subscription'),
    tags_url: t('tags'),
    teams_url: t('teams'),
    trees_url: t('git/trees{/sha}'),
    clone_url: `${web}.git`,
    mirror_url: null,
    hooks_url: t('hooks'),
    svn_url: web,
  };
}

/** A repository as `repository` (pull requests' head/base) and the core of `full-repository`. */
export function repositoryJson(
  o: Origins,
  state: EmuState,
  repo: RepoState,
  permissions?: Permissions,
) {
  const forks = [...state.repos.values()].filter((r) => r.parent === repo.fullName).length;
  const open = repo.pulls.filter((p) => p.state === 'open').length;
  return {
    id: repo.id,
    node_id: `R_emu${repo.id}`,
    name: repo.name,
    full_name: repo.fullName,
    private: repo.private,
    visibility: repo.private ? 'private' : 'public',
    owner: ownerJson(o, state, repo.owner),
    description: null,
    fork: repo.parent !== undefined,
    ...repoUrls(o, repo),
    homepage: null,
    language: null,
    forks_count: forks,
    forks,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 0,
    default_branch: repo.defaultBranch,
    open_issues_count: open,
    open_issues: open,
    is_template: false,
    topics: [],
    has_issues: repo.parent === undefined,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    license: null,
    pushed_at: TIME,
    created_at: TIME,
    updated_at: TIME,
    allow_forking: true,
    web_commit_signoff_required: false,
    ...(permissions ? { permissions } : {}),
  };
}

/** GET /repos/{o}/{r}: `full-repository`, with `parent` and `source` for forks and the
 * caller's permissions. */
export function fullRepoJson(
  o: Origins,
  state: EmuState,
  repo: RepoState,
  permissions: Permissions,
) {
  const json: Record<string, unknown> = {
    ...repositoryJson(o, state, repo, permissions),
    network_count: [...state.repos.values()].filter((r) => r.network === repo.network).length - 1,
    subscribers_count: 0,
  };
  const parent = repo.parent === undefined ? undefined : state.repo(repo.parent);
  if (parent) {
    let source = parent;
    for (let up = state.repo(source.parent ?? ''); up; up = state.repo(up.parent ?? ''))
      source = up;
    json.parent = repositoryJson(o, state, parent);
    json.source = repositoryJson(o, state, source);
  }
  return json;
}

/** GET /user for a personal access token: `private-user`. */
export function privateUserJson(o: Origins, login: string) {
  return {
    ...personJson(o, login, loginId(login)),
    user_view_type: 'private',
    name: null,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: 1,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: TIME,
    updated_at: TIME,
    private_gists: 0,
    total_private_repos: 0,
    owned_private_repos: 0,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
  };
}
