/**
 * Valid/invalid case tables for one file rule, as ESLint's RuleTester:
 * each invalid case lists the findings it must produce (message id and
 * position) and, for fixable rules, the text after `--fix`. The tester
 * rejects duplicate cases and message ids the rule does not have, and
 * checks that fixing converges and leaves no fixable finding behind.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { fixUntilStable } from '../../src/lint/fix.js';
import { resolveRules } from '../../src/lint/rule-settings.js';
import type { AnyFileRule } from '../../src/lint/rule.js';
import { lintText, type PublishFunction } from '../../src/lint/runner.js';
import { publishForLint } from '../../src/lint/engine.js';
import { defaultConfig } from '../../src/spec/config.js';
import type { Diagnostic } from '../../src/lint/diagnostic.js';

export interface ValidCase {
  readonly name?: string;
  readonly code: string;
  /** The rule's options as written in specwright.toml (kebab-case keys). */
  readonly options?: Record<string, unknown>;
}

export interface ExpectedFinding {
  readonly messageId: string;
  readonly line: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /** The message as printed, when the case checks it. */
  readonly message?: string;
}

export interface InvalidCase extends ValidCase {
  readonly errors: readonly ExpectedFinding[];
  /** Text after applying the safe fixes until stable; omit when the rule has no fix. */
  readonly output?: string;
}

export interface RuleTests {
  readonly valid: readonly (ValidCase | string)[];
  readonly invalid: readonly InvalidCase[];
  readonly publish?: PublishFunction;
}

function lintWith(rule: AnyFileRule, code: string, options: Record<string, unknown> | undefined, publish: PublishFunction | undefined): Diagnostic[] {
  const config = { ...defaultConfig(), rules: { [rule.meta.id]: { severity: 'error' as const, ...(options ?? {}) } } };
  const active = resolveRules(config).filter((entry) => entry.rule.meta.id === rule.meta.id);
  return lintText({
    text: code,
    path: '/virtual/spec.rst',
    displayPath: 'spec.rst',
    repository: null,
    location: null,
    rules: active,
    publish: publish ?? publishForLint,
  }).diagnostics;
}

export function testRule(rule: AnyFileRule, tests: RuleTests): void {
  const seen = new Set<string>();
  const key = (item: ValidCase) => JSON.stringify([item.code, item.options ?? null]);
  const valid = tests.valid.map((item) => (typeof item === 'string' ? { code: item } : item));
  for (const item of [...valid, ...tests.invalid]) {
    const id = key(item);
    if (seen.has(id)) throw new Error(`${rule.meta.id}: duplicate test case ${JSON.stringify(item.code).slice(0, 80)}`);
    seen.add(id);
  }
  const messageIds = new Set(Object.keys(rule.meta.messages));
  describe(rule.meta.id, () => {
    describe('valid', () => {
      for (const item of valid) {
        it(item.name ?? JSON.stringify(item.code).slice(0, 70), () => {
          assert.deepEqual(lintWith(rule, item.code, item.options, tests.publish), []);
        });
      }
    });
    describe('invalid', () => {
      for (const item of tests.invalid) {
        for (const error of item.errors) {
          if (!messageIds.has(error.messageId)) throw new Error(`${rule.meta.id}: unknown message id "${error.messageId}" in a test case`);
        }
        it(item.name ?? JSON.stringify(item.code).slice(0, 70), () => {
          assert.ok(item.errors.length > 0, 'an invalid case must expect at least one finding');
          const diagnostics = lintWith(rule, item.code, item.options, tests.publish);
          const actual = diagnostics.map((diagnostic, index) => {
            const expected = item.errors[index];
            return {
              messageId: diagnostic.messageId,
              line: diagnostic.range.start.line,
              ...(expected?.column !== undefined ? { column: diagnostic.range.start.column } : {}),
              ...(expected?.endLine !== undefined ? { endLine: diagnostic.range.end.line } : {}),
              ...(expected?.endColumn !== undefined ? { endColumn: diagnostic.range.end.column } : {}),
              ...(expected?.message !== undefined ? { message: diagnostic.message } : {}),
            };
          });
          assert.deepEqual(actual, item.errors);
          if (item.output !== undefined) {
            assert.notEqual(rule.meta.fix, 'none', 'a case with output needs a fixable rule');
            const outcome = fixUntilStable(item.code, (text) => lintWith(rule, text, item.options, tests.publish));
            assert.equal(outcome.text, item.output);
            assert.ok(outcome.converged, 'fixing did not converge');
            assert.deepEqual(
              outcome.diagnostics.filter((diagnostic) => diagnostic.fix?.applicability === 'safe'),
              [],
              'fixable findings remain after fixing',
            );
          } else if (rule.meta.fix === 'safe') {
            assert.ok(
              diagnostics.every((diagnostic) => diagnostic.fix === undefined),
              'this case produces fixes: give its expected output',
            );
          }
        });
      }
    });
  });
}
