import type { Agent as HttpAgent } from 'node:http';
import type { Dispatcher, fetch as undiciFetchType } from 'undici';

/**
 * The one proxy rule for every request this tool sends: GitHub's API, uploads and downloads,
 * the OIDC token, and the registries and marketplaces of the ecosystem profiles. (Sigstore's
 * own clients read the same variables through make-fetch-happen: see the README.)
 *
 * - `https:` URLs go through HTTPS_PROXY, `http:` URLs through HTTP_PROXY; the lower-case name
 *   wins when both cases are set. A value without a scheme is taken as `http://host:port`.
 * - NO_PROXY (either case) lists what connects directly, separated by commas or spaces: `*` is
 *   every host; `example.com` and `.example.com` match that host and its subdomains; `host:port`
 *   matches that port only; an IP address matches itself (IPv6 with or without brackets).
 *   Loopback is not exempt unless listed (the tests list 127.0.0.1).
 * - Every proxy is spoken to with CONNECT (a tunnel), for `http:` targets too, so the proxy never
 *   sees a token or a body in clear when the target is `https:`.
 *
 * The environment is passed in (a run's `config.env`), never read behind the caller's back.
 * Three functions, all a module needs:
 *   proxyFor(url, env)    the proxy URL for `url`, or undefined for a direct connection
 *   proxyFetch(env)       a `fetch` that routes each request, and each redirect hop, by that rule
 *   proxyAgent(url, env)  (async) an `http.Agent` for node:http(s).request to `url`, or undefined
 *                         for a direct connection
 * Nothing proxy-specific loads until a proxy is set (undici, https-proxy-agent).
 */
export type ProxyEnv = Readonly<Record<string, string | undefined>>;

function variable(env: ProxyEnv, name: string): string | undefined {
  const v = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

const bare = (host: string) => host.replace(/^\[|\]$/g, '').toLowerCase();

function bypassed(url: URL, noProxy: string): boolean {
  const host = bare(url.hostname);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return noProxy
    .split(/[\s,]+/)
    .filter((e) => e !== '')
    .some((entry) => {
      if (entry === '*') return true;
      // `host:port`, `[v6]:port`, or a bare IPv6 address (more than one colon, no brackets).
      const m = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(entry);
      const [name, onlyPort] = m ? [m[1]!, m[2]] : [entry, undefined];
      if (onlyPort !== undefined && onlyPort !== port) return false;
      const want = bare(name).replace(/^\*?\./, '');
      if (/^[\d.]+$|:/.test(want)) return host === want;
      return host === want || host.endsWith(`.${want}`);
    });
}

/** The proxy for `url` under `env`, or undefined when it connects directly. */
export function proxyFor(url: string | URL, env: ProxyEnv): URL | undefined {
  const target = typeof url === 'string' ? new URL(url) : url;
  const raw = variable(env, target.protocol === 'https:' ? 'https_proxy' : 'http_proxy');
  if (raw === undefined) return undefined;
  if (bypassed(target, variable(env, 'no_proxy') ?? '')) return undefined;
  return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
}

/** True when any proxy variable is set: only then is undici (about 12 MiB) loaded. */
function anyProxy(env: ProxyEnv): boolean {
  return variable(env, 'https_proxy') !== undefined || variable(env, 'http_proxy') !== undefined;
}

/**
 * A dispatcher that picks, per origin, a tunnel through the proxy or a direct connection.
 * undici's fetch dispatches each redirect hop with its own origin, so a redirect from the API
 * to a NO_PROXY download host connects directly, and the other way round.
 */
async function routingDispatcher(env: ProxyEnv): Promise<{
  dispatcher: Dispatcher;
  fetch: typeof undiciFetchType;
}> {
  // `default` is undici's module.exports both under Node and in the bundle (scripts/build.mjs).
  const undici = (await import('undici')).default;
  const direct = new undici.Agent();
  const tunnels = new Map<string, Dispatcher>();
  const pick = (origin: string): Dispatcher => {
    const proxy = proxyFor(origin, env);
    if (proxy === undefined) return direct;
    let agent = tunnels.get(proxy.href);
    if (agent === undefined) {
      agent = new undici.ProxyAgent(proxy.href);
      tunnels.set(proxy.href, agent);
    }
    return agent;
  };
  class Routing extends undici.Dispatcher {
    override dispatch(
      options: Dispatcher.DispatchOptions,
      handler: Dispatcher.DispatchHandlers,
    ): boolean {
      return pick(String(options.origin)).dispatch(options, handler);
    }
    override async close(): Promise<void> {
      await Promise.all([direct, ...tunnels.values()].map((d) => d.close()));
    }
    override async destroy(): Promise<void> {
      await Promise.all([direct, ...tunnels.values()].map((d) => d.destroy()));
    }
  }
  return { dispatcher: new Routing(), fetch: undici.fetch };
}

/**
 * A `fetch` with the same signature as the global one. Without any proxy variable it is the
 * global fetch itself; with one, undici's fetch with the routing dispatcher above.
 */
export function proxyFetch(env: ProxyEnv): typeof fetch {
  if (!anyProxy(env)) return globalThis.fetch;
  let routed: ReturnType<typeof routingDispatcher> | undefined;
  return (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    routed ??= routingDispatcher(env);
    const { dispatcher, fetch: undiciFetch } = await routed;
    return undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher,
    });
  }) as unknown as typeof fetch;
}

const agents = new Map<string, HttpAgent>();

/**
 * The agent for one node:http(s).request to `url`: a CONNECT tunnel through the proxy (TLS on
 * top for `https:`), or undefined to connect directly with Node's default agent.
 */
export async function proxyAgent(url: string | URL, env: ProxyEnv): Promise<HttpAgent | undefined> {
  const proxy = proxyFor(url, env);
  if (proxy === undefined) return undefined;
  let agent = agents.get(proxy.href);
  if (agent === undefined) {
    const { HttpsProxyAgent } = await import('https-proxy-agent');
    agent = new HttpsProxyAgent(proxy.href);
    agents.set(proxy.href, agent);
  }
  return agent;
}
