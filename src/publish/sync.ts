import { createHash } from 'node:crypto';
import { ReleaseError } from '../errors.ts';
import { isAlreadyExists } from '../github/errors.ts';
import type { AdaptiveLimit } from '../github/limit.ts';
import { isRateLimited, retryDelay, type RetryPolicy } from '../github/retry.ts';
import { mapLimit } from '../sign/pool.ts';
import type { Release, ReleaseApi, ReleaseAsset } from '../github/types.ts';
import type { LocalAsset } from './local.ts';
import { tempAssetName, tempAssetTarget } from './names.ts';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Putting local assets on a release without ever losing a good one.
 * - Same name and GitHub's digest equal to our sha256: left alone (`unchanged`).
 * - Same name, different bytes: the new bytes are uploaded under a temporary name first; only
 *   when they are stored (and their digest checked) is the old asset deleted and the new one
 *   renamed into place (`replaced`).
 * - After any failed upload attempt the assets are listed and reconciled: `starter` debris is
 *   deleted, an asset that was stored after all is accepted when its digest matches.
 */
export type SyncAction = 'upload' | 'replace' | 'unchanged';
export interface SyncItem {
  local: LocalAsset;
  remote?: ReleaseAsset;
  action: SyncAction;
  /** A signature file left as it is on the release although ours differs (see planSync). */
  kept?: boolean;
}

const SIGNATURE_FILE = /\.tar\.gz\.(sig|cert|pem|bundle|sigstore\.json)$/;

export const MAX_ASSETS = 1000;
const STALE_TEMP_MS = 60 * 60 * 1000;

const wanted = (l: LocalAsset) => `sha256:${l.sha256}`;

/** Pure: what to do with each local asset, and which temporary leftovers to clean up. */
export function planSync(
  local: readonly LocalAsset[],
  remote: readonly ReleaseAsset[],
  now = Date.now(),
): { items: SyncItem[]; stale: ReleaseAsset[] } {
  const byName = new Map(remote.map((r) => [r.name, r]));
  const ours = new Set(local.map((l) => l.name));
  const items = local.map((l): SyncItem => {
    const r = byName.get(l.name);
    if (r === undefined) return { local: l, action: 'upload' };
    if (r.state === 'uploaded' && r.digest === wanted(l))
      return { local: l, remote: r, action: 'unchanged' };
    return { local: l, remote: r, action: r.state === 'uploaded' ? 'replace' : 'upload' };
  });
  // Signatures are not reproducible (fresh key, certificate and log entry each run), but those on
  // the release are valid for the exact bytes of a tarball that did not change: keep them, so
  // an identical rerun with signing uploads nothing (and an immutable release stays acceptable).
  // All or nothing per tarball: a .sig and a .cert from two different signings do not verify.
  const unchangedTarballs = new Set(
    items
      .filter((i) => i.action === 'unchanged' && i.local.name.endsWith('.tar.gz'))
      .map((i) => i.local.name),
  );
  const tarballOf = (name: string) => {
    const m = SIGNATURE_FILE.exec(name);
    return m ? name.slice(0, m.index + '.tar.gz'.length) : undefined;
  };
  const incomplete = new Set(
    items
      .filter((i) => tarballOf(i.local.name) !== undefined && i.remote?.state !== 'uploaded')
      .map((i) => tarballOf(i.local.name)),
  );
  for (const i of items) {
    const tarball = tarballOf(i.local.name);
    if (
      tarball !== undefined &&
      i.action === 'replace' &&
      unchangedTarballs.has(tarball) &&
      !incomplete.has(tarball)
    ) {
      i.action = 'unchanged';
      i.kept = true;
    }
  }
  const stale = remote.filter((r) => {
    const target = tempAssetTarget(r.name);
    return (
      target !== undefined && (ours.has(target) || now - Date.parse(r.created_at) > STALE_TEMP_MS)
    );
  });
  return { items, stale };
}

/** Refuses, before any upload, a sync that would take the release past GitHub's 1000 assets. */
export function checkAssetCount(
  items: readonly SyncItem[],
  remoteCount: number,
  staleCount: number,
  concurrency: number,
): void {
  const added = items.filter((i) => i.action === 'upload' && i.remote === undefined).length;
  const inFlightTemps = Math.min(concurrency, items.filter((i) => i.action === 'replace').length);
  const total = remoteCount - staleCount + added + inFlightTemps;
  if (total > MAX_ASSETS) {
    throw new ReleaseError(
      'TOO_MANY_ASSETS',
      `the release would hold ${total} assets (${remoteCount} there now, ${added} new${inFlightTemps ? `, ${inFlightTemps} temporary during replacement` : ''}); GitHub allows ${MAX_ASSETS}. Publish fewer targets or files per release, e.g. signature-files: sig,cert`,
    );
  }
}

export interface SyncOptions {
  /** Uploads in flight; halved when GitHub answers with a rate limit. */
  limit: AdaptiveLimit;
  retry: RetryPolicy;
  nonce: string;
  log: (message: string) => void;
}

async function remoteSha256(api: ReleaseApi, asset: ReleaseAsset): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of await api.downloadAsset(asset.id)) hash.update(chunk as Buffer);
  return `sha256:${hash.digest('hex')}`;
}

/** Uploads under `name` until GitHub holds exactly these bytes; reconciles after each failure. */
async function uploadVerified(
  api: ReleaseApi,
  release: Release,
  name: string,
  local: LocalAsset,
  opts: SyncOptions,
): Promise<ReleaseAsset> {
  for (let attempt = 0; ; attempt++) {
    let failure: unknown;
    try {
      const asset = await api.uploadAsset(release, name, {
        path: local.path,
        size: local.size,
        contentType: local.contentType,
      });
      if (asset.digest === null || asset.digest === wanted(local)) return asset;
      await api.deleteAsset(asset.id);
      failure = new ReleaseError(
        'HASH_MISMATCH',
        `GitHub stored ${name} with digest ${asset.digest}, not ${wanted(local)}`,
      );
    } catch (e) {
      failure = e;
    }
    const cause = (failure as { cause?: unknown }).cause ?? failure;
    const conflict = isAlreadyExists(cause, 'name');
    const corrupted = failure instanceof ReleaseError && failure.code === 'HASH_MISMATCH';
    const wait = conflict || corrupted ? 0 : retryDelay(cause, attempt, opts.retry);
    if (wait === undefined || attempt + 1 >= opts.retry.attempts) throw failure;
    if (isRateLimited(cause))
      opts.log(`GitHub asked to slow down: at most ${opts.limit.backOff()} uploads at a time now`);
    // Reconcile with what GitHub actually has under this name.
    const existing = (await api.listAssets(release.id)).find((a) => a.name === name);
    if (existing?.state === 'uploaded' && existing.digest === wanted(local)) {
      opts.log(`upload ${name}: stored after all (digest matches)`);
      return existing;
    }
    if (existing !== undefined) {
      if (conflict && existing.state === 'uploaded' && name === local.name) {
        // Someone else put different bytes under our final name: replace it the safe way.
        return replaceAsset(api, release, local, existing, opts);
      }
      opts.log(
        `upload ${name}: removing ${existing.state === 'starter' ? 'broken (starter)' : 'mismatched'} asset ${existing.id} before retrying`,
      );
      await api.deleteAsset(existing.id);
    }
    opts.log(
      `upload ${name}: attempt ${attempt + 1} failed (${(failure as Error).message}); retrying${wait ? ` in ${Math.round(wait / 100) / 10}s` : ''}`,
    );
    if (wait) await sleep(wait);
  }
}

async function replaceAsset(
  api: ReleaseApi,
  release: Release,
  local: LocalAsset,
  old: ReleaseAsset,
  opts: SyncOptions,
): Promise<ReleaseAsset> {
  const temp = await uploadVerified(
    api,
    release,
    tempAssetName(local.name, opts.nonce),
    local,
    opts,
  );
  // The new bytes are safely stored: only now may the old asset go.
  await api.deleteAsset(old.id).catch((e: { status?: number; cause?: { status?: number } }) => {
    if ((e.cause?.status ?? e.status) !== 404) throw e;
  });
  const renamed = await api.renameAsset(temp.id, local.name);
  if (renamed.name !== local.name)
    throw new ReleaseError(
      'ASSET_NAME',
      `GitHub renamed ${temp.name} to ${renamed.name}, not ${local.name}`,
    );
  return renamed;
}

export interface SyncResult {
  local: LocalAsset;
  asset: ReleaseAsset;
  action: 'uploaded' | 'replaced' | 'unchanged';
}

export async function executeSync(
  api: ReleaseApi,
  release: Release,
  items: readonly SyncItem[],
  stale: readonly ReleaseAsset[],
  opts: SyncOptions,
): Promise<SyncResult[]> {
  for (const s of stale) {
    opts.log(`removing temporary asset ${s.name} left by an earlier run`);
    await api.deleteAsset(s.id).catch(() => undefined);
  }
  return mapLimit(items, opts.limit, async (item): Promise<SyncResult> => {
    const { local, remote } = item;
    if (item.action === 'unchanged') return { local, asset: remote!, action: 'unchanged' };
    if (
      item.action === 'replace' &&
      remote!.digest === null &&
      (await remoteSha256(api, remote!)) === wanted(local)
    ) {
      return { local, asset: remote!, action: 'unchanged' };
    }
    if (item.action === 'replace')
      return {
        local,
        asset: await replaceAsset(api, release, local, remote!, opts),
        action: 'replaced',
      };
    if (remote !== undefined) {
      opts.log(`removing broken (${remote.state}) asset ${remote.name} before uploading`);
      await api.deleteAsset(remote.id);
    }
    return {
      local,
      asset: await uploadVerified(api, release, local.name, local, opts),
      action: 'uploaded',
    };
  });
}
