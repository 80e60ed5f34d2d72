/**
 * Where inline markup may start: the table made at start-up must say what
 * docutils' start-string prefix says for every code unit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inlinePatterns } from '../../src/rst/inline/patterns.js';
import { PY_SPACE } from '../../src/rst/python-text.js';
import { PUNCTUATION_DELIMITERS, PUNCTUATION_OPENERS } from '../../src/rst/unicode-data.js';

test('the characters inline markup may follow, for every BMP code unit', () => {
  const startsAfter = inlinePatterns(false).startsAfter!;
  const reference = new RegExp(`^(?:[${PY_SPACE}]|[${PUNCTUATION_OPENERS}${PUNCTUATION_DELIMITERS}])$`, 'u');
  for (let unit = 0; unit < 0x10000; unit++) {
    const surrogate = unit >= 0xd800 && unit <= 0xdfff;
    const expected = surrogate || reference.test(String.fromCharCode(unit));
    if (startsAfter(unit) !== expected) assert.fail(`U+${unit.toString(16).padStart(4, '0')}: ${startsAfter(unit)}, expected ${expected}`);
  }
  assert.ok(startsAfter(0x20) && startsAfter(0x28) && !startsAfter(0x61));
});
