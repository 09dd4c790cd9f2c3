import { ReleaseError } from '../errors.ts';
import { completenessProblems } from '../publish/complete.ts';
import { decideMakeLatest } from '../publish/latest.ts';
import { postPublishCheck } from '../publish/post-check.ts';
import { expectedAssets } from '../plan.ts';
import { verifyDraft } from '../publish/draft-verify.ts';
import type { RunContext } from '../context.ts';
import type { ReleaseApi, ReleaseAsset } from '../github/types.ts';
import type { LocalAsset } from '../publish/local.ts';
import type { Step } from '../pipeline.ts';

/**
 * Publishes the release the upload step prepared, and only when it is complete: for every
 * target the tarball and sidecar (and signature files when signing is on), and the manifest,
 * each stored whole with GitHub's digest equal to the local sha256. Otherwise the run fails and
 * the release stays a draft: a partial release is never visible.
 */
/**
 * Sidecars attached by other jobs and absent here: the installer reads their first token, so
 * download each (a few bytes) and compare it with GitHub's digest of its tarball.
 */
async function remoteSidecarProblems(
  api: ReleaseApi,
  expected: readonly string[],
  local: readonly LocalAsset[],
  remote: readonly ReleaseAsset[],
): Promise<string[]> {
  const problems: string[] = [];
  const localNames = new Set(local.map((l) => l.name));
  const byName = new Map(remote.map((r) => [r.name, r]));
  for (const name of expected.filter((n) => n.endsWith('.sha256') && !localNames.has(n))) {
    const sidecar = byName.get(name);
    const tarball = byName.get(name.slice(0, -'.sha256'.length));
    if (sidecar === undefined || tarball?.digest == null) continue;
    const chunks: Buffer[] = [];
    for await (const c of await api.downloadAsset(sidecar.id)) chunks.push(c as Buffer);
    const token = Buffer.concat(chunks).toString('utf8').split(/\s+/)[0]?.toLowerCase() ?? '';
    if (`sha256:${token}` !== tarball.digest)
      problems.push(
        `${name} on the release says ${token || '(empty)'} but GitHub's digest of ${tarball.name} is ${tarball.digest}`,
      );
  }
  return problems;
}

export const publishStep: Step = {
  name: 'publish',
  async run(ctx: RunContext): Promise<void> {
    const { config, reporter, state } = ctx;
    const plan = state.plan!;
    const gh = state.github!;
    if (plan.ecosystem === 'nexo' && plan.targets.length === 0) {
      throw new ReleaseError(
        'TARGETS_MISSING',
        'publish needs targets: the list of targets every release must carry, so a missing build is caught before the release goes live',
      );
    }
    const expected = expectedAssets(plan, config.sign ? config.signatureFiles : []);
    let remote = gh.remote ?? (await gh.api.listAssets(gh.release.id));
    let problems = completenessProblems(expected, gh.local, remote, gh.kept);
    if (problems.length > 0 && gh.remote !== undefined) {
      // What this run knows is incomplete: other jobs may have attached the rest meanwhile.
      remote = await gh.api.listAssets(gh.release.id);
      problems = completenessProblems(expected, gh.local, remote, gh.kept);
    }
    problems.push(...(await remoteSidecarProblems(gh.api, expected, gh.local, remote)));
    if (problems.length > 0) {
      throw new ReleaseError(
        'INCOMPLETE_RELEASE',
        `not publishing ${plan.tag}: the release is incomplete and stays a ${gh.release.draft ? 'draft' : 'release as it was'}. ${problems.join('; ')}. Make sure every build job's dist was downloaded (and signed, when sign is on), then run again`,
      );
    }
    if (!gh.release.draft) {
      reporter.info(
        `publish: ${plan.tag} was already published; its assets are complete and match`,
      );
      return;
    }
    if (config.verify) await verifyDraft(ctx, remote);
    if (config.draft) {
      reporter.info(`publish: complete; left as a draft (draft: true): ${gh.release.html_url}`);
      return;
    }
    const prerelease =
      config.prerelease === 'auto' ? plan.prerelease : config.prerelease === 'true';
    const makeLatest = decideMakeLatest(
      config.makeLatest,
      plan.version,
      prerelease,
      gh.releases,
      gh.release.id,
    );
    const published = await gh.api.updateRelease(gh.release.id, {
      draft: false,
      prerelease,
      make_latest: makeLatest,
    });
    gh.release = published;
    await postPublishCheck(ctx, { release: published, makeLatest, assets: remote });
    reporter.setOutput('release-url', published.html_url);
    reporter.info(
      `publish: published ${plan.tag}${prerelease ? ' as a pre-release' : ''}${makeLatest === 'true' ? ' as latest' : makeLatest === 'false' ? ' (not latest)' : ''}: ${published.html_url}`,
    );
    reporter.summary(
      `Published **${plan.tag}**${makeLatest === 'true' ? ' (latest)' : ''}: ${published.html_url}`,
    );
  },
};
