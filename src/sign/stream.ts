/**
 * One streaming pass over a file: its SHA-256 and, at the same time, an ECDSA-SHA256 signature
 * (or a signature verifier) over its bytes. Tarballs are never held in memory whole.
 *
 * ECDSA-SHA256 over the bytes is exactly what a Sigstore message signature is (the bundle stores
 * the digest; verifiers hash the artifact and check the signature), so signing the stream is the
 * same as signing the buffer.
 */
import { createHash, createSign, createVerify } from 'node:crypto';
import type { KeyObject, Verify } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { ReleaseError } from '../errors.ts';
import type { ErrorCode } from '../errors.ts';

async function pump(
  path: string,
  sinks: { update(chunk: Buffer): unknown }[],
  failure: ErrorCode,
): Promise<number> {
  let size = 0;
  try {
    for await (const chunk of createReadStream(path)) {
      const buf = chunk as Buffer;
      size += buf.length;
      for (const s of sinks) s.update(buf);
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ReleaseError('DIST_MISSING', `${path} does not exist`);
    throw new ReleaseError(failure, `cannot read ${path}: ${(e as Error).message}`, {
      cause: e,
    });
  }
  return size;
}

/** SHA-256 of the file and its ECDSA-SHA256 signature (DER) with `privateKey`. */
export async function signFile(
  path: string,
  privateKey: KeyObject,
): Promise<{ digest: Buffer; signature: Buffer; size: number }> {
  const hash = createHash('sha256');
  const signer = createSign('sha256');
  const size = await pump(path, [hash, signer], 'SIGNING_FAILED');
  return { digest: hash.digest(), signature: signer.sign(privateKey), size };
}

/**
 * SHA-256 of the file and a verifier already fed with its bytes. `verify(key, signature)` may be
 * called once (node's Verify is single-use).
 */
export async function verifierForFile(
  path: string,
): Promise<{ digest: Buffer; verify(key: KeyObject, signature: Buffer): boolean }> {
  const hash = createHash('sha256');
  const verifier: Verify = createVerify('sha256');
  await pump(path, [hash, verifier], 'SIGNATURE_INVALID');
  let used = false;
  return {
    digest: hash.digest(),
    verify(key, signature) {
      if (used) return false; // fail closed rather than throw inside @sigstore/verify
      used = true;
      return verifier.verify(key, signature);
    },
  };
}
