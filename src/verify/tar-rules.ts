import { LIMITS, MIB, formatBytes, isNativeFile } from '../archive/limits.ts';
import type { OperatorCode } from './codes.ts';
import type { Findings } from './report.ts';
import type { RawTarEntry } from './tar-headers.ts';

/**
 * The installer's extraction rules applied to each raw entry as it streams past, in its order:
 * entry type (regular files and directories only), path (no absolute path, no `..`, no NUL,
 * UTF-8), the entry count, per-entry and total sizes; then what extraction with create-new
 * files and preserved modes implies: a file written twice fails, setuid/setgid bits survive.
 * Also noted for the layout checks: where `nexo-plugin.toml` and `bin/<id>` are.
 *
 * The installer stops at its first error; here every problem is collected (at most PER_CODE
 * per code and tarball are listed, then a count), so one run shows everything to fix.
 * Memory: the set of paths seen, bounded by the entry limit (tracking stops past it).
 */
export const PER_CODE = 10;

const KIND_LABEL: Record<string, string> = {
  '1': 'hardlink',
  '2': 'symlink',
  '3': 'character device',
  '4': 'block device',
  '6': 'fifo',
  '7': 'continuous',
  L: 'gnu long name',
  K: 'gnu long link',
  S: 'gnu sparse',
  g: 'pax global header',
  x: 'pax extended header',
};

export interface Layout {
  /** `nexo-plugin.toml` is a regular file at the root. */
  manifestAtRoot: boolean;
  /** When it is not: the directory it was found under one level down (a wrapping directory). */
  wrappedIn?: string;
  /** `bin/<id>` as found: its typeflag and mode. */
  binary?: { typeflag: string; mode: number };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Rust `Path::components` over raw bytes, with the installer's refusals; else the normal key. */
export function entryKey(raw: Buffer): { key: string } | { unsafe: string } {
  if (raw[0] === 0x2f) return { unsafe: 'entry path is absolute' };
  const parts: string[] = [];
  for (const part of raw.toString('latin1').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') return { unsafe: 'entry contains parent component (`..`)' };
    const bytes = Buffer.from(part, 'latin1');
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      return { unsafe: 'entry component is not valid UTF-8' };
    }
    if (text.includes('\0')) return { unsafe: 'entry component contains NUL byte' };
    parts.push(text);
  }
  return { key: parts.join('/') };
}

export function showPath(raw: Buffer): string {
  return JSON.stringify(raw.toString('utf8'));
}

export class EntryRules {
  readonly layout: Layout = { manifestAtRoot: false };
  private readonly seen = new Map<string, 'file' | 'dir'>();
  private readonly listed = new Map<OperatorCode, { n: number; level: 'fail' | 'warn' }>();
  private total = 0;
  private count = 0;
  private readonly tarball: string;
  private readonly id: string | undefined;
  private readonly noarch: boolean;
  private readonly findings: Findings;

  constructor(opts: {
    tarball: string;
    id: string | undefined;
    noarch: boolean;
    findings: Findings;
  }) {
    this.tarball = opts.tarball;
    this.id = opts.id;
    this.noarch = opts.noarch;
    this.findings = opts.findings;
  }

  /** Records a failing (or warning) rule for one entry, within the per-code cap. */
  private report(
    level: 'fail' | 'warn',
    check: string,
    code: OperatorCode,
    what: string,
    message: string,
  ) {
    const n = (this.listed.get(code)?.n ?? 0) + 1;
    this.listed.set(code, { n, level });
    if (n <= PER_CODE) this.findings[level](check, `${this.tarball}:${what}`, code, message);
  }

  add(e: RawTarEntry): void {
    this.count++;
    const shown = showPath(e.path);
    const regular = e.typeflag === '0' || e.typeflag === '\0';
    const dir = e.typeflag === '5' || (regular && !e.ustar && e.path.at(-1) === 0x2f);
    if (!regular && e.typeflag !== '5') {
      const kind = KIND_LABEL[e.typeflag] ?? 'non-regular';
      this.report(
        'fail',
        'tar',
        'DisallowedEntryType',
        shown,
        `entry ${shown} rejected: type \`${kind}\` not allowed (regular files and directories only)`,
      );
    }
    const key = entryKey(e.path);
    if ('unsafe' in key) {
      this.report(
        'fail',
        'tar',
        'UnsafePath',
        shown,
        `entry path ${shown} rejected: ${key.unsafe}`,
      );
    }
    if (this.count === LIMITS.entries + 1) {
      this.findings.fail(
        'limits',
        this.tarball,
        'TooManyEntries',
        `more than ${LIMITS.entries} entries (directories count): the installer stops at entry ${LIMITS.entries + 1}`,
      );
    }
    // The installer compares the header's size field; a PAX `size` (what is really extracted)
    // can only be larger in a crafted archive, and then that larger size is what fills the disk.
    const size = Math.max(e.size, e.headerSize);
    if (size > LIMITS.entryBytes) {
      this.report(
        'fail',
        'limits',
        'EntryTooLarge',
        shown,
        `entry ${shown} is ${size} bytes (${formatBytes(size)}); the per-entry limit is ${LIMITS.entryBytes} (${LIMITS.entryBytes / MIB} MiB)`,
      );
    }
    const before = this.total;
    this.total += size;
    if (before <= LIMITS.totalBytes && this.total > LIMITS.totalBytes) {
      this.findings.fail(
        'limits',
        this.tarball,
        'ExtractedTooLarge',
        `the entries add up to more than ${LIMITS.totalBytes / MIB} MiB (the limit on the extracted size), passed at entry ${shown}`,
      );
    }
    if ('unsafe' in key || (!regular && !dir)) return;
    this.place(key.key, dir ? 'dir' : 'file', shown);
    this.modes(key.key, e, dir, shown);
  }

  /** Create-new extraction: a second file at a path, or a file where a directory is, fails. */
  private place(key: string, kind: 'file' | 'dir', shown: string): void {
    if (key === '' || this.seen.size > LIMITS.entries * 2) return;
    const before = this.seen.get(key);
    if (before === 'dir' && kind === 'dir') {
      this.report(
        'warn',
        'tar',
        'DuplicatePath',
        shown,
        `directory ${shown} is listed twice (the installer tolerates a repeated directory)`,
      );
    } else if (before !== undefined) {
      this.report(
        'fail',
        'tar',
        'DuplicatePath',
        shown,
        `${shown} appears twice (as a ${before}, then a ${kind}): extraction refuses to overwrite and fails`,
      );
    }
    const parts = key.split('/');
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join('/');
      if (this.seen.get(parent) === 'file') {
        this.report(
          'fail',
          'tar',
          'DuplicatePath',
          shown,
          `${shown} is inside ${JSON.stringify(parent)}, which is a file`,
        );
      } else this.seen.set(parent, 'dir');
    }
    if (before === undefined) this.seen.set(key, kind);
  }

  private modes(key: string, e: RawTarEntry, dir: boolean, shown: string): void {
    if ((e.mode & 0o6000) !== 0) {
      this.report(
        'fail',
        'modes',
        'SetuidBit',
        shown,
        `${shown} has mode ${octal(e.mode)} with the setuid/setgid bit, which the installer keeps as stored`,
      );
    } else if ((e.mode & 0o002) !== 0) {
      this.report(
        'warn',
        'modes',
        'UnusualMode',
        shown,
        `${shown} is world-writable (mode ${octal(e.mode)}), and the installer keeps modes as stored`,
      );
    }
    if (key === 'nexo-plugin.toml' && !dir) this.layout.manifestAtRoot = true;
    const wrapped = /^([^/]+)\/nexo-plugin\.toml$/.exec(key);
    if (wrapped && !dir) this.layout.wrappedIn ??= wrapped[1];
    if (this.id !== undefined && key === `bin/${this.id}`) {
      this.layout.binary ??= { typeflag: dir ? '5' : '0', mode: e.mode };
    }
    if (this.noarch && !dir && key.startsWith('lib/') && isNativeFile(key)) {
      this.report(
        'fail',
        'noarch',
        'NativeInNoarch',
        shown,
        `${shown} is native code in a noarch plugin: it runs on one platform only. Publish per-target tarballs instead, or leave it out`,
      );
    }
  }

  /** Entry count and extracted size, for the passing result. */
  summary(): string {
    return `${this.count} entries, ${formatBytes(this.total)} extracted`;
  }

  /** Adds one closing result per code with more problems than were listed. */
  finish(): void {
    for (const [code, { n, level }] of this.listed) {
      if (n > PER_CODE)
        this.findings[level](
          'tar',
          this.tarball,
          code,
          `and ${n - PER_CODE} more entries with the same problem`,
        );
    }
  }
}

export function octal(mode: number): string {
  return `0${(mode & 0o7777).toString(8).padStart(3, '0')}`;
}
