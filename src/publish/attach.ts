import { ReleaseError } from '../errors.ts';
import type { CreateReleaseParams, Release, ReleaseApi, ReleaseAsset } from '../github/types.ts';
import type { LocalAsset } from './local.ts';
import { createDraft, findRelease } from './release.ts';
import {
  checkAssetCount,
  executeSync,
  planSync,
  type SyncOptions,
  type SyncResult,
} from './sync.ts';

/**
 * Putting this run's assets on the tag's release, creating it as a draft when there is none,
 * with no request on the critical path that an earlier answer already holds:
 * - a release this run creates is known to be empty, so its uploads start at once, and the race
 *   check (did another job create a release for the tag at the same moment?) runs beside them;
 * - each upload's answer carries the stored asset's digest and state, so the release's listing
 *   after the sync is known without asking GitHub again (`listing`).
 * When the race check finds that every job converges on another release (pickRelease), this
 * run's duplicate is deleted if it holds nothing but this run's own uploads, and the assets go
 * to the chosen release the usual way. Nothing here publishes.
 */
export interface AttachInput {
  /** The tag's release as found before this run changed anything. */
  existing: Release | undefined;
  /** Its assets (empty without a release). */
  remote: readonly ReleaseAsset[];
  local: readonly LocalAsset[];
  /** What to create when there is no release (a draft). */
  create: CreateReleaseParams;
  sync: SyncOptions;
  /**
   * Called once the release to upload to is known (created or found), before the first upload:
   * where work that should overlap the uploads starts without delaying the create.
   */
  onRelease?: () => void;
}

export interface Attached {
  release: Release;
  results: SyncResult[];
  /** The release's assets after the sync, as this run's requests and their answers show them. */
  listing: ReleaseAsset[];
  /** Empty duplicates this run created and removed while converging. */
  removedDuplicates: number[];
  /** Signature files left as they are on the release (see planSync). */
  kept: Set<string>;
}

/** The listing after a sync, from the listing before it and what the sync did. Pure. */
export function listingAfter(
  before: readonly ReleaseAsset[],
  stale: readonly ReleaseAsset[],
  results: readonly Pick<SyncResult, 'local' | 'asset'>[],
): ReleaseAsset[] {
  const removed = new Set(stale.map((s) => s.id));
  const byName = new Map(before.filter((a) => !removed.has(a.id)).map((a) => [a.name, a]));
  for (const r of results) byName.set(r.local.name, r.asset);
  return [...byName.values()];
}

async function syncTo(
  api: ReleaseApi,
  release: Release,
  remote: readonly ReleaseAsset[],
  input: AttachInput,
): Promise<Omit<Attached, 'removedDuplicates'>> {
  const { items, stale } = planSync(input.local, remote);
  checkAssetCount(items, remote.length, stale.length, input.sync.limit.value);
  const results = await executeSync(api, release, items, stale, input.sync);
  return {
    release,
    results,
    listing: listingAfter(remote, stale, results),
    kept: new Set(items.filter((i) => i.kept).map((i) => i.local.name)),
  };
}

/** Every job's release for the tag, now; a 'created' release must be among them. */
async function chosenRelease(api: ReleaseApi, tag: string, mine?: Release): Promise<Release> {
  const chosen = await findRelease(api, tag);
  if (chosen !== undefined) return chosen;
  if (mine !== undefined) return mine;
  throw new ReleaseError(
    'GITHUB_API',
    `GitHub said a release for ${tag} exists, but none is listed. Run again`,
  );
}

export async function attachAssets(api: ReleaseApi, input: AttachInput): Promise<Attached> {
  const tag = input.create.tag_name;
  if (input.existing !== undefined) {
    input.onRelease?.();
    const done = await syncTo(api, input.existing, input.remote, input);
    return { ...done, removedDuplicates: [] };
  }
  const mine = await createDraft(api, input.create);
  if (mine === undefined) {
    // Another job published a release for the tag between our look-up and our create.
    const chosen = await chosenRelease(api, tag);
    const done = await syncTo(api, chosen, await api.listAssets(chosen.id), input);
    return { ...done, removedDuplicates: [] };
  }
  input.onRelease?.();
  const race = chosenRelease(api, tag, mine);
  // Settled below in every path; this only keeps an early rejection from being unhandled.
  race.catch(() => undefined);
  const first = await syncTo(api, mine, [], input);
  const chosen = await race;
  if (chosen.id === mine.id) return { ...first, removedDuplicates: [] };

  // Ours is a duplicate: every job converges on `chosen`. Delete ours only if nothing but our
  // own uploads is on it (another job could only have attached to it by mistake; leave that).
  const ours = new Set(first.results.map((r) => r.asset.id));
  const onOurs = await api.listAssets(mine.id);
  const removedDuplicates: number[] = [];
  if (onOurs.every((a) => ours.has(a.id))) {
    await api.deleteRelease(mine.id);
    removedDuplicates.push(mine.id);
  } else {
    input.sync.log(
      `left draft ${mine.id}: another job attached files to it; every job uses release ${chosen.id}`,
    );
  }
  const done = await syncTo(api, chosen, await api.listAssets(chosen.id), input);
  return { ...done, removedDuplicates };
}
