import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  prepareSignatureCheck
} from "./chunk-IJB4O4V6.js";
import {
  createLocator,
  formatPath
} from "./chunk-3REJ4PT2.js";
import {
  rt
} from "./chunk-IHY5SSPF.js";
import {
  markdownTable
} from "./chunk-BCCE4QC5.js";
import {
  describeToken,
  parseSidecar
} from "./chunk-FJWAMQ2K.js";
import {
  readSmall
} from "./chunk-2WMTU667.js";
import {
  MANIFEST_ASSET
} from "./chunk-GWJQWK7Z.js";
import {
  require_semver
} from "./chunk-2TJC7A4H.js";
import {
  LIMITS,
  MIB,
  formatBytes,
  isNativeFile
} from "./chunk-R5SGE6HV.js";
import {
  ReleaseError,
  isReleaseError
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

// src/verify/report.ts
var Findings = class {
  list = [];
  pass(check, subject, message) {
    this.list.push({ check, subject, status: "pass", message });
  }
  fail(check, subject, code, message) {
    this.list.push({ check, subject, status: "fail", code, message });
  }
  warn(check, subject, code, message) {
    this.list.push({ check, subject, status: "warn", code, message });
  }
  info(check, subject, message) {
    this.list.push({ check, subject, status: "info", message });
  }
  failed(subject) {
    return this.list.some(
      (c) => c.status === "fail" && (subject === void 0 || c.subject === subject)
    );
  }
};
function countChecks(checks) {
  const counts = { pass: 0, fail: 0, warn: 0, info: 0 };
  for (const c of checks) counts[c.status]++;
  return counts;
}
function resultCell(c) {
  const label = { pass: "pass", fail: "**FAIL**", warn: "warning", info: "info" }[c.status];
  return c.code ? `${label} \`${c.code}\`` : label ?? c.status;
}
function renderReport(r) {
  const what = r.id ? `${r.id} ${r.version ?? ""}`.trim() : r.source;
  const verdict = r.ok ? "passed" : "**FAILED**";
  const consumer = r.consumer ?? "`nexo plugin install`";
  const where = r.stage === "draft" ? `Draft release ${r.source}, checked as ${consumer} will check it, before it goes live` : r.mode === "remote" ? `Release ${r.source}, fetched as ${consumer} fetches it` : `Artifacts in ${r.source}, before publishing`;
  const head = `### Verify ${what}: ${verdict}

${where}. ${r.counts.pass} passed, ${r.counts.fail} failed, ${r.counts.warn} warnings.`;
  const rows = r.checks.map((c) => [c.check, c.subject, resultCell(c), c.message]);
  const platforms = r.platforms.map((p) => [
    p.platform,
    p.target,
    p.tarball ?? `none: \`TargetNotFound\`, available: ${(p.available ?? []).join(", ") || "none"}`,
    resultCell(p)
  ]);
  const parts = [head, markdownTable(["check", "subject", "result", "detail"], rows)];
  if (r.platforms.length > 0)
    parts.push(
      `#### What ${consumer} picks on each platform`,
      markdownTable(["platform", "target", "tarball", "result"], platforms)
    );
  return parts.join("\n\n");
}
function failureMessage(r) {
  const failed = r.checks.filter((c) => c.status === "fail");
  const items = failed.map((c) => `${c.code} ${c.subject}: ${c.message}`);
  return `${items.length} check${items.length === 1 ? "" : "s"} of ${r.source} failed the way ${r.consumer ?? "`nexo plugin install`"} would fail: ${items.join("; ")}`;
}

// src/verify/latest.ts
var import_semver2 = __toESM(require_semver(), 1);
function versionOf(r) {
  const v = r.tag_name.replace(/^v+/, "");
  return import_semver2.default.parse(v)?.version === v ? v : null;
}
async function checkLatest(api, release, findings, opts) {
  const [releases, latest] = await Promise.all([api.listReleases(), api.getLatestRelease()]);
  const subject = release.tag_name;
  const mine = versionOf(release);
  const full = releases.filter((r) => !r.draft && !r.prerelease && r.id !== release.id).map(versionOf).filter((v) => v !== null);
  const highest = full.reduce(
    (a, v) => a === null || import_semver2.default.gt(v, a) ? v : a,
    null
  );
  const latestTag = latest ? latest.tag_name : "no release";
  const isLatest = latest?.id === release.id;
  if (release.draft || release.prerelease || mine === null) {
    const why = release.draft ? "a draft" : release.prerelease ? "a pre-release" : "not v<semver>";
    if (isLatest)
      findings.warn(
        "latest",
        subject,
        "LatestMismatch",
        `latest resolves to this release although it is ${why}`
      );
    else
      findings.info(
        "latest",
        subject,
        `not latest, as expected for ${why}; latest is ${latestTag}`
      );
    return;
  }
  const should = highest === null || import_semver2.default.gte(mine, highest);
  if (should && isLatest) {
    findings.pass(
      "latest",
      subject,
      "latest resolves to this release, the highest published version"
    );
  } else if (should) {
    const level = opts.latestOptional ? "warn" : "fail";
    findings[level](
      "latest",
      subject,
      "LatestMismatch",
      `this is the highest published version, but latest resolves to ${latestTag}: \`nexo plugin install\` without a tag installs that instead. Mark this release as latest (make-latest: true)`
    );
  } else if (isLatest) {
    findings.warn(
      "latest",
      subject,
      "LatestMismatch",
      `latest resolves to this release, but v${highest} is higher: installs without a tag get this older version`
    );
  } else {
    findings.info("latest", subject, `not latest, as expected: v${highest} is higher`);
  }
}

// src/verify/tar-rules.ts
var PER_CODE = 10;
var KIND_LABEL = {
  "1": "hardlink",
  "2": "symlink",
  "3": "character device",
  "4": "block device",
  "6": "fifo",
  "7": "continuous",
  L: "gnu long name",
  K: "gnu long link",
  S: "gnu sparse",
  g: "pax global header",
  x: "pax extended header"
};
var utf8 = new TextDecoder("utf-8", { fatal: true });
function entryKey(raw) {
  if (raw[0] === 47) return { unsafe: "entry path is absolute" };
  const parts = [];
  for (const part of raw.toString("latin1").split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") return { unsafe: "entry contains parent component (`..`)" };
    const bytes = Buffer.from(part, "latin1");
    let text;
    try {
      text = utf8.decode(bytes);
    } catch {
      return { unsafe: "entry component is not valid UTF-8" };
    }
    if (text.includes("\0")) return { unsafe: "entry component contains NUL byte" };
    parts.push(text);
  }
  return { key: parts.join("/") };
}
function showPath(raw) {
  return JSON.stringify(raw.toString("utf8"));
}
var EntryRules = class {
  layout = { manifestAtRoot: false };
  seen = /* @__PURE__ */ new Map();
  listed = /* @__PURE__ */ new Map();
  total = 0;
  count = 0;
  tarball;
  id;
  noarch;
  findings;
  constructor(opts) {
    this.tarball = opts.tarball;
    this.id = opts.id;
    this.noarch = opts.noarch;
    this.findings = opts.findings;
  }
  /** Records a failing (or warning) rule for one entry, within the per-code cap. */
  report(level, check, code, what, message) {
    const n = (this.listed.get(code)?.n ?? 0) + 1;
    this.listed.set(code, { n, level });
    if (n <= PER_CODE) this.findings[level](check, `${this.tarball}:${what}`, code, message);
  }
  add(e) {
    this.count++;
    const shown = showPath(e.path);
    const regular = e.typeflag === "0" || e.typeflag === "\0";
    const dir = e.typeflag === "5" || regular && !e.ustar && e.path.at(-1) === 47;
    if (!regular && e.typeflag !== "5") {
      const kind = KIND_LABEL[e.typeflag] ?? "non-regular";
      this.report(
        "fail",
        "tar",
        "DisallowedEntryType",
        shown,
        `entry ${shown} rejected: type \`${kind}\` not allowed (regular files and directories only)`
      );
    }
    const key = entryKey(e.path);
    if ("unsafe" in key) {
      this.report(
        "fail",
        "tar",
        "UnsafePath",
        shown,
        `entry path ${shown} rejected: ${key.unsafe}`
      );
    }
    if (this.count === LIMITS.entries + 1) {
      this.findings.fail(
        "limits",
        this.tarball,
        "TooManyEntries",
        `more than ${LIMITS.entries} entries (directories count): the installer stops at entry ${LIMITS.entries + 1}`
      );
    }
    const size = Math.max(e.size, e.headerSize);
    if (size > LIMITS.entryBytes) {
      this.report(
        "fail",
        "limits",
        "EntryTooLarge",
        shown,
        `entry ${shown} is ${size} bytes (${formatBytes(size)}); the per-entry limit is ${LIMITS.entryBytes} (${LIMITS.entryBytes / MIB} MiB)`
      );
    }
    const before = this.total;
    this.total += size;
    if (before <= LIMITS.totalBytes && this.total > LIMITS.totalBytes) {
      this.findings.fail(
        "limits",
        this.tarball,
        "ExtractedTooLarge",
        `the entries add up to more than ${LIMITS.totalBytes / MIB} MiB (the limit on the extracted size), passed at entry ${shown}`
      );
    }
    if ("unsafe" in key || !regular && !dir) return;
    this.place(key.key, dir ? "dir" : "file", shown);
    this.modes(key.key, e, dir, shown);
  }
  /** Create-new extraction: a second file at a path, or a file where a directory is, fails. */
  place(key, kind, shown) {
    if (key === "" || this.seen.size > LIMITS.entries * 2) return;
    const before = this.seen.get(key);
    if (before === "dir" && kind === "dir") {
      this.report(
        "warn",
        "tar",
        "DuplicatePath",
        shown,
        `directory ${shown} is listed twice (the installer tolerates a repeated directory)`
      );
    } else if (before !== void 0) {
      this.report(
        "fail",
        "tar",
        "DuplicatePath",
        shown,
        `${shown} appears twice (as a ${before}, then a ${kind}): extraction refuses to overwrite and fails`
      );
    }
    const parts = key.split("/");
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join("/");
      if (this.seen.get(parent) === "file") {
        this.report(
          "fail",
          "tar",
          "DuplicatePath",
          shown,
          `${shown} is inside ${JSON.stringify(parent)}, which is a file`
        );
      } else this.seen.set(parent, "dir");
    }
    if (before === void 0) this.seen.set(key, kind);
  }
  modes(key, e, dir, shown) {
    if ((e.mode & 3072) !== 0) {
      this.report(
        "fail",
        "modes",
        "SetuidBit",
        shown,
        `${shown} has mode ${octal(e.mode)} with the setuid/setgid bit, which the installer keeps as stored`
      );
    } else if ((e.mode & 2) !== 0) {
      this.report(
        "warn",
        "modes",
        "UnusualMode",
        shown,
        `${shown} is world-writable (mode ${octal(e.mode)}), and the installer keeps modes as stored`
      );
    }
    if (key === "nexo-plugin.toml" && !dir) this.layout.manifestAtRoot = true;
    const wrapped = /^([^/]+)\/nexo-plugin\.toml$/.exec(key);
    if (wrapped && !dir) this.layout.wrappedIn ??= wrapped[1];
    if (this.id !== void 0 && key === `bin/${this.id}`) {
      this.layout.binary ??= { typeflag: dir ? "5" : "0", mode: e.mode };
    }
    if (this.noarch && !dir && key.startsWith("lib/") && isNativeFile(key)) {
      this.report(
        "fail",
        "noarch",
        "NativeInNoarch",
        shown,
        `${shown} is native code in a noarch plugin: it runs on one platform only. Publish per-target tarballs instead, or leave it out`
      );
    }
  }
  /** Entry count and extracted size, for the passing result. */
  summary() {
    return `${this.count} entries, ${formatBytes(this.total)} extracted`;
  }
  /** Adds one closing result per code with more problems than were listed. */
  finish() {
    for (const [code, { n, level }] of this.listed) {
      if (n > PER_CODE)
        this.findings[level](
          "tar",
          this.tarball,
          code,
          `and ${n - PER_CODE} more entries with the same problem`
        );
    }
  }
};
function octal(mode) {
  return `0${(mode & 4095).toString(8).padStart(3, "0")}`;
}

// src/verify/manifest.ts
var utf82 = new TextDecoder("utf-8", { fatal: true });
function lenient(text) {
  try {
    const doc = parse(text);
    const id = doc.plugin?.id;
    const version = doc.plugin?.version;
    return {
      id: typeof id === "string" ? id : void 0,
      version: typeof version === "string" ? version : void 0
    };
  } catch {
    return { id: void 0, version: void 0 };
  }
}
function checkText(bytes, subject, findings) {
  let text;
  try {
    text = utf82.decode(bytes);
  } catch {
    findings.fail(
      "manifest",
      subject,
      "ManifestInvalid",
      "not valid UTF-8: the installer cannot read it"
    );
    return { id: void 0, version: void 0 };
  }
  const result = nexoManifestReader.check(text, subject);
  if (result.manifest) return { id: result.manifest.id, version: result.manifest.version };
  const shown = result.diagnostics.slice(0, 5).map((d) => {
    const at = d.location?.line ? `line ${d.location.line}: ` : "";
    return `${at}${d.message}`;
  });
  const more = result.diagnostics.length > 5 ? ` (and ${result.diagnostics.length - 5} more)` : "";
  findings.fail(
    "manifest",
    subject,
    "ManifestInvalid",
    `the installer or the daemon rejects it: ${shown.join("; ")}${more}`
  );
  return lenient(text);
}
function checkManifestAsset(bytes, tagVersion, findings) {
  if (bytes === void 0) {
    findings.fail(
      "manifest",
      MANIFEST_ASSET,
      "ReleaseShape",
      `the release has no ${MANIFEST_ASSET} asset: the installer downloads it first and stops without it`
    );
    return { id: void 0, version: void 0 };
  }
  if (bytes === "too-large") {
    findings.fail(
      "manifest",
      MANIFEST_ASSET,
      "ManifestInvalid",
      "it is over 1 MiB: not a plugin manifest"
    );
    return { id: void 0, version: void 0 };
  }
  const before = findings.failed(MANIFEST_ASSET);
  const facts = checkText(bytes, MANIFEST_ASSET, findings);
  if (!before && !findings.failed(MANIFEST_ASSET))
    findings.pass(
      "manifest",
      MANIFEST_ASSET,
      `${facts.id} ${facts.version}: passes the installer's and the daemon's rules`
    );
  if (tagVersion !== void 0 && facts.version !== void 0 && facts.version !== tagVersion) {
    findings.fail(
      "manifest",
      MANIFEST_ASSET,
      "ManifestMismatch",
      `version ${facts.version} != the tag's ${tagVersion}: the installer names assets and checks the extracted manifest with the tag's version`
    );
  }
  return facts;
}
function checkTarballContent(tarball, content, expected2, findings) {
  const { layout } = content;
  const subject = `${tarball}:${MANIFEST_ASSET}`;
  if (!layout.manifestAtRoot || content.manifest === void 0) {
    const where = layout.wrappedIn ? `: it is under ${layout.wrappedIn}/, a wrapping directory. Pack the plugin's files at the archive root` : "";
    findings.fail(
      "layout",
      tarball,
      "ManifestInvalid",
      `${MANIFEST_ASSET} is not at the root of the archive${where}`
    );
  } else if (content.manifestTooLarge) {
    findings.fail(
      "layout",
      subject,
      "ManifestInvalid",
      "the manifest is over 1 MiB: that is not a plugin manifest"
    );
  } else {
    const before = findings.list.length;
    const got = checkText(content.manifest, subject, findings);
    const { id, version } = expected2;
    if (id !== void 0 && version !== void 0 && (got.id !== id || got.version !== version)) {
      findings.fail(
        "manifest-match",
        subject,
        "ManifestMismatch",
        `extracted manifest mismatch: expected id=${id}@${version}, got id=${got.id ?? "?"}@${got.version ?? "?"}`
      );
    } else if (findings.list.length === before) {
      findings.pass(
        "manifest-match",
        subject,
        `id ${got.id} and version ${got.version} match the release`
      );
    }
  }
  if (expected2.id === void 0) return;
  const bin = `bin/${expected2.id}`;
  const b = layout.binary;
  if (b === void 0) {
    findings.fail(
      "binary",
      `${tarball}:${bin}`,
      "BinaryMissing",
      `${bin} is not in the archive: the installer needs it after extraction`
    );
  } else if (b.typeflag === "5") {
    findings.fail(
      "binary",
      `${tarball}:${bin}`,
      "BinaryMissing",
      `${bin} is a directory, not the plugin's executable`
    );
  } else if ((b.mode & 73) === 0) {
    findings.fail(
      "binary",
      `${tarball}:${bin}`,
      "BinaryNotExecutable",
      `${bin} has mode ${octal(b.mode)}: no exec bit. Pack it as 0755`
    );
  } else if ((b.mode & 4095) !== 493) {
    findings.warn(
      "binary",
      `${tarball}:${bin}`,
      "UnusualMode",
      `${bin} has mode ${octal(b.mode)}; the convention is 0755`
    );
  } else {
    findings.pass("binary", `${tarball}:${bin}`, `${bin} present, mode 0755`);
  }
}

// src/verify/tarball.ts
import { createHash } from "node:crypto";
import { once } from "node:events";
import { PassThrough } from "node:stream";

// src/archive/gzip-inspect.ts
import { Transform } from "node:stream";
import { finished } from "node:stream/promises";
import zlib from "node:zlib";

// src/archive/gzip-reader.ts
var ChunkReader = class {
  it;
  held = null;
  taken = 0;
  constructor(source) {
    this.it = source[Symbol.asyncIterator]();
  }
  /** Bytes of the source consumed so far (given-back bytes not counted). */
  get position() {
    return this.taken - (this.held?.length ?? 0);
  }
  /** The next chunk (a given-back tail first), or null at the end of the source. */
  async next() {
    if (this.held) {
      const b = this.held;
      this.held = null;
      return b;
    }
    for (; ; ) {
      const r = await this.it.next();
      if (r.done) return null;
      const b = toBuffer(r.value);
      this.taken += b.length;
      if (b.length > 0) return b;
    }
  }
  /** Gives back the unused tail of the chunk last returned by next(). */
  unread(tail) {
    if (tail.length > 0) this.held = tail;
  }
  /** Up to n bytes; fewer only at the end of the source. For small header/trailer fields. */
  async read(n) {
    const parts = [];
    let have = 0;
    while (have < n) {
      const b = await this.next();
      if (!b) break;
      const use = Math.min(n - have, b.length);
      parts.push(b.subarray(0, use));
      have += use;
      this.unread(b.subarray(use));
    }
    return Buffer.concat(parts, have);
  }
  /** Skips n bytes; false if the source ended first. */
  async skip(n) {
    let left = n;
    while (left > 0) {
      const b = await this.next();
      if (!b) return false;
      const use = Math.min(left, b.length);
      left -= use;
      this.unread(b.subarray(use));
    }
    return true;
  }
  /** Skips through the next NUL byte (a gzip FNAME/FCOMMENT field); false if none came. */
  async skipPastNul() {
    for (; ; ) {
      const b = await this.next();
      if (!b) return false;
      const at = b.indexOf(0);
      if (at >= 0) {
        this.unread(b.subarray(at + 1));
        return true;
      }
    }
  }
  /** Reads to the end of the source, discarding; returns how many bytes that was. */
  async drain() {
    let n = 0;
    for (let b = await this.next(); b; b = await this.next()) n += b.length;
    return n;
  }
  /** Stops reading early: lets the source release its resources. */
  async close() {
    this.held = null;
    await this.it.return?.();
  }
};
function toBuffer(v) {
  if (Buffer.isBuffer(v)) return v;
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  if (typeof v === "string") return Buffer.from(v, "latin1");
  throw new TypeError("gzip source must yield bytes");
}

// src/archive/gzip-inspect.ts
var FHCRC = 2;
var FEXTRA = 4;
var FNAME = 8;
var FCOMMENT = 16;
var FRESERVED = 224;
function inspectGzip(source) {
  const content = new CrcCounter();
  const result = inspect2(new ChunkReader(source), content);
  result.catch(() => content.destroy());
  return { content, result };
}
var CrcCounter = class extends Transform {
  crc = 0;
  size = 0;
  _transform(chunk, _enc, cb) {
    this.crc = zlib.crc32(chunk, this.crc);
    this.size += chunk.length;
    cb(null, chunk);
  }
};
async function inspect2(reader, content) {
  try {
    const header = await readHeader(reader);
    if (header === "not-gzip") {
      throw new ReleaseError("VERIFY_FAILED", "not a gzip file: it does not start with 1f 8b");
    }
    if (header === "unsupported") {
      throw new ReleaseError(
        "VERIFY_FAILED",
        "unsupported gzip header: compression method is not deflate or reserved flags are set"
      );
    }
    let complete = false;
    if (header === "ok") complete = await inflateMember(reader, content);
    else content.end();
    await finished(content, { readable: false });
    let crcOk = false;
    let members = 1;
    let memberEnd = -1;
    if (complete) {
      const t = await reader.read(8);
      crcOk = t.length === 8 && t.readUInt32LE(0) === content.crc >>> 0 && t.readUInt32LE(4) === content.size % 2 ** 32;
      memberEnd = reader.position;
      members += await countMembers(reader);
    }
    await reader.drain();
    const compressedSize = reader.position;
    return {
      members,
      trailingBytes: memberEnd < 0 ? 0 : compressedSize - memberEnd,
      compressedSize,
      decompressedSize: content.size,
      crcOk
    };
  } finally {
    await reader.close();
  }
}
async function readHeader(reader) {
  const h = await reader.read(10);
  if (h.length < 2 || h[0] !== 31 || h[1] !== 139) return "not-gzip";
  if (h.length < 10) return "truncated";
  const flags = h[3];
  if (h[2] !== 8 || (flags & FRESERVED) !== 0) return "unsupported";
  if (flags & FEXTRA) {
    const len = await reader.read(2);
    if (len.length < 2 || !await reader.skip(len.readUInt16LE(0))) return "truncated";
  }
  if (flags & FNAME && !await reader.skipPastNul()) return "truncated";
  if (flags & FCOMMENT && !await reader.skipPastNul()) return "truncated";
  if (flags & FHCRC && !await reader.skip(2)) return "truncated";
  return "ok";
}
async function inflateMember(reader, sink) {
  const inflate = zlib.createInflateRaw();
  inflate.on("error", () => {
  });
  const onSinkClose = () => {
    inflate.destroy();
  };
  sink.once("close", onSinkClose);
  inflate.pipe(sink);
  let written = 0;
  try {
    for (; ; ) {
      const chunk = await reader.next();
      const err = await (chunk ? writeTo(inflate, chunk) : settleEnd(inflate));
      if (err) {
        if (sink.destroyed) throw err;
        inflate.unpipe(sink);
        sink.end();
        return false;
      }
      if (!chunk) return true;
      written += chunk.length;
      const unused = written - inflate.bytesWritten;
      if (unused > 0) {
        reader.unread(chunk.subarray(chunk.length - unused));
        return true;
      }
    }
  } finally {
    sink.off("close", onSinkClose);
    finished(sink, { readable: false }).then(
      () => inflate.destroy(),
      () => inflate.destroy()
    );
  }
}
function writeTo(inflate, chunk) {
  return new Promise((resolve) => {
    const onError = (err) => resolve(err);
    inflate.once("error", onError);
    inflate.write(chunk, (err) => {
      inflate.off("error", onError);
      resolve(err ?? null);
    });
  });
}
function settleEnd(inflate) {
  inflate.end();
  return finished(inflate).then(
    () => null,
    (err) => err instanceof Error ? err : new Error(String(err))
  );
}
async function countMembers(reader) {
  let n = 0;
  for (; ; ) {
    const header = await readHeader(reader);
    if (header === "not-gzip") return n;
    n++;
    if (header !== "ok") return n;
    const discard = new CrcCounter();
    discard.resume();
    const complete = await inflateMember(reader, discard);
    if (!complete || !await reader.skip(8)) return n;
  }
}

// src/verify/tar-headers.ts
var MAX_META = 1024 * 1024;
var BLOCK = 512;
var TarHeaderWalker = class {
  /** Why the installer's reader would stop with an error, if it would. */
  problem;
  /** Entries seen so far. */
  count = 0;
  state = { kind: "header" };
  block = Buffer.alloc(BLOCK);
  filled = 0;
  offset = 0;
  longName;
  longLink;
  pax;
  onEntry;
  constructor(onEntry) {
    this.onEntry = onEntry;
  }
  /** Feeds the next bytes of the tar stream (the decompressed first gzip member). */
  push(chunk) {
    let at = 0;
    while (at < chunk.length && this.state.kind !== "done") {
      const s = this.state;
      if (s.kind === "header") {
        const n = Math.min(BLOCK - this.filled, chunk.length - at);
        chunk.copy(this.block, this.filled, at, at + n);
        this.filled += n;
        at += n;
        if (this.filled === BLOCK) {
          this.filled = 0;
          this.header();
          this.offset += BLOCK;
        }
      } else if (s.kind === "skip") {
        const n = Math.min(s.left, chunk.length - at);
        s.left -= n;
        at += n;
        this.offset += n;
        if (s.left === 0) this.state = { kind: "header" };
      } else if (s.kind === "meta") {
        const n = Math.min(s.left, chunk.length - at);
        s.parts.push(Buffer.from(chunk.subarray(at, at + n)));
        s.left -= n;
        at += n;
        this.offset += n;
        if (s.left === 0) this.meta(s.type, Buffer.concat(s.parts), s.pad);
      }
    }
  }
  /** The stream ended: an end in the middle of a header or entry is an error. */
  end() {
    const s = this.state;
    if (s.kind === "done" || s.kind === "header" && this.filled === 0) {
      if (s.kind === "header" && (this.longName || this.longLink || this.pax))
        this.fail("an extended header describes an entry that never comes");
      return;
    }
    this.fail(`the tar stream is truncated at byte ${this.offset + this.filled}`);
  }
  fail(message) {
    this.problem ??= message;
    this.state = { kind: "done" };
  }
  header() {
    const h = this.block;
    if (h.every((b) => b === 0)) {
      this.state = { kind: "done" };
      return;
    }
    let sum = 8 * 32;
    for (let i = 0; i < BLOCK; i++) if (i < 148 || i >= 156) sum += h[i];
    const cksum = octal2(h.subarray(148, 156));
    if (cksum === void 0 || cksum !== sum) {
      this.fail(`header checksum mismatch at byte ${this.offset}`);
      return;
    }
    const headerSize = numeric2(h.subarray(124, 136));
    if (headerSize === void 0) {
      this.fail(`header at byte ${this.offset} has an unreadable size field`);
      return;
    }
    const paxSize = this.pax ? paxValue(this.pax, "size") : void 0;
    const size = paxSize !== void 0 && /^\d+$/.test(paxSize.toString()) ? Number(paxSize) : headerSize;
    const typeflag = String.fromCharCode(h[156]);
    const ustar = h.subarray(257, 263).equals(Buffer.from("ustar\0"));
    const recognized = ustar || h.subarray(257, 265).equals(Buffer.from("ustar  \0"));
    const pad = (BLOCK - size % BLOCK) % BLOCK;
    if (recognized && (typeflag === "L" || typeflag === "K" || typeflag === "x")) {
      const pending = typeflag === "L" ? this.longName : typeflag === "K" ? this.longLink : this.pax;
      if (pending !== void 0) {
        this.fail(`two '${typeflag}' extended headers describe one entry`);
      } else if (size > MAX_META) {
        this.fail(`an extended header of ${size} bytes (over 1 MiB)`);
      } else if (size === 0) {
        this.meta(typeflag, Buffer.alloc(0), 0);
      } else {
        this.state = { kind: "meta", type: typeflag, left: size, pad, parts: [] };
      }
      return;
    }
    const entry = {
      index: this.count++,
      typeflag,
      path: this.entryPath(h, ustar),
      size,
      headerSize,
      mode: octal2(h.subarray(100, 108)) ?? 0,
      recognized,
      ustar
    };
    this.longName = this.longLink = this.pax = void 0;
    this.state = size + pad === 0 ? { kind: "header" } : { kind: "skip", left: size + pad };
    this.onEntry(entry);
  }
  meta(type, body, pad) {
    if (type === "L") this.longName = body;
    else if (type === "K") this.longLink = body;
    else this.pax = body;
    this.state = pad === 0 ? { kind: "header" } : { kind: "skip", left: pad };
  }
  entryPath(h, ustar) {
    if (this.longName) {
      const n = this.longName;
      return n.length > 0 && n[n.length - 1] === 0 ? n.subarray(0, n.length - 1) : n;
    }
    const fromPax = this.pax ? paxValue(this.pax, "path") : void 0;
    if (fromPax !== void 0) return fromPax;
    const name = cut(h.subarray(0, 100));
    const prefix = ustar ? cut(h.subarray(345, 500)) : Buffer.alloc(0);
    return prefix.length === 0 ? name : Buffer.concat([prefix, Buffer.from("/"), name]);
  }
};
function cut(field) {
  const nul = field.indexOf(0);
  return Buffer.from(nul < 0 ? field : field.subarray(0, nul));
}
function octal2(field) {
  const text = cut(field).toString("latin1").trim();
  return /^[0-7]+$/.test(text) ? parseInt(text, 8) : void 0;
}
function numeric2(field) {
  if ((field[0] & 128) === 0) return octal2(field);
  let n = 0;
  for (let i = 0; i < field.length; i++) n = n * 256 + (i === 0 ? field[i] & 127 : field[i]);
  return Number.isSafeInteger(n) ? n : void 0;
}
function paxValue(records, key) {
  let found;
  let at = 0;
  while (at < records.length) {
    const space = records.indexOf(32, at);
    if (space < 0) break;
    const len = Number(records.subarray(at, space).toString("latin1"));
    if (!Number.isInteger(len) || len <= space - at || at + len > records.length) break;
    const record = records.subarray(space + 1, at + len - 1);
    const eq = record.indexOf(61);
    if (eq >= 0 && record.subarray(0, eq).toString("latin1") === key)
      found = Buffer.from(record.subarray(eq + 1));
    at += len;
  }
  return found;
}

// src/verify/tarball.ts
var MAX_MANIFEST = 1024 * 1024;
var PARSER_META = /* @__PURE__ */ new Set(["g", "x", "X", "L", "K", "N"]);
function isRootManifest(path) {
  return path.split("/").filter((p) => p !== "" && p !== ".").join("/") === "nexo-plugin.toml";
}
async function drainedOrClosed(stream) {
  const ac = new AbortController();
  const { signal } = ac;
  try {
    await Promise.race([once(stream, "drain", { signal }), once(stream, "close", { signal })]);
  } finally {
    ac.abort();
  }
}
async function passTarball(source, opts) {
  const hash = createHash("sha256");
  let size = 0;
  const gz = new PassThrough();
  const { content, result } = inspectGzip(gz);
  const reading = (async () => {
    try {
      for await (const chunk of source) {
        const b = chunk;
        hash.update(b);
        size += b.length;
        for (const s of opts.sinks ?? []) s.update(b);
        if (!gz.destroyed && !gz.write(b)) await drainedOrClosed(gz);
      }
      gz.end();
    } catch (e) {
      gz.destroy(e);
      throw e;
    }
  })();
  let comparable = 0;
  const walker = new TarHeaderWalker((entry) => {
    if (!PARSER_META.has(entry.typeflag)) comparable++;
    opts.onEntry(entry);
  });
  let parsed = 0;
  const warnings = [];
  const manifest = [];
  let manifestBytes = 0;
  let manifestSeen = false;
  const parser = new rt({ maxMetaEntrySize: MAX_META });
  parser.on("entry", (e) => {
    parsed++;
    if (!manifestSeen && (e.type === "File" || e.type === "OldFile") && isRootManifest(e.path)) {
      manifestSeen = true;
      e.on("data", (c) => {
        manifestBytes += c.length;
        if (manifestBytes <= MAX_MANIFEST) manifest.push(c);
      });
    } else e.resume();
  });
  parser.on("ignoredEntry", (e) => void (e.meta || parsed++));
  parser.on("warn", (code, message) => void warnings.push(`${code} ${message}`));
  const parserDone = new Promise((resolve) => {
    parser.on("end", resolve);
    parser.on("error", (e) => {
      warnings.push(e.message);
      resolve();
    });
  });
  const feeding = (async () => {
    try {
      for await (const chunk of content) {
        walker.push(chunk);
        parser.write(chunk);
      }
    } catch {
      return false;
    }
    walker.end();
    parser.end();
    await parserDone;
    return true;
  })();
  const [read, gzip, fed] = await Promise.allSettled([reading, result, feeding]);
  if (read.status === "rejected") throw read.reason;
  if (gzip.status === "rejected" && !isReleaseError(gzip.reason)) throw gzip.reason;
  const complete = fed.status === "fulfilled" && fed.value;
  return {
    sha256: hash.digest("hex"),
    size,
    gzip: gzip.status === "fulfilled" ? gzip.value : void 0,
    gzipError: gzip.status === "rejected" ? gzip.reason.message : void 0,
    manifest: manifestSeen ? Buffer.concat(manifest) : void 0,
    manifestTooLarge: manifestBytes > MAX_MANIFEST,
    tarProblem: walker.problem,
    disagreement: complete && walker.problem === void 0 && comparable !== parsed ? `the installer's tar reader sees ${comparable} entries, node-tar sees ${parsed}${warnings.length > 0 ? ` (${warnings.slice(0, 3).join("; ")})` : ""}` : void 0
  };
}

// src/verify/tarball-check.ts
async function signatureFiles(source, t) {
  const has = (k) => source.files.some((f) => f.name === `${t}.${k}`);
  const read = async (k) => has(k) ? await readSmall(source, `${t}.${k}`) : void 0;
  return {
    sig: await read("sig"),
    cert: await read("cert"),
    pem: has("pem"),
    bundle: await read("bundle"),
    sigstoreJson: await read("sigstore.json")
  };
}
async function expectedSha256(source, sidecar, findings) {
  if (!source.files.some((f) => f.name === sidecar)) {
    findings.fail("sha256", sidecar, "ReleaseShape", `missing required asset ${sidecar}`);
    return void 0;
  }
  const body = await readSmall(source, sidecar);
  const parsed = body === void 0 ? void 0 : parseSidecar(body);
  if (parsed?.ok) return parsed.sha256;
  const why = body && parsed ? describeToken(body, parsed.token) : "it is over 1 MiB";
  findings.fail(
    "sha256",
    sidecar,
    "Sha256Invalid",
    `the installer needs 64 hex digits as the first token: ${why}`
  );
  return void 0;
}
async function checkTarball(ctx, name, noarch) {
  const findings = new Findings();
  const { source } = ctx;
  const size = source.files.find((f) => f.name === name)?.size ?? 0;
  if (size > LIMITS.compressedBytes) {
    findings.fail(
      "size",
      name,
      "TarballTooLarge",
      `${name} is ${size} bytes (${formatBytes(size)}), over the installer's ${LIMITS.compressedBytes / MIB} MiB limit; refused without reading it`
    );
    return findings;
  }
  findings.pass(
    "size",
    name,
    `${formatBytes(size)} compressed (limit ${LIMITS.compressedBytes / MIB} MiB)`
  );
  const sidecarName = `${name}.sha256`;
  const expectedSha = await expectedSha256(source, sidecarName, findings);
  const signature = prepareSignatureCheck({
    tarball: name,
    files: await signatureFiles(source, name),
    required: ctx.requireSignature,
    policy: ctx.policy,
    trust: ctx.trust,
    findings
  });
  const rules = new EntryRules({ tarball: name, id: ctx.expected.id, noarch, findings });
  const pass = await passTarball(await source.open(name), {
    onEntry: (e) => rules.add(e),
    sinks: signature.sinks
  });
  if (expectedSha !== void 0 && pass.sha256 !== expectedSha) {
    findings.fail(
      "sha256",
      name,
      "Sha256Mismatch",
      `sha256 mismatch: ${sidecarName} says ${expectedSha}, the file hashes to ${pass.sha256}`
    );
  } else if (expectedSha !== void 0)
    findings.pass("sha256", name, `sha256 ${pass.sha256} matches ${sidecarName}`);
  await signature.finish(pass.sha256);
  const gz = pass.gzip;
  if (gz === void 0) {
    findings.fail(
      "gzip",
      name,
      "GzipInvalid",
      `${pass.gzipError ?? "not gzip"}: the installer cannot decompress it`
    );
    return findings;
  }
  if (gz.members > 1) {
    findings.fail(
      "gzip",
      name,
      "MultipleGzipMembers",
      `${gz.members} gzip members: the installer decodes only the first (${formatBytes(gz.decompressedSize)} of tar) and silently loses the rest. Compress the tar stream as one member`
    );
  } else if (gz.trailingBytes > 0) {
    findings.warn(
      "gzip",
      name,
      "GzipInvalid",
      `${gz.trailingBytes} bytes after the gzip stream, which the installer ignores`
    );
  }
  if (!gz.crcOk)
    findings.fail(
      "gzip",
      name,
      "GzipInvalid",
      "the gzip stream is corrupt or truncated (its CRC32/size trailer does not match)"
    );
  if (gz.members === 1 && gz.crcOk)
    findings.pass("gzip", name, `one gzip member, ${formatBytes(gz.decompressedSize)} of tar`);
  if (pass.tarProblem)
    findings.fail(
      "tar",
      name,
      "TarInvalid",
      `the installer's tar reader fails: ${pass.tarProblem}`
    );
  if (pass.disagreement)
    findings.fail(
      "tar",
      name,
      "TarAmbiguous",
      `tar readers disagree on this archive: ${pass.disagreement}`
    );
  rules.finish();
  if (!findings.list.some(
    (c) => c.status === "fail" && ["tar", "limits", "modes", "noarch"].includes(c.check)
  )) {
    findings.pass(
      "tar",
      name,
      `${rules.summary()}: only files and directories, safe paths, within the installer's limits`
    );
  }
  checkTarballContent(name, { ...pass, layout: rules.layout }, ctx.expected, findings);
  return findings;
}

export {
  nexoManifestReader,
  checkLatest,
  checkManifestAsset,
  Findings,
  countChecks,
  renderReport,
  failureMessage,
  signatureFiles,
  checkTarball
};
