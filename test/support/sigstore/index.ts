/**
 * A real, local Sigstore for tests: one node:http server on 127.0.0.1 serving @sigstore/mock's
 * Fulcio, Rekor (API v1) and TSA handlers, plus a fake GitHub Actions OIDC token endpoint.
 * Certificates, log entries and timestamps are real and verify against `trustedRootPath`.
 *
 * Contract: every request to a service counts (faulted ones too); `faults.fail` answers the next
 * `times` requests of a service with `status`; `faults.down` drops its connections without an
 * answer until turned off. `close()` ends connections, the server and the temp directory.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fulcioHandler } from '@sigstore/mock/dist/fulcio/index.js';
import { rekorHandler } from '@sigstore/mock/dist/rekor/index.js';
import { tsaHandler } from '@sigstore/mock/dist/timestamp/index.js';
import { buildTrust } from './trust.ts';
import {
  DEFAULT_SUBJECT,
  GITHUB_ISSUER,
  SAN_CLAIM,
  tokenClaims,
  unsignedJWT,
  workflowEnv,
} from './token.ts';

export { DEFAULT_SUBJECT, GITHUB_ISSUER } from './token.ts';

export type StandInService = 'fulcio' | 'rekor' | 'tsa' | 'oidc';

export interface StandInOptions {
  /** The certificate SAN (default: a release.yml workflow at refs/tags/v1.0.0). */
  subject?: string;
  /** The token's `iss`, copied into the certificate's issuer extensions. */
  issuer?: string;
  /** Delay before every answer. */
  latencyMs?: number;
  /** Extra token claims; an undefined value removes a claim. */
  claims?: Record<string, unknown>;
}

export interface SigstoreStandIn {
  url: string;
  oidcRequestURL: string;
  oidcRequestToken: string;
  trustedRootPath: string;
  subject: string;
  issuer: string;
  env(): Record<string, string>;
  /** Requests received per service (faulted ones included). */
  counts: Record<StandInService, number>;
  /** Every request received, with the address its connection came from. */
  requests: { service: StandInService | 'unknown'; path: string; from: string }[];
  /** Path and query of every OIDC token request. */
  oidcRequests: string[];
  /** Every identity token handed out (to check that no message leaks one). */
  issuedTokens: string[];
  /** Most requests of a service in flight at once. */
  peak: Record<StandInService, number>;
  faults: {
    fail(service: StandInService, status: number, times: number): void;
    down(service: StandInService, isDown: boolean): void;
  };
  close(): Promise<void>;
}

type Answer = { status: number; body: string | Uint8Array; type: string };
type Route = { service: StandInService; method: string; answer: (req: Req) => Promise<Answer> };
type Req = { url: URL; headers: IncomingMessage['headers']; body: string };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startSigstoreStandIn(opts: StandInOptions = {}): Promise<SigstoreStandIn> {
  const subject = opts.subject ?? DEFAULT_SUBJECT;
  const issuer = opts.issuer ?? GITHUB_ISSUER;
  const oidcRequestToken = `stand-in-request-token-${process.pid}-${Date.now()}`;
  const counts: Record<StandInService, number> = { fulcio: 0, rekor: 0, tsa: 0, oidc: 0 };
  const peak: Record<StandInService, number> = { fulcio: 0, rekor: 0, tsa: 0, oidc: 0 };
  const inFlight: Record<StandInService, number> = { fulcio: 0, rekor: 0, tsa: 0, oidc: 0 };
  const failures: Partial<Record<StandInService, { status: number; times: number }>> = {};
  const downs = new Set<StandInService>();
  const routes = new Map<string, Route>();
  const oidcRequests: string[] = [];
  const issuedTokens: string[] = [];
  const requests: SigstoreStandIn['requests'] = [];

  const server = createServer((req, res) => void serve(req, res));
  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = routes.get(url.pathname);
    const from = req.socket.remoteAddress ?? '';
    requests.push({ service: route?.service ?? 'unknown', path: url.pathname, from });
    if (!route || route.method !== req.method) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"not found"}');
      return;
    }
    const service = route.service;
    counts[service]++;
    if (downs.has(service)) {
      req.socket.destroy();
      return;
    }
    inFlight[service]++;
    peak[service] = Math.max(peak[service], inFlight[service]);
    try {
      await respond(route, req, res, url);
    } finally {
      inFlight[service]--;
    }
  }
  async function respond(route: Route, req: IncomingMessage, res: ServerResponse, url: URL) {
    const service = route.service;
    const body = await readBody(req);
    if (opts.latencyMs) await sleep(opts.latencyMs);
    const failure = failures[service];
    let a: Answer;
    if (failure && failure.times > 0) {
      failure.times--;
      const message = `injected fault: ${service} answers ${failure.status}`;
      a = { status: failure.status, body: JSON.stringify({ message }), type: 'application/json' };
    } else {
      a = await route.answer({ url, headers: req.headers, body }).catch((e: unknown) => ({
        status: 500,
        body: JSON.stringify({ message: String(e) }),
        type: 'application/json',
      }));
    }
    res.writeHead(a.status, { 'content-type': a.type }).end(a.body);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const trust = await buildTrust(url);
  const dir = await mkdtemp(join(tmpdir(), 'sigstore-stand-in-'));
  const trustedRootPath = join(dir, 'trusted_root.json');
  await writeFile(trustedRootPath, JSON.stringify(trust.trustedRootJSON, null, 2));

  const mockRoute = (service: StandInService, h: ReturnType<typeof fulcioHandler>) =>
    routes.set(h.path, {
      service,
      method: 'POST',
      answer: async (req) => {
        const r = await h.fn(req.body);
        const body =
          typeof r.response === 'string'
            ? r.response
            : Buffer.from(r.response.buffer, r.response.byteOffset, r.response.byteLength);
        return { status: r.statusCode, body, type: r.contentType ?? 'text/plain' };
      },
    });
  mockRoute('fulcio', fulcioHandler(trust.ca, { subjectClaim: SAN_CLAIM }));
  mockRoute('rekor', rekorHandler(trust.tlog));
  mockRoute('tsa', tsaHandler(trust.tsa));
  routes.set('/oidc/token', {
    service: 'oidc',
    method: 'GET',
    answer: async (req) => {
      const json = (status: number, o: unknown): Answer => ({
        status,
        body: JSON.stringify(o),
        type: 'application/json',
      });
      if (req.headers.authorization !== `Bearer ${oidcRequestToken}`) {
        return json(401, { message: 'bad request token' });
      }
      oidcRequests.push(`${req.url.pathname}${req.url.search}`);
      if (req.url.searchParams.get('audience') !== 'sigstore') {
        return json(400, { message: 'audience must be sigstore' });
      }
      const value = unsignedJWT(tokenClaims(subject, issuer, opts.claims));
      issuedTokens.push(value);
      return json(200, { count: 1, value });
    },
  });

  // Like GitHub's, the URL carries a query of its own that the client must keep.
  const oidcRequestURL = `${url}/oidc/token?api-version=2.0`;
  return {
    url,
    oidcRequestURL,
    oidcRequestToken,
    trustedRootPath,
    subject,
    issuer,
    counts,
    peak,
    requests,
    oidcRequests,
    issuedTokens,
    env: () => ({
      ...workflowEnv(subject),
      ACTIONS_ID_TOKEN_REQUEST_URL: oidcRequestURL,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidcRequestToken,
    }),
    faults: {
      fail: (service, status, times) => {
        failures[service] = { status, times };
      },
      down: (service, isDown) => {
        if (isDown) downs.add(service);
        else downs.delete(service);
      },
    },
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
