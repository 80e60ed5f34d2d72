import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { buildSpec, lintSpecRule, messages } from './spec-rules-helpers.js';

const rule = 'filename-matches-blueprint';

describe(rule, () => {
  it('accepts a file named after its blueprint', () => {
    assert.deepEqual(lintSpecRule(rule, buildSpec()), []);
  });

  it('reports a different name at the URL', () => {
    assert.deepEqual(messages(lintSpecRule(rule, buildSpec(), { name: 'storage-scopes' })), [
      '5: The file is named "storage-scopes.rst" but its blueprint is "audit-scope-storage": name it audit-scope-storage.rst.',
    ]);
  });

  it('reports the template\'s example blueprint left in place', () => {
    const findings = lintSpecRule(rule, buildSpec({ url: 'https://blueprints.launchpad.net/watcher/+spec/example' }));
    assert.match(findings[0]!.message, /its blueprint is "example"/);
  });

  it('takes the blueprint before the first section over later links', () => {
    const text = buildSpec({ references: '* https://blueprints.launchpad.net/nova/+spec/other-thing' });
    assert.deepEqual(lintSpecRule(rule, text), []);
  });

  it('accepts http, a trailing slash and a link target', () => {
    assert.deepEqual(lintSpecRule(rule, buildSpec({ url: 'http://blueprints.launchpad.net/watcher/+spec/audit-scope-storage/' })), []);
    assert.deepEqual(lintSpecRule(rule, buildSpec({ url: 'See the `blueprint`_.\n\n.. _blueprint: https://blueprints.launchpad.net/watcher/+spec/audit-scope-storage' })), []);
  });

  it('reads a blueprint URL that broken link markup left as text', () => {
    // Single backquotes: docutils makes `... <url>_` a title reference, not a link.
    const url = (name: string) => buildSpec({ url: `Blueprint: \`bp ${name} <https://blueprints.launchpad.net/watcher/+spec/${name}>_\`` });
    assert.deepEqual(lintSpecRule(rule, url('audit-scope-storage')), []);
    assert.match(lintSpecRule(rule, url('other-thing'))[0]!.message, /its blueprint is "other-thing"/);
    // A URL in a literal block is an example, not the spec's link.
    assert.match(lintSpecRule(rule, buildSpec({ url: '::\n\n  https://blueprints.launchpad.net/watcher/+spec/audit-scope-storage' }))[0]!.message, /^No Launchpad blueprint URL/);
  });

  it('reports a spec without a blueprint, unless require-url is off', () => {
    assert.deepEqual(messages(lintSpecRule(rule, buildSpec({ url: null }))), [
      '1: No Launchpad blueprint URL (https://blueprints.launchpad.net/<project>/+spec/<name>) in the spec, nor a bug or story link before the first section.',
    ]);
    assert.deepEqual(lintSpecRule(rule, buildSpec({ url: null }), { config: '[rules]\nfilename-matches-blueprint = { require-url = false }\n' }), []);
  });

  it('accepts a spec tracked by a Launchpad bug or StoryBoard story linked before its first section', () => {
    for (const url of [
      'RFE: https://bugs.launchpad.net/neutron/+bug/1930200',
      'https://bugs.launchpad.net/+bug/1605728',
      'RFE: https://launchpad.net/bugs/1921126',
      'Story: https://storyboard.openstack.org/#!/story/2004949',
      'Tracked in the `RFE`_.\n\n.. _RFE: https://bugs.launchpad.net/ironic/+bug/1605728',
    ]) {
      assert.deepEqual(lintSpecRule(rule, buildSpec({ url })), [], url);
    }
    // Further down, a bug is only a reference, not what tracks the spec.
    const lateBug = buildSpec({ url: null }).replace(/\n$/, '\n\nhttps://bugs.launchpad.net/nova/+bug/1\n');
    assert.equal(lintSpecRule(rule, lateBug).length, 1);
    // Not a bug: a bug list or another site.
    assert.equal(lintSpecRule(rule, buildSpec({ url: 'https://bugs.launchpad.net/neutron/+bugs?field.tag=rfe' })).length, 1);
  });
});
