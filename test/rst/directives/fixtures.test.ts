/**
 * Directive and role fixtures: each case-*.rst in test/fixtures/rst/directives
 * and test/fixtures/rst/roles parses to the pseudo-XML docutils 0.19 printed
 * for it (directives/generate.sh re-creates the expectations).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from '../../../src/rst/parse.js';
import { docutilsRegistry } from '../../../src/rst/profiles/docutils.js';

const directories = ['../../fixtures/rst/directives/', '../../fixtures/rst/roles/'].map((path) =>
  fileURLToPath(new URL(path, import.meta.url)),
);

for (const directory of directories) {
  for (const name of readdirSync(directory).filter((file) => /^case-.*\.rst$/.test(file)).sort()) {
    test(`fixture ${name} parses as docutils parses it`, () => {
      const text = readFileSync(join(directory, name), 'utf8');
      const expected = readFileSync(join(directory, name.replace(/\.rst$/, '.pseudoxml')), 'utf8');
      const document = parseDocument(text, {
        sourcePath: name,
        settings: { reportLevel: 1, haltLevel: 5, syntaxHighlight: 'none', root: directory },
        registry: docutilsRegistry(),
      });
      assert.equal(document.pformat(), expected);
    });
  }
}
