import { JsonSyntaxError as SyntaxFailure, parseJsonSource } from './json-source.ts';

/**
 * The JSON locator in the shape the Biosimulant profile reads it: a value with positions, or the
 * syntax error's place, never a throw. One parser serves every JSON manifest (json-source.ts:
 * strict RFC 8259, the same value as `JSON.parse`, duplicate keys reported); this adapts it.
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

/** Parses `text`; returns the value with its positions, or the syntax error's place. */
export function parseLocatedJson(text: string): LocatedJson | { error: JsonSyntaxError } {
  try {
    const src = parseJsonSource(text);
    // The root has no key: its own value's place.
    const at = (path: JsonPath) => (path.length === 0 ? src.at(path) : src.keyAt(path));
    return { value: src.value, duplicates: src.duplicates, at };
  } catch (e) {
    if (!(e instanceof SyntaxFailure)) throw e;
    return { error: { message: e.message, line: e.line, column: e.column } };
  }
}
