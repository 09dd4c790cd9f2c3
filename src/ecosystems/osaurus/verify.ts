import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { verifyMinisig } from '../../crypto/minisign.ts';
import { readSmall } from '../../verify/source.ts';
import type { ProfileVerifyOptions } from '../types.ts';
import { resolveDylib } from './dylib.ts';
import { publicKeyFor } from './key.ts';
import { readOsaurusManifest } from './manifest.ts';
import { zipName } from './plan.ts';
import { parseEntry, registeredKey } from './registry-entry.ts';
import { entryPath } from './registry-file.ts';
import { EXTRACTOR } from './rules.ts';
import { parseArtifactName } from './semver.ts';
import { parseOsaurusTag } from './tag.ts';
import { checkRegistryEntry } from './verify-registry.ts';
import { checkZip } from './verify-zip.ts';

/**
 * The Osaurus contract's `verify`, over a local dist or a release's assets. Codes are the
 * installer's error names where it has one (`invalidNaming` for its "Invalid naming format",
 * checksumMismatch, downloadFailed, signatureRequired, keyIdMismatch, prehashNotSupported,
 * signatureVerificationFailed, invalidSignature, archiveRejected, layoutInvalid), else ours:
 * assetMissing, versionMismatch, sidecarInvalid, globalSignatureInvalid (minisign -V rejects
 * it), keyInvalid, zipFormat, bundleRefused, dylibMismatch, registryInvalid, registryKeyChanged.
 */
async function expected(o: ProfileVerifyOptions) {
  const manifest = await readOsaurusManifest(o.config).catch(() => undefined);
  let tagVersion: string | undefined;
  if (o.tag !== undefined) {
    try {
      tagVersion = parseOsaurusTag(o.tag).version;
    } catch (e) {
      o.findings.fail('tag', o.tag, 'versionMismatch', (e as Error).message);
    }
  }
  return { manifest, tagVersion };
}

export async function verifyOsaurus(
  o: ProfileVerifyOptions,
): Promise<{ id: string | null; version: string | null }> {
  const { config, source, findings: f } = o;
  const { manifest, tagVersion } = await expected(o);
  const zips = source.files.filter((x) => x.name.toLowerCase().endsWith('.zip'));
  const name =
    manifest !== undefined
      ? zipName(manifest.id, manifest.version)
      : zips.length === 1
        ? zips[0]!.name
        : undefined;
  const file = source.files.find((x) => x.name === name);
  if (name === undefined || file === undefined) {
    const found = zips.map((z) => z.name).join(', ') || 'none';
    f.fail(
      'name',
      source.label,
      'assetMissing',
      `no ${name ?? '<plugin_id>-<version>.zip'} to verify (zip files found: ${found})`,
    );
    return { id: manifest?.id ?? null, version: manifest?.version ?? tagVersion ?? null };
  }
  const parsed = parseArtifactName(name);
  const id = manifest?.id ?? parsed?.id ?? null;
  const version = manifest?.version ?? tagVersion ?? parsed?.version ?? null;
  if (parsed === undefined)
    f.fail(
      'name',
      name,
      'invalidNaming',
      'Invalid naming format. Expected: <plugin_id>-<version>.zip',
    );
  else if (parsed.id !== id || parsed.version !== version)
    f.fail(
      'name',
      name,
      'invalidNaming',
      `osaurus tools install reads id '${parsed.id}', version ${parsed.version}; expected ${id} ${version}`,
    );
  else f.pass('name', name, `osaurus tools install reads it as ${parsed.id} ${parsed.version}`);
  if (tagVersion !== undefined && version !== tagVersion)
    f.fail(
      'tag',
      o.tag!,
      'versionMismatch',
      `tag ${o.tag} names version ${tagVersion}, the bundle ${version}`,
    );

  if (file.size > EXTRACTOR.archiveBytes) {
    f.fail(
      'size',
      name,
      'downloadFailed',
      `${file.size} bytes; the installer downloads at most ${EXTRACTOR.archiveBytes}`,
    );
    return { id, version };
  }
  const buf = (await readSmall(source, name, EXTRACTOR.archiveBytes))!;
  const sha256 = createHash('sha256').update(buf).digest('hex');
  const sidecar = (await readSmall(source, `${name}.sha256`, 1024))?.toString('utf8');
  if (sidecar === undefined)
    f.fail('sha256', `${name}.sha256`, 'sidecarInvalid', 'the .sha256 sidecar is missing');
  else if (!/^[0-9a-f]{64}\n$/.test(sidecar))
    f.fail(
      'sha256',
      `${name}.sha256`,
      'sidecarInvalid',
      'not 64 lowercase hex digits and a newline',
    );
  else if (sidecar.trim() !== sha256)
    f.fail(
      'sha256',
      `${name}.sha256`,
      'checksumMismatch',
      `says ${sidecar.trim()}, the zip's SHA-256 is ${sha256}`,
    );
  else f.pass('sha256', `${name}.sha256`, `matches the zip: ${sha256}`);

  const dylib = checkZip(buf, { findings: f, subject: name, epoch: config.sourceDateEpoch });
  if (dylib !== undefined) {
    const local = await resolveDylib(config).catch(() => undefined);
    if (local === undefined)
      f.info('dylib', name, 'no local build to compare the bundled .dylib with');
    else {
      const want = createHash('sha256')
        .update(await fs.readFile(local))
        .digest('hex');
      const got = createHash('sha256').update(dylib).digest('hex');
      if (want === got) f.pass('dylib', name, `the bundled .dylib is the build at ${local}`);
      else
        f.fail(
          'dylib',
          name,
          'dylibMismatch',
          `the bundled .dylib (sha256 ${got}) is not the build at ${local} (${want})`,
        );
    }
  }

  const minisig = (await readSmall(source, `${name}.minisig`, 4096))?.toString('utf8');
  await checkSignature(o, name, buf, minisig, id);
  if (config.registry.entry !== undefined && id !== null && version !== null)
    await checkRegistryEntry(config, f, {
      id,
      version,
      zip: name,
      sha256,
      size: buf.length,
      minisig,
    });
  return { id, version };
}

async function checkSignature(
  o: ProfileVerifyOptions,
  name: string,
  buf: Buffer,
  minisig: string | undefined,
  id: string | null,
): Promise<void> {
  const { config, findings: f } = o;
  const subject = `${name}.minisig`;
  let entryKey: string | undefined;
  if (config.registry.entry !== undefined && id !== null) {
    const text = await fs.readFile(await entryPath(config, id), 'utf8').catch(() => undefined);
    entryKey = text === undefined ? undefined : registeredKey(tryParse(text));
  }
  let key;
  try {
    key = publicKeyFor(config, entryKey);
  } catch (e) {
    f.fail('minisig', subject, 'keyInvalid', (e as Error).message);
    return;
  }
  if (minisig === undefined) {
    const message =
      'no .minisig: registry installs refuse an unsigned artifact (sideloads do not check)';
    if (config.osaurus.minisignSecretKey !== '')
      f.fail('minisig', subject, 'signatureRequired', message);
    else f.warn('minisig', subject, 'signatureRequired', message);
    return;
  }
  if (key === undefined) {
    f.warn(
      'minisig',
      subject,
      'signatureRequired',
      'no public key to check the signature with: pass minisign-public-key',
    );
    return;
  }
  for (const c of verifyMinisig(minisig, buf, key)) {
    if (c.ok) f.pass('minisig', subject, c.message);
    else f.fail('minisig', subject, c.code, c.message);
  }
}

function tryParse(text: string): unknown {
  try {
    return parseEntry(text, 'registry-entry');
  } catch {
    return undefined;
  }
}
