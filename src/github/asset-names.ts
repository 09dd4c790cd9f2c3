import type { Config } from '../config.ts';
import type { Reporter } from '../report.ts';

/**
 * The asset names of the published release `config.tag` of `config.repo`, for telling which
 * ecosystem a release belongs to when `verify` runs without the plugin's manifest at hand.
 * Drafts count. Undefined when there is no repository, tag or release; loads the GitHub client
 * only then.
 */
export async function releaseAssetNames(
  config: Config,
  reporter: Reporter,
): Promise<string[] | undefined> {
  if (config.repo === undefined || config.tag === undefined) return undefined;
  const { releaseApiFor } = await import('./client.ts');
  const api = releaseApiFor(config, reporter, { needWrite: false });
  const tag = config.tag;
  // The list shows drafts too (the by-tag endpoint does not): a draft's assets still say what
  // it is, and verify then reports that the installer cannot see it. The list embeds each
  // release's assets, so this costs one request.
  const release =
    tag === 'latest'
      ? await api.getLatestRelease()
      : (await api.listReleases())
          .filter((r) => r.tag_name === tag)
          .sort((a, b) => Number(a.draft) - Number(b.draft))[0];
  if (release === undefined) return undefined;
  return (release.assets ?? (await api.listAssets(release.id))).map((a) => a.name);
}
