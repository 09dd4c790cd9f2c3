/**
 * The download origin: `/<o>/<r>/releases/download/<tag>/<name>` (browser_download_url; published
 * releases of public repos only, as for token-holding API clients on github.com), `/_assets/<id>?sig=` (the
 * target of the API's 302, authorised by the signature alone) and `/<o>/<r>/releases/tag/<tag>`
 * (html_url, the release page). Whether an Authorization header
 * arrived is visible in the request records; it is ignored here.
 */
import { notFound, type Ctx, type Reply } from './http.ts';
import type { RepoState } from './state.ts';
import type { EmuAsset } from './types.ts';

function serve(ctx: Ctx, asset: EmuAsset): Reply {
  if (asset.state !== 'uploaded') return notFound();
  asset.download_count++;
  if (asset.size === 0) {
    const headers = { 'content-type': 'application/octet-stream', 'content-length': '0' };
    return { status: 200, headers };
  }
  return {
    status: 200,
    headers: { 'content-disposition': `attachment; filename=${asset.name}` },
    file: {
      path: ctx.core.state.assetPath(asset.id),
      size: asset.size,
      contentType: 'application/octet-stream',
    },
  };
}

export async function downloadByTag(ctx: Ctx): Promise<Reply> {
  const repo: RepoState | undefined = ctx.core.state.repo(`${ctx.params.owner}/${ctx.params.repo}`);
  if (!repo || repo.private) return notFound();
  // Drafts are not downloadable by URL without a browser session: 404, as for API clients.
  const releases = repo.releases
    .filter((r) => !r.draft && r.tag_name === ctx.params.tag)
    .sort((a, b) => a.id - b.id);
  for (const release of releases) {
    const asset = release.assets.find((a) => a.name === ctx.params.name);
    if (asset) return serve(ctx, asset);
  }
  return notFound();
}

/**
 * A release's web page (its html_url): 200 for a published release of a public repository; a
 * draft's page (`untagged-...`) exists only for signed-in writers, so it is 404 here. The body
 * is a small JSON stand-in for the HTML.
 */
export async function releasePage(ctx: Ctx): Promise<Reply> {
  const repo = ctx.core.state.repo(`${ctx.params.owner}/${ctx.params.repo}`);
  if (!repo || repo.private) return notFound();
  const release = repo.releases.find((r) => !r.draft && r.tag_name === ctx.params.tag);
  if (!release) return notFound();
  return { status: 200, json: { page: 'release', tag_name: release.tag_name, id: release.id } };
}

export async function downloadSigned(ctx: Ctx): Promise<Reply> {
  const sig = ctx.url.searchParams.get('sig') ?? '';
  const link = ctx.core.links.get(sig);
  const assetId = Number(ctx.params.asset_id);
  if (!link || link.assetId !== assetId || link.expires < Date.now()) {
    return { status: 403, json: { message: 'Request has expired or the signature is invalid' } };
  }
  const repo = ctx.core.state.repo(link.repo);
  const found = repo && ctx.core.state.findAsset(repo, assetId);
  if (!found) return notFound();
  return serve(ctx, found.asset);
}
