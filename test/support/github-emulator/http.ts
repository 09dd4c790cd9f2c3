/**
 * Shared plumbing for route handlers: the reply shape, GitHub's error bodies, access rules,
 * JSON request bodies and Link-header pagination.
 */
import type { IncomingMessage } from 'node:http';
import type { FaultScript } from './faults.ts';
import { invalidRequestMessage, type SchemaName } from './schemas.ts';
import type { Origins } from './json.ts';
import type { GitPerson } from './git.ts';
import { isoNow, type EmuState, type RepoState } from './state.ts';
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
  /** The user behind a personal access token (see TokenOptions). */
  login?: string;
  /** Lower-case full names of the repos the token may push to besides its login's own. */
  repos?: Set<string>;
  /** A GitHub App installation token (the workflow token): GET repo shows no `permissions`. */
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
  const token = m?.[1] ? state.tokens.get(m[1]) : undefined;
  if (!token) return { invalid: true };
  const auth: Auth = { scope: token.scope, invalid: false };
  if (token.login !== undefined) auth.login = token.login;
  if (token.installation === true) auth.installation = true;
  if (token.repos !== undefined) auth.repos = new Set(token.repos.map((r) => r.toLowerCase()));
  return auth;
}

/** GitHub's 403 wording depends on the kind of token. */
export function forbidden(ctx: Ctx): Reply {
  const kind = ctx.auth.login === undefined ? 'integration' : 'personal access token';
  return errorReply(403, `Resource not accessible by ${kind}`);
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
  // A fork being created answers 404 for a while, as GitHub's asynchronous forks do.
  if (repo.pendingReads > 0) {
    repo.pendingReads--;
    return { reply: notFound() };
  }
  if (need === 'write') {
    if (!ctx.auth.scope) return { reply: errorReply(401, 'Requires authentication') };
    if (!canPush(ctx, repo)) return { reply: forbidden(ctx) };
  }
  return { repo };
}

/** Push access: a write token that is unrestricted, lists the repo, or whose login owns it. */
export function canPush(ctx: Ctx, repo: RepoState): boolean {
  const a = ctx.auth;
  if (a.scope !== 'write') return false;
  if (a.login === undefined && a.repos === undefined) return true;
  const owns = a.login !== undefined && a.login.toLowerCase() === repo.owner.toLowerCase();
  return owns || a.repos?.has(repo.fullName.toLowerCase()) === true;
}

/** Forking and opening pull requests need no push access, but a user's write token: an
 * installation token (GITHUB_TOKEN) only acts on the repos it was issued for. */
export function canContribute(ctx: Ctx, repo: RepoState): boolean {
  return ctx.auth.scope === 'write' && (ctx.auth.login !== undefined || canPush(ctx, repo));
}

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

/** Reads the JSON body and checks it against the operation's OpenAPI request schema (GitHub's 422
 * "Invalid request" when it does not match). */
export async function validBody<T>(
  ctx: Ctx,
  schema: SchemaName,
): Promise<{ body: T; reply?: undefined } | { reply: Reply }> {
  let body: unknown;
  try {
    body = await readJson(ctx);
  } catch {
    return { reply: badJson() };
  }
  const problem = invalidRequestMessage(schema, body ?? {});
  if (problem) return { reply: errorReply(422, problem) };
  return { body: (body ?? {}) as T };
}

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

/** The author GitHub records for a commit made through the API: the token's user (or the app). */
export function apiAuthor(ctx: Ctx): GitPerson {
  const login = ctx.auth.login ?? 'github-actions[bot]';
  return { name: login, email: `${login}@users.noreply.github.com`, date: isoNow() };
}
