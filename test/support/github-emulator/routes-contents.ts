/**
 * The contents API: GET a file (base64 + blob sha) or a directory listing at `?ref=` (a branch or
 * a commit sha; default branch when absent), and PUT a file, which makes one commit on a branch.
 * Updating an existing file needs its current blob sha, as on GitHub.
 */
import {
  access,
  apiAuthor,
  errorReply,
  notFound,
  validBody,
  type Ctx,
  type Reply,
} from './http.ts';
import { entryJson, fileCommitJson, fileJson } from './json-git.ts';
import { commitFiles, resolveRef } from './repo-git.ts';

const cleanPath = (p: string | undefined) => (p ?? '').replace(/^\/+|\/+$/g, '');

export async function getContent(ctx: Ctx): Promise<Reply> {
  const a = access(ctx, 'read');
  if (a.reply) return a.reply;
  const ref = ctx.url.searchParams.get('ref');
  const commit = resolveRef(ctx.core.state, a.repo, ref);
  if (!commit) return errorReply(404, `No commit found for the ref ${ref ?? ''}`);
  const refName = ref ?? a.repo.defaultBranch;
  const path = cleanPath(ctx.params.path);
  const git = ctx.core.state.git;
  const o = ctx.core.origins;
  const file = path === '' ? undefined : git.file(commit, path);
  if (file) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    const entry = { name, path, type: 'file' as const, sha: file.sha, size: file.content.length };
    return { status: 200, json: fileJson(o, a.repo, refName, entry, file.content) };
  }
  const listing = git.dir(commit, path);
  if (!listing) return notFound();
  return { status: 200, json: listing.map((e) => entryJson(o, a.repo, refName, e)) };
}

interface PutBody {
  message: string;
  content: string;
  sha?: string;
  branch?: string;
  author?: { name: string; email: string; date?: string };
}

export async function putContent(ctx: Ctx): Promise<Reply> {
  const a = access(ctx, 'write');
  if (a.reply) return a.reply;
  const b = await validBody<PutBody>(ctx, 'create-or-update-file-contents-request');
  if (b.reply) return b.reply;
  const { message, content, sha } = b.body;
  const branch = b.body.branch ?? a.repo.defaultBranch;
  const path = cleanPath(ctx.params.path);
  if (!a.repo.branches.has(branch)) return errorReply(404, `Branch ${branch} not found`);
  if (!/^[A-Za-z0-9+/\r\n]*={0,2}[\r\n]*$/.test(content)) {
    return errorReply(422, 'content is not valid Base64');
  }
  const state = ctx.core.state;
  const head = state.git.commit(a.repo.network, a.repo.branches.get(branch) as string);
  const existing = head && state.git.file(head, path);
  if (existing && sha === undefined) {
    return errorReply(422, `Invalid request.\n\n"sha" wasn't supplied.`);
  }
  if (existing && sha !== existing.sha) return errorReply(409, `${path} does not match ${sha}`);
  if (head && !existing && state.git.dir(head, path)) {
    return errorReply(422, `${path} is a directory`);
  }
  const bytes = Buffer.from(content, 'base64');
  const given = b.body.author;
  const author = given ? { ...apiAuthor(ctx), ...given } : apiAuthor(ctx);
  const commit = commitFiles(state, a.repo, branch, { [path]: bytes }, message, author);
  const name = path.slice(path.lastIndexOf('/') + 1);
  const blob = state.git.file(commit, path)?.sha ?? '';
  const entry = { name, path, type: 'file' as const, sha: blob, size: bytes.length };
  const json = fileCommitJson(ctx.core.origins, a.repo, branch, entry, commit);
  return { status: existing ? 200 : 201, json };
}
