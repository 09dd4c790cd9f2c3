/**
 * Reads every tar header raw, the way the nexo installer's reader (Rust's `tar` crate, entries()
 * as used by ext-installer) reads it. node-tar's Parser, which reads the same stream in
 * tarball.ts, is a different reader and hides exactly what matters here: PAX global headers are
 * consumed (an empty one leaves no trace at all), a NUL inside a PAX path silently truncates it,
 * names that are not UTF-8 are decoded with replacement characters, directory sizes are forced
 * to 0, and a single zero block does not end the archive. So each header is decoded here:
 *
 * - a zero block ends the archive; a header whose checksum does not match is an error;
 * - GNU long names ('L'/'K') and per-file PAX headers ('x') on ustar/GNU headers describe the
 *   next entry; two of the same kind in a row, or one with no entry after it, is an error;
 * - a pending PAX `size` overrides the header's size field for the next header;
 * - every other header, PAX global ('g') included, is an entry;
 * - an entry's path is the GNU long name (one trailing NUL dropped), else the PAX `path`, else
 *   the header's prefix/name fields (each cut at its first NUL), as raw bytes.
 *
 * Memory: one header block plus one extended header (at most MAX_META bytes) at a time.
 */

export interface RawTarEntry {
  /** 0-based position among entries (extended headers not counted). */
  index: number;
  /** The typeflag byte as a character ('\0' for an old-style regular file). */
  typeflag: string;
  path: Buffer;
  /** The data size the reader skips: the PAX `size` when given, else the header's field. */
  size: number;
  /** The header's own size field, which is what the installer compares with its limits. */
  headerSize: number;
  /** The mode field, setuid/setgid/sticky bits included. */
  mode: number;
  /** The header has ustar or GNU magic. */
  recognized: boolean;
  /** The header has POSIX ustar magic (it has a prefix field). */
  ustar: boolean;
}

/** Extended headers larger than this are refused rather than held in memory. */
export const MAX_META = 1024 * 1024;
const BLOCK = 512;

type State =
  | { kind: 'header' }
  | { kind: 'skip'; left: number }
  | { kind: 'meta'; type: string; left: number; pad: number; parts: Buffer[] }
  | { kind: 'done' };

export class TarHeaderWalker {
  /** Why the installer's reader would stop with an error, if it would. */
  problem: string | undefined;
  /** Entries seen so far. */
  count = 0;
  private state: State = { kind: 'header' };
  private readonly block = Buffer.alloc(BLOCK);
  private filled = 0;
  private offset = 0;
  private longName: Buffer | undefined;
  private longLink: Buffer | undefined;
  private pax: Buffer | undefined;
  private readonly onEntry: (entry: RawTarEntry) => void;

  constructor(onEntry: (entry: RawTarEntry) => void) {
    this.onEntry = onEntry;
  }

  /** Feeds the next bytes of the tar stream (the decompressed first gzip member). */
  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length && this.state.kind !== 'done') {
      const s = this.state;
      if (s.kind === 'header') {
        const n = Math.min(BLOCK - this.filled, chunk.length - at);
        chunk.copy(this.block, this.filled, at, at + n);
        this.filled += n;
        at += n;
        if (this.filled === BLOCK) {
          this.filled = 0;
          this.header();
          this.offset += BLOCK;
        }
      } else if (s.kind === 'skip') {
        const n = Math.min(s.left, chunk.length - at);
        s.left -= n;
        at += n;
        this.offset += n;
        if (s.left === 0) this.state = { kind: 'header' };
      } else if (s.kind === 'meta') {
        const n = Math.min(s.left, chunk.length - at);
        s.parts.push(Buffer.from(chunk.subarray(at, at + n)));
        s.left -= n;
        at += n;
        this.offset += n;
        if (s.left === 0) this.meta(s.type, Buffer.concat(s.parts), s.pad);
      }
    }
  }

  /** The stream ended: an end in the middle of a header or entry is an error. */
  end(): void {
    const s = this.state;
    if (s.kind === 'done' || (s.kind === 'header' && this.filled === 0)) {
      if (s.kind === 'header' && (this.longName || this.longLink || this.pax))
        this.fail('an extended header describes an entry that never comes');
      return;
    }
    this.fail(`the tar stream is truncated at byte ${this.offset + this.filled}`);
  }

  private fail(message: string): void {
    this.problem ??= message;
    this.state = { kind: 'done' };
  }

  private header(): void {
    const h = this.block;
    if (h.every((b) => b === 0)) {
      this.state = { kind: 'done' };
      return;
    }
    let sum = 8 * 0x20;
    for (let i = 0; i < BLOCK; i++) if (i < 148 || i >= 156) sum += h[i]!;
    const cksum = octal(h.subarray(148, 156));
    if (cksum === undefined || cksum !== sum) {
      this.fail(`header checksum mismatch at byte ${this.offset}`);
      return;
    }
    const headerSize = numeric(h.subarray(124, 136));
    if (headerSize === undefined) {
      this.fail(`header at byte ${this.offset} has an unreadable size field`);
      return;
    }
    const paxSize = this.pax ? paxValue(this.pax, 'size') : undefined;
    const size =
      paxSize !== undefined && /^\d+$/.test(paxSize.toString()) ? Number(paxSize) : headerSize;
    const typeflag = String.fromCharCode(h[156]!);
    const ustar = h.subarray(257, 263).equals(Buffer.from('ustar\0'));
    const recognized = ustar || h.subarray(257, 265).equals(Buffer.from('ustar  \0'));
    const pad = (BLOCK - (size % BLOCK)) % BLOCK;
    if (recognized && (typeflag === 'L' || typeflag === 'K' || typeflag === 'x')) {
      const pending =
        typeflag === 'L' ? this.longName : typeflag === 'K' ? this.longLink : this.pax;
      if (pending !== undefined) {
        this.fail(`two '${typeflag}' extended headers describe one entry`);
      } else if (size > MAX_META) {
        this.fail(`an extended header of ${size} bytes (over 1 MiB)`);
      } else if (size === 0) {
        this.meta(typeflag, Buffer.alloc(0), 0);
      } else {
        this.state = { kind: 'meta', type: typeflag, left: size, pad, parts: [] };
      }
      return;
    }
    const entry: RawTarEntry = {
      index: this.count++,
      typeflag,
      path: this.entryPath(h, ustar),
      size,
      headerSize,
      mode: octal(h.subarray(100, 108)) ?? 0,
      recognized,
      ustar,
    };
    this.longName = this.longLink = this.pax = undefined;
    this.state = size + pad === 0 ? { kind: 'header' } : { kind: 'skip', left: size + pad };
    this.onEntry(entry);
  }

  private meta(type: string, body: Buffer, pad: number): void {
    if (type === 'L') this.longName = body;
    else if (type === 'K') this.longLink = body;
    else this.pax = body;
    this.state = pad === 0 ? { kind: 'header' } : { kind: 'skip', left: pad };
  }

  private entryPath(h: Buffer, ustar: boolean): Buffer {
    if (this.longName) {
      const n = this.longName;
      return n.length > 0 && n[n.length - 1] === 0 ? n.subarray(0, n.length - 1) : n;
    }
    const fromPax = this.pax ? paxValue(this.pax, 'path') : undefined;
    if (fromPax !== undefined) return fromPax;
    const name = cut(h.subarray(0, 100));
    const prefix = ustar ? cut(h.subarray(345, 500)) : Buffer.alloc(0);
    return prefix.length === 0 ? name : Buffer.concat([prefix, Buffer.from('/'), name]);
  }
}

function cut(field: Buffer): Buffer {
  const nul = field.indexOf(0);
  return Buffer.from(nul < 0 ? field : field.subarray(0, nul));
}

/** An octal field as the Rust crate reads it: cut at NUL, trimmed; undefined if not a number. */
function octal(field: Buffer): number | undefined {
  const text = cut(field).toString('latin1').trim();
  return /^[0-7]+$/.test(text) ? parseInt(text, 8) : undefined;
}

/** Octal, or GNU base-256 when the first byte has its high bit set. */
function numeric(field: Buffer): number | undefined {
  if ((field[0]! & 0x80) === 0) return octal(field);
  let n = 0;
  for (let i = 0; i < field.length; i++) n = n * 256 + (i === 0 ? field[i]! & 0x7f : field[i]!);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** The last value of `key` in PAX records (`<len> <key>=<value>\n`), as raw bytes. */
export function paxValue(records: Buffer, key: string): Buffer | undefined {
  let found: Buffer | undefined;
  let at = 0;
  while (at < records.length) {
    const space = records.indexOf(0x20, at);
    if (space < 0) break;
    const len = Number(records.subarray(at, space).toString('latin1'));
    if (!Number.isInteger(len) || len <= space - at || at + len > records.length) break;
    const record = records.subarray(space + 1, at + len - 1); // without the trailing newline
    const eq = record.indexOf(0x3d);
    if (eq >= 0 && record.subarray(0, eq).toString('latin1') === key)
      found = Buffer.from(record.subarray(eq + 1));
    at += len;
  }
  return found;
}
