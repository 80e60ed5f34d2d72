/**
 * docutils' own parser tests: every input of docutils 0.19's
 * test_parsers/test_rst suite must parse to docutils' exact pseudo-XML.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDocument } from '../../src/rst/parse.js';
import { profileRegistry } from '../../src/rst/profiles/index.js';

interface Case {
  id: string;
  input: string;
  expected: string;
}

const cases = readFileSync(new URL('../fixtures/docutils-parser-cases.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Case);

const groups = new Map<string, Case[]>();
for (const item of cases) {
  const group = item.id.split('/').slice(0, -1).join('/');
  groups.set(group, [...(groups.get(group) ?? []), item]);
}

// docutils' test runner parses every case in one process, where local roles
// persist from one document to the next; the expected outputs reflect that.
const registry = profileRegistry('docutils');
registry.sharedAcrossParses = true;

for (const [group, members] of groups) {
  test(`docutils parser cases: ${group}`, () => {
    for (const item of members) {
      const document = parseDocument(item.input, {
        sourcePath: 'test data',
        settings: { reportLevel: 1, haltLevel: 5, syntaxHighlight: 'none' },
        registry,
      });
      assert.equal(document.pformat(), item.expected, item.id);
    }
  });
}
