import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { buildSpec, lintSpecRule, messages } from './spec-rules-helpers.js';

const rule = 'spec-title';

describe(rule, () => {
  it('accepts a title of the spec\'s own', () => {
    assert.deepEqual(lintSpecRule(rule, buildSpec()), []);
  });

  it('reports the template\'s example title', () => {
    assert.deepEqual(messages(lintSpecRule(rule, buildSpec({ title: 'Example Spec - The title of your blueprint' }))), [
      '2: The title is still the template\'s example title "Example Spec - The title of your blueprint".',
    ]);
  });

  it('reports a spec without a document title', () => {
    const text = buildSpec().split('\n').slice(4).join('\n');
    assert.deepEqual(messages(lintSpecRule(rule, text)), [
      '1: The spec has no document title: start it with a title adorned above and below, e.g. "====\\nName\\n====".',
    ]);
  });
});
