/**
 * Simple tables (docutils.parsers.rst.tableparser.SimpleTableParser).
 *
 *     =====  =====      ← top border: fixes the columns
 *     col 1  col 2
 *     =====  =====      ← optional head/body separator
 *     1      Second column of row 1.
 *     2      Second column of row 2.
 *            Second line of paragraph.
 *     4 is a span       ← text in the first column starts a row
 *     ------------      ← column span underline ends a row
 *     5
 *     =====  =====      ← bottom border
 *
 * Borders become span underlines ('=' → '-') first, so every row ends at
 * an underline or at the next line with text in the first column. Text in
 * the gaps between columns is an error, except that the last column may
 * run past the border (the table's last column widens to fit).
 *
 * Indexes are code point indexes, as in Python. Combining characters take
 * no column: the margin checks run on lines without them, and
 * StringList.get2DBlock maps columns to string indexes around them.
 */
import { codePointLength, isCombining, rstrip, strip } from '../../python-text.js';
import type { StringList } from '../../string-list.js';
import {
  type CellData,
  DOUBLE_WIDTH_PAD_CHAR,
  HEAD_BODY_MARKER,
  ROW_SEPARATOR,
  TableParser,
  TableParserInternalError,
  type TableData,
  TableMarkupError,
  codePoints,
  replaceEvery,
} from './table-data.js';

export { DOUBLE_WIDTH_PAD_CHAR, TableMarkupError, TableParserInternalError };
export type { CellData, TableData };

/** A column as [start, end) code point indexes. */
type Column = [start: number, end: number];

/** A column span underline and its line offset. */
type SpanLine = [line: string, offset: number];

/** A row's cells before their text is cut out: [morerows, morecols, offset]. */
type RowLayout = [morerows: number, morecols: number, offset: number][];

const SPACE = ' ';
/** Beginning of the dummy column after the last one (docutils uses sys.maxsize). */
const BEYOND_LAST_COLUMN = Number.POSITIVE_INFINITY;

export class SimpleTableParser extends TableParser {
  protected readonly headBodySeparatorPattern = /^=[ =]*$/;
  private readonly spanPattern = /^-[ -]*$/;

  private block!: StringList;
  private columns: Column[] = [];
  private borderEnd = 0;
  private table: CellData[][] = [];

  protected setup(block: StringList): void {
    this.block = block.slice();
    this.block.disconnect();
    // Borders become column span underlines.
    this.block.set(0, replaceEvery(this.block.get(0), HEAD_BODY_MARKER, ROW_SEPARATOR));
    this.block.set(-1, replaceEvery(this.block.get(-1), HEAD_BODY_MARKER, ROW_SEPARATOR));
    this.headBodySeparator = null;
    this.columns = [];
    this.borderEnd = 0;
    this.table = [];
  }

  protected lineCount(): number {
    return this.block.length;
  }

  protected lineAt(index: number): string {
    return this.block.get(index);
  }

  protected replaceLine(index: number, line: string): void {
    this.block.set(index, line);
  }

  /**
   * The top border fixes the columns; then lines gather into rows, a row
   * ending at a span underline (or border) or where the next row starts.
   */
  protected parseTable(): void {
    this.columns = this.parseColumns(this.block.get(0), 0);
    this.borderEnd = this.columns[this.columns.length - 1]![1];
    const [firstStart, firstEnd] = this.columns[0]!;
    let offset = 1;
    let start = 1;
    let textFound = false;
    while (offset < this.block.length) {
      const line = this.block.get(offset);
      if (this.spanPattern.test(line)) {
        this.parseRow(this.block.slice(start, offset), start, [rstrip(line), offset]);
        start = offset + 1;
        textFound = false;
      } else if (strip(codePoints(line).slice(firstStart, firstEnd).join(''))) {
        // Text in the first column starts a new row.
        if (textFound && offset !== start) this.parseRow(this.block.slice(start, offset), start);
        start = offset;
        textFound = true;
      } else if (!textFound) {
        start = offset + 1;
      }
      offset++;
    }
  }

  /** The [begin, end) pairs of the dash runs of a column span underline. */
  private parseColumns(line: string, offset: number): Column[] {
    const chars = codePoints(line);
    const columns: Column[] = [];
    let end = 0;
    for (;;) {
      const begin = chars.indexOf(ROW_SEPARATOR, end);
      if (begin < 0) break;
      end = chars.indexOf(SPACE, begin);
      if (end < 0) end = chars.length;
      columns.push([begin, end]);
    }
    if (this.columns.length > 0) {
      if (columns[columns.length - 1]![1] !== this.borderEnd) {
        throw new TableMarkupError(`Column span incomplete in table line ${offset + 1}.`, offset);
      }
      // The rightmost column is unbounded: it ends where the table's last column ends.
      columns[columns.length - 1] = [columns[columns.length - 1]![0], this.columns[this.columns.length - 1]![1]];
    }
    return columns;
  }

  /** Empty cells for a row laid out by `spans`, checking that the spans line up with the columns. */
  private initRow(spans: readonly Column[], offset: number): RowLayout {
    const cells: RowLayout = [];
    let index = 0;
    for (const [start, end] of spans) {
      let morecols = 0;
      const alignmentProblem = () =>
        new TableMarkupError(`Column span alignment problem in table line ${offset + 2}.`, offset + 1);
      if (index >= this.columns.length || start !== this.columns[index]![0]) throw alignmentProblem();
      while (end !== this.columns[index]![1]) {
        index++;
        morecols++;
        if (index >= this.columns.length) throw alignmentProblem();
      }
      cells.push([0, morecols, offset]);
      index++;
    }
    return cells;
  }

  /** Cut the row's lines into cells by the current spans (the underline's, or the table's columns). */
  private parseRow(lines: StringList, start: number, spanLine?: SpanLine): void {
    if (lines.length === 0 && !spanLine) return; // blank lines only, no row
    const columns: Column[] = spanLine ? this.parseColumns(spanLine[0], spanLine[1]) : this.columns.map(copyColumn);
    this.checkColumns(lines, start, columns);
    const layout = this.initRow(columns, start);
    const row: CellData[] = columns.map(([columnStart, columnEnd], index) => {
      const cellBlock = lines.get2DBlock(0, columnStart, lines.length, columnEnd);
      cellBlock.disconnect();
      cellBlock.replaceAll(DOUBLE_WIDTH_PAD_CHAR, '');
      const [morerows, morecols, offset] = layout[index]!;
      return [morerows, morecols, offset, cellBlock];
    });
    this.table.push(row);
  }

  /**
   * Text in a column margin is an error; text running past the last column
   * widens it (and the table's last column).
   */
  private checkColumns(lines: StringList, firstLine: number, columns: Column[]): void {
    const lastColumn = columns.length - 1;
    const stripped = lines.data.map((line) => codePoints(line).filter((char) => !isCombining(char.codePointAt(0)!)));
    for (let index = 0; index < columns.length; index++) {
      const [start, end] = columns[index]!;
      const nextStart = index + 1 < columns.length ? columns[index + 1]![0] : BEYOND_LAST_COLUMN;
      let offset = 0;
      for (const chars of stripped) {
        if (index === lastColumn && strip(chars.slice(end).join(''))) {
          const text = rstrip(chars.slice(start).join(''));
          const newEnd = start + codePointLength(text);
          const [mainStart, mainEnd] = this.columns[this.columns.length - 1]!;
          columns[index] = [start, Math.max(mainEnd, newEnd)];
          if (newEnd > mainEnd) this.columns[this.columns.length - 1] = [mainStart, newEnd];
        } else if (strip(chars.slice(end, nextStart === BEYOND_LAST_COLUMN ? undefined : nextStart).join(''))) {
          throw new TableMarkupError(`Text in column margin in table line ${firstLine + offset + 1}.`, firstLine + offset);
        }
        offset++;
      }
    }
  }

  protected structureFromCells(): TableData {
    const colwidths = this.columns.map(([start, end]) => end - start);
    let firstBodyRow = 0;
    if (this.headBodySeparator) {
      for (let index = 0; index < this.table.length; index++) {
        if (this.table[index]![0]![2] > this.headBodySeparator) {
          firstBodyRow = index;
          break;
        }
      }
    }
    return { colwidths, headrows: this.table.slice(0, firstBodyRow), bodyrows: this.table.slice(firstBodyRow) };
  }
}

function copyColumn(column: Column): Column {
  return [column[0], column[1]];
}
