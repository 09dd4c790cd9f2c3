/**
 * Builds the Sigstore bundle of one file from a streamed digest and signature.
 *
 * This is what @sigstore/sign's MessageSignatureBundleBuilder does (package the signature, let
 * every witness testify in parallel, merge their material), minus its need for the whole artifact
 * in memory: it hashes `artifact.data` and signs the buffer. The packaging is
 * @sigstore/bundle's `toMessageSignatureBundle` (which takes a digest) and the witnessing is
 * RekorWitness/TSAWitness, so no protocol is reimplemented. Without `certificateChain` the
 * bundle is v0.3 (`application/vnd.dev.sigstore.bundle.v0.3+json`, leaf in `certificate`).
 */
import { toMessageSignatureBundle } from '@sigstore/bundle';
import type { Bundle } from '@sigstore/bundle';
import type { Witness } from '@sigstore/sign';
import type { SigningKey } from './certificate.ts';
import { signFile, type StreamedFile } from './stream.ts';

export async function createBundle(
  path: string,
  key: SigningKey,
  witnesses: readonly Witness[],
): Promise<{ bundle: Bundle; file: StreamedFile }> {
  const { digest, signature, file } = await signFile(path, key.privateKey);
  const bundle = toMessageSignatureBundle({
    digest,
    signature,
    certificate: key.certificate.raw,
    certificateChain: false,
  });
  const materials = await Promise.all(
    witnesses.map((w) => w.testify(bundle.content, key.certificatePEM)),
  );
  const tlogEntries = materials.flatMap((m) => m.tlogEntries ?? []);
  const rfc3161Timestamps = materials.flatMap((m) => m.rfc3161Timestamps ?? []);
  bundle.verificationMaterial.tlogEntries = tlogEntries;
  bundle.verificationMaterial.timestampVerificationData = { rfc3161Timestamps };
  return { bundle, file: { digest, verify: (k, sig) => file.verify(k, sig) } };
}
