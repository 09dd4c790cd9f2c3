import { ReleaseError } from '../errors.ts';
import type { ReleaseAsset } from '../github/types.ts';
import { draftSource } from '../verify/draft.ts';
import { failureMessage, renderReport, type VerifyReport } from '../verify/report.ts';
import { runVerify } from '../verify/run.ts';
import type { RunContext } from '../context.ts';
import { listingAfter } from './attach.ts';
import type { LocalAsset } from './local.ts';
import type { SyncItem } from './sync.ts';

/**
 * The draft verification: the profile's full consumer-equivalent verify over the draft's own
 * assets, before the release goes live. Assets whose GitHub digest equals the local sha256 are
 * judged from the local bytes; the rest (attached by other jobs) are downloaded with the token.
 *
 * It can start before the uploads end: `startEarly` judges the listing the release will have
 * once the sync succeeds (each local asset stored with its own sha256 as digest), beside the
 * uploads. The publish step uses that report only if the listing GitHub's answers then show is
 * the same, name for name, state and digest (`sameListing`); otherwise it verifies again. Either
 * way the verdict is about exactly the bytes on the draft.
 */
export interface EarlyVerify {
  listing: ReleaseAsset[];
  report: Promise<VerifyReport>;
  /** Assets read so far from GitHub rather than from local bytes. */
  downloads: () => number;
}

/** What an asset will look like on the release once these bytes are stored. */
function storedAs(local: LocalAsset): ReleaseAsset {
  return {
    id: 0,
    name: local.name,
    label: null,
    size: local.size,
    digest: `sha256:${local.sha256}`,
    state: 'uploaded',
    browser_download_url: '',
    created_at: '',
  };
}

/** The release's listing after a successful sync of `items`. Pure. */
export function predictedListing(
  remote: readonly ReleaseAsset[],
  stale: readonly ReleaseAsset[],
  items: readonly SyncItem[],
): ReleaseAsset[] {
  const stored = items.map((i) => ({
    local: i.local,
    asset: i.action === 'unchanged' ? i.remote! : storedAs(i.local),
  }));
  return listingAfter(remote, stale, stored);
}

/** Same names, each stored whole with the same size and digest. Pure. */
export function sameListing(a: readonly ReleaseAsset[], b: readonly ReleaseAsset[]): boolean {
  const key = (x: ReleaseAsset) => `${x.name}\0${x.state}\0${x.size}\0${x.digest ?? 'none'}`;
  const keys = (xs: readonly ReleaseAsset[]) => xs.map(key).sort().join('\n');
  return a.length === b.length && keys(a) === keys(b);
}

function label(ctx: RunContext): string {
  const { config, state } = ctx;
  const repo = config.repo ? `${config.repo.owner}/${config.repo.name}` : null;
  return `${repo}@${state.plan!.tag} (draft)`;
}

function verifyListing(
  ctx: RunContext,
  listing: readonly ReleaseAsset[],
  local: readonly LocalAsset[],
  api: NonNullable<RunContext['state']['github']>['api'],
): { report: Promise<VerifyReport>; downloads: () => number } {
  const { config, state } = ctx;
  const plan = state.plan!;
  const source = draftSource(api, listing, local, label(ctx));
  const report = runVerify(ctx, {
    source,
    stage: 'draft',
    repo: config.repo ? `${config.repo.owner}/${config.repo.name}` : null,
    tag: plan.tag,
    targets: plan.targets.map((t) => t.target),
  });
  return { report, downloads: source.downloads };
}

export function startEarly(
  ctx: RunContext,
  api: NonNullable<RunContext['state']['github']>['api'],
  listing: ReleaseAsset[],
  local: readonly LocalAsset[],
): EarlyVerify {
  const { report, downloads } = verifyListing(ctx, listing, local, api);
  // Awaited by the publish step, or dropped when the run fails first: never unhandled.
  report.catch(() => undefined);
  return { listing, report, downloads };
}

/** Runs (or takes the early) draft verification, reports it, and refuses a failing draft. */
export async function verifyDraft(ctx: RunContext, remote: readonly ReleaseAsset[]): Promise<void> {
  const { reporter, state } = ctx;
  const gh = state.github!;
  const plan = state.plan!;
  const early = gh.earlyVerify;
  const reuse = early !== undefined && sameListing(early.listing, remote);
  const run = reuse ? early : verifyListing(ctx, remote, gh.local, gh.api);
  const report = await run.report;
  const how = `${remote.length - run.downloads()} assets judged from local bytes GitHub's digest proves equal, ${run.downloads()} downloaded${reuse ? '; judged beside the uploads' : ''}`;
  state.draftReport = report;
  state.draftListing = [...remote];
  reporter.setOutput('report', JSON.stringify(report));
  reporter.summary(renderReport(report));
  for (const c of report.checks.filter((x) => x.status === 'warn'))
    reporter.warning(`verify: ${c.code} ${c.subject}: ${c.message}`);
  reporter.info(
    `publish: the draft passed ${report.counts.pass} checks, failed ${report.counts.fail} (${how})`,
  );
  if (!report.ok) {
    throw new ReleaseError(
      'VERIFY_FAILED',
      `not publishing ${plan.tag}: the draft failed verification and stays a draft, invisible to ${report.consumer ?? 'installers'}. ${failureMessage(report)}. Fix what is named, then run again: the rerun replaces the bad assets and publishes`,
    );
  }
}
