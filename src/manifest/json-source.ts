import { positionsOf, type KeyPath, type Position } from './locate.ts';

/**
 * A JSON reader that keeps where every value and key is written, for manifest diagnostics with
 * line and column. It accepts exactly what `JSON.parse` accepts (RFC 8259: no comments, no
 * trailing commas, no BOM) and builds the same value (the last of duplicate keys wins, numbers
 * through `Number`, strings through `JSON.parse`), so the checks see what the consumer's
 * `JSON.parse` would give them. Lines and columns are 1-based; columns count UTF-16 code units.
 */
export interface JsonSource {
  value: unknown;
  /** Where the value at `path` starts (nearest written ancestor when it is absent). */
  at(path: KeyPath): Position;
  /** Where the key of the member at `path` is written (its value's position for array items). */
  keyAt(path: KeyPath): Position;
  /** Keys written more than once in one object, where the later ones are. */
  duplicates: { path: KeyPath; position: Position }[];
}

export class JsonSyntaxError extends Error {
  readonly line: number;
  readonly column: number;
  constructor(message: string, position: Position) {
    super(message);
    this.name = 'JsonSyntaxError';
    this.line = position.line;
    this.column = position.column;
  }
}

const MAX_DEPTH = 256;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
// A string token: no raw control characters; escapes as RFC 8259 lists them.
// eslint-disable-next-line no-control-regex -- refusing raw U+0000-U+001F is the point
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

const pathId = (path: KeyPath): string => JSON.stringify(path);

export function parseJsonSource(text: string): JsonSource {
  const position = positionsOf(text);
  const values = new Map<string, number>();
  const keys = new Map<string, number>();
  const duplicates: JsonSource['duplicates'] = [];
  let i = 0;

  const fail = (what: string, at = i): never => {
    const found =
      at >= text.length
        ? 'the end of the file'
        : `${JSON.stringify(text[at])} (U+${text.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0')})`;
    throw new JsonSyntaxError(`expected ${what}, found ${found}`, position(at));
  };
  const space = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  // Where the string token starting at `i` goes wrong: a raw control character, a bad escape, or
  // the end of the text, so the error points at the character to fix.
  const badInString = (): number => {
    if (text[i] !== '"') return i;
    let j = i + 1;
    while (j < text.length && text[j] !== '"') {
      if (text.charCodeAt(j) < 0x20) return j;
      if (text[j] === '\\') {
        const esc = /^(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.exec(text.slice(j + 1, j + 6));
        if (esc === null) return j;
        j += 1 + esc[0].length;
      } else j++;
    }
    return j;
  };

  const string = (): string => {
    STRING.lastIndex = i;
    const m = STRING.exec(text);
    if (m === null)
      fail('a string in double quotes, with control characters escaped', badInString());
    i += m![0].length;
    return JSON.parse(m![0]) as string;
  };

  const value = (path: KeyPath, depth: number): unknown => {
    if (depth > MAX_DEPTH) fail(`at most ${MAX_DEPTH} levels of nesting`);
    space();
    values.set(pathId(path), i);
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      space();
      if (text[i] === '}') return (i++, obj);
      for (;;) {
        space();
        const keyStart = i;
        if (text[i] !== '"') fail('a key in double quotes');
        const key = string();
        const member = [...path, key];
        if (Object.hasOwn(obj, key))
          duplicates.push({ path: member, position: position(keyStart) });
        keys.set(pathId(member), keyStart);
        space();
        if (text[i] !== ':') fail("':' after the key");
        i++;
        // defineProperty: a "__proto__" key is an own member, as JSON.parse makes it.
        Object.defineProperty(obj, key, {
          value: value(member, depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
        space();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return (i++, obj);
        else fail("',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      space();
      if (text[i] === ']') return (i++, arr);
      for (;;) {
        arr.push(value([...path, arr.length], depth + 1));
        space();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return (i++, arr);
        else fail("',' or ']'");
      }
    }
    if (c === '"') return string();
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, i)) return ((i += word.length), v);
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m === null) fail('a JSON value (object, array, string, number, true, false or null)');
    i += m![0].length;
    return Number(m![0]);
  };

  if (text.charCodeAt(0) === 0xfeff) fail('JSON text (a byte order mark is not allowed)', 0);
  const result = value([], 0);
  space();
  if (i < text.length) fail('the end of the file after the value');

  const nearest = (path: KeyPath, map: Map<string, number>): Position => {
    for (let n = path.length; n >= 0; n--) {
      const found = (n === path.length ? map : values).get(pathId(path.slice(0, n)));
      if (found !== undefined) return position(found);
    }
    return { line: 1, column: 1 };
  };
  return {
    value: result,
    duplicates,
    at: (path) => nearest(path, values),
    keyAt: (path) => nearest(path, keys),
  };
}
