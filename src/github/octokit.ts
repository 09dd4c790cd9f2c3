import { getOctokit } from '@actions/github';
import { GitHub } from '@actions/github/lib/utils';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { ReleaseError } from '../errors.ts';
import { describeConnectionError } from '../net/errors.ts';
import { proxyFetch, type ProxyEnv } from '../net/proxy.ts';
import { translateApiError } from './errors.ts';
import { noteWrite } from './usage.ts';
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
 * The Octokit adapter behind ReleaseApi: @actions/github's client (Octokit with the REST
 * endpoint methods and pagination) called with explicit routes. Its fetch is replaced by
 * src/net/proxy.ts's, so the API, the uploads (upload.ts) and the downloads all resolve
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY by the same rule (@actions/github decides once, for the
 * API host only, and never proxies loopback). Every request goes through one hook that applies
 * the retry policy (so retries live only here, at the edge); uploads are sent to the release's
 * own `upload_url` (correct on GHES), streamed from disk and reopened for each attempt.
 *
 * Octokit's throttling plugin is deliberately not used: it spaces every write a second apart
 * through a process-global queue, which would make a 57-asset upload take a minute, and
 * plugin-retry ignores retry-after and cannot replay streamed bodies. The policy in retry.ts
 * covers both jobs.
 */
const USER_AGENT = 'plugin-release-action';

export interface ApiOptions {
  token: string;
  apiUrl: string;
  owner: string;
  repo: string;
  retry: RetryPolicy;
  /** The run's environment, for the proxy variables. */
  env: ProxyEnv;
  onRetry?: (message: string) => void;
}

function expandUploadUrl(template: string, name: string): string {
  const base = template.replace(/\{[^}]*\}$/, '');
  return `${base}?name=${encodeURIComponent(name)}`;
}

export function createReleaseApi(opts: ApiOptions): ReleaseApi {
  const fetch = proxyFetch(opts.env);
  const options = {
    baseUrl: opts.apiUrl,
    userAgent: USER_AGENT,
    log: { debug() {}, info() {}, warn() {}, error() {} },
    request: { fetch },
  };
  // No token is allowed for read-only use (a dry run or verifying a public repository);
  // getOctokit insists on one, so that case builds the same client class without auth.
  const octokit = opts.token === '' ? new GitHub(options) : getOctokit(opts.token, options);
  let count = 0;
  octokit.hook.wrap('request', async (request, options) => {
    // Every JSON request is replayable. Uploads do not pass here (see upload.ts): their own loop
    // in publish/sync.ts reopens the file and reconciles after each failed attempt.
    const write =
      !/^(GET|HEAD)$/i.test(options.method) && !String(options.url).endsWith('/generate-notes');
    const once = async () => {
      count++;
      return noteWrite(opts.env, write, async () => request(options));
    };
    return withRetry(opts.retry, once, (e, wait) =>
      opts.onRetry?.(
        `${options.method} ${options.url}: ${(e as Error).message}; retrying in ${Math.round(wait / 1000)}s`,
      ),
    );
  });
  const o = { owner: opts.owner, repo: opts.repo };
  /** `url` names the host for connection failures that carry none (uploads, downloads). */
  const call = async <T>(what: string, fn: () => Promise<T>, url?: string): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      const where = (e as { request?: { url?: string } }).request?.url ?? url ?? opts.apiUrl;
      const net = describeConnectionError(e, where, opts.env);
      if (net !== undefined)
        throw new ReleaseError(
          'NETWORK',
          `${what}: ${net}. Check the runner's network, GITHUB_API_URL and HTTPS_PROXY / NO_PROXY, then rerun: what is already uploaded is kept`,
          { cause: e },
        );
      throw translateApiError(e, what, where);
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
          return (await noteWrite(opts.env, true, () =>
            streamUpload(expandUploadUrl(release.upload_url, name), headers, src, opts.env),
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
        return downloadWithoutToken(location, fetch, opts.env);
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

async function downloadWithoutToken(
  url: string,
  fetch: typeof globalThis.fetch,
  env: ProxyEnv,
): Promise<Readable> {
  let res: Response;
  try {
    res = await fetch(url, { redirect: 'follow' });
  } catch (e) {
    const net = describeConnectionError(e, url, env);
    if (net === undefined) throw translateApiError(e, `download ${new URL(url).pathname}`, url);
    throw new ReleaseError('NETWORK', `download ${new URL(url).pathname}: ${net}`, { cause: e });
  }
  if (!res.ok || res.body === null)
    throw new ReleaseError(
      'GITHUB_API',
      `download ${new URL(url).pathname}: ${res.status} ${res.statusText}`,
    );
  return Readable.fromWeb(res.body as WebReadableStream);
}
