import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { resolveRules } from '../../src/lint/rule-settings.js';
import { defaultConfig, parseConfigText } from '../../src/spec/config.js';

const config = (text: string) => parseConfigText(text, 'specwright.toml', 'specwright');
const settingsOf = (rules: ReturnType<typeof resolveRules>, id: string) => rules.find((active) => active.rule.meta.id === id);

describe('rule settings', () => {
  it('start from each rule\'s defaults', () => {
    const rules = resolveRules(defaultConfig());
    assert.deepEqual(settingsOf(rules, 'line-length')?.options, { max: 79, mode: 'openstack', allowLongTitles: false });
    assert.equal(settingsOf(rules, 'line-length')?.severity, 'error');
  });

  it('take severities and options, kebab-case keys becoming camelCase', () => {
    const rules = resolveRules(config('[rules]\nline-length = { max = 100, allow-long-titles = true, severity = "warning" }\nno-tabs = "off"\n'));
    assert.deepEqual(settingsOf(rules, 'line-length'), {
      rule: settingsOf(rules, 'line-length')!.rule,
      severity: 'warning',
      options: { max: 100, mode: 'openstack', allowLongTitles: true },
    });
    assert.equal(settingsOf(rules, 'no-tabs'), undefined);
  });

  it('keep a rule off when only options are given', () => {
    const rules = resolveRules(config('[rules]\nno-tabs = "off"\n'), { 'no-tabs': { anywhere: true } });
    assert.equal(settingsOf(rules, 'no-tabs'), undefined);
  });

  it('let command-line overrides win', () => {
    const rules = resolveRules(config('[rules]\nno-tabs = "off"\n'), { 'no-tabs': 'warning' });
    assert.equal(settingsOf(rules, 'no-tabs')?.severity, 'warning');
  });

  it('reject unknown rules in per-file-ignores', () => {
    assert.throws(() => resolveRules(config('[per-file-ignores]\n"specs/**" = ["no-tab"]\n')), /per-file-ignores\."specs\/\*\*": unknown rule "no-tab" \(did you mean "no-tabs"\?\)/);
  });

  it('reject option values outside the schema', () => {
    assert.throws(() => resolveRules(config('[rules]\nline-length = { mode = "strict" }\n')), /rules\.line-length\.mode: must be one of "openstack", "urls", "doc8", not the string "strict"/);
    assert.throws(() => resolveRules(config('[rules]\nline-length = { max = 0 }\n')), /rules\.line-length\.max: must be >= 1/);
  });
});
