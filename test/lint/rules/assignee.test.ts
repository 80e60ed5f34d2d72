import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { buildSpec, lintSpecRule, messages, TEMPLATE } from './spec-rules-helpers.js';

const rule = 'assignee';

describe(rule, () => {
  it('accepts a named primary assignee, in a definition list or a paragraph', () => {
    assert.deepEqual(lintSpecRule(rule, buildSpec()), []);
    assert.deepEqual(lintSpecRule(rule, buildSpec({ assignee: 'Primary assignee: jdoe' })), []);
    assert.deepEqual(lintSpecRule(rule, buildSpec({ assignee: 'Primary assignee:\n\n* Jane Doe (jdoe)' })), []);
    assert.deepEqual(lintSpecRule(rule, buildSpec({ assignee: 'Primary assignee:\n  <jdoe@example.org>' })), []);
  });

  it('accepts a section that names someone without the label', () => {
    assert.deepEqual(lintSpecRule(rule, buildSpec({ assignee: '* jdoe\n* asmith' })), []);
  });

  it('reports the template\'s placeholder', () => {
    assert.deepEqual(messages(lintSpecRule(rule, buildSpec({ assignee: 'Primary assignee:\n  <launchpad-id or None>' }))), [
      '31: The primary assignee is still the template\'s placeholder "<launchpad-id or None>".',
    ]);
  });

  it('accepts None where the template offers it ("<launchpad-id or None>"), and reports it where it does not', () => {
    assert.deepEqual(lintSpecRule(rule, buildSpec({ assignee: 'Primary assignee:\n  None' })), []);
    assert.deepEqual(lintSpecRule(rule, buildSpec({ assignee: 'None' })), []);
    const strict = TEMPLATE.replace('<launchpad-id or None>', '<launchpad-id>');
    assert.notEqual(strict, TEMPLATE);
    assert.match(lintSpecRule(rule, buildSpec({ assignee: 'Primary assignee:\n  None' }), { template: strict })[0]!.message, /is "None": a spec needs someone/);
  });

  it('reports TBD, N/A and nothing at all', () => {
    assert.match(lintSpecRule(rule, buildSpec({ assignee: 'Primary assignee:\n  N/A' }))[0]!.message, /is "N\/A": a spec needs someone/);
    assert.match(lintSpecRule(rule, buildSpec({ assignee: 'TBD' }))[0]!.message, /is "TBD"/);
    assert.match(lintSpecRule(rule, buildSpec({ assignee: 'Primary assignee:' }))[0]!.message, /^The primary assignee is empty\.$/);
    const guidanceOnly = 'Who is leading the writing of the code? Or is this a blueprint where you\'re\nthrowing it out there to see who picks it up?';
    assert.deepEqual(messages(lintSpecRule(rule, buildSpec({ assignee: guidanceOnly }))), ['28: The "Assignee(s)" section names nobody.']);
  });
});
