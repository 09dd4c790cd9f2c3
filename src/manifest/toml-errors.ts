/**
 * smol-toml reports where its parser gave up, in the parser's terms: a string left open at the
 * end of its line becomes "control characters are not allowed in strings" at the newline. This
 * names the cause a person fixes instead, and points at where it starts (the opening quote, the
 * unclosed bracket, the first definition of a duplicated key). Unrecognised errors keep
 * smol-toml's reason and position.
 */
export interface TomlProblem {
  reason: string;
  line: number;
  column: number;
}

interface Position {
  line: number;
  column: number;
}

/** The line's text and the 0-based offset of `column` in it. */
function lineAt(text: string, line: number): string {
  return text.split(/\r?\n/)[line - 1] ?? '';
}

/** The quote that opens the string still open at the end of `src` (outside comments), if any. */
function openQuote(src: string): { quote: string; index: number } | undefined {
  let open: { quote: string; index: number } | undefined;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (open) {
      if (c === '\\' && open.quote === '"') i++;
      else if (src.startsWith(open.quote, i)) {
        i += open.quote.length - 1;
        open = undefined;
      }
    } else if (c === '#') break;
    else if (c === '"' || c === "'") {
      const triple = src.startsWith(c.repeat(3), i);
      open = { quote: triple ? c.repeat(3) : c, index: i };
      if (triple) i += 2;
    }
  }
  return open;
}

/** The innermost `[` or `{` of a value that is still open when the parser stops at `at`. */
function openBracket(text: string, at: Position): (Position & { char: string }) | undefined {
  const lines = text.split(/\r?\n/);
  const stack: (Position & { char: string })[] = [];
  for (let l = 0; l < Math.min(at.line, lines.length); l++) {
    // On the line where the parser stopped, only what comes before that point.
    const src = l === at.line - 1 ? lines[l]!.slice(0, at.column - 1) : lines[l]!;
    // Table headers (`[a]`, `[[a]]`) at the start of a line are not values.
    if (stack.length === 0 && /^\s*\[/.test(src)) continue;
    let quote: string | undefined;
    for (let i = 0; i < src.length; i++) {
      const c = src[i]!;
      if (quote) {
        if (c === '\\' && quote === '"') i++;
        else if (c === quote) quote = undefined;
      } else if (c === '#') break;
      else if (c === '"' || c === "'") quote = c;
      else if (c === '[' || c === '{') stack.push({ char: c, line: l + 1, column: i + 1 });
      else if (c === ']' || c === '}') stack.pop();
    }
  }
  return stack.at(-1);
}

function keyOf(src: string): string | undefined {
  return /^\s*([^=#[\]]+?)\s*=/.exec(src)?.[1]?.trim();
}

export function explainTomlError(text: string, reason: string, at: Position): TomlProblem {
  const src = lineAt(text, at.line);
  const here = { reason, ...at };
  if (/control characters are not allowed in strings|unfinished string/.test(reason)) {
    const open = openQuote(src);
    const lineEnd = at.column > src.length;
    if (open && (lineEnd || /unfinished/.test(reason))) {
      const q = open.quote;
      const what =
        q.length === 3
          ? `the multi-line string opened with ${q} is never closed: add the closing ${q}`
          : `unterminated string: the string opened with ${q} has no closing ${q} before the end of the line (a ${q}...${q} string cannot span lines: close it, or use ${q.repeat(3)} for several lines)`;
      return { reason: what, line: at.line, column: open.index + 1 };
    }
    const ch = text.split(/\r?\n/)[at.line - 1]?.codePointAt(at.column - 1);
    if (ch !== undefined) {
      const code = `U+${ch.toString(16).toUpperCase().padStart(4, '0')}`;
      return {
        ...here,
        reason: `a control character (${code}) inside a string: write it as an escape (\\u${code.slice(2)})`,
      };
    }
  }
  if (/illegal character in key/.test(reason) && /^\s*\[/.test(src) && !src.includes(']')) {
    return {
      ...here,
      reason: `the table header '${src.trim()}' has no closing ]`,
      column: src.indexOf('[') + 1,
    };
  }
  if (/expected comma or end of structure/.test(reason)) {
    const open = openBracket(text, at);
    if (open) {
      const what = open.char === '[' ? 'array' : 'inline table';
      const close = open.char === '[' ? ']' : '}';
      // Stopped at a new `key =`, a table header or the end: the bracket was never closed.
      // Stopped at another value: a comma is missing before it.
      const rest = src.slice(at.column - 1);
      if (rest.trim() === '' || keyOf(rest) !== undefined || /^\s*\[/.test(rest))
        return {
          reason: `the ${what} opened here is not closed: add the missing ${close}`,
          line: open.line,
          column: open.column,
        };
      return {
        ...here,
        reason: `a comma is missing before this value (in the ${what} opened at line ${open.line}, column ${open.column})`,
      };
    }
  }
  if (/redefine an already defined/.test(reason)) {
    const key = keyOf(src) ?? /^\s*\[+([^\]]+)\]/.exec(src)?.[1]?.trim();
    if (key !== undefined) {
      const first = text
        .split(/\r?\n/)
        .slice(0, at.line - 1)
        .findIndex((l) => keyOf(l) === key || l.trim().replace(/^\[+|\]+$/g, '') === key);
      const where = first === -1 ? '' : ` (first at line ${first + 1})`;
      return { ...here, reason: `'${key}' is defined twice${where}: keep one` };
    }
  }
  if (/invalid value/.test(reason)) {
    const value = src
      .slice(at.column - 1)
      .replace(/\s+#.*$/, '')
      .trim();
    return {
      ...here,
      reason:
        value === ''
          ? 'the value after = is missing'
          : `'${value}' is not a TOML value: strings need quotes ("${value}"), booleans are true or false`,
    };
  }
  if (/must be followed by an end-of-line/.test(reason)) {
    const extra = src.slice(at.column - 1).trim();
    return { ...here, reason: `unexpected '${extra}' after the value: one key = value per line` };
  }
  return here;
}
