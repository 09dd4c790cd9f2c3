import { ReleaseError } from '../errors.ts';

/**
 * The canonical JSON of PRYZM's plugin SDK (`packages/plugin-sdk/src/canonical-json.ts`), the
 * bytes its publisher signature is made over. The rules, as the SDK's code applies them:
 * - object keys are the own enumerable ones, sorted with `.sort()`, i.e. by UTF-16 code units
 *   (not code points: the two differ for astral characters against U+E000-U+FFFF);
 * - members whose value is `undefined` are dropped; `undefined` at the top level or inside an
 *   array becomes `null`;
 * - strings and keys go through `JSON.stringify` (escapes `"`, `\`, U+0000-U+001F and lone
 *   surrogates; everything else stays raw), and so do numbers (`-0` is `0`, 1e21 and above use
 *   exponent form);
 * - NaN, Infinity, bigint, functions, symbols and cycles cannot be represented and throw;
 * - no whitespace; arrays keep their order. `toJSON` is never called.
 *
 * `canonicalJsonPretty` is the same value laid out like `JSON.stringify(v, null, 2)` plus a
 * trailing LF: the form of the `.signature.json` file, which is not what gets signed.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '', '', new Set(), '$');
}

export function canonicalJsonPretty(value: unknown): string {
  return `${write(value, '  ', '', new Set(), '$')}\n`;
}

function refuse(what: string, where: string): ReleaseError {
  return new ReleaseError(
    'INTERNAL',
    `canonical JSON cannot represent ${what} (at ${where}); PRYZM signs JSON values only: strings, finite numbers, booleans, null, arrays and plain objects`,
  );
}

function write(
  value: unknown,
  indent: string,
  current: string,
  seen: Set<object>,
  where: string,
): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw refuse(String(value), where);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      throw refuse(`a ${typeof value}`, where);
  }
  if (seen.has(value)) throw refuse('a cycle', where);
  seen.add(value);
  const inner = current + indent;
  const open = indent === '' ? '' : `\n${inner}`;
  const sep = indent === '' ? ',' : `,\n${inner}`;
  const close = indent === '' ? '' : `\n${current}`;
  let out: string;
  if (Array.isArray(value)) {
    const items = value.map((v, i) => write(v, indent, inner, seen, `${where}[${i}]`));
    out = items.length === 0 ? '[]' : `[${open}${items.join(sep)}${close}]`;
  } else {
    const obj = value as Record<string, unknown>;
    const colon = indent === '' ? ':' : ': ';
    const members = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort()
      .map(
        (k) => `${JSON.stringify(k)}${colon}${write(obj[k], indent, inner, seen, `${where}.${k}`)}`,
      );
    out = members.length === 0 ? '{}' : `{${open}${members.join(sep)}${close}}`;
  }
  seen.delete(value);
  return out;
}
