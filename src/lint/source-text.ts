/**
 * A file's text as lines, for the rules that look at raw text (line
 * length, trailing whitespace, tabs, line ends).
 *
 * Lines end at "\n", "\r\n" or a lone "\r" — the line breaks editors, git
 * and doc8 count — so line numbers agree with what users see. Columns are
 * 1-based and count code points (Python's `len`), not UTF-16 units.
 */
import { codePointLength } from '../rst/python-text.js';

export type LineTerminator = '' | '\n' | '\r\n' | '\r';

export interface SourceLine {
  /** 1-based. */
  readonly number: number;
  /** The line's characters without its terminator. */
  readonly text: string;
  readonly terminator: LineTerminator;
  /** UTF-16 offset of the line's first character in the whole text. */
  readonly offset: number;
}

export interface Point {
  readonly line: number;
  readonly column: number;
}

export class SourceText {
  private splitLines: readonly SourceLine[] | undefined;

  constructor(readonly text: string) {}

  /**
   * The lines, split on first use: a report keeps the text of every file
   * it linted, and only the output formats that show source lines (and
   * the rules) need them split.
   */
  get lines(): readonly SourceLine[] {
    if (this.splitLines === undefined) this.splitLines = splitLines(this.text);
    return this.splitLines;
  }

  line(number: number): SourceLine | undefined {
    return this.lines[number - 1];
  }

  /** The 1-based line containing a UTF-16 offset (offsets past the end map to the last line). */
  lineNumberAt(offset: number): number {
    const lines = this.lines;
    let low = 0;
    let high = lines.length - 1;
    if (high < 0) return 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lines[middle]!.offset <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }

  /** Line and code-point column of a UTF-16 offset. */
  pointAt(offset: number): Point {
    const lineNumber = this.lineNumberAt(offset);
    const line = this.lines[lineNumber - 1];
    if (!line) return { line: 1, column: 1 };
    return { line: lineNumber, column: codePointLength(this.text.slice(line.offset, offset)) + 1 };
  }

  /** UTF-16 offset of a line and code-point column (clamped to the line, terminator included). */
  offsetAt(point: Point): number {
    const line = this.lines[point.line - 1];
    if (!line) return this.text.length;
    return line.offset + utf16IndexOfColumn(line.text + line.terminator, point.column);
  }
}

function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const breaks = /\r\n?|\n/g;
  let start = 0;
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
    const terminator = match[0] as LineTerminator;
    lines.push({ number: lines.length + 1, text: text.slice(start, match.index), terminator, offset: start });
    start = match.index + terminator.length;
  }
  if (start < text.length) lines.push({ number: lines.length + 1, text: text.slice(start), terminator: '', offset: start });
  return lines;
}

/** UTF-16 index of a 1-based code-point column within `text` (clamped to its length). */
export function utf16IndexOfColumn(text: string, column: number): number {
  let index = 0;
  let remaining = column - 1;
  while (remaining > 0 && index < text.length) {
    const code = text.charCodeAt(index);
    index += code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? 2 : 1;
    remaining--;
  }
  return index;
}

/** 1-based code-point column of a UTF-16 index within `text`. */
export function columnOfUtf16Index(text: string, index: number): number {
  return codePointLength(text.slice(0, index)) + 1;
}
