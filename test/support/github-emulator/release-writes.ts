/**
 * Release writes: create, update (including publish and unpublish), delete, generate-notes.
 * Rules modelled: a published release owns its tag (422 already_exists), drafts may share one;
 * an immutable release burns its tag forever; make_latest is a string; the create is not atomic
 * when `raceWindowMs` is set (the conflict check and the insert are that far apart).
 */
import {
  access,
  badJson,
  errorReply,
  notFound,
  readJson,
  sleep,
  validationFailed,
  type Ctx,
  type Reply,
} from './http.ts';
import { releaseJson } from './json.ts';
import { invalidRequestMessage, type SchemaName } from './schemas.ts';
import { isoNow, type MakeLatest, type RepoState } from './state.ts';
import type { EmuRelease } from './types.ts';

const BODY_LIMIT = 125_000;

interface ReleaseBody {
  tag_name?: string;
  target_commitish?: string;
  name?: string;
  body?: string;
  draft?: boolean;
  prerelease?: boolean;
  make_latest?: MakeLatest;
  generate_release_notes?: boolean;
  previous_tag_name?: string;
}

/** Reads the JSON body and checks it against the operation's OpenAPI schema. */
async function validBody(ctx: Ctx, schema: SchemaName): Promise<ReleaseBody | Reply> {
  let body: unknown;
  try {
    body = await readJson(ctx);
  } catch {
    return badJson();
  }
  const problem = invalidRequestMessage(schema, body ?? {});
  if (problem) return errorReply(422, problem);
  return (body ?? {}) as ReleaseBody;
}

const isReply = (v: ReleaseBody | Reply): v is Reply => typeof (v as Reply).status === 'number';

/** Why `tag` cannot be used at all: an immutable release burned it. */
function burned(repo: RepoState, tag: string): Reply | undefined {
  if (!repo.burnedTags.has(tag)) return undefined;
  const message = 'tag_name was used by an immutable release';
  return validationFailed([{ resource: 'Release', code: 'custom', field: 'tag_name', message }]);
}

/** Why `tag` cannot go to a published release (other than `self`), or undefined. */
function tagConflict(repo: RepoState, tag: string, self?: EmuRelease): Reply | undefined {
  const b = burned(repo, tag);
  if (b) return b;
  if (repo.releases.some((r) => r !== self && !r.draft && r.tag_name === tag)) {
    return validationFailed([{ resource: 'Release', code: 'already_exists', field: 'tag_name' }]);
  }
  return undefined;
}

function bodyTooLong(body: string | null | undefined): Reply | undefined {
  if (body === null || body === undefined || body.length <= BODY_LIMIT) return undefined;
  const message = `body is too long (maximum is ${BODY_LIMIT} characters)`;
  return validationFailed([{ resource: 'Release', code: 'custom', field: 'body', message }]);
}

/** Deterministic stand-in for GitHub's generated notes. */
export function generatedNotes(ctx: Ctx, repo: RepoState, tag: string, previous?: string) {
  const latest = repo.releases.find((r) => r.id === repo.latestId);
  const prev = previous ?? (latest && latest.tag_name !== tag ? latest.tag_name : undefined);
  const web = `${ctx.core.origins.downloadOrigin}/${repo.fullName}`;
  const changelog = prev ? `${web}/compare/${prev}...${tag}` : `${web}/commits/${tag}`;
  const body = `## What's Changed\n* Emulated change for ${tag}\n\n**Full Changelog**: ${changelog}`;
  return { name: tag, body };
}

export async function createRelease(ctx: Ctx): Promise<Reply> {
  const a = access(ctx, 'write');
  if (a.reply) return a.reply;
  const input = await validBody(ctx, 'create-release-request');
  if (isReply(input)) return input;
  const tag = input.tag_name ?? '';
  if (tag.trim() === '') {
    return validationFailed([{ resource: 'Release', code: 'invalid', field: 'tag_name' }]);
  }
  const conflict = tagConflict(a.repo, tag) ?? bodyTooLong(input.body);
  if (conflict) return conflict;
  // Not atomic on GitHub: concurrent creates that all passed the check above each get a release.
  await sleep(ctx.core.raceWindowMs);
  let { name, body } = input;
  if (input.generate_release_notes) {
    const notes = generatedNotes(ctx, a.repo, tag);
    name ??= notes.name;
    body = body ? `${body}\n\n${notes.body}` : notes.body;
  }
  const state = ctx.core.state;
  const release = state.newRelease(a.repo, {
    tag_name: tag,
    target_commitish: input.target_commitish ?? a.repo.defaultBranch,
    name: name ?? null,
    body: body ?? null,
    draft: true,
    prerelease: input.prerelease ?? false,
  });
  if (input.draft !== true) {
    state.publish(a.repo, release);
    state.applyMakeLatest(a.repo, release, input.make_latest ?? 'true');
  }
  return { status: 201, json: releaseJson(ctx.core.origins, a.repo, release) };
}

export async function updateRelease(ctx: Ctx): Promise<Reply> {
  const a = access(ctx, 'write');
  if (a.reply) return a.reply;
  const repo = a.repo;
  const release = ctx.core.state.findRelease(repo, Number(ctx.params.release_id));
  if (!release) return notFound();
  const input = await validBody(ctx, 'update-release-request');
  if (isReply(input)) return input;
  const publishing = release.draft && input.draft === false;
  const unpublishing = !release.draft && input.draft === true;
  const newTag = input.tag_name !== undefined && input.tag_name !== release.tag_name;
  if (release.immutable && (unpublishing || newTag)) {
    return errorReply(422, 'Cannot change the tag or draft state of an immutable release');
  }
  const tag = input.tag_name ?? release.tag_name;
  const endsPublished = publishing || (!release.draft && !unpublishing);
  if (publishing || newTag) {
    const conflict = endsPublished ? tagConflict(repo, tag, release) : burned(repo, tag);
    if (conflict) return conflict;
  }
  const tooLong = bodyTooLong(input.body);
  if (tooLong) return tooLong;

  release.tag_name = tag;
  if (input.name !== undefined) release.name = input.name;
  if (input.body !== undefined) release.body = input.body;
  if (input.target_commitish !== undefined) release.target_commitish = input.target_commitish;
  if (input.prerelease !== undefined) release.prerelease = input.prerelease;
  release.updated_at = isoNow();
  const state = ctx.core.state;
  if (publishing) {
    state.publish(repo, release);
    state.applyMakeLatest(repo, release, input.make_latest ?? 'true');
  } else if (unpublishing) {
    release.draft = true;
    release.published_at = null;
  } else if (input.make_latest !== undefined && !release.draft) {
    state.applyMakeLatest(repo, release, input.make_latest);
  }
  // A release that can no longer be latest (draft again, now a prerelease) hands the flag on.
  if (repo.latestId === release.id && (release.draft || release.prerelease)) {
    state.recomputeLatest(repo, release.id);
  }
  state.emit({ type: 'release-updated', repo: repo.fullName, releaseId: release.id });
  return { status: 200, json: releaseJson(ctx.core.origins, repo, release) };
}

export async function deleteRelease(ctx: Ctx): Promise<Reply> {
  const a = access(ctx, 'write');
  if (a.reply) return a.reply;
  const release = ctx.core.state.findRelease(a.repo, Number(ctx.params.release_id));
  if (!release) return notFound();
  ctx.core.state.deleteRelease(a.repo, release);
  return { status: 204 };
}

export async function generateNotes(ctx: Ctx): Promise<Reply> {
  const a = access(ctx, 'write');
  if (a.reply) return a.reply;
  const input = await validBody(ctx, 'generate-release-notes-request');
  if (isReply(input)) return input;
  const notes = generatedNotes(ctx, a.repo, input.tag_name ?? '', input.previous_tag_name);
  return { status: 200, json: notes };
}
