import type { RunContext } from '../context.ts';
import type { ReleaseAsset } from '../github/types.ts';
import { sameListing } from '../publish/draft-verify.ts';
import { checkLatest } from './latest.ts';
import { countChecks, Findings, type VerifyReport } from './report.ts';

/**
 * The verify step right after this run published a draft it had verified: the release holds
 * the draft's assets, byte for byte by GitHub's digest (the post-publish check listed them just
 * after `draft: false` and found them unchanged, and visible by tag), so every check of the
 * draft stands for the published release without downloading anything again. Only what going
 * live can change is judged anew: where `latest` points. Undefined when that proof is missing
 * (nothing verified, assets changed, or a profile whose consumer also reads live state, such
 * as a registry): then the step verifies the published release in full.
 */
const uploaded = (xs: readonly ReleaseAsset[]) => xs.filter((a) => a.state === 'uploaded');

export async function publishedFromDraft(ctx: RunContext): Promise<VerifyReport | undefined> {
  const { config, profile, state } = ctx;
  const draft = state.draftReport;
  const live = state.published;
  const gh = state.github;
  if (config.command === 'verify' || profile.checksLiveState === true) return undefined;
  if (draft?.ok !== true || live === undefined || gh === undefined) return undefined;
  if (state.draftListing === undefined) return undefined;
  if (!sameListing(uploaded(state.draftListing), uploaded(live.assets))) return undefined;

  const repo = config.repo ? `${config.repo.owner}/${config.repo.name}` : null;
  const source = `${repo}@${live.release.tag_name}`;
  const findings = new Findings();
  findings.list.push(...draft.checks);
  findings.info(
    'release',
    source,
    `published with the draft's ${live.assets.length} assets unchanged (GitHub's digests): the draft's checks stand`,
  );
  const releases = [...gh.releases.filter((r) => r.id !== live.release.id), live.release];
  await checkLatest(gh.api, live.release, findings, {
    latestOptional: config.makeLatest === 'false',
    known: { releases, latest: { release: live.latest } },
  });
  const counts = countChecks(findings.list);
  return {
    ...draft,
    ok: counts.fail === 0 && draft.platforms.every((p) => p.status !== 'fail'),
    mode: 'remote',
    source,
    stage: 'published',
    counts,
    checks: findings.list,
  };
}
