/**
 * make_id (ids of sections and targets): the character loop must give what
 * docutils' regular expressions give.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fullyNormalizeName, makeId, whitespaceNormalizeName } from '../../src/rst/nodes.js';
import { splitWhitespace } from '../../src/rst/python-text.js';

/** docutils.nodes.make_id after its non-ASCII handling, with docutils' own expressions. */
function referenceAsciiId(lowercaseAscii: string): string {
  const id = splitWhitespace(lowercaseAscii).join(' ').replace(/[^a-z0-9]+/g, '-');
  return id.replace(/^[-0-9]+|-+$/g, '');
}

test('make_id on ASCII text agrees with docutils\' regular expressions', () => {
  const ascii = fc.string({ unit: fc.constantFrom('a', 'Z', 'q', '0', '7', '-', ' ', '\t', '\x1c', '_', '.', ':', '#', '\n'), maxLength: 16 });
  fc.assert(
    fc.property(fc.oneof(ascii, fc.string({ maxLength: 16 })), (text) => {
      const lower = text.toLowerCase();
      if (!/^[\x00-\x7f]*$/.test(lower)) return;
      assert.equal(makeId(text), referenceAsciiId(lower), JSON.stringify(text));
    }),
    { numRuns: 20000, seed: 1126 },
  );
});

test('make_id examples from docutils', () => {
  assert.equal(makeId('Problem description'), 'problem-description');
  assert.equal(makeId('  1. Leading numbers --'), 'leading-numbers');
  assert.equal(makeId('REST API impact'), 'rest-api-impact');
  assert.equal(makeId('Ünïcödé title'), 'unicode-title');
  assert.equal(makeId('123'), '');
});

test('name normalisation agrees with " ".join(name.lower().split())', () => {
  const spaced = fc.string({ unit: fc.constantFrom('a', 'B', ' ', '\t', '\n', '\x1c', '\x85', '\xa0', '\u3000', '\u2028', '\x00', 'é'), maxLength: 10 });
  fc.assert(
    fc.property(fc.oneof(spaced, fc.string({ maxLength: 10 })), (name) => {
      assert.equal(fullyNormalizeName(name), splitWhitespace(name.toLowerCase()).join(' '), JSON.stringify(name));
      assert.equal(whitespaceNormalizeName(name), splitWhitespace(name).join(' '), JSON.stringify(name));
    }),
    { numRuns: 20000, seed: 1127 },
  );
});
