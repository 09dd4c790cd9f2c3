/**
 * Pull request routes: list (state, head `owner:branch`, base), get, create and update. Rules
 * modelled: head and base branches must exist, the head must be ahead of the base ("No commits
 * between"), one open pull request per head and base ("A pull request already exists"), and
 * installation tokens act only on their own repositories.
 */
import {
  access,
  canContribute,
  canPush,
  errorReply,
  forbidden,
  notFound,
  paginate,
  validBody,
  validationFailed,
  type Ctx,
  type Reply,
} from './http.ts';
import { pullJson, pullSimpleJson } from './json-pulls.ts';
import { isoNow, type RepoState } from './state.ts';
import type { EmuPull } from './types.ts';

const custom = (message: string) =>
  validationFailed([{ resource: 'PullRequest', code: 'custom', message }]);
const invalid = (field: string) =>
  validationFailed([{ resource: 'PullRequest', field, code: 'invalid' }]);

/** `owner:branch` (or a bare branch of the base repo itself) -> the head repo in the network. */
function headRepo(ctx: Ctx, base: RepoState, head: string): [RepoState, string] | undefined {
  const colon = head.indexOf(':');
  if (colon < 0) return [base, head];
  const owner = head.slice(0, colon).toLowerCase();
  const ref = head.slice(colon + 1);
  const repos = [...ctx.core.state.repos.values()].filter(
    (r) => r.network === base.network && r.owner.toLowerCase() === owner,
  );
  const repo = repos.find((r) => r === base) ?? repos[0];
  return repo ? [repo, ref] : undefined;
}

const ownerOf = (fullName: string) => fullName.split('/')[0]?.toLowerCase();

export async function listPulls(ctx: Ctx): Promise<Reply> {
  const a = access(ctx, 'read');
  if (a.reply) return a.reply;
  const q = ctx.url.searchParams;
  const state = q.get('state') ?? 'open';
  if (!['open', 'closed', 'all'].includes(state)) {
    return validationFailed([{ resource: 'Issue', field: 'state', code: 'invalid' }]);
  }
  // `head` is `owner:branch`, or just an owner (every branch of that owner's repos).
  const head = q.get('head');
  const [owner, ref] = head === null ? [] : head.split(/:(.*)/s);
  const base = q.get('base');
  const pulls = a.repo.pulls
    .filter((p) => state === 'all' || p.state === state)
    .filter((p) => owner === undefined || ownerOf(p.head.repo) === owner.toLowerCase())
    .filter((p) => ref === undefined || p.head.ref === ref)
    .filter((p) => base === null || p.base.ref === base)
    .sort((x, y) => y.number - x.number);
  const { items, headers } = paginate(ctx, pulls);
  const json = items.map((p) => pullSimpleJson(ctx.core.origins, ctx.core.state, a.repo, p));
  return { status: 200, json, headers };
}

function findPull(ctx: Ctx, repo: RepoState): EmuPull | undefined {
  return repo.pulls.find((p) => p.number === Number(ctx.params.pull_number));
}

export async function getPull(ctx: Ctx): Promise<Reply> {
  const a = access(ctx, 'read');
  if (a.reply) return a.reply;
  const pull = findPull(ctx, a.repo);
  if (!pull) return notFound();
  return { status: 200, json: pullJson(ctx.core.origins, ctx.core.state, a.repo, pull) };
}

interface CreateBody {
  title?: string;
  head: string;
  base: string;
  body?: string;
  draft?: boolean;
  maintainer_can_modify?: boolean;
}

export async function createPull(ctx: Ctx): Promise<Reply> {
  const a = access(ctx, 'read');
  if (a.reply) return a.reply;
  const b = await validBody<CreateBody>(ctx, 'create-pull-request-request');
  if (b.reply) return b.reply;
  if (!ctx.auth.scope) return errorReply(401, 'Requires authentication');
  if (!canContribute(ctx, a.repo)) return forbidden(ctx);
  const { title, head, base } = b.body;
  if (title === undefined || title === '') {
    return validationFailed([{ resource: 'PullRequest', field: 'title', code: 'missing_field' }]);
  }
  const baseSha = a.repo.branches.get(base);
  if (baseSha === undefined) return invalid('base');
  const found = headRepo(ctx, a.repo, head);
  const headSha = found && found[0].branches.get(found[1]);
  if (!found || headSha === undefined) return invalid('head');
  const [hRepo, ref] = found;
  const label = `${hRepo.owner}:${ref}`;
  if (ctx.core.state.git.commitsAhead(baseSha, headSha).length === 0) {
    return custom(`No commits between ${base} and ${label}`);
  }
  const dup = a.repo.pulls.some(
    (p) => p.state === 'open' && p.head.repo === hRepo.fullName && p.head.ref === ref,
  );
  if (dup) return custom(`A pull request already exists for ${label}.`);
  const state = ctx.core.state;
  const now = isoNow();
  const id = state.nextPullId++;
  const login = ctx.auth.login ?? 'github-actions[bot]';
  const pull: EmuPull = {
    id,
    number: a.repo.nextNumber++,
    node_id: `PR_emu${id}`,
    title,
    body: b.body.body ?? null,
    state: 'open',
    draft: b.body.draft ?? false,
    merged: false,
    merged_at: null,
    closed_at: null,
    merge_commit_sha: null,
    maintainer_can_modify: b.body.maintainer_can_modify ?? hRepo !== a.repo,
    created_at: now,
    updated_at: now,
    user: login,
    author_association:
      login.toLowerCase() === a.repo.owner.toLowerCase()
        ? 'OWNER'
        : canPush(ctx, a.repo)
          ? 'COLLABORATOR'
          : 'NONE',
    head: { repo: hRepo.fullName, ref, sha: headSha },
    base: { ref: base, sha: baseSha },
  };
  a.repo.pulls.push(pull);
  state.emit({ type: 'pull-opened', repo: a.repo.fullName, pullNumber: pull.number });
  return { status: 201, json: pullJson(ctx.core.origins, state, a.repo, pull) };
}

interface UpdateBody {
  title?: string;
  body?: string;
  state?: 'open' | 'closed';
  base?: string;
  maintainer_can_modify?: boolean;
}

export async function updatePull(ctx: Ctx): Promise<Reply> {
  const a = access(ctx, 'read');
  if (a.reply) return a.reply;
  const b = await validBody<UpdateBody>(ctx, 'update-pull-request-request');
  if (b.reply) return b.reply;
  const pull = findPull(ctx, a.repo);
  if (!pull) return notFound();
  if (!ctx.auth.scope) return errorReply(401, 'Requires authentication');
  const author = ctx.auth.login !== undefined && ctx.auth.login === pull.user;
  if (!canPush(ctx, a.repo) && !(author && ctx.auth.scope === 'write')) return forbidden(ctx);
  const u = b.body;
  if (u.base !== undefined && !a.repo.branches.has(u.base)) return invalid('base');
  if (u.state !== undefined && pull.merged) {
    return custom('Cannot change the state of a merged pull request');
  }
  const now = isoNow();
  if (u.title !== undefined) pull.title = u.title;
  if (u.body !== undefined) pull.body = u.body;
  if (u.base !== undefined) {
    pull.base.ref = u.base;
    pull.base.sha = a.repo.branches.get(u.base) as string;
  }
  if (u.maintainer_can_modify !== undefined) pull.maintainer_can_modify = u.maintainer_can_modify;
  if (u.state !== undefined && u.state !== pull.state) {
    pull.state = u.state;
    pull.closed_at = u.state === 'closed' ? now : null;
  }
  pull.updated_at = now;
  ctx.core.state.emit({ type: 'pull-updated', repo: a.repo.fullName, pullNumber: pull.number });
  return { status: 200, json: pullJson(ctx.core.origins, ctx.core.state, a.repo, pull) };
}
