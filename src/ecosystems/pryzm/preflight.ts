import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunContext } from '../../context.ts';
import { decodeStandardBase64 } from '../../crypto/base64.ts';
import { ReleaseError } from '../../errors.ts';
import { loadPublisherKey } from './key.ts';
import { readPryzmManifest } from './manifest.ts';
import { checkSlug } from './marketplace-rules.ts';
import { maskKey, tarballName } from './pack.ts';
import { loadRevocations } from './revocation.ts';
import { parseSignatureFile, SIGNATURE_SUFFIX } from './signature.ts';

/**
 * What must hold before anything is uploaded: the publisher key parses (when this run signs),
 * the marketplace slug is well formed (when submitting), and the revocation list, when given,
 * revokes neither the publisher key (compared as bytes) nor `<id>@<version>` nor
 * `<pryzm-publisher>/<id>@<version>`. A list that cannot be read stops the run (fail closed).
 */
async function publicKeyInDist(ctx: RunContext, file: string): Promise<Uint8Array | undefined> {
  const bytes = await readFile(file).catch(() => undefined);
  if (bytes === undefined) return undefined;
  const sig = parseSignatureFile(bytes);
  if (typeof sig === 'string') return undefined;
  ctx.reporter.info(`preflight: publisher key taken from ${path.basename(file)}`);
  return decodeStandardBase64(sig.publisherPublicKeyB64);
}

export async function preflightPryzm(ctx: RunContext): Promise<void> {
  const { config, reporter } = ctx;
  const manifest = await readPryzmManifest(config.manifestPath);
  const { publisher, marketplaceUrl, marketplaceToken } = config.pryzm;
  if (marketplaceToken !== '') reporter.mask(marketplaceToken);
  if (marketplaceUrl !== undefined && publisher !== undefined) checkSlug(publisher, manifest.id);
  let publicKey: Uint8Array | undefined;
  if (config.pryzm.publisherKey !== '' || config.command === 'all' || config.command === 'pack') {
    const key = await loadPublisherKey(config.pryzm.publisherKey, config.workingDirectory);
    maskKey(reporter, key);
    reporter.info(
      `preflight: publisher key ${key.publicKeyB64} (base64url ${key.publicKeyB64Url})`,
    );
    publicKey = key.publicKey;
  } else {
    const file = path.join(config.distDir, `${tarballName(manifest)}${SIGNATURE_SUFFIX}`);
    publicKey = await publicKeyInDist(ctx, file);
  }
  const source = config.pryzm.revocationList;
  if (source === undefined) return;
  const list = await loadRevocations(source, config.env);
  const when = list.issuedAt === undefined ? '' : `, issued ${list.issuedAt}`;
  if (publicKey !== undefined && list.isPublisherRevoked(publicKey))
    throw new ReleaseError(
      'REVOKED',
      `the publisher key ${Buffer.from(publicKey).toString('base64')} is revoked by the revocation list ${source}${when}: the marketplace and the editor refuse everything it signs. Nothing was uploaded. Sign with a new key and register it with the marketplace`,
    );
  const entry = list.revokedPlugin(manifest.id, manifest.version, publisher);
  if (entry !== undefined)
    throw new ReleaseError(
      'REVOKED',
      `${entry} is revoked by the revocation list ${source}${when}: the editor refuses to install it. Nothing was uploaded. Release a new version instead`,
    );
  reporter.info(
    `preflight: revocation list ${source}${when}: neither the publisher key${publicKey === undefined ? ' (none known yet)' : ''} nor ${manifest.id}@${manifest.version} is revoked`,
  );
}
