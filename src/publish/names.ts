/**
 * GitHub rewrites asset names it does not like (spaces and most punctuation become '.', runs
 * collapse, a leading '.' gets a prefix, non-ASCII is transliterated, '+' in a query is a space).
 * We never upload such a name: matching by name afterwards would miss and 422s would follow.
 */
const SAFE = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

export function assetNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'it is empty';
  if (name.length > 255) return 'it is longer than 255 characters';
  if (!SAFE.test(name)) {
    const bad = [...new Set([...name].filter((c) => !/[A-Za-z0-9._-]/.test(c)))].map((c) =>
      JSON.stringify(c),
    );
    if (name.startsWith('.')) return 'it starts with a dot';
    return `GitHub rewrites the character${bad.length > 1 ? 's' : ''} ${bad.join(' ')}`;
  }
  if (name.includes('..')) return "GitHub collapses '..' to '.'";
  return undefined;
}

/** The temporary name a replacement is uploaded under before it is renamed into place. */
export const TEMP_MARK = '.partial-';
export function tempAssetName(name: string, nonce: string): string {
  return `${name}${TEMP_MARK}${nonce}`;
}
/** The final name a temporary asset stands for, or undefined when `name` is not temporary. */
export function tempAssetTarget(name: string): string | undefined {
  const i = name.lastIndexOf(TEMP_MARK);
  return i > 0 && /^[0-9a-z]+-[0-9a-z]+$/.test(name.slice(i + TEMP_MARK.length))
    ? name.slice(0, i)
    : undefined;
}

/**
 * The Content-Type an asset is uploaded with (GitHub serves the download with it), by the name's
 * ending: archives by their format (`.bsiplugin` is a ZIP), JSON documents (`.bundle`,
 * `.sigstore.json`, `.signature.json` included), and the text sidecars and signatures (`.sha256`,
 * `.minisig`, base64 `.sig`, PEM `.pem`/`.cert`). Anything else is opaque bytes, never text.
 */
const CONTENT_TYPES: readonly (readonly [suffix: string, type: string])[] = [
  ['.tar.gz', 'application/gzip'],
  ['.tgz', 'application/gzip'],
  ['.zip', 'application/zip'],
  ['.bsiplugin', 'application/zip'],
  ['.json', 'application/json'],
  ['.bundle', 'application/json'],
  ['.toml', 'application/toml'],
  ['.sha256', 'text/plain'],
  ['.minisig', 'text/plain'],
  ['.sig', 'text/plain'],
  ['.pem', 'text/plain'],
  ['.cert', 'text/plain'],
  ['.txt', 'text/plain'],
];

export function contentTypeFor(name: string): string {
  const lower = name.toLowerCase();
  return (
    CONTENT_TYPES.find(([suffix]) => lower.endsWith(suffix))?.[1] ?? 'application/octet-stream'
  );
}
