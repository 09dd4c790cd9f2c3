import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  createLocator,
  formatPath
} from "./chunk-JJKM5RR3.js";
import {
  require_semver
} from "./chunk-2TJC7A4H.js";
import {
  ReleaseError
} from "./chunk-S5POLVOE.js";
import {
  __toESM
} from "./chunk-5ZJU6YLT.js";

// src/manifest/nexo.ts
import { readdir, readFile } from "node:fs/promises";
import { basename, dirname } from "node:path";

// node_modules/smol-toml/dist/error.js
function getLineColFromPtr(string, ptr) {
  let lines = string.slice(0, ptr).split(/\r?\n/);
  return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
  let lines = string.split(/\r?\n/);
  let codeblock = "";
  let numberLen = (Math.log10(line + 1) | 0) + 1;
  for (let i = line - 1; i <= line + 1; i++) {
    let l = lines[i - 1];
    if (!l)
      continue;
    codeblock += i.toString().padEnd(numberLen, " ");
    codeblock += ":  ";
    codeblock += l;
    codeblock += "\n";
    if (i === line) {
      codeblock += " ".repeat(numberLen + column + 2);
      codeblock += "^\n";
    }
  }
  return codeblock;
}
var TomlError = class _TomlError extends Error {
  line;
  column;
  codeblock;
  constructor(message, options) {
    const [line, column] = getLineColFromPtr(options.toml, options.ptr);
    const codeblock = makeCodeBlock(options.toml, line, column);
    super(`Invalid TOML document: ${message}

${codeblock}`, options);
    this.line = line;
    this.column = column;
    this.codeblock = codeblock;
  }
  /** @internal */
  static x(message, ctx, ptr) {
    throw new _TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
  }
};

// node_modules/smol-toml/dist/primitive.js
function parseString(ctx) {
  let startPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p++);
  let first = c;
  let isLiteral = c === 39;
  let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
  if (isMultiline) {
    if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 10)
      ctx.p++;
    else if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)
      ctx.p += 2;
  }
  let parsed = "";
  let sliceStart = ctx.p;
  let state = 0;
  for (; ctx.p < ctx.s.length; ctx.p++) {
    c = ctx.s.charCodeAt(ctx.p);
    if (isMultiline && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)) {
      state = state && 3;
    } else if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in strings", ctx);
    } else if ((!state || state === 3) && c === first && (!isMultiline || ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first)) {
      if (isMultiline) {
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
      }
      if (!state) {
        let s = ctx.s.slice(sliceStart, ctx.p);
        parsed = parsed ? parsed + s : s;
      }
      ctx.p += isMultiline ? 3 : 1;
      return parsed;
    } else if (!state) {
      if (!isLiteral && c === 92) {
        parsed += ctx.s.slice(sliceStart, sliceStart = ctx.p);
        state = 1;
      }
    } else if (state === 1) {
      if (c === 120 || c === 117 || c === 85) {
        let errPtr = ctx.p++ - 1;
        let value = 0;
        let len = c === 120 ? 2 : c === 117 ? 4 : 8;
        for (let j = 0; j < len; j++, ctx.p++) {
          let hex = ctx.s.charCodeAt(ctx.p);
          let digit = (
            /* 0-9 */
            hex >= 48 && hex <= 57 ? hex - 48 : (
              /* A-F */
              hex >= 65 && hex <= 70 ? hex - 65 + 10 : (
                /* a-f */
                hex >= 97 && hex <= 102 ? hex - 97 + 10 : -1
              )
            )
          );
          if (digit < 0)
            TomlError.x("invalid non-hex character in unicode escape", ctx);
          value = value << 4 | digit;
        }
        if (value < 0 || value > 1114111 || value >= 55296 && value <= 57343) {
          TomlError.x("invalid unicode escape", ctx, errPtr);
        }
        parsed += String.fromCodePoint(value);
        sliceStart = ctx.p--;
        state = 0;
      } else if (isMultiline && (c === 32 || c === 9)) {
        state = 2;
      } else {
        if (c === 98)
          parsed += "\b";
        else if (c === 116)
          parsed += "	";
        else if (c === 110)
          parsed += "\n";
        else if (c === 102)
          parsed += "\f";
        else if (c === 114)
          parsed += "\r";
        else if (c === 101)
          parsed += "\x1B";
        else if (c === 34)
          parsed += '"';
        else if (c === 92)
          parsed += "\\";
        else
          TomlError.x("unrecognised escape sequence", ctx);
        sliceStart = ctx.p + 1;
        state = 0;
      }
    } else if (c !== 32 && c !== 9) {
      if (state === 2)
        TomlError.x("invalid escape: only line-ending whitespace may be escaped", ctx, sliceStart);
      state = !isLiteral && c === 92 ? 1 : 0;
      sliceStart = ctx.p;
    }
  }
  TomlError.x("unfinished string", ctx, startPtr);
}

// node_modules/smol-toml/dist/date.js
var DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
var TomlDate = class _TomlDate extends Date {
  #hasDate = false;
  #hasTime = false;
  #offset = null;
  constructor(date, fasttype, unsafeDelim) {
    let hasDate = true;
    let hasTime = true;
    let offset = "Z";
    let c;
    if (typeof date === "string") {
      if (fasttype)
        prep: {
          if (fasttype < 3) {
            if (+date.slice(11, 13) > 23) {
              date = "";
              break prep;
            }
            if (fasttype === 2) {
              offset = null;
              date += "Z";
            } else if ((c = date.charCodeAt(date.length - 1)) !== 90 && c !== 122) {
              offset = date.slice(date.length - 6);
            }
            if (unsafeDelim)
              date = date.slice(0, 10) + "T" + date.slice(11);
          } else if (fasttype === 4) {
            date = +date.slice(0, 2) > 23 ? "" : `0000-01-01T${date}Z`;
          }
          hasDate = fasttype !== 4;
          hasTime = fasttype !== 3;
        }
      else {
        let match = date.match(DATE_TIME_RE);
        if (match) {
          if (!match[1]) {
            hasDate = false;
            date = `0000-01-01T${date}`;
          }
          hasTime = !!match[2];
          hasTime && date[10] === " " && (date = date.replace(" ", "T"));
          if (match[2] && +match[2] > 23) {
            date = "";
          } else {
            offset = match[3] || null;
            if (!offset && hasTime)
              date += "Z";
          }
        } else {
          date = "";
        }
      }
    }
    super(date);
    if (!isNaN(this.getTime())) {
      this.#hasDate = hasDate;
      this.#hasTime = hasTime;
      this.#offset = offset;
    }
  }
  isDateTime() {
    return this.#hasDate && this.#hasTime;
  }
  isLocal() {
    return !this.#hasDate || !this.#hasTime || !this.#offset;
  }
  isDate() {
    return this.#hasDate && !this.#hasTime;
  }
  isTime() {
    return this.#hasTime && !this.#hasDate;
  }
  isValid() {
    return this.#hasDate || this.#hasTime;
  }
  toISOString() {
    let iso = super.toISOString();
    if (this.isDate())
      return iso.slice(0, 10);
    if (this.isTime())
      return iso.slice(11, 23);
    if (this.#offset === null)
      return iso.slice(0, -1);
    if (this.#offset === "Z" || this.#offset === "z")
      return iso;
    let offset = +this.#offset.slice(1, 3) * 60 + +this.#offset.slice(4, 6);
    offset = this.#offset[0] === "-" ? offset : -offset;
    let offsetDate = new Date(this.getTime() - offset * 6e4);
    return offsetDate.toISOString().slice(0, -1) + this.#offset;
  }
  static wrapAsOffsetDateTime(jsDate, offset = "Z") {
    let date = new _TomlDate(jsDate);
    date.#offset = offset;
    return date;
  }
  static wrapAsLocalDateTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#offset = null;
    return date;
  }
  static wrapAsLocalDate(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasTime = false;
    date.#offset = null;
    return date;
  }
  static wrapAsLocalTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasDate = false;
    date.#offset = null;
    return date;
  }
};

// node_modules/smol-toml/dist/extract.js
function isDigit(char, base = 10) {
  return base === 16 ? char > 47 && char < 58 || char > 64 && char < 71 || char > 96 && char < 103 : char > 47 && char < 48 + base;
}
function isEndOfValue(char, delim) {
  return char === 32 || char === 9 || char === 10 || char === 13 || // Structure end or next value delimiter
  delim && (char === delim || char === 44) || // Comment
  char === 35;
}
function extractValue(ctx, end) {
  let errPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p);
  if (c === 91 || c === 123) {
    ctx.d-- || TomlError.x("document contains excessively nested structures. aborting.", ctx);
    let value = c === 91 ? parseArray(ctx) : parseInlineTable(ctx);
    ctx.d++;
    return value;
  }
  if (c === 34 || c === 39) {
    return parseString(ctx);
  }
  if (c === 116) {
    if (ctx.s.charCodeAt(++ctx.p) !== 114 || ctx.s.charCodeAt(++ctx.p) !== 117 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, true;
  }
  if (c === 102) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 108 || ctx.s.charCodeAt(++ctx.p) !== 115 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, false;
  }
  if (c === 43 || c === 45) {
    return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 44 - c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 4) === 45 && ctx.s.charCodeAt(ctx.p + 7) === 45) {
    return parseDate(ctx, c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 2) === 58) {
    return parseTime(ctx, c, end);
  }
  return parseNumber(ctx, ctx.p, c, 0, end);
}
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
  let c = startChr;
  let state = 0;
  let hasUnderscores = false;
  if (c === 105) {
    if (ctx.s.charCodeAt(++ctx.p) !== 110 || ctx.s.charCodeAt(++ctx.p) !== 102)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, (sign || 1) / 0;
  }
  if (c === 110) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 110)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, NaN;
  }
  if (c === 48) {
    if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
      return ctx.bi === true ? 0n : 0;
    if (!sign) {
      if (c === 120)
        return parseIntegerBaseN(ctx, startPtr, 16, endChr);
      else if (c === 98)
        return parseIntegerBaseN(ctx, startPtr, 2, endChr);
      else if (c === 111)
        return parseIntegerBaseN(ctx, startPtr, 8, endChr);
    }
    if (c === 46)
      state = 2;
    else if (c === 101 || c === 69)
      state = 4;
    else
      TomlError.x("illegal leading zero", ctx, startPtr);
  } else if (!isDigit(c))
    TomlError.x("invalid value", ctx, startPtr);
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (!state)
      state = 1;
    if (c === 95) {
      if (!(state & 1))
        TomlError.x("illegal underscore", ctx);
      state += 11;
      hasUnderscores = true;
    } else if (state === 1 && c === 46)
      state = 2;
    else if ((state === 1 || state === 3) && (c === 101 || c === 69))
      state = 4;
    else if (state === 4 && (c === 43 || c === 45)) {
      state = 6;
    } else if (!isDigit(c))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (state > 9)
      state -= 11;
    else if (!(state & 1))
      state++;
  }
  if (!state) {
    let val = (startChr - 48) * (sign || 1);
    return ctx.bi === true ? BigInt(val) : val;
  }
  if (!(state & 1))
    TomlError.x("unfinished numeric value", ctx, startPtr);
  let str2 = ctx.s.slice(startPtr, ctx.p);
  if (hasUnderscores)
    str2 = str2.replaceAll("_", "");
  return state > 1 ? parseFloat(str2) : parseInteger(ctx, str2, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
  let c, underscore = 1;
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (c === 95) {
      if (underscore & 1)
        TomlError.x("illegal underscore", ctx);
      underscore = 3;
    } else if (!isDigit(c, base))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (underscore & 1)
      underscore--;
  }
  if (underscore & 1)
    TomlError.x("unfinished numeric value", ctx);
  let str2 = ctx.s.slice(startPtr + 2, ctx.p);
  if (underscore)
    str2 = str2.replaceAll("_", "");
  return parseInteger(ctx, str2, base, startPtr);
}
function parseInteger(ctx, str2, base, startPtr) {
  if (ctx.bi !== true)
    int: {
      let val = parseInt(str2, base);
      if (!Number.isSafeInteger(val)) {
        if (ctx.bi)
          break int;
        TomlError.x("integer value cannot be represented losslessly", ctx, startPtr);
      }
      return val;
    }
  return base === 10 ? BigInt(str2) : BigInt((base === 2 ? "0b" : base === 8 ? "0o" : "0x") + str2);
}
function parseDate(ctx, c, endChr) {
  let startPtr = ctx.p++, unsafeSeparator;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++))) {
    return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
  }
  ctx.p += 5;
  if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
    TomlError.x("invalid date-time: date part is malformed", ctx, startPtr);
  if (ctx.p >= ctx.s.length || ((c = ctx.s.charCodeAt(ctx.p)) !== 32 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 84 && c !== 116) {
    let t2 = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t2, 3, false, startPtr);
  }
  if (ctx.s.charCodeAt(ctx.p += 3) !== 58)
    TomlError.x("invalid date-time: time part is malformed", ctx, startPtr);
  if (ctx.s.charCodeAt(ctx.p += 3) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  if (c = ctx.s.charCodeAt(ctx.p)) {
    if (c === 90 || c === 122) {
      let t2 = ctx.s.slice(startPtr, ++ctx.p);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, "[+00:00]");
    }
    if (c === 43 || c === 45) {
      let t2 = ctx.s.slice(startPtr, ctx.p += 6);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, !ctx.ld && "[" + ctx.s.slice(ctx.p - 6, ctx.p) + "]");
    }
  }
  let t = ctx.s.slice(startPtr, ctx.p);
  return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
  let start = ctx.p;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
    return parseNumber(ctx, --ctx.p, c, 0, endChr);
  }
  if (ctx.s.charCodeAt(ctx.p += 4) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  let t = ctx.s.slice(start, ctx.p);
  return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str2, type, unsafeDelim, errPtr, temporalSuffix) {
  if (ctx.ld) {
    let date = new TomlDate(str2, type, unsafeDelim);
    if (!date.isValid())
      TomlError.x("invalid date", ctx, errPtr);
    return date;
  }
  try {
    if (temporalSuffix)
      str2 += temporalSuffix;
    switch (type) {
      case 1:
        return Temporal.ZonedDateTime.from(str2);
      case 2:
        return Temporal.PlainDateTime.from(str2);
      case 3:
        return Temporal.PlainDate.from(str2);
      case 4:
        return Temporal.PlainTime.from(str2);
    }
  } catch (e) {
    TomlError.x(e instanceof Error ? e.message : "" + e, ctx, errPtr);
  }
}

// node_modules/smol-toml/dist/util.js
function skipComment(ctx) {
  for (; ctx.p < ctx.s.length; ctx.p++) {
    let c = ctx.s.charCodeAt(ctx.p);
    if (c === 10)
      break;
    if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10) {
      ctx.p++;
      break;
    }
    if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in comments", ctx);
    }
  }
}
function skipVoid(ctx, banNewLines, banComments) {
  let c;
  while (ctx.p < ctx.s.length) {
    while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 32 || c === 9 || !banNewLines && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)))
      ctx.p++;
    if (banComments || c !== 35)
      break;
    skipComment(ctx);
  }
}

// node_modules/smol-toml/dist/struct.js
function parseKey(ctx, end = 61) {
  let startPtr;
  let state = 0;
  let parsed = [];
  let sliceStart;
  let c = ctx.s.charCodeAt(startPtr = ctx.p);
  do {
    if (c === end) {
      if (!state)
        TomlError.x("unexpected end of key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      return ctx.p++, parsed;
    } else if (c === 46) {
      if (!state)
        TomlError.x("illegal empty bare key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      state = 0;
    } else if (!state && (c === 34 || c === 39)) {
      if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
        TomlError.x("illegal quoted key: multiline strings are not allowed", ctx);
      parsed.push(parseString(ctx));
      state = 2;
      ctx.p--;
    } else if (c === 32 || c === 9) {
      if (state === 1) {
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
        state = 2;
      }
    } else if (state === 2 || c < 48 && c !== 45 || c > 57 && c < 65 || c > 90 && c < 97 && c !== 95 || c > 122) {
      TomlError.x("illegal character in key", ctx);
    } else if (!state) {
      state = 1;
      sliceStart = ctx.p;
    }
  } while (c = ctx.s.charCodeAt(++ctx.p));
  TomlError.x("incomplete key-value: cannot find end of key", ctx, startPtr);
}
function parseInlineTable(ctx) {
  let startPtr = ctx.p++;
  let res = /* @__PURE__ */ Object.create(null);
  let seen = /* @__PURE__ */ new Set();
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 125) {
      ctx.p++;
      return res;
    }
    let k;
    let t = res;
    let hasOwn = false;
    let errPtr = ctx.p;
    let key = parseKey(ctx);
    for (let i = 0; i < key.length; i++) {
      if (i)
        t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      k = key[i];
      if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== "object" || seen.has(t[k]))) {
        TomlError.x("trying to redefine an already defined value", ctx, errPtr);
      }
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor")) {
        t = ctx.uk !== 1 && TomlError.x("document contains an unsafe property", ctx, errPtr);
        break;
      }
      if (!hasOwn && unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
      }
    }
    if (hasOwn) {
      TomlError.x("trying to redefine an already defined value", ctx, errPtr);
    }
    skipVoid(ctx, true, true);
    let value = extractValue(
      ctx,
      125
      /* } */
    );
    if (t && typeof (t[k] = value) === "object")
      seen.add(value);
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 125) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished table", ctx, startPtr);
}
function parseArray(ctx) {
  let startPtr = ctx.p++;
  let res = [];
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 93) {
      ctx.p++;
      return res;
    }
    res.push(extractValue(
      ctx,
      93
      /* ] */
    ));
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 93) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished array", ctx, startPtr);
}

// node_modules/smol-toml/dist/parse.js
function peekTable(ctx, key, table2, meta, type) {
  let t = table2;
  let m = meta;
  let k;
  let hasOwn = false;
  let state;
  for (let i = 0; i < key.length; i++) {
    if (i) {
      t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      m = (state = m[k]).c;
      if (type === 0 && (state.t === 1 || state.t === 2)) {
        return null;
      }
      if (state.t === 2) {
        let l = t.length - 1;
        t = t[l];
        m = m[l].c;
      }
    }
    k = key[i];
    if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 && m[k]?.d) {
      return null;
    }
    if (!hasOwn) {
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor"))
        return false;
      if (unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
        Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
      }
      m[k] = {
        t: i < key.length - 1 && type === 2 ? 3 : type,
        d: false,
        i: 0,
        c: /* @__PURE__ */ Object.create(null)
      };
    }
  }
  state = m[k];
  if (state.t !== type && !(type === 1 && state.t === 3)) {
    return null;
  }
  if (type === 2) {
    if (!state.d) {
      state.d = true;
      t[k] = [];
    }
    t[k].push(t = /* @__PURE__ */ Object.create(null));
    state.c[state.i++] = state = { t: 1, d: false, i: 0, c: /* @__PURE__ */ Object.create(null) };
  }
  if (state.d) {
    return null;
  }
  state.d = true;
  if (type === 1) {
    t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
  } else if (type === 0 && hasOwn) {
    return null;
  }
  return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
  if (peek === null || ctx.uk === 2)
    TomlError.x(peek === null ? "trying to redefine an already defined table or value" : "document contains an unsafe property", ctx, ptr);
}
function parse(toml, options = {}) {
  let ctx = {
    s: toml,
    p: 0,
    d: options.maxDepth ?? 1e3,
    bi: options.integersAsBigInt ?? false,
    ld: options.useLegacyDate ?? true,
    uk: options.unsafeKeyBehaviour === "throw" ? 2 : options.unsafeKeyBehaviour === "drop" ? 1 : 0
  };
  let res = /* @__PURE__ */ Object.create(null);
  let meta = /* @__PURE__ */ Object.create(null);
  let tmp;
  let skipping = false;
  let tbl = res;
  let m = meta;
  if (toml.charCodeAt(0) === 65279)
    ctx.p++;
  skipVoid(ctx);
  while (ctx.p < toml.length) {
    if (toml.charCodeAt(ctx.p) === 91) {
      let isTableArray = toml.charCodeAt(++ctx.p) === 91;
      tmp = ctx.p += +isTableArray;
      skipping = false;
      let k = parseKey(
        ctx,
        93
        /* ] */
      );
      if (isTableArray) {
        if (toml.charCodeAt(ctx.p) !== 93) {
          TomlError.x("expected end of table array declaration", ctx);
        }
        ctx.p++;
      }
      let p = peekTable(
        ctx,
        k,
        res,
        meta,
        isTableArray ? 2 : 1
        /* Type.EXPLICIT */
      );
      if (!p) {
        validateTablePeek(ctx, p, tmp);
        skipping = true;
      } else {
        m = p[2];
        tbl = p[1];
      }
    } else {
      tmp = ctx.p;
      let k = parseKey(ctx);
      let p = peekTable(
        ctx,
        k,
        tbl,
        m,
        0
        /* Type.DOTTED */
      );
      if (!p && !skipping)
        validateTablePeek(ctx, p, tmp);
      skipVoid(ctx, true, true);
      let v = extractValue(ctx, void 0);
      if (p && !skipping)
        p[1][p[0]] = v;
    }
    skipVoid(ctx, true);
    if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 10 && (tmp !== 13 || toml.charCodeAt(ctx.p + 1) !== 10)) {
      TomlError.x("each key-value declaration must be followed by an end-of-line", ctx);
    }
    skipVoid(ctx);
  }
  return res;
}

// node_modules/smol-toml/dist/stringify.js
var HAS_WELLFORMED = !!"".isWellFormed;

// src/manifest/toml-errors.ts
function lineAt(text, line) {
  return text.split(/\r?\n/)[line - 1] ?? "";
}
function openQuote(src) {
  let open;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (open) {
      if (c === "\\" && open.quote === '"') i++;
      else if (src.startsWith(open.quote, i)) {
        i += open.quote.length - 1;
        open = void 0;
      }
    } else if (c === "#") break;
    else if (c === '"' || c === "'") {
      const triple = src.startsWith(c.repeat(3), i);
      open = { quote: triple ? c.repeat(3) : c, index: i };
      if (triple) i += 2;
    }
  }
  return open;
}
function openBracket(text, at) {
  const lines = text.split(/\r?\n/);
  const stack = [];
  for (let l = 0; l < Math.min(at.line, lines.length); l++) {
    const src = l === at.line - 1 ? lines[l].slice(0, at.column - 1) : lines[l];
    if (stack.length === 0 && /^\s*\[/.test(src)) continue;
    let quote;
    for (let i = 0; i < src.length; i++) {
      const c = src[i];
      if (quote) {
        if (c === "\\" && quote === '"') i++;
        else if (c === quote) quote = void 0;
      } else if (c === "#") break;
      else if (c === '"' || c === "'") quote = c;
      else if (c === "[" || c === "{") stack.push({ char: c, line: l + 1, column: i + 1 });
      else if (c === "]" || c === "}") stack.pop();
    }
  }
  return stack.at(-1);
}
function keyOf(src) {
  return /^\s*([^=#[\]]+?)\s*=/.exec(src)?.[1]?.trim();
}
function explainTomlError(text, reason, at) {
  const src = lineAt(text, at.line);
  const here = { reason, ...at };
  if (/control characters are not allowed in strings|unfinished string/.test(reason)) {
    const open = openQuote(src);
    const lineEnd = at.column > src.length;
    if (open && (lineEnd || /unfinished/.test(reason))) {
      const q = open.quote;
      const what = q.length === 3 ? `the multi-line string opened with ${q} is never closed: add the closing ${q}` : `unterminated string: the string opened with ${q} has no closing ${q} before the end of the line (a ${q}...${q} string cannot span lines: close it, or use ${q.repeat(3)} for several lines)`;
      return { reason: what, line: at.line, column: open.index + 1 };
    }
    const ch = text.split(/\r?\n/)[at.line - 1]?.codePointAt(at.column - 1);
    if (ch !== void 0) {
      const code = `U+${ch.toString(16).toUpperCase().padStart(4, "0")}`;
      return {
        ...here,
        reason: `a control character (${code}) inside a string: write it as an escape (\\u${code.slice(2)})`
      };
    }
  }
  if (/illegal character in key/.test(reason) && /^\s*\[/.test(src) && !src.includes("]")) {
    return {
      ...here,
      reason: `the table header '${src.trim()}' has no closing ]`,
      column: src.indexOf("[") + 1
    };
  }
  if (/expected comma or end of structure/.test(reason)) {
    const open = openBracket(text, at);
    if (open) {
      const what = open.char === "[" ? "array" : "inline table";
      const close = open.char === "[" ? "]" : "}";
      const rest = src.slice(at.column - 1);
      if (rest.trim() === "" || keyOf(rest) !== void 0 || /^\s*\[/.test(rest))
        return {
          reason: `the ${what} opened here is not closed: add the missing ${close}`,
          line: open.line,
          column: open.column
        };
      return {
        ...here,
        reason: `a comma is missing before this value (in the ${what} opened at line ${open.line}, column ${open.column})`
      };
    }
  }
  if (/redefine an already defined/.test(reason)) {
    const key = keyOf(src) ?? /^\s*\[+([^\]]+)\]/.exec(src)?.[1]?.trim();
    if (key !== void 0) {
      const first = text.split(/\r?\n/).slice(0, at.line - 1).findIndex((l) => keyOf(l) === key || l.trim().replace(/^\[+|\]+$/g, "") === key);
      const where = first === -1 ? "" : ` (first at line ${first + 1})`;
      return { ...here, reason: `'${key}' is defined twice${where}: keep one` };
    }
  }
  if (/invalid value/.test(reason)) {
    const value = src.slice(at.column - 1).replace(/\s+#.*$/, "").trim();
    return {
      ...here,
      reason: value === "" ? "the value after = is missing" : `'${value}' is not a TOML value: strings need quotes ("${value}"), booleans are true or false`
    };
  }
  if (/must be followed by an end-of-line/.test(reason)) {
    const extra = src.slice(at.column - 1).trim();
    return { ...here, reason: `unexpected '${extra}' after the value: one key = value per line` };
  }
  return here;
}

// src/manifest/shape.ts
var import_semver = __toESM(require_semver(), 1);

// src/manifest/rust-semver.ts
var POSITION_NAME = {
  major: "major version number",
  minor: "minor version number",
  patch: "patch version number",
  pre: "pre-release identifier",
  build: "build metadata"
};
var U64_MAX = 18446744073709551615n;
var MAX_COMPARATORS = 32;
var SyntaxFailure = class extends Error {
};
function fail(reason) {
  throw new SyntaxFailure(reason);
}
function quoted(ch) {
  return ch === "\0" ? "'\\0'" : JSON.stringify(ch).replace(/^"|"$/g, "'");
}
function firstChar(s) {
  return String.fromCodePoint(s.codePointAt(0) ?? 0);
}
var isDigit2 = (c) => c !== void 0 && c >= "0" && c <= "9";
var isIdentChar = (c) => c !== void 0 && /^[0-9A-Za-z-]$/.test(c);
function numeric(s, pos) {
  let len = 0;
  let value = 0n;
  while (isDigit2(s[len])) {
    if (value === 0n && len > 0) fail(`invalid leading zero in ${POSITION_NAME[pos]}`);
    value = value * 10n + BigInt(s.charCodeAt(len) - 48);
    if (value > U64_MAX) fail(`value of ${POSITION_NAME[pos]} exceeds u64::MAX`);
    len++;
  }
  if (len > 0) return s.slice(len);
  if (s.length > 0)
    fail(`unexpected character ${quoted(firstChar(s))} while parsing ${POSITION_NAME[pos]}`);
  return fail(`unexpected end of input while parsing ${POSITION_NAME[pos]}`);
}
function identifier(s, pos) {
  let done = 0;
  for (; ; ) {
    let seg = 0;
    let nonDigit = false;
    while (isIdentChar(s[done + seg])) {
      if (!isDigit2(s[done + seg])) nonDigit = true;
      seg++;
    }
    const boundary = s[done + seg];
    if (seg === 0) {
      if (done === 0 && boundary !== ".") return ["", s];
      fail(`empty identifier segment in ${POSITION_NAME[pos]}`);
    }
    if (pos === "pre" && seg > 1 && !nonDigit && s[done] === "0") {
      fail(`invalid leading zero in ${POSITION_NAME[pos]}`);
    }
    done += seg;
    if (boundary !== ".") return [s.slice(0, done), s.slice(done)];
    done++;
  }
}
function dot(s, pos) {
  if (s.startsWith(".")) return s.slice(1);
  if (s.length > 0)
    fail(`unexpected character ${quoted(firstChar(s))} after ${POSITION_NAME[pos]}`);
  return fail(`unexpected end of input while parsing ${POSITION_NAME[pos]}`);
}
function run(check) {
  try {
    check();
    return void 0;
  } catch (e) {
    if (e instanceof SyntaxFailure) return e.message;
    throw e;
  }
}
function rustVersionError(text) {
  return run(() => {
    if (text === "") fail("empty string, expected a semver version");
    let rest = dot(numeric(text, "major"), "major");
    rest = dot(numeric(rest, "minor"), "minor");
    rest = numeric(rest, "patch");
    let pos = "patch";
    if (rest.startsWith("-")) {
      pos = "pre";
      const [pre, after] = identifier(rest.slice(1), "pre");
      if (pre === "") fail(`empty identifier segment in ${POSITION_NAME.pre}`);
      rest = after;
    }
    if (rest.startsWith("+")) {
      pos = "build";
      const [build, after] = identifier(rest.slice(1), "build");
      if (build === "") fail(`empty identifier segment in ${POSITION_NAME.build}`);
      rest = after;
    }
    if (rest.length > 0)
      fail(`unexpected character ${quoted(firstChar(rest))} after ${POSITION_NAME[pos]}`);
  });
}
function wildcard(s) {
  return s[0] === "*" || s[0] === "x" || s[0] === "X" ? s[0] : void 0;
}
function stripOp(s) {
  for (const op of [">=", "<=", "=", ">", "<", "~", "^"])
    if (s.startsWith(op)) return s.slice(op.length);
  return s;
}
function comparator(input) {
  let s = stripOp(input).replace(/^ +/, "");
  let pos = "major";
  s = numeric(s, pos);
  let minorWild = false;
  let hasPatch = false;
  if (s.startsWith(".")) {
    s = s.slice(1);
    pos = "minor";
    if (wildcard(s) !== void 0) {
      minorWild = true;
      s = s.slice(1);
    } else s = numeric(s, pos);
  }
  if (s.startsWith(".")) {
    s = s.slice(1);
    pos = "patch";
    if (wildcard(s) !== void 0) s = s.slice(1);
    else if (minorWild) fail("unexpected character after wildcard in version req");
    else {
      s = numeric(s, pos);
      hasPatch = true;
    }
  }
  if (hasPatch && s.startsWith("-")) {
    pos = "pre";
    const [pre, after] = identifier(s.slice(1), "pre");
    if (pre === "") fail(`empty identifier segment in ${POSITION_NAME.pre}`);
    s = after;
  }
  if (hasPatch && s.startsWith("+")) {
    pos = "build";
    const [build, after] = identifier(s.slice(1), "build");
    if (build === "") fail(`empty identifier segment in ${POSITION_NAME.build}`);
    s = after;
  }
  return [pos, s.replace(/^ +/, "")];
}
function rustVersionReqError(text) {
  return run(() => {
    let s = text.replace(/^ +/, "");
    const wild = wildcard(s);
    if (wild !== void 0) {
      const rest = s.slice(1).replace(/^ +/, "");
      if (rest === "") return;
      if (rest.startsWith(","))
        fail(`wildcard req (${wild}) must be the only comparator in the version req`);
      fail("unexpected character after wildcard in version req");
    }
    for (let count = 1; ; count++) {
      let pos;
      try {
        [pos, s] = comparator(s);
      } catch (e) {
        const w = wildcard(s);
        const rest = s.slice(1).replace(/^ +/, "");
        if (w !== void 0 && (rest === "" || rest.startsWith(","))) {
          fail(`wildcard req (${w}) must be the only comparator in the version req`);
        }
        throw e;
      }
      if (s === "") return;
      if (!s.startsWith(",")) {
        fail(`expected comma after ${POSITION_NAME[pos]}, found ${quoted(firstChar(s))}`);
      }
      if (count === MAX_COMPARATORS) fail("excessive number of version comparators");
      s = s.slice(1).replace(/^ +/, "");
    }
  });
}

// src/manifest/shape.ts
function isTable(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof TomlDate);
}
function describe(v) {
  if (typeof v === "string") return `a string (${JSON.stringify(v)})`;
  if (typeof v === "bigint") return `an integer (${v})`;
  if (typeof v === "number") return `a float (${v})`;
  if (typeof v === "boolean") return `a boolean (${v})`;
  if (v instanceof TomlDate) return "a date/time";
  if (Array.isArray(v)) return "an array";
  return "a table";
}
function expected(spec) {
  switch (spec.kind) {
    case "string":
      return "a string";
    case "bool":
      return "a boolean (true or false)";
    case "int":
      return `a whole number from 0 to ${spec.max}`;
    case "enum":
      return `one of ${spec.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "array":
      return `an array of ${expected(spec.of).replace(/^an? /, "")} values`;
    default:
      return "a table";
  }
}
function distance(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
function closest(key, known) {
  const scored = known.map((k) => ({ k, d: distance(key.toLowerCase(), k) }));
  scored.sort((x, y) => x.d - y.d);
  const best = scored[0];
  return best !== void 0 && best.d <= Math.max(1, Math.floor(key.length / 3)) ? best.k : void 0;
}
function unknownKey(path, key, fields) {
  const where = path.length === 0 ? "at the top level" : `in [${formatPath(path)}]`;
  const known = Object.keys(fields);
  const hint = closest(key, known);
  const fix = hint !== void 0 ? `rename it to '${hint}'` : "remove it";
  if (path.length === 0) {
    return `unknown top-level key '${key}': nexo-plugin.toml may contain only the [plugin] table, and the nexo installer rejects anything else; move it under [plugin] (as [plugin.${key}] or plugin.${key}) if it is a plugin setting, or ${fix}`;
  }
  return `unknown key '${formatPath([...path, key])}' ${where}: the nexo installer rejects unknown keys; ${fix} (allowed keys: ${known.join(", ")})`;
}
function checkString(v, spec, path) {
  const name = formatPath(path);
  if (spec.format === "version") {
    const why = rustVersionError(v);
    if (why !== void 0) {
      return `${name} '${v}' is not a valid SemVer version (${why}); write MAJOR.MINOR.PATCH with optional -prerelease and +build parts, e.g. "1.2.0" or "1.2.0-beta.1" (no 'v' prefix, no leading zeros)`;
    }
    const npm = (0, import_semver.parse)(v);
    if (npm === null || npm.version !== v.split("+")[0]) {
      return `${name} '${v}' is valid SemVer but too large for the release tooling; keep each number at most ${Number.MAX_SAFE_INTEGER} and the whole version under 256 characters`;
    }
  }
  if (spec.format === "versionReq") {
    const why = rustVersionReqError(v);
    if (why !== void 0) {
      return `${name} '${v}' is not a valid version requirement (${why}); use Cargo syntax such as ">=0.1.0", "^0.2" or ">=0.1.0, <0.3.0" (comparators separated by commas; npm forms such as "||" or "1.0.0 - 2.0.0" are not accepted)`;
    }
  }
  return void 0;
}
function checkShape(value, spec, path, out) {
  const name = formatPath(path);
  const wrongType = () => {
    out.push({
      path,
      where: "key",
      message: `${name} must be ${expected(spec)}, found ${describe(value)}`
    });
  };
  switch (spec.kind) {
    case "string": {
      if (typeof value !== "string") return wrongType();
      const message = checkString(value, spec, path);
      if (message !== void 0) out.push({ path, where: "key", message });
      return;
    }
    case "bool":
      if (typeof value !== "boolean") wrongType();
      return;
    case "int":
      if (typeof value !== "bigint") return wrongType();
      if (value < 0n || value > spec.max) {
        out.push({
          path,
          where: "key",
          message: `${name} must be a whole number from 0 to ${spec.max} (it is read as a Rust ${spec.rust}), found ${value}`
        });
      }
      return;
    case "enum":
      if (typeof value !== "string") return wrongType();
      if (!spec.values.includes(value)) {
        out.push({
          path,
          where: "key",
          message: `${name} is ${JSON.stringify(value)}, which nexo does not know; use ${expected(spec)} (exact spelling and case)`
        });
      }
      return;
    case "array":
      if (!Array.isArray(value)) return wrongType();
      value.forEach((item, i) => checkShape(item, spec.of, [...path, i], out));
      return;
    case "map":
      if (!isTable(value)) return wrongType();
      for (const [key, item] of Object.entries(value))
        checkShape(item, spec.of, [...path, key], out);
      return;
    case "table": {
      if (!isTable(value)) return wrongType();
      for (const [key, item] of Object.entries(value)) {
        const field = spec.fields[key];
        if (field !== void 0) checkShape(item, field.spec, [...path, key], out);
        else if (spec.denyUnknown) {
          out.push({
            path: [...path, key],
            where: "key",
            message: unknownKey(path, key, spec.fields)
          });
        }
      }
      for (const [key, field] of Object.entries(spec.fields)) {
        if (field.required === true && !Object.hasOwn(value, key)) {
          const where = path.length === 0 ? "the file" : `[${name}]`;
          out.push({
            path,
            where: "table",
            message: `missing required key '${formatPath([...path, key])}' in ${where}; add it, e.g. ${field.example ?? key}`
          });
        }
      }
    }
  }
}

// src/manifest/nexo-rules.ts
var ID_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;
var STDERR_TAIL_MAX = 512;
var ID_RULE = "^[a-z][a-z0-9_]{0,31}$ (lowercase letter first, then lowercase letters, digits or _, at most 32 chars)";
var tableAt = (root, path) => {
  let v = root;
  for (const seg of path) v = isTable(v) ? v[seg] : void 0;
  return isTable(v) ? v : void 0;
};
var strAt = (t, key) => {
  const v = t?.[key];
  return typeof v === "string" ? v : void 0;
};
var stringsAt = (t, key) => {
  const v = t?.[key];
  if (!Array.isArray(v)) return [];
  return v.flatMap((item, i) => typeof item === "string" ? [[i, item]] : []);
};
var tablesAt = (t, key) => {
  const v = t?.[key];
  if (!Array.isArray(v)) return [];
  return v.flatMap((item, i) => isTable(item) ? [[i, item]] : []);
};
function idReason(id) {
  if (id === "") return "it is empty";
  if (/^[0-9]/.test(id)) return "it starts with a digit";
  if (/[A-Z]/.test(id)) return "it has uppercase letters";
  if (id.length > 32) return `it is ${id.length} characters long`;
  return "it has characters other than a-z, 0-9 and _ or does not start with a letter";
}
var blank = (s) => new RegExp("^\\p{White_Space}*$", "u").test(s);
function pathProblem(p) {
  if (p.startsWith("/") || p.includes(":\\")) {
    return "must be relative to the plugin root, not absolute; remove the leading / or drive";
  }
  if (p.split(/[/\\]/).includes("..")) {
    return "must not contain '..' (no leaving the plugin root); use a path inside the plugin";
  }
  return void 0;
}
var identity = (plugin, report) => {
  const id = strAt(plugin, "id");
  if (id !== void 0 && !ID_PATTERN.test(id)) {
    report(["id"], `id '${id}' is invalid (${idReason(id)}): it must match ${ID_RULE}`);
  }
  for (const key of ["name", "description"]) {
    const v = strAt(plugin, key);
    if (v !== void 0 && blank(v)) {
      report(
        [key],
        `plugin.${key} must not be empty or only whitespace (the daemon refuses to load the plugin); write a short ${key}`
      );
    }
  }
};
var tools = (plugin, report) => {
  const id = strAt(plugin, "id");
  const section = tableAt(plugin, ["tools"]);
  const expose = stringsAt(section, "expose");
  for (const [i, tool] of id === void 0 ? [] : expose) {
    if (!tool.startsWith(`${id}_`)) {
      report(
        ["tools", "expose", i],
        `tool '${tool}' in plugin.tools.expose must start with '${id}_' (the plugin id and an underscore); rename it, e.g. '${id}_${tool}'`
      );
    }
  }
  const exposed = new Set(expose.map(([, t]) => t));
  for (const [i, tool] of stringsAt(section, "deferred")) {
    if (!exposed.has(tool)) {
      report(
        ["tools", "deferred", i],
        `tool '${tool}' in plugin.tools.deferred is not in plugin.tools.expose; deferred tools must be exposed: add it to expose or remove it from deferred`
      );
    }
  }
};
var paths = (plugin, report) => {
  const fields = [
    ["agents", "contributes_dir"],
    ["skills", "contributes_dir"],
    ["config", "schema_path"]
  ];
  for (const [section, key] of fields) {
    const p = strAt(tableAt(plugin, [section]), key);
    const problem = p === void 0 ? void 0 : pathProblem(p);
    if (problem !== void 0) {
      report([section, key], `${formatPath(["plugin", section, key])} '${p}' ${problem}`);
    }
  }
};
var channels = (plugin, report) => {
  tablesAt(tableAt(plugin, ["channels"]), "register").forEach(([i, decl]) => {
    const kind = strAt(decl, "kind");
    if (kind !== void 0 && !ID_PATTERN.test(kind)) {
      report(["channels", "register", i, "kind"], `channel kind '${kind}' must match ${ID_RULE}`);
    }
  });
};
var capabilities = (plugin, report) => {
  const has = (section, key) => {
    const v = tableAt(plugin, [section])?.[key];
    return Array.isArray(v) ? v.length > 0 : v !== void 0;
  };
  const needs = {
    tools: [has("tools", "expose"), "list the tools in [plugin.tools] expose = [...]"],
    advisors: [has("advisors", "register"), "list them in [plugin.advisors] register = [...]"],
    agents: [has("agents", "contributes_dir"), 'set [plugin.agents] contributes_dir = "..."'],
    skills: [has("skills", "contributes_dir"), 'set [plugin.skills] contributes_dir = "..."'],
    channels: [
      has("channels", "register"),
      "add a [[plugin.channels.register]] table with kind and adapter"
    ]
  };
  for (const [i, cap] of stringsAt(tableAt(plugin, ["capabilities"]), "provides")) {
    const [filled, fix] = needs[cap] ?? [true, ""];
    if (!filled) {
      report(
        ["capabilities", "provides", i],
        `capability '${cap}' is declared in plugin.capabilities.provides but its section is empty; ${fix}, or remove '${cap}' from provides`
      );
    }
  }
};
var gates = (plugin, report) => {
  const seen = /* @__PURE__ */ new Set();
  for (const [i, gate] of tablesAt(tableAt(plugin, ["capability_gates"]), "gate")) {
    const env = strAt(gate, "env_var");
    if (env === void 0) continue;
    if (seen.has(env)) {
      report(
        ["capability_gates", "gate", i, "env_var"],
        `capability gate env_var '${env}' is used by more than one gate; each gate needs its own env_var`
      );
    }
    seen.add(env);
  }
};
var supervisor = (plugin, report) => {
  const tail = tableAt(plugin, ["supervisor"])?.["stderr_tail_lines"];
  if (typeof tail === "bigint" && tail > BigInt(STDERR_TAIL_MAX)) {
    report(
      ["supervisor", "stderr_tail_lines"],
      `plugin.supervisor.stderr_tail_lines is ${tail}, above the daemon's cap of ${STDERR_TAIL_MAX}; lower it to ${STDERR_TAIL_MAX} or less`
    );
  }
};
var reservedEnv = (plugin, report) => {
  for (const key of Object.keys(tableAt(plugin, ["entrypoint", "env"]) ?? {})) {
    if (key.startsWith("NEXO_")) {
      report(
        ["entrypoint", "env", key],
        `plugin.entrypoint.env key '${key}' starts with NEXO_, which is reserved for the nexo runtime; rename it (e.g. without the NEXO_ prefix)`
      );
    }
  }
};
var RULES = [
  identity,
  tools,
  paths,
  channels,
  capabilities,
  gates,
  supervisor,
  reservedEnv
];
function checkNexoRules(root, out) {
  const plugin = tableAt(root, ["plugin"]);
  if (plugin === void 0) return;
  const report = (path, message) => {
    out.push({ path: ["plugin", ...path], where: "key", message });
  };
  for (const rule of RULES) rule(plugin, report);
}

// src/manifest/schema.ts
var str = { kind: "string" };
var bool = { kind: "bool" };
var strings = { kind: "array", of: str };
var u16 = { kind: "int", rust: "u16", max: 65535n };
var u32 = { kind: "int", rust: "u32", max: 4294967295n };
var U64_MAX2 = 18446744073709551615n;
var u64 = { kind: "int", rust: "u64", max: U64_MAX2 };
var table = (fields) => ({
  kind: "table",
  denyUnknown: true,
  fields
});
var opt = (spec) => ({ spec });
var req = (spec, example) => ({ spec, required: true, example });
var CAPABILITIES = [
  "tools",
  "advisors",
  "agents",
  "skills",
  "channels",
  "hooks",
  "mcp_servers",
  "webhooks",
  "poller_drivers",
  "llm_providers"
];
var NEXO_MANIFEST_SCHEMA = table({
  plugin: req(
    table({
      id: req(str, 'id = "my_plugin"'),
      version: req({ kind: "string", format: "version" }, 'version = "0.1.0"'),
      name: req(str, 'name = "My Plugin"'),
      description: req(str, 'description = "What the plugin does"'),
      min_nexo_version: req(
        { kind: "string", format: "versionReq" },
        'min_nexo_version = ">=0.1.0"'
      ),
      enabled_by_default: opt(bool),
      // Capabilities, AdminCapabilities, HttpServerCapability
      capabilities: opt(
        table({
          provides: opt({ kind: "array", of: { kind: "enum", values: CAPABILITIES } }),
          admin: opt(table({ required: opt(strings), optional: opt(strings) })),
          http_server: opt(
            table({
              port: req(u16, "port = 8080"),
              bind: opt(str),
              token_env: req(str, 'token_env = "MY_PLUGIN_TOKEN"'),
              health_path: opt(str)
            })
          ),
          skills: opt(strings)
        })
      ),
      tools: opt(table({ expose: opt(strings), deferred: opt(strings) })),
      // ToolsSection
      advisors: opt(table({ register: opt(strings) })),
      // AdvisorsSection
      agents: opt(table({ contributes_dir: opt(str), allow_override: opt(bool) })),
      // AgentsSection
      // ChannelsSection, ChannelDecl
      channels: opt(
        table({
          register: opt({
            kind: "array",
            of: table({
              kind: req(str, 'kind = "my_channel"'),
              adapter: req(str, 'adapter = "MyChannelAdapter"')
            })
          })
        })
      ),
      skills: opt(table({ contributes_dir: opt(str) })),
      // SkillsSection
      config: opt(table({ schema_path: opt(str), hot_reload: opt(bool) })),
      // ConfigSection
      // RequiresSection
      requires: opt(
        table({
          bins: opt(strings),
          env: opt(strings),
          features: opt(strings),
          nexo_capabilities: opt(strings)
        })
      ),
      // CapabilityGatesSection (field `gates` renamed to `gate`), CapabilityGateDecl
      capability_gates: opt(
        table({
          gate: opt({
            kind: "array",
            of: table({
              extension: req(str, 'extension = "my_plugin"'),
              env_var: req(str, 'env_var = "MY_PLUGIN_FEATURE"'),
              kind: req(
                { kind: "enum", values: ["Boolean", "CargoFeature", "Allowlist"] },
                'kind = "Boolean"'
              ),
              risk: req(
                { kind: "enum", values: ["Low", "Medium", "High", "Critical"] },
                'risk = "Low"'
              ),
              effect: req(str, 'effect = "What enabling it does"'),
              hint: opt(str)
            })
          })
        })
      ),
      // UiSection, UiHint
      ui: opt(
        table({
          fields: opt({
            kind: "map",
            of: table({
              label: opt(str),
              help: opt(str),
              tags: opt(strings),
              advanced: opt(bool),
              sensitive: opt(bool),
              placeholder: opt(str)
            })
          })
        })
      ),
      contracts: opt(table({ provides: opt(strings), consumes: opt(strings) })),
      // ContractsSection
      // MetaSection
      meta: opt(
        table({ author: opt(str), license: opt(str), homepage: opt(str), repository: opt(str) })
      ),
      // EntrypointSection
      entrypoint: opt(
        table({ command: opt(str), args: opt(strings), env: opt({ kind: "map", of: str }) })
      ),
      // SupervisorSection (stderr_tail_lines is a usize: u64 on the 64-bit hosts nexo runs on)
      supervisor: opt(
        table({
          respawn: opt(bool),
          max_attempts: opt(u32),
          backoff_ms: opt(u64),
          stderr_tail_lines: opt({ kind: "int", rust: "usize", max: U64_MAX2 })
        })
      )
    }),
    "[plugin]"
  )
});

// src/manifest/nexo.ts
var FILE_NAME = "nexo-plugin.toml";
function inspect(text, file) {
  let doc;
  try {
    doc = parse(text, { integersAsBigInt: true });
  } catch (e) {
    if (!(e instanceof TomlError)) throw e;
    const raw = e.message.replace(/^Invalid TOML document: /, "").split("\n")[0] ?? "";
    const { reason, line, column } = explainTomlError(text, raw, {
      line: e.line,
      column: e.column
    });
    const message = `${basename(file)} is not valid TOML: ${reason}`;
    return { syntaxError: true, diagnostics: [{ message, location: { file, line, column } }] };
  }
  const issues = [];
  checkShape(doc, NEXO_MANIFEST_SCHEMA, [], issues);
  checkNexoRules(doc, issues);
  const locator = createLocator(text);
  const diagnostics = issues.map((issue) => {
    const pos = issue.where === "table" ? locator.table(issue.path) : locator.at(issue.path);
    return { message: issue.message, location: { file, ...pos } };
  });
  for (const { line, column, what, fix } of locator.toml11) {
    const message = `${basename(file)} uses ${what}, which is TOML 1.1: the nexo installer's TOML 1.0 parser rejects it; ${fix}`;
    diagnostics.push({ message, location: { file, line, column } });
  }
  if (diagnostics.length > 0) {
    diagnostics.sort(
      (a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0)
    );
    return { syntaxError: locator.toml11.length > 0, diagnostics };
  }
  const plugin = isTable(doc) && isTable(doc["plugin"]) ? doc["plugin"] : {};
  const field = (key) => String(plugin[key]);
  const manifest = {
    id: field("id"),
    version: field("version"),
    name: field("name"),
    description: field("description"),
    minNexoVersion: field("min_nexo_version"),
    file,
    text
  };
  return { syntaxError: false, manifest, diagnostics: [] };
}
function decodeUtf8(bytes, file) {
  const decode = (b, stream = false) => new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(b, { stream });
  try {
    return decode(bytes);
  } catch {
    let good = 0;
    let bad = bytes.length;
    while (bad - good > 1) {
      const mid = good + bad >> 1;
      try {
        decode(bytes.subarray(0, mid), true);
        good = mid;
      } catch {
        bad = mid;
      }
    }
    const before = decode(bytes.subarray(0, good), true);
    const line = before.split("\n").length;
    const column = before.length - before.lastIndexOf("\n");
    const message = `${basename(file)} is not valid UTF-8 (the nexo installer rejects it); re-save the file as UTF-8`;
    const location = { file, line, column };
    throw new ReleaseError("MANIFEST_PARSE", message, {
      location,
      diagnostics: [{ message, location }]
    });
  }
}
async function notFound(path, cause) {
  const code = cause.code;
  let message = `cannot read ${path}: ${cause.message}`;
  if (code === "EISDIR")
    message = `${path} is a directory; pass the path of the ${FILE_NAME} file inside it`;
  else if (code === "ENOENT" || code === "ENOTDIR") {
    message = `manifest not found: ${path}; a nexo plugin needs a ${FILE_NAME} at its root (exact, case-sensitive name)`;
    const entries = await readdir(dirname(path)).catch(() => []);
    const near = entries.find((e) => e.toLowerCase() === basename(path).toLowerCase());
    if (near !== void 0) message += `; found '${near}' there: rename it to '${basename(path)}'`;
  }
  return new ReleaseError("MANIFEST_NOT_FOUND", message, { location: { file: path }, cause });
}
var nexoManifestReader = {
  fileName: FILE_NAME,
  check(text, file) {
    const { manifest, diagnostics } = inspect(text, file);
    return manifest === void 0 ? { diagnostics } : { manifest, diagnostics };
  },
  async read(path) {
    let bytes;
    try {
      bytes = await readFile(path);
    } catch (e) {
      throw await notFound(path, e);
    }
    const result = inspect(decodeUtf8(bytes, path), path);
    if (result.manifest !== void 0) return result.manifest;
    const lines = result.diagnostics.map(
      (d) => `  ${d.location?.file}:${d.location?.line}:${d.location?.column}: ${d.message}`
    );
    const count = result.diagnostics.length;
    const what = result.syntaxError ? "is not valid TOML" : `has ${count} problem${count === 1 ? "" : "s"} the nexo installer or daemon would reject`;
    throw new ReleaseError(
      result.syntaxError ? "MANIFEST_PARSE" : "MANIFEST_INVALID",
      `${path} ${what}:
${lines.join("\n")}`,
      {
        location: result.diagnostics[0]?.location ?? { file: path },
        diagnostics: result.diagnostics
      }
    );
  }
};

export {
  parse,
  nexoManifestReader
};
