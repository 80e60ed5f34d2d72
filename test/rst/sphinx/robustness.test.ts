/**
 * The sphinx profile never throws: generated documents mixed with Sphinx's
 * directives (arguments, options and bodies picked from awkward values)
 * and roles (awkward targets) publish and print. Where Sphinx itself stops
 * with an exception (hlist :columns: 0, ...), the profile reports a
 * message instead, so `specwright lint` never meets an internal error.
 * ROBUSTNESS_RUNS=N for more runs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { publish } from '../../../src/rst/publish.js';
import { OPENSTACK_SPEC_EXTENSIONS, sphinxRegistry } from '../../../src/rst/profiles/sphinx.js';
import { rstDocument } from '../rst-arbitraries.js';
import { sphinxBuildWarnings } from '../../../src/rst/sphinx/build-warnings.js';
import { tempDirectory } from '../../spec/temp-directory.js';

const runs = Number(process.env['ROBUSTNESS_RUNS'] ?? '300');
const srcdir = tempDirectory('specwright-sphinx-robustness-');
writeFileSync(join(srcdir, 'x'), 'a -> b;\n');
const registry = sphinxRegistry({ srcdir, extensions: [...OPENSTACK_SPEC_EXTENSIONS, 'sphinx.ext.graphviz', 'sphinx.ext.extlinks'] });

const DIRECTIVES = [
  'hlist', 'toctree', 'code-block', 'sourcecode', 'highlight', 'literalinclude', 'only', 'index', 'glossary', 'seealso',
  'versionadded', 'versionchanged', 'deprecated', 'centered', 'productionlist', 'tabularcolumns', 'todo', 'todolist',
  'seqdiag', 'blockdiag', 'nwdiag', 'actdiag', 'program', 'option', 'envvar', 'describe', 'object', 'default-role',
  'default-domain', 'rst-class', 'math', 'graphviz', 'graph', 'digraph', 'acks', 'sectionauthor', 'codeauthor',
  'figure', 'csv-table', 'table', 'list-table', 'code', 'include', 'cmdoption', 'std:option',
];
const OPTIONS = [
  ':columns:', ':maxdepth:', ':glob:', ':hidden:', ':caption:', ':name:', ':linenos:', ':emphasize-lines:', ':lines:',
  ':start-after:', ':end-before:', ':language:', ':force:', ':dedent:', ':lineno-start:', ':numbered:', ':titlesonly:',
  ':reversed:', ':class:', ':desctable:', ':alt:', ':align:', ':encoding:', ':pyobject:', ':diff:', ':prepend:', ':append:',
];
const VALUES = ['', '0', '-1', '1', '2-', '1,3', 'x', 'a b', '999999999999', '*', '/abs', '../x', 'specs/*', ':', '`x`_', '-'];
const ROLES = [
  'ref', 'doc', 'term', 'any', 'numref', 'download', 'abbr', 'command', 'file', 'program', 'option', 'envvar', 'kbd',
  'menuselection', 'guilabel', 'samp', 'pep', 'rfc', 'py:func', 'c:func', 'math', 'eq', 'token', 'keyword', 'manpage',
];

const directive = fc
  .record({
    name: fc.constantFrom(...DIRECTIVES),
    argument: fc.constantFrom('', 'x', 'a b', '/x', 'python', '<x>', '-o, --opt=V'),
    options: fc.array(fc.tuple(fc.constantFrom(...OPTIONS), fc.constantFrom(...VALUES)), { maxLength: 3 }),
    body: fc.constantFrom(
      '',
      '   * a\n   * b\n',
      '   a -> b;\n',
      '   x\n\n   y\n',
      '   term\n      def\n',
      '   :a: b\n',
      '   single: x; y\n',
      '   {\'a\': [1, "x\n',
      '   seqdiag { A -> ; group { B } }\n',
      '   network { a; b -- c [x = "y\n',
      '   /* unclosed\n',
    ),
  })
  .map(({ name, argument, options, body }) => `.. ${name}:: ${argument}\n${options.map(([key, value]) => `   ${key} ${value}\n`).join('')}\n${body}\n`);
const role = fc
  .record({
    name: fc.constantFrom(...ROLES),
    target: fc.constantFrom('x', '<y>', 'a <b>', '~x.y', '!x', '&x', 'a&', 'x --> y', '`', '\\', 'a:b:c', '{x}', 'x()'),
  })
  .map(({ name, target }) => `:${name}:\`${target}\` `);
const documents = fc.tuple(rstDocument, fc.array(fc.oneof(directive, role), { maxLength: 8 })).map(([text, parts]) => `${text}\n${parts.join('\n')}`);

test('Sphinx directives and roles with awkward arguments, options and bodies: publish and the build checks never throw', () => {
  fc.assert(
    fc.property(documents, (text) => {
      const { document } = publish(text, { sourcePath: 'specs/a/t.rst', settings: { reportLevel: 1, haltLevel: 5, root: srcdir }, registry });
      document.pformat();
      // What lint adds of a Sphinx build's checks runs on the same documents.
      sphinxBuildWarnings(document);
    }),
    { numRuns: runs },
  );
});

test('deeply nested Python signatures are refused as Python refuses them, not a stack overflow', () => {
  const signatures = [
    `f(x=${'('.repeat(4500)}1${')'.repeat(4500)})`,
    `g(x: ${'List['.repeat(1500)}int${']'.repeat(1500)})`,
    `h(x=${'- '.repeat(3000)}1)`,
    `i(x=${'2 ** '.repeat(1500)}1)`,
    `j(x=${'lambda: '.repeat(1000)}1)`,
    `k(x=${'not '.repeat(2000)}1)`,
  ];
  const text = signatures.map((signature) => `.. py:function:: ${signature}\n\n`).join('');
  const { document } = publish(text, { sourcePath: 'specs/a/t.rst', settings: { reportLevel: 1, haltLevel: 5, root: srcdir }, registry });
  // Each is described, its argument list shown whole or split at commas (the fallback for what Python cannot parse).
  assert.equal([...document.findall('desc')].length, signatures.length);
});
