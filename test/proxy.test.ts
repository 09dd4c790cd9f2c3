import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { proxyAgent, proxyFetch, proxyFor } from '../src/net/proxy.ts';
import { startProxy, type TestProxy } from './support/proxy/index.ts';

describe('proxyFor: the one proxy rule', () => {
  const P = 'http://proxy.corp:3128/';
  test('https uses HTTPS_PROXY, http uses HTTP_PROXY; lower case wins', () => {
    const env = { HTTPS_PROXY: 'http://upper:1', https_proxy: P, HTTP_PROXY: 'http://plain:2' };
    assert.equal(proxyFor('https://api.github.com/x', env)?.href, P);
    assert.equal(proxyFor('http://example.com/', env)?.href, 'http://plain:2/');
    assert.equal(proxyFor('https://api.github.com/', { HTTP_PROXY: P }), undefined);
    assert.equal(proxyFor('http://example.com/', { HTTPS_PROXY: P }), undefined);
    assert.equal(proxyFor('https://x.io/', { HTTPS_PROXY: '  ' }), undefined);
  });

  test('a proxy without a scheme is http://host:port', () => {
    assert.equal(proxyFor('https://x.io/', { HTTPS_PROXY: 'proxy.corp:3128' })?.href, P);
  });

  test('NO_PROXY: names with subdomains, leading dots, ports, IPs, *, either case', () => {
    const on = (url: string, noProxy: string, key = 'NO_PROXY') =>
      proxyFor(url, { HTTPS_PROXY: P, HTTP_PROXY: P, [key]: noProxy }) !== undefined;
    assert.equal(on('https://api.github.com/', 'github.com'), false);
    assert.equal(on('https://github.com/', '.github.com'), false);
    assert.equal(on('https://notgithub.com/', 'github.com'), true);
    assert.equal(on('https://ghe.corp/', 'example.com, ghe.corp', 'no_proxy'), false);
    assert.equal(on('https://ghe.corp/', 'example.com ghe.corp'), false);
    assert.equal(on('https://ghe.corp:8443/', 'ghe.corp:443'), true);
    assert.equal(on('https://ghe.corp/', 'ghe.corp:443'), false);
    assert.equal(on('http://10.1.2.3:80/', '10.1.2.3'), false);
    assert.equal(on('http://110.1.2.3/', '10.1.2.3'), true);
    assert.equal(on('http://[::1]:8080/', '::1'), false);
    assert.equal(on('http://[::1]:8080/', '[::1]:8080'), false);
    assert.equal(on('https://anything.example/', '*'), false);
    assert.equal(on('https://API.GitHub.com/', 'github.COM'), false);
  });

  test('loopback is proxied unless NO_PROXY lists it', () => {
    assert.equal(proxyFor('http://127.0.0.1:9/', { HTTP_PROXY: P })?.href, P);
    assert.equal(proxyFor('http://localhost:9/', { HTTP_PROXY: P })?.href, P);
    assert.equal(
      proxyFor('http://127.0.0.1:9/', { HTTP_PROXY: P, NO_PROXY: '127.0.0.1' }),
      undefined,
    );
  });

  test('without any proxy variable, proxyFetch is the global fetch and no agent is made', async () => {
    assert.equal(proxyFetch({ NO_PROXY: '*' }), globalThis.fetch);
    assert.equal(await proxyAgent('https://x.io/', {}), undefined);
  });
});

describe('through a real proxy process on loopback', () => {
  let proxy: TestProxy;
  const servers: http.Server[] = [];
  /** A server on 127.0.0.1 that answers with the address the request came from. */
  async function origin(handler?: http.RequestListener): Promise<string> {
    const s = http.createServer(
      handler ??
        ((req, res) => {
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ from: req.socket.remoteAddress, path: req.url }));
        }),
    );
    servers.push(s);
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  }
  before(async () => {
    proxy = await startProxy();
  });
  after(async () => {
    for (const s of servers) s.closeAllConnections();
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    await proxy.close();
  });

  test('proxyFetch tunnels through the proxy; a NO_PROXY host connects directly', async () => {
    const a = await origin();
    const b = await origin();
    const env = { HTTP_PROXY: proxy.url, NO_PROXY: `example.com,${new URL(b).host}` };
    const viaProxy = (await (await proxyFetch(env)(`${a}/x`)).json()) as { from: string };
    const direct = (await (await proxyFetch(env)(`${b}/y`)).json()) as { from: string };
    assert.equal(viaProxy.from, proxy.localAddress);
    assert.equal(direct.from, '127.0.0.1');
    assert.deepEqual(
      proxy.targets.map((t) => t.target),
      [new URL(a).host],
    );
  });

  test('each redirect hop is routed by its own host', async () => {
    const last = await origin();
    const first = await origin((_req, res) => {
      res.writeHead(302, { location: `${last}/final` }).end();
    });
    const before = proxy.targets.length;
    const env = { HTTP_PROXY: proxy.url, NO_PROXY: new URL(first).host };
    const res = await proxyFetch(env)(`${first}/start`);
    const body = (await res.json()) as { from: string; path: string };
    assert.equal(body.path, '/final');
    assert.equal(body.from, proxy.localAddress);
    assert.deepEqual(
      proxy.targets.slice(before).map((t) => t.target),
      [new URL(last).host],
    );
  });

  test('proxyAgent: node:http requests go through the tunnel', async () => {
    const a = await origin();
    const agent = await proxyAgent(`${a}/z`, { HTTP_PROXY: proxy.url });
    assert.ok(agent);
    const body = await new Promise<string>((resolve, reject) => {
      http
        .get(`${a}/z`, { agent }, (res) => {
          let text = '';
          res.on('data', (d: Buffer) => (text += d.toString()));
          res.on('end', () => resolve(text));
        })
        .on('error', reject);
    });
    assert.equal((JSON.parse(body) as { from: string }).from, proxy.localAddress);
  });
});
