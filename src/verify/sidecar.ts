/**
 * `<tarball>.sha256` as the installer reads it: the body as (lossy) UTF-8 text, its first
 * whitespace-separated token, lowercased, which must then be exactly 64 hex digits. So
 * `HEX\n`, `HEX  filename` and upper-case hex pass; an empty body, a BOM in front of the hex
 * or an HTML page fail (`Sha256Invalid`).
 *
 * "Whitespace" is Rust's `split_whitespace` (Unicode White_Space), which unlike JavaScript's
 * `\s` does not include U+FEFF: a BOM stays glued to the hex and makes the token invalid.
 */
const RUST_WHITESPACE =
  /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;

export type SidecarResult = { ok: true; sha256: string } | { ok: false; token: string };

export function parseSidecar(body: Buffer): SidecarResult {
  const text = body.toString('utf8');
  const token = text.split(RUST_WHITESPACE).find((t) => t !== '') ?? '';
  const lower = token.toLowerCase();
  return /^[0-9a-f]{64}$/.test(lower) ? { ok: true, sha256: lower } : { ok: false, token };
}

/** A short, printable rendering of what the sidecar held, for the failure message. */
export function describeToken(body: Buffer, token: string): string {
  if (body.length === 0) return 'the file is empty';
  if (token === '') return 'the file holds only white space';
  if (token.startsWith('\ufeff')) return 'it starts with a byte order mark (BOM) before the hex';
  const shown = JSON.stringify(token.length > 40 ? `${token.slice(0, 40)}...` : token);
  if (/^<(!doctype|html)/i.test(token)) return `it is an HTML page (${shown})`;
  return `its first token ${shown} is not 64 hex digits`;
}
