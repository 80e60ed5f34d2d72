/**
 * Disabling rules from inside a file, with reStructuredText comments
 * (invisible in the output):
 *
 *     .. specwright-disable: line-length, template-text
 *
 *         turns the rules off for the whole file;
 *
 *     .. specwright-disable-next: line-length
 *
 *         turns them off for the next block: from the next non-blank line
 *         to the last line before a blank line followed by a line indented
 *         no more than the block's first line (a paragraph, a list item
 *         with its continuation, a directive or literal block with its
 *         indented body, a title with its underline).
 *
 * Without rule ids, every rule is turned off. As after any comment,
 * reStructuredText wants a blank line before the next block (docutils
 * warns otherwise); the next block is the next non-blank line either way.
 */
import type { SourceText } from './source-text.js';

const DISABLE_COMMENT = /^[ \t]*\.\.[ \t]+specwright-disable(-next)?:[ \t]*(.*?)[ \t]*$/;

export interface DisableDirective {
  /** Line of the comment. */
  readonly line: number;
  /** Rule ids, or null for every rule. */
  readonly rules: readonly string[] | null;
  /** Lines the directive covers (inclusive); null for the whole file. */
  readonly range: { readonly start: number; readonly end: number } | null;
}

function indentation(text: string): number {
  return text.length - text.trimStart().length;
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}

/** The line range of the block that starts after `commentLine` (1-based), or null if none follows. */
export function nextBlockRange(source: SourceText, commentLine: number): { start: number; end: number } | null {
  const lines = source.lines;
  let index = commentLine; // 0-based index of the line after the comment
  const commentIndent = indentation(lines[commentLine - 1]!.text);
  // The comment's own continuation lines are indented more than its "..".
  while (index < lines.length && !isBlank(lines[index]!.text) && indentation(lines[index]!.text) > commentIndent) index++;
  while (index < lines.length && isBlank(lines[index]!.text)) index++;
  if (index >= lines.length) return null;
  const start = index;
  const blockIndent = indentation(lines[start]!.text);
  let end = start;
  let sawBlank = false;
  for (let cursor = start + 1; cursor < lines.length; cursor++) {
    const text = lines[cursor]!.text;
    if (isBlank(text)) {
      sawBlank = true;
      continue;
    }
    if (sawBlank && indentation(text) <= blockIndent) break;
    end = cursor;
  }
  return { start: start + 1, end: end + 1 };
}

export function parseDisableComments(source: SourceText): DisableDirective[] {
  const directives: DisableDirective[] = [];
  if (!source.text.includes('specwright-disable')) return directives;
  for (const line of source.lines) {
    const match = DISABLE_COMMENT.exec(line.text);
    if (!match) continue;
    const ids = match[2]!
      .split(/[\s,]+/)
      .map((id) => id.trim())
      .filter((id) => id !== '');
    const rules = ids.length === 0 ? null : ids;
    if (match[1]) {
      const range = nextBlockRange(source, line.number);
      if (range) directives.push({ line: line.number, rules, range });
    } else {
      directives.push({ line: line.number, rules, range: null });
    }
  }
  return directives;
}

/** Whether a finding of `rule` on `line` is turned off by a directive. */
export function isDisabled(directives: readonly DisableDirective[], rule: string, line: number): boolean {
  for (const directive of directives) {
    if (directive.rules !== null && !directive.rules.includes(rule)) continue;
    if (directive.range === null) return true;
    if (line >= directive.range.start && line <= directive.range.end) return true;
  }
  return false;
}
