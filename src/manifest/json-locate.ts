/**
 * A strict JSON (RFC 8259) parser that remembers where each value is written, for manifests in
 * JSON: a syntax error carries its line and column, and every rule violation can point at the
 * key it is about. Duplicate keys are reported too (readers disagree on which one wins).
 *
 * Lines and columns are 1-based; columns count UTF-16 code units from the line start (the
 * convention of the TOML locator and of editors' "Ln, Col").
 */
export type JsonPath = readonly (string | number)[];

export interface JsonPosition {
  line: number;
  column: number;
}

export interface JsonSyntaxError extends JsonPosition {
  message: string;
}

export interface LocatedJson {
  value: unknown;
  /** Where the value at `path` is written: for an object member, its key. Falls back to the
   * nearest written ancestor, then to 1:1. */
  at(path: JsonPath): JsonPosition;
  /** Keys written more than once, with where the later one is. */
  duplicates: { path: JsonPath; position: JsonPosition }[];
}

const MAX_DEPTH = 256;

class Parser {
  private i = 0;
  private readonly lineStarts: number[] = [0];
  readonly spots = new Map<string, number>();
  readonly duplicates: { path: JsonPath; offset: number }[] = [];
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
    for (let k = 0; k < text.length; k++) if (text[k] === '\n') this.lineStarts.push(k + 1);
  }

  position(offset: number): JsonPosition {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }

  fail(message: string, offset = this.i): never {
    throw Object.assign(new Error(message), { offset });
  }

  parseDocument(): unknown {
    this.ws();
    const value = this.value([], 0);
    this.ws();
    if (this.i < this.text.length) this.fail('unexpected text after the JSON value');
    return value;
  }

  private ws(): void {
    while (/[ \t\n\r]/.test(this.text[this.i] ?? '')) this.i++;
  }

  private describe(): string {
    const c = this.text[this.i];
    return c === undefined ? 'the end of the file' : `'${c}'`;
  }

  private value(path: JsonPath, depth: number): unknown {
    if (depth > MAX_DEPTH) this.fail(`values nested more than ${MAX_DEPTH} deep`);
    if (!this.spots.has(JSON.stringify(path))) this.spots.set(JSON.stringify(path), this.i);
    const c = this.text[this.i];
    if (c === '{') return this.object(path, depth);
    if (c === '[') return this.array(path, depth);
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return v;
      }
    }
    return this.fail(`expected a value, found ${this.describe()}`);
  }

  private object(path: JsonPath, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    this.i++;
    this.ws();
    if (this.text[this.i] === '}') {
      this.i++;
      return out;
    }
    for (;;) {
      if (this.text[this.i] !== '"')
        this.fail(`expected a key in double quotes, found ${this.describe()}`);
      const keyAt = this.i;
      const key = this.string();
      const child = [...path, key];
      if (Object.hasOwn(out, key)) this.duplicates.push({ path: child, offset: keyAt });
      else this.spots.set(JSON.stringify(child), keyAt);
      this.ws();
      if (this.text[this.i] !== ':')
        this.fail(`expected ':' after the key, found ${this.describe()}`);
      this.i++;
      this.ws();
      out[key] = this.value(child, depth + 1);
      this.ws();
      if (this.text[this.i] === ',') {
        this.i++;
        this.ws();
        continue;
      }
      if (this.text[this.i] === '}') {
        this.i++;
        return out;
      }
      this.fail(`expected ',' or '}', found ${this.describe()}`);
    }
  }

  private array(path: JsonPath, depth: number): unknown[] {
    const out: unknown[] = [];
    this.i++;
    this.ws();
    if (this.text[this.i] === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      out.push(this.value([...path, out.length], depth + 1));
      this.ws();
      if (this.text[this.i] === ',') {
        this.i++;
        this.ws();
        continue;
      }
      if (this.text[this.i] === ']') {
        this.i++;
        return out;
      }
      this.fail(`expected ',' or ']', found ${this.describe()}`);
    }
  }

  private string(): string {
    const start = this.i;
    this.i++;
    for (;;) {
      const c = this.text[this.i];
      if (c === undefined) this.fail('a string is not closed', start);
      if (c === '"') break;
      if (c < ' ') this.fail('a control character inside a string (escape it, e.g. \\n)');
      if (c === '\\') {
        const e = this.text[this.i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 2, this.i + 6)))
            this.fail('\\u needs four hex digits');
          this.i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) this.fail(`invalid escape '\\${e ?? ''}'`);
        this.i += 2;
        continue;
      }
      this.i++;
    }
    this.i++;
    return JSON.parse(this.text.slice(start, this.i)) as string;
  }

  private number(): number {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(
      this.text.slice(this.i, this.i + 400),
    );
    if (!m) this.fail('invalid number');
    this.i += m[0].length;
    return Number(m[0]);
  }
}

/** Parses `text`; returns the value with its positions, or the syntax error's place. */
export function parseLocatedJson(text: string): LocatedJson | { error: JsonSyntaxError } {
  const p = new Parser(text);
  let value: unknown;
  try {
    value = p.parseDocument();
  } catch (e) {
    const offset = (e as { offset?: number }).offset;
    if (offset === undefined) throw e;
    return { error: { message: (e as Error).message, ...p.position(offset) } };
  }
  return {
    value,
    duplicates: p.duplicates.map((d) => ({ path: d.path, position: p.position(d.offset) })),
    at(path) {
      for (let n = path.length; n >= 0; n--) {
        const spot = p.spots.get(JSON.stringify(path.slice(0, n)));
        if (spot !== undefined) return p.position(spot);
      }
      return { line: 1, column: 1 };
    },
  };
}
