/**
 * The library API: parse, publish, walk, positions and the pseudo-XML writer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, publish, toPseudoXml, walk, type Element } from '../src/index.js';

const text = 'Spec title\n==========\n\nProblem description\n-------------------\n\nIt is *broken* here.\n';

test('publish promotes the title and returns the warning stream', () => {
  const { document, messages } = publish(text, { sourcePath: 'spec.rst' });
  assert.equal(document.get('title'), 'Spec title');
  assert.equal(messages, '');
  assert.match(toPseudoXml(document), /^<document ids="spec-title" names="spec\\ title" source="spec.rst" title="Spec title">/);
});

test('parse keeps the tree as the parser made it', () => {
  const document = parse(text, { sourcePath: 'spec.rst' });
  assert.equal((document.children[0] as Element).tagname, 'section');
});

test('walk visits by kind, and nodes carry source positions', () => {
  const { document } = publish(text);
  const seen: string[] = [];
  walk(document, {
    emphasis: {
      enter: (node) => {
        const position = node.position!;
        seen.push(`${position.start.line}:${position.start.column}-${position.end.line}:${position.end.column}`);
        assert.equal(text.slice(position.start.offset, position.end.offset), '*broken*');
      },
    },
  });
  assert.deepEqual(seen, ['7:7-7:15']);
});

test('messages carry docutils wording and lines', () => {
  const { messages } = publish('Para with `open\n', { sourcePath: 'x.rst' });
  assert.equal(messages, 'x.rst:1: (WARNING/2) Inline interpreted text or phrase reference start-string without end-string.\n');
});
