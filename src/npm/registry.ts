import { ReleaseError } from '../errors.ts';
import { retryPolicyFromEnv, withRetry } from '../github/retry.ts';
import { proxyFetch } from '../net/proxy.ts';
import { NpmCommandError, runNpm, type Env } from './run.ts';

/**
 * Reads from an npm registry over HTTP: the full packument (`GET <registry>/<name>`, the
 * abbreviated form has no `time`) and tarballs. Retries 408/429/5xx and connection errors (the
 * shared policy); 401/403 are NPM_AUTH, anything else NPM_PUBLISH, each with the registry's own
 * message. The requests follow the run's proxy rule (src/net/proxy.ts: HTTPS_PROXY, HTTP_PROXY,
 * NO_PROXY from `env`), as npm itself (pack, publish, install) follows the same variables.
 */

export interface PackumentVersion {
  name?: string;
  version?: string;
  dist?: { integrity?: string; shasum?: string; tarball?: string };
}

export interface Packument {
  name?: string;
  'dist-tags'?: Record<string, string>;
  versions?: Record<string, PackumentVersion>;
  /** Publication times by version; keeps versions that were unpublished. */
  time?: Record<string, string>;
}

export interface RegistryAccess {
  /** With a trailing slash. */
  registry: string;
  /** Sent as a bearer token when not empty. */
  token: string;
  env: Env;
}

/** The registry's URL of a package document: scoped names as `@scope%2fname`. */
export function packumentUrl(registry: string, name: string): string {
  return `${registry}${name.replace('/', '%2f')}`;
}

/** npm's "nerf dart" of a registry URL: the key its auth settings live under in an .npmrc. */
export function nerfDart(registry: string): string {
  const u = new URL('.', new URL(registry));
  return `//${u.host}${u.pathname}`;
}

/**
 * The registry npm itself would use for `name`: `npm-registry` when given, else npm's configured
 * `@scope:registry` for a scoped name, else its `registry` (run in `cwd`, so the project's
 * .npmrc counts as it does for npm publish).
 */
export async function resolveRegistry(
  explicit: string | undefined,
  name: string,
  cwd: string,
  env: Env,
): Promise<string> {
  if (explicit !== undefined) return explicit.replace(/\/*$/, '/');
  const scope = /^(@[^/]+)\//.exec(name)?.[1];
  const keys = scope === undefined ? ['registry'] : [`${scope}:registry`, 'registry'];
  let stdout: string;
  try {
    ({ stdout } = await runNpm(['config', 'get', ...keys, 'userconfig'], { cwd, env }));
  } catch (e) {
    const why = e instanceof NpmCommandError ? e.message : String(e);
    throw new ReleaseError(
      'NPM_PUBLISH',
      `cannot read npm's configured registry (npm config get registry): ${why}. Set npm-registry`,
      { cause: e },
    );
  }
  const values = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) values.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  // One key prints a bare value; several print key=value lines.
  const pick = (k: string) =>
    values.get(k) ?? (keys.length === 1 ? stdout.trim().split('\n')[0] : undefined);
  const found = keys
    .map(pick)
    .find((v) => v !== undefined && v !== '' && v !== 'undefined' && v !== 'null');
  if (found === undefined || !/^https?:\/\//.test(found)) {
    throw new ReleaseError(
      'NPM_PUBLISH',
      `npm has no registry configured (npm config get registry printed '${stdout.trim()}'). Set npm-registry`,
    );
  }
  return found.replace(/\/*$/, '/');
}

class HttpStatusError extends Error {
  readonly status: number;
  readonly response: { headers: Record<string, string>; data: unknown };
  constructor(status: number, headers: Record<string, string>, data: unknown, message: string) {
    super(message);
    this.status = status;
    this.response = { headers, data };
  }
}

/** The registry's own words from an error body (`error`, `message`, `reason`) or its text. */
function registryMessage(text: string): string {
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const parts = ['error', 'message', 'reason']
      .map((k) => body[k])
      .filter((v) => typeof v === 'string' && v !== '');
    if (parts.length > 0) return [...new Set(parts)].join(': ');
  } catch {
    // Not JSON: a proxy's page or plain text.
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}

async function get(url: string, access: RegistryAccess, accept: string): Promise<Response | null> {
  const headers: Record<string, string> = { accept, 'user-agent': 'plugin-release-action' };
  // As npm does: the token goes only to the registry it belongs to, never to another host.
  if (access.token !== '' && url.startsWith(access.registry)) {
    headers.authorization = `Bearer ${access.token}`;
  }
  const fetch = proxyFetch(access.env);
  return withRetry(retryPolicyFromEnv(access.env), async () => {
    const res = await fetch(url, {
      headers,
      redirect: 'follow',
      signal: AbortSignal.timeout(120_000),
    });
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    if (!res.ok) {
      const text = await res.text().catch(() => '');
      const h: Record<string, string> = {};
      res.headers.forEach((v, k) => (h[k] = v));
      throw new HttpStatusError(res.status, h, text, registryMessage(text) || res.statusText);
    }
    return res;
  });
}

function readError(what: string, url: string, e: unknown): ReleaseError {
  if (e instanceof HttpStatusError) {
    const auth = e.status === 401 || e.status === 403;
    return new ReleaseError(
      auth ? 'NPM_AUTH' : 'NPM_PUBLISH',
      `the npm registry answered ${e.status} to GET ${url} (${what}): ${e.message}. ${auth ? 'Check npm-token (or NODE_AUTH_TOKEN): it must be valid for this registry and allowed to read the package' : 'Try again later, or check npm-registry'}`,
      { cause: e },
    );
  }
  const why =
    e instanceof Error
      ? `${e.message}${e.cause instanceof Error ? ` (${e.cause.message})` : ''}`
      : String(e);
  return new ReleaseError(
    'NPM_PUBLISH',
    `cannot reach the npm registry for ${what} (GET ${url}): ${why}. Check npm-registry and the runner's network or proxy`,
    { cause: e },
  );
}

/** The full packument, or null when the registry has no such package (a new package). */
export async function readPackument(
  access: RegistryAccess,
  name: string,
): Promise<Packument | null> {
  const url = packumentUrl(access.registry, name);
  try {
    const res = await get(url, access, 'application/json');
    if (res === null) return null;
    const doc = (await res.json()) as unknown;
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
      throw new Error('the document is not a JSON object');
    return doc as Packument;
  } catch (e) {
    throw readError(`the package document of ${name}`, url, e);
  }
}

/** A tarball's bytes, or null on 404. */
export async function fetchTarball(access: RegistryAccess, url: string): Promise<Buffer | null> {
  try {
    const res = await get(url, access, 'application/octet-stream');
    return res === null ? null : Buffer.from(await res.arrayBuffer());
  } catch (e) {
    throw readError('a tarball', url, e);
  }
}
