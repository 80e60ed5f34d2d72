/**
 * Mapping parser coordinates back to the source text. The parser sees
 * lines split as Python's splitlines() splits them, tabs expanded and
 * indentation removed; a node's position is given in the original text
 * (1-based line and UTF-16 column, 0-based offset).
 *
 * Positions are recorded as offsets (a Span); line and column are worked
 * out when first read, as most positions are never looked at.
 */
import type { Element, Node, Point, Position } from './nodes.js';
import { expandTabs, rstrip } from './python-text.js';

/** Line breaks other than \n that the parser sees (splitlines() without \v and \f). */
const OTHER_LINE_BREAKS = /[\r\x1c-\x1e\x85\u2028\u2029]/;
/** Characters string2lines() changes: tabs (expanded), \v and \f (spaces). */
const NEEDS_CLEANING = /[\t\v\f]/;
/** What makes a line's columns differ from its UTF-16 units. */
const TAB_OR_SURROGATE = /[\t\ud800-\udfff]/;
/** SourceMap.simple of a text where every line is simple. */
const ALL_SIMPLE = new Uint8Array(0);

/** Line breaks as the parser sees them (splitlines() without \v and \f). */
function isParserLineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d || (code >= 0x1c && code <= 0x1e) || code === 0x85 || code === 0x2028 || code === 0x2029;
}

export class SourceMap {
  /** UTF-16 offset where each line starts. */
  private readonly lineStarts: number[] = [0];
  /** Per line: 1 when it has no tab and no astral character (columns are UTF-16 units), 2 otherwise. */
  private simple: Uint8Array | null = null;

  constructor(
    readonly text: string,
    readonly tabWidth = 8,
  ) {
    // The line breaks of Python's splitlines() except \v and \f, which
    // docutils turns into spaces before splitting.
    if (OTHER_LINE_BREAKS.test(text)) {
      const length = text.length;
      for (let index = 0; index < length; index++) {
        const code = text.charCodeAt(index);
        if (code > 0x0d && code < 0x1c) continue;
        if (code === 0x0d && text.charCodeAt(index + 1) === 0x0a) index++;
        else if (!isParserLineBreak(code)) continue;
        this.lineStarts.push(index + 1);
      }
    } else {
      // Only \n breaks lines (nearly every file): the native search finds them.
      for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) {
        this.lineStarts.push(index + 1);
      }
    }
    this.plain = !NEEDS_CLEANING.test(text);
    // Without tabs and astral characters anywhere, every line's columns are its UTF-16 units.
    if (!TAB_OR_SURROGATE.test(text)) this.simple = ALL_SIMPLE;
    // splitlines() does not count a line after a final line break.
    if (this.lineStarts.length > 1 && this.lineStarts[this.lineStarts.length - 1] === text.length) {
      this.hasFinalBreak = true;
    }
  }

  /** Whether the text ends with a line break (so its last "line" is empty and not a line). */
  private hasFinalBreak = false;
  /** Whether the text has no tab, \v or \f (its lines need no expanding or replacing). */
  private plain = false;

  /** The parser's input lines (docutils' string2lines: \v and \f as spaces, tabs expanded, trailing whitespace stripped). */
  parserLines(): string[] {
    if (this.text.length === 0) return [];
    const count = this.lineStarts.length - (this.hasFinalBreak ? 1 : 0);
    const lines: string[] = new Array(count);
    for (let index = 0; index < count; index++) {
      let line = this.text.slice(this.lineStarts[index]!, this.lineEndOffset(index));
      if (!this.plain) {
        if (line.includes('\v') || line.includes('\f')) line = line.replace(/[\v\f]/g, ' ');
        line = expandTabs(line, this.tabWidth);
      }
      // rstrip() only when the line ends in something it could strip (ASCII letters and marks cannot be).
      const last = line.charCodeAt(line.length - 1);
      lines[index] = last > 0x20 && last < 0x7f ? line : rstrip(line);
    }
    return lines;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  private lineEndOffset(line: number): number {
    const start = this.lineStarts[line] ?? this.text.length;
    let end = this.lineStarts[line + 1] ?? this.text.length;
    while (end > start && isParserLineBreak(this.text.charCodeAt(end - 1))) end--;
    return end;
  }

  lineText(lineIndex: number): string {
    return this.text.slice(this.lineStarts[lineIndex] ?? this.text.length, this.lineEndOffset(lineIndex));
  }

  private isSimple(line: number): boolean {
    if (this.simple === ALL_SIMPLE) return true;
    this.simple ??= new Uint8Array(this.lineStarts.length);
    let flag = this.simple[line]!;
    if (flag === 0) {
      flag = /[\t\ud800-\udfff]/.test(this.lineText(line)) ? 2 : 1;
      this.simple[line] = flag;
    }
    return flag === 1;
  }

  private clampLine(lineIndex: number): number {
    return Math.min(Math.max(lineIndex, 0), this.lineStarts.length - 1);
  }

  /** The offset at a 0-based line and a column counted in tab-expanded code points. */
  offset(lineIndex: number, expandedColumn: number): number {
    const line = this.clampLine(lineIndex);
    const start = this.lineStarts[line]!;
    const end = this.lineEndOffset(line);
    if (this.isSimple(line)) return Math.min(start + expandedColumn, end);
    let column = 0;
    let unit = start;
    while (unit < end && column < expandedColumn) {
      const code = this.text.codePointAt(unit)!;
      if (code === 0x09) column += this.tabWidth - (column % this.tabWidth);
      else column += 1;
      unit += code > 0xffff ? 2 : 1;
    }
    return unit;
  }

  /** The offset just past the last character of a line. */
  lineEnd(lineIndex: number): number {
    return this.lineEndOffset(this.clampLine(lineIndex));
  }

  /** The point at a 0-based line and a column counted in tab-expanded code points. */
  point(lineIndex: number, expandedColumn: number): Point {
    return this.pointAtOffset(this.offset(lineIndex, expandedColumn));
  }

  /** The point at a UTF-16 offset. */
  pointAtOffset(offset: number): Point {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low]! + 1, offset };
  }

  /** A position between two offsets. */
  span(startOffset: number, endOffset: number): Span {
    return new Span(this, startOffset, endOffset);
  }
}

/** A position recorded as offsets; its points are computed when first read. */
export class Span implements Position {
  private startPoint: Point | undefined;
  private endPoint: Point | undefined;

  constructor(
    private readonly map: SourceMap,
    readonly startOffset: number,
    readonly endOffset: number,
  ) {}

  get start(): Point {
    return (this.startPoint ??= this.map.pointAtOffset(this.startOffset));
  }

  get end(): Point {
    return (this.endPoint ??= this.map.pointAtOffset(this.endOffset));
  }

  toJSON(): { start: Point; end: Point } {
    return { start: this.start, end: this.end };
  }
}

function startOffsetOf(position: Position): number {
  return position instanceof Span ? position.startOffset : position.start.offset;
}

function endOffsetOf(position: Position): number {
  return position instanceof Span ? position.endOffset : position.end.offset;
}

/**
 * Give every node a position: nodes the parser did not place get the span
 * of their children, else their docutils line, else their parent's span.
 */
export function completePositions(root: Element, map: SourceMap, mainSource: string | null): void {
  const visit = (element: Element, parentSpan: Position | undefined): void => {
    const children = element.children;
    const own = element.position ?? parentSpan;
    for (let index = 0; index < children.length; index++) {
      const child = children[index]!;
      if (child.isElement()) visit(child, own);
    }
    if (!element.position) {
      let start = -1;
      let end = -1;
      for (let index = 0; index < children.length; index++) {
        const child = children[index]!;
        const span = child.position;
        if (!span || child.isText()) continue;
        const childStart = startOffsetOf(span);
        const childEnd = endOffsetOf(span);
        if (start < 0 || childStart < start) start = childStart;
        if (end < 0 || childEnd > end) end = childEnd;
      }
      if (start >= 0) element.position = map.span(start, end);
      else if (element.line !== null && element.line > 0 && (element.source === mainSource || element.source === null)) {
        const lineIndex = Math.min(element.line - 1, map.lineCount - 1);
        element.position = map.span(map.offset(lineIndex, 0), map.lineEnd(lineIndex));
      } else if (parentSpan) {
        element.position = parentSpan;
      }
    }
    const span = element.position;
    for (let index = 0; index < children.length; index++) {
      const child = children[index]!;
      if (!child.position && !child.isElement()) child.position = span;
    }
  };
  // The root spans the whole text; what has no position of its own falls back to it.
  root.position = map.span(0, map.text.length);
  visit(root, undefined);
}

/** Kept for callers that build positions from points. */
export function makePosition(start: Point, end: Point): Position {
  return { start, end };
}

export type { Node };
