/**
 * Python argument lists as Sphinx 5.3 reads them (signature_from_str): the
 * parameters written back by sphinx.pycode.ast.unparse, or Python's
 * SyntaxError, or unparse's NotImplementedError for a node it has no
 * visitor for (its message names the node), or inspect.Signature's
 * ValueError. Expectations: test/fixtures/rst/sphinx/python-arglists.json,
 * made by scripts/gen-python-arglists.py with Sphinx itself.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DuplicateParameter, ParserLimit, PythonSyntaxError, UnsupportedPython, parseParameters, pyDoubleRepr } from '../../../src/rst/sphinx/python-signature.js';

type Outcome = ['ok', [string, string, string | null, string | null][]] | ['SyntaxError'] | ['NotImplementedError', string] | ['ValueError'];

const cases = JSON.parse(readFileSync(new URL('../../fixtures/rst/sphinx/python-arglists.json', import.meta.url), 'utf8')) as [string, Outcome][];

const KINDS: Record<string, string> = {
  'positional-only': 'POSITIONAL_ONLY',
  'positional-or-keyword': 'POSITIONAL_OR_KEYWORD',
  'var-positional': 'VAR_POSITIONAL',
  'keyword-only': 'KEYWORD_ONLY',
  'var-keyword': 'VAR_KEYWORD',
};

function outcome(arglist: string): unknown[] {
  try {
    return ['ok', parseParameters(arglist).map((parameter) => [parameter.name, KINDS[parameter.kind], parameter.annotation, parameter.defaultValue])];
  } catch (error) {
    if (error instanceof PythonSyntaxError) return ['SyntaxError'];
    if (error instanceof UnsupportedPython) return ['NotImplementedError', error.message];
    if (error instanceof DuplicateParameter) return ['ValueError'];
    if (error instanceof ParserLimit) return ['ParserLimit'];
    throw error;
  }
}

test(`${cases.length} generated argument lists read as Sphinx 5.3 reads them`, () => {
  assert.ok(cases.some(([, expected]) => expected[0] === 'ok'));
  assert.ok(cases.some(([, expected]) => expected[0] === 'NotImplementedError'));
  const wrong = cases.filter(([arglist, expected]) => JSON.stringify(outcome(arglist)) !== JSON.stringify(expected));
  assert.deepEqual(
    wrong.slice(0, 5).map(([arglist, expected]) => ({ arglist, expected, actual: outcome(arglist) })),
    [],
    `${wrong.length} of ${cases.length} differ`,
  );
});

test('float and imaginary literals are written back as Python\'s repr writes them', () => {
  // Python 3.11: repr(x) for the float, repr(complex(0, x)) for the imaginary number.
  const cases: [number, string, string][] = [
    [1.5, '1.5', '1.5j'],
    [1, '1.0', '1j'],
    [0, '0.0', '0j'],
    [1e16, '1e+16', '1e+16j'],
    [1e15, '1000000000000000.0', '1000000000000000j'],
    [0.0001, '0.0001', '0.0001j'],
    [0.00001, '1e-05', '1e-05j'],
    [123456789012345678, '1.2345678901234568e+17', '1.2345678901234568e+17j'],
    [5e-324, '5e-324', '5e-324j'],
    [Infinity, 'inf', 'infj'],
  ];
  for (const [value, float, imaginary] of cases) {
    assert.equal(pyDoubleRepr(value, true), float);
    assert.equal(`${pyDoubleRepr(value, false)}j`, imaginary);
  }
});
