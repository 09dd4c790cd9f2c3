import { setTimeout as sleep } from 'node:timers/promises';
import { ReleaseError } from '../errors.ts';
import { retryPolicyFromEnv } from '../github/retry.ts';
import type { Release, ReleaseAsset } from '../github/types.ts';
import type { RunContext } from '../context.ts';
import { releaseTable } from './summary.ts';

/**
 * Right after `draft: false`, the release as operators will meet it: visible through the by-tag
 * endpoint (how the installer looks a release up) as this very release, `/releases/latest`
 * as decided, and the same assets, byte for byte by GitHub's digest, as before publishing.
 * Then the outputs and the job summary are made true for the published release: every `url`
 * of the `assets` output and every link of the summary is the published address
 * (`<server>/<owner>/<repo>/releases/download/<tag>/<name>`), not the draft's `untagged-...`.
 * A failure here is VERIFY_FAILED: the release is live, and the message says what is wrong.
 */
export interface PublishedFacts {
  release: Release;
  /** What publishing asked of `latest`. */
  makeLatest: 'true' | 'false' | 'legacy';
  /** The release's assets as listed before publishing. */
  assets: readonly ReleaseAsset[];
}

/**
 * GitHub may answer a read right after a write from a replica that has not seen it yet, so the
 * check is repeated a few times, briefly, before anything is called wrong.
 */
const ATTEMPTS = 3;

function key(a: ReleaseAsset): string {
  return `${a.name} (${a.size} bytes, ${a.digest ?? 'no digest'})`;
}

function assetChanges(before: readonly ReleaseAsset[], after: readonly ReleaseAsset[]): string[] {
  const uploaded = (list: readonly ReleaseAsset[]) =>
    new Set(list.filter((a) => a.state === 'uploaded').map(key));
  const was = uploaded(before);
  const now = uploaded(after);
  return [
    ...[...was].filter((k) => !now.has(k)).map((k) => `${k} is gone`),
    ...[...now].filter((k) => !was.has(k)).map((k) => `${k} appeared`),
  ];
}

async function inspect(
  ctx: RunContext,
  facts: PublishedFacts,
): Promise<{ problems: string[]; after: ReleaseAsset[]; latest: Release | undefined }> {
  const api = ctx.state.github!.api;
  const { release } = facts;
  const tag = release.tag_name;
  const problems: string[] = [];
  // Three reads, independent of each other: one round trip.
  const [visible, latest, after] = await Promise.all([
    api.getReleaseByTag(tag),
    api.getLatestRelease(),
    api.listAssets(release.id),
  ]);
  if (visible === undefined)
    problems.push(`GET releases/tags/${tag} answers 404, so the installer cannot find ${tag}`);
  else if (visible.id !== release.id)
    problems.push(
      `GET releases/tags/${tag} returns release ${visible.id}, not the one just published (${release.id}): remove the other release of this tag`,
    );
  const isLatest = latest?.id === release.id;
  if (facts.makeLatest === 'true' && !isLatest)
    problems.push(
      `${tag} was published as latest, but /releases/latest returns ${latest?.tag_name ?? 'nothing'}`,
    );
  if (facts.makeLatest === 'false' && isLatest)
    problems.push(`${tag} was published as not latest, but /releases/latest returns it`);
  const changed = assetChanges(facts.assets, after);
  if (changed.length > 0)
    problems.push(`the assets changed while publishing: ${changed.join(', ')}`);
  return { problems, after, latest };
}

export async function postPublishCheck(ctx: RunContext, facts: PublishedFacts): Promise<void> {
  const { reporter, state } = ctx;
  const { release } = facts;
  const tag = release.tag_name;
  const wait = retryPolicyFromEnv(ctx.config.env).baseMs;
  let seen = await inspect(ctx, facts);
  for (let attempt = 1; seen.problems.length > 0 && attempt < ATTEMPTS; attempt++) {
    await sleep(wait * attempt);
    seen = await inspect(ctx, facts);
  }
  const { problems, after, latest } = seen;
  if (problems.length > 0) {
    throw new ReleaseError(
      'VERIFY_FAILED',
      `${tag} is published, but not as operators should see it: ${problems.join('; ')}. Fix the release on GitHub (or rerun: an identical rerun changes only what differs)`,
    );
  }
  state.published = { release, assets: after, latest };
  reporter.info(
    `publish: ${tag} is visible by tag${facts.makeLatest === 'true' ? ' and is latest' : ''}, with its ${after.length} assets unchanged`,
  );

  const url = new Map(after.map((a) => [a.name, a.browser_download_url]));
  const local = state.assets ?? [];
  if (local.length > 0) {
    const assets = local.map((a) => ({ ...a, url: url.get(a.name) ?? a.url }));
    state.assets = assets;
    reporter.setOutput('assets', JSON.stringify(assets));
  }
  const action = new Map(local.map((a) => [a.name, a.action]));
  const rows = [...after]
    .filter((a) => a.state === 'uploaded')
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((a) => ({
      name: a.name,
      url: a.browser_download_url,
      size: a.size,
      sha256: a.digest?.replace(/^sha256:/, '') ?? '',
      action: action.get(a.name) ?? 'attached earlier',
    }));
  reporter.summary(releaseTable(tag, release.html_url, rows));
}
