/**
 * The JSON GitHub serves for repositories, releases, assets and users, built from state. Shapes
 * follow the `release` and `release-asset` schemas of GitHub's OpenAPI description (checked by
 * test/github-emulator.test.ts). The download origin doubles as the "web" host (html_url).
 */
import { createHash } from 'node:crypto';
import type { RepoState } from './state.ts';
import type { EmuAsset, EmuRelease } from './types.ts';

export interface Origins {
  apiUrl: string;
  uploadsOrigin: string;
  downloadOrigin: string;
}

/** The identity behind every token: the Actions bot, as GITHUB_TOKEN would show. */
export function userJson(o: Origins, login = 'github-actions[bot]', id = 41898282) {
  const api = `${o.apiUrl}/users/${encodeURIComponent(login)}`;
  return {
    login,
    id,
    node_id: `MDM6Qm90${id}`,
    avatar_url: `${o.downloadOrigin}/avatars/${id}`,
    gravatar_id: '',
    url: api,
    html_url: `${o.downloadOrigin}/apps/github-actions`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: 'Bot',
    user_view_type: 'public',
    site_admin: false,
  };
}

/** What a draft's URLs use in place of its tag, like GitHub's `untagged-<hash>`. */
export function untaggedName(release: EmuRelease): string {
  const hash = createHash('sha1').update(`release:${release.id}`).digest('hex').slice(0, 20);
  return `untagged-${hash}`;
}

export function webTag(release: EmuRelease): string {
  return release.draft ? untaggedName(release) : release.tag_name;
}

function repoPath(repo: RepoState): string {
  return `${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}`;
}

export function downloadUrl(
  o: Origins,
  repo: RepoState,
  release: EmuRelease,
  name: string,
): string {
  const tag = encodeURIComponent(webTag(release));
  return `${o.downloadOrigin}/${repoPath(repo)}/releases/download/${tag}/${encodeURIComponent(name)}`;
}

export function assetJson(o: Origins, repo: RepoState, release: EmuRelease, a: EmuAsset) {
  return {
    url: `${o.apiUrl}/repos/${repoPath(repo)}/releases/assets/${a.id}`,
    id: a.id,
    node_id: a.node_id,
    name: a.name,
    label: a.label,
    uploader: userJson(o),
    content_type: a.content_type,
    state: a.state,
    size: a.size,
    digest: a.digest,
    download_count: a.download_count,
    created_at: a.created_at,
    updated_at: a.updated_at,
    browser_download_url: downloadUrl(o, repo, release, a.name),
  };
}

export function releaseJson(o: Origins, repo: RepoState, r: EmuRelease) {
  const base = `${o.apiUrl}/repos/${repoPath(repo)}`;
  const tag = encodeURIComponent(r.tag_name);
  return {
    url: `${base}/releases/${r.id}`,
    assets_url: `${base}/releases/${r.id}/assets`,
    upload_url: `${o.uploadsOrigin}/api/uploads/repos/${repoPath(repo)}/releases/${r.id}/assets{?name,label}`,
    html_url: `${o.downloadOrigin}/${repoPath(repo)}/releases/tag/${encodeURIComponent(webTag(r))}`,
    id: r.id,
    author: userJson(o),
    node_id: r.node_id,
    tag_name: r.tag_name,
    target_commitish: r.target_commitish,
    name: r.name,
    draft: r.draft,
    immutable: r.immutable,
    prerelease: r.prerelease,
    created_at: r.created_at,
    updated_at: r.updated_at,
    published_at: r.published_at,
    assets: [...r.assets].sort((a, b) => a.id - b.id).map((a) => assetJson(o, repo, r, a)),
    tarball_url: r.draft ? null : `${base}/tarball/${tag}`,
    zipball_url: r.draft ? null : `${base}/zipball/${tag}`,
    body: r.body,
  };
}
