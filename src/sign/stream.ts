/**
 * One streaming pass over a file: its SHA-256 and, at the same time, an ECDSA-SHA256 signature
 * and/or a signature verifier over its bytes. Tarballs are never held in memory whole.
 *
 * ECDSA-SHA256 over the bytes is exactly what a Sigstore message signature is (the bundle stores
 * the digest; verifiers hash the artifact and check the signature), so signing the stream is the
 * same as signing the buffer.
 */
import { createHash, createSign, createVerify } from 'node:crypto';
import type { KeyObject, Verify } from 'node:crypto';
import { forEachChunk } from '../hash.ts';
import { ReleaseError } from '../errors.ts';
import type { ErrorCode } from '../errors.ts';

/** Feeds every byte of `path` to `sinks` (which consume synchronously); read errors become
 * DIST_MISSING or `failure`. */
async function pump(
  path: string,
  sinks: { update(chunk: Buffer): unknown }[],
  failure: ErrorCode,
): Promise<number> {
  try {
    return await forEachChunk(path, (chunk) => {
      for (const s of sinks) s.update(chunk);
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ReleaseError('DIST_MISSING', `${path} does not exist`);
    throw new ReleaseError(failure, `cannot read ${path}: ${(e as Error).message}`, {
      cause: e,
    });
  }
}

/** A Verify fed with a file's bytes; `verify(key, signature)` may be called once. */
export interface StreamedVerifier {
  verify(key: KeyObject, signature: Buffer): boolean;
}

function singleUse(verifier: Verify): StreamedVerifier {
  let used = false;
  return {
    verify(key, signature) {
      if (used) return false; // fail closed rather than throw inside @sigstore/verify
      used = true;
      return verifier.verify(key, signature);
    },
  };
}

/**
 * SHA-256 of the file, its ECDSA-SHA256 signature (DER) with `privateKey`, and a verifier fed with
 * the same bytes, for the self-check of the finished bundle without reading the file again.
 */
export async function signFile(
  path: string,
  privateKey: KeyObject,
): Promise<{ digest: Buffer; signature: Buffer; size: number; file: StreamedVerifier }> {
  const hash = createHash('sha256');
  const signer = createSign('sha256');
  const verifier = createVerify('sha256');
  const size = await pump(path, [hash, signer, verifier], 'SIGNING_FAILED');
  return {
    digest: hash.digest(),
    signature: signer.sign(privateKey),
    size,
    file: singleUse(verifier),
  };
}

/** A file's SHA-256 and a verifier fed with the same bytes. */
export type StreamedFile = { digest: Buffer } & StreamedVerifier;

/** SHA-256 of the file and a verifier already fed with its bytes. */
export async function verifierForFile(path: string): Promise<StreamedFile> {
  const hash = createHash('sha256');
  const verifier = createVerify('sha256');
  await pump(path, [hash, verifier], 'SIGNATURE_INVALID');
  return { digest: hash.digest(), ...singleUse(verifier) };
}
