/**
 * Mapping parser coordinates back to the source text. The parser sees
 * lines split as Python's splitlines() splits them, tabs expanded and
 * indentation removed; a node's position is given in the original text
 * (1-based line and UTF-16 column, 0-based offset).
 */
import type { Point, Position } from './nodes.js';
import { isLineBreak } from './python-text.js';

export class SourceMap {
  /** UTF-16 offset where each line starts. */
  private readonly lineStarts: number[] = [0];

  constructor(
    readonly text: string,
    readonly tabWidth = 8,
  ) {
    const breaks = /\r\n|[\n\v\f\r\x1c-\x1e\x85\u2028\u2029]/g;
    for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
      this.lineStarts.push(match.index + match[0].length);
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  lineText(lineIndex: number): string {
    const start = this.lineStarts[lineIndex] ?? this.text.length;
    let end = this.lineStarts[lineIndex + 1] ?? this.text.length;
    while (end > start && isLineBreak(this.text.charCodeAt(end - 1))) end--;
    return this.text.slice(start, end);
  }

  /** Per line: 1 when it has no tab and no astral character (columns are UTF-16 units), 2 otherwise. */
  private simple: Uint8Array | null = null;

  private isSimple(line: number): boolean {
    this.simple ??= new Uint8Array(this.lineStarts.length);
    let flag = this.simple[line]!;
    if (flag === 0) {
      flag = /[\t\ud800-\udfff]/.test(this.lineText(line)) ? 2 : 1;
      this.simple[line] = flag;
    }
    return flag === 1;
  }

  /** The point at a 0-based line and a column counted in tab-expanded code points. */
  point(lineIndex: number, expandedColumn: number): Point {
    const line = Math.min(Math.max(lineIndex, 0), this.lineStarts.length - 1);
    if (this.isSimple(line)) {
      const start = this.lineStarts[line]!;
      const next = this.lineStarts[line + 1] ?? this.text.length + 1;
      const column = Math.min(expandedColumn, Math.max(0, next - start - 1));
      return { line: line + 1, column: column + 1, offset: start + column };
    }
    const text = this.lineText(line);
    let column = 0;
    let unit = 0;
    while (unit < text.length && column < expandedColumn) {
      const code = text.codePointAt(unit)!;
      if (code === 0x09) column += this.tabWidth - (column % this.tabWidth);
      else column += 1;
      unit += code > 0xffff ? 2 : 1;
    }
    const offset = this.lineStarts[line]! + unit;
    return { line: line + 1, column: unit + 1, offset };
  }

  /** The point just past the last character of a line. */
  lineEnd(lineIndex: number): Point {
    const line = Math.min(Math.max(lineIndex, 0), this.lineStarts.length - 1);
    const text = this.lineText(line);
    return { line: line + 1, column: text.length + 1, offset: this.lineStarts[line]! + text.length };
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
}

export function makePosition(start: Point, end: Point): Position {
  return { start, end };
}

import type { Element, Node } from './nodes.js';

/**
 * Give every node a position: nodes the parser did not place get the span
 * of their children, else their docutils line, else their parent's span.
 */
export function completePositions(root: Element, map: SourceMap, mainSource: string | null): void {
  const visit = (node: Node, parentSpan: Position | undefined): void => {
    if (node.isElement()) {
      const element = node as Element;
      for (const child of element.children) visit(child, element.position ?? parentSpan);
      if (!element.position) {
        let start: Point | undefined;
        let end: Point | undefined;
        for (const child of element.children) {
          const span = child.position;
          if (!span || child.isText()) continue;
          if (!start || span.start.offset < start.offset) start = span.start;
          if (!end || span.end.offset > end.offset) end = span.end;
        }
        if (start && end) element.position = { start, end };
        else if (element.line !== null && element.line > 0 && (element.source === mainSource || element.source === null)) {
          const lineIndex = Math.min(element.line - 1, map.lineCount - 1);
          element.position = { start: map.point(lineIndex, 0), end: map.lineEnd(lineIndex) };
        } else if (parentSpan) {
          element.position = parentSpan;
        }
      }
      for (const child of element.children) if (child.isText() && !child.position) child.position = element.position;
    } else if (!node.position) {
      node.position = parentSpan;
    }
  };
  visit(root, undefined);
  if (map.text.length >= 0) {
    root.position = { start: map.point(0, 0), end: map.pointAtOffset(map.text.length) };
  }
}
