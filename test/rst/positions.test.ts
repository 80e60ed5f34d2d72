/**
 * Source positions (beyond docutils): every node has a range in the source
 * text, and the ranges of common nodes cover the text they came from.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { publish, parse, toPseudoXml } from '../../src/index.js';
import type { Element, Node } from '../../src/rst/nodes.js';

function allNodes(root: Node): Node[] {
  return [...root.findall()];
}

function textAt(text: string, node: Node): string {
  const position = node.position!;
  return text.slice(position.start.offset, position.end.offset);
}

const sample = [
  'Spec title',
  '==========',
  '',
  'Problem',
  '-------',
  '',
  'A paragraph with *emphasis*, ``literal`` and',
  'a `link <https://example.org>`_ over two lines.',
  '',
  '* item one',
  '',
  '  * nested item',
  '',
  '\tTabbed block quote.',
  '',
  '.. note:: Admonition text.',
  '',
  '+-----+-----+',
  '| a   | b   |',
  '+-----+-----+',
  '',
  'term',
  '    Definition.',
  '',
].join('\n');

test('every node has a position inside the text, start before end', () => {
  const { document } = publish(sample);
  for (const node of allNodes(document)) {
    const position = node.position;
    assert.ok(position, `${node.tagname} has a position`);
    assert.ok(position.start.offset >= 0 && position.start.offset <= position.end.offset, node.tagname);
    assert.ok(position.end.offset <= sample.length, node.tagname);
    assert.equal(position.start.line, sample.slice(0, position.start.offset).split('\n').length, `${node.tagname} line`);
  }
});

test('positions cover the source of paragraphs, inline markup, titles and cells', () => {
  const document = parse(sample);
  const first = (tag: string): Element => allNodes(document).find((node) => node.tagname === tag) as Element;
  assert.equal(textAt(sample, first('title')), 'Spec title');
  assert.equal(textAt(sample, first('emphasis')), '*emphasis*');
  assert.equal(textAt(sample, first('literal')), '``literal``');
  assert.equal(textAt(sample, first('reference')), '`link <https://example.org>`_');
  const paragraph = first('paragraph');
  assert.equal(textAt(sample, paragraph), 'A paragraph with *emphasis*, ``literal`` and\na `link <https://example.org>`_ over two lines.');
  const quote = first('block_quote');
  assert.equal(textAt(sample, quote), 'Tabbed block quote.');
  assert.equal(quote.position!.start.column, 2, 'column counts the tab as one character');
  const entries = allNodes(document).filter((node) => node.tagname === 'entry');
  assert.deepEqual(entries.map((entry) => textAt(sample, entry).trim()), ['a', 'b']);
  assert.equal(textAt(sample, first('definition_list_item')), 'term\n    Definition.');
});

test('real specs: every node is positioned within its file', () => {
  const root = new URL('../fixtures/conformance/corpus/nova-specs/', import.meta.url).pathname;
  const files: string[] = [];
  const walkDir = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walkDir(join(dir, entry.name));
      else if (entry.name.endsWith('.rst')) files.push(join(dir, entry.name));
    }
  };
  walkDir(root);
  assert.ok(files.length > 0);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const { document } = publish(text, { sourcePath: file });
    for (const node of allNodes(document)) {
      const position = node.position;
      assert.ok(position, `${file}: ${node.tagname} has a position`);
      assert.ok(position.end.offset <= text.length && position.start.offset <= position.end.offset, `${file}: ${node.tagname}`);
    }
    for (const node of allNodes(document)) {
      if (node.tagname !== 'emphasis' && node.tagname !== 'strong') continue;
      const marker = node.tagname === 'emphasis' ? '*' : '**';
      const covered = textAt(text, node);
      assert.ok(covered.startsWith(marker) && covered.endsWith(marker), `${file}: ${node.tagname} covers ${JSON.stringify(covered)}`);
    }
  }
});

test('the source map splits lines exactly as docutils string2lines does', async () => {
  const fc = (await import('fast-check')).default;
  const { SourceMap } = await import('../../src/rst/positions.js');
  const { string2lines } = await import('../../src/rst/parser/state-machine.js');
  const unit = fc.constantFrom('a', ' ', '\t', '\n', '\r', '\r\n', '\v', '\f', '\x1c', '\x85', '\u2028', 'é', '\u{1F600}');
  fc.assert(
    fc.property(fc.array(unit, { maxLength: 40 }), (units) => {
      const text = units.join('');
      assert.deepEqual(new SourceMap(text).parserLines(), string2lines(text, 8, true));
    }),
    { numRuns: 3000 },
  );
});

test('positions: false gives the same tree without positions', () => {
  const withPositions = publish(sample);
  const without = publish(sample, { positions: false });
  assert.equal(toPseudoXml(without.document), toPseudoXml(withPositions.document));
  assert.equal(without.messages, withPositions.messages);
  for (const node of allNodes(without.document)) assert.equal(node.position, undefined, node.tagname);
});
