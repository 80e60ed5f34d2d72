/**
 * What a Sphinx build warns beyond reading: the HTML writer's highlighting
 * of JSON blocks. Expectations of the JSON lexer: test/fixtures/rst/sphinx/
 * json-lex-cases.json, made by scripts/gen-json-lex-cases.py with Pygments
 * 2.14 itself; the warnings' lines are sphinx-build 5.3's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonLexError, sphinxBuildWarnings } from '../../../src/rst/sphinx/build-warnings.js';
import { publish } from '../../../src/index.js';
import { sphinxRegistry } from '../../../src/rst/profiles/sphinx.js';

/** "LINE: message" of the build warnings of a document (index.rst) made of these lines. */
function buildWarningLines(lines: readonly string[]): string[] {
  const { document } = publish(lines.join('\n'), { registry: sphinxRegistry({ extensions: [] }), sourcePath: 'index.rst', settings: { reportLevel: 5 } });
  return sphinxBuildWarnings(document).map((warning) => `${warning.line}: ${warning.message}`);
}

const cases = JSON.parse(readFileSync(new URL('../../fixtures/rst/sphinx/json-lex-cases.json', import.meta.url), 'utf8')) as [string, boolean][];

test(`${cases.length} texts: the JSON lexer fails where Pygments 2.14's does`, () => {
  assert.ok(cases.some(([, fails]) => fails) && cases.some(([, fails]) => !fails));
  const mismatches = cases.filter(([text, fails]) => jsonLexError(text) !== fails).map(([text, fails]) => `${JSON.stringify(text)}: Pygments ${fails ? 'fails' : 'lexes it'}`);
  assert.deepEqual(mismatches.slice(0, 5), []);
});

test('JSON blocks Sphinx cannot highlight, with the lines sphinx-build gives', () => {
  const lines = [
    'Doc', '===', '',
    '.. code-block:: json', '', "   {'a': 1}", '',
    'Some text::', '', "   {'not': 'json'}", '',
    '.. highlight:: json', '',
    'Now json::', '', '   {"a": True}', '',
    '.. code-block:: json', '   :force:', '', "   {'forced': 1}", '',
    '.. code-block:: json', '', '   {"ok": [1, 2.5e3, null, true], // comment', '    "s": "x\\u00e9"}', '',
    '.. code-block:: json-object', '', '   nope', '',
    '.. code-block:: JSON', '', '   {True}', '',
    '.. parsed-literal::', '', "   {'parsed': *1*}", '',
  ];
  assert.deepEqual(
    buildWarningLines(lines),
    [
      '4: Could not lex literal_block as "json". Highlighting skipped.',
      '16: Could not lex literal_block as "json". Highlighting skipped.',
      '28: Could not lex literal_block as "json-object". Highlighting skipped.',
      '32: Could not lex literal_block as "JSON". Highlighting skipped.',
    ],
  );
});

test('a language Pygments has no lexer for (names compared lowercased, Sphinx\'s own names known)', () => {
  const lines = [
    'Doc', '===', '',
    '.. code-block:: jason', '', '   {"a": 1}', '',
    '.. code-block:: JSON', '', '   {"a": 1}', '',
    '.. code-block:: Console', '   :force:', '', '   $ ls', '',
    '.. highlight:: shell-session', '', 'x::', '', '   $ ls', '',
    '.. code-block:: pycon3', '', '   >>> 1', '',
    '.. code-block:: guess', '', '   x = 1', '',
    '.. highlight:: nosuch', '', 'y::', '', '   text', '',
    '.. parsed-literal::', '', '   *x*', '',
    '.. code-block:: c++', '', '   int x;', '',
  ];
  assert.deepEqual(
    buildWarningLines(lines),
    ["4: Pygments lexer name 'jason' is not known", "35: Pygments lexer name 'nosuch' is not known"],
  );
});

test(':doc: references to documents the project does not have (sphinx-build\'s "unknown document")', () => {
  const srcdir = mkdtempSync(join(tmpdir(), 'specwright-doc-refs-'));
  try {
    mkdirSync(join(srcdir, 'sub'));
    writeFileSync(join(srcdir, 'index.rst'), 'Doc\n===\n');
    writeFileSync(join(srcdir, 'sub', 'b.rst'), 'B\n=\n');
    const text = 'A\n=\n\nSee :doc:`b`, :doc:`/sub/b`, :doc:`missing`, :doc:`Title </nope/x>`, :doc:`../index` and :doc:`!quiet`.\n';
    const { document } = publish(text, {
      registry: sphinxRegistry({ extensions: [], srcdir }),
      sourcePath: join(srcdir, 'sub', 'a.rst'),
      settings: { reportLevel: 5, root: srcdir },
    });
    assert.deepEqual(
      sphinxBuildWarnings(document).map((warning) => `${warning.line}: ${warning.message}`),
      ["4: unknown document: 'missing'", "4: unknown document: '/nope/x'"],
    );
  } finally {
    rmSync(srcdir, { recursive: true, force: true });
  }
});
