/**
 * Independent checks for tests: read a certificate extension from DER, and verify a cosign legacy
 * bundle's SignedEntryTimestamp the way cosign does (ECDSA over the canonical JSON of the payload
 * with the transparency log's key from trusted_root.json).
 */
import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';

function encodeOID(oid: string): Buffer {
  const [a, b, ...rest] = oid.split('.').map(Number);
  const bytes = [40 * (a ?? 0) + (b ?? 0)];
  for (const n of rest) {
    const groups = [n & 0x7f];
    for (let v = n >>> 7; v > 0; v >>>= 7) groups.unshift((v & 0x7f) | 0x80);
    bytes.push(...groups);
  }
  return Buffer.from([0x06, bytes.length, ...bytes]);
}

function readLength(der: Buffer, at: number): { length: number; next: number } {
  const first = der[at] ?? 0;
  if (first < 0x80) return { length: first, next: at + 1 };
  const n = first & 0x7f;
  let length = 0;
  for (let i = 1; i <= n; i++) length = length * 256 + (der[at + i] ?? 0);
  return { length, next: at + 1 + n };
}

/** The extnValue octets of the extension `oid` in a DER certificate, or undefined. */
export function certificateExtension(der: Buffer, oid: string): Buffer | undefined {
  const needle = encodeOID(oid);
  const at = der.indexOf(needle);
  if (at < 0) return undefined;
  let p = at + needle.length;
  if (der[p] === 0x01) p += 3; // critical BOOLEAN
  if (der[p] !== 0x04) return undefined;
  const { length, next } = readLength(der, p + 1);
  return der.subarray(next, next + length);
}

/** A DER UTF8String's text (Fulcio's v2 extensions wrap their values in one). */
export function utf8String(der: Buffer): string | undefined {
  if (der[0] !== 0x0c) return undefined;
  const { length, next } = readLength(der, 1);
  return der.subarray(next, next + length).toString('utf8');
}

export interface LegacyBundle {
  base64Signature: string;
  cert: string;
  rekorBundle: {
    SignedEntryTimestamp: string;
    Payload: { body: string; integratedTime: number; logIndex: number; logID: string };
  };
}

/** True when the SET verifies over the payload with the first tlog key of the trusted root. */
export function legacySETVerifies(legacy: LegacyBundle, trustedRootPath: string): boolean {
  const root = JSON.parse(readFileSync(trustedRootPath, 'utf8')) as {
    tlogs: { publicKey: { rawBytes: string } }[];
  };
  const key = createPublicKey({
    key: Buffer.from(root.tlogs[0]?.publicKey.rawBytes ?? '', 'base64'),
    format: 'der',
    type: 'spki',
  });
  const p = legacy.rekorBundle.Payload;
  // RFC 8785 canonical form of this flat object: keys sorted, no whitespace.
  const canonical = JSON.stringify({
    body: p.body,
    integratedTime: p.integratedTime,
    logID: p.logID,
    logIndex: p.logIndex,
  });
  const sig = Buffer.from(legacy.rekorBundle.SignedEntryTimestamp, 'base64');
  return verify('sha256', Buffer.from(canonical), key, sig);
}
