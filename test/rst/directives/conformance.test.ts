/**
 * docutils keeps its directive and role registries in module globals, so a
 * role defined by one document stays defined for the next one parsed in the
 * same process; docutils' expected output for test_role/role/2 shows it (the
 * "custom" role of the case before). Our registry is per parse; with a
 * registry shared the way docutils shares its globals, the whole case file,
 * run in order, must be identical to docutils' output.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDocument } from '../../../src/rst/parse.js';
import { Registry } from '../../../src/rst/registry.js';
import { standardDirectives } from '../../../src/rst/profiles/docutils.js';
import { STANDARD_ROLES } from '../../../src/rst/roles/standard.js';

interface Case {
  id: string;
  input: string;
  expected: string;
}

/** A registry whose state outlives one parse, like docutils' module globals. */
class ProcessWideRegistry extends Registry {
  override fork(): Registry {
    return this;
  }
}

const cases = readFileSync(new URL('../../fixtures/docutils-parser-cases.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Case);

function run(item: Case, registry: Registry): string {
  return parseDocument(item.input, {
    sourcePath: 'test data',
    settings: { reportLevel: 1, haltLevel: 5, syntaxHighlight: 'none' },
    registry,
  }).pformat();
}

test('every docutils parser case, in order, with process-wide registries', () => {
  const registry = new ProcessWideRegistry(standardDirectives(), new Map(STANDARD_ROLES));
  const differing = cases.filter((item) => run(item, registry) !== item.expected).map((item) => item.id);
  assert.deepEqual(differing, []);
});

test('a role defined in one parse does not leak into the next with per-parse registries', () => {
  const leaked = cases.find((item) => item.id === 'test_directives/test_role/role/2')!;
  const registry = new Registry(standardDirectives(), new Map(STANDARD_ROLES));
  run(cases.find((item) => item.id === 'test_directives/test_role/role/1')!, registry);
  const output = run(leaked, registry);
  assert.notEqual(output, leaked.expected);
  assert.match(output, /Unknown interpreted text role "custom"\./);
});
