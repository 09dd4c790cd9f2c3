import { ReleaseError } from '../errors.ts';
import { apiErrorDetails, isAlreadyExists } from '../github/errors.ts';
import type { CreateReleaseParams, Release, ReleaseApi } from '../github/types.ts';

/**
 * Finding and creating the tag's release so that concurrent jobs converge on one. Drafts are
 * invisible to the by-tag endpoint, so the release list (every page) is the source of truth.
 * Among several releases for one tag, every job picks the same one: a published release first
 * (it is what installers see), else the lowest id. A job deletes only the duplicate it created
 * itself, and only while it is still empty.
 */
export function pickRelease(releases: readonly Release[], tag: string): Release | undefined {
  const mine = releases.filter((r) => r.tag_name === tag);
  const published = mine.filter((r) => !r.draft).sort((a, b) => a.id - b.id);
  if (published.length > 0) return published[0];
  return mine.sort((a, b) => a.id - b.id)[0];
}

export async function findRelease(api: ReleaseApi, tag: string): Promise<Release | undefined> {
  return pickRelease(await api.listReleases(), tag);
}

export interface EnsureResult {
  release: Release;
  /** True when this run created the release it ended up using (known to have no assets). */
  created: boolean;
  /** Empty duplicates this run created and removed while converging. */
  removedDuplicates: number[];
}

export async function ensureRelease(
  api: ReleaseApi,
  params: CreateReleaseParams,
  existing: Release | undefined,
): Promise<EnsureResult> {
  if (existing !== undefined) return { release: existing, created: false, removedDuplicates: [] };
  let mine: Release | undefined;
  try {
    mine = await api.createRelease(params);
  } catch (e) {
    const d = apiErrorDetails(e);
    if (d.status === 422 && /immutable release/i.test(d.message)) {
      throw new ReleaseError(
        'RELEASE_IMMUTABLE',
        `tag ${params.tag_name} was used by an immutable release, so it can never be released again. Bump the version in the manifest and push a new tag`,
        { cause: e },
      );
    }
    // Another job published a release for the tag between our look-up and our create.
    if (!isAlreadyExists(e, 'tag_name')) throw e;
  }
  const chosen = await findRelease(api, params.tag_name);
  if (chosen === undefined) {
    if (mine !== undefined) return { release: mine, created: true, removedDuplicates: [] };
    throw new ReleaseError(
      'GITHUB_API',
      `GitHub said a release for ${params.tag_name} exists, but none is listed. Run again`,
    );
  }
  const removed: number[] = [];
  if (mine !== undefined && chosen.id !== mine.id) {
    // Converge: ours is a duplicate. Delete it only if nothing was attached to it meanwhile.
    const assets = await api.listAssets(mine.id);
    if (assets.length === 0) {
      await api.deleteRelease(mine.id);
      removed.push(mine.id);
    }
  }
  return {
    release: chosen,
    created: mine !== undefined && chosen.id === mine.id,
    removedDuplicates: removed,
  };
}
