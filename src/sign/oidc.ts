/**
 * The GitHub Actions OIDC identity token, as an @sigstore/sign IdentityProvider.
 *
 * Contract: reads only the two ACTIONS_ID_TOKEN_REQUEST_* variables it is given (never
 * SIGSTORE_ID_TOKEN, Buildkite or the live process env); `getToken()` asks GitHub with
 * `audience=sigstore`, retries connection errors, timeouts, 408, 429 and 5xx, and returns a JWT
 * that has a subject. No message it produces contains the token or the request token.
 */
import type { IdentityProvider } from '@sigstore/sign';
import { ReleaseError } from '../errors.ts';
import { proxyFetch } from '../net/proxy.ts';
import type { NetworkOptions } from './config.ts';

const PERMISSION_FIX =
  'Add `permissions: id-token: write` to the job (or workflow) that signs, so GitHub Actions ' +
  'provides ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN.';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class GitHubActionsTokenProvider implements IdentityProvider {
  readonly #url: URL;
  readonly #requestToken: string;
  readonly #net: NetworkOptions;
  readonly #secrets: string[] = [];
  readonly #fetch: typeof fetch;
  /** Claims of the last token handed out. */
  claims: Record<string, unknown> | undefined;

  constructor(env: Record<string, string | undefined>, net: NetworkOptions) {
    const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const token = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!url || !token) {
      throw new ReleaseError(
        'OIDC_UNAVAILABLE',
        `No GitHub Actions OIDC token is available for keyless signing. ${PERMISSION_FIX}`,
      );
    }
    if (!URL.canParse(url)) {
      throw new ReleaseError('OIDC_UNAVAILABLE', 'ACTIONS_ID_TOKEN_REQUEST_URL is not a URL');
    }
    this.#url = new URL(url);
    this.#url.searchParams.set('audience', 'sigstore');
    this.#requestToken = token;
    this.#secrets.push(token);
    this.#net = net;
    this.#fetch = proxyFetch(env);
  }

  /** Removes every token this provider has seen from `text`. */
  redact(text: string): string {
    return this.#secrets.reduce((t, s) => t.split(s).join('***'), text);
  }

  /** Where the token comes from, without the query (which may carry run-specific data). */
  get endpoint(): string {
    return `${this.#url.origin}${this.#url.pathname}`;
  }

  async getToken(): Promise<string> {
    let lastProblem = '';
    for (let attempt = 0; attempt <= this.#net.retries; attempt++) {
      if (attempt > 0) await sleep(this.#net.retryBaseMs * 2 ** (attempt - 1));
      let res: Response;
      try {
        res = await this.#fetch(this.#url, {
          headers: { Authorization: `Bearer ${this.#requestToken}`, Accept: 'application/json' },
          signal: AbortSignal.timeout(this.#net.timeoutMs),
        });
      } catch (e) {
        lastProblem = this.redact(e instanceof Error ? `${e.message}` : String(e));
        continue;
      }
      if (res.status === 408 || res.status === 429 || res.status >= 500) {
        lastProblem = `HTTP ${res.status}`;
        await res.body?.cancel();
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new ReleaseError(
          'OIDC_UNAVAILABLE',
          `GitHub's OIDC token endpoint ${this.endpoint} refused the request (HTTP ${res.status}). ${PERMISSION_FIX}`,
        );
      }
      return this.#accept(await res.json().catch(() => undefined));
    }
    throw new ReleaseError(
      'OIDC_UNAVAILABLE',
      `GitHub's OIDC token endpoint ${this.endpoint} failed after ${this.#net.retries + 1} attempts: ${lastProblem}`,
    );
  }

  #accept(body: unknown): string {
    const value = (body as { value?: unknown } | undefined)?.value;
    if (typeof value !== 'string' || value === '') {
      throw new ReleaseError('OIDC_UNAVAILABLE', `GitHub's OIDC token endpoint returned no token`);
    }
    this.#secrets.push(value);
    let claims: unknown;
    try {
      claims = JSON.parse(Buffer.from(value.split('.')[1] ?? '', 'base64url').toString('utf8'));
    } catch {
      claims = undefined;
    }
    if (typeof claims !== 'object' || claims === null) {
      throw new ReleaseError(
        'OIDC_UNAVAILABLE',
        `GitHub's OIDC token endpoint returned a non-JWT token`,
      );
    }
    const c = claims as Record<string, unknown>;
    if (typeof c.sub !== 'string' && typeof c.email !== 'string') {
      throw new ReleaseError('OIDC_UNAVAILABLE', 'the OIDC token has no subject claim');
    }
    this.claims = c;
    return value;
  }
}
