/**
 * GitHub's rewriting of release asset names, as observed on uploads (GitHub documents only that
 * "special characters, non-alphanumeric characters, and leading or trailing periods" are renamed):
 *  - non-ASCII letters are transliterated (`ż` -> `z`, `æ` -> `ae`, `ŋ` -> `ng`);
 *  - every character outside `A-Z a-z 0-9 . _ -` (space, `~ : ( ) + ! # , ;` ..., and
 *    untransliterable symbols such as `©`) becomes `.`;
 *  - runs of dots collapse to one; a leading dot gets the prefix `default` (`.config` ->
 *    `default.config`); trailing dots are dropped (`test~file!!!` -> `test.file`).
 * A literal `+` in the upload query string is a space and so also ends up as `.` (the query is
 * decoded by URLSearchParams before this function sees the name).
 */

/** Letters that Unicode decomposition does not reduce to ASCII. */
const TRANSLITERATIONS: Record<string, string> = {
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ð: 'd',
  Ð: 'D',
  đ: 'd',
  Đ: 'D',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  ŋ: 'ng',
  Ŋ: 'NG',
  ß: 'ss',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
};

function transliterate(name: string): string {
  let out = '';
  for (const ch of name) {
    const mapped = TRANSLITERATIONS[ch];
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    // NFKD splits accented letters into base + combining marks; keep the ASCII part only when
    // the base letter is ASCII (so `é` -> `e`, while `©` stays and becomes a dot below).
    const decomposed = ch.normalize('NFKD').replace(/\p{M}+/gu, '');
    out += /^[\x20-\x7e]+$/.test(decomposed) ? decomposed : ch;
  }
  return out;
}

/** The name GitHub stores for an uploaded asset called `name`. */
export function rewriteAssetName(name: string): string {
  let out = transliterate(name)
    .replace(/[^A-Za-z0-9._-]/g, '.')
    .replace(/\.{2,}/g, '.');
  if (out.startsWith('.')) out = `default${out}`;
  return out.replace(/\.+$/, '');
}
