/**
 * `--format stylish` (the default): findings grouped by file, each with
 * its position, severity, message and rule, then the source line with a
 * caret under the column.
 *
 *     specs/2025.1/approved/foo.rst
 *       12:80  error  Line is 95 characters long; the limit is 79.  line-length
 *         12 | ...the end of this sentence goes on past the limit of the line
 *            |                                       ^
 */
import { createColors } from 'picocolors';
import { columnWidth } from '../../rst/python-text.js';
import type { Diagnostic } from '../diagnostic.js';
import type { SourceText } from '../source-text.js';
import { utf16IndexOfColumn } from '../source-text.js';
import type { FormatterInput } from './formatter.js';

/** Widest source excerpt shown, in display columns. */
const EXCERPT_WIDTH = 100;
/** Where the caret lands when a long line has to be cut on the left. */
const EXCERPT_CARET_AT = 60;
const ELLIPSIS = '…';

/** Control characters and tabs would misplace the caret; show them as one space each. */
function printable(text: string): string {
  return text.replace(/[\t\x00-\x1f\x7f\u2028\u2029]/g, ' ');
}

function excerpt(lineText: string, column: number): { text: string; caret: number } {
  const shown = printable(lineText);
  const caretIndex = utf16IndexOfColumn(shown, column);
  let start = 0;
  let prefix = '';
  if (columnWidth(shown.slice(0, caretIndex)) > EXCERPT_WIDTH - 10) {
    start = caretIndex;
    while (start > 0 && columnWidth(shown.slice(start, caretIndex)) < EXCERPT_CARET_AT) start--;
    prefix = ELLIPSIS;
  }
  let end = start;
  while (end < shown.length && columnWidth(shown.slice(start, end + 1)) <= EXCERPT_WIDTH) end++;
  const suffix = end < shown.length ? ELLIPSIS : '';
  return {
    text: prefix + shown.slice(start, end) + suffix,
    caret: columnWidth(prefix) + columnWidth(shown.slice(start, caretIndex)),
  };
}

export function formatStylish({ report, color }: FormatterInput): string {
  const colors = createColors(color);
  const sources = new Map<string, SourceText | null>(report.files.map((file) => [file.displayPath, file.source]));
  const byFile = new Map<string, Diagnostic[]>();
  for (const diagnostic of report.diagnostics) {
    const list = byFile.get(diagnostic.file);
    if (list) list.push(diagnostic);
    else byFile.set(diagnostic.file, [diagnostic]);
  }
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  for (const [file, diagnostics] of byFile) {
    out.push(colors.underline(file));
    const positionWidth = Math.max(...diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column}`.length));
    // docutils' messages may span lines ('Error in "x" directive:\nunknown option...'): one line here.
    const oneLine = (message: string) => message.replace(/\s*\n\s*/g, ' ');
    const messageWidth = Math.max(...diagnostics.map((d) => oneLine(d.message).length));
    for (const diagnostic of diagnostics) {
      if (diagnostic.severity === 'error') errors++;
      else warnings++;
      if (diagnostic.fix?.applicability === 'safe') fixable++;
      const position = `${diagnostic.range.start.line}:${diagnostic.range.start.column}`.padEnd(positionWidth);
      const severity = diagnostic.severity === 'error' ? colors.red('error  ') : colors.yellow('warning');
      out.push(`  ${colors.dim(position)}  ${severity}  ${oneLine(diagnostic.message).padEnd(messageWidth)}  ${colors.dim(diagnostic.rule)}`);
      const line = sources.get(file)?.line(diagnostic.range.start.line);
      if (line) {
        const gutter = String(line.number);
        const shown = excerpt(line.text, diagnostic.range.start.column);
        out.push(`    ${colors.dim(`${gutter} |`)} ${shown.text}`);
        out.push(`    ${colors.dim(`${' '.repeat(gutter.length)} |`)} ${' '.repeat(shown.caret)}${colors.bold(colors.red('^'))}`);
      }
    }
    out.push('');
  }
  const total = errors + warnings;
  if (total > 0) {
    const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
    const summary = `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
    out.push(errors > 0 ? colors.bold(colors.red(summary)) : colors.bold(colors.yellow(summary)));
    if (fixable > 0) out.push(colors.dim(`  ${plural(fixable, 'problem')} fixable with --fix`));
    out.push('');
  }
  return out.join('\n');
}
