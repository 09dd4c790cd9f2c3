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

export function contentTypeFor(name: string): string {
  if (name.endsWith('.tar.gz')) return 'application/gzip';
  if (name.endsWith('.json') || name.endsWith('.bundle')) return 'application/json';
  if (name.endsWith('.toml')) return 'application/toml';
  return 'text/plain';
}
