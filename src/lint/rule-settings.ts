/**
 * Which rules run, how severe their findings are and with which options:
 * the rules' defaults, then the configuration's `[rules]` table, then
 * settings from the command line. Options are validated against each
 * rule's schema; errors name the configuration key.
 */
import type { Ajv, ValidateFunction } from 'ajv';
import { describeAjvErrors } from '../spec/ajv-errors.js';
import { createAjv } from '../spec/lazy-ajv.js';
import type { RuleSettingInput, SpecwrightConfig } from '../spec/config.js';
import { SpecError } from '../spec/errors.js';
import { didYouMean } from '../spec/suggest.js';
import { getRule, ruleIds } from './registry.js';
import type { AnyRule, RuleSeverity } from './rule.js';
import type { Severity } from './diagnostic.js';

export interface ActiveRule {
  readonly rule: AnyRule;
  readonly severity: Severity;
  readonly options: unknown;
}

const SEVERITY_KEY = 'severity';

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

function validatorFor(rule: AnyRule): ValidateFunction {
  let validate = validators.get(rule.meta.id);
  if (!validate) {
    const schema = rule.meta.optionsSchema as { properties?: Record<string, unknown> };
    ajv ??= createAjv({ allErrors: true, strict: false });
    validate = ajv.compile({
      ...schema,
      properties: { ...(schema.properties ?? {}), [SEVERITY_KEY]: { type: 'string' } },
    });
    validators.set(rule.meta.id, validate);
  }
  return validate;
}

function camelCase(key: string): string {
  return key.replace(/-([a-z0-9])/g, (_, char: string) => char.toUpperCase());
}

export function unknownRuleMessage(id: string): string {
  return `unknown rule "${id}"${didYouMean(id, ruleIds())}; \`specwright rules\` lists them`;
}

/** Options table as written (kebab-case keys) → the rule's options (camelCase), defaults filled in. */
function resolveOptions(rule: AnyRule, table: Record<string, unknown>, keyPrefix: string, file: string | undefined): unknown {
  const validate = validatorFor(rule);
  if (!validate(table)) {
    const known = Object.keys((rule.meta.optionsSchema as { properties?: object }).properties ?? {});
    throw new SpecError(
      'config-invalid',
      describeAjvErrors(validate.errors ?? [], table, {
        prefix: keyPrefix,
        knownKeys: () => [...known, SEVERITY_KEY],
      }),
      file,
    );
  }
  const options: Record<string, unknown> = { ...(rule.meta.defaultOptions as Record<string, unknown>) };
  for (const [key, value] of Object.entries(table)) {
    if (key !== SEVERITY_KEY) options[camelCase(key)] = value;
  }
  return options;
}

function applySetting(
  active: Map<string, { severity: RuleSeverity; options: unknown }>,
  id: string,
  setting: RuleSettingInput,
  file: string | undefined,
): void {
  const rule = getRule(id);
  if (!rule) throw new SpecError('config-invalid', `rules.${id}: ${unknownRuleMessage(id)}`, file);
  const current = active.get(id)!;
  if (typeof setting === 'string') {
    active.set(id, { ...current, severity: setting });
    return;
  }
  // An options table without a severity keeps the rule's current severity (off stays off).
  const severity = (setting.severity as RuleSeverity | undefined) ?? current.severity;
  active.set(id, { severity, options: resolveOptions(rule, setting, `rules.${id}`, file) });
}

/**
 * The rules that run for a repository. `overrides` come from the command
 * line and win over the configuration.
 */
export function resolveRules(config: SpecwrightConfig, overrides: Readonly<Record<string, RuleSettingInput>> = {}): ActiveRule[] {
  const active = new Map<string, { severity: RuleSeverity; options: unknown }>();
  for (const id of ruleIds()) {
    const rule = getRule(id)!;
    active.set(id, { severity: rule.meta.defaultSeverity, options: rule.meta.defaultOptions });
  }
  for (const [id, setting] of Object.entries(config.rules)) applySetting(active, id, setting, config.file ?? undefined);
  for (const [id, setting] of Object.entries(overrides)) applySetting(active, id, setting, undefined);
  for (const [pattern, ids] of Object.entries(config.perFileIgnores)) {
    for (const id of ids) {
      if (!getRule(id)) {
        throw new SpecError('config-invalid', `per-file-ignores."${pattern}": ${unknownRuleMessage(id)}`, config.file ?? undefined);
      }
    }
  }
  const out: ActiveRule[] = [];
  for (const id of ruleIds()) {
    const setting = active.get(id)!;
    if (setting.severity === 'off') continue;
    out.push({ rule: getRule(id)!, severity: setting.severity, options: setting.options });
  }
  return out;
}
