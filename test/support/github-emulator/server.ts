/**
 * The HTTP side: one node:http server per origin on 127.0.0.1, a dispatcher that records every
 * request, adds latency, applies scripted faults, runs the route handler and writes its reply
 * with GitHub's headers (rate-limit headers on the API and uploads origins).
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { errorReply, parseAuth, sleep, type Core, type Ctx, type Reply } from './http.ts';
import { matchRoute } from './router.ts';
import type { FaultCallInfo, FaultSpec, Origin, RequestRecord } from './types.ts';
import { drain } from './uploads.ts';

const SECONDARY =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';

export interface Dispatcher {
  core: Core;
  latencyMs: number;
  requests: RequestRecord[];
  /** Requests counted per identity, for x-ratelimit-used. */
  used: Map<string, number>;
  resetAt: number;
}

export function listen(server: Server, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

export function makeServer(d: Dispatcher, origin: Origin): Server {
  // Large uploads must not be cut off by Node's default request timeout.
  const server = createServer({ requestTimeout: 0 }, (req, res) => {
    dispatch(d, origin, req, res).catch((err: unknown) => {
      if (!res.headersSent) write(origin, res, errorReply(500, String(err)), {});
      else res.destroy();
    });
  });
  return server;
}

function rateHeaders(d: Dispatcher, req: IncomingMessage): Record<string, string> {
  const who = req.headers.authorization ?? 'anonymous';
  const limit = who === 'anonymous' ? 60 : 5000;
  // Windows roll over instead of running dry: only the 'primary' fault shows remaining 0, so
  // clients that pause on an empty budget are never stalled by ordinary test traffic.
  const used = ((d.used.get(who) ?? 0) % (limit - 1)) + 1;
  d.used.set(who, used);
  return {
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(Math.max(0, limit - used)),
    'x-ratelimit-reset': String(d.resetAt),
    'x-ratelimit-used': String(used),
    'x-ratelimit-resource': 'core',
  };
}

function write(
  origin: Origin,
  res: ServerResponse,
  reply: Reply,
  rate: Record<string, string>,
): Promise<void> | void {
  const headers: Record<string, string> = {
    'x-github-request-id': randomUUID(),
    ...(origin === 'download' ? {} : rate),
    ...reply.headers,
  };
  if (reply.file) {
    res.writeHead(reply.status, {
      ...headers,
      'content-type': reply.file.contentType,
      'content-length': String(reply.file.size),
    });
    return pipeline(createReadStream(reply.file.path), res).catch(() => {
      res.destroy();
    });
  }
  if (reply.json === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  const body = JSON.stringify(reply.json);
  res.writeHead(reply.status, {
    'content-type': 'application/json; charset=utf-8',
    'x-github-media-type': 'github.v3; format=json',
    'content-length': String(Buffer.byteLength(body)),
    ...headers,
  });
  res.end(body);
}

/** The answers of the faults that do not need the handler. */
function faultReply(f: FaultSpec, rate: Record<string, string>): Reply | undefined {
  const retry: Record<string, string> =
    f.retryAfter === undefined ? {} : { 'retry-after': String(f.retryAfter) };
  switch (f.kind) {
    case 'secondary-403':
    case 'secondary-429': {
      const status = f.kind === 'secondary-403' ? 403 : 429;
      return { ...errorReply(status, SECONDARY), headers: { ...retry, ...f.headers } };
    }
    case 'primary': {
      const reset = Math.floor(Date.now() / 1000) + (f.resetSeconds ?? 60);
      rate['x-ratelimit-remaining'] = '0';
      rate['x-ratelimit-reset'] = String(reset);
      const r = errorReply(403, 'API rate limit exceeded for installation. Wait for the reset.');
      return { ...r, headers: { ...f.headers } };
    }
    case 'status': {
      const status = f.status ?? 500;
      const json = f.body === undefined ? { message: 'Server Error' } : f.body;
      return { status, json, headers: { ...f.headers } };
    }
    default:
      return undefined;
  }
}

function faultInfo(d: Dispatcher, method: string, url: URL, p: Record<string, string>) {
  const info: FaultCallInfo = { path: url.pathname + url.search, method };
  if (p.tag !== undefined) info.tag = p.tag;
  if (p.release_id !== undefined) info.releaseId = Number(p.release_id);
  if (p.asset_id !== undefined) info.assetId = Number(p.asset_id);
  const queryName = url.searchParams.get('name');
  if (p.name !== undefined) info.name = p.name;
  else if (queryName !== null) info.name = queryName;
  else if (info.assetId !== undefined && p.owner && p.repo) {
    const repo = d.core.state.repo(`${p.owner}/${p.repo}`);
    const found = repo && d.core.state.findAsset(repo, info.assetId);
    if (found) info.name = found.asset.name;
  }
  return info;
}

async function dispatch(d: Dispatcher, origin: Origin, req: IncomingMessage, res: ServerResponse) {
  const method = req.method ?? 'GET';
  const record: RequestRecord = {
    origin,
    method,
    path: req.url ?? '/',
    route: 'unknown',
    status: 0,
    headers: { ...req.headers },
    at: Date.now(),
    from: req.socket.remoteAddress,
  };
  d.requests.push(record);
  const rate = origin === 'download' ? {} : rateHeaders(d, req);
  // The status is recorded when the reply is written (before the body finishes streaming).
  const send = (reply: Reply) => {
    record.status = reply.status;
    return write(origin, res, reply, rate);
  };
  await sleep(d.latencyMs);

  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const match = matchRoute(origin, method, url.pathname);
  if (!match) {
    await drain(req);
    return send(errorReply(404, 'Not Found'));
  }
  record.route = match.route;
  const fault = d.core.faults.take(match.route, faultInfo(d, method, url, match.params));
  if (fault) record.fault = fault.kind;
  if (fault?.kind === 'latency') await sleep(fault.ms ?? 0);
  const early = fault && faultReply(fault, rate);
  const uploading = match.route === 'upload-asset';
  if (early || (fault?.kind === '502-starter' && !uploading)) {
    await drain(req); // answer after the body is in, so clients see a clean status
    return send(early ?? errorReply(502, 'Bad Gateway'));
  }
  if (fault?.kind === 'reset' && !uploading) {
    req.socket.destroy();
    return;
  }
  const ctx: Ctx = {
    core: d.core,
    req,
    url,
    method,
    params: match.params,
    auth: parseAuth(req, d.core.state),
    record,
  };
  if (fault) ctx.fault = fault;
  let reply = await match.handler(ctx);
  if (reply === null) return; // socket already gone
  // '500-stored': the operation took effect, but the client is told it failed.
  if (fault?.kind === '500-stored') reply = errorReply(500, 'Server Error');
  return send(reply);
}
