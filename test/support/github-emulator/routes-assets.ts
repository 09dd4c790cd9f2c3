/**
 * Asset routes on the API origin: list, get (JSON, or a 302 to the download origin for
 * `Accept: application/octet-stream`), rename/relabel, delete. Immutable releases refuse
 * changes to their assets.
 */
import { randomBytes } from 'node:crypto';
import {
  access,
  badJson,
  canPush,
  errorReply,
  notFound,
  paginate,
  readJson,
  validationFailed,
  type Ctx,
  type Reply,
} from './http.ts';
import { assetJson } from './json.ts';
import { rewriteAssetName } from './names.ts';
import { visibleRelease } from './routes-releases.ts';
import { invalidRequestMessage } from './schemas.ts';
import { isoNow, type RepoState } from './state.ts';
import type { EmuAsset, EmuRelease } from './types.ts';

const LINK_TTL_MS = 5 * 60 * 1000;

export const nameTaken = (release: EmuRelease, name: string, self?: EmuAsset): boolean =>
  release.assets.some((a) => a !== self && a.name === name);

export const alreadyExists = (): Reply =>
  validationFailed([{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }]);

type Found = { repo: RepoState; release: EmuRelease; asset: EmuAsset };

function findAsset(ctx: Ctx, need: 'read' | 'write'): Found | Reply {
  const a = access(ctx, need);
  if (a.reply) return a.reply;
  const found = ctx.core.state.findAsset(a.repo, Number(ctx.params.asset_id));
  if (!found || (found.release.draft && !canPush(ctx, a.repo))) return notFound();
  return { repo: a.repo, ...found };
}

const isReply = (v: Found | Reply): v is Reply => 'status' in v;

export async function listAssets(ctx: Ctx): Promise<Reply> {
  const a = access(ctx, 'read');
  if (a.reply) return a.reply;
  const release = visibleRelease(ctx, a.repo, Number(ctx.params.release_id));
  if (!release) return notFound();
  const sorted = [...release.assets].sort((x, y) => x.id - y.id);
  const { items, headers } = paginate(ctx, sorted);
  const json = items.map((asset) => assetJson(ctx.core.origins, a.repo, release, asset));
  return { status: 200, json, headers };
}

export async function getAsset(ctx: Ctx): Promise<Reply> {
  const f = findAsset(ctx, 'read');
  if (isReply(f)) return f;
  const accept = String(ctx.req.headers.accept ?? '');
  if (!accept.includes('application/octet-stream')) {
    return { status: 200, json: assetJson(ctx.core.origins, f.repo, f.release, f.asset) };
  }
  if (f.asset.state !== 'uploaded') return notFound();
  // Like GitHub: a redirect to another host with a short-lived signed URL that needs no token.
  const sig = randomBytes(16).toString('hex');
  ctx.core.links.set(sig, {
    repo: f.repo.fullName,
    assetId: f.asset.id,
    expires: Date.now() + LINK_TTL_MS,
  });
  const location = `${ctx.core.origins.downloadOrigin}/_assets/${f.asset.id}?sig=${sig}`;
  return { status: 302, headers: { location } };
}

const immutableRefusal = (what: 'update' | 'delete'): Reply =>
  errorReply(
    422,
    what === 'delete'
      ? 'Cannot delete asset from an immutable release'
      : 'Cannot update asset on an immutable release',
  );

export async function updateAsset(ctx: Ctx): Promise<Reply> {
  const f = findAsset(ctx, 'write');
  if (isReply(f)) return f;
  let body: unknown;
  try {
    body = await readJson(ctx);
  } catch {
    return badJson();
  }
  const problem = invalidRequestMessage('update-release-asset-request', body ?? {});
  if (problem) return errorReply(422, problem);
  if (f.release.immutable) return immutableRefusal('update');
  const input = (body ?? {}) as { name?: string; label?: string };
  const before = f.asset.name;
  if (input.name !== undefined) {
    const name = rewriteAssetName(input.name);
    if (name === '') {
      return validationFailed([{ resource: 'ReleaseAsset', code: 'invalid', field: 'name' }]);
    }
    if (nameTaken(f.release, name, f.asset)) return alreadyExists();
    f.asset.name = name;
  }
  if (input.label !== undefined) f.asset.label = input.label;
  f.asset.updated_at = isoNow();
  if (f.asset.name !== before) {
    ctx.core.state.emit({
      type: 'asset-renamed',
      repo: f.repo.fullName,
      releaseId: f.release.id,
      assetId: f.asset.id,
      assetName: f.asset.name,
      previousName: before,
    });
  }
  return { status: 200, json: assetJson(ctx.core.origins, f.repo, f.release, f.asset) };
}

export async function deleteAsset(ctx: Ctx): Promise<Reply> {
  const f = findAsset(ctx, 'write');
  if (isReply(f)) return f;
  if (f.release.immutable) return immutableRefusal('delete');
  ctx.core.state.removeAsset(f.repo, f.release, f.asset);
  return { status: 204 };
}
