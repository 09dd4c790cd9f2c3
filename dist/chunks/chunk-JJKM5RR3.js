import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);

// src/manifest/toml-scan.ts
var pathId = (path) => JSON.stringify(path);
var ESCAPES = {
  b: "\b",
  t: "	",
  n: "\n",
  f: "\f",
  r: "\r",
  e: "\x1B",
  '"': '"',
  "\\": "\\"
};
function decodeBasic(raw) {
  return raw.replace(
    /\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|.)/g,
    (_m, esc) => esc.length > 1 ? String.fromCodePoint(parseInt(esc.slice(1), 16)) : ESCAPES[esc] ?? esc
  );
}
var Scanner = class {
  keys = /* @__PURE__ */ new Map();
  headers = /* @__PURE__ */ new Map();
  /** TOML 1.1 constructs (smol-toml accepts them, TOML 1.0 parsers do not), by offset. */
  toml11 = [];
  arrayCounts = /* @__PURE__ */ new Map();
  i = 0;
  s;
  constructor(text) {
    this.s = text;
  }
  scan() {
    const s = this.s;
    if (s.startsWith("\uFEFF")) this.i = 1;
    let table = [];
    while (this.i < s.length) {
      const before = this.i;
      this.skipTrivia(true);
      if (this.i >= s.length) break;
      if (s[this.i] === "[") table = this.header();
      else this.keyValue(table);
      if (this.i === before) break;
    }
  }
  record(path, at) {
    if (!this.keys.has(pathId(path))) this.keys.set(pathId(path), at);
  }
  header() {
    const start = this.i;
    const isArray = this.s[this.i + 1] === "[";
    this.i += isArray ? 2 : 1;
    const parts = this.key();
    this.skipTrivia(false);
    this.i += isArray ? 2 : 1;
    const path = [];
    parts.forEach((part, n) => {
      path.push(part.name);
      this.record(path, part.at);
      const count = this.arrayCounts.get(pathId(path));
      if (n === parts.length - 1 && isArray) {
        this.arrayCounts.set(pathId(path), (count ?? 0) + 1);
        path.push(count ?? 0);
        this.record(path, part.at);
      } else if (count !== void 0 && n < parts.length - 1) {
        path.push(count - 1);
      }
    });
    this.headers.set(pathId(path), start);
    return path;
  }
  keyValue(table) {
    const path = [...table];
    for (const part of this.key()) {
      path.push(part.name);
      this.record(path, part.at);
    }
    this.skipTrivia(false);
    if (this.s[this.i] !== "=") throw new Error("expected =");
    this.i++;
    this.skipTrivia(false);
    this.value(path);
  }
  /** A possibly dotted key; returns each part with the offset where it starts. */
  key() {
    const s = this.s;
    const parts = [];
    for (; ; ) {
      this.skipTrivia(false);
      const at = this.i;
      let name;
      if (s[at] === '"' || s[at] === "'") {
        const end = this.skipString();
        const raw = s.slice(at + 1, end - 1);
        name = s[at] === '"' ? decodeBasic(raw) : raw;
      } else {
        while (this.i < s.length && /[A-Za-z0-9_-]/.test(s[this.i] ?? "")) this.i++;
        if (this.i === at) throw new Error("expected a key");
        name = s.slice(at, this.i);
      }
      parts.push({ name, at });
      this.skipTrivia(false);
      if (s[this.i] !== ".") return parts;
      this.i++;
    }
  }
  value(path) {
    const s = this.s;
    const c = s[this.i];
    if (c === '"' || c === "'") {
      this.skipString();
    } else if (c === "[") {
      this.i++;
      for (let n = 0; ; n++) {
        this.skipTrivia(true);
        if (s[this.i] === "]" || this.i >= s.length) break;
        this.record([...path, n], this.i);
        this.value([...path, n]);
        this.skipTrivia(true);
        if (s[this.i] === ",") this.i++;
      }
      this.i++;
    } else if (c === "{") {
      this.i++;
      let comma = -1;
      for (; ; ) {
        this.inlineTrivia();
        if (s[this.i] === "}" || this.i >= s.length) break;
        comma = -1;
        this.keyValue(path);
        this.inlineTrivia();
        if (s[this.i] === ",") comma = this.i++;
      }
      if (comma >= 0) this.flag(comma, "a trailing comma in an inline table", "remove the comma");
      this.i++;
    } else {
      while (this.i < s.length && !",]}\n#".includes(s[this.i] ?? "")) this.i++;
    }
  }
  /** TOML 1.0 allows only spaces and tabs between the braces of an inline table. */
  inlineTrivia() {
    const start = this.i;
    this.skipTrivia(true);
    const bad = this.s.slice(start, this.i).search(/[\r\n#]/);
    if (bad >= 0) {
      this.flag(
        start + bad,
        "a line break or comment inside an inline table",
        "keep the inline table on one line, or use a [table] section"
      );
    }
  }
  flag(at, what, fix) {
    this.toml11.push({ at, what, fix });
  }
  /** At a backslash in a basic string: flags escapes that only TOML 1.1 knows. */
  escape() {
    const next = this.s[this.i + 1];
    if (next === "e") this.flag(this.i, "the escape \\e in a string", "write \\u001B instead");
    if (next === "x")
      this.flag(this.i, "a \\x escape in a string", "write \\u00HH instead of \\xHH");
    this.i += 2;
  }
  /** Skips any string form starting at the cursor; returns the offset just past it. */
  skipString() {
    const s = this.s;
    const q = s[this.i] ?? '"';
    const triple = q.repeat(3);
    if (s.startsWith(triple, this.i)) {
      this.i += 3;
      for (; ; ) {
        if (this.i >= s.length) throw new Error("unterminated string");
        if (q === '"' && s[this.i] === "\\") this.escape();
        else if (s.startsWith(triple, this.i)) {
          this.i += 3;
          for (let extra = 0; extra < 2 && s[this.i] === q; extra++) this.i++;
          return this.i;
        } else this.i++;
      }
    }
    this.i++;
    while (this.i < s.length && s[this.i] !== q && s[this.i] !== "\n") {
      if (q === '"' && s[this.i] === "\\") this.escape();
      else this.i++;
    }
    this.i++;
    return this.i;
  }
  /** Skips spaces, tabs, comments and (if allowed) line breaks. */
  skipTrivia(newlines) {
    const s = this.s;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === " " || c === "	" || newlines && (c === "\n" || c === "\r")) this.i++;
      else if (c === "#" && newlines) {
        while (this.i < s.length && s[this.i] !== "\n") this.i++;
      } else return;
    }
  }
};

// src/manifest/locate.ts
function formatPath(path) {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else {
      const text = /^[A-Za-z0-9_-]+$/.test(seg) ? seg : JSON.stringify(seg);
      out += out === "" ? text : `.${text}`;
    }
  }
  return out;
}
function positionsOf(text) {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (lineStarts[lo] ?? 0) + 1 };
  };
}
function createLocator(text) {
  const scanner = new Scanner(text);
  try {
    scanner.scan();
  } catch {
  }
  const at = positionsOf(text);
  const position = (offset) => offset === void 0 ? { line: 1, column: 1 } : at(offset);
  const nearest = (path, pick) => {
    for (let n = path.length; n > 0; n--) {
      const found = pick(path.slice(0, n));
      if (found !== void 0) return found;
    }
    return void 0;
  };
  return {
    toml11: scanner.toml11.map(({ at: at2, what, fix }) => ({ ...position(at2), what, fix })),
    at: (path) => position(nearest(path, (p) => scanner.keys.get(pathId(p)))),
    table: (path) => position(nearest(path, (p) => scanner.headers.get(pathId(p)) ?? scanner.keys.get(pathId(p))))
  };
}

export {
  formatPath,
  positionsOf,
  createLocator
};
