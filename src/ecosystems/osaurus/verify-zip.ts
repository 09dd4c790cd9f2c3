import { dosDateTime } from '../../archive/zip.ts';
import { readZip, type ZipReadEntry } from '../../archive/zip-read.ts';
import type { Findings } from '../../verify/report.ts';
import { collisionKey, EXTRACTOR, hasKeyBlock, nameRefusal, pathProblems } from './rules.ts';
import { centralRecords, endRecord, type CentralRecord } from './zip-central.ts';

/**
 * The zip rules of the Osaurus contract over one archive in memory, as findings:
 * - `archive` (archiveRejected): what `BoundedArchiveExtractor` rejects (the shared reader's
 *   safety problems, flags, names, entry kinds, paths, collisions, extra fields, limits, ratio);
 * - `bytes` (zipFormat): our byte rules (made-by, version, flags, methods, one DOS time, order,
 *   a stored entry per directory, modes: directories 0755, the dylib 0755, the rest 0644);
 * - `contents` (bundleRefused): what pack refuses (hidden, sources, secrets, a second .dylib);
 * - `layout` (layoutInvalid): exactly one regular non-hidden `.dylib`, as the installer walks.
 * Returns the dylib's bytes when there is exactly one.
 */
const ALLOWED_FLAGS = 0x080e;
const DIR_ATTRS = ((0o040755 << 16) | 0x10) >>> 0;
const DYLIB_ATTRS = (0o100755 << 16) >>> 0;
const FILE_ATTRS = (0o100644 << 16) >>> 0;

function extractorProblems(e: ZipReadEntry, r: CentralRecord | undefined): string[] {
  const out: string[] = [];
  if (e.flags & ~ALLOWED_FLAGS) out.push('general-purpose flags outside 0x080e');
  if (e.method === 0 && e.flags & 0x6) out.push('a stored entry with compression option flags');
  if (e.method === 0 && e.compressedSize !== e.size) out.push('stored sizes differ');
  if (r !== undefined) {
    if (!(e.flags & 0x0800) && r.name.some((b) => b >= 0x80))
      out.push('a non-ASCII name without the UTF-8 flag');
    for (let x = 0; x + 4 <= r.extra.length; x += 4 + r.extra.readUInt16LE(x + 2)) {
      if (r.extra.readUInt16LE(x) === 0x7075) out.push('a Unicode path extra field');
    }
  }
  const type = (e.externalAttrs >>> 16) & 0o170000;
  const slash = e.name.endsWith('/');
  if (type === 0o040000 && !slash) out.push('a directory without its trailing slash');
  if (type === 0o100000 && slash) out.push('a regular file marked as a directory');
  if (slash && (e.size !== 0 || e.compressedSize !== 0)) out.push('a directory entry with data');
  if (!slash && e.size >= EXTRACTOR.ratioMinBytes && e.size > EXTRACTOR.ratio * e.compressedSize)
    out.push(`a compression ratio over ${EXTRACTOR.ratio}:1`);
  return out.concat(pathProblems(e.name));
}

function collisions(entries: ZipReadEntry[]): string[] {
  const out: string[] = [];
  const kinds = new Map<string, 'file' | 'directory'>();
  for (const e of entries) {
    const key = collisionKey(e.name);
    const parts = key.split('/');
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join('/');
      if (kinds.get(parent) === 'file') out.push(`'${e.name}' descends through file '${parent}'`);
      kinds.set(parent, 'directory');
    }
    const kind = e.name.endsWith('/') ? 'directory' : 'file';
    if (kinds.has(key) && !(kind === 'directory' && kinds.get(key) === 'directory'))
      out.push(`'${e.name}' collides with another path once case and normalisation are ignored`);
    kinds.set(key, kind);
  }
  return out;
}

function byteProblems(e: ZipReadEntry, r: CentralRecord, dylib: string | undefined): string[] {
  const out: string[] = [];
  const ascii = !r.name.some((b) => b >= 0x80);
  if (r.versionMadeBy !== 0x0314)
    out.push(`made by 0x${r.versionMadeBy.toString(16)}, not 0x0314 (Unix)`);
  if (r.versionNeeded !== 20) out.push(`version needed ${r.versionNeeded}, not 20`);
  if (r.flags !== (ascii ? 0 : 0x0800)) out.push(`flags 0x${r.flags.toString(16)}`);
  if (r.extra.length > 0 || r.commentLength > 0) out.push('extra fields or a comment');
  if (r.internalAttrs !== 0) out.push('internal attributes set');
  const slash = e.name.endsWith('/');
  const method = !slash && e.size > 0 ? 8 : 0;
  if (r.method !== method) out.push(`method ${r.method}, not ${method}`);
  const attrs = slash ? DIR_ATTRS : e.name === dylib ? DYLIB_ATTRS : FILE_ATTRS;
  if (r.externalAttrs >>> 0 !== attrs)
    out.push(`attributes 0x${(r.externalAttrs >>> 0).toString(16)}, not 0x${attrs.toString(16)}`);
  return out;
}

function centralOf(buf: Buffer): CentralRecord[] | undefined {
  const end = endRecord(buf);
  if (end === undefined || end.cdOffset + end.cdSize > buf.length) return undefined;
  return centralRecords(buf.subarray(end.cdOffset, end.cdOffset + end.cdSize), end.entries);
}

export function checkZip(
  buf: Buffer,
  o: { findings: Findings; subject: string; epoch: number | undefined },
): Buffer | undefined {
  const { findings: f, subject } = o;
  const zip = readZip(buf);
  const records = centralOf(buf);
  const rec = (i: number) => (records?.length === zip.entries.length ? records[i] : undefined);
  const rejected = zip.problems.map((p) => p.message);
  if (zip.entries.length === 0) rejected.push('the archive has no entries');
  if (zip.entries.length > EXTRACTOR.entries)
    rejected.push(`${zip.entries.length} entries (limit ${EXTRACTOR.entries})`);
  zip.entries.forEach((e, i) => {
    for (const p of extractorProblems(e, rec(i))) rejected.push(`'${e.name}': ${p}`);
  });
  rejected.push(...collisions(zip.entries));
  const files = zip.entries.filter((e) => !e.name.endsWith('/'));
  const expanded = files.reduce((n, e) => n + e.size, 0);
  const compressed = zip.entries.reduce((n, e) => n + e.compressedSize, 0);
  if (expanded > EXTRACTOR.expandedBytes)
    rejected.push(`expands to ${expanded} bytes (limit ${EXTRACTOR.expandedBytes})`);
  if (expanded >= EXTRACTOR.ratioMinBytes && expanded > EXTRACTOR.ratio * compressed)
    rejected.push(`the archive's compression ratio is over ${EXTRACTOR.ratio}:1`);

  // The installer's walk: regular files ending in `.dylib`, outside hidden files and folders.
  const visible = (e: ZipReadEntry) => !e.name.split('/').some((c) => c.startsWith('.'));
  const dylibs = files.filter((e) => visible(e) && e.name.endsWith('.dylib'));
  const contents: string[] = [];
  const data = new Map<string, Buffer>();
  for (const e of files) {
    const why = nameRefusal(e.name);
    if (why !== undefined) contents.push(`'${e.name}': ${why}`);
    else if (e.name.toLowerCase().endsWith('.dylib') && e !== dylibs[0])
      contents.push(`'${e.name}': a second .dylib`);
    try {
      const bytes = zip.readEntry(e);
      if (hasKeyBlock(bytes)) contents.push(`'${e.name}': holds a PRIVATE KEY block`);
      if (dylibs.length === 1 && e === dylibs[0]) data.set(e.name, bytes);
    } catch (err) {
      rejected.push((err as Error).message);
    }
  }
  for (const msg of rejected) f.fail('archive', subject, 'archiveRejected', msg);
  if (rejected.length === 0)
    f.pass(
      'archive',
      subject,
      `${zip.entries.length} entries; the installer's bounded extractor accepts every one`,
    );

  const bytes: string[] = [];
  if (records === undefined)
    bytes.push('the central directory cannot be walked (or the archive has a comment)');
  const names = zip.entries.map((e) => Buffer.from(e.name));
  names.forEach((n, i) => {
    if (i > 0 && Buffer.compare(names[i - 1]!, n) >= 0)
      bytes.push(`'${zip.entries[i]!.name}' is out of order (entries are sorted by path bytes)`);
  });
  const dirs = new Set(zip.entries.filter((e) => e.name.endsWith('/')).map((e) => e.name));
  for (const e of zip.entries) {
    const parts = e.name.replace(/\/$/, '').split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = `${parts.slice(0, i).join('/')}/`;
      if (!dirs.has(dir)) bytes.push(`no stored entry for directory '${dir}'`);
      dirs.add(dir);
    }
  }
  const times = new Set(records?.map((r) => `${r.date}:${r.time}`));
  if (times.size > 1) bytes.push('entries carry different timestamps');
  if (o.epoch !== undefined && records?.length) {
    const dos = dosDateTime(o.epoch);
    if (!times.has(`${dos.date}:${dos.time}`))
      bytes.push(`the timestamp is not source-date-epoch ${o.epoch}`);
  }
  zip.entries.forEach((e, i) => {
    const r = rec(i);
    if (r !== undefined)
      for (const p of byteProblems(e, r, dylibs.length === 1 ? dylibs[0]!.name : undefined))
        bytes.push(`'${e.name}': ${p}`);
  });
  for (const msg of bytes) f.fail('bytes', subject, 'zipFormat', msg);
  if (bytes.length === 0)
    f.pass(
      'bytes',
      subject,
      'sorted entries, one DOS time, Unix modes (directories and the dylib 0755, files 0644), no extra fields',
    );

  for (const msg of contents) f.fail('contents', subject, 'bundleRefused', msg);
  if (contents.length === 0)
    f.pass('contents', subject, 'no sources, secrets, hidden files or second .dylib');

  if (dylibs.length === 1) {
    f.pass('layout', subject, `exactly one .dylib: ${dylibs[0]!.name}`);
    return data.get(dylibs[0]!.name);
  }
  const message =
    dylibs.length === 0
      ? 'No .dylib found in archive'
      : `Archive must contain exactly one .dylib, found ${dylibs.length}: ${dylibs
          .map((d) => d.name.split('/').at(-1))
          .sort()
          .join(', ')}`;
  f.fail('layout', subject, 'layoutInvalid', message);
  return undefined;
}
