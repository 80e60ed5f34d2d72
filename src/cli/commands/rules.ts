/**
 * `specwright rules [ID]`: the list of rules, or one rule's documentation
 * (what it does, why, an example, what to write instead, fix safety,
 * options).
 */
import { RULES, getRule } from '../../lint/registry.js';
import { ruleDocumentation } from '../../lint/rule-docs.js';
import { unknownRuleMessage } from '../../lint/rule-settings.js';
import { UserError } from '../errors.js';

function fixLabel(fix: 'safe' | 'unsafe' | 'none'): string {
  return fix === 'none' ? '' : fix === 'safe' ? 'fix' : 'fix (unsafe)';
}

export function renderRuleList(): string {
  const rows = RULES.map((rule) => [rule.meta.id, rule.meta.defaultSeverity, fixLabel(rule.meta.fix), rule.meta.description]);
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length), ['rule', 'default', 'fix'][column]!.length));
  const line = (row: string[]) =>
    row
      .map((cell, index) => (index < 3 ? cell.padEnd(widths[index]!) : cell))
      .join('  ')
      .trimEnd();
  return [line(['rule', 'default', 'fix', 'description']), ...rows.map(line), '', 'specwright rules ID shows a rule\'s documentation.', ''].join('\n');
}

export function renderRuleJson(): string {
  return `${JSON.stringify(
    RULES.map((rule) => ({
      id: rule.meta.id,
      description: rule.meta.description,
      defaultSeverity: rule.meta.defaultSeverity,
      fix: rule.meta.fix,
      options: rule.meta.optionsSchema,
      docs: rule.meta.docs,
    })),
    null,
    2,
  )}\n`;
}

/** The command's output: the list, one rule's documentation, or (--json) every rule's metadata. Its options are declared in ../definitions.ts. */
export function runRulesCommand(id: string | undefined, options: { json?: boolean }): string {
  if (options.json) return renderRuleJson();
  if (id === undefined) return renderRuleList();
  const rule = getRule(id);
  if (!rule) throw new UserError('usage', unknownRuleMessage(id));
  return ruleDocumentation(rule);
}
