import semver from 'semver';
import type { Release, ReleaseApi } from '../github/types.ts';
import type { Findings } from './report.ts';

/**
 * `nexo plugin install owner/repo` without a tag follows GitHub's `/releases/latest`. A
 * published full release whose version is the highest of the repository's published full
 * releases should be what that returns; otherwise operators silently get another version
 * (LatestMismatch). When the publisher asked for `make-latest: false`, that is a warning only.
 */
function versionOf(r: Pick<Release, 'tag_name'>): string | null {
  const v = r.tag_name.replace(/^v+/, '');
  return semver.parse(v)?.version === v ? v : null;
}

export async function checkLatest(
  api: ReleaseApi,
  release: Release,
  findings: Findings,
  opts: {
    latestOptional: boolean;
    /**
     * What this run already read (the release list of the upload step, `latest` as the
     * post-publish check saw it): only what is not known is asked.
     */
    known?: { releases: readonly Release[]; latest?: { release: Release | undefined } };
  },
): Promise<void> {
  const known = opts.known;
  const [releases, latest] = await Promise.all([
    known?.releases ?? api.listReleases(),
    known?.latest !== undefined ? known.latest.release : api.getLatestRelease(),
  ]);
  const subject = release.tag_name;
  const mine = versionOf(release);
  const full = releases
    .filter((r) => !r.draft && !r.prerelease && r.id !== release.id)
    .map(versionOf)
    .filter((v): v is string => v !== null);
  const highest = full.reduce<string | null>(
    (a, v) => (a === null || semver.gt(v, a) ? v : a),
    null,
  );
  const latestTag = latest ? latest.tag_name : 'no release';
  const isLatest = latest?.id === release.id;
  if (release.draft || release.prerelease || mine === null) {
    const why = release.draft ? 'a draft' : release.prerelease ? 'a pre-release' : 'not v<semver>';
    if (isLatest)
      findings.warn(
        'latest',
        subject,
        'LatestMismatch',
        `latest resolves to this release although it is ${why}`,
      );
    else
      findings.info(
        'latest',
        subject,
        `not latest, as expected for ${why}; latest is ${latestTag}`,
      );
    return;
  }
  const should = highest === null || semver.gte(mine, highest);
  if (should && isLatest) {
    findings.pass(
      'latest',
      subject,
      'latest resolves to this release, the highest published version',
    );
  } else if (should) {
    const level = opts.latestOptional ? 'warn' : 'fail';
    findings[level](
      'latest',
      subject,
      'LatestMismatch',
      `this is the highest published version, but latest resolves to ${latestTag}: \`nexo plugin install\` without a tag installs that instead. Mark this release as latest (make-latest: true)`,
    );
  } else if (isLatest) {
    findings.warn(
      'latest',
      subject,
      'LatestMismatch',
      `latest resolves to this release, but v${highest} is higher: installs without a tag get this older version`,
    );
  } else {
    findings.info('latest', subject, `not latest, as expected: v${highest} is higher`);
  }
}
