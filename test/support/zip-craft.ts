import zlib from 'node:zlib';

/**
 * Builds ZIP archives byte by byte, including the malformed ones a strict reader must refuse.
 * Each field defaults to what a well-formed archive holds; a test overrides what it breaks.
 */
export interface CraftEntry {
  name: string;
  data?: Buffer;
  /** 0 stores, 8 deflates (default 8 when there is data). */
  method?: number;
  flags?: number;
  external?: number;
  madeBy?: number;
  extra?: Buffer;
  /** Local-header overrides, for disagreements with the central directory. */
  local?: { name?: string; crc?: number; flags?: number; method?: number; size?: number };
  /** Bytes written between this entry's local header and its data... as its data (for overlap). */
  raw?: Buffer;
  /** Where the central entry points, instead of its own local header. */
  offset?: number;
}

export interface CraftOptions {
  /** Bytes between the central directory and the end record. */
  gap?: Buffer;
  /** The end record's entry count, instead of the real one. */
  count?: number;
  comment?: Buffer;
}

export function craftZip(entries: CraftEntry[], o: CraftOptions = {}): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = e.data ?? Buffer.alloc(0);
    const method = e.method ?? (data.length > 0 ? 8 : 0);
    const stored = e.raw ?? (method === 8 ? zlib.deflateRawSync(data) : data);
    const crc = zlib.crc32(data) >>> 0;
    const name = Buffer.from(e.name);
    const extra = e.extra ?? Buffer.alloc(0);
    const flags = e.flags ?? 0;
    const l = e.local ?? {};
    const lname = Buffer.from(l.name ?? e.name);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(l.flags ?? flags, 6);
    h.writeUInt16LE(l.method ?? method, 8);
    h.writeUInt16LE(0, 10);
    h.writeUInt16LE(0x21, 12);
    h.writeUInt32LE(l.crc ?? crc, 14);
    h.writeUInt32LE(stored.length, 18);
    h.writeUInt32LE(l.size ?? data.length, 22);
    h.writeUInt16LE(lname.length, 26);
    h.writeUInt16LE(extra.length, 28);
    const at = e.offset ?? offset;
    parts.push(h, lname, extra, stored);
    offset += 30 + lname.length + extra.length + stored.length;
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(e.madeBy ?? 0x0314, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(flags, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt16LE(0, 12);
    c.writeUInt16LE(0x21, 14);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(stored.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt16LE(extra.length, 30);
    c.writeUInt32LE(e.external ?? 0o100644 * 0x10000, 38);
    c.writeUInt32LE(at, 42);
    central.push(c, name, extra);
  }
  const cd = Buffer.concat(central);
  const comment = o.comment ?? Buffer.alloc(0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(o.count ?? entries.length, 8);
  end.writeUInt16LE(o.count ?? entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...parts, cd, o.gap ?? Buffer.alloc(0), end, comment]);
}
