/**
 * Every rule is registered, documented, tested and consistent.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import { RULES } from '../../src/lint/registry.js';
import { ruleDocumentation } from '../../src/lint/rule-docs.js';
import { renderRuleList } from '../../src/cli/commands/rules.js';

const RULE_SOURCES = join(import.meta.dirname, '../../src/lint/rules');
const RULE_TESTS = join(import.meta.dirname, 'rules');
const kebab = (key: string) => key.replace(/[A-Z]/g, (char) => `-${char.toLowerCase()}`);

describe('rules', () => {
  it('are all registered, once each', () => {
    const files = readdirSync(RULE_SOURCES).filter((name) => name.endsWith('.ts')).map((name) => name.slice(0, -3)).sort();
    const ids = RULES.map((rule) => rule.meta.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual([...ids].sort(), files);
  });

  for (const rule of RULES) {
    describe(rule.meta.id, () => {
      it('has a kebab-case id and a one-line description', () => {
        assert.match(rule.meta.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
        assert.ok(rule.meta.description.length > 10);
        assert.ok(!rule.meta.description.endsWith('.'));
        assert.ok(!rule.meta.description.includes('\n'));
      });

      it('has every documentation section', () => {
        const { docs } = rule.meta;
        for (const section of ['whatItDoes', 'why', 'example', 'useInstead'] as const) {
          assert.ok(docs[section].trim().length > 0, section);
        }
        if (rule.meta.fix !== 'none') assert.ok(docs.fixSafety, 'a fixable rule documents its fix safety');
        const text = ruleDocumentation(rule);
        for (const heading of ['## What it does', '## Why is this bad?', '## Example', '## Use instead', '## Options']) {
          assert.ok(text.includes(heading), heading);
        }
      });

      it('has messages and a test file', () => {
        assert.ok(Object.keys(rule.meta.messages).length > 0);
        for (const message of Object.values(rule.meta.messages) as string[]) assert.match(message, /([.?]|^\{\{\w+\}\})$/, message);
        assert.ok(existsSync(join(RULE_TESTS, `${rule.meta.id}.test.ts`)), `test/lint/rules/${rule.meta.id}.test.ts`);
      });

      it('has default options that satisfy its schema', () => {
        const validate = new Ajv({ strict: true }).compile(rule.meta.optionsSchema);
        const defaults = Object.fromEntries(Object.entries(rule.meta.defaultOptions as object).map(([key, value]) => [kebab(key), value]));
        assert.ok(validate(defaults), JSON.stringify(validate.errors));
      });
    });
  }

  it('are listed by `specwright rules`', () => {
    const list = renderRuleList();
    for (const rule of RULES) assert.match(list, new RegExp(`^${rule.meta.id} `, 'm'));
  });
});
