/**
 * The raw fields of a ZIP's end record and central directory, for the byte rules the shared
 * reader does not expose (version needed, extra and comment lengths, internal attributes, DOS
 * time). Reads only what it is given: the whole archive, or its tail from the central directory
 * on. Returns undefined when the structure cannot be walked (the strict reader reports why).
 */
export interface CentralRecord {
  name: Buffer;
  versionMadeBy: number;
  versionNeeded: number;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc32: number;
  compressedSize: number;
  size: number;
  extra: Buffer;
  commentLength: number;
  internalAttrs: number;
  externalAttrs: number;
  localOffset: number;
}

export interface EndRecord {
  entries: number;
  cdSize: number;
  cdOffset: number;
  commentLength: number;
}

/** The end record when it is the last 22 bytes (no archive comment), as we write it. */
export function endRecord(tail: Buffer): EndRecord | undefined {
  const at = tail.length - 22;
  if (at < 0 || tail.readUInt32LE(at) !== 0x06054b50) return undefined;
  return {
    entries: tail.readUInt16LE(at + 10),
    cdSize: tail.readUInt32LE(at + 12),
    cdOffset: tail.readUInt32LE(at + 16),
    commentLength: tail.readUInt16LE(at + 20),
  };
}

/** Central records of `cd` (the central directory's bytes). */
export function centralRecords(cd: Buffer, count: number): CentralRecord[] | undefined {
  const out: CentralRecord[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== 0x02014b50) return undefined;
    const nameLength = cd.readUInt16LE(at + 28);
    const extraLength = cd.readUInt16LE(at + 30);
    const commentLength = cd.readUInt16LE(at + 32);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > cd.length) return undefined;
    out.push({
      name: cd.subarray(at + 46, at + 46 + nameLength),
      versionMadeBy: cd.readUInt16LE(at + 4),
      versionNeeded: cd.readUInt16LE(at + 6),
      flags: cd.readUInt16LE(at + 8),
      method: cd.readUInt16LE(at + 10),
      time: cd.readUInt16LE(at + 12),
      date: cd.readUInt16LE(at + 14),
      crc32: cd.readUInt32LE(at + 16),
      compressedSize: cd.readUInt32LE(at + 20),
      size: cd.readUInt32LE(at + 24),
      extra: cd.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength),
      commentLength,
      internalAttrs: cd.readUInt16LE(at + 36),
      externalAttrs: cd.readUInt32LE(at + 38),
      localOffset: cd.readUInt32LE(at + 42),
    });
    at = end;
  }
  return at === cd.length ? out : undefined;
}
