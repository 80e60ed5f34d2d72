/**
 * The sphinx profile against Sphinx 5.3: each case-*.rst in
 * test/fixtures/rst/sphinx publishes to the pseudo-XML and docutils
 * messages that docutils printed with Sphinx's roles and directives
 * (scripts/sphinx-oracle.py, run by generate.sh there), and reports the
 * same Sphinx warnings (message and line).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publish } from '../../../src/rst/publish.js';
import { sphinxRegistry } from '../../../src/rst/profiles/sphinx.js';
import { sphinxWarnings } from '../../../src/rst/sphinx/environment.js';

const directory = fileURLToPath(new URL('../../fixtures/rst/sphinx/', import.meta.url)).replace(/\/$/, '');
const EXTENSIONS = ['sphinx.ext.todo', 'sphinx.ext.graphviz', 'sphinxcontrib.seqdiag', 'sphinxcontrib.blockdiag', 'sphinxcontrib.actdiag', 'sphinxcontrib.nwdiag'];

/** "SPHINX: path:line: WARNING: text" → "line: text" ("-" when Sphinx gives no line). */
function expectedSphinxWarnings(messages: string): string[] {
  const result: string[] = [];
  for (const line of messages.split('\n')) {
    const match = /^SPHINX: (?:(.*?):(\d+|None)?: )?WARNING: (.*)$/.exec(line);
    if (match) result.push(`${match[2] ?? '-'}: ${match[3]}`);
  }
  return result;
}

for (const name of readdirSync(directory).filter((file) => /^case-.*\.rst$/.test(file)).sort()) {
  test(`fixture ${name} publishes as Sphinx 5.3 reads it`, () => {
    // Paths in the cases are relative to the fixture folder, as when Sphinx reads them.
    process.chdir(directory);
    const text = readFileSync(join(directory, name), 'utf8');
    const expectedTree = readFileSync(join(directory, name.replace(/\.rst$/, '.pseudoxml')), 'utf8');
    const expectedMessages = readFileSync(join(directory, name.replace(/\.rst$/, '.messages')), 'utf8');
    const { document, messages } = publish(text, {
      sourcePath: name,
      settings: { reportLevel: 1, haltLevel: 5, syntaxHighlight: 'none', root: directory },
      registry: sphinxRegistry({ extensions: EXTENSIONS, srcdir: directory }),
    });
    const tree = document.pformat().split(directory).join('<srcdir>');
    assert.equal(tree, expectedTree);
    const docutilsMessages = expectedMessages
      .split('\n')
      .filter((line) => !line.startsWith('SPHINX: '))
      .join('\n');
    assert.equal(messages.split(directory).join('<srcdir>'), docutilsMessages);
    const warnings = sphinxWarnings(document).map((warning) => `${warning.line ?? '-'}: ${warning.message.split(directory).join('<srcdir>')}`);
    assert.deepEqual(warnings, expectedSphinxWarnings(expectedMessages));
  });
}
