import { createReadStream } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { pipeline } from 'node:stream/promises';
import type { UploadSource } from './types.ts';

/**
 * One upload attempt, streamed from disk with node:http(s). Node's fetch (and so Octokit) lets
 * memory grow with a streamed request body (measured: ~500 MiB RSS for a 400 MiB file), while a
 * piped http request stays flat; release assets go up to 2 GiB. Failures have the shape of an
 * Octokit RequestError (`status`, `response.headers`, `response.data`) or carry the socket's
 * error code, so retries and error translation treat both paths alike.
 */
export class UploadHttpError extends Error {
  readonly status: number;
  readonly response: { headers: Record<string, string | undefined>; data: unknown };

  constructor(status: number, headers: Record<string, string | undefined>, data: unknown) {
    const message =
      typeof data === 'object' && data !== null && 'message' in data
        ? String((data as { message: unknown }).message)
        : `HTTP ${status}`;
    super(message);
    this.name = 'UploadHttpError';
    this.status = status;
    this.response = { headers, data };
  }
}

const IDLE_TIMEOUT_MS = 5 * 60_000;

export async function streamUpload(
  url: string,
  headers: Record<string, string>,
  src: UploadSource,
): Promise<unknown> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(target, {
      method: 'POST',
      headers: { ...headers, 'content-type': src.contentType, 'content-length': String(src.size) },
    });
    req.setTimeout(IDLE_TIMEOUT_MS, () =>
      req.destroy(Object.assign(new Error('upload timed out'), { code: 'ETIMEDOUT' })),
    );
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let data: unknown = text;
        try {
          data = JSON.parse(text);
        } catch {
          // Not JSON (a proxy's HTML error page): keep the text for the message.
        }
        const status = res.statusCode ?? 0;
        const h: Record<string, string | undefined> = {};
        for (const [k, v] of Object.entries(res.headers))
          h[k] = Array.isArray(v) ? v.join(', ') : v;
        if (status >= 200 && status < 300) resolve(data);
        else reject(new UploadHttpError(status, h, data));
      });
    });
    req.on('error', reject);
    // The body is piped with backpressure. A server that answers early (a 422) closes the pipe:
    // give its answer a moment to arrive, since it says more than the broken pipe does.
    pipeline(createReadStream(src.path, { highWaterMark: 256 * 1024 }), req).catch((e: unknown) => {
      setTimeout(() => reject(e), 1000).unref();
    });
  });
}
