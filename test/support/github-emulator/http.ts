/**
 * Shared plumbing for route handlers: the reply shape, GitHub's error bodies, access rules,
 * JSON request bodies and Link-header pagination.
 */
import type { IncomingMessage } from 'node:http';
import type { FaultScript } from './faults.ts';
import type { Origins } from './json.ts';
import type { EmuState, RepoState } from './state.ts';
import type { FaultSpec, RequestRecord } from './types.ts';

const DOCS = 'https://docs.github.com/rest/releases';

/** A handler's answer; the server writes it. `file` streams bytes from disk. */
export interface Reply {
  status: number;
  json?: unknown;
  headers?: Record<string, string>;
  file?: { path: string; size: number; contentType: string };
}

/** Signed, short-lived download links the API redirects to (asset id -> download origin). */
export interface SignedLink {
  repo: string;
  assetId: number;
  expires: number;
}

export interface Core {
  state: EmuState;
  origins: Origins;
  faults: FaultScript;
  raceWindowMs: number;
  links: Map<string, SignedLink>;
}

export interface Auth {
  /** The token's scope; undefined for anonymous requests. */
  scope?: 'read' | 'write';
  /** An Authorization header that names no known token. */
  invalid: boolean;
  /** A GitHub App installation token (see EmuState.installationTokens). */
  installation?: boolean;
}

export interface Ctx {
  core: Core;
  req: IncomingMessage;
  url: URL;
  method: string;
  params: Record<string, string>;
  auth: Auth;
  record: RequestRecord;
  /** The fault hitting this call, for handlers that implement kinds themselves (uploads). */
  fault?: FaultSpec;
}

export function errorReply(status: number, message: string, extra: object = {}): Reply {
  return { status, json: { message, ...extra, documentation_url: DOCS, status: String(status) } };
}

export const notFound = (): Reply => errorReply(404, 'Not Found');

/** GitHub's 422 with an `errors` array, e.g. already_exists. */
export function validationFailed(errors: object[]): Reply {
  return errorReply(422, 'Validation Failed', { errors });
}

export function parseAuth(req: IncomingMessage, state: EmuState): Auth {
  const header = req.headers.authorization;
  if (!header) return { invalid: false };
  const m = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(header);
  const scope = m?.[1] ? state.tokens.get(m[1]) : undefined;
  if (!scope) return { invalid: true };
  return { scope, invalid: false, installation: state.installationTokens.has(m![1]!) };
}

/** Repo lookup plus GitHub's access rules: a bad token is 401 everywhere; private repos hide as
 * 404 from anonymous callers; writes need a token (401) with write access (403). */
export function access(
  ctx: Ctx,
  need: 'read' | 'write',
): { repo: RepoState; reply?: undefined } | { reply: Reply } {
  if (ctx.auth.invalid) return { reply: errorReply(401, 'Bad credentials') };
  const repo = ctx.core.state.repo(`${ctx.params.owner}/${ctx.params.repo}`);
  if (!repo || (repo.private && !ctx.auth.scope)) return { reply: notFound() };
  if (need === 'write') {
    if (!ctx.auth.scope) return { reply: errorReply(401, 'Requires authentication') };
    if (ctx.auth.scope !== 'write') {
      return { reply: errorReply(403, 'Resource not accessible by integration') };
    }
  }
  return { repo };
}

export const canPush = (ctx: Ctx): boolean => ctx.auth.scope === 'write';

const JSON_LIMIT = 1024 * 1024;

/** Reads and records a JSON body; `undefined` when empty; throws 'parse' on bad JSON. */
export async function readJson(ctx: Ctx): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > JSON_LIMIT) throw new Error('parse');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    const body: unknown = JSON.parse(text);
    ctx.record.body = body;
    return body;
  } catch {
    throw new Error('parse');
  }
}

export const badJson = (): Reply => errorReply(400, 'Problems parsing JSON');

/** Pages `items` by `per_page` (default 30, max 100) and `page`; adds GitHub's Link header with
 * absolute URLs (prev, next, last, first) when there is more than one page. */
export function paginate<T>(ctx: Ctx, items: T[]): { items: T[]; headers: Record<string, string> } {
  const num = (v: string | null, d: number) => {
    const n = Number.parseInt(v ?? '', 10);
    return Number.isFinite(n) && n > 0 ? n : d;
  };
  const perPage = Math.min(num(ctx.url.searchParams.get('per_page'), 30), 100);
  const page = num(ctx.url.searchParams.get('page'), 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  if (last === 1) return { items: slice, headers: {} };
  const link = (p: number, rel: string) => {
    const u = new URL(ctx.url.pathname + ctx.url.search, new URL(ctx.core.origins.apiUrl).origin);
    u.searchParams.set('page', String(p));
    return `<${u.href}>; rel="${rel}"`;
  };
  const rels: string[] = [];
  if (page > 1) rels.push(link(Math.min(page - 1, last), 'prev'));
  if (page < last) rels.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) rels.push(link(1, 'first'));
  return { items: slice, headers: { link: rels.join(', ') } };
}

export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}
