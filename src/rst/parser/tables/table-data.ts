/**
 * What the table parsers return and what they share
 * (docutils.parsers.rst.tableparser: TableParser, TableMarkupError).
 *
 * A parse gives column widths and rows of cells, the data a CALS table is
 * built from. A cell is `[morerows, morecols, offset, block]`: how many
 * extra rows and columns it spans, the line offset of its first text line
 * from the table's first line, and its text; `null` marks a grid position
 * covered by another cell's span.
 */
import type { StringList } from '../../string-list.js';

/**
 * The block parser follows every East Asian wide character with this
 * character before parsing, so that one column of text is one character;
 * the parsers remove it again from cell text.
 */
export const DOUBLE_WIDTH_PAD_CHAR = '\x00';

export type CellData = [morerows: number, morecols: number, offset: number, block: StringList] | null;

export interface TableData {
  colwidths: number[];
  headrows: CellData[][];
  bodyrows: CellData[][];
}

/** A problem with table markup; `offset` is the problem's line offset from the table's first line. */
export class TableMarkupError extends Error {
  constructor(
    message: string,
    readonly offset = 0,
  ) {
    super(message);
    this.name = 'TableMarkupError';
  }
}

/**
 * An internal consistency check of docutils' table parser failed (a Python
 * `assert`, or an IndexError/KeyError there). docutils 0.19 crashes on such
 * input (a single stray character in a grid table's inner border can do
 * it); we throw this so the caller decides what to do.
 */
export class TableParserInternalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TableParserInternalError';
  }
}

/** Python's `str.replace(old, new)`: every occurrence. */
export function replaceEvery(text: string, old: string, replacement: string): string {
  return text.split(old).join(replacement);
}

/** A line as code points, so indexes are Python string indexes. */
export function codePoints(line: string): string[] {
  return Array.from(line);
}

export const HEAD_BODY_MARKER = '=';
export const ROW_SEPARATOR = '-';

/**
 * Template shared by both parsers (docutils' TableParser.parse): set up,
 * find the head/body separator, trace the table, build the structure.
 */
export abstract class TableParser {
  /** Matches (from the line start) the separator between head rows and body rows. */
  protected abstract readonly headBodySeparatorPattern: RegExp;
  /** Line index of the head/body separator, or null. */
  protected headBodySeparator: number | null = null;

  parse(block: StringList): TableData {
    this.setup(block);
    this.findHeadBodySeparator();
    this.parseTable();
    return this.structureFromCells();
  }

  protected abstract setup(block: StringList): void;
  protected abstract parseTable(): void;
  protected abstract structureFromCells(): TableData;
  protected abstract lineCount(): number;
  protected abstract lineAt(index: number): string;
  protected abstract replaceLine(index: number, line: string): void;

  /** Find the one head/body separator line (at most one) and turn its '=' into '-'. */
  private findHeadBodySeparator(): void {
    const count = this.lineCount();
    let index = 0;
    for (index = 0; index < count; index++) {
      const line = this.lineAt(index);
      if (!this.headBodySeparatorPattern.test(line)) continue;
      // docutils tests the stored index for truth, so a separator on line 0 does not count as a first one.
      if (this.headBodySeparator) {
        throw new TableMarkupError(
          `Multiple head/body row separators (table lines ${this.headBodySeparator + 1} and ${index + 1}); only one allowed.`,
          index,
        );
      }
      this.headBodySeparator = index;
      this.replaceLine(index, replaceEvery(line, HEAD_BODY_MARKER, ROW_SEPARATOR));
    }
    // Python's loop variable keeps the last index it took.
    const lastIndex = Math.max(0, count - 1);
    if (this.headBodySeparator === 0 || this.headBodySeparator === count - 1) {
      throw new TableMarkupError('The head/body row separator may not be the first or last line of the table.', lastIndex);
    }
  }
}
