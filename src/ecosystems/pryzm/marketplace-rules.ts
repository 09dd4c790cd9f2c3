import { ReleaseError } from '../../errors.ts';
import type { HttpResult } from './http.ts';

/**
 * The PRYZM marketplace v1 API's answers to `POST /v1/plugins/<publisher>/<id>/versions`
 * (`apps/marketplace-api/src/app.ts`) and what each one means for the release. Pure: the
 * Destination in marketplace.ts does the requests.
 */
export const SLUG_RE = /^[a-z][a-z0-9-]{1,63}\/[a-z][a-z0-9-]{1,63}$/;

export function checkSlug(publisher: string, id: string): string {
  const slug = `${publisher}/${id}`;
  if (!SLUG_RE.test(slug) || slug.length > 128)
    throw new ReleaseError(
      'MARKETPLACE',
      `the marketplace plugin id '${slug}' (pryzm-publisher/manifest id) does not match <publisher>/<plugin>: each part a lowercase letter, then 1 to 63 letters a-z, digits or "-". Fix pryzm-publisher (your publisher slug on the marketplace)`,
    );
  return slug;
}

export type Outcome =
  | { kind: 'created' }
  /** 409 version_exists: look at the versions already there. */
  | { kind: 'exists' }
  | { kind: 'error'; error: ReleaseError };

function quote(v: unknown): string {
  const s = JSON.stringify(v) ?? 'nothing';
  return s.length > 2000 ? `${s.slice(0, 2000)}...` : s;
}

export function classify(
  res: HttpResult,
  ctx: { slug: string; version: string; url: string; key: { b64: string; b64url: string } },
): Outcome {
  const body = (res.json ?? {}) as {
    error?: unknown;
    reason?: unknown;
    issues?: unknown;
    errors?: unknown;
  };
  const code = typeof body.error === 'string' ? body.error : undefined;
  const fail = (
    message: string,
    errorCode: 'MARKETPLACE' | 'VERSION_EXISTS' = 'MARKETPLACE',
  ): Outcome => ({
    kind: 'error',
    error: new ReleaseError(
      errorCode,
      `marketplace ${ctx.url} answered ${res.status}${code ? ` ${code}` : ''} for ${ctx.slug}@${ctx.version}: ${message}`,
    ),
  });
  if (res.status === 201) return { kind: 'created' };
  if (res.status === 409 && code === 'version_exists') return { kind: 'exists' };
  if (res.status === 400 && code === 'invalid_plugin_id')
    return fail(
      `'${ctx.slug}' must match <publisher>/<plugin> (${SLUG_RE.source}). Fix pryzm-publisher or the manifest id`,
    );
  if (res.status === 404 && code === 'plugin_not_found')
    return fail(
      `the marketplace has no plugin ${ctx.slug}. Create the plugin in the marketplace first (under publisher ${ctx.slug.split('/')[0]}), then run again`,
    );
  if (res.status === 400 && code === 'invalid_body')
    return fail(
      `it refused the request body: ${quote(body.issues)}. This is a bug in plugin-release-action if the signature file was not edited; report it with this message`,
    );
  if (res.status === 400 && code === 'invalid_manifest')
    return fail(
      `it refused the signed manifest: ${quote(body.errors)}. Fix plugin.manifest.json and release a new version`,
    );
  if (res.status === 403 && code === 'signature_rejected')
    return fail(
      `it rejected the signature: ${typeof body.reason === 'string' ? body.reason : quote(body.reason)} (publisher-revoked: the key is on the marketplace's revocation list; plugin-revoked: this version is; signature-invalid / manifest-mismatch / tarball-mismatch: the signature file does not match what was sent)`,
    );
  if (res.status === 409 && code === 'publisher_missing')
    return fail(
      'the plugin has no registered publisher. Register the publisher (with its Ed25519 public key) in the marketplace, then run again',
    );
  if (res.status === 403 && code === 'publisher_key_mismatch')
    return fail(
      `the publisher's registered key is not this release's signing key. This release is signed by ${ctx.key.b64} (standard base64, as the SDK and the editor need it; in unpadded base64url, the form the publisher record stores: ${ctx.key.b64url}). If the record holds that base64url key, the marketplace compares the two encodings as strings and can never match a padded key: ask its operators to compare the key bytes. Otherwise register this key, or sign with the registered one`,
    );
  if (res.status === 401)
    return fail(
      'the token was not accepted. Check marketplace-token (a marketplace API token, sent as Bearer)',
    );
  if (res.status === 403)
    return fail(
      `the token may not publish versions: it needs the scope project:write. Use a token with that scope in marketplace-token${code ? '' : ` (body: ${quote(res.json ?? res.text.slice(0, 500))})`}`,
    );
  return fail(
    `unexpected answer${res.status === 429 || res.status >= 500 ? ' after retries' : ''}: ${quote(res.json ?? res.text.slice(0, 500))}. Check marketplace-url and the marketplace's status, then run again (a rerun of the same release is safe)`,
  );
}

/** 409 version_exists: the same bundle already there is our own earlier run. */
export function existingVersion(
  res: HttpResult,
  version: string,
): { found: false } | { found: true; bundleSha256: unknown } | { error: string } {
  if (res.status !== 200)
    return {
      error: `GET versions answered ${res.status}: ${quote(res.json ?? res.text.slice(0, 500))}`,
    };
  const items = (res.json as { items?: unknown } | undefined)?.items;
  if (!Array.isArray(items)) return { error: 'GET versions answered without an items array' };
  const row = items.find((i) => (i as { version?: unknown } | null)?.version === version) as
    { bundleSha256?: unknown } | undefined;
  return row === undefined ? { found: false } : { found: true, bundleSha256: row.bundleSha256 };
}
