import { createHash } from 'node:crypto';
import type { Config } from '../config.ts';
import { loadTrustMaterial, trustedRootSource } from '../sign/verify.ts';
import { identityPolicy } from './policy.ts';
import type { Findings } from './report.ts';
import { prepareSignatureCheck } from './signature.ts';
import type { ArtifactSource } from './source.ts';
import { signatureFiles } from './tarball-check.ts';

/**
 * Sigstore keyless files next to the artifacts of the profiles other than nexo (whose tarball
 * check does this in its own single pass): for each artifact that carries any of `.sig`,
 * `.cert`, `.pem`, `.bundle`, `.sigstore.json`, the checks `cosign verify-blob` makes, with the
 * same identity policy as nexo's. These ecosystems' consumers do not require Sigstore (their
 * own signature is what `require-signature` means there), so absent files are information.
 */
const KINDS = ['sig', 'cert', 'pem', 'bundle', 'sigstore.json'];

export async function checkSigstoreFiles(
  config: Config,
  source: ArtifactSource,
  findings: Findings,
): Promise<void> {
  const names = new Set(source.files.map((f) => f.name));
  const artifacts = [...names].filter(
    (n) => names.has(`${n}.sha256`) && KINDS.some((k) => names.has(`${n}.${k}`)),
  );
  const root = trustedRootSource(config.trustedRoot);
  let trust: ReturnType<typeof loadTrustMaterial> | undefined;
  for (const name of artifacts) {
    const check = prepareSignatureCheck({
      tarball: name,
      files: await signatureFiles(source, name),
      required: false,
      policy: identityPolicy(config, config.repo),
      trust: () => (trust ??= loadTrustMaterial(root)),
      findings,
    });
    const hash = createHash('sha256');
    for await (const chunk of await source.open(name)) {
      hash.update(chunk as Buffer);
      for (const s of check.sinks) s.update(chunk as Buffer);
    }
    await check.finish(hash.digest('hex'));
  }
}
