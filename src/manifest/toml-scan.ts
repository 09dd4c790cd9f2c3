/**
 * A second, position-recording pass over TOML text that smol-toml already parsed (smol-toml gives
 * values without positions). Records the offset of every key, table header and array element under
 * its key path, handling [tables], [[arrays of tables]], dotted keys, quoted keys, inline tables,
 * nested arrays and all string forms. It also flags the TOML 1.1 constructs smol-toml accepts but
 * TOML 1.0 parsers (the Rust `toml` 0.8 crate of the nexo installer) reject. On anything
 * unexpected it throws; callers keep what was recorded so far.
 */
import type { KeyPath, PathSegment } from './locate.ts';

/** A map key for a path. */
export const pathId = (path: KeyPath): string => JSON.stringify(path);

export interface TomlNewer {
  what: string;
  fix: string;
}

interface KeyPart {
  name: string;
  at: number;
}

const ESCAPES: Record<string, string> = {
  b: '\b',
  t: '\t',
  n: '\n',
  f: '\f',
  r: '\r',
  e: '\x1b',
  '"': '"',
  '\\': '\\',
};

function decodeBasic(raw: string): string {
  return raw.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|.)/g, (_m, esc: string) =>
    esc.length > 1 ? String.fromCodePoint(parseInt(esc.slice(1), 16)) : (ESCAPES[esc] ?? esc),
  );
}

export class Scanner {
  readonly keys = new Map<string, number>();
  readonly headers = new Map<string, number>();
  /** TOML 1.1 constructs (smol-toml accepts them, TOML 1.0 parsers do not), by offset. */
  readonly toml11: (TomlNewer & { at: number })[] = [];
  private readonly arrayCounts = new Map<string, number>();
  private i = 0;
  private readonly s: string;

  constructor(text: string) {
    this.s = text;
  }

  scan(): void {
    const s = this.s;
    if (s.startsWith('\uFEFF')) this.i = 1;
    let table: PathSegment[] = [];
    while (this.i < s.length) {
      const before = this.i;
      this.skipTrivia(true);
      if (this.i >= s.length) break;
      if (s[this.i] === '[') table = this.header();
      else this.keyValue(table);
      if (this.i === before) break; // defensive: never loop without progress
    }
  }

  private record(path: KeyPath, at: number): void {
    if (!this.keys.has(pathId(path))) this.keys.set(pathId(path), at);
  }

  private header(): PathSegment[] {
    const start = this.i;
    const isArray = this.s[this.i + 1] === '[';
    this.i += isArray ? 2 : 1;
    const parts = this.key();
    this.skipTrivia(false);
    this.i += isArray ? 2 : 1;
    const path: PathSegment[] = [];
    parts.forEach((part, n) => {
      path.push(part.name);
      this.record(path, part.at);
      const count = this.arrayCounts.get(pathId(path));
      if (n === parts.length - 1 && isArray) {
        this.arrayCounts.set(pathId(path), (count ?? 0) + 1);
        path.push(count ?? 0);
        this.record(path, part.at);
      } else if (count !== undefined && n < parts.length - 1) {
        path.push(count - 1); // a sub-table of an array of tables belongs to its last element
      }
    });
    this.headers.set(pathId(path), start);
    return path;
  }

  private keyValue(table: KeyPath): void {
    const path = [...table];
    for (const part of this.key()) {
      path.push(part.name);
      this.record(path, part.at);
    }
    this.skipTrivia(false);
    if (this.s[this.i] !== '=') throw new Error('expected =');
    this.i++;
    this.skipTrivia(false);
    this.value(path);
  }

  /** A possibly dotted key; returns each part with the offset where it starts. */
  private key(): KeyPart[] {
    const s = this.s;
    const parts: KeyPart[] = [];
    for (;;) {
      this.skipTrivia(false);
      const at = this.i;
      let name: string;
      if (s[at] === '"' || s[at] === "'") {
        const end = this.skipString();
        const raw = s.slice(at + 1, end - 1);
        name = s[at] === '"' ? decodeBasic(raw) : raw;
      } else {
        while (this.i < s.length && /[A-Za-z0-9_-]/.test(s[this.i] ?? '')) this.i++;
        if (this.i === at) throw new Error('expected a key');
        name = s.slice(at, this.i);
      }
      parts.push({ name, at });
      this.skipTrivia(false);
      if (s[this.i] !== '.') return parts;
      this.i++;
    }
  }

  private value(path: KeyPath): void {
    const s = this.s;
    const c = s[this.i];
    if (c === '"' || c === "'") {
      this.skipString();
    } else if (c === '[') {
      this.i++;
      for (let n = 0; ; n++) {
        this.skipTrivia(true);
        if (s[this.i] === ']' || this.i >= s.length) break;
        this.record([...path, n], this.i);
        this.value([...path, n]);
        this.skipTrivia(true);
        if (s[this.i] === ',') this.i++;
      }
      this.i++;
    } else if (c === '{') {
      this.i++;
      let comma = -1;
      for (;;) {
        this.inlineTrivia();
        if (s[this.i] === '}' || this.i >= s.length) break;
        comma = -1;
        this.keyValue(path);
        this.inlineTrivia();
        if (s[this.i] === ',') comma = this.i++;
      }
      if (comma >= 0) this.flag(comma, 'a trailing comma in an inline table', 'remove the comma');
      this.i++;
    } else {
      while (this.i < s.length && !',]}\n#'.includes(s[this.i] ?? '')) this.i++;
    }
  }

  /** TOML 1.0 allows only spaces and tabs between the braces of an inline table. */
  private inlineTrivia(): void {
    const start = this.i;
    this.skipTrivia(true);
    const bad = this.s.slice(start, this.i).search(/[\r\n#]/);
    if (bad >= 0) {
      this.flag(
        start + bad,
        'a line break or comment inside an inline table',
        'keep the inline table on one line, or use a [table] section',
      );
    }
  }

  private flag(at: number, what: string, fix: string): void {
    this.toml11.push({ at, what, fix });
  }

  /** At a backslash in a basic string: flags escapes that only TOML 1.1 knows. */
  private escape(): void {
    const next = this.s[this.i + 1];
    if (next === 'e') this.flag(this.i, 'the escape \\e in a string', 'write \\u001B instead');
    if (next === 'x')
      this.flag(this.i, 'a \\x escape in a string', 'write \\u00HH instead of \\xHH');
    this.i += 2;
  }

  /** Skips any string form starting at the cursor; returns the offset just past it. */
  private skipString(): number {
    const s = this.s;
    const q = s[this.i] ?? '"';
    const triple = q.repeat(3);
    if (s.startsWith(triple, this.i)) {
      this.i += 3;
      for (;;) {
        if (this.i >= s.length) throw new Error('unterminated string');
        if (q === '"' && s[this.i] === '\\') this.escape();
        else if (s.startsWith(triple, this.i)) {
          this.i += 3;
          // Up to two quotes right before the closing delimiter belong to the content.
          for (let extra = 0; extra < 2 && s[this.i] === q; extra++) this.i++;
          return this.i;
        } else this.i++;
      }
    }
    this.i++;
    while (this.i < s.length && s[this.i] !== q && s[this.i] !== '\n') {
      if (q === '"' && s[this.i] === '\\') this.escape();
      else this.i++;
    }
    this.i++;
    return this.i;
  }

  /** Skips spaces, tabs, comments and (if allowed) line breaks. */
  private skipTrivia(newlines: boolean): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === ' ' || c === '\t' || (newlines && (c === '\n' || c === '\r'))) this.i++;
      else if (c === '#' && newlines) {
        while (this.i < s.length && s[this.i] !== '\n') this.i++;
      } else return;
    }
  }
}
