import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { buildSpec, lintSpecRule, messages } from './spec-rules-helpers.js';

const rule = 'empty-section';

describe(rule, () => {
  it('accepts sections that say something, "None" included; References may be empty', () => {
    assert.deepEqual(lintSpecRule(rule, buildSpec()), []);
  });

  it('accepts a section holding only subsections', () => {
    // "Proposed change" has only subsections in buildSpec.
    assert.deepEqual(lintSpecRule(rule, buildSpec({ security: 'Tokens are not logged.' })), []);
  });

  it('reports an empty section at its title', () => {
    assert.deepEqual(messages(lintSpecRule(rule, buildSpec({ security: '' }))), ['20: Section "Security impact" is empty: write "None" if it does not apply.']);
  });

  it('counts comments and targets as nothing', () => {
    const findings = lintSpecRule(rule, buildSpec({ security: '.. TODO(jdoe): fill in\n\n.. _security:' }));
    assert.equal(findings.length, 1);
  });

  it('takes its ignore list from the options', () => {
    const config = '[rules]\nempty-section = { ignore = ["Security impact", "References"] }\n';
    assert.deepEqual(lintSpecRule(rule, buildSpec({ security: '' }), { config }), []);
    assert.equal(lintSpecRule(rule, buildSpec(), { config: '[rules]\nempty-section = { ignore = [] }\n' }).length, 1);
  });
});
