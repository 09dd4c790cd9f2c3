import { ReleaseError } from '../errors.ts';
import { apiErrorDetails, isAlreadyExists } from '../github/errors.ts';
import type { CreateReleaseParams, Release, ReleaseApi } from '../github/types.ts';

/**
 * Finding and creating the tag's release so that concurrent jobs converge on one. Drafts are
 * invisible to the by-tag endpoint, so the release list (every page) is the source of truth.
 * Among several releases for one tag, every job picks the same one: a published release first
 * (it is what installers see), else the lowest id. A job deletes only the duplicate it created
 * itself, and only while it holds nothing but its own uploads (publish/attach.ts).
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

/**
 * Creates the tag's draft. Undefined when GitHub answers that a release for the tag exists
 * (another job published one between our look-up and our create): the caller converges on it.
 */
export async function createDraft(
  api: ReleaseApi,
  params: CreateReleaseParams,
): Promise<Release | undefined> {
  try {
    return await api.createRelease(params);
  } catch (e) {
    const d = apiErrorDetails(e);
    if (d.status === 422 && /immutable release/i.test(d.message)) {
      throw new ReleaseError(
        'RELEASE_IMMUTABLE',
        `tag ${params.tag_name} was used by an immutable release, so it can never be released again. Bump the version in the manifest and push a new tag`,
        { cause: e },
      );
    }
    if (isAlreadyExists(e, 'tag_name')) return undefined;
    throw e;
  }
}
