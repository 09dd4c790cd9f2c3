import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isReleaseError } from '../src/errors.ts';
import { explainTag, parseTag } from '../src/tag.ts';

// The publishing convention's examples first, then edge cases.
const ACCEPT: [string, boolean][] = [
  ['v0.2.0', false],
  ['v1.0.0-beta.3', true],
  ['v1.0.0', false],
  ['v10.20.30', false],
  ['v0.0.0', false],
  ['v1.0.0-rc.1', true],
  ['v1.0.0-alpha', true],
  ['v1.0.0-0', true],
  ['v1.0.0-x.7.z.92', true],
  ['v1.0.0-alpha.beta.1', true],
  ['v999999.0.1', false],
];

const REJECT: [string, RegExp][] = [
  ['0.2.0', /leading 'v'/],
  ['v0.2', /three numbers/],
  ['v01.0.0', /leading zero/],
  ['v1.0.0-01', /leading zero/],
  ['v1.0.0-rc..1', /empty identifier/],
  ['', /empty/],
  ['V1.0.0', /start with 'v'/],
  ['v1.0.0+build.1', /build metadata/],
  ['v1.0.0-', /empty/],
  ['v1.0.0-beta-1', /no '-'/],
  ['v1.0.0.0', /three numbers/],
  ['v1.0', /three numbers/],
  ['v1.a.0', /not a number/],
  ['v1.0.0-rc_1', /letters and digits/],
  ['release-1.0.0', /start with 'v'/],
  ['v 1.0.0', /white space/],
  ['v1.0.0-rc.1.', /empty identifier/],
  ['v00.1.0', /leading zero/],
];

describe('tag rules', () => {
  for (const [tag, pre] of ACCEPT) {
    test(`accepts ${tag}`, () => {
      const parsed = parseTag(tag);
      assert.equal(parsed.version, tag.slice(1));
      assert.equal(parsed.prerelease, pre);
      assert.equal(explainTag(tag), undefined);
    });
  }
  for (const [tag, why] of REJECT) {
    test(`rejects '${tag}'`, () => {
      assert.throws(
        () => parseTag(tag),
        (e: unknown) =>
          isReleaseError(e, 'TAG_INVALID') &&
          e.message.startsWith(`tag '${tag}' does not match v<semver>`) &&
          why.test(e.message),
      );
    });
  }
});
