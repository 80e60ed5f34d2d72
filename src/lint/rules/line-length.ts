/**
 * line-length: lines longer than the limit, with the exemptions of the
 * OpenStack spec repositories' own tests (tests/test_titles.py,
 * `_check_lines_wrapping`), or doc8's (D001) as an option.
 */
import { codePointLength, isPythonSpace, PY_DIGIT, PY_SPACE } from '../../rst/python-text.js';
import type { Document } from '../../rst/document.js';
import type { Element, Node } from '../../rst/nodes.js';
import { defineFileRule, type FileRuleContext } from '../rule.js';
import { utf16IndexOfColumn, type SourceText } from '../source-text.js';

export interface LineLengthOptions {
  /** Longest allowed line, in characters (code points). */
  readonly max: number;
  /** Whose exemptions to apply: the spec repositories' tests, or doc8's. */
  readonly mode: 'openstack' | 'urls' | 'doc8';
  /** doc8 mode: let section titles be long (doc8's `allow-long-titles`). */
  readonly allowLongTitles: boolean;
}

const DEFAULT_MAX = 79;
const LITERAL_BLOCK_MARKER = '::';
const URL_MARKERS = ['http://', 'https://'] as const;
const COMMENT_START = '..';
const IMAGE_DIRECTIVE = 'image::';

type MessageId = 'tooLong';
type Context = FileRuleContext<LineLengthOptions, MessageId>;

function containsUrl(line: string): boolean {
  return URL_MARKERS.some((marker) => line.includes(marker));
}

/** Python's `re.match(r"\s*[^\s]+$", line)`: one run of non-whitespace after the indentation. */
const SINGLE_WORD = new RegExp(`^[${PY_SPACE}]*[^${PY_SPACE}]+$`, 'u');

function reportLong(context: Context, source: SourceText, segmentOffset: number, segment: string, length: number): void {
  const max = context.options.max;
  const startOffset = segmentOffset + utf16IndexOfColumn(segment, max + 1);
  const start = source.pointAt(startOffset);
  const line = source.line(start.line)!;
  context.report({
    messageId: 'tooLong',
    data: { length, max },
    line: start.line,
    column: start.column,
    endColumn: codePointLength(line.text) + 1,
  });
}

/**
 * The repository tests' algorithm, kept exactly: the text is split at
 * "\n" only (a "\r" before it counts as a character), and
 *
 *   - after a line containing "::", lines that are empty or start with a
 *     space are skipped until another line;
 *   - lines containing "http://" or "https://" are skipped;
 *   - lines starting ".." that contain "image::" are skipped;
 *   - lines with no whitespace after their indentation are skipped.
 *
 * `urlsOnly` (mode "urls"): the tests' older form, as cinder-specs still
 * has it, where only the lines with a URL are skipped.
 */
function checkOpenstack(context: Context, source: SourceText, urlsOnly: boolean): void {
  const { text } = source;
  const max = context.options.max;
  let inCodeBlock = false;
  let offset = 0;
  while (offset <= text.length) {
    let end = text.indexOf('\n', offset);
    if (end === -1) end = text.length;
    const line = text.slice(offset, end);
    const lineOffset = offset;
    offset = end + 1;
    if (inCodeBlock) {
      if (line === '' || line.startsWith(' ')) continue;
      inCodeBlock = false;
    }
    if (!urlsOnly && line.includes(LITERAL_BLOCK_MARKER)) inCodeBlock = true;
    // The exemptions only ever spare a long line: a short one (UTF-16
    // length >= code points) needs none of them checked.
    if (line.length <= max) continue;
    if (containsUrl(line)) continue;
    if (!urlsOnly && line.startsWith(COMMENT_START) && line.includes(IMAGE_DIRECTIVE)) continue;
    if (!urlsOnly && SINGLE_WORD.test(line)) continue;
    const length = codePointLength(line);
    if (length > max) reportLong(context, source, lineOffset, line, length);
  }
}

/* ---- doc8 mode: doc8 0.10.1's CheckMaxLineLength._rst_checker ---- */

const LEADING_WHITESPACE = new RegExp(`^[${PY_SPACE}]+`, 'u');
const DOC8_DIRECTIVE = new RegExp(`^[${PY_SPACE}]*..[${PY_SPACE}](.*?)::`, 'u');
const DOC8_BARE_LITERAL = new RegExp(`^::[${PY_SPACE}]*$`, 'u');
const DOC8_LIST_ITEM = new RegExp(`^[${PY_SPACE}]*(\\* |- |#\\. |[${PY_DIGIT}]+\\. )`, 'u');

function leadingWhitespace(line: string): number {
  let index = 0;
  for (const char of line) {
    if (!isPythonSpace(char.codePointAt(0)!)) break;
    index += char.length;
  }
  return codePointLength(line.slice(0, index));
}

function isAllWhitespace(line: string): boolean {
  return leadingWhitespace(line) === codePointLength(line);
}

/** doc8's `_extract_directives`: 0-based inclusive line ranges it never checks. */
function doc8ExemptRanges(lines: readonly string[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const directiveEnd = (start: number): number => {
    let count = 0;
    for (let index = start + 1; index < lines.length; index++) {
      const line = lines[index]!;
      if (isAllWhitespace(line) || leadingWhitespace(line) >= 1) count++;
      else break;
    }
    return start + count;
  };
  lines.forEach((line, index) => {
    if (DOC8_DIRECTIVE.test(line) || DOC8_BARE_LITERAL.test(line)) ranges.push([index, directiveEnd(index)]);
  });
  for (let index = 0; index < lines.length - 1; index++) {
    const line = lines[index]!;
    if (isAllWhitespace(line)) continue;
    if (DOC8_LIST_ITEM.test(line)) continue;
    if (leadingWhitespace(line) < leadingWhitespace(lines[index + 1]!)) ranges.push([index, index]);
  }
  return ranges;
}

const SKIP_KINDS = new Set(['target', 'literal_block']);
const TITLE_KINDS = new Set(['title', 'subtitle', 'section']);

function nodeLine(node: Node): number | null {
  for (let current: Node | null = node; current; current = current.parent) {
    if (current.line !== null) return current.line;
  }
  return null;
}

function insideSystemMessage(node: Node): boolean {
  for (let current: Node | null = node; current; current = current.parent) {
    if (current.isElement() && current.tagname === 'system_message') return true;
  }
  return false;
}

/** doc8's `_extract_node_lines`: every node with the line span it covers. */
function nodeLineSpans(document: Document): { spans: Array<{ node: Node; min: number; max: number }>; firstLine: number } {
  const spans: Array<{ node: Node; min: number; max: number }> = [];
  let firstLine = -1;
  const linesOf = (node: Node, start: number): number[] => {
    const lines = [start];
    if (node.isElement() && node.tagname === 'title') {
      const before = start - splitPythonLines(node.rawsource).length;
      if (before >= 0) lines.push(before);
    }
    if (node.isElement() && node.tagname === 'literal_block') {
      lines.push(start + splitPythonLines(node.rawsource).length - 1);
    }
    return lines;
  };
  for (const node of document.findall()) {
    if (insideSystemMessage(node)) continue;
    const line = nodeLine(node);
    if (line === null) continue;
    if (firstLine === -1) firstLine = line;
    const contained: number[] = [];
    for (const inner of node.findall()) {
      const innerLine = nodeLine(inner);
      if (innerLine !== null) contained.push(...linesOf(inner, innerLine));
    }
    spans.push({ node, min: Math.min(...contained), max: Math.max(...contained) });
  }
  return { spans, firstLine };
}

function splitPythonLines(text: string): string[] {
  const lines = text.split(/\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function smallestContaining(spans: ReturnType<typeof nodeLineSpans>, lineNumber: number): Node[] {
  if (lineNumber < spans.firstLine && spans.spans.length > 0) return [spans.spans[0]!.node];
  let smallest = Number.POSITIVE_INFINITY;
  let best: Node[] = [];
  for (const span of spans.spans) {
    if (span.min > lineNumber || lineNumber > span.max) continue;
    const size = span.max - span.min;
    if (size < smallest) {
      smallest = size;
      best = [span.node];
    } else if (size === smallest) {
      best.push(span.node);
    }
  }
  return best;
}

function checkDoc8(context: Context, source: SourceText, document: Document): void {
  const max = context.options.max;
  const lines = source.lines.map((line) => line.text);
  const exempt = doc8ExemptRanges(lines);
  let spans: ReturnType<typeof nodeLineSpans> | undefined;
  lines.forEach((line, index) => {
    const length = codePointLength(line);
    if (length <= max) return;
    if (exempt.some(([start, end]) => start <= index && index <= end)) return;
    const stripped = line.replace(LEADING_WHITESPACE, '');
    if (!stripped.includes(' ')) return;
    if (containsUrl(stripped)) return;
    spans ??= nodeLineSpans(document);
    const nodes = smallestContaining(spans, index + 1);
    const kinds = (node: Node) => (node.isElement() ? (node as Element).tagname : '');
    if (nodes.some((node) => SKIP_KINDS.has(kinds(node)))) return;
    if (context.options.allowLongTitles && nodes.some((node) => TITLE_KINDS.has(kinds(node)))) return;
    reportLong(context, source, source.lines[index]!.offset, line, length);
  });
}

export const lineLength = defineFileRule({
  scope: 'file',
  needsDocument: (options: LineLengthOptions) => options.mode === 'doc8',
  meta: {
    id: 'line-length',
    description: 'Limit line length (79 characters by default)',
    defaultSeverity: 'error',
    fix: 'none',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        max: { type: 'integer', minimum: 1 },
        mode: { type: 'string', enum: ['openstack', 'urls', 'doc8'] },
        'allow-long-titles': { type: 'boolean' },
      },
    },
    defaultOptions: { max: DEFAULT_MAX, mode: 'openstack', allowLongTitles: false } as LineLengthOptions,
    messages: {
      tooLong: 'Line is {{length}} characters long; the limit is {{max}}.',
    },
    docs: {
      whatItDoes:
        'Reports lines longer than `max` characters (79 by default). Characters are counted as Python counts them (code points), not bytes or display columns.\n\n' +
        'In the default `openstack` mode it skips exactly what the spec repositories\' own tests skip: lines inside a literal block (after a line containing `::`, lines that are empty or start with a space), lines containing `http://` or `https://`, `.. image::` lines, and lines that are one word after their indentation. The text is split at "\\n" only, as those tests split it.',
      why: 'The OpenStack spec template asks for text wrapped at 79 columns so that specs read well in review tools and terminals; the repositories\' tests fail longer lines.',
      example: 'This sentence goes on and on and on, well past the seventy-ninth column of the line.',
      useInstead: 'This sentence goes on and on and on, well past the seventy-ninth column of\nthe line.',
      options:
        '- `max` (integer, default 79): the longest allowed line.\n' +
        '- `mode` (`"openstack"`, `"urls"` or `"doc8"`, default `"openstack"`): `urls` skips only the lines with a URL, as the older form of the repositories\' test does (cinder-specs\'); `doc8` applies doc8\'s D001 exemptions instead (directive bodies, definition terms, literal blocks and targets in the parsed document, lines without a space, URLs); it needs the parsed document.\n' +
        '- `allow-long-titles` (boolean, default false): in `doc8` mode, do not report long section titles.',
      compatibility: 'tests/test_titles.py `_check_lines_wrapping` of nova-specs and watcher-specs; of cinder-specs in `urls` mode; doc8 D001 in `doc8` mode.',
    },
  },
  create(context) {
    if (context.options.mode === 'doc8') {
      let source: SourceText | undefined;
      return {
        source(text) {
          source = text;
        },
        document(document) {
          if (source) checkDoc8(context, source, document);
        },
      };
    }
    return {
      source(source) {
        checkOpenstack(context, source, context.options.mode === 'urls');
      },
    };
  },
});
