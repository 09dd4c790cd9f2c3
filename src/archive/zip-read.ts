/**
 * A strict ZIP reader for verify. It parses the end record, the central directory and every
 * local header of an archive held in memory, and lists each safety problem it sees instead of
 * stopping at the first, so verify can report them all. It never extracts to disk: readEntry()
 * inflates one entry into memory and checks its size and CRC-32.
 *
 * Safety problems (the `.bsiplugin` contract's "archive safety", which the Osaurus profile
 * shares): absolute, `..` or `\` paths; duplicate names; links and special files (by the Unix
 * mode); encryption; methods other than 0 and 8; ZIP64; not exactly one end record; a central
 * directory that does not end where the end record starts; a central entry that disagrees with
 * its local header on name, flags, method, CRC or sizes; overlapping local regions.
 */
import zlib from 'node:zlib';
import { ReleaseError } from '../errors.ts';

export interface ZipReadEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  size: number;
  externalAttrs: number;
  versionMadeBy: number;
  localOffset: number;
  /** Where the entry's data starts (after its local header); -1 when the header is unreadable. */
  dataOffset: number;
  isDirectory: boolean;
  /** The Unix mode (type and permission bits) from the external attributes; 0 when the archive
   * was not made on Unix (version made by's high byte is not 3). */
  unixMode: number;
}

export type ZipProblemKind =
  | 'truncated'
  | 'end-record'
  | 'central-directory'
  | 'zip64'
  | 'path'
  | 'duplicate'
  | 'special-file'
  | 'encrypted'
  | 'method'
  | 'local-header'
  | 'overlap';

export interface ZipProblem {
  kind: ZipProblemKind;
  /** The entry concerned, when there is one. */
  name?: string;
  message: string;
}

export interface ZipArchive {
  entries: ZipReadEntry[];
  problems: ZipProblem[];
  /** The entry's bytes, inflated; throws VERIFY_FAILED when they do not match the size or CRC. */
  readEntry(entry: ZipReadEntry): Buffer;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_LOCATOR = 0x07064b50;
const S_IFMT = 0o170000;

function signatureAt(buf: Buffer, at: number, sig: number): boolean {
  return at >= 0 && at + 4 <= buf.length && buf.readUInt32LE(at) === sig;
}

/** The end record: the signature whose comment length reaches exactly to the end of the file. */
function findEnd(buf: Buffer, problems: ZipProblem[]): number {
  const found: number[] = [];
  for (let at = buf.length - 22; at >= Math.max(0, buf.length - 22 - 0xffff); at--) {
    if (signatureAt(buf, at, EOCD) && at + 22 + buf.readUInt16LE(at + 20) === buf.length) {
      found.push(at);
    }
  }
  if (found.length !== 1) {
    problems.push({
      kind: 'end-record',
      message:
        found.length === 0
          ? 'no end-of-central-directory record: not a ZIP archive, or truncated'
          : `${found.length} end-of-central-directory records (an archive has exactly one)`,
    });
  }
  return found.length === 0 ? -1 : found[found.length - 1]!;
}

function pathProblem(name: string): string | undefined {
  if (name === '') return 'an empty path';
  if (name.includes('\0')) return 'a NUL byte in the path';
  if (name.includes('\\')) return "a '\\' in the path (a Windows separator)";
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'an absolute path';
  if (name.split('/').includes('..')) return "a '..' segment in the path";
  return undefined;
}

/** Parses the central directory at [offset, offset + size); appends entries and problems. */
function readCentral(buf: Buffer, offset: number, size: number, count: number, out: ZipArchive) {
  const { entries, problems } = out;
  let at = offset;
  const end = offset + size;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || !signatureAt(buf, at, CENTRAL)) {
      problems.push({
        kind: 'central-directory',
        message: `central directory entry ${i + 1} of ${count} is missing or damaged at offset ${at}`,
      });
      return;
    }
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const next = at + 46 + nameLen + extraLen + commentLen;
    if (next > end) {
      problems.push({ kind: 'central-directory', message: `central entry ${i + 1} overruns it` });
      return;
    }
    const versionMadeBy = buf.readUInt16LE(at + 4);
    const externalAttrs = buf.readUInt32LE(at + 38);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    const unixMode = versionMadeBy >> 8 === 3 ? externalAttrs >>> 16 : 0;
    entries.push({
      name,
      method: buf.readUInt16LE(at + 10),
      flags: buf.readUInt16LE(at + 8),
      crc32: buf.readUInt32LE(at + 16),
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      externalAttrs,
      versionMadeBy,
      localOffset: buf.readUInt32LE(at + 42),
      dataOffset: -1,
      isDirectory:
        name.endsWith('/') || (unixMode & S_IFMT) === 0o040000 || (externalAttrs & 0x10) !== 0,
      unixMode,
    });
    const extra = buf.subarray(at + 46 + nameLen, at + 46 + nameLen + extraLen);
    for (let x = 0; x + 4 <= extra.length; x += 4 + extra.readUInt16LE(x + 2)) {
      if (extra.readUInt16LE(x) === 0x0001) {
        problems.push({ kind: 'zip64', name, message: `'${name}' has a ZIP64 extra field` });
      }
    }
    at = next;
  }
  if (at !== end) {
    problems.push({
      kind: 'central-directory',
      message: `the central directory holds ${end - at} bytes after its ${count} entries`,
    });
  }
}

function checkEntry(e: ZipReadEntry, seen: Set<string>, problems: ZipProblem[]): void {
  const { name } = e;
  const why = pathProblem(name);
  if (why) problems.push({ kind: 'path', name, message: `'${name}': ${why}` });
  if (seen.has(name))
    problems.push({ kind: 'duplicate', name, message: `'${name}' appears twice` });
  seen.add(name);
  const type = e.unixMode & S_IFMT;
  if (type !== 0 && type !== 0o100000 && type !== 0o040000) {
    const what = type === 0o120000 ? 'a symbolic link' : 'a special file';
    problems.push({
      kind: 'special-file',
      name,
      message: `'${name}' is ${what} (mode ${e.unixMode.toString(8)})`,
    });
  }
  if ((e.flags & 0x41) !== 0 || e.method === 99) {
    problems.push({ kind: 'encrypted', name, message: `'${name}' is encrypted` });
  }
  if (e.method !== 0 && e.method !== 8) {
    problems.push({
      kind: 'method',
      name,
      message: `'${name}' uses compression method ${e.method} (only 0, stored, and 8, deflate, are allowed)`,
    });
  }
  if (e.size === 0xffffffff || e.compressedSize === 0xffffffff || e.localOffset === 0xffffffff) {
    problems.push({ kind: 'zip64', name, message: `'${name}' needs ZIP64 sizes or offset` });
  }
}

/** Compares the local header with the central entry; sets dataOffset; returns the region. */
function checkLocal(buf: Buffer, e: ZipReadEntry, limit: number, problems: ZipProblem[]) {
  const at = e.localOffset;
  const bad = (what: string) =>
    problems.push({ kind: 'local-header', name: e.name, message: `'${e.name}': ${what}` });
  if (at + 30 > limit || !signatureAt(buf, at, LOCAL)) {
    bad(`no local header at offset ${at}`);
    return undefined;
  }
  const nameLen = buf.readUInt16LE(at + 26);
  const dataOffset = at + 30 + nameLen + buf.readUInt16LE(at + 28);
  if (dataOffset + e.compressedSize > limit) {
    bad('the local header or data runs into the central directory or past the end');
    return undefined;
  }
  e.dataOffset = dataOffset;
  const differ: string[] = [];
  if (!buf.subarray(at + 30, at + 30 + nameLen).equals(Buffer.from(e.name, 'utf8')))
    differ.push('name');
  if (buf.readUInt16LE(at + 6) !== e.flags) differ.push('flags');
  if (buf.readUInt16LE(at + 8) !== e.method) differ.push('method');
  if (buf.readUInt32LE(at + 14) !== e.crc32) differ.push('CRC-32');
  if (buf.readUInt32LE(at + 18) !== e.compressedSize) differ.push('compressed size');
  if (buf.readUInt32LE(at + 22) !== e.size) differ.push('size');
  if (differ.length > 0)
    bad(`the local header disagrees with the central directory on ${differ.join(', ')}`);
  return { start: at, end: dataOffset + e.compressedSize, name: e.name };
}

function checkOverlaps(regions: { start: number; end: number; name: string }[], p: ZipProblem[]) {
  regions.sort((a, b) => a.start - b.start);
  for (let i = 1; i < regions.length; i++) {
    const [prev, cur] = [regions[i - 1]!, regions[i]!];
    if (cur.start < prev.end) {
      p.push({
        kind: 'overlap',
        name: cur.name,
        message: `'${cur.name}' overlaps '${prev.name}' in the archive's bytes`,
      });
    }
  }
}

/** A second end record earlier in the file (two archives glued together, say), anywhere but
 * inside an entry's data, where compressed bytes may spell the signature by chance. */
function checkStrayEnds(buf: Buffer, eocd: number, entries: ZipReadEntry[], p: ZipProblem[]) {
  const sig = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
  for (let at = buf.indexOf(sig); at >= 0 && at < eocd; at = buf.indexOf(sig, at + 1)) {
    const inData = entries.some(
      (e) => e.dataOffset >= 0 && at >= e.dataOffset && at < e.dataOffset + e.compressedSize,
    );
    if (!inData) {
      p.push({ kind: 'end-record', message: `a second end record at offset ${at}` });
      return;
    }
  }
}

function inflate(buf: Buffer, e: ZipReadEntry): Buffer {
  const fail = (why: string, cause?: unknown) =>
    new ReleaseError('VERIFY_FAILED', `'${e.name}' ${why}`, { cause });
  if (e.dataOffset < 0) throw fail('has no readable local header');
  if (e.method !== 0 && e.method !== 8) throw fail(`uses compression method ${e.method}`);
  if ((e.flags & 0x41) !== 0) throw fail('is encrypted');
  const raw = buf.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  let data: Buffer;
  if (e.method === 0) {
    data = raw;
  } else {
    let r: { buffer: Buffer; engine: zlib.InflateRaw };
    try {
      // The declared size bounds the output, so a bomb stops there.
      r = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size), info: true }) as never;
    } catch (err) {
      throw fail(`does not inflate (${(err as Error).message})`, err);
    }
    data = r.buffer;
    if (r.engine.bytesWritten !== raw.length) {
      throw fail(`has ${raw.length - r.engine.bytesWritten} bytes after its deflate stream`);
    }
  }
  if (data.length !== e.size) throw fail(`holds ${data.length} bytes, not the ${e.size} declared`);
  if (zlib.crc32(data) >>> 0 !== e.crc32) throw fail('does not match its CRC-32');
  return data;
}

/** Reads the archive's structure; never throws for a defect of the archive (see `problems`). */
export function readZip(buf: Buffer): ZipArchive {
  const archive: ZipArchive = { entries: [], problems: [], readEntry: (e) => inflate(buf, e) };
  const { problems } = archive;
  const eocd = findEnd(buf, problems);
  if (eocd < 0) return archive;
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (
    signatureAt(buf, eocd - 20, ZIP64_LOCATOR) ||
    count === 0xffff ||
    cdSize === 0xffffffff ||
    cdOffset === 0xffffffff
  ) {
    problems.push({ kind: 'zip64', message: 'the archive uses ZIP64 end records' });
  }
  if (
    buf.readUInt16LE(eocd + 4) !== 0 ||
    buf.readUInt16LE(eocd + 6) !== 0 ||
    buf.readUInt16LE(eocd + 8) !== count
  ) {
    problems.push({ kind: 'end-record', message: 'the archive spans several disks' });
  }
  if (cdOffset + cdSize !== eocd) {
    problems.push({
      kind: 'central-directory',
      message: `the central directory (offset ${cdOffset}, ${cdSize} bytes) does not end where the end record starts (offset ${eocd})`,
    });
    if (cdOffset + cdSize > eocd) return archive;
  }
  readCentral(buf, cdOffset, cdSize, count, archive);
  const seen = new Set<string>();
  const regions: { start: number; end: number; name: string }[] = [];
  for (const e of archive.entries) {
    checkEntry(e, seen, problems);
    const region = checkLocal(buf, e, cdOffset, problems);
    if (region) regions.push(region);
  }
  checkOverlaps(regions, problems);
  checkStrayEnds(buf, eocd, archive.entries, problems);
  return archive;
}
