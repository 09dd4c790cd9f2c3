/**
 * Where each value of a JSON document is written, for manifest diagnostics with line and column.
 * The value itself comes from `JSON.parse` (what the Osaurus tooling's decoders see); this scan
 * only walks the same text once more to note the offset of every value and member key. Lines and
 * columns are 1-based; columns count UTF-16 code units.
 */
export type JsonPath = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

export interface JsonPositions {
  /** Where the value at `path` starts, or the nearest written ancestor's when it is absent. */
  at(path: JsonPath): Position;
}

export function jsonPositions(text: string): JsonPositions {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const position = (offset: number): Position => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
  const offsets = new Map<string, number>();
  let i = 0;
  const space = () => {
    while (i < text.length && ' \t\n\r\ufeff'.includes(text[i]!)) i++;
  };
  const string = (): string => {
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: JsonPath): void => {
    space();
    offsets.set(JSON.stringify(path), i);
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      for (let n = 0; ; n++) {
        space();
        if (text[i] === close || i >= text.length) return void i++;
        if (c === '{') {
          const key = string();
          space();
          i++; // ':'
          value([...path, key]);
        } else value([...path, n]);
        space();
        if (text[i] === ',') i++;
      }
    }
    if (c === '"') return void string();
    while (i < text.length && !',}] \t\n\r'.includes(text[i]!)) i++;
  };
  value([]);
  return {
    at(path) {
      for (let n = path.length; n >= 0; n--) {
        const offset = offsets.get(JSON.stringify(path.slice(0, n)));
        if (offset !== undefined) return position(offset);
      }
      return { line: 1, column: 1 };
    },
  };
}

/** `JSON.parse`'s error position ("... (line 3 column 5)" or "at position 42"), 1-based. */
export function syntaxErrorPosition(text: string, message: string): Position {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const at = /position (\d+)/.exec(message);
  const offset = at ? Number(at[1]) : text.length;
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}
