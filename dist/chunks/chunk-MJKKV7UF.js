import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  positionsOf
} from "./chunk-JJKM5RR3.js";

// src/manifest/json-source.ts
var JsonSyntaxError = class extends Error {
  line;
  column;
  constructor(message, position) {
    super(message);
    this.name = "JsonSyntaxError";
    this.line = position.line;
    this.column = position.column;
  }
};
var MAX_DEPTH = 256;
var NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
var STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
var pathId = (path) => JSON.stringify(path);
function parseJsonSource(text) {
  const position = positionsOf(text);
  const values = /* @__PURE__ */ new Map();
  const keys = /* @__PURE__ */ new Map();
  const duplicates = [];
  let i = 0;
  const fail = (what, at = i) => {
    const found = at >= text.length ? "the end of the file" : `${JSON.stringify(text[at])} (U+${text.charCodeAt(at).toString(16).toUpperCase().padStart(4, "0")})`;
    throw new JsonSyntaxError(`expected ${what}, found ${found}`, position(at));
  };
  const space = () => {
    while (i < text.length && " 	\n\r".includes(text[i])) i++;
  };
  const badInString = () => {
    if (text[i] !== '"') return i;
    let j = i + 1;
    while (j < text.length && text[j] !== '"') {
      if (text.charCodeAt(j) < 32) return j;
      if (text[j] === "\\") {
        const esc = /^(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.exec(text.slice(j + 1, j + 6));
        if (esc === null) return j;
        j += 1 + esc[0].length;
      } else j++;
    }
    return j;
  };
  const string = () => {
    STRING.lastIndex = i;
    const m = STRING.exec(text);
    if (m === null)
      fail("a string in double quotes, with control characters escaped", badInString());
    i += m[0].length;
    return JSON.parse(m[0]);
  };
  const value = (path, depth) => {
    if (depth > MAX_DEPTH) fail(`at most ${MAX_DEPTH} levels of nesting`);
    space();
    values.set(pathId(path), i);
    const c = text[i];
    if (c === "{") {
      i++;
      const obj = {};
      space();
      if (text[i] === "}") return i++, obj;
      for (; ; ) {
        space();
        const keyStart = i;
        if (text[i] !== '"') fail("a key in double quotes");
        const key = string();
        const member = [...path, key];
        if (Object.hasOwn(obj, key))
          duplicates.push({ path: member, position: position(keyStart) });
        keys.set(pathId(member), keyStart);
        space();
        if (text[i] !== ":") fail("':' after the key");
        i++;
        Object.defineProperty(obj, key, {
          value: value(member, depth + 1),
          enumerable: true,
          writable: true,
          configurable: true
        });
        space();
        if (text[i] === ",") i++;
        else if (text[i] === "}") return i++, obj;
        else fail("',' or '}'");
      }
    }
    if (c === "[") {
      i++;
      const arr = [];
      space();
      if (text[i] === "]") return i++, arr;
      for (; ; ) {
        arr.push(value([...path, arr.length], depth + 1));
        space();
        if (text[i] === ",") i++;
        else if (text[i] === "]") return i++, arr;
        else fail("',' or ']'");
      }
    }
    if (c === '"') return string();
    for (const [word, v] of [
      ["true", true],
      ["false", false],
      ["null", null]
    ]) {
      if (text.startsWith(word, i)) return i += word.length, v;
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m === null) fail("a JSON value (object, array, string, number, true, false or null)");
    i += m[0].length;
    return Number(m[0]);
  };
  if (text.charCodeAt(0) === 65279) fail("JSON text (a byte order mark is not allowed)", 0);
  const result = value([], 0);
  space();
  if (i < text.length) fail("the end of the file after the value");
  const nearest = (path, map) => {
    for (let n = path.length; n >= 0; n--) {
      const found = (n === path.length ? map : values).get(pathId(path.slice(0, n)));
      if (found !== void 0) return position(found);
    }
    return { line: 1, column: 1 };
  };
  return {
    value: result,
    duplicates,
    at: (path) => nearest(path, values),
    keyAt: (path) => nearest(path, keys)
  };
}

export {
  JsonSyntaxError,
  parseJsonSource
};
