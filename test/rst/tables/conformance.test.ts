/**
 * docutils' own table test inputs (test_TableParser, test_SimpleTableParser,
 * test_tables, test_directives/test_tables) parsed end to end must print
 * exactly docutils' pseudo-XML.
 *
 * With the docutils profile (when it exists) every case runs; otherwise the
 * registry holds the table directives only and the cases that need other
 * directives are skipped, saying which.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { parseDocument } from '../../../src/rst/parse.js';
import { Registry } from '../../../src/rst/registry.js';
import { TABLE_DIRECTIVES } from '../../../src/rst/directives/tables.js';

interface ParserCase {
  id: string;
  input: string;
  expected: string;
}

const GROUPS = ['test_TableParser/', 'test_SimpleTableParser/', 'test_tables/', 'test_directives/test_tables/'];

/** Cases whose input uses a directive other than the table directives. */
const NEEDS_OTHER_DIRECTIVES: Readonly<Record<string, string>> = {
  'test_tables/simple_tables/1': 'tip',
};

const CANDIDATES = [
  new URL('../../fixtures/docutils-parser-cases.jsonl', import.meta.url),
  new URL('../../../../shared/conformance/docutils-parser-cases.jsonl', import.meta.url),
];

const casesFile = CANDIDATES.find((url) => existsSync(url));

async function registryFactory(): Promise<[() => Registry, boolean]> {
  const profilePath = new URL('../../../src/rst/profiles/docutils.ts', import.meta.url);
  if (existsSync(profilePath)) {
    const profile = (await import('../../../src/rst/profiles/docutils.js' as string)) as {
      docutilsRegistry?: () => Registry;
    };
    if (profile.docutilsRegistry) return [profile.docutilsRegistry, true];
  }
  return [() => new Registry(new Map(Object.entries(TABLE_DIRECTIVES)), new Map()), false];
}

const [makeRegistry, fullProfile] = await registryFactory();

const cases: ParserCase[] = casesFile
  ? readFileSync(casesFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as ParserCase)
      .filter((item) => GROUPS.some((group) => item.id.startsWith(group)))
  : [];

test('the conformance data holds all 109 table cases', { skip: casesFile ? false : 'no conformance data' }, () => {
  assert.equal(cases.length, 12 + 10 + 42 + 45);
});

for (const item of cases) {
  const otherDirective = NEEDS_OTHER_DIRECTIVES[item.id];
  const skip = otherDirective && !fullProfile ? `needs the "${otherDirective}" directive (docutils profile)` : false;
  test(item.id, { skip }, () => {
    const document = parseDocument(item.input, {
      sourcePath: 'test data',
      settings: { reportLevel: 1, haltLevel: 5, syntaxHighlight: 'none' },
      registry: makeRegistry(),
    });
    assert.equal(document.pformat(), item.expected);
  });
}
