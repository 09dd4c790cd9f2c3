import fs from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import { proxyAgent, type ProxyEnv } from '../net/proxy.ts';
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
const CHUNK = 256 * 1024;

/**
 * Sends the file through two reused buffers: one is read into while the other is written, and a
 * buffer is reused only after the socket has taken its bytes (the write callback). Memory stays
 * at two chunks whatever the file size, without the per-chunk garbage of a read stream.
 */
async function writeBody(req: http.ClientRequest, file: string): Promise<void> {
  const fh = await fs.open(file, 'r');
  const bufs = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
  const flushed: Promise<void>[] = [Promise.resolve(), Promise.resolve()];
  try {
    for (let i = 0; ; i ^= 1) {
      await flushed[i];
      const { bytesRead } = await fh.read(bufs[i]!, 0, CHUNK, null);
      if (bytesRead === 0) break;
      flushed[i] = new Promise((resolve, reject) => {
        req.write(bufs[i]!.subarray(0, bytesRead), (err) => (err ? reject(err) : resolve()));
      });
    }
    await Promise.all(flushed);
  } finally {
    await fh.close();
  }
  req.end();
}

export async function streamUpload(
  url: string,
  headers: Record<string, string>,
  src: UploadSource,
  env: ProxyEnv,
): Promise<unknown> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  const agent = await proxyAgent(target, env);
  return new Promise((resolve, reject) => {
    const req = client.request(target, {
      method: 'POST',
      ...(agent === undefined ? {} : { agent }),
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
    // A server that answers early (a 422) breaks the pipe: give its answer a moment to arrive,
    // since it says more than the broken pipe does.
    writeBody(req, src.path).catch((e: unknown) => {
      setTimeout(() => reject(e), 1000).unref();
    });
  });
}
