/**
 * The uploads origin: `POST /api/uploads/repos/<o>/<r>/releases/<id>/assets?name=&label=`.
 * Limits are checked from the headers before any byte is read (so a 2 GiB Content-Length is
 * refused at once). The body is streamed to disk while its sha256 is computed, never held in
 * memory. Upload-specific faults: '502-starter' (consume the body, leave a `starter` asset,
 * answer 502) and 'reset' (read part of the body, then destroy the socket).
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { Transform } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { access, errorReply, notFound, validationFailed, type Ctx, type Reply } from './http.ts';
import { assetJson } from './json.ts';
import { rewriteAssetName } from './names.ts';
import { alreadyExists, nameTaken } from './routes-assets.ts';
import type { RepoState } from './state.ts';
import type { EmuRelease } from './types.ts';

export const MAX_ASSET_SIZE = 2_147_483_648;
export const MAX_ASSETS = 1000;

/** Reads the rest of a request body and throws it away. */
export async function drain(req: IncomingMessage): Promise<void> {
  if (req.readableEnded) return;
  req.resume();
  await finished(req).catch(() => undefined);
}

/** Reads at least `n` bytes (or to the end), then stops reading. */
function readSome(req: IncomingMessage, n: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const done = () => {
      req.pause();
      req.off('data', onData);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen >= n) done();
    };
    req.on('data', onData);
    req.once('end', done);
    req.once('error', done);
  });
}

interface Checked {
  repo: RepoState;
  release: EmuRelease;
  name: string;
  label: string | null;
  contentType: string;
  size: number;
}

/** Everything GitHub can refuse before reading the body. */
function check(ctx: Ctx): Checked | Reply {
  const a = access(ctx, 'write');
  if (a.reply) return a.reply;
  const release = ctx.core.state.findRelease(a.repo, Number(ctx.params.release_id));
  if (!release) return notFound();
  const raw = ctx.url.searchParams.get('name');
  if (!raw) {
    return validationFailed([{ resource: 'ReleaseAsset', code: 'missing_field', field: 'name' }]);
  }
  const name = rewriteAssetName(raw);
  if (name === '') {
    return validationFailed([{ resource: 'ReleaseAsset', code: 'invalid', field: 'name' }]);
  }
  const contentType = ctx.req.headers['content-type'];
  if (!contentType) return errorReply(400, 'Content-Type header is required');
  const length = ctx.req.headers['content-length'];
  if (length === undefined) return errorReply(400, 'Content-Length header is required');
  const size = Number(length);
  if (!Number.isSafeInteger(size) || size < 0) return errorReply(400, 'Invalid Content-Length');
  if (release.immutable) return errorReply(422, 'Cannot upload assets to an immutable release.');
  if (size > MAX_ASSET_SIZE) {
    const message = `size must be less than or equal to ${MAX_ASSET_SIZE}`;
    return validationFailed([{ resource: 'ReleaseAsset', code: 'custom', field: 'size', message }]);
  }
  if (release.assets.length >= MAX_ASSETS) {
    const message = `file_count limited to ${MAX_ASSETS} assets`;
    return validationFailed([{ code: 'custom', field: 'file_count', message }]);
  }
  if (nameTaken(release, name)) return alreadyExists();
  const label = ctx.url.searchParams.get('label');
  return { repo: a.repo, release, name, label, contentType, size };
}

function addStarter(ctx: Ctx, c: Checked): void {
  if (nameTaken(c.release, c.name) || !ctx.core.state.findRelease(c.repo, c.release.id)) return;
  ctx.core.state.addAsset(c.repo, c.release, {
    name: c.name,
    label: c.label,
    state: 'starter',
    content_type: c.contentType,
    size: 0,
    digest: null,
  });
}

/** Returns null when the socket is gone (no reply can be written). */
export async function uploadAsset(ctx: Ctx): Promise<Reply | null> {
  const c = check(ctx);
  if ('status' in c) return c;
  const { fault, req } = ctx;
  if (fault?.kind === 'reset') {
    const half = Math.floor(c.size / 2);
    await readSome(req, fault.afterBytes ?? Math.max(1, Math.min(64 * 1024, half)));
    if (fault.leaveStarter) addStarter(ctx, c);
    req.socket.destroy();
    return null;
  }
  if (fault?.kind === '502-starter') {
    await drain(req);
    addStarter(ctx, c);
    return errorReply(502, 'Bad Gateway');
  }

  const state = ctx.core.state;
  const id = state.allocAssetId();
  const path = state.assetPath(id);
  const hash = createHash('sha256');
  let received = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      received += chunk.length;
      cb(null, chunk);
    },
  });
  try {
    await pipeline(req, tap, createWriteStream(path));
  } catch {
    await rm(path, { force: true });
    return null; // the client went away mid-body
  }
  // Re-check what may have changed while the body streamed in (concurrent uploads, deletes).
  const refusal =
    received !== c.size
      ? errorReply(400, 'Request body length does not match Content-Length')
      : !state.findRelease(c.repo, c.release.id)
        ? notFound()
        : nameTaken(c.release, c.name)
          ? alreadyExists()
          : undefined;
  if (refusal) {
    await rm(path, { force: true });
    return refusal;
  }
  const asset = state.addAsset(
    c.repo,
    c.release,
    {
      name: c.name,
      label: c.label,
      state: 'uploaded',
      content_type: c.contentType,
      size: received,
      digest: `sha256:${hash.digest('hex')}`,
    },
    id,
  );
  return { status: 201, json: assetJson(ctx.core.origins, c.repo, c.release, asset) };
}
