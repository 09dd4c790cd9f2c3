/**
 * The baseline publisher: `gh release create <tag> <files...>`'s own algorithm, written with
 * plain fetch. gh creates the release as a draft when files are given, uploads them with a pool
 * of 5 concurrent workers to the release's `upload_url`, then publishes it with one PATCH
 * (`draft: false`). Nothing is listed, compared or verified.
 *
 * It runs inside the benchmark process: no process start is counted, where gh would pay its own
 * (~10 ms for a Go binary) and ours pays Node's. That makes the comparison stricter for us.
 * Reads gh may make besides (whether the tag exists, ...) are left out, for the same reason.
 */
import { openAsBlob } from 'node:fs';
import path from 'node:path';

export interface BaselineTarget {
  apiUrl: string;
  repo: string;
  token: string;
  tag: string;
}

/** gh's upload pool size (`gh release create` and `gh release upload`). */
export const GH_WORKERS = 5;

export const GH_ALGORITHM = `gh release create's algorithm: POST a draft release; upload every file with ${GH_WORKERS} concurrent workers; PATCH draft: false (in the bench process: no process start)`;

interface ApiRelease {
  id: number;
  upload_url: string;
}

async function call(t: BaselineTarget, method: string, url: string, body: unknown) {
  const res = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${t.token}`,
      accept: 'application/vnd.github+json',
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`baseline: ${method} ${url} -> ${res.status} ${await res.text()}`);
  return res;
}

async function upload(t: BaselineTarget, base: string, file: string): Promise<void> {
  const name = path.basename(file);
  const res = await fetch(`${base}?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/octet-stream' },
    body: await openAsBlob(file),
  });
  if (!res.ok) throw new Error(`baseline: upload ${name} -> ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
}

/** Publishes `files` (named by their basename) as a new release. The server counts requests. */
export async function ghReleaseCreate(t: BaselineTarget, files: readonly string[]): Promise<void> {
  const created = await call(t, 'POST', `${t.apiUrl}/repos/${t.repo}/releases`, {
    tag_name: t.tag,
    name: t.tag,
    draft: true,
  });
  const release = (await created.json()) as ApiRelease;
  const base = release.upload_url.replace(/\{[^}]*\}$/, '');
  const queue = [...files];
  const worker = async () => {
    for (let f = queue.shift(); f !== undefined; f = queue.shift()) await upload(t, base, f);
  };
  await Promise.all(Array.from({ length: Math.min(GH_WORKERS, files.length) }, worker));
  await call(t, 'PATCH', `${t.apiUrl}/repos/${t.repo}/releases/${release.id}`, { draft: false });
}
