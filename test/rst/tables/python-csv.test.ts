/**
 * The csv reader against CPython's: test/fixtures/rst/tables/csv-cases.json
 * holds inputs, dialects and what Python 3.11's csv.reader returned (or
 * the csv.Error text it raised); see generate-csv-cases.py beside it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CsvError, type CsvDialect, FIELD_SIZE_LIMIT, readCsv } from '../../../src/rst/directives/python-csv.js';

interface CsvCase {
  lines: string[];
  dialect: CsvDialect;
  result: { rows: string[][] } | { error: string };
}

const cases = JSON.parse(
  readFileSync(new URL('../../fixtures/rst/tables/csv-cases.json', import.meta.url), 'utf8'),
) as CsvCase[];

const DOCUTILS_DIALECT: CsvDialect = {
  delimiter: ',',
  quotechar: '"',
  escapechar: null,
  doublequote: true,
  skipinitialspace: true,
  strict: true,
};

function read(lines: string[], dialect: CsvDialect): { rows: string[][] } | { error: string } {
  try {
    return { rows: readCsv(lines.map((line) => line + '\n'), dialect) };
  } catch (error) {
    if (error instanceof CsvError) return { error: error.message };
    throw error;
  }
}

test('csv reader agrees with CPython on every recorded case', () => {
  assert.ok(cases.length > 100);
  const mismatches: string[] = [];
  for (const csvCase of cases) {
    const actual = read(csvCase.lines, csvCase.dialect);
    if (JSON.stringify(actual) !== JSON.stringify(csvCase.result)) {
      mismatches.push(`${JSON.stringify(csvCase)}\n  got ${JSON.stringify(actual)}`);
    }
  }
  assert.deepEqual(mismatches, []);
});

test('a field may hold the field size limit but not more', () => {
  const atLimit = 'x'.repeat(FIELD_SIZE_LIMIT);
  assert.deepEqual(read([atLimit], DOCUTILS_DIALECT), { rows: [[atLimit]] });
  assert.deepEqual(read([atLimit + 'x'], DOCUTILS_DIALECT), { error: 'field larger than field limit (131072)' });
});

test('astral characters are one character, also as delimiter', () => {
  assert.deepEqual(read(['a😀b😀 c'], { ...DOCUTILS_DIALECT, delimiter: '😀' }), { rows: [['a', 'b', 'c']] });
});

test('dialect checks give csv.Dialect texts', () => {
  assert.deepEqual(read(['a'], { ...DOCUTILS_DIALECT, delimiter: '' }), {
    error: '"delimiter" must be a 1-character string',
  });
  assert.deepEqual(read(['a'], { ...DOCUTILS_DIALECT, delimiter: 'ab' }), {
    error: '"delimiter" must be a 1-character string',
  });
  assert.deepEqual(read(['a'], { ...DOCUTILS_DIALECT, escapechar: '' }), {
    error: '"escapechar" must be a 1-character string',
  });
});

test('a carriage return in an unquoted field is an error, inside quotes it is text', () => {
  assert.deepEqual(read(['a\rb'], DOCUTILS_DIALECT), {
    error: 'new-line character seen in unquoted field - do you need to open the file in universal-newline mode?',
  });
  assert.deepEqual(read(['"a\rb"'], DOCUTILS_DIALECT), { rows: [['a\rb']] });
});
