import { proxyFor, type ProxyEnv } from './proxy.ts';

/**
 * Names a connection-level failure (no HTTP answer at all) for people: the host, the cause in
 * words (DNS, refused, timeout, reset, TLS, the proxy) and its code, and the proxy when one was
 * used. Returns undefined for anything that got an HTTP answer, so a caller never invents a
 * status. Works on the errors of fetch (undici: TypeError('fetch failed') with a cause), of
 * node:http(s) (an Error with `code`), and of Octokit (a RequestError with status 500 and no
 * response, wrapping fetch's).
 */
interface ErrorLike {
  code?: string;
  message?: string;
  cause?: unknown;
  status?: number;
  response?: unknown;
  hostname?: string;
  address?: string;
  port?: number;
  name?: string;
}

const CAUSES: readonly [RegExp, string][] = [
  [/^(ENOTFOUND|EAI_AGAIN|EAI_NONAME)$/, 'its name does not resolve (DNS)'],
  [/^ECONNREFUSED$/, 'the connection was refused (nothing listens there)'],
  [
    /^(ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT|TimeoutError|ABORT_ERR)$/,
    'the connection timed out',
  ],
  [/^(ECONNRESET|EPIPE|UND_ERR_SOCKET|UND_ERR_CLOSED)$/, 'the connection was closed mid-request'],
  [/^(EHOSTUNREACH|ENETUNREACH|ENETDOWN)$/, 'the network cannot reach it'],
  [
    /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/,
    "its TLS certificate is not trusted (for a corporate CA, point NODE_EXTRA_CA_CERTS at the CA's PEM file)",
  ],
];

function chain(e: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  for (let cur = e as ErrorLike | undefined; cur && out.length < 6; cur = cur.cause as ErrorLike)
    out.push(cur);
  return out;
}

/** True when `e` got no HTTP answer (Octokit's status 500 without a response included). */
export function isConnectionError(e: unknown): boolean {
  const top = (e ?? {}) as ErrorLike;
  if (top.status !== undefined && !(top.status === 500 && top.response === undefined)) return false;
  return chain(e).some(
    (x) =>
      (typeof x.code === 'string' && CAUSES.some(([re]) => re.test(x.code as string))) ||
      x.name === 'TimeoutError' ||
      /fetch failed|socket hang up|other side closed|Proxy response|tunnel/i.test(x.message ?? ''),
  );
}

export function describeConnectionError(
  e: unknown,
  url: string | URL,
  env: ProxyEnv,
): string | undefined {
  if (!isConnectionError(e)) return undefined;
  const target = new URL(url);
  const links = chain(e);
  const proxy = proxyFor(target, env);
  const proxyAnswer = links
    .map((x) => /Proxy response \((\d+)\)/.exec(x.message ?? '')?.[1])
    .find((s) => s !== undefined);
  if (proxy !== undefined && proxyAnswer !== undefined)
    return `cannot reach ${target.host}: the proxy ${proxy.host} refused the tunnel (it answered ${proxyAnswer}${proxyAnswer === '407' ? ', proxy authentication required: put the credentials in HTTPS_PROXY as http://user:password@host:port' : ''})`;
  const code = links
    .map((x) =>
      x.name === 'TimeoutError' ? x.name : typeof x.code === 'string' ? x.code : undefined,
    )
    .find((c) => c !== undefined && CAUSES.some(([re]) => re.test(c)));
  const cause = code === undefined ? undefined : CAUSES.find(([re]) => re.test(code))?.[1];
  const inner = links.at(-1)?.message ?? String(e);
  // The host the failure is about: the proxy's when the connection to it failed.
  const proxyPort =
    proxy === undefined ? '' : proxy.port || (proxy.protocol === 'https:' ? '443' : '80');
  const atProxy =
    proxy !== undefined &&
    links.some(
      (x) =>
        x.hostname === proxy.hostname ||
        (x.address === proxy.hostname && String(x.port) === proxyPort) ||
        (x.message ?? '').includes(`${proxy.hostname}:${proxyPort}`),
    );
  const who = atProxy ? `the proxy ${proxy.host} (for ${target.host})` : target.host;
  const via = proxy !== undefined && !atProxy ? ` through the proxy ${proxy.host}` : '';
  const what = cause ?? `the connection failed (${inner})`;
  return `cannot reach ${who}${via}: ${what}${code === undefined ? '' : ` [${code}]`}`;
}
