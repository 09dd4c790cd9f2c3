/**
 * Syntax checks for SemVer versions and version requirements exactly as the Rust `semver` crate
 * (1.0.x, used by the nexo installer and daemon through serde) accepts them. npm's `semver` has a
 * different requirement grammar (`||`, hyphen ranges, space-separated comparators, a `v` prefix),
 * so requirements are checked here with a small parser that follows the Rust grammar:
 *
 *   req        := ' '* ( wildcard ' '* | comparator ( ',' ' '* comparator )* )   (at most 32)
 *   comparator := op? ' '* major ( '.' (minor | wild) ( '.' (patch | wild) )? )?
 *                 ( '-' pre )? ( '+' build )? ' '*          (pre/build only after a patch)
 *   op         := '=' | '>' | '>=' | '<' | '<=' | '~' | '^'            wild := '*' | 'x' | 'X'
 *
 * Numbers are decimal u64 without leading zeros; pre-release and build identifiers are dot-separated
 * non-empty runs of [0-9A-Za-z-]; purely numeric pre-release identifiers may not have leading zeros.
 * Each function returns `undefined` when the text is accepted, otherwise the reason (wording close
 * to the Rust crate's, so users can search for it).
 */

type Position = 'major' | 'minor' | 'patch' | 'pre' | 'build';

const POSITION_NAME: Record<Position, string> = {
  major: 'major version number',
  minor: 'minor version number',
  patch: 'patch version number',
  pre: 'pre-release identifier',
  build: 'build metadata',
};

const U64_MAX = 18446744073709551615n;
const MAX_COMPARATORS = 32;

class SyntaxFailure extends Error {}

function fail(reason: string): never {
  throw new SyntaxFailure(reason);
}

function quoted(ch: string): string {
  return ch === '\0' ? "'\\0'" : JSON.stringify(ch).replace(/^"|"$/g, "'");
}

/** The character (code point) at the start of `s`, for messages. */
function firstChar(s: string): string {
  return String.fromCodePoint(s.codePointAt(0) ?? 0);
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isIdentChar = (c: string | undefined): boolean => c !== undefined && /^[0-9A-Za-z-]$/.test(c);

/** Parses a number at the start of `s`; returns the rest of the text. */
function numeric(s: string, pos: Position): string {
  let len = 0;
  let value = 0n;
  while (isDigit(s[len])) {
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

/**
 * Parses a dot-separated identifier (pre-release or build) at the start of `s`. Returns the
 * identifier text and the rest; an empty identifier is returned as '' when nothing matches.
 */
function identifier(s: string, pos: 'pre' | 'build'): [string, string] {
  let done = 0;
  for (;;) {
    let seg = 0;
    let nonDigit = false;
    while (isIdentChar(s[done + seg])) {
      if (!isDigit(s[done + seg])) nonDigit = true;
      seg++;
    }
    const boundary = s[done + seg];
    if (seg === 0) {
      if (done === 0 && boundary !== '.') return ['', s];
      fail(`empty identifier segment in ${POSITION_NAME[pos]}`);
    }
    if (pos === 'pre' && seg > 1 && !nonDigit && s[done] === '0') {
      fail(`invalid leading zero in ${POSITION_NAME[pos]}`);
    }
    done += seg;
    if (boundary !== '.') return [s.slice(0, done), s.slice(done)];
    done++;
  }
}

function dot(s: string, pos: Position): string {
  if (s.startsWith('.')) return s.slice(1);
  if (s.length > 0)
    fail(`unexpected character ${quoted(firstChar(s))} after ${POSITION_NAME[pos]}`);
  return fail(`unexpected end of input while parsing ${POSITION_NAME[pos]}`);
}

function run(check: () => void): string | undefined {
  try {
    check();
    return undefined;
  } catch (e) {
    if (e instanceof SyntaxFailure) return e.message;
    throw e;
  }
}

/** `undefined` if Rust's `semver::Version::parse` accepts `text`, else the reason. */
export function rustVersionError(text: string): string | undefined {
  return run(() => {
    if (text === '') fail('empty string, expected a semver version');
    let rest = dot(numeric(text, 'major'), 'major');
    rest = dot(numeric(rest, 'minor'), 'minor');
    rest = numeric(rest, 'patch');
    let pos: Position = 'patch';
    if (rest.startsWith('-')) {
      pos = 'pre';
      const [pre, after] = identifier(rest.slice(1), 'pre');
      if (pre === '') fail(`empty identifier segment in ${POSITION_NAME.pre}`);
      rest = after;
    }
    if (rest.startsWith('+')) {
      pos = 'build';
      const [build, after] = identifier(rest.slice(1), 'build');
      if (build === '') fail(`empty identifier segment in ${POSITION_NAME.build}`);
      rest = after;
    }
    if (rest.length > 0)
      fail(`unexpected character ${quoted(firstChar(rest))} after ${POSITION_NAME[pos]}`);
  });
}

function wildcard(s: string): string | undefined {
  return s[0] === '*' || s[0] === 'x' || s[0] === 'X' ? s[0] : undefined;
}

function stripOp(s: string): string {
  for (const op of ['>=', '<=', '=', '>', '<', '~', '^'])
    if (s.startsWith(op)) return s.slice(op.length);
  return s;
}

/** Parses one comparator; returns the position reached (for messages) and the rest. */
function comparator(input: string): [Position, string] {
  let s = stripOp(input).replace(/^ +/, '');
  let pos: Position = 'major';
  s = numeric(s, pos);
  let minorWild = false;
  let hasPatch = false;
  if (s.startsWith('.')) {
    s = s.slice(1);
    pos = 'minor';
    if (wildcard(s) !== undefined) {
      minorWild = true;
      s = s.slice(1);
    } else s = numeric(s, pos);
  }
  if (s.startsWith('.')) {
    s = s.slice(1);
    pos = 'patch';
    if (wildcard(s) !== undefined) s = s.slice(1);
    else if (minorWild) fail('unexpected character after wildcard in version req');
    else {
      s = numeric(s, pos);
      hasPatch = true;
    }
  }
  if (hasPatch && s.startsWith('-')) {
    pos = 'pre';
    const [pre, after] = identifier(s.slice(1), 'pre');
    if (pre === '') fail(`empty identifier segment in ${POSITION_NAME.pre}`);
    s = after;
  }
  if (hasPatch && s.startsWith('+')) {
    pos = 'build';
    const [build, after] = identifier(s.slice(1), 'build');
    if (build === '') fail(`empty identifier segment in ${POSITION_NAME.build}`);
    s = after;
  }
  return [pos, s.replace(/^ +/, '')];
}

/** `undefined` if Rust's `semver::VersionReq::parse` accepts `text`, else the reason. */
export function rustVersionReqError(text: string): string | undefined {
  return run(() => {
    let s = text.replace(/^ +/, '');
    const wild = wildcard(s);
    if (wild !== undefined) {
      const rest = s.slice(1).replace(/^ +/, '');
      if (rest === '') return;
      if (rest.startsWith(','))
        fail(`wildcard req (${wild}) must be the only comparator in the version req`);
      fail('unexpected character after wildcard in version req');
    }
    for (let count = 1; ; count++) {
      let pos: Position;
      try {
        [pos, s] = comparator(s);
      } catch (e) {
        const w = wildcard(s);
        const rest = s.slice(1).replace(/^ +/, '');
        if (w !== undefined && (rest === '' || rest.startsWith(','))) {
          fail(`wildcard req (${w}) must be the only comparator in the version req`);
        }
        throw e;
      }
      if (s === '') return;
      if (!s.startsWith(',')) {
        fail(`expected comma after ${POSITION_NAME[pos]}, found ${quoted(firstChar(s))}`);
      }
      if (count === MAX_COMPARATORS) fail('excessive number of version comparators');
      s = s.slice(1).replace(/^ +/, '');
    }
  });
}
