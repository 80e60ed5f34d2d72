/**
 * Diagram sources as the blockdiag family's parsers read them
 * (<kind>.parser.parse_string, funcparserlib 1.0): null when the source
 * parses, else the error text the diagram directive reports. Expectations:
 * test/fixtures/rst/sphinx/diagram-cases.json, made by
 * scripts/gen-diagram-cases.py with the Python packages themselves from
 * hand-written diagrams and random mutations of them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { diagramSyntaxError } from '../../../src/rst/sphinx/diagram-parser.js';
import { DIAGRAM_KINDS, type DiagramKind } from '../../../src/rst/sphinx/directives/extensions.js';
import { publish } from '../../../src/index.js';
import { sphinxRegistry } from '../../../src/rst/profiles/sphinx.js';
import type { Element } from '../../../src/rst/nodes.js';

interface DiagramCase {
  kind: DiagramKind;
  code: string;
  error: string | null;
  wrappedError: string | null;
}

const cases = JSON.parse(readFileSync(new URL('../../fixtures/rst/sphinx/diagram-cases.json', import.meta.url), 'utf8')) as DiagramCase[];

test(`${cases.length} diagram sources, as they are and wrapped in "<kind> { ... }", parse or fail as in Python`, () => {
  for (const kind of DIAGRAM_KINDS) {
    const ofKind = cases.filter((entry) => entry.kind === kind);
    assert.ok(ofKind.some((entry) => entry.error === null), `${kind}: a source that parses`);
    assert.ok(ofKind.some((entry) => entry.error !== null && entry.error.includes('expected:')), `${kind}: a parse error`);
    assert.ok(ofKind.some((entry) => entry.error !== null && entry.error.startsWith('Got unexpected token at line')), `${kind}: a tokenizer error`);
  }
  const mismatches: string[] = [];
  for (const entry of cases) {
    const actual = diagramSyntaxError(entry.kind, entry.code);
    const wrapped = diagramSyntaxError(entry.kind, `${entry.kind} { ${entry.code} }`);
    if (actual !== entry.error || wrapped !== entry.wrappedError) {
      mismatches.push(`${entry.kind} ${JSON.stringify(entry.code)}: expected ${entry.error} | ${entry.wrappedError}, got ${actual} | ${wrapped}`);
    }
  }
  assert.deepEqual(mismatches.slice(0, 5), []);
});

test('a diagram that does not parse is the directive\'s warning, with the directive\'s text', () => {
  const registry = sphinxRegistry({ extensions: ['sphinxcontrib.seqdiag'] });
  const text = 'Title\n=====\n\n.. seqdiag::\n\n   A -> ;\n\n.. seqdiag::\n\n   A -> B;\n';
  const { document, messages } = publish(text, { registry, sourcePath: 'spec.rst', settings: { reportLevel: 1 } });
  assert.equal(messages, "spec.rst:4: (WARNING/2) 1,16-1,16: got unexpected token: ';', expected: some(...)\n");
  const warning = [...document.findall('system_message')][0] as Element;
  assert.equal(warning.children[1]!.astext(), '.. seqdiag::\n\n   A -> ;\n');
  // The source that parses once wrapped keeps the wrapped code, as sphinxcontrib's node does.
  assert.equal(([...document.findall('seqdiag_node')][0] as Element).attributes.code, 'seqdiag { A -> B; }');
});
