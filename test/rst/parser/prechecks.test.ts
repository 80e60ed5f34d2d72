/**
 * Transition prechecks skip the pattern for lines that cannot match it;
 * a precheck that rejected a matching line would lose markup.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mayBeEnumerator, mayBeLine } from '../../../src/rst/parser/body.js';
import { BLANK_PATTERN, mayBeBlank } from '../../../src/rst/parser/state-machine.js';
import { BODY_PATTERNS } from '../../../src/rst/parser/patterns.js';

const enumeratorish = fc.string({
  unit: fc.constantFrom('(', ')', '.', ' ', '#', '1', '9', 'a', 'i', 'v', 'I', 'X', 'Z', 'é', '\u3000', '\t', '-'),
  maxLength: 8,
});

test('every line the enumerator pattern matches passes the enumerator precheck', () => {
  fc.assert(
    fc.property(fc.oneof(enumeratorish, fc.string({ maxLength: 12 })), (line) => {
      if (BODY_PATTERNS.enumerator.test(line)) assert.ok(mayBeEnumerator(line), JSON.stringify(line));
    }),
    { numRuns: 20000, seed: 20261126 },
  );
});

test('the enumerator precheck rejects ordinary paragraph lines and accepts list items', () => {
  for (const line of ['This is text.', 'A. Lincoln', 'i.e. that', 'e.g.', '1.5 million']) {
    assert.equal(BODY_PATTERNS.enumerator.test(line), mayBeEnumerator(line), line);
  }
  assert.equal(mayBeEnumerator('This is a paragraph'), false);
  for (const line of ['1. item', '(a) item', 'iv) item', '#.', 'Z. end']) assert.ok(mayBeEnumerator(line), line);
});

const adornmentish = fc.string({ unit: fc.constantFrom('=', '-', '~', '*', ' ', 'a', '`', '\u3000', '\t'), maxLength: 8 });

test('every line the adornment pattern matches passes its precheck', () => {
  fc.assert(
    fc.property(fc.oneof(adornmentish, fc.string({ maxLength: 10 })), (line) => {
      if (line.length > 0 && BODY_PATTERNS.line.test(line)) assert.ok(mayBeLine(line), JSON.stringify(line));
    }),
    { numRuns: 20000, seed: 20261127 },
  );
  assert.equal(mayBeLine('**Note**: text'), false);
  assert.ok(mayBeLine('====='));
});

test('every line the blank pattern matches passes its precheck', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom(' ', 'a', '\t', '\u00a0'), maxLength: 6 }), (line) => {
      if (BLANK_PATTERN.test(line)) assert.ok(mayBeBlank(line), JSON.stringify(line));
    }),
    { numRuns: 5000, seed: 20261128 },
  );
});
