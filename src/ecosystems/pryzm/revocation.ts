import { readFile } from 'node:fs/promises';
import { decodeBase64 } from '../../crypto/base64.ts';
import { ReleaseError } from '../../errors.ts';
import { httpJson } from './http.ts';

/**
 * PRYZM's revocation list (CRL), `{issuedAt, revokedPublisherKeysB64[], revokedPluginIdAtVersion[]}`
 * as the marketplace serves it (`GET /v1/revocations.json`); missing arrays count as empty, as
 * the SDK's `fromCrlJSON` reads them. We check more than the SDK does: publisher keys are
 * compared as bytes (a base64url entry still revokes a padded key), and a plugin is revoked by
 * `<id>@<version>` (the SDK's form) or `<publisher>/<id>@<version>` (the marketplace's form).
 * A list that cannot be read fails the run: a revocation check that fails open protects no one.
 */
export interface Revocations {
  issuedAt: string | undefined;
  /** The file or URL it came from. */
  source: string;
  isPublisherRevoked(publicKey: Uint8Array): boolean;
  /** The matching entry (`id@version` or `publisher/id@version`), or undefined. */
  revokedPlugin(id: string, version: string, publisher: string | undefined): string | undefined;
}

function unreadable(source: string, why: string, cause?: unknown): ReleaseError {
  return new ReleaseError(
    'PREFLIGHT',
    `cannot use the revocation list ${source}: ${why}. Nothing was uploaded: without the list the release cannot be shown not to be revoked. Fix revocation-list (a file, or the marketplace's https://<host>/v1/revocations.json) and run again`,
    cause === undefined ? {} : { cause },
  );
}

function strings(json: Record<string, unknown>, key: string, source: string): string[] {
  const v = json[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
    throw unreadable(source, `${key} is not an array of strings`);
  return v as string[];
}

export function parseRevocations(json: unknown, source: string): Revocations {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw unreadable(source, 'it is not a JSON object');
  const o = json as Record<string, unknown>;
  const keys = strings(o, 'revokedPublisherKeysB64', source);
  const ids = new Set(strings(o, 'revokedPluginIdAtVersion', source));
  const keyBytes = keys.map((k) => decodeBase64(k)).filter((b) => b !== undefined);
  return {
    issuedAt: typeof o.issuedAt === 'string' ? o.issuedAt : undefined,
    source,
    isPublisherRevoked: (pk) =>
      keyBytes.some((b) => Buffer.from(b).equals(Buffer.from(pk))) ||
      keys.includes(Buffer.from(pk).toString('base64')),
    revokedPlugin: (id, version, publisher) => {
      const forms = [`${id}@${version}`];
      if (publisher !== undefined) forms.push(`${publisher}/${id}@${version}`);
      return forms.find((f) => ids.has(f));
    },
  };
}

export async function loadRevocations(
  source: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<Revocations> {
  let json: unknown;
  if (/^https?:\/\//.test(source)) {
    const res = await httpJson({
      method: 'GET',
      url: source,
      env,
      what: 'the revocation list',
    }).catch((e: unknown) => {
      throw unreadable(source, (e as Error).message, e);
    });
    if (res.status !== 200) throw unreadable(source, `GET answered ${res.status}`);
    if (res.json === undefined) throw unreadable(source, 'the response is not JSON');
    json = res.json;
  } else {
    let text: string;
    try {
      text = await readFile(source, 'utf8');
    } catch (e) {
      throw unreadable(source, (e as Error).message, e);
    }
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw unreadable(source, `it is not JSON (${(e as Error).message})`, e);
    }
  }
  return parseRevocations(json, source);
}
