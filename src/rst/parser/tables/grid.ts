/**
 * Grid tables (docutils.parsers.rst.tableparser.GridTableParser).
 *
 *     +------------------------+------------+
 *     | Header row, column 1   | Header 2   |
 *     +========================+============+   ← optional head/body separator
 *     | body row 1, column 1   | Cells may  |
 *     +------------------------+ span rows. |
 *     | body row 2             |            |
 *     +------------------------+------------+
 *
 * The parser keeps a queue of candidate upper-left corners, starting with
 * the table's own. From each corner it traces one rectangular cell
 * clockwise (right along the top, down the right side, left along the
 * bottom, up the left side back to the corner), records the row and column
 * boundaries it crossed, and queues the cell's upper-right and lower-left
 * corners. `done[column]` remembers the last line seen in each text column,
 * so a corner already inside a traced cell is skipped.
 *
 * The block arrives stripped, with equal-length lines (the block parser
 * checks that) and with wide characters padded (DOUBLE_WIDTH_PAD_CHAR), so
 * one code point is one text column. Indexes here are code point indexes,
 * as in Python: every line is kept as an array of code points.
 */
import type { StringList } from '../../string-list.js';
import {
  type CellData,
  DOUBLE_WIDTH_PAD_CHAR,
  TableParser,
  TableParserInternalError,
  type TableData,
  TableMarkupError,
  codePoints,
} from './table-data.js';

export { DOUBLE_WIDTH_PAD_CHAR, TableMarkupError, TableParserInternalError };
export type { CellData, TableData };

const CORNER = '+';
const HORIZONTAL = '-';
const VERTICAL = '|';

/** A traced cell: its border lines and columns, and its text. */
interface TracedCell {
  top: number;
  left: number;
  bottom: number;
  right: number;
  block: StringList;
}

/** Cell corner (line, column) in the queue. */
type Corner = [top: number, left: number];

/** Whether corner `a` comes before corner `b` (by line, then column). */
function cornerBefore(a: Corner, b: Corner): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}

/**
 * docutils' corner list, which it sorts after adding each cell's two
 * corners and takes the first of: a binary heap gives the same corners in
 * the same order without sorting the list per cell (quadratic in the
 * number of cells of a wide table).
 */
class CornerQueue {
  private readonly heap: Corner[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(corner: Corner): void {
    const heap = this.heap;
    let index = heap.push(corner) - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!cornerBefore(corner, heap[parent]!)) break;
      heap[index] = heap[parent]!;
      index = parent;
    }
    heap[index] = corner;
  }

  /** The first corner by (line, column), removed. */
  pop(): Corner {
    const heap = this.heap;
    const first = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      let index = 0;
      for (;;) {
        const left = 2 * index + 1;
        if (left >= heap.length) break;
        const right = left + 1;
        const child = right < heap.length && cornerBefore(heap[right]!, heap[left]!) ? right : left;
        if (!cornerBefore(heap[child]!, last)) break;
        heap[index] = heap[child]!;
        index = child;
      }
      heap[index] = last;
    }
    return first;
  }
}

export class GridTableParser extends TableParser {
  protected readonly headBodySeparatorPattern = /^\+=[=+]+=\+ *$/;

  private block!: StringList;
  /** The block's lines as code point arrays (kept in step with `block`). */
  private grid: string[][] = [];
  private bottom = 0;
  private right = 0;
  private done: number[] = [];
  private cells: TracedCell[] = [];
  /** Line indexes of row boundaries (docutils keeps a dict; only its keys matter). */
  private rowSeparators = new Set<number>();
  /** Column indexes of column boundaries. */
  private columnSeparators = new Set<number>();

  protected setup(block: StringList): void {
    this.block = block.slice();
    this.block.disconnect();
    this.grid = this.block.data.map(codePoints);
    const firstLine = this.grid[0] ?? [];
    this.bottom = block.length - 1;
    this.right = firstLine.length - 1;
    this.headBodySeparator = null;
    this.done = new Array<number>(firstLine.length).fill(-1);
    this.cells = [];
    this.rowSeparators = new Set([0]);
    this.columnSeparators = new Set([0]);
  }

  protected lineCount(): number {
    return this.block.length;
  }

  protected lineAt(index: number): string {
    return this.block.get(index);
  }

  protected replaceLine(index: number, line: string): void {
    this.block.set(index, line);
    this.grid[index] = codePoints(line);
  }

  /** `block[line][column]`; docutils fails with an IndexError past a short line's end. */
  private charAt(line: number, column: number): string {
    const char = this.grid[line]?.[column];
    if (char === undefined) throw new TableParserInternalError('IndexError: string index out of range');
    return char;
  }

  protected parseTable(): void {
    const corners = new CornerQueue();
    corners.push([0, 0]);
    while (corners.size > 0) {
      const [top, left] = corners.pop();
      if (top === this.bottom || left === this.right || top <= this.done[left]!) continue;
      const result = this.scanCell(top, left);
      if (!result) continue;
      const [bottom, right, rowSeparators, columnSeparators] = result;
      for (const row of rowSeparators) this.rowSeparators.add(row);
      for (const column of columnSeparators) this.columnSeparators.add(column);
      this.markDone(top, left, bottom, right);
      const cellBlock = this.block.get2DBlock(top + 1, left + 1, bottom, right);
      cellBlock.disconnect();
      cellBlock.replaceAll(DOUBLE_WIDTH_PAD_CHAR, '');
      this.cells.push({ top, left, bottom, right, block: cellBlock });
      corners.push([top, right]);
      corners.push([bottom, left]);
    }
    if (!this.checkParseComplete()) throw new TableMarkupError('Malformed table; parse incomplete.');
  }

  /** Record how far down each text column of the cell has been seen. */
  private markDone(top: number, left: number, bottom: number, right: number): void {
    const before = top - 1;
    const after = bottom - 1;
    for (let column = left; column < right; column++) {
      if (this.done[column] !== before) {
        throw new TableParserInternalError(
          `AssertionError in mark_done: text column ${column} seen to line ${this.done[column]}, expected ${before}`,
        );
      }
      this.done[column] = after;
    }
  }

  /** Every text column must have been seen down to the last line. */
  private checkParseComplete(): boolean {
    const last = this.bottom - 1;
    for (let column = 0; column < this.right; column++) {
      if (this.done[column] !== last) return false;
    }
    return true;
  }

  private scanCell(top: number, left: number): [number, number, number[], number[]] | null {
    if (this.charAt(top, left) !== CORNER) {
      throw new TableParserInternalError(`AssertionError in scan_cell: no corner at line ${top}, column ${left}`);
    }
    return this.scanRight(top, left);
  }

  /** Along the top edge: find the upper-right corner, noting column boundaries. */
  private scanRight(top: number, left: number): [number, number, number[], number[]] | null {
    const columnSeparators: number[] = [];
    for (let column = left + 1; column <= this.right; column++) {
      const char = this.charAt(top, column);
      if (char === CORNER) {
        columnSeparators.push(column);
        const result = this.scanDown(top, left, column);
        if (result) {
          const [bottom, rowSeparators, moreColumnSeparators] = result;
          return [bottom, column, rowSeparators, [...columnSeparators, ...moreColumnSeparators]];
        }
      } else if (char !== HORIZONTAL) {
        return null;
      }
    }
    return null;
  }

  /** Down the right edge: find the lower-right corner, noting row boundaries. */
  private scanDown(top: number, left: number, right: number): [number, number[], number[]] | null {
    const rowSeparators: number[] = [];
    for (let row = top + 1; row <= this.bottom; row++) {
      const char = this.charAt(row, right);
      if (char === CORNER) {
        rowSeparators.push(row);
        const result = this.scanLeft(top, left, row, right);
        if (result) {
          const [moreRowSeparators, columnSeparators] = result;
          return [row, [...rowSeparators, ...moreRowSeparators], columnSeparators];
        }
      } else if (char !== VERTICAL) {
        return null;
      }
    }
    return null;
  }

  /** Along the bottom edge back to the left; the lower-left corner must line up with the start. */
  private scanLeft(top: number, left: number, bottom: number, right: number): [number[], number[]] | null {
    const columnSeparators: number[] = [];
    for (let column = right - 1; column > left; column--) {
      const char = this.charAt(bottom, column);
      if (char === CORNER) columnSeparators.push(column);
      else if (char !== HORIZONTAL) return null;
    }
    if (this.charAt(bottom, left) !== CORNER) return null;
    const rowSeparators = this.scanUp(top, left, bottom);
    return rowSeparators === null ? null : [rowSeparators, columnSeparators];
  }

  /** Up the left edge back to the starting corner, noting row boundaries. */
  private scanUp(top: number, left: number, bottom: number): number[] | null {
    const rowSeparators: number[] = [];
    for (let row = bottom - 1; row > top; row--) {
      const char = this.charAt(row, left);
      if (char === CORNER) rowSeparators.push(row);
      else if (char !== VERTICAL) return null;
    }
    return rowSeparators;
  }

  protected structureFromCells(): TableData {
    const rowSeparators = [...this.rowSeparators].sort((a, b) => a - b);
    const rowIndex = new Map(rowSeparators.map((line, index) => [line, index]));
    const columnSeparators = [...this.columnSeparators].sort((a, b) => a - b);
    const columnIndex = new Map(columnSeparators.map((column, index) => [column, index]));
    const colwidths: number[] = [];
    for (let index = 1; index < columnSeparators.length; index++) {
      colwidths.push(columnSeparators[index]! - columnSeparators[index - 1]! - 1);
    }
    const columnCount = columnSeparators.length - 1;
    const rows: CellData[][] = [];
    for (let index = 0; index < rowSeparators.length - 1; index++) rows.push(new Array<CellData>(columnCount).fill(null));
    let remaining = (rowSeparators.length - 1) * columnCount;
    for (const { top, left, bottom, right, block } of this.cells) {
      const rowNumber = lookup(rowIndex, top);
      const columnNumber = lookup(columnIndex, left);
      if (rows[rowNumber]![columnNumber] !== null) {
        throw new TableParserInternalError(
          `AssertionError: Cell (row ${rowNumber + 1}, column ${columnNumber + 1}) already used.`,
        );
      }
      const morerows = lookup(rowIndex, bottom) - rowNumber - 1;
      const morecols = lookup(columnIndex, right) - columnNumber - 1;
      remaining -= (morerows + 1) * (morecols + 1);
      rows[rowNumber]![columnNumber] = [morerows, morecols, top + 1, block];
    }
    if (remaining !== 0) throw new TableParserInternalError('AssertionError: Unused cells remaining.');
    if (this.headBodySeparator) {
      const headRowCount = lookup(rowIndex, this.headBodySeparator);
      return { colwidths, headrows: rows.slice(0, headRowCount), bodyrows: rows.slice(headRowCount) };
    }
    return { colwidths, headrows: [], bodyrows: rows };
  }
}

/** dict[key] with Python's KeyError. */
function lookup(map: ReadonlyMap<number, number>, key: number): number {
  const value = map.get(key);
  if (value === undefined) throw new TableParserInternalError(`KeyError: ${key}`);
  return value;
}
