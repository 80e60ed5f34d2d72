/**
 * The directive option converters against docutils 0.19 on CPython 3.11:
 * every case of test/fixtures/rst/directives/option-cases.json (values, or
 * the exception type and message Python raises).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { OptionValueError, type OptionConverter } from '../../../src/rst/directives/directive.js';
import * as options from '../../../src/rst/directives/options.js';

interface Case {
  converter: string;
  argument: string | null;
  value?: unknown;
  error?: string;
  message?: string;
}

const cases = JSON.parse(
  readFileSync(new URL('../../fixtures/rst/directives/option-cases.json', import.meta.url), 'utf8'),
) as Case[];

const PARSER_MODULES: Record<string, string> = { rst: 'docutils.parsers.rst', null: 'docutils.parsers.null' };

const converters: Record<string, OptionConverter> = {
  flag: options.flag,
  unchanged_required: options.unchangedRequired,
  unchanged: options.unchanged,
  path: options.path,
  uri: options.uri,
  nonnegative_int: options.nonnegativeInt,
  percentage: options.percentage,
  length_or_unitless: options.lengthOrUnitless,
  length_or_percentage_or_unitless: (argument) => options.lengthOrPercentageOrUnitless(argument),
  length_or_percentage_or_unitless_px: (argument) => options.lengthOrPercentageOrUnitless(argument, 'px'),
  class_option: options.classOption,
  unicode_code: options.unicodeCode,
  single_char_or_unicode: options.singleCharOrUnicode,
  single_char_or_whitespace_or_unicode: options.singleCharOrWhitespaceOrUnicode,
  positive_int: options.positiveInt,
  positive_int_list: options.positiveIntList,
  encoding: options.encoding,
  choice_align: (argument) => options.choice(argument, ['left', 'center', 'right']),
  choice_backlinks: (argument) => options.choice(argument, ['top', 'entry', 'none']),
  value_or_auto_positive_int: options.valueOr(['auto'], options.positiveInt),
  parser_name: (argument) => {
    const parser = options.parserName(argument);
    return parser === null ? null : PARSER_MODULES[parser];
  },
  int: options.int,
};

test('every converter in the fixture is known', () => {
  const names = new Set(cases.map((item) => item.converter));
  assert.deepEqual([...names].filter((name) => !(name in converters)), []);
  assert.ok(cases.length > 1000);
});

for (const name of Object.keys(converters)) {
  test(`option converter ${name} behaves as docutils`, () => {
    for (const item of cases.filter((candidate) => candidate.converter === name)) {
      const label = `${name}(${JSON.stringify(item.argument)})`;
      const convert = (): unknown => converters[name]!(item.argument);
      if (item.error) {
        assert.throws(
          convert,
          (error: unknown) =>
            error instanceof OptionValueError && error.pythonType === item.error && error.message === item.message,
          `${label} should raise ${item.error}: ${item.message}`,
        );
      } else {
        assert.deepEqual(convert(), item.value, label);
      }
    }
  });
}

test('unicode_code with no value: docutils crashes with an AttributeError; we report it', () => {
  assert.throws(
    () => options.unicodeCode(null),
    (error: unknown) => error instanceof OptionValueError && /has no attribute 'isdigit'/.test(error.message),
  );
});

test('format_values lists the choices as docutils words them', () => {
  assert.equal(options.formatValues(['a', 'b', 'c']), '"a", "b", or "c"');
  assert.equal(options.formatValues(['only']), ', or "only"');
});

test('pythonInt reads what int() reads', () => {
  assert.equal(options.pythonInt(' \t1_000\n'), 1000);
  assert.equal(options.pythonInt('-٣'), -3);
  assert.throws(() => options.pythonInt('1' + '0'.repeat(4300)), /Exceeds the limit \(4300 digits\)/);
});
