/**
 * Release routes: read (list, by id, by tag, latest, immutable-releases) and write (create,
 * update/publish, delete, generate-notes). Write rules live in release-rules.ts.
 */
import { access, canPush, notFound, paginate, type Ctx, type Reply } from './http.ts';
import { releaseJson } from './json.ts';
import type { RepoState } from './state.ts';
import type { EmuRelease } from './types.ts';

/** Newest first: by creation date, then id. */
export function newestFirst(a: EmuRelease, b: EmuRelease): number {
  if (a.created_at !== b.created_at) return a.created_at < b.created_at ? 1 : -1;
  return b.id - a.id;
}

/** Drafts exist only for callers with push access, as on GitHub. */
export function visibleRelease(ctx: Ctx, repo: RepoState, id: number): EmuRelease | undefined {
  const release = ctx.core.state.findRelease(repo, id);
  return release && (!release.draft || canPush(ctx, repo)) ? release : undefined;
}

export async function listReleases(ctx: Ctx): Promise<Reply> {
  const a = access(ctx, 'read');
  if (a.reply) return a.reply;
  const all = a.repo.releases.filter((r) => !r.draft || canPush(ctx, a.repo)).sort(newestFirst);
  const { items, headers } = paginate(ctx, all);
  const json = items.map((r) => releaseJson(ctx.core.origins, a.repo, r));
  return { status: 200, json, headers };
}

export async function getRelease(ctx: Ctx): Promise<Reply> {
  const a = access(ctx, 'read');
  if (a.reply) return a.reply;
  const release = visibleRelease(ctx, a.repo, Number(ctx.params.release_id));
  if (!release) return notFound();
  return { status: 200, json: releaseJson(ctx.core.origins, a.repo, release) };
}

/** Published releases only: a draft with this tag is a 404, exactly the trap GitHub sets. */
export async function getReleaseByTag(ctx: Ctx): Promise<Reply> {
  const a = access(ctx, 'read');
  if (a.reply) return a.reply;
  const release = a.repo.releases
    .filter((r) => !r.draft && r.tag_name === ctx.params.tag)
    .sort((x, y) => x.id - y.id)[0];
  if (!release) return notFound();
  return { status: 200, json: releaseJson(ctx.core.origins, a.repo, release) };
}

export async function getLatest(ctx: Ctx): Promise<Reply> {
  const a = access(ctx, 'read');
  if (a.reply) return a.reply;
  const id = a.repo.latestId;
  const release = id === null ? undefined : ctx.core.state.findRelease(a.repo, id);
  if (!release) return notFound();
  return { status: 200, json: releaseJson(ctx.core.origins, a.repo, release) };
}

/** 200 `{enabled, enforced_by_owner}` when the repo enforces immutable releases; GitHub answers
 * 404 when it does not (per its OpenAPI description). */
export async function getImmutableReleases(ctx: Ctx): Promise<Reply> {
  const a = access(ctx, 'read');
  if (a.reply) return a.reply;
  if (!a.repo.immutableReleases) return notFound();
  return { status: 200, json: { enabled: true, enforced_by_owner: false } };
}
