import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { buildSpec, lintSpecRule, messages } from './spec-rules-helpers.js';

const rule = 'template-text';
const GUIDANCE = 'Describe any potential security impact on the system.  Some of the items to\nconsider include:';

describe(rule, () => {
  it('accepts a spec in its own words', () => {
    assert.deepEqual(lintSpecRule(rule, buildSpec()), []);
  });

  it('reports a guidance paragraph left in, however it is wrapped', () => {
    assert.deepEqual(messages(lintSpecRule(rule, buildSpec({ security: GUIDANCE }))), [
      '23: This paragraph is the template\'s guidance text: replace it with what this spec proposes.',
    ]);
    const rewrapped = 'Describe any potential security impact on the system. Some of the\nitems to consider include:';
    assert.equal(lintSpecRule(rule, buildSpec({ security: rewrapped })).length, 1);
  });

  it('accepts an edited paragraph and short ones', () => {
    assert.deepEqual(lintSpecRule(rule, buildSpec({ security: 'Describe any potential security impact on the system: none.' })), []);
    assert.deepEqual(lintSpecRule(rule, buildSpec({ security: 'Primary assignee:' })), []);
  });

  it('accepts a template bullet kept as a heading with the answer under it', () => {
    const answered = `* ${GUIDANCE.replace('\n', '\n  ')}\n\n  * Nothing sensitive is touched.`;
    assert.deepEqual(lintSpecRule(rule, buildSpec({ security: answered })), []);
    const unanswered = `* ${GUIDANCE.replace('\n', '\n  ')}`;
    assert.equal(lintSpecRule(rule, buildSpec({ security: unanswered })).length, 1);
  });

  it('accepts a one-line label of the template kept with the spec\'s own answer after it', () => {
    const label = 'Include the URL of your launchpad blueprint:';
    assert.deepEqual(lintSpecRule(rule, buildSpec({ url: `${label}\n\nhttps://blueprints.launchpad.net/watcher/+spec/audit-scope-storage` })), []);
    // Followed by the template's own text, the label is still the template's.
    assert.deepEqual(messages(lintSpecRule(rule, buildSpec({ url: `${label}\n\nhttps://blueprints.launchpad.net/watcher/+spec/example` }))).map((line) => line.split(':')[0]), ['5', '7']);
    // A longer guidance paragraph ending with a colon is an instruction, answered or not.
    assert.equal(lintSpecRule(rule, buildSpec({ security: `${GUIDANCE}\n\nNothing sensitive is touched.` })).length, 1);
  });

  it('leaves copies of the template alone', () => {
    assert.deepEqual(lintSpecRule(rule, buildSpec({ security: GUIDANCE }), { name: 'rocky-template' }), []);
  });
});
