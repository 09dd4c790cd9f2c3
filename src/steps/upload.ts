import { randomBytes } from 'node:crypto';
import { ReleaseError } from '../errors.ts';
import { releaseApiFor } from '../github/client.ts';
import { retryPolicyFromEnv } from '../github/retry.ts';
import type { Release, ReleaseApi, ReleaseAsset } from '../github/types.ts';
import { collectLocalAssets, preflightLocal, type LocalAsset } from '../publish/local.ts';
import { resolveNotes } from '../publish/notes.ts';
import { pickRelease, ensureRelease } from '../publish/release.ts';
import { checkAssetCount, executeSync, planSync, type SyncItem } from '../publish/sync.ts';
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

async function createOrAdopt(
  ctx: RunContext,
  api: ReleaseApi,
  existing: Release | undefined,
): Promise<{ release: Release; fresh: boolean }> {
  const { config, state, reporter } = ctx;
  const plan = state.plan!;
  const needNotes = existing === undefined || config.overwriteNotes;
  const notes = needNotes
    ? await resolveNotes(config.notes, plan.version, config.workingDirectory)
    : undefined;
  const ensured = await ensureRelease(
    api,
    {
      tag_name: plan.tag!,
      name: plan.tag!,
      draft: true,
      prerelease: prereleaseFlag(ctx),
      ...(notes?.generate ? { generate_release_notes: true } : { body: notes?.body ?? '' }),
    },
    existing,
  );
  for (const id of ensured.removedDuplicates)
    reporter.info(
      `upload: another job created the release first; removed our empty duplicate ${id}`,
    );
  let release = ensured.release;
  if (existing !== undefined && config.overwriteNotes && notes !== undefined) {
    const body = notes.generate ? (await api.generateNotes(plan.tag!)).body : (notes.body ?? '');
    release = await api.updateRelease(release.id, { name: plan.tag!, body });
  }
  return { release, fresh: ensured.created };
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
    // `publish` in the per-job upload variant runs where no dist exists: the build jobs already
    // attached their files, and the completeness check judges the release itself.
    const publishing = config.command === 'publish';
    const {
      assets: local,
      ignored,
      distMissing,
    } = await collectLocalAssets(plan, state.assets, { allowMissingDist: publishing });
    for (const name of ignored)
      reporter.info(
        `upload: ignoring ${name} in dist (not an artifact of ${plan.id} ${plan.version})`,
      );
    await preflightLocal(local);
    const api = releaseApiFor(config, reporter, { needWrite: true });
    const releases = await api.listReleases();
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
    let remote = existing === undefined ? [] : await api.listAssets(existing.id);
    let { items, stale } = planSync(local, remote);
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
    const { release, fresh } = await createOrAdopt(ctx, api, existing);
    if (release.id !== existing?.id) {
      remote = fresh ? [] : await api.listAssets(release.id);
      ({ items, stale } = planSync(local, remote));
      checkAssetCount(items, remote.length, stale.length, config.concurrency);
    }
    const results = await executeSync(api, release, items, stale, {
      concurrency: config.concurrency,
      retry: retryPolicyFromEnv(config.env),
      nonce: `${Math.floor(Date.now() / 1000).toString(36)}-${randomBytes(4).toString('hex')}`,
      log: (m) => reporter.info(`upload: ${m}`),
    });
    const changed = results.some((r) => r.action !== 'unchanged') || stale.length > 0;
    state.github = {
      api,
      release,
      releases,
      local,
      remote: changed ? undefined : remote,
      immutableMatch: false,
      kept: keptNames(items),
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
