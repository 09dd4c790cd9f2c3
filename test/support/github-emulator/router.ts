/**
 * The route table of the three origins (releases and assets; repositories, git data, contents and
 * pull requests for the registry pull-request flow). Patterns match path segments after the origin's prefix:
 * `:x` captures one segment, `:x#` one numeric segment, `*x` the rest (at least one segment,
 * joined with '/', so tags containing slashes work whether or not the client encoded them).
 * Segments are percent-decoded before matching.
 */
import { downloadByTag, downloadSigned, releasePage } from './downloads.ts';
import type { Ctx, Reply } from './http.ts';
import { createRelease, deleteRelease, generateNotes, updateRelease } from './release-writes.ts';
import { deleteAsset, getAsset, listAssets, updateAsset } from './routes-assets.ts';
import { getContent, putContent } from './routes-contents.ts';
import { createCommit, createRef, createTree, getCommit, getRef, updateRef } from './routes-git.ts';
import { createPull, getPull, listPulls, updatePull } from './routes-pulls.ts';
import {
  getImmutableReleases,
  getLatest,
  getRelease,
  getReleaseByTag,
  listReleases,
} from './routes-releases.ts';
import { createFork, getRepo, getUser } from './routes-repos.ts';
import type { Origin, RouteName } from './types.ts';
import { uploadAsset } from './uploads.ts';

export type Handler = (ctx: Ctx) => Promise<Reply | null>;

interface Route {
  origin: Origin;
  method: string;
  pattern: string[];
  route: RouteName;
  handler: Handler;
}

const R = 'repos/:owner/:repo';
const table: [Origin, string, string, RouteName, Handler][] = [
  ['api', 'GET', R, 'get-repo', getRepo],
  ['api', 'GET', `${R}/releases`, 'list-releases', listReleases],
  ['api', 'POST', `${R}/releases`, 'create-release', createRelease],
  ['api', 'POST', `${R}/releases/generate-notes`, 'generate-notes', generateNotes],
  ['api', 'GET', `${R}/releases/latest`, 'get-latest', getLatest],
  ['api', 'GET', `${R}/releases/tags/*tag`, 'get-release-by-tag', getReleaseByTag],
  ['api', 'GET', `${R}/releases/assets/:asset_id#`, 'get-asset', getAsset],
  ['api', 'PATCH', `${R}/releases/assets/:asset_id#`, 'update-asset', updateAsset],
  ['api', 'DELETE', `${R}/releases/assets/:asset_id#`, 'delete-asset', deleteAsset],
  ['api', 'GET', `${R}/releases/:release_id#`, 'get-release', getRelease],
  ['api', 'PATCH', `${R}/releases/:release_id#`, 'update-release', updateRelease],
  ['api', 'DELETE', `${R}/releases/:release_id#`, 'delete-release', deleteRelease],
  ['api', 'GET', `${R}/releases/:release_id#/assets`, 'list-assets', listAssets],
  ['api', 'GET', `${R}/immutable-releases`, 'immutable-releases', getImmutableReleases],
  ['api', 'GET', 'user', 'get-user', getUser],
  ['api', 'POST', `${R}/forks`, 'create-fork', createFork],
  ['api', 'GET', `${R}/git/ref/*ref`, 'get-ref', getRef],
  ['api', 'POST', `${R}/git/refs`, 'create-ref', createRef],
  ['api', 'PATCH', `${R}/git/refs/*ref`, 'update-ref', updateRef],
  ['api', 'GET', `${R}/git/commits/:sha`, 'get-commit', getCommit],
  ['api', 'POST', `${R}/git/commits`, 'create-commit', createCommit],
  ['api', 'POST', `${R}/git/trees`, 'create-tree', createTree],
  ['api', 'GET', `${R}/contents`, 'get-content', getContent],
  ['api', 'GET', `${R}/contents/*path`, 'get-content', getContent],
  ['api', 'PUT', `${R}/contents/*path`, 'put-content', putContent],
  ['api', 'GET', `${R}/pulls`, 'list-pulls', listPulls],
  ['api', 'POST', `${R}/pulls`, 'create-pull', createPull],
  ['api', 'GET', `${R}/pulls/:pull_number#`, 'get-pull', getPull],
  ['api', 'PATCH', `${R}/pulls/:pull_number#`, 'update-pull', updatePull],
  ['uploads', 'POST', `${R}/releases/:release_id#/assets`, 'upload-asset', uploadAsset],
  ['download', 'GET', ':owner/:repo/releases/download/*tag/:name', 'download', downloadByTag],
  ['download', 'GET', '_assets/:asset_id#', 'download', downloadSigned],
  ['download', 'GET', ':owner/:repo/releases/tag/*tag', 'release-page', releasePage],
];

const routes: Route[] = table.map(([origin, method, path, route, handler]) => ({
  origin,
  method,
  pattern: path.split('/'),
  route,
  handler,
}));

/** Path prefix each origin serves under (GHES style). */
export const PREFIX: Record<Origin, string> = {
  api: '/api/v3',
  uploads: '/api/uploads',
  download: '',
};

function decode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

function matchPattern(pattern: string[], segs: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  let i = 0;
  for (let p = 0; p < pattern.length; p++) {
    const part = pattern[p] as string;
    if (part.startsWith('*')) {
      // Greedy rest, leaving as many segments as the pattern still needs after it.
      const after = pattern.length - p - 1;
      const take = segs.length - i - after;
      if (take < 1) return undefined;
      params[part.slice(1)] = segs.slice(i, i + take).join('/');
      i += take;
      continue;
    }
    const seg = segs[i++];
    if (seg === undefined) return undefined;
    if (part.startsWith(':')) {
      const numeric = part.endsWith('#');
      if (numeric && !/^\d+$/.test(seg)) return undefined;
      params[part.slice(1, numeric ? -1 : undefined)] = seg;
    } else if (part !== seg) return undefined;
  }
  return i === segs.length ? params : undefined;
}

export function matchRoute(
  origin: Origin,
  method: string,
  pathname: string,
): { route: RouteName; handler: Handler; params: Record<string, string> } | undefined {
  const prefix = PREFIX[origin];
  if (prefix && !pathname.startsWith(`${prefix}/`)) return undefined;
  const raw = pathname.slice(prefix.length + 1).replace(/\/+$/, '');
  const segs = raw.split('/').map(decode);
  if (segs.some((s) => s === undefined || s === '')) return undefined;
  for (const r of routes) {
    if (r.origin !== origin || r.method !== method) continue;
    const params = matchPattern(r.pattern, segs as string[]);
    if (params) return { route: r.route, handler: r.handler, params };
  }
  return undefined;
}
