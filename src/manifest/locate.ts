/**
 * Maps a key path (e.g. ['plugin', 'tools', 'expose', 2]) to where it is written in TOML text,
 * using the offsets recorded by `Scanner`. Lookups of paths that are not written (a missing key,
 * a default) fall back to the nearest written ancestor, then to line 1, column 1.
 *
 * Lines and columns are 1-based; columns count UTF-16 code units from the line start, the same
 * convention smol-toml uses for its syntax errors.
 */
import { pathId, Scanner, type TomlNewer } from './toml-scan.ts';

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
  /**
   * Constructs smol-toml accepts but TOML 1.0 parsers (such as the Rust `toml` 0.8 crate the nexo
   * installer uses) reject: line breaks, comments or a trailing comma in an inline table, and the
   * \e and \x escapes. `what` names the construct, `fix` says how to write it in TOML 1.0.
   */
  readonly toml11: readonly (Position & TomlNewer)[];
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

/** Offset to 1-based line and column (UTF-16 code units), by a binary search of line starts. */
export function positionsOf(text: string): (offset: number) => Position {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (lineStarts[lo] ?? 0) + 1 };
  };
}

export function createLocator(text: string): Locator {
  const scanner = new Scanner(text);
  try {
    scanner.scan();
  } catch {
    // Keep whatever was recorded before the scanner got lost; lookups fall back to ancestors.
  }
  const at = positionsOf(text);
  const position = (offset: number | undefined): Position =>
    offset === undefined ? { line: 1, column: 1 } : at(offset);

  const nearest = (path: KeyPath, pick: (p: KeyPath) => number | undefined): number | undefined => {
    for (let n = path.length; n > 0; n--) {
      const found = pick(path.slice(0, n));
      if (found !== undefined) return found;
    }
    return undefined;
  };

  return {
    toml11: scanner.toml11.map(({ at, what, fix }) => ({ ...position(at), what, fix })),
    at: (path) => position(nearest(path, (p) => scanner.keys.get(pathId(p)))),
    table: (path) =>
      position(nearest(path, (p) => scanner.headers.get(pathId(p)) ?? scanner.keys.get(pathId(p)))),
  };
}
