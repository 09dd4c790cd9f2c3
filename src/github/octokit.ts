import { Octokit as OctokitCore } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { ReleaseError } from '../errors.ts';
import { translateApiError } from './errors.ts';
import { withRetry, type RetryPolicy } from './retry.ts';
import { streamUpload } from './upload.ts';
import type {
  CreateReleaseParams,
  Release,
  ReleaseApi,
  ReleaseAsset,
  UpdateReleaseParams,
  UploadSource,
} from './types.ts';

/**
 * The Octokit adapter behind ReleaseApi. It uses @octokit/core with pagination and explicit
 * routes (@octokit/rest's generated method table costs startup memory for no behaviour). Every
 * request goes through one hook that applies the
 * retry policy (so retries live only here, at the edge); uploads are sent to the release's own
 * `upload_url` (correct on GHES), streamed from disk and reopened for each attempt.
 *
 * Octokit's throttling plugin is deliberately not used: it spaces every write a second apart
 * through a process-global queue, which would make a 57-asset upload take a minute, and
 * plugin-retry ignores retry-after and cannot replay streamed bodies. The policy in retry.ts
 * covers both jobs.
 */
const USER_AGENT = 'plugin-release-action';
const Octokit = OctokitCore.plugin(paginateRest);

export interface ApiOptions {
  token: string;
  apiUrl: string;
  owner: string;
  repo: string;
  retry: RetryPolicy;
  onRetry?: (message: string) => void;
}

function expandUploadUrl(template: string, name: string): string {
  const base = template.replace(/\{[^}]*\}$/, '');
  return `${base}?name=${encodeURIComponent(name)}`;
}

export function createReleaseApi(opts: ApiOptions): ReleaseApi {
  // No token is allowed for read-only use (a dry run or verifying a public repository).
  const octokit = new Octokit({
    auth: opts.token === '' ? undefined : opts.token,
    baseUrl: opts.apiUrl,
    userAgent: USER_AGENT,
    log: { debug() {}, info() {}, warn() {}, error() {} },
  });
  let count = 0;
  octokit.hook.wrap('request', async (request, options) => {
    // Every JSON request is replayable. Uploads do not pass here (see upload.ts): their own loop
    // in publish/sync.ts reopens the file and reconciles after each failed attempt.
    const once = async () => {
      count++;
      return request(options);
    };
    return withRetry(opts.retry, once, (e, wait) =>
      opts.onRetry?.(
        `${options.method} ${options.url}: ${(e as Error).message}; retrying in ${Math.round(wait / 1000)}s`,
      ),
    );
  });
  const o = { owner: opts.owner, repo: opts.repo };
  const call = async <T>(what: string, fn: () => Promise<T>, url = opts.apiUrl): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      throw translateApiError(e, what, url);
    }
  };
  const notFound = (e: unknown) => (e as { status?: number }).status === 404;

  return {
    get requestCount() {
      return count;
    },
    listReleases: () =>
      call(
        'list releases',
        () =>
          octokit.paginate('GET /repos/{owner}/{repo}/releases', {
            ...o,
            per_page: 100,
          }) as Promise<Release[]>,
      ),
    getReleaseByTag: (tag) =>
      call(`get release ${tag}`, async () => {
        try {
          return (
            await octokit.request('GET /repos/{owner}/{repo}/releases/tags/{tag}', { ...o, tag })
          ).data as Release;
        } catch (e) {
          if (notFound(e)) return undefined;
          throw e;
        }
      }),
    getLatestRelease: () =>
      call('get latest release', async () => {
        try {
          return (await octokit.request('GET /repos/{owner}/{repo}/releases/latest', o))
            .data as Release;
        } catch (e) {
          if (notFound(e)) return undefined;
          throw e;
        }
      }),
    createRelease: (p: CreateReleaseParams) =>
      call(
        `create release ${p.tag_name}`,
        async () =>
          (await octokit.request('POST /repos/{owner}/{repo}/releases', { ...o, ...p }))
            .data as Release,
      ),
    updateRelease: (id: number, p: UpdateReleaseParams) =>
      call(
        `update release ${id}`,
        async () =>
          (
            await octokit.request('PATCH /repos/{owner}/{repo}/releases/{release_id}', {
              ...o,
              release_id: id,
              ...p,
            })
          ).data as Release,
      ),
    deleteRelease: (id) =>
      call(
        `delete release ${id}`,
        async () =>
          void (await octokit.request('DELETE /repos/{owner}/{repo}/releases/{release_id}', {
            ...o,
            release_id: id,
          })),
      ),
    listAssets: (id) =>
      call(
        `list assets of release ${id}`,
        () =>
          octokit.paginate('GET /repos/{owner}/{repo}/releases/{release_id}/assets', {
            ...o,
            release_id: id,
            per_page: 100,
          }) as Promise<ReleaseAsset[]>,
      ),
    uploadAsset: (release: Release, name: string, src: UploadSource) =>
      call(
        `upload ${name}`,
        async () => {
          count++;
          const headers: Record<string, string> = {
            accept: 'application/vnd.github+json',
            'user-agent': USER_AGENT,
            'x-github-api-version': '2022-11-28',
          };
          if (opts.token !== '') headers.authorization = `token ${opts.token}`;
          return (await streamUpload(
            expandUploadUrl(release.upload_url, name),
            headers,
            src,
          )) as ReleaseAsset;
        },
        release.upload_url,
      ),
    renameAsset: (id, name) =>
      call(
        `rename asset ${id} to ${name}`,
        async () =>
          (
            await octokit.request('PATCH /repos/{owner}/{repo}/releases/assets/{asset_id}', {
              ...o,
              asset_id: id,
              name,
            })
          ).data as ReleaseAsset,
      ),
    deleteAsset: (id) =>
      call(
        `delete asset ${id}`,
        async () =>
          void (await octokit.request('DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}', {
            ...o,
            asset_id: id,
          })),
      ),
    downloadAsset: (id) =>
      call(`download asset ${id}`, async () => {
        // Ask for the redirect instead of following it, so the token stays with GitHub's API.
        const res = await octokit
          .request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
            ...o,
            asset_id: id,
            headers: { accept: 'application/octet-stream' },
            request: { redirect: 'manual' },
          })
          .catch((e: { status?: number; response?: { headers?: Record<string, string> } }) => {
            if (e.status === 302 || e.status === 301 || e.status === 307)
              return { status: e.status, headers: e.response?.headers ?? {}, data: undefined };
            throw e;
          });
        const location = (res.headers as Record<string, string | undefined>).location;
        if (location === undefined)
          throw new ReleaseError('GITHUB_API', `download asset ${id}: no redirect location`);
        return downloadWithoutToken(location);
      }),
    generateNotes: (tag) =>
      call(`generate notes for ${tag}`, async () => {
        const { data } = await octokit.request(
          'POST /repos/{owner}/{repo}/releases/generate-notes',
          { ...o, tag_name: tag },
        );
        return { name: data.name, body: data.body };
      }),
    getRepository: () =>
      call('get repository', async () => {
        const { data } = await octokit.request('GET /repos/{owner}/{repo}', o);
        // GitHub Apps' installation tokens (the workflow token) get no `permissions` here.
        const push = (data as { permissions?: { push?: unknown } }).permissions?.push;
        return {
          private: data.private,
          fullName: data.full_name,
          ...(typeof push === 'boolean' ? { push } : {}),
        };
      }),
  };
}

async function downloadWithoutToken(url: string): Promise<Readable> {
  let res: Response;
  try {
    res = await fetch(url, { redirect: 'follow' });
  } catch (e) {
    throw translateApiError(e, `download ${new URL(url).pathname}`, url);
  }
  if (!res.ok || res.body === null)
    throw new ReleaseError(
      'GITHUB_API',
      `download ${new URL(url).pathname}: ${res.status} ${res.statusText}`,
    );
  return Readable.fromWeb(res.body as WebReadableStream);
}
