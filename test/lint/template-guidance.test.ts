/**
 * template-text compares every paragraph with the template's guidance by a
 * cheap prefix first: a prefix that differed from the collapsed text's
 * would hide guidance left in a spec.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isGuidance, textPrefix } from '../../src/lint/template-document.js';
import { normalizeText } from '../../src/spec/spec-model.js';

/** The definition: the first 16 characters of the first 64 code units, whitespace collapsed. */
function reference(text: string): string | null {
  const head = normalizeText(text.slice(0, 64));
  return head.length >= 16 ? head.slice(0, 16) : null;
}

const spacey = fc.string({
  unit: fc.constantFrom('a', 'B', 'é', '.', ' ', '  ', '\n', '\t', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u200b', '\ud83d\ude00', '\u0085'),
  minLength: 8,
  maxLength: 90,
  size: 'max',
});

/** Mostly whitespace: the 64 code units read may collapse to fewer than 16 characters. */
const sparse = fc.string({ unit: fc.constantFrom(' ', '   ', '\n', '\u3000', 'x', 'yz'), minLength: 20, maxLength: 70, size: 'max' });

test('textPrefix is the collapsed text\'s first 16 characters, read from its first 64 code units', () => {
  fc.assert(
    fc.property(fc.oneof(spacey, sparse, fc.string({ maxLength: 90, size: 'max' }), fc.string({ unit: 'binary', maxLength: 80, size: 'max' })), (text) => {
      assert.equal(textPrefix(text), reference(text), JSON.stringify(text));
    }),
    { numRuns: 20000, seed: 20261126 },
  );
});

test('a paragraph re-wrapped or re-indented is still recognised as guidance', () => {
  const guidance = new Set([normalizeText('Describe any potential security impact on the system. Some of the items to consider include:')]);
  assert.ok(isGuidance(guidance, 'Describe any potential security impact on the\nsystem.  Some of the items to consider include:'));
  assert.ok(isGuidance(guidance, '  Describe  any potential\tsecurity impact on the system. Some of the items to consider include:'));
  assert.ok(!isGuidance(guidance, 'Describe any potential security impact on the system.'));
  assert.ok(!isGuidance(guidance, 'The new API exposes host names to project members.'));
});
