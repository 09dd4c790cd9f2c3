import { ReleaseError } from '../../errors.ts';
import { PUBLIC_KEY_BYTES } from '../../crypto/ed25519.ts';
import { base64 } from './integrity.ts';
import { SIGNER_ID_RE } from './signing-key.ts';

/**
 * `trusted-signing-keys`: entries (split on commas and newlines by the config) that are either
 * `<base64 key>` (any signer with that key) or `<signer-id>=<base64 key>` (that signer with
 * that key). A malformed entry is a USAGE error: verify cannot judge with a broken policy.
 */
export interface TrustedKey {
  signerId: string | undefined;
  publicKey: Buffer;
}

export function parseTrustedKeys(entries: readonly string[]): TrustedKey[] {
  return entries.map((entry) => {
    // A bare key ends in '=' padding, so it is recognised first; a pair is then a signer id,
    // which has no '=', before the first '='.
    const bare = base64(entry, PUBLIC_KEY_BYTES);
    if (bare) return { signerId: undefined, publicKey: bare };
    const eq = entry.indexOf('=');
    const signerId = entry.slice(0, Math.max(0, eq)).trim();
    const key = SIGNER_ID_RE.test(signerId)
      ? base64(entry.slice(eq + 1).trim(), PUBLIC_KEY_BYTES)
      : undefined;
    if (!key) {
      throw new ReleaseError(
        'USAGE',
        `trusted-signing-keys entry '${entry.length > 60 ? `${entry.slice(0, 60)}...` : entry}' is not a base64 Ed25519 public key (44 characters) or <signer-id>=<key>; use the public_key value of a signature.json, e.g. acme-lab=${'A'.repeat(43)}=`,
      );
    }
    return { signerId, publicKey: key };
  });
}

export function isTrusted(
  trusted: readonly TrustedKey[],
  signerId: string,
  publicKey: Buffer,
): boolean {
  return trusted.some(
    (t) => t.publicKey.equals(publicKey) && (t.signerId === undefined || t.signerId === signerId),
  );
}
