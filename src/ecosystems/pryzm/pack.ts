import { createReadStream } from 'node:fs';
import path from 'node:path';
import { resolveEpoch, sidecarAsset, writeAtomic, writeSidecar } from '../../artifacts.ts';
import type { Config } from '../../config.ts';
import type { Asset, RunContext } from '../../context.ts';
import { canonicalJson } from '../../crypto/canonical-json.ts';
import { ReleaseError } from '../../errors.ts';
import { npmPack, npmPackFileName } from '../../npm/pack.ts';
import type { Reporter } from '../../report.ts';
import type { ProfileManifest, ProfilePlan } from '../types.ts';
import { loadPublisherKey, type PublisherKey } from './key.ts';
import { checkManifestText, isPryzmManifest, readPryzmManifest } from './manifest.ts';
import {
  makeSignature,
  SIGNATURE_SUFFIX,
  signatureFileText,
  signedAtFor,
  verifyPluginSignature,
} from './signature.ts';
import { readTarball, TARBALL_MANIFEST } from './tarball.ts';

/**
 * The artifact: npm's own tarball of the manifest's directory (scripts off), its `.sha256`, and
 * `<tarball>.signature.json`, the publisher's signature over the tarball's own validated
 * manifest and the tarball's SHA-256. Signing reads the manifest back out of the tarball, so the
 * signed manifest is the one the editor will find there, whatever was on disk.
 */
export function tarballName(manifest: ProfileManifest): string {
  if (!isPryzmManifest(manifest))
    throw new ReleaseError('INTERNAL', 'the pryzm plan needs the manifest its own reader returned');
  return npmPackFileName(manifest.packageName, manifest.version);
}

export function planPryzm(config: Config, manifest: ProfileManifest): ProfilePlan {
  const name = tarballName(manifest);
  return {
    artifacts: [{ name, path: path.join(config.distDir, name), target: null }],
    nativeFiles: [`${name}${SIGNATURE_SUFFIX}`],
    plainAssets: [],
  };
}

export async function packPryzm(ctx: RunContext): Promise<Asset[]> {
  const { config, reporter } = ctx;
  const manifest = await readPryzmManifest(config.manifestPath);
  const expected = tarballName(manifest);
  const packed = await npmPack(manifest.packageDir, config.distDir, config.env);
  if (packed.name !== expected)
    throw new ReleaseError(
      'NPM_PACK',
      `npm pack wrote ${packed.name}, but ${manifest.packageName}@${manifest.version} should give ${expected}: package.json changed while packing. Run again`,
    );
  if (!packed.files.includes('plugin.manifest.json'))
    throw new ReleaseError(
      'ARTIFACT_REFUSED',
      `${packed.name} does not contain plugin.manifest.json: npm left it out (package.json "files" or .npmignore), and PRYZM reads the manifest from the tarball. Add "plugin.manifest.json" to "files" in ${path.join(manifest.packageDir, 'package.json')}`,
      { location: { file: path.join(manifest.packageDir, 'package.json') } },
    );
  const strays = packed.files.filter((f) => /\.(tgz|sha256|signature\.json)$/.test(f));
  if (strays.length > 0)
    reporter.warning(
      `${packed.name} contains release files from an earlier run (${strays.slice(0, 3).join(', ')}): list only the plugin's files in package.json "files", or set dist outside the package`,
    );
  await writeSidecar(packed.file, packed.sha256);
  const asset: Asset = {
    name: packed.name,
    path: packed.file,
    size: packed.size,
    sha256: packed.sha256,
    target: null,
  };
  reporter.info(
    `pack: ${packed.name} (${packed.size} bytes, ${packed.files.length} files) by npm pack --ignore-scripts`,
  );
  return [asset, sidecarAsset(asset)];
}

/** Masks every form of the seed so no later output can show it. */
export function maskKey(reporter: Reporter, key: PublisherKey): void {
  const seed = Buffer.from(key.seed);
  for (const s of new Set([
    seed.toString('base64'),
    seed.toString('base64url'),
    seed.toString('hex'),
  ]))
    reporter.mask(s);
}

export function keySummary(key: PublisherKey): string {
  return [
    `Publisher public key (Ed25519, raw 32 bytes):`,
    `- standard base64, as in the signature file: \`${key.publicKeyB64}\``,
    `- unpadded base64url, the marketplace publisher record's form: \`${key.publicKeyB64Url}\``,
  ].join('\n');
}

export async function signPryzm(ctx: RunContext): Promise<Asset[]> {
  const { config, reporter } = ctx;
  const manifest = await readPryzmManifest(config.manifestPath);
  const name = tarballName(manifest);
  const file = path.join(config.distDir, name);
  const key = await loadPublisherKey(config.pryzm.publisherKey, config.workingDirectory);
  maskKey(reporter, key);
  const read = await readTarball(createReadStream(file)).catch((e: unknown) => {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new ReleaseError(
        'DIST_MISSING',
        `${file} does not exist: run pack first (command: pack or all)`,
      );
    throw e;
  });
  if (read.problem !== undefined)
    throw new ReleaseError(
      'ARTIFACT_REFUSED',
      `${file} is not a readable npm tarball (${read.problem}); run pack again`,
    );
  if (read.manifest === undefined)
    throw new ReleaseError(
      'ARTIFACT_REFUSED',
      `${file} has no ${TARBALL_MANIFEST}${read.manifestTooLarge ? ' under 1 MiB' : ''}: PRYZM reads the manifest from the tarball. Add "plugin.manifest.json" to "files" in package.json and pack again`,
    );
  const inside = checkManifestText(
    read.manifest.toString('utf8'),
    `${file}:${TARBALL_MANIFEST}`,
  ).validated;
  if (canonicalJson(inside) !== canonicalJson(manifest.validated))
    throw new ReleaseError(
      'ARTIFACT_REFUSED',
      `${name} holds a different plugin.manifest.json than ${manifest.file}: dist is stale. Run pack again`,
    );
  const signedAt = signedAtFor(await resolveEpoch(config.sourceDateEpoch, config.workingDirectory));
  const signature = makeSignature(inside, read.sha256, signedAt, key);
  const check = verifyPluginSignature(signature, { manifest: inside, fileSha256: read.sha256 });
  if (!check.ok)
    throw new ReleaseError('INTERNAL', `the signature just made does not verify: ${check.detail}`);
  const asset = await writeAtomic(`${file}${SIGNATURE_SUFFIX}`, signatureFileText(signature));
  reporter.info(
    `sign: ${asset.name}: Ed25519 over {manifest, fileSha256, signedAt ${signedAt}} with publisher key ${key.publicKeyB64} (base64url ${key.publicKeyB64Url})`,
  );
  reporter.summary(
    `### PRYZM signature\n\n\`${asset.name}\` signs \`${name}\` (SHA-256 \`${read.sha256}\`).\n\n${keySummary(key)}\n`,
  );
  return [asset];
}
