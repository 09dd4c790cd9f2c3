import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeBase64, decodeStandardBase64, toBase64, toBase64Url } from '../src/crypto/base64.ts';
import { canonicalJson, canonicalJsonPretty } from '../src/crypto/canonical-json.ts';
import { isReleaseError } from '../src/errors.ts';

describe('canonical JSON (PRYZM SDK rules)', () => {
  test('keys sorted by UTF-16 code units, not code points', () => {
    // U+1F600 is D83D DE00 in UTF-16, which sorts before U+E000; by code point it is after.
    const out = canonicalJson({ '\uE000': 1, '\u{1F600}': 2, b: 3, B: 4, a: { z: 1, y: [2, 1] } });
    assert.equal(out, '{"B":4,"a":{"y":[2,1],"z":1},"b":3,"\u{1F600}":2,"\uE000":1}');
  });

  test('undefined: dropped in objects, null in arrays and at the top', () => {
    assert.equal(
      canonicalJson({ a: undefined, b: null, c: [undefined, 1] }),
      '{"b":null,"c":[null,1]}',
    );
    assert.equal(canonicalJson(undefined), 'null');
  });

  test('strings and numbers as JSON.stringify writes them', () => {
    assert.equal(
      canonicalJson(['a"\\\n\u0001\u001f', 'é€😀', '\uD800', '/\u007f']),
      '["a\\"\\\\\\n\\u0001\\u001f","é€😀","\\ud800","/\u007f"]',
    );
    assert.equal(
      canonicalJson([-0, 1e21, 1.5, 0.1 + 0.2, 123456789012345680000]),
      '[0,1e+21,1.5,0.30000000000000004,123456789012345680000]',
    );
    assert.equal(canonicalJson(true), 'true');
  });

  test('NaN, Infinity, bigint, functions, symbols and cycles throw a ReleaseError', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = { back: cyclic };
    for (const bad of [
      NaN,
      Infinity,
      -Infinity,
      1n,
      () => 1,
      Symbol('s'),
      cyclic,
      { f: () => 1 },
      [Symbol('x')],
    ]) {
      assert.throws(
        () => canonicalJson(bad),
        (e) => isReleaseError(e),
      );
    }
  });

  test('a shared (non-cyclic) object is fine', () => {
    const shared = { x: 1 };
    assert.equal(canonicalJson({ a: shared, b: [shared] }), '{"a":{"x":1},"b":[{"x":1}]}');
  });

  test('pretty form: the canonical JSON re-indented to 2 spaces, plus LF', () => {
    const v = { z: [], y: {}, x: [1, { b: 'é', a: null }], w: 'text', '\u{1F600}': 1, '\uE000': 2 };
    assert.equal(
      canonicalJsonPretty(v),
      `${JSON.stringify(JSON.parse(canonicalJson(v)), null, 2)}\n`,
    );
    assert.equal(canonicalJsonPretty([]), '[]\n');
  });
});

describe('base64', () => {
  const bytes = new Uint8Array(Array.from({ length: 32 }, (_, i) => 250 - i * 3));
  test('standard with padding out, both alphabets in', () => {
    const std = toBase64(bytes);
    const url = toBase64Url(bytes);
    assert.match(std, /=$/);
    assert.doesNotMatch(url, /[=+/]/);
    assert.deepEqual(decodeBase64(std), bytes);
    assert.deepEqual(decodeBase64(url), bytes);
    assert.deepEqual(decodeBase64(`${url}=`), bytes);
    assert.deepEqual(decodeStandardBase64(std), bytes);
    assert.equal(decodeStandardBase64(url), undefined);
  });
  test('malformed text is refused', () => {
    for (const bad of ['a', 'ab+_', 'ab c', 'abc==', 'ab=c', 'YR==', '===='])
      assert.equal(decodeBase64(bad), undefined, bad);
  });
});
