/**
 * `--format rdjson`: reviewdog's diagnostic format (DiagnosticResult as
 * JSON), for `reviewdog -f=rdjson`. reviewdog counts columns in UTF-8
 * bytes; safe fixes become suggestions.
 */
import type { Diagnostic, Position } from '../diagnostic.js';
import type { SourceText } from '../source-text.js';
import { utf16IndexOfColumn } from '../source-text.js';
import { SPECWRIGHT_NAME } from '../../util/version.js';
import type { FormatterInput } from './formatter.js';

interface RdPosition {
  line: number;
  column: number;
}

function utf8Column(lineText: string, codePointColumn: number): number {
  const prefix = lineText.slice(0, utf16IndexOfColumn(lineText, codePointColumn));
  return Buffer.byteLength(prefix, 'utf8') + 1;
}

function toRd(source: SourceText | null, position: Position): RdPosition {
  const line = source?.line(position.line);
  if (!line) return { line: position.line, column: position.column };
  return { line: position.line, column: utf8Column(line.text + line.terminator, position.column) };
}

function offsetToRd(source: SourceText, offset: number): RdPosition {
  const point = source.pointAt(offset);
  if (offset >= source.text.length && source.lines.length > 0) {
    const last = source.lines[source.lines.length - 1]!;
    if (last.terminator !== '') return { line: last.number + 1, column: 1 };
  }
  return toRd(source, point);
}

function suggestions(diagnostic: Diagnostic, source: SourceText | null) {
  if (!diagnostic.fix || diagnostic.fix.applicability !== 'safe' || !source) return undefined;
  return diagnostic.fix.edits.map((edit) => ({
    range: { start: offsetToRd(source, edit.start), end: offsetToRd(source, edit.end) },
    text: edit.text,
  }));
}

export function formatRdjson({ report }: FormatterInput): string {
  const sources = new Map(report.files.map((file) => [file.displayPath, file.source]));
  const result = {
    source: { name: SPECWRIGHT_NAME },
    diagnostics: report.diagnostics.map((diagnostic) => {
      const source = sources.get(diagnostic.file) ?? null;
      const fixes = suggestions(diagnostic, source);
      return {
        message: diagnostic.message,
        location: {
          path: diagnostic.file,
          range: { start: toRd(source, diagnostic.range.start), end: toRd(source, diagnostic.range.end) },
        },
        severity: diagnostic.severity === 'error' ? 'ERROR' : 'WARNING',
        code: { value: diagnostic.rule },
        ...(fixes ? { suggestions: fixes } : {}),
      };
    }),
  };
  return `${JSON.stringify(result, null, 2)}\n`;
}
