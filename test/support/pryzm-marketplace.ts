import { createPublicKey, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for PRYZM's marketplace v1 API (apps/marketplace-api/src/app.ts) on 127.0.0.1, for
 * the tests. It checks a version submission the way the real server does, with code of its own
 * (node:crypto Ed25519, its own canonical JSON): bearer token and scope, slug pattern, plugin and
 * publisher records, the body's exact shape (no missing or extra keys, sha pattern, strict
 * semver, URL), the signature against the payload, its CRL, then the publisher key. The real
 * server compares the registered base64url key with the signature's padded key as strings and
 * so always answers publisher_key_mismatch; `keyCompare: 'bytes'` (the default) is the server
 * as it should be, `'string'` is the server as it is. `script` forces answers, in order.
 */
export interface Scripted {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Only for requests of this method (default: any). */
  method?: 'GET' | 'POST';
}

export interface MarketplaceRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: unknown;
  /** The address the connection came from (a proxy's outgoing address when proxied). */
  from: string | undefined;
}

export interface StandInOptions {
  token?: string;
  scopes?: string[];
  /** publisher id -> its Ed25519 public key in unpadded base64url (the record's form). */
  publishers?: Record<string, string>;
  /** `<publisher>/<slug>` -> publisher id. */
  plugins?: Record<string, string>;
  keyCompare?: 'bytes' | 'string';
  crl?: { revokedPublisherKeysB64?: string[]; revokedPluginIdAtVersion?: string[] };
}

export interface StandInMarketplace {
  url: string;
  requests: MarketplaceRequest[];
  script: Scripted[];
  /** Stored versions by `<publisher>/<slug>`. */
  versions: Map<string, Record<string, unknown>[]>;
  options: Required<Omit<StandInOptions, 'crl'>> & { crl: NonNullable<StandInOptions['crl']> };
  close(): Promise<void>;
}

const SLUG = /^[a-z][a-z0-9-]{1,63}\/[a-z][a-z0-9-]{1,63}$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const SHA = /^[0-9a-f]{64}$/;

function canonical(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

function exactKeys(
  v: unknown,
  keys: string[],
  where: string,
  issues: string[],
): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    issues.push(`${where}: expected object`);
    return false;
  }
  const got = Object.keys(v).sort();
  const want = [...keys].sort();
  if (got.join() !== want.join())
    issues.push(`${where}: keys ${got.join(',')} != ${want.join(',')}`);
  return true;
}

function ed25519Ok(keyB64: string, message: string, sigB64: string): boolean {
  try {
    const spki = Buffer.concat([
      Buffer.from('302a300506032b6570032100', 'hex'),
      Buffer.from(keyB64, 'base64'),
    ]);
    const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
    return verify(null, Buffer.from(message, 'utf8'), key, Buffer.from(sigB64, 'base64'));
  } catch {
    return false;
  }
}

function bodyIssues(body: unknown): string[] {
  const issues: string[] = [];
  if (!exactKeys(body, ['version', 'bundleUrl', 'bundleSha256', 'signature'], 'body', issues))
    return issues;
  if (typeof body.version !== 'string' || !SEMVER.test(body.version))
    issues.push('version: expected MAJOR.MINOR.PATCH');
  if (typeof body.bundleUrl !== 'string' || !URL.canParse(body.bundleUrl))
    issues.push('bundleUrl: expected URL');
  if (typeof body.bundleSha256 !== 'string' || !SHA.test(body.bundleSha256))
    issues.push('bundleSha256: expected lowercase hex sha256');
  const sig = body.signature;
  if (exactKeys(sig, ['payload', 'signatureB64', 'publisherPublicKeyB64'], 'signature', issues)) {
    for (const k of ['signatureB64', 'publisherPublicKeyB64'])
      if (typeof sig[k] !== 'string' || sig[k] === '')
        issues.push(`signature.${k}: expected non-empty string`);
    if (
      exactKeys(sig.payload, ['manifest', 'fileSha256', 'signedAt'], 'signature.payload', issues)
    ) {
      const p = sig.payload;
      if (typeof p.fileSha256 !== 'string' || !SHA.test(p.fileSha256))
        issues.push('signature.payload.fileSha256: expected sha256');
      if (typeof p.signedAt !== 'string')
        issues.push('signature.payload.signedAt: expected string');
    }
  }
  return issues;
}

export async function startMarketplace(opts: StandInOptions = {}): Promise<StandInMarketplace> {
  const options = {
    token: opts.token ?? 'mkt-token',
    scopes: opts.scopes ?? ['project:write'],
    publishers: opts.publishers ?? {},
    plugins: opts.plugins ?? {},
    keyCompare: opts.keyCompare ?? 'bytes',
    crl: opts.crl ?? {},
  };
  const requests: MarketplaceRequest[] = [];
  const script: Scripted[] = [];
  const versions = new Map<string, Record<string, unknown>[]>();

  const handle = (req: IncomingMessage, path: string, body: unknown): [number, unknown] => {
    const m = /^\/v1\/plugins\/([^/]+)\/([^/]+)\/versions$/.exec(path);
    if (path === '/v1/revocations.json' && req.method === 'GET')
      return [
        200,
        {
          issuedAt: '2026-01-01T00:00:00.000Z',
          revokedPublisherKeysB64: [],
          revokedPluginIdAtVersion: [],
          ...options.crl,
        },
      ];
    if (m === null) return [404, { error: 'not_found' }];
    const slug = `${decodeURIComponent(m[1]!)}/${decodeURIComponent(m[2]!)}`;
    if (req.method === 'GET') {
      if (!SLUG.test(slug)) return [400, { error: 'invalid_plugin_id' }];
      if (options.plugins[slug] === undefined) return [404, { error: 'not_found' }];
      return [200, { items: versions.get(slug) ?? [] }];
    }
    if (req.headers.authorization !== `Bearer ${options.token}`)
      return [401, { error: 'unauthorized' }];
    if (!options.scopes.includes('project:write'))
      return [403, { error: 'insufficient_scope', required: ['project:write'] }];
    if (!SLUG.test(slug)) return [400, { error: 'invalid_plugin_id' }];
    const publisherId = options.plugins[slug];
    if (publisherId === undefined) return [404, { error: 'plugin_not_found' }];
    const issues = bodyIssues(body);
    if (issues.length > 0) return [400, { error: 'invalid_body', issues }];
    const b = body as {
      version: string;
      bundleUrl: string;
      bundleSha256: string;
      signature: {
        payload: { manifest: Record<string, unknown>; fileSha256: string };
        signatureB64: string;
        publisherPublicKeyB64: string;
      };
    };
    const mf = b.signature.payload.manifest;
    if (
      typeof mf !== 'object' ||
      mf === null ||
      mf.pryzmPlugin !== '1.0' ||
      typeof mf.id !== 'string' ||
      typeof mf.version !== 'string'
    )
      return [400, { error: 'invalid_manifest', errors: ['pryzmPlugin/id/version: invalid'] }];
    const sig = b.signature;
    if (sig.payload.fileSha256 !== b.bundleSha256)
      return [403, { error: 'signature_rejected', reason: 'tarball-mismatch' }];
    if (!ed25519Ok(sig.publisherPublicKeyB64, canonical(sig.payload), sig.signatureB64))
      return [403, { error: 'signature_rejected', reason: 'signature-invalid' }];
    if ((options.crl.revokedPublisherKeysB64 ?? []).includes(sig.publisherPublicKeyB64))
      return [403, { error: 'signature_rejected', reason: 'publisher-revoked' }];
    if ((options.crl.revokedPluginIdAtVersion ?? []).includes(`${mf.id}@${mf.version}`))
      return [403, { error: 'signature_rejected', reason: 'plugin-revoked' }];
    const registered = options.publishers[publisherId];
    if (registered === undefined) return [409, { error: 'publisher_missing' }];
    const same =
      options.keyCompare === 'string'
        ? registered === sig.publisherPublicKeyB64
        : Buffer.from(registered, 'base64url').equals(
            Buffer.from(sig.publisherPublicKeyB64, 'base64'),
          ) &&
          ed25519Ok(
            Buffer.from(registered, 'base64url').toString('base64'),
            canonical(sig.payload),
            sig.signatureB64,
          );
    if (!same) return [403, { error: 'publisher_key_mismatch' }];
    const list = versions.get(slug) ?? [];
    if (list.some((v) => v.version === b.version)) return [409, { error: 'version_exists' }];
    const row = {
      pluginId: slug,
      version: b.version,
      signature: sig.signatureB64,
      signedByKeyid: sig.publisherPublicKeyB64,
      bundleUrl: b.bundleUrl,
      bundleSha256: b.bundleSha256,
      publishedAt: new Date().toISOString(),
      revokedAt: null,
      revokeReason: null,
    };
    versions.set(slug, [row, ...list]);
    return [201, row];
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        body = text;
      }
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      requests.push({
        method: req.method ?? '',
        path,
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        body,
        from: req.socket.remoteAddress,
      });
      const i = script.findIndex((s) => s.method === undefined || s.method === req.method);
      const forced = i === -1 ? undefined : script.splice(i, 1)[0];
      const [status, out] = forced ? [forced.status, forced.body ?? {}] : handle(req, path, body);
      res.writeHead(status, { 'content-type': 'application/json', ...forced?.headers });
      res.end(JSON.stringify(out));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script,
    versions,
    options,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
