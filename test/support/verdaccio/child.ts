/**
 * Runs Verdaccio in its own process (so a test that blocks its event loop cannot stall the
 * registry): argv[2] is the config file. Prints `{"port": N}` once listening on 127.0.0.1, and
 * exits when its parent closes stdin (the parent ended or called close()).
 */
import type { AddressInfo } from 'node:net';
import { runServer } from 'verdaccio';

const server = await runServer(process.argv[2]!);
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
