/**
 * Maps a key path (e.g. ['plugin', 'tools', 'expose', 2]) to where it is written in TOML text.
 * smol-toml returns values without positions, so this scans the text a second time, recording the
 * offset of every key, table header and array element. It handles [tables], [[arrays of tables]],
 * dotted keys, quoted keys, inline tables, nested arrays and all string forms. It assumes the text
 * already parsed as TOML; on anything unexpected it stops and keeps what it has, and lookups fall
 * back to the nearest recorded ancestor, then to line 1, column 1.
 *
 * Lines and columns are 1-based; columns count UTF-16 code units from the line start, the same
 * convention smol-toml uses for its syntax errors.
 */

export type PathSegment = string | number;
export type KeyPath = readonly PathSegment[];

export interface Position {
  line: number;
  column: number;
}

export interface Locator {
  /** Where the key or array element at `path` is written (nearest written ancestor if absent). */
  at(path: KeyPath): Position;
  /** Where the table at `path` is opened: its `[header]` if it has one, else where its key is. */
  table(path: KeyPath): Position;
}

/** Human-readable form of a key path: plugin.ui.fields."a.b".label, plugin.tools.expose[2]. */
export function formatPath(path: KeyPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else {
      const text = /^[A-Za-z0-9_-]+$/.test(seg) ? seg : JSON.stringify(seg);
      out += out === '' ? text : `.${text}`;
    }
  }
  return out;
}

const id = (path: KeyPath): string => JSON.stringify(path);

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

class Scanner {
  readonly keys = new Map<string, number>();
  readonly headers = new Map<string, number>();
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
    if (!this.keys.has(id(path))) this.keys.set(id(path), at);
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
      const count = this.arrayCounts.get(id(path));
      if (n === parts.length - 1 && isArray) {
        this.arrayCounts.set(id(path), (count ?? 0) + 1);
        path.push(count ?? 0);
        this.record(path, part.at);
      } else if (count !== undefined && n < parts.length - 1) {
        path.push(count - 1); // a sub-table of an array of tables belongs to its last element
      }
    });
    this.headers.set(id(path), start);
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
      for (;;) {
        this.skipTrivia(true);
        if (s[this.i] === '}' || this.i >= s.length) break;
        this.keyValue(path);
        this.skipTrivia(true);
        if (s[this.i] === ',') this.i++;
      }
      this.i++;
    } else {
      while (this.i < s.length && !',]}\n#'.includes(s[this.i] ?? '')) this.i++;
    }
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
        if (q === '"' && s[this.i] === '\\') this.i += 2;
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
      this.i += q === '"' && s[this.i] === '\\' ? 2 : 1;
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

export function createLocator(text: string): Locator {
  const scanner = new Scanner(text);
  try {
    scanner.scan();
  } catch {
    // Keep whatever was recorded before the scanner got lost; lookups fall back to ancestors.
  }
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);

  const position = (offset: number | undefined): Position => {
    if (offset === undefined) return { line: 1, column: 1 };
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (lineStarts[lo] ?? 0) + 1 };
  };

  const nearest = (path: KeyPath, pick: (p: KeyPath) => number | undefined): number | undefined => {
    for (let n = path.length; n > 0; n--) {
      const found = pick(path.slice(0, n));
      if (found !== undefined) return found;
    }
    return undefined;
  };

  return {
    at: (path) => position(nearest(path, (p) => scanner.keys.get(id(p)))),
    table: (path) =>
      position(nearest(path, (p) => scanner.headers.get(id(p)) ?? scanner.keys.get(id(p)))),
  };
}
