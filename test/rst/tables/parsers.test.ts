/**
 * The table parsers against docutils 0.19's own parsers: every case in
 * test/fixtures/rst/tables/parser-cases.json was produced by
 * docutils.parsers.rst.tableparser on the same block (see
 * generate-parser-cases.py beside it), down to each cell line's offset.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { strip } from '../../../src/rst/python-text.js';
import { StringList } from '../../../src/rst/string-list.js';
import {
  type CellData,
  DOUBLE_WIDTH_PAD_CHAR,
  GridTableParser,
  SimpleTableParser,
  TableMarkupError,
  TableParserInternalError,
} from '../../../src/rst/parser/tables/index.js';

type CellJson = [number, number, number, string[], number[]] | null;

interface ParserCase {
  parser: 'grid' | 'simple';
  input: string;
  result:
    | { colwidths: number[]; headrows: CellJson[][]; bodyrows: CellJson[][] }
    | { error: string; offset: number }
    | { internal: string };
}

const cases = JSON.parse(
  readFileSync(new URL('../../fixtures/rst/tables/parser-cases.json', import.meta.url), 'utf8'),
) as ParserCase[];

/** The block as docutils' block parser hands it over: grid lines stripped, wide characters padded. */
function prepare(parserCase: ParserCase): StringList {
  let lines = parserCase.input.split('\n');
  if (parserCase.parser === 'grid') lines = lines.map((line) => strip(line));
  const block = new StringList(lines, 'table');
  block.padDoubleWidth(DOUBLE_WIDTH_PAD_CHAR);
  return block;
}

function cellJson(cell: CellData): CellJson {
  if (cell === null) return null;
  const [morerows, morecols, offset, block] = cell;
  return [morerows, morecols, offset, [...block.data], [...(block.offsets as number[])]];
}

for (const [index, parserCase] of cases.entries()) {
  const title = `${parserCase.parser} #${index}: ${parserCase.input.split('\n')[1] ?? ''}`;
  test(title, () => {
    const parser = parserCase.parser === 'grid' ? new GridTableParser() : new SimpleTableParser();
    const block = prepare(parserCase);
    const before = [...block.data];
    const expected = parserCase.result;
    if ('error' in expected) {
      assert.throws(
        () => parser.parse(block),
        (error: unknown) =>
          error instanceof TableMarkupError && error.message === expected.error && error.offset === expected.offset,
      );
    } else if ('internal' in expected) {
      // docutils crashes here; we throw, naming the Python exception.
      assert.throws(
        () => parser.parse(block),
        (error: unknown) => error instanceof TableParserInternalError && error.message.startsWith(expected.internal),
      );
    } else {
      const data = parser.parse(block);
      assert.deepEqual(
        {
          colwidths: data.colwidths,
          headrows: data.headrows.map((row) => row.map(cellJson)),
          bodyrows: data.bodyrows.map((row) => row.map(cellJson)),
        },
        expected,
      );
    }
    // The parsers work on a copy: the caller's block is untouched.
    assert.deepEqual(block.data, before);
  });
}

test('the parsers do not change the parent of the block they are given', () => {
  const parent = new StringList(['intro', '=====  =====', 'a      b', '=====  =====', 'outro'], 'doc');
  const block = parent.slice(1, 4);
  new SimpleTableParser().parse(block);
  assert.deepEqual(parent.data, ['intro', '=====  =====', 'a      b', '=====  =====', 'outro']);
});

test('a parser instance can be reused', () => {
  const parser = new GridTableParser();
  const first = new StringList(['+---+', '| a |', '+===+', '| b |', '+---+']);
  const second = new StringList(['+---+---+', '| a | b |', '+---+---+']);
  assert.equal(parser.parse(first).headrows.length, 1);
  const data = parser.parse(second);
  assert.equal(data.headrows.length, 0);
  assert.deepEqual(data.colwidths, [3, 3]);
});

test('cell text of wide characters loses its padding', () => {
  const block = new StringList(['+------+', '| 漢字 |', '+------+']);
  block.padDoubleWidth(DOUBLE_WIDTH_PAD_CHAR);
  const [[cell]] = new GridTableParser().parse(block).bodyrows as [[CellData]];
  assert.deepEqual(cell![3].data, ['漢字']);
});
