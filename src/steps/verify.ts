import fs from 'node:fs/promises';
import type { Config } from '../config.ts';
import { ReleaseError } from '../errors.ts';
import { checkTargetNames } from '../ecosystems/nexo/targets.ts';
import { releaseApiFor } from '../github/client.ts';
import type { Release, ReleaseApi, ReleaseAsset } from '../github/types.ts';
import type { LocalAsset } from '../publish/local.ts';
import { draftSource } from '../verify/draft.ts';
import { failureMessage, localSource, remoteSource, renderReport } from '../verify/index.ts';
import { publishedFromDraft } from '../verify/published.ts';
import type { VerifyReport } from '../verify/report.ts';
import { runVerify, type VerifyTarget } from '../verify/run.ts';
import type { ArtifactSource } from '../verify/source.ts';
import type { RunContext } from '../context.ts';
import type { Step } from '../pipeline.ts';

/**
 * Checks a release the way the profile's consumer (`nexo plugin install` and cosign, the
 * Osaurus app, npm, ...) will, reports every check (job summary / terminal table, `report`
 * output as JSON), and fails with VERIFY_FAILED listing each failing check's code and subject.
 *
 * Which artifacts:
 * - `command: verify` checks a PUBLISHED release (REMOTE: `repo`, default the current repository,
 *   at `tag`, fetched through the by-tag endpoint, which never shows drafts) when the `repo`
 *   input was given explicitly or when the dist directory does not exist; otherwise it checks
 *   the LOCAL artifact directory before publishing.
 * - inside `publish`/`all` it runs last, REMOTE against the release just published (the draft
 *   itself was verified before it went live, in the publish step, and when the post-publish
 *   check proved the assets unchanged its checks stand without downloading them again:
 *   verify/published.ts); when the release was left a
 *   draft (`draft: true`) the installer cannot see it, so dist is checked LOCALLY instead (or,
 *   where there is no dist, the draft's assets through the API, without the `latest` check).
 *   Skipped with `verify: false` and in dry runs.
 */
function fullName(repo: Config['repo']): string | null {
  return repo ? `${repo.owner}/${repo.name}` : null;
}

async function isDir(p: string): Promise<boolean> {
  return (await fs.stat(p).catch(() => undefined))?.isDirectory() === true;
}

async function remote(
  config: Config,
  api: ReleaseApi,
  tag: string,
  targets: readonly string[],
): Promise<VerifyTarget> {
  const repo = fullName(config.repo);
  const label = `${repo}@${tag}`;
  const release: Release | undefined =
    tag === 'latest' ? await api.getLatestRelease() : await api.getReleaseByTag(tag);
  if (release === undefined) {
    const empty: ArtifactSource = {
      mode: 'remote',
      label,
      files: [],
      open: () => Promise.reject(new Error('no release')),
    };
    const draft = (await api.listReleases().catch(() => [])).some(
      (r) => r.draft && r.tag_name === tag,
    );
    const why = draft
      ? `${tag} is a draft: the installer sees published releases only. Publish it`
      : `no published release ${tag} in ${repo} (GET releases/tags/${tag} answers 404)`;
    return { source: empty, stage: 'published', repo, tag, targets, notFound: why };
  }
  const source = await remoteSource(api, release, `${repo}@${release.tag_name}`);
  return {
    source,
    stage: 'published',
    repo,
    tag: release.tag_name,
    targets,
    latest: { api, release, optional: config.makeLatest === 'false' },
  };
}

async function local(
  ctx: RunContext,
  tag: string | undefined,
  targets: readonly string[],
  note?: string,
): Promise<VerifyTarget> {
  const { config, profile } = ctx;
  const source = await localSource(
    config.distDir,
    profile.name === 'nexo' ? config.manifestPath : undefined,
  );
  const repo = fullName(config.repo);
  return { source, stage: 'local', repo, tag, targets, ...(note ? { note } : {}) };
}

/** Every stored asset of the release is a local file with the same sha256. */
function allLocal(remote: readonly ReleaseAsset[], local: readonly LocalAsset[]): boolean {
  const sha = new Map(local.map((l) => [l.name, `sha256:${l.sha256}`]));
  const stored = remote.filter((a) => a.state === 'uploaded');
  return (
    stored.length > 0 && stored.every((a) => a.digest !== null && sha.get(a.name) === a.digest)
  );
}

async function chooseTarget(ctx: RunContext): Promise<VerifyTarget> {
  const { config, reporter, state } = ctx;
  if (config.command !== 'verify') {
    const gh = state.github!;
    const plan = state.plan!;
    const targets = plan.targets.map((t) => t.target);
    if (gh.release.draft) {
      if (await isDir(config.distDir)) {
        const note = `${plan.tag} is a draft, which the installer cannot see: checking ${config.distDir} instead`;
        return local(ctx, plan.tag, targets, note);
      }
      // No dist here (the per-job upload variant): the draft's own assets, through the API.
      const repo = fullName(config.repo);
      const source = await remoteSource(gh.api, gh.release, `${repo}@${plan.tag} (draft)`);
      const note = `${plan.tag} is a draft, which the installer cannot see until it is published: checking its assets through the API`;
      return { source, stage: 'draft', repo, tag: plan.tag, targets, note };
    }
    if (gh.remote !== undefined && allLocal(gh.remote, gh.local)) {
      // A rerun that found the published release holding exactly these files: judged from the
      // local bytes GitHub's digests prove equal, with the release list the upload step read.
      const repo = fullName(config.repo);
      const label = `${repo}@${gh.release.tag_name}`;
      return {
        source: draftSource(gh.api, gh.remote, gh.local, label),
        stage: 'published',
        repo,
        tag: gh.release.tag_name,
        targets,
        latest: {
          api: gh.api,
          release: gh.release,
          optional: config.makeLatest === 'false',
          releases: gh.releases,
        },
        note: `${label} holds exactly the local files (GitHub's digests): judging the local bytes, nothing downloaded`,
      };
    }
    return remote(config, gh.api, plan.tag!, targets);
  }
  if (!config.repoExplicit && (await isDir(config.distDir)))
    return local(ctx, config.tag, config.targets);
  if (config.repo === undefined) {
    throw new ReleaseError(
      'USAGE',
      `nothing to verify: ${config.distDir} does not exist and no repository is set. Pass repo: owner/name and tag to check a published release, or run pack first to check dist`,
    );
  }
  if (config.tag === undefined) throw new ReleaseError('TAG_MISSING', config.tagHint);
  const api = releaseApiFor(config, reporter, { needWrite: false });
  return remote(config, api, config.tag, config.targets);
}

async function verifyTarget(ctx: RunContext): Promise<VerifyReport> {
  const target = await chooseTarget(ctx);
  if (target.note) ctx.reporter.info(`verify: ${target.note}`);
  return runVerify(ctx, target);
}

export const verifyStep: Step = {
  name: 'verify',
  async run(ctx: RunContext): Promise<void> {
    const { config, reporter, profile } = ctx;
    if (config.command === 'verify' && profile.name === 'nexo')
      checkTargetNames(
        { targets: config.targets, aliases: config.targetAliases },
        config.allowUnknownTargets,
      );
    const kept = await publishedFromDraft(ctx);
    if (kept !== undefined)
      reporter.info(
        `verify: ${kept.source} holds the verified draft's assets, byte for byte: its checks stand, nothing downloaded again`,
      );
    const report = kept ?? (await verifyTarget(ctx));
    reporter.setOutput('report', JSON.stringify(report));
    reporter.summary(renderReport(report));
    for (const c of report.checks.filter((x) => x.status === 'warn'))
      reporter.warning(`verify: ${c.code} ${c.subject}: ${c.message}`);
    reporter.info(
      `verify: ${report.mode} ${report.source}: ${report.counts.pass} passed, ${report.counts.fail} failed, ${report.counts.warn} warnings`,
    );
    if (!report.ok) throw new ReleaseError('VERIFY_FAILED', failureMessage(report));
  },
};
