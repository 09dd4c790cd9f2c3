/**
 * A tiny plain-fetch client for the emulator (no Octokit), for tests that exercise the
 * emulator itself or need to set state up over HTTP.
 */
import type { GitHubEmulator } from './index.ts';

export interface Res<T = unknown> {
  status: number;
  headers: Headers;
  json: T;
}

/** Loose JSON shapes for assertions. */
export type Json = Record<string, unknown> & {
  id: number;
  name: string;
  message?: string;
  errors?: Record<string, unknown>[];
};

export class EmuClient {
  readonly emu: GitHubEmulator;
  readonly token: string | undefined;

  constructor(emu: GitHubEmulator, token?: string) {
    this.emu = emu;
    this.token = token;
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const h: Record<string, string> = { accept: 'application/vnd.github+json', ...extra };
    if (this.token) h.authorization = `Bearer ${this.token}`;
    return h;
  }

  /** `path` is relative to apiUrl (e.g. `/repos/o/r/releases`) or an absolute URL. */
  async call<T = Json>(method: string, path: string, body?: unknown): Promise<Res<T>> {
    const url = path.startsWith('http') ? path : `${this.emu.apiUrl}${path}`;
    const init: RequestInit = { method, headers: this.headers() };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = this.headers({ 'content-type': 'application/json' });
    }
    const res = await fetch(url, init);
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      json: (text ? JSON.parse(text) : null) as T,
    };
  }

  createRelease(repo: string, body: Record<string, unknown>): Promise<Res<Json>> {
    return this.call('POST', `/repos/${repo}/releases`, body);
  }

  /** Uploads to the release's upload_url (RFC 6570 `{?name,label}` expanded here). */
  async upload(
    release: Record<string, unknown>,
    name: string,
    content: Buffer | string,
    opts: { label?: string; contentType?: string } = {},
  ): Promise<Res<Json>> {
    const query = new URLSearchParams({ name });
    if (opts.label !== undefined) query.set('label', opts.label);
    const url = String(release.upload_url).replace(/\{\?[^}]*\}$/, `?${query}`);
    const res = await fetch(url, {
      method: 'POST',
      headers: this.headers({ 'content-type': opts.contentType ?? 'application/octet-stream' }),
      body: typeof content === 'string' ? Buffer.from(content) : content,
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      json: (text ? JSON.parse(text) : null) as Json,
    };
  }
}
