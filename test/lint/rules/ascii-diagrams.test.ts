import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { buildSpec, lintSpecRule, messages } from './spec-rules-helpers.js';

const rule = 'ascii-diagrams';

describe(rule, () => {
  it('accepts diagrams in literal blocks', () => {
    assert.deepEqual(lintSpecRule(rule, buildSpec({ problem: 'Flow::\n\n    +-----+    +-----+\n    | api | -> | db  |\n    +-----+    +-----+' })), []);
  });

  it('reports images and figures at the directive', () => {
    const text = buildSpec({ problem: 'Flow:\n\n.. image:: images/flow.png\n\n.. figure:: images/arch.svg\n\n   The architecture.' });
    assert.deepEqual(messages(lintSpecRule(rule, text)), [
      '12: Image "images/flow.png": diagrams belong in literal blocks as ASCII art, which reviewers can read and comment on.',
      '14: Image "images/arch.svg": diagrams belong in literal blocks as ASCII art, which reviewers can read and comment on.',
    ]);
  });

  it('is a warning by default', () => {
    // lintSpecRule forces the rule to error; the default comes from the rule's metadata.
    return import('../../../src/lint/rules/ascii-diagrams.js').then(({ asciiDiagrams }) => assert.equal(asciiDiagrams.meta.defaultSeverity, 'warning'));
  });
});
