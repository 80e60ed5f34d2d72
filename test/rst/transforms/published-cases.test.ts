/**
 * docutils' own parser test inputs, published: parse plus the standard
 * transforms must give docutils' pseudo-XML and warning stream exactly.
 * Expectations: test/fixtures/transforms/docutils-parser-cases-published.jsonl
 * (scripts/gen-published-cases.py). Where docutils raises, the publish must
 * record a TransformCrash with the same Python exception and message, and
 * report it as a severe system message.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { publish } from '../../../src/rst/publish.js';
import { TransformCrash } from '../../../src/rst/transforms/transform.js';
import { testRegistry } from './registry.js';

interface Case {
  id: string;
  input: string;
}

interface Published {
  id: string;
  expected: string;
  messages: string;
}

function readJsonLines<T>(relative: string): T[] {
  return readFileSync(new URL(relative, import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);
}

const inputs = new Map(
  readJsonLines<Case>('../../fixtures/docutils-parser-cases.jsonl').map((item) => [item.id, item.input]),
);
const published = readJsonLines<Published>('../../fixtures/transforms/docutils-parser-cases-published.jsonl');
const registry = await testRegistry();

const groups = new Map<string, Published[]>();
for (const item of published) {
  const group = item.id.split('/').slice(0, -1).join('/');
  groups.set(group, [...(groups.get(group) ?? []), item]);
}

for (const [group, members] of groups) {
  test(`docutils parser cases, published: ${group}`, () => {
    for (const item of members) {
      const input = inputs.get(item.id);
      assert.ok(input !== undefined, `no input for ${item.id}`);
      let messages = '';
      const run = () =>
        publish(input, {
          sourcePath: 'test data',
          settings: {
            reportLevel: 1,
            haltLevel: 5,
            syntaxHighlight: 'none',
            warningStream: (report) => {
              messages += report;
            },
          },
          registry: registry(),
        });
      if (item.expected.startsWith('EXCEPTION: ')) {
        // docutils raises; we report the crash as a severe system message after docutils' own messages.
        const expected = item.expected.slice('EXCEPTION: '.length).trimEnd();
        const { transformer } = run();
        assert.ok(
          transformer.crashes.some((error) => error instanceof TransformCrash && error.message.startsWith(expected)),
          item.id,
        );
        assert.ok(messages.startsWith(item.messages), item.id);
        assert.match(messages.slice(item.messages.length), /\(SEVERE\/4\) Transform failed: /, item.id);
      } else {
        assert.equal(run().document.pformat(), item.expected, item.id);
        assert.equal(messages, item.messages, item.id);
      }
    }
  });
}
