import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunContext } from '../../context.ts';
import { decodeStandardBase64, toBase64Url } from '../../crypto/base64.ts';
import { ReleaseError } from '../../errors.ts';
import { sha256File } from '../../hash.ts';
import { markdownTable } from '../../report.ts';
import type { Destination } from '../types.ts';
import { httpJson } from './http.ts';
import { readPryzmManifest } from './manifest.ts';
import { checkSlug, classify, existingVersion } from './marketplace-rules.ts';
import { tarballName } from './pack.ts';
import { VERSION_RE } from './schema.ts';
import { parseSignatureFile, SIGNATURE_SUFFIX, type PluginSignature } from './signature.ts';

/**
 * Submission to the PRYZM marketplace, after the GitHub release is live:
 * `POST <marketplace-url>/v1/plugins/<pryzm-publisher>/<id>/versions` with
 * `{version, bundleUrl, bundleSha256, signature}`, Bearer `marketplace-token`. The server never
 * downloads bundleUrl and never compares version or slug with the signed manifest, so we do
 * before sending. A rerun is safe: 409 `version_exists` with our bundle's SHA-256 is success.
 */
async function releaseFile(ctx: RunContext, name: string): Promise<Buffer> {
  const local = await readFile(path.join(ctx.config.distDir, name)).catch(() => undefined);
  if (local !== undefined) return local;
  const gh = ctx.state.github;
  const asset =
    gh === undefined
      ? undefined
      : (await gh.api.listAssets(gh.release.id)).find((a) => a.name === name);
  if (gh === undefined || asset === undefined)
    throw new ReleaseError(
      'DIST_MISSING',
      `${name} is neither in ${ctx.config.distDir} nor on the release: nothing to submit to the marketplace`,
    );
  const parts: Buffer[] = [];
  for await (const c of await gh.api.downloadAsset(asset.id)) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

/** The tarball's public download URL on the published release. */
async function bundleUrl(ctx: RunContext, name: string): Promise<string> {
  const gh = ctx.state.github;
  if (gh !== undefined) {
    const asset = (await gh.api.listAssets(gh.release.id)).find((a) => a.name === name);
    if (asset !== undefined) return asset.browser_download_url;
  }
  const url = ctx.state.assets?.find((a) => a.name === name)?.url;
  if (url === undefined)
    throw new ReleaseError(
      'MARKETPLACE',
      `${name} has no download URL: it is not on the GitHub release of this run. Publish the release (command: all or publish), then submit`,
    );
  return url;
}

async function bundleSha(ctx: RunContext, name: string): Promise<string | undefined> {
  const known = ctx.state.assets?.find((a) => a.name === name)?.sha256;
  if (known !== undefined) return known;
  return sha256File(path.join(ctx.config.distDir, name)).catch(() => undefined);
}

function checkAgainstManifest(
  sig: PluginSignature,
  id: string,
  version: string,
  file: string,
): void {
  const m = sig.payload.manifest as { id?: unknown; version?: unknown };
  if (m.id !== id || m.version !== version)
    throw new ReleaseError(
      'ARTIFACT_REFUSED',
      `${file} signs ${String(m.id)}@${String(m.version)}, but this release is ${id}@${version}: the marketplace would store it under the wrong plugin or version. Run pack again`,
    );
  if (!VERSION_RE.test(version))
    throw new ReleaseError(
      'MARKETPLACE',
      `version ${version} is not MAJOR.MINOR.PATCH without leading zeros; the marketplace refuses it`,
    );
}

async function submit(ctx: RunContext): Promise<void> {
  const { config, reporter } = ctx;
  const { marketplaceUrl, marketplaceToken, publisher } = config.pryzm;
  reporter.mask(marketplaceToken);
  const manifest = await readPryzmManifest(config.manifestPath);
  const slug = checkSlug(publisher!, manifest.id);
  const name = tarballName(manifest);
  const sigName = `${name}${SIGNATURE_SUFFIX}`;
  const parsed = parseSignatureFile(await releaseFile(ctx, sigName));
  if (typeof parsed === 'string')
    throw new ReleaseError('ARTIFACT_REFUSED', `${sigName} is ${parsed}; run pack again`);
  checkAgainstManifest(parsed, manifest.id, manifest.version, sigName);
  const sha = await bundleSha(ctx, name);
  if (sha !== undefined && sha !== parsed.payload.fileSha256)
    throw new ReleaseError(
      'ARTIFACT_REFUSED',
      `${sigName} signs SHA-256 ${parsed.payload.fileSha256}, but ${name} is ${sha}: run pack again`,
    );
  const keyBytes = decodeStandardBase64(parsed.publisherPublicKeyB64);
  const key = {
    b64: parsed.publisherPublicKeyB64,
    b64url: keyBytes ? toBase64Url(keyBytes) : '(not base64)',
  };
  const body = {
    version: manifest.version,
    bundleUrl: await bundleUrl(ctx, name),
    bundleSha256: parsed.payload.fileSha256,
    signature: parsed,
  };
  const url = `${marketplaceUrl}/v1/plugins/${slug}/versions`;
  const onRetry = (status: number, wait: number, attempt: number) =>
    reporter.info(
      `marketplace: ${url} answered ${status}; retrying in ${wait} ms (attempt ${attempt + 2})`,
    );
  const res = await httpJson({
    method: 'POST',
    url,
    token: marketplaceToken,
    body,
    env: config.env,
    what: 'the marketplace',
    onRetry,
  });
  const outcome = classify(res, { slug, version: manifest.version, url: marketplaceUrl!, key });
  if (outcome.kind === 'error') throw outcome.error;
  let result = 'submitted (201)';
  if (outcome.kind === 'exists') {
    const list = await httpJson({
      method: 'GET',
      url,
      token: marketplaceToken,
      env: config.env,
      what: 'the marketplace',
      onRetry,
    });
    const found = existingVersion(list, manifest.version);
    if ('error' in found)
      throw new ReleaseError(
        'MARKETPLACE',
        `marketplace ${marketplaceUrl} says ${slug}@${manifest.version} exists (409 version_exists), and listing its versions failed: ${found.error}. Run again`,
      );
    if (!found.found || found.bundleSha256 !== body.bundleSha256)
      throw new ReleaseError(
        'VERSION_EXISTS',
        `marketplace ${marketplaceUrl} already has ${slug}@${manifest.version}${found.found ? ` with bundle SHA-256 ${String(found.bundleSha256)}` : ''}, not this release's ${body.bundleSha256}: that version is burned on the marketplace. Bump the version (plugin.manifest.json and package.json), tag v<new version> and release again`,
      );
    result = 'already there with the same bundle SHA-256 (a rerun): nothing to do';
  }
  reporter.info(`marketplace: ${slug}@${manifest.version} ${result}`);
  reporter.summary(
    `### PRYZM marketplace\n\n${markdownTable(
      ['plugin', 'version', 'bundle', 'result'],
      [[slug, manifest.version, `[${name}](${body.bundleUrl}) \`${body.bundleSha256}\``, result]],
    )}\n`,
  );
}

export const marketplaceDestination: Destination = {
  name: 'marketplace',
  skip(ctx) {
    const { marketplaceUrl, marketplaceToken, publisher } = ctx.config.pryzm;
    const missing = [
      marketplaceUrl === undefined ? 'marketplace-url' : undefined,
      marketplaceToken === '' ? 'marketplace-token' : undefined,
      publisher === undefined ? 'pryzm-publisher' : undefined,
    ].filter((m) => m !== undefined);
    if (missing.length === 3) return 'marketplace-url is not set (no PRYZM marketplace submission)';
    if (missing.length > 0)
      return `${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set, so nothing is submitted to the PRYZM marketplace`;
    if (ctx.config.dryRun) return 'dry run: nothing is submitted to the PRYZM marketplace';
    if (ctx.state.github?.release.draft === true)
      return 'the release is a draft, so its download URL is not public: publish it, then run publish again to submit';
    return undefined;
  },
  run: submit,
};
