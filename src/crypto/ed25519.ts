import { ed25519 } from '@noble/curves/ed25519.js';

/**
 * Ed25519 (RFC 8032, pure, not prehashed) from @noble/curves, the one implementation every
 * profile signs and verifies with: minisign's legacy `Ed`, Biosimulant's signature over the
 * checksum list, PRYZM's publisher signature. Keys are raw: a 32-byte seed (the "private key" of
 * RFC 8032) and a 32-byte public key; signatures are 64 bytes. Signing is deterministic, so the
 * same key and message always give the same bytes (reruns reproduce their signature files).
 */
export const SEED_BYTES = 32;
export const PUBLIC_KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;

export function ed25519PublicKey(seed: Uint8Array): Uint8Array {
  return ed25519.getPublicKey(seed);
}

export function ed25519Sign(seed: Uint8Array, message: Uint8Array): Uint8Array {
  return ed25519.sign(message, seed);
}

/** False for a wrong signature, and for a malformed key or signature (never throws). */
export function ed25519Verify(
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
): boolean {
  if (publicKey.length !== PUBLIC_KEY_BYTES || signature.length !== SIGNATURE_BYTES) return false;
  try {
    return ed25519.verify(signature, message, publicKey);
  } catch {
    return false;
  }
}
