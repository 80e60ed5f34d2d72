/**
 * Where a node of the published tree starts, in the linter's line model
 * (lines end at "\n", "\r\n" or "\r"; columns count code points). The
 * engine's position offsets are exact; docutils' `line` is the fallback.
 */
import type { Node } from '../rst/nodes.js';
import type { Position } from './diagnostic.js';
import type { SourceText } from './source-text.js';

/** The published text lacks the file's byte order mark (see engine.ts): offsets shift by its length. */
function publishedOffsetShift(source: SourceText): number {
  return source.text.startsWith('\ufeff') ? 1 : 0;
}

export function nodeStart(node: Node, source: SourceText): Position | null {
  const offset = node.position?.start.offset;
  if (offset !== undefined) return source.pointAt(offset + publishedOffsetShift(source));
  for (let current: Node | null = node; current; current = current.parent) {
    if (current.line !== null) return { line: Math.min(Math.max(current.line, 1), Math.max(source.lines.length, 1)), column: 1 };
  }
  return null;
}

export function nodeEnd(node: Node, source: SourceText): Position | null {
  const offset = node.position?.end.offset;
  return offset === undefined ? null : source.pointAt(offset + publishedOffsetShift(source));
}

/**
 * The line at or shortly before `near` whose text contains `needle`: for
 * nodes whose recorded line is docutils' (the first term of a definition
 * list is recorded on its definition's line).
 */
export function lineContaining(source: SourceText, near: Position, needle: string, lookBack = 3): Position {
  for (let line = near.line; line >= Math.max(1, near.line - lookBack); line--) {
    const text = source.line(line)?.text ?? '';
    const index = text.indexOf(needle);
    if (index !== -1) return { line, column: index + 1 };
  }
  return near;
}
