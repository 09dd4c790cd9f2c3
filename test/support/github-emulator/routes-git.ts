/**
 * Git data routes: refs (branches only: `refs/heads/...`), commits and trees. Objects are shared
 * within a fork network, so a fork can point a branch at its parent's commits, as on GitHub.
 * Moving a branch re-syncs pull requests (see repo-git.ts).
 */
import type { GitPerson } from './git.ts';
import {
  access,
  errorReply,
  apiAuthor,
  notFound,
  validBody,
  type Ctx,
  type Reply,
} from './http.ts';
import { commitJson, refJson, treeJson } from './json-git.ts';
import { setBranch } from './repo-git.ts';

const unprocessable = (message: string): Reply => errorReply(422, message);

export async function getRef(ctx: Ctx): Promise<Reply> {
  const a = access(ctx, 'read');
  if (a.reply) return a.reply;
  const ref = ctx.params.ref ?? '';
  const branch = ref.startsWith('heads/') ? ref.slice('heads/'.length) : undefined;
  const sha = branch === undefined ? undefined : a.repo.branches.get(branch);
  if (branch === undefined || sha === undefined) return notFound();
  return { status: 200, json: refJson(ctx.core.origins, a.repo, branch, sha) };
}

export async function createRef(ctx: Ctx): Promise<Reply> {
  const a = access(ctx, 'write');
  if (a.reply) return a.reply;
  const b = await validBody<{ ref: string; sha: string }>(ctx, 'create-ref-request');
  if (b.reply) return b.reply;
  const { ref, sha } = b.body;
  if (!/^refs\/[^/]+\/.+/.test(ref)) return unprocessable('Reference name is invalid');
  if (!ref.startsWith('refs/heads/')) return unprocessable('emulator: only branches are modelled');
  const branch = ref.slice('refs/heads/'.length);
  if (a.repo.branches.has(branch)) return unprocessable('Reference already exists');
  if (!ctx.core.state.git.commit(a.repo.network, sha))
    return unprocessable('Object does not exist');
  setBranch(ctx.core.state, a.repo, branch, sha.toLowerCase());
  return { status: 201, json: refJson(ctx.core.origins, a.repo, branch, sha.toLowerCase()) };
}

export async function updateRef(ctx: Ctx): Promise<Reply> {
  const a = access(ctx, 'write');
  if (a.reply) return a.reply;
  const b = await validBody<{ sha: string; force?: boolean }>(ctx, 'update-ref-request');
  if (b.reply) return b.reply;
  const ref = ctx.params.ref ?? '';
  const branch = ref.startsWith('heads/') ? ref.slice('heads/'.length) : undefined;
  const current = branch === undefined ? undefined : a.repo.branches.get(branch);
  if (branch === undefined || current === undefined) {
    return unprocessable('Reference does not exist');
  }
  const git = ctx.core.state.git;
  const sha = b.body.sha.toLowerCase();
  if (!git.commit(a.repo.network, sha)) return unprocessable('Object does not exist');
  if (b.body.force !== true && !git.isAncestor(current, sha)) {
    return unprocessable('Update is not a fast forward');
  }
  setBranch(ctx.core.state, a.repo, branch, sha);
  return { status: 200, json: refJson(ctx.core.origins, a.repo, branch, sha) };
}

export async function getCommit(ctx: Ctx): Promise<Reply> {
  const a = access(ctx, 'read');
  if (a.reply) return a.reply;
  const commit = ctx.core.state.git.commit(a.repo.network, ctx.params.sha ?? '');
  if (!commit) return notFound();
  return { status: 200, json: commitJson(ctx.core.origins, a.repo, commit) };
}

interface TreeEntry {
  path: string;
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha?: string | null;
  content?: string;
}

export async function createTree(ctx: Ctx): Promise<Reply> {
  const a = access(ctx, 'write');
  if (a.reply) return a.reply;
  const b = await validBody<{ tree: TreeEntry[]; base_tree?: string }>(ctx, 'create-tree-request');
  if (b.reply) return b.reply;
  const git = ctx.core.state.git;
  let base = new Map<string, string>();
  if (b.body.base_tree !== undefined) {
    const t = git.trees.get(b.body.base_tree.toLowerCase());
    if (!t) return unprocessable('Invalid tree info: base_tree does not exist');
    base = new Map(t);
  }
  for (const e of b.body.tree) {
    if (e.path.split('/').some((part) => part === '' || part === '.' || part === '..')) {
      return unprocessable(`tree.path contains a malformed path component: ${e.path}`);
    }
    if (e.type === 'commit') return unprocessable('emulator: submodules are not modelled');
    if (e.sha === null) {
      for (const p of [...base.keys()])
        if (p === e.path || p.startsWith(`${e.path}/`)) base.delete(p);
    } else if (e.content !== undefined) {
      if (e.type !== 'blob') return unprocessable('Invalid tree info: content needs type blob');
      base.set(e.path, git.putBlob(Buffer.from(e.content, 'utf8')));
    } else if (e.type === 'blob' && e.sha !== undefined && git.blobs.has(e.sha.toLowerCase())) {
      base.set(e.path, e.sha.toLowerCase());
    } else if (e.type === 'tree' && e.sha !== undefined && git.trees.has(e.sha.toLowerCase())) {
      for (const [p, s] of git.trees.get(e.sha.toLowerCase()) ?? []) base.set(`${e.path}/${p}`, s);
    } else {
      return unprocessable(`tree.sha ${String(e.sha)} is not a valid ${e.type}`);
    }
  }
  const sha = git.putTree(base);
  const top = git.entries(base, '') ?? [];
  return { status: 201, json: treeJson(ctx.core.origins, a.repo, sha, top) };
}

interface CommitBody {
  message: string;
  tree: string;
  parents?: string[];
  author?: { name: string; email: string; date?: string };
}

export async function createCommit(ctx: Ctx): Promise<Reply> {
  const a = access(ctx, 'write');
  if (a.reply) return a.reply;
  const b = await validBody<CommitBody>(ctx, 'create-commit-request');
  if (b.reply) return b.reply;
  const git = ctx.core.state.git;
  const tree = b.body.tree.toLowerCase();
  if (!git.trees.has(tree)) return unprocessable('Tree SHA does not exist');
  const parents = (b.body.parents ?? []).map((p) => p.toLowerCase());
  if (parents.some((p) => !git.commit(a.repo.network, p))) {
    return unprocessable('Parent SHA does not exist or is not a commit object');
  }
  const given = b.body.author;
  const author: GitPerson = given
    ? { name: given.name, email: given.email, date: given.date ?? apiAuthor(ctx).date }
    : apiAuthor(ctx);
  const commit = git.putCommit(a.repo.network, { tree, parents, message: b.body.message, author });
  return { status: 201, json: commitJson(ctx.core.origins, a.repo, commit) };
}
