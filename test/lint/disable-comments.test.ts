import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { nextBlockRange, parseDisableComments } from '../../src/lint/disable-comments.js';
import { SourceText } from '../../src/lint/source-text.js';
import { brief, lintJson, specRepository } from './lint-helpers.js';

describe('disable comments', () => {
  it('parses file-wide and next-block directives', () => {
    const source = new SourceText(
      ['.. specwright-disable: line-length, no-tabs', '', '.. specwright-disable-next:', '', 'para', 'graph', '', 'next', ''].join('\n'),
    );
    assert.deepEqual(parseDisableComments(source), [
      { line: 1, rules: ['line-length', 'no-tabs'], range: null },
      { line: 3, rules: null, range: { start: 5, end: 6 } },
    ]);
  });

  it('takes the indented body of the next block with it', () => {
    const lines = ['.. specwright-disable-next: x', '.. code-block:: json', '', '   {', '', '   }', 'after', ''];
    assert.deepEqual(nextBlockRange(new SourceText(lines.join('\n')), 1), { start: 2, end: 6 });
    const list = ['  .. specwright-disable-next: x', '  * item', '    continued', '', '  * other'];
    assert.deepEqual(nextBlockRange(new SourceText(list.join('\n')), 1), { start: 2, end: 3 });
  });

  it('turns findings off in a real run', () => {
    const long = `${'word '.repeat(20)}end`;
    const root = specRepository({
      'specs/rocky/approved/a.rst': ['Title', '=====', '', '.. specwright-disable-next: line-length', '', long, long, '', long, 'tail ', ''].join('\n'),
      'specs/rocky/approved/b.rst': ['.. specwright-disable: trailing-whitespace', '', 'tail ', long, ''].join('\n'),
    });
    assert.deepEqual(brief(lintJson(root).findings), [
      'specs/rocky/approved/a.rst:9 line-length',
      'specs/rocky/approved/a.rst:10 trailing-whitespace',
      'specs/rocky/approved/b.rst:4 line-length',
    ]);
  });
});
