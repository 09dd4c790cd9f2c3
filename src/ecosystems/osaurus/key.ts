import type { Config } from '../../config.ts';
import {
  checkKeyPair,
  formatPublicKey,
  parsePublicKey,
  parseSecretKey,
  type MinisignPublicKey,
  type MinisignSecretKey,
} from '../../crypto/minisign-key.ts';

/**
 * The minisign key pair of a run: the secret key decrypted once (scrypt with minisign's default
 * limits takes seconds and 1 GiB, so preflight and signing share one derivation), checked against
 * `minisign-public-key` when that is given. The decrypted key lives only in this process.
 */
let memo: { text: string; password: string; key: MinisignSecretKey } | undefined;

export function secretKey(config: Config): MinisignSecretKey {
  const { minisignSecretKey: text, minisignPassword: password } = config.osaurus;
  if (memo?.text !== text || memo.password !== password)
    memo = { text, password, key: parseSecretKey(text, password) };
  if (config.osaurus.minisignPublicKey !== '')
    checkKeyPair(memo.key, parsePublicKey(config.osaurus.minisignPublicKey));
  return memo.key;
}

/**
 * The public key verify checks against: `minisign-public-key`, else the secret key's, else the
 * one a registry entry registers; undefined when there is none.
 */
export function publicKeyFor(config: Config, entryKey?: string): MinisignPublicKey | undefined {
  if (config.osaurus.minisignPublicKey !== '')
    return parsePublicKey(config.osaurus.minisignPublicKey);
  if (config.osaurus.minisignSecretKey !== '') return secretKey(config);
  return entryKey === undefined ? undefined : parsePublicKey(entryKey, 'the registry entry key');
}

export function publicKeyLine(config: Config): string {
  return formatPublicKey(secretKey(config));
}
