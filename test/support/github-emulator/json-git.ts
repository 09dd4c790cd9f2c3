/**
 * The JSON GitHub serves for git refs, commits, trees and the contents API (`git-ref`,
 * `git-commit`, `git-tree`, `content-file`, `content-directory`, `file-commit`), built from the
 * object store. Base64 content is wrapped at 60 characters, as GitHub serves it.
 */
import type { DirEntry, GitCommit } from './git.ts';
import type { Origins } from './json.ts';
import type { RepoState } from './state.ts';

const enc = (s: string) => s.split('/').map(encodeURIComponent).join('/');

export function apiBase(o: Origins, repo: RepoState): string {
  return `${o.apiUrl}/repos/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}`;
}

export function webBase(o: Origins, repo: RepoState): string {
  return `${o.downloadOrigin}/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}`;
}

export function refJson(o: Origins, repo: RepoState, branch: string, sha: string) {
  const api = apiBase(o, repo);
  return {
    ref: `refs/heads/${branch}`,
    node_id: `REF_emu${Buffer.from(`${repo.id}:${branch}`).toString('base64url')}`,
    url: `${api}/git/refs/heads/${enc(branch)}`,
    object: { type: 'commit', sha, url: `${api}/git/commits/${sha}` },
  };
}

export function commitJson(o: Origins, repo: RepoState, c: GitCommit) {
  const api = apiBase(o, repo);
  const web = webBase(o, repo);
  return {
    sha: c.sha,
    node_id: `C_emu${c.sha.slice(0, 16)}`,
    url: `${api}/git/commits/${c.sha}`,
    html_url: `${web}/commit/${c.sha}`,
    author: c.author,
    committer: c.committer,
    tree: { sha: c.tree, url: `${api}/git/trees/${c.tree}` },
    message: c.message,
    parents: c.parents.map((p) => ({
      sha: p,
      url: `${api}/git/commits/${p}`,
      html_url: `${web}/commit/${p}`,
    })),
    verification: {
      verified: false,
      reason: 'unsigned',
      signature: null,
      payload: null,
      verified_at: null,
    },
  };
}

/** A created tree, listed one level deep (subdirectories as `tree` entries). */
export function treeJson(o: Origins, repo: RepoState, sha: string, top: DirEntry[]) {
  const api = apiBase(o, repo);
  return {
    sha,
    url: `${api}/git/trees/${sha}`,
    truncated: false,
    tree: top.map((e) =>
      e.type === 'dir'
        ? {
            path: e.name,
            mode: '040000',
            type: 'tree',
            sha: e.sha,
            url: `${api}/git/trees/${e.sha}`,
          }
        : {
            path: e.name,
            mode: '100644',
            type: 'blob',
            sha: e.sha,
            size: e.size,
            url: `${api}/git/blobs/${e.sha}`,
          },
    ),
  };
}

/** One entry of a directory listing (also the `content` of a file commit). */
export function entryJson(o: Origins, repo: RepoState, ref: string, e: DirEntry) {
  const api = apiBase(o, repo);
  const kind = e.type === 'dir' ? 'tree' : 'blob';
  const self = `${api}/contents/${enc(e.path)}?ref=${encodeURIComponent(ref)}`;
  const git = `${api}/git/${kind}s/${e.sha}`;
  const html = `${webBase(o, repo)}/${kind}/${enc(ref)}/${enc(e.path)}`;
  return {
    name: e.name,
    path: e.path,
    sha: e.sha,
    size: e.size,
    url: self,
    html_url: html,
    git_url: git,
    download_url:
      e.type === 'file'
        ? `${o.downloadOrigin}/_raw/${repo.fullName}/${enc(ref)}/${enc(e.path)}`
        : null,
    type: e.type,
    _links: { self, git, html },
  };
}

export function fileJson(o: Origins, repo: RepoState, ref: string, e: DirEntry, content: Buffer) {
  const b64 = content.toString('base64');
  const wrapped = b64.length === 0 ? '' : `${b64.match(/.{1,60}/g)?.join('\n') ?? ''}\n`;
  return { ...entryJson(o, repo, ref, e), content: wrapped, encoding: 'base64' };
}

export function fileCommitJson(
  o: Origins,
  repo: RepoState,
  branch: string,
  e: DirEntry,
  c: GitCommit,
) {
  return { content: entryJson(o, repo, branch, e), commit: commitJson(o, repo, c) };
}
