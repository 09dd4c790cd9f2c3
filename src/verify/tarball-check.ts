import type { TrustMaterial } from '@sigstore/verify';
import { LIMITS, MIB, formatBytes } from '../archive/limits.ts';
import { checkTarballContent } from './manifest.ts';
import { Findings } from './report.ts';
import { describeToken, parseSidecar } from './sidecar.ts';
import { prepareSignatureCheck, type IdentityPolicy, type SignatureFiles } from './signature.ts';
import { readSmall, type ArtifactSource } from './source.ts';
import { EntryRules } from './tar-rules.ts';
import { passTarball } from './tarball.ts';

/**
 * Everything about one tarball, in the installer's order: its size from the listing (an
 * oversized file is refused unread), the sidecar, then one streamed pass for the hash, gzip,
 * every tar entry and the signatures, and finally the extracted layout and manifest.
 */
export interface TarballContext {
  source: ArtifactSource;
  expected: { id: string | undefined; version: string | undefined };
  requireSignature: boolean;
  policy: IdentityPolicy;
  trust(): Promise<TrustMaterial>;
}

export async function signatureFiles(source: ArtifactSource, t: string): Promise<SignatureFiles> {
  const has = (k: string) => source.files.some((f) => f.name === `${t}.${k}`);
  const read = async (k: string) => (has(k) ? await readSmall(source, `${t}.${k}`) : undefined);
  return {
    sig: await read('sig'),
    cert: await read('cert'),
    pem: has('pem'),
    bundle: await read('bundle'),
    sigstoreJson: await read('sigstore.json'),
  };
}

/** The sidecar as the installer reads it; undefined (with a failed check) when unusable. */
async function expectedSha256(
  source: ArtifactSource,
  sidecar: string,
  findings: Findings,
): Promise<string | undefined> {
  if (!source.files.some((f) => f.name === sidecar)) {
    findings.fail('sha256', sidecar, 'ReleaseShape', `missing required asset ${sidecar}`);
    return undefined;
  }
  const body = await readSmall(source, sidecar);
  const parsed = body === undefined ? undefined : parseSidecar(body);
  if (parsed?.ok) return parsed.sha256;
  const why = body && parsed ? describeToken(body, parsed.token) : 'it is over 1 MiB';
  findings.fail(
    'sha256',
    sidecar,
    'Sha256Invalid',
    `the installer needs 64 hex digits as the first token: ${why}`,
  );
  return undefined;
}

export async function checkTarball(
  ctx: TarballContext,
  name: string,
  noarch: boolean,
): Promise<Findings> {
  const findings = new Findings();
  const { source } = ctx;
  const size = source.files.find((f) => f.name === name)?.size ?? 0;
  if (size > LIMITS.compressedBytes) {
    findings.fail(
      'size',
      name,
      'TarballTooLarge',
      `${name} is ${size} bytes (${formatBytes(size)}), over the installer's ${LIMITS.compressedBytes / MIB} MiB limit; refused without reading it`,
    );
    return findings;
  }
  findings.pass(
    'size',
    name,
    `${formatBytes(size)} compressed (limit ${LIMITS.compressedBytes / MIB} MiB)`,
  );

  const sidecarName = `${name}.sha256`;
  const expectedSha = await expectedSha256(source, sidecarName, findings);

  const signature = prepareSignatureCheck({
    tarball: name,
    files: await signatureFiles(source, name),
    required: ctx.requireSignature,
    policy: ctx.policy,
    trust: ctx.trust,
    findings,
  });
  const rules = new EntryRules({ tarball: name, id: ctx.expected.id, noarch, findings });
  const pass = await passTarball(await source.open(name), {
    onEntry: (e) => rules.add(e),
    sinks: signature.sinks,
  });

  if (expectedSha !== undefined && pass.sha256 !== expectedSha) {
    findings.fail(
      'sha256',
      name,
      'Sha256Mismatch',
      `sha256 mismatch: ${sidecarName} says ${expectedSha}, the file hashes to ${pass.sha256}`,
    );
  } else if (expectedSha !== undefined)
    findings.pass('sha256', name, `sha256 ${pass.sha256} matches ${sidecarName}`);

  // The signature is over the bytes, whatever they hold: judged before the content.
  await signature.finish(pass.sha256);

  const gz = pass.gzip;
  if (gz === undefined) {
    findings.fail(
      'gzip',
      name,
      'GzipInvalid',
      `${pass.gzipError ?? 'not gzip'}: the installer cannot decompress it`,
    );
    return findings;
  }
  if (gz.members > 1) {
    findings.fail(
      'gzip',
      name,
      'MultipleGzipMembers',
      `${gz.members} gzip members: the installer decodes only the first (${formatBytes(gz.decompressedSize)} of tar) and silently loses the rest. Compress the tar stream as one member`,
    );
  } else if (gz.trailingBytes > 0) {
    findings.warn(
      'gzip',
      name,
      'GzipInvalid',
      `${gz.trailingBytes} bytes after the gzip stream, which the installer ignores`,
    );
  }
  if (!gz.crcOk)
    findings.fail(
      'gzip',
      name,
      'GzipInvalid',
      'the gzip stream is corrupt or truncated (its CRC32/size trailer does not match)',
    );
  if (gz.members === 1 && gz.crcOk)
    findings.pass('gzip', name, `one gzip member, ${formatBytes(gz.decompressedSize)} of tar`);

  if (pass.tarProblem)
    findings.fail(
      'tar',
      name,
      'TarInvalid',
      `the installer's tar reader fails: ${pass.tarProblem}`,
    );
  if (pass.disagreement)
    findings.fail(
      'tar',
      name,
      'TarAmbiguous',
      `tar readers disagree on this archive: ${pass.disagreement}`,
    );
  rules.finish();
  if (
    !findings.list.some(
      (c) => c.status === 'fail' && ['tar', 'limits', 'modes', 'noarch'].includes(c.check),
    )
  ) {
    findings.pass(
      'tar',
      name,
      `${rules.summary()}: only files and directories, safe paths, within the installer's limits`,
    );
  }
  checkTarballContent(name, { ...pass, layout: rules.layout }, ctx.expected, findings);
  return findings;
}
