/**
 * verify for Biosimulant: every `.bsiplugin` in the source (a local dist or a release's assets)
 * through the contract's table (verify-package.ts), then its `.sha256` sidecar. Defects are
 * failed rows, never exceptions; a malformed `trusted-signing-keys` is a USAGE error.
 */
import { createHash } from 'node:crypto';
import { parseSidecar } from '../../verify/sidecar.ts';
import { readSmall, type ArtifactSource } from '../../verify/source.ts';
import type { Findings } from '../../verify/report.ts';
import type { ProfileVerifyOptions } from '../types.ts';
import { EXTENSION } from './plan.ts';
import { parseTrustedKeys } from './trust.ts';
import { verifyPackage } from './verify-package.ts';

/** A ZIP without ZIP64 ends before 4 GiB. */
const MAX_PACKAGE = 0xffffffff;

async function readAll(source: ArtifactSource, name: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of await source.open(name)) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

async function sidecarRow(source: ArtifactSource, pkg: string, bytes: Buffer, f: Findings) {
  const name = `${pkg}.sha256`;
  const actual = createHash('sha256').update(bytes).digest('hex');
  const body = await readSmall(source, name, 4096);
  if (body === undefined) {
    const there = source.files.some((x) => x.name === name);
    f.warn(
      'sidecar',
      name,
      'Sha256Missing',
      there ? `${name} is larger than a checksum file` : `${name} is missing next to ${pkg}`,
    );
    return;
  }
  const parsed = parseSidecar(body);
  if (!parsed.ok)
    f.fail('sidecar', name, 'Sha256Invalid', `${name} does not hold a SHA-256 in hex`);
  else if (parsed.sha256 !== actual)
    f.fail(
      'sidecar',
      name,
      'Sha256Mismatch',
      `${name} says ${parsed.sha256}; ${pkg} hashes to ${actual}`,
    );
  else f.pass('sidecar', name, `matches ${pkg}`);
}

export async function verifyBiosimulant(
  o: ProfileVerifyOptions,
): Promise<{ id: string | null; version: string | null }> {
  const { config, source, findings: f } = o;
  const keys = config.biosimulant.trustedSigningKeys;
  const policy = {
    tag: o.tag,
    trusted: keys.length > 0 ? parseTrustedKeys(keys) : undefined,
    requireSignature: config.requireSignature,
  };
  const packages = source.files.filter((x) => x.name.endsWith(EXTENSION));
  if (packages.length === 0) {
    f.fail(
      'package',
      source.label,
      'BSI_PACKAGE_MISSING',
      `no ${EXTENSION} package in ${source.label}; pack it first (command: pack), or check the tag`,
    );
    return { id: null, version: null };
  }
  let found: { id: string | null; version: string | null } = { id: null, version: null };
  for (const file of packages) {
    if (file.size > MAX_PACKAGE) {
      f.fail(
        'archive',
        file.name,
        'BSI_ARCHIVE_UNSAFE',
        `${file.size} bytes: larger than a ZIP without ZIP64 can be`,
      );
      continue;
    }
    const bytes = await readAll(source, file.name);
    const manifest = verifyPackage(file.name, bytes, policy, f);
    if (manifest && found.id === null) found = { id: manifest.id, version: manifest.version };
    await sidecarRow(source, file.name, bytes, f);
  }
  return found;
}
