import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { resolveEpoch, writeAtomic } from '../../artifacts.ts';
import type { Asset, RunContext } from '../../context.ts';
import { signLegacy, trustedComment, verifyMinisig } from '../../crypto/minisign.ts';
import { ReleaseError } from '../../errors.ts';
import { secretKey } from './key.ts';
import { readOsaurusManifest } from './manifest.ts';
import { osaurusPlan } from './plan.ts';
import { writeRegistryEntry } from './registry-file.ts';

/**
 * `<zip>.minisig` in minisign's legacy format (`Ed`, the signature over the zip's bytes), with
 * the trusted comment `timestamp:<source-date-epoch>\tfile:<zip name>`; checked with our
 * verifier before it is written. Then, with `registry-entry`, the registry entry that carries
 * that signature.
 */
export async function signOsaurus(ctx: RunContext): Promise<Asset[]> {
  const { config, reporter } = ctx;
  if (config.osaurus.minisignSecretKey === '') return [];
  const manifest = await readOsaurusManifest(config);
  const zip = osaurusPlan(config, manifest).artifacts[0]!;
  const data = await fs.readFile(zip.path).catch((e: unknown) => {
    throw new ReleaseError(
      'DIST_MISSING',
      `${zip.path} is missing: pack the bundle first (command: pack or all) before signing it`,
      { cause: e },
    );
  });
  const key = secretKey(config);
  const epoch = await resolveEpoch(config.sourceDateEpoch, config.workingDirectory);
  const text = signLegacy(key, data, trustedComment(epoch, zip.name));
  const bad = verifyMinisig(text, data, key).filter((c) => !c.ok);
  if (bad.length > 0) {
    throw new ReleaseError(
      'SIGNING_FAILED',
      `the minisign signature of ${zip.name} does not verify: ${bad.map((c) => c.message).join('; ')}`,
    );
  }
  const asset = await writeAtomic(`${zip.path}.minisig`, text);
  reporter.info(`sign: ${asset.name} (minisign legacy Ed)`);
  if (config.registry.entry !== undefined) {
    const file = await writeRegistryEntry(config, manifest, {
      name: zip.name,
      sha256: createHash('sha256').update(data).digest('hex'),
      size: data.length,
      signature: text,
      epoch,
    });
    reporter.info(`sign: registry entry ${file}`);
  }
  return [asset];
}
