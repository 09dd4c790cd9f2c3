/**
 * The Sigstore stand-in in a process of its own, as the real services are remote: its CPU work
 * (issuing certificates, signing log entries) does not run on the signer's event loop.
 *   node bench/lib/sigstore-child.ts <latencyMs> <subject>
 * Prints one JSON line (url, trustedRootPath, env). Then each line `counts` on stdin is answered
 * with one JSON line of the requests received per service. Ends when stdin closes.
 */
import { createInterface } from 'node:readline';
import { startSigstoreStandIn } from '../../test/support/sigstore/index.ts';

const [latency = '0', subject] = process.argv.slice(2);
const standIn = await startSigstoreStandIn({ latencyMs: Number(latency), subject });
process.stdout.write(
  `${JSON.stringify({ url: standIn.url, trustedRootPath: standIn.trustedRootPath, env: standIn.env() })}\n`,
);
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line.trim() === 'counts') process.stdout.write(`${JSON.stringify(standIn.counts)}\n`);
});
lines.on('close', () => void standIn.close().then(() => process.exit(0)));
