/**
 * The baseline publisher: what `gh release create --draft` followed by `gh release upload
 * --clobber` amounts to when done one asset at a time, written with plain fetch. For each asset:
 * list the release's assets to find one with that name, delete it if present, upload the new
 * bytes. Then publish the release. Every request waits for the previous one.
 */
import { openAsBlob } from 'node:fs';
import path from 'node:path';

export interface BaselineTarget {
  apiUrl: string;
  repo: string;
  token: string;
  tag: string;
}

interface ApiRelease {
  id: number;
  upload_url: string;
}
interface ApiAsset {
  id: number;
  name: string;
}

async function call(t: BaselineTarget, method: string, url: string, body?: unknown) {
  const res = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${t.token}`,
      accept: 'application/vnd.github+json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`baseline: ${method} ${url} -> ${res.status} ${await res.text()}`);
  return res;
}

/** Every asset of the release, following `Link: rel="next"`. */
async function listAssets(t: BaselineTarget, releaseId: number): Promise<ApiAsset[]> {
  const all: ApiAsset[] = [];
  let url: string | undefined =
    `${t.apiUrl}/repos/${t.repo}/releases/${releaseId}/assets?per_page=100`;
  while (url !== undefined) {
    const res = await call(t, 'GET', url);
    all.push(...((await res.json()) as ApiAsset[]));
    url = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
  }
  return all;
}

/** Publishes `files` (named by their basename) as a new release. The server counts requests. */
export async function sequentialClobberPublish(
  t: BaselineTarget,
  files: readonly string[],
): Promise<void> {
  const created = await call(t, 'POST', `${t.apiUrl}/repos/${t.repo}/releases`, {
    tag_name: t.tag,
    name: t.tag,
    draft: true,
  });
  const release = (await created.json()) as ApiRelease;
  const uploadBase = release.upload_url.replace(/\{[^}]*\}$/, '');
  for (const file of files) {
    const name = path.basename(file);
    const existing = (await listAssets(t, release.id)).find((a) => a.name === name);
    if (existing !== undefined) {
      await call(t, 'DELETE', `${t.apiUrl}/repos/${t.repo}/releases/assets/${existing.id}`);
    }
    const res = await fetch(`${uploadBase}?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/octet-stream' },
      body: await openAsBlob(file),
    });
    if (!res.ok) throw new Error(`baseline: upload ${name} -> ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  }
  await call(t, 'PATCH', `${t.apiUrl}/repos/${t.repo}/releases/${release.id}`, { draft: false });
}
