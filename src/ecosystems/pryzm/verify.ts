import { decodeBase64, decodeStandardBase64 } from '../../crypto/base64.ts';
import { isReleaseError } from '../../errors.ts';
import type { Findings } from '../../verify/report.ts';
import { readSmall, type ArtifactSource } from '../../verify/source.ts';
import type { ProfileVerifyOptions } from '../types.ts';
import { checkManifestText } from './manifest.ts';
import { loadRevocations, type Revocations } from './revocation.ts';
import type { PryzmManifestValue } from './schema.ts';
import {
  CHECK_ORDER,
  parseSignatureFile,
  SIGNATURE_SUFFIX,
  verifyPluginSignature,
  type PluginSignature,
} from './signature.ts';
import { parsePryzmTag } from './tag.ts';
import { readTarball, TARBALL_MANIFEST } from './tarball.ts';

/**
 * What PRYZM's editor and marketplace check, over a local dist or a release's assets: the
 * expected manifest is the validated `package/plugin.manifest.json` inside the tarball, the
 * expected hash is the tarball's own SHA-256, and `<tarball>.signature.json` must pass the SDK
 * verifier's checks in its order with its reason codes (manifest-mismatch, tarball-mismatch,
 * signature-invalid, then, with a revocation list, publisher-revoked and plugin-revoked); then
 * `trusted-publisher-keys` (publisher-untrusted). One row per check; the first failing check
 * of the four decides, as in the SDK, so the later ones are reported as not run.
 */
async function tarballManifest(
  source: ArtifactSource,
  name: string,
  findings: Findings,
): Promise<{ manifest: PryzmManifestValue | undefined; sha256: string } | undefined> {
  const read = await readTarball(await source.open(name));
  if (read.problem !== undefined) {
    findings.fail(
      'tarball',
      name,
      'tarball-invalid',
      `not a readable gzip tar archive: ${read.problem}`,
    );
    return undefined;
  }
  findings.pass('tarball', name, `${read.size} bytes, SHA-256 ${read.sha256}`);
  const sidecar = await readSmall(source, `${name}.sha256`, 1024);
  const listed = sidecar?.toString('utf8').trim().split(/\s+/)[0];
  if (listed === undefined)
    findings.fail(
      'sha256',
      `${name}.sha256`,
      'sha256-missing',
      'no .sha256 sidecar next to the tarball',
    );
  else if (listed !== read.sha256)
    findings.fail(
      'sha256',
      `${name}.sha256`,
      'sha256-mismatch',
      `says ${listed}, the tarball is ${read.sha256}`,
    );
  else findings.pass('sha256', `${name}.sha256`, 'matches the tarball');
  const subject = `${name}:${TARBALL_MANIFEST}`;
  if (read.manifest === undefined) {
    findings.fail(
      'manifest',
      subject,
      'manifest-missing',
      `the tarball has no ${TARBALL_MANIFEST}${read.manifestTooLarge ? ' under 1 MiB' : ''}; PRYZM reads the manifest from there`,
    );
    return { manifest: undefined, sha256: read.sha256 };
  }
  try {
    const { validated } = checkManifestText(read.manifest.toString('utf8'), subject);
    findings.pass(
      'manifest',
      subject,
      `${validated.id} ${validated.version}: valid under PRYZM's v1 schema`,
    );
    return { manifest: validated, sha256: read.sha256 };
  } catch (e) {
    if (!isReleaseError(e)) throw e;
    findings.fail(
      'manifest',
      subject,
      'manifest-invalid',
      e.diagnostics.map((d) => d.message).join('; ') || e.message,
    );
    return { manifest: undefined, sha256: read.sha256 };
  }
}

async function signatureChecks(
  o: ProfileVerifyOptions,
  sigName: string,
  sig: PluginSignature,
  expected: { manifest: PryzmManifestValue; fileSha256: string },
): Promise<void> {
  const { findings, config } = o;
  let list: Revocations | undefined;
  if (config.pryzm.revocationList !== undefined) {
    list = await loadRevocations(config.pryzm.revocationList, config.env).catch((e: unknown) => {
      findings.fail('revocation', sigName, 'revocation-list-unreadable', (e as Error).message);
      return undefined;
    });
    if (list === undefined) return;
  }
  const result = verifyPluginSignature(
    sig,
    expected,
    list && { list, publisher: config.pryzm.publisher },
  );
  const decided = result.ok
    ? undefined
    : CHECK_ORDER.findIndex(
        (c) =>
          c.reason === (result.reason === 'plugin-revoked' ? 'publisher-revoked' : result.reason),
      );
  const passed = [
    "the signed manifest is the tarball's validated manifest (canonical JSON)",
    "fileSha256 is the tarball's SHA-256",
    `Ed25519 signature verifies with publisher key ${sig.publisherPublicKeyB64}`,
    list === undefined
      ? ''
      : `neither the publisher key nor the plugin version is in the revocation list (${list.source})`,
  ];
  CHECK_ORDER.forEach(({ check }, i) => {
    if (check === 'revocation' && list === undefined) return;
    if (decided === undefined || i < decided) findings.pass(check, sigName, passed[i]!);
    else if (i === decided && !result.ok)
      findings.fail(check, sigName, result.reason, result.detail);
    else findings.info(check, sigName, `not checked: PRYZM's verifier stops at the first failure`);
  });
  const trusted = config.pryzm.trustedPublisherKeys;
  if (trusted.length === 0) return;
  const key = decodeStandardBase64(sig.publisherPublicKeyB64);
  const ok =
    key !== undefined &&
    trusted.some((t) => {
      const b = decodeBase64(t);
      return b !== undefined && Buffer.from(b).equals(Buffer.from(key));
    });
  if (ok)
    findings.pass(
      'trusted-publisher-keys',
      sigName,
      `publisher key ${sig.publisherPublicKeyB64} is one of trusted-publisher-keys`,
    );
  else
    findings.fail(
      'trusted-publisher-keys',
      sigName,
      'publisher-untrusted',
      `publisher key ${sig.publisherPublicKeyB64} is not one of the ${trusted.length} trusted-publisher-keys`,
    );
}

export async function verifyPryzm(
  o: ProfileVerifyOptions,
): Promise<{ id: string | null; version: string | null }> {
  const { source, findings } = o;
  const tarballs = source.files.filter((f) => f.name.endsWith('.tgz'));
  if (tarballs.length === 0) {
    findings.fail(
      'tarball',
      source.label,
      'tarball-missing',
      'no npm pack tarball (.tgz): a PRYZM release carries one, with its .sha256 and .signature.json',
    );
    return { id: null, version: null };
  }
  if (tarballs.length > 1)
    findings.warn(
      'tarball',
      source.label,
      'tarball-ambiguous',
      `${tarballs.length} tarballs (${tarballs.map((t) => t.name).join(', ')}); a PRYZM release carries one`,
    );
  let found: { id: string | null; version: string | null } = { id: null, version: null };
  for (const { name } of tarballs) {
    const read = await tarballManifest(source, name, findings);
    const manifest = read?.manifest;
    if (manifest !== undefined) found = { id: manifest.id, version: manifest.version };
    if (manifest !== undefined && o.tag !== undefined) {
      let version: string | undefined;
      try {
        version = parsePryzmTag(o.tag).version;
      } catch (e) {
        findings.fail('version', name, 'tag-invalid', (e as Error).message);
      }
      if (version !== undefined && version !== manifest.version)
        findings.fail(
          'version',
          name,
          'version-mismatch',
          `the manifest's version ${manifest.version} is not the tag's ${o.tag}`,
        );
      else if (version !== undefined)
        findings.pass('version', name, `${manifest.version} matches tag ${o.tag}`);
    }
    const sigName = `${name}${SIGNATURE_SUFFIX}`;
    const bytes = await readSmall(source, sigName);
    if (bytes === undefined) {
      findings.fail(
        'signature-file',
        sigName,
        'signature-missing',
        'missing (or over 1 MiB): PRYZM refuses a plugin without its publisher signature',
      );
      continue;
    }
    const sig = parseSignatureFile(bytes);
    if (typeof sig === 'string') {
      findings.fail(
        'signature-file',
        sigName,
        'signature-malformed',
        `${sig}; expected {payload: {manifest, fileSha256, signedAt}, signatureB64, publisherPublicKeyB64}`,
      );
      continue;
    }
    findings.pass('signature-file', sigName, `signed at ${sig.payload.signedAt} (audit only)`);
    if (read === undefined || manifest === undefined) {
      findings.info(
        'signature',
        sigName,
        'not checked: the tarball has no valid manifest to compare with',
      );
      continue;
    }
    await signatureChecks(o, sigName, sig, { manifest, fileSha256: read.sha256 });
  }
  return found;
}
