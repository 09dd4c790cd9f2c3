/**
 * Repository and identity routes: GET /repos/{o}/{r} (full-repository with the caller's
 * permissions), GET /user, and POST /repos/{o}/{r}/forks (asynchronous: see forkLag).
 */
import {
  access,
  canPush,
  errorReply,
  forbidden,
  validBody,
  validationFailed,
  type Ctx,
  type Reply,
} from './http.ts';
import { fullRepoJson, permissionsFor, privateUserJson } from './json-repo.ts';
import { forkRepo } from './repo-git.ts';
import type { RepoState } from './state.ts';

export function repoPermissions(ctx: Ctx, repo: RepoState) {
  const owner = ctx.auth.login?.toLowerCase() === repo.owner.toLowerCase();
  return permissionsFor(canPush(ctx, repo), owner);
}

export async function getRepo(ctx: Ctx): Promise<Reply> {
  const a = access(ctx, 'read');
  if (a.reply) return a.reply;
  const json: Record<string, unknown> = fullRepoJson(
    ctx.core.origins,
    ctx.core.state,
    a.repo,
    repoPermissions(ctx, a.repo),
  );
  if (ctx.auth.installation) delete json.permissions;
  return { status: 200, json };
}

/** Installation tokens (GITHUB_TOKEN) have no user: GitHub answers 403 here. */
export async function getUser(ctx: Ctx): Promise<Reply> {
  if (ctx.auth.invalid) return errorReply(401, 'Bad credentials');
  if (!ctx.auth.scope) return errorReply(401, 'Requires authentication');
  if (ctx.auth.login === undefined) return forbidden(ctx);
  return { status: 200, json: privateUserJson(ctx.core.origins, ctx.auth.login) };
}

interface ForkBody {
  organization?: string;
  name?: string;
  default_branch_only?: boolean;
}

export async function createFork(ctx: Ctx): Promise<Reply> {
  const a = access(ctx, 'read');
  if (a.reply) return a.reply;
  const b = await validBody<ForkBody>(ctx, 'create-fork-request');
  if (b.reply) return b.reply;
  if (!ctx.auth.scope) return errorReply(401, 'Requires authentication');
  const login = ctx.auth.login;
  if (login === undefined || ctx.auth.scope !== 'write') return forbidden(ctx);
  const owner = b.body.organization ?? login;
  if (owner.toLowerCase() === a.repo.owner.toLowerCase()) {
    const message = 'Cannot fork a repository into its own owner';
    return validationFailed([{ resource: 'Repository', code: 'custom', message }]);
  }
  const opts: { name?: string; defaultBranchOnly?: boolean } = {};
  if (b.body.name !== undefined) opts.name = b.body.name;
  if (b.body.default_branch_only !== undefined) opts.defaultBranchOnly = b.body.default_branch_only;
  const fork = forkRepo(ctx.core.state, a.repo, owner, opts);
  const perms = permissionsFor(true, owner === login);
  return { status: 202, json: fullRepoJson(ctx.core.origins, ctx.core.state, fork, perms) };
}
