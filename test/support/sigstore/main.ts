/**
 * CLI: starts the Sigstore stand-in and prints one JSON line with its URLs, trusted root and the
 * workflow environment to sign with; runs until SIGINT/SIGTERM, then cleans up.
 *   node test/support/sigstore/main.ts [--subject SAN] [--issuer URL] [--latency-ms N]
 */
import { parseArgs } from 'node:util';
import { startSigstoreStandIn } from './index.ts';

const { values } = parseArgs({
  options: {
    subject: { type: 'string' },
    issuer: { type: 'string' },
    'latency-ms': { type: 'string' },
  },
});
const standIn = await startSigstoreStandIn({
  subject: values.subject,
  issuer: values.issuer,
  latencyMs: values['latency-ms'] === undefined ? undefined : Number(values['latency-ms']),
});
process.stdout.write(
  JSON.stringify({
    url: standIn.url,
    fulcioURL: standIn.url,
    rekorURL: standIn.url,
    tsaURL: standIn.url,
    oidcRequestURL: standIn.oidcRequestURL,
    trustedRootPath: standIn.trustedRootPath,
    subject: standIn.subject,
    issuer: standIn.issuer,
    env: standIn.env(),
  }) + '\n',
);
const stop = () => void standIn.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
