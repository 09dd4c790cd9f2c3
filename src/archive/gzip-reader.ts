/**
 * A pull reader over a byte stream for the gzip inspector: hands out the source's chunks one at a
 * time, lets the caller give back an unused tail, and reads or skips small fixed-size fields
 * without ever holding more than one chunk plus the field being read.
 */
import type { Readable } from 'node:stream';

export class ChunkReader {
  private readonly it: AsyncIterator<unknown>;
  private held: Buffer | null = null;
  private taken = 0;

  constructor(source: Readable) {
    this.it = source[Symbol.asyncIterator]();
  }

  /** Bytes of the source consumed so far (given-back bytes not counted). */
  get position(): number {
    return this.taken - (this.held?.length ?? 0);
  }

  /** The next chunk (a given-back tail first), or null at the end of the source. */
  async next(): Promise<Buffer | null> {
    if (this.held) {
      const b = this.held;
      this.held = null;
      return b;
    }
    for (;;) {
      const r = await this.it.next();
      if (r.done) return null;
      const b = toBuffer(r.value);
      this.taken += b.length;
      if (b.length > 0) return b;
    }
  }

  /** Gives back the unused tail of the chunk last returned by next(). */
  unread(tail: Buffer): void {
    if (tail.length > 0) this.held = tail;
  }

  /** Up to n bytes; fewer only at the end of the source. For small header/trailer fields. */
  async read(n: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let have = 0;
    while (have < n) {
      const b = await this.next();
      if (!b) break;
      const use = Math.min(n - have, b.length);
      parts.push(b.subarray(0, use));
      have += use;
      this.unread(b.subarray(use));
    }
    return Buffer.concat(parts, have);
  }

  /** Skips n bytes; false if the source ended first. */
  async skip(n: number): Promise<boolean> {
    let left = n;
    while (left > 0) {
      const b = await this.next();
      if (!b) return false;
      const use = Math.min(left, b.length);
      left -= use;
      this.unread(b.subarray(use));
    }
    return true;
  }

  /** Skips through the next NUL byte (a gzip FNAME/FCOMMENT field); false if none came. */
  async skipPastNul(): Promise<boolean> {
    for (;;) {
      const b = await this.next();
      if (!b) return false;
      const at = b.indexOf(0);
      if (at >= 0) {
        this.unread(b.subarray(at + 1));
        return true;
      }
    }
  }

  /** Reads to the end of the source, discarding; returns how many bytes that was. */
  async drain(): Promise<number> {
    let n = 0;
    for (let b = await this.next(); b; b = await this.next()) n += b.length;
    return n;
  }

  /** Stops reading early: lets the source release its resources. */
  async close(): Promise<void> {
    this.held = null;
    await this.it.return?.();
  }
}

function toBuffer(v: unknown): Buffer {
  if (Buffer.isBuffer(v)) return v;
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  if (typeof v === 'string') return Buffer.from(v, 'latin1');
  throw new TypeError('gzip source must yield bytes');
}
