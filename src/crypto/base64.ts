/**
 * Base64 as keys and signatures travel: standard (RFC 4648 §4, `+/`, `=` padding) is what we
 * write; on input both standard and base64url (§5, `-_`) are accepted, padded or not. Decoding
 * is strict: one alphabet per string, no white space, correct padding, and no stray bits in the
 * last character (so every accepted text is the one encoding of its bytes).
 */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

/** Unpadded base64url: the form PRYZM's marketplace stores a publisher's key in. */
export function toBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

const STANDARD = /^[A-Za-z0-9+/]*={0,2}$/;
const URL_SAFE = /^[A-Za-z0-9_-]*={0,2}$/;

/** The bytes of standard or base64url text, or undefined when it is neither. */
export function decodeBase64(text: string): Uint8Array | undefined {
  const url = !STANDARD.test(text);
  if (url && !URL_SAFE.test(text)) return undefined;
  const body = text.replace(/=+$/, '');
  const padding = text.length - body.length;
  if (body.length % 4 === 1) return undefined;
  if (padding > 0 && (body.length + padding) % 4 !== 0) return undefined;
  const bytes = Buffer.from(body, url ? 'base64url' : 'base64');
  // Reject non-zero bits past the last byte: the re-encoding must give the same characters.
  const again = bytes.toString(url ? 'base64url' : 'base64').replace(/=+$/, '');
  return again === body ? new Uint8Array(bytes) : undefined;
}

/** The bytes of standard base64 with its padding (what the SDK and `atob` read), else undefined. */
export function decodeStandardBase64(text: string): Uint8Array | undefined {
  if (!STANDARD.test(text) || text.length % 4 !== 0) return undefined;
  return decodeBase64(text);
}
