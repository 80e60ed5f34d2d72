/**
 * `--format json`: an array of findings, one object each, sorted by file,
 * line and column. Paths are as given on the command line or relative to
 * the current directory.
 */
import type { FormatterInput } from './formatter.js';

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: 'error' | 'warning';
  message: string;
}

export function formatJson({ report }: FormatterInput): string {
  const findings: JsonFinding[] = report.diagnostics.map((diagnostic) => ({
    file: diagnostic.file,
    line: diagnostic.range.start.line,
    column: diagnostic.range.start.column,
    endLine: diagnostic.range.end.line,
    endColumn: diagnostic.range.end.column,
    rule: diagnostic.rule,
    severity: diagnostic.severity,
    message: diagnostic.message,
  }));
  return `${JSON.stringify(findings, null, 2)}\n`;
}
