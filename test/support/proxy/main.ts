/**
 * A real HTTP proxy process for the tests (TooTallNate's `proxy`: CONNECT tunnels and plain
 * forwarding), on 127.0.0.1:
 *   node test/support/proxy/main.ts [--port N] [--local-address 127.0.0.2]
 * Its outgoing connections leave from `--local-address`, so a server on 127.0.0.1 can tell a
 * proxied request (that address) from a direct one (127.0.0.1). Prints `{"url":...}` on one line,
 * then one JSON line per request it handles: `{"method":"CONNECT","target":"host:port"}` or
 * `{"method":"GET","target":"http://host:port/path"}`. Serves until SIGTERM or SIGINT.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createProxy } from 'proxy';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'local-address': { type: 'string' },
  },
  strict: true,
});

const server = createProxy(createServer());
if (values['local-address'] !== undefined) server.localAddress = values['local-address'];
const log = (method: string | undefined, target: string | undefined) =>
  process.stdout.write(`${JSON.stringify({ method, target })}\n`);
server.prependListener('connect', (req) => log(req.method, req.url));
server.prependListener('request', (req) => log(req.method, req.url));
server.listen(Number(values.port), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
});
const stop = () => server.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
