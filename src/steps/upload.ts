import { randomBytes } from 'node:crypto';
import { ReleaseError } from '../errors.ts';
import { releaseApiFor } from '../github/client.ts';
import { AdaptiveLimit } from '../github/limit.ts';
import { retryPolicyFromEnv } from '../github/retry.ts';
import type { CreateReleaseParams, Release, ReleaseApi, ReleaseAsset } from '../github/types.ts';
import { localAssets, preflightLocal, type LocalAsset } from '../publish/local.ts';
import { resolveNotes } from '../publish/notes.ts';
import { attachAssets } from '../publish/attach.ts';
import { predictedListing, startEarly, type EarlyVerify } from '../publish/draft-verify.ts';
import { pickRelease } from '../publish/release.ts';
import { checkAssetCount, planSync, type SyncItem } from '../publish/sync.ts';
import { formatBytes } from '../archive/limits.ts';
import { replacingPublishedWarning } from '../publish/republish.ts';
import { releaseTable } from '../publish/summary.ts';
import type { Asset, RunContext } from '../context.ts';
import type { Step } from '../pipeline.ts';

/**
 * Attaches `dist` and the manifest to the tag's release, creating it as a draft when there is
 * none; never publishes. Safe to run from many matrix jobs at once (see publish/release.ts).
 * Everything refusable is refused before the first request that changes GitHub.
 */
function prereleaseFlag(ctx: RunContext): boolean {
  const p = ctx.config.prerelease;
  return p === 'auto' ? ctx.state.plan!.prerelease : p === 'true';
}

function describePlan(
  items: readonly SyncItem[],
  stale: readonly ReleaseAsset[],
  release: Release | undefined,
  tag: string,
): string[] {
  const lines = [
    release === undefined
      ? `create draft release ${tag}`
      : `use ${release.draft ? 'draft' : 'published'} release ${tag} (id ${release.id})`,
  ];
  for (const s of stale) lines.push(`remove temporary ${s.name}`);
  for (const i of items)
    lines.push(
      `${i.action === 'upload' ? 'upload' : i.action === 'replace' ? 'replace' : 'unchanged'} ${i.local.name} (${formatBytes(i.local.size)}, sha256 ${i.local.sha256})`,
    );
  return lines;
}

function immutableCheck(ctx: RunContext, release: Release, items: readonly SyncItem[]): boolean {
  if (release.draft || release.immutable !== true) return false;
  const differ = items
    .filter((i) => i.action !== 'unchanged')
    .map((i) => `${i.local.name} (${i.remote ? 'different bytes' : 'missing'})`);
  if (differ.length > 0) {
    throw new ReleaseError(
      'RELEASE_IMMUTABLE',
      `release ${release.tag_name} is published and immutable, and these assets would have to change: ${differ.join(', ')}. The version is burned: GitHub never lets an immutable release change. Bump the version in the manifest and tag a new release`,
    );
  }
  ctx.reporter.notice(
    `release ${release.tag_name} is immutable and already holds exactly these assets: nothing to do`,
  );
  return true;
}

/** The draft to create when there is none, and the notes of an existing release to rewrite. */
async function releaseParams(
  ctx: RunContext,
  api: ReleaseApi,
  existing: Release | undefined,
): Promise<{ create: CreateReleaseParams; existing: Release | undefined }> {
  const { config, state } = ctx;
  const plan = state.plan!;
  const needNotes = existing === undefined || config.overwriteNotes;
  const notes = needNotes
    ? await resolveNotes(config.notes, plan.version, config.workingDirectory)
    : undefined;
  const create: CreateReleaseParams = {
    tag_name: plan.tag!,
    name: plan.tag!,
    draft: true,
    prerelease: prereleaseFlag(ctx),
    ...(notes?.generate ? { generate_release_notes: true } : { body: notes?.body ?? '' }),
  };
  if (existing === undefined || !config.overwriteNotes || notes === undefined)
    return { create, existing };
  const body = notes.generate ? (await api.generateNotes(plan.tag!)).body : (notes.body ?? '');
  return { create, existing: await api.updateRelease(existing.id, { name: plan.tag!, body }) };
}

/** Whether this run will verify the draft before publishing it (publish step). */
function verifiesDraft(ctx: RunContext, existing: Release | undefined): boolean {
  const { config } = ctx;
  const live = config.command === 'publish' || config.command === 'all';
  return live && config.verify && (existing === undefined || existing.draft);
}

function keptNames(items: readonly SyncItem[]): Set<string> {
  return new Set(items.filter((i) => i.kept).map((i) => i.local.name));
}

function assetOutput(local: LocalAsset, url: string | undefined, action: Asset['action']): Asset {
  const { name, path, size, sha256, target } = local;
  return { name, path, size, sha256, target, ...(url === undefined ? {} : { url }), action };
}

export const uploadStep: Step = {
  name: 'upload',
  async run(ctx: RunContext): Promise<void> {
    const { config, reporter, state } = ctx;
    const plan = state.plan!;
    const tag = plan.tag!;
    const { assets: local, ignored, distMissing } = await (state.localPrefetch ?? localAssets(ctx));
    for (const name of ignored)
      reporter.info(
        `upload: ignoring ${name} in dist (not an artifact of ${plan.id} ${plan.version})`,
      );
    await preflightLocal(local);
    const api = releaseApiFor(config, reporter, { needWrite: true });
    const releases = await (state.releasesPrefetch ?? api.listReleases());
    const existing = pickRelease(releases, tag);
    if (distMissing && existing === undefined) {
      throw new ReleaseError(
        'DIST_MISSING',
        `the artifact directory ${plan.distDir} does not exist and ${tag} has no release yet. Run pack first, or download the build jobs' artifacts into it (actions/download-artifact with path: dist)`,
      );
    }
    if (distMissing)
      reporter.info(
        `upload: no ${plan.distDir}: checking the files the build jobs attached to ${tag}`,
      );
    const remote = existing === undefined ? [] : await api.listAssets(existing.id);
    const { items, stale } = planSync(local, remote);
    if (existing !== undefined && immutableCheck(ctx, existing, items)) {
      state.github = {
        api,
        release: existing,
        releases,
        local,
        remote,
        immutableMatch: true,
        kept: keptNames(items),
      };
      reporter.setOutput(
        'assets',
        JSON.stringify(
          items.map((i) => assetOutput(i.local, i.remote?.browser_download_url, 'unchanged')),
        ),
      );
      return;
    }
    checkAssetCount(items, remote.length, stale.length, config.concurrency);
    const republish = replacingPublishedWarning(existing, items);
    if (republish !== undefined) reporter.warning(republish);
    if (config.dryRun) {
      for (const line of describePlan(items, stale, existing, tag))
        reporter.info(`dry-run: would ${line}`);
      reporter.setOutput(
        'assets',
        JSON.stringify(
          items.map((i) => assetOutput(i.local, i.remote?.browser_download_url, 'planned')),
        ),
      );
      return;
    }
    const params = await releaseParams(ctx, api, existing);
    // The draft's verification starts once the release is there, beside the uploads, on the
    // listing they will leave (publish/draft-verify.ts).
    let earlyVerify: EarlyVerify | undefined;
    const attached = await attachAssets(api, {
      onRelease: () => {
        if (verifiesDraft(ctx, existing))
          earlyVerify = startEarly(ctx, api, predictedListing(remote, stale, items), local);
      },
      existing: params.existing,
      remote,
      local,
      create: params.create,
      sync: {
        limit: new AdaptiveLimit(config.concurrency),
        retry: retryPolicyFromEnv(config.env),
        nonce: `${Math.floor(Date.now() / 1000).toString(36)}-${randomBytes(4).toString('hex')}`,
        log: (m) => reporter.info(`upload: ${m}`),
      },
    });
    for (const id of attached.removedDuplicates)
      reporter.info(
        `upload: another job created the release first; removed our duplicate draft ${id}`,
      );
    const { release, results } = attached;
    state.github = {
      api,
      release,
      releases,
      local,
      remote: attached.listing,
      ...(earlyVerify ? { earlyVerify } : {}),
      immutableMatch: false,
      kept: attached.kept,
    };
    const assets = results.map((r) => assetOutput(r.local, r.asset.browser_download_url, r.action));
    state.assets = assets;
    reporter.setOutput('release-id', String(release.id));
    reporter.setOutput('release-url', release.html_url);
    reporter.setOutput('assets', JSON.stringify(assets));
    const counts = ['uploaded', 'replaced', 'unchanged']
      .map((a) => `${results.filter((r) => r.action === a).length} ${a}`)
      .join(', ');
    reporter.info(
      `upload: ${release.draft ? 'draft' : 'published'} release ${tag} (id ${release.id}): ${counts}`,
    );
    // A draft about to be published gets its table from the post-publish check, with the
    // addresses operators can open (publish/post-check.ts).
    const goesLive =
      release.draft && !config.draft && (config.command === 'publish' || config.command === 'all');
    if (!goesLive) reporter.summary(releaseTable(tag, release.html_url, assets));
  },
};
