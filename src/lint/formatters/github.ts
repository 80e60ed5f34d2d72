/**
 * `--format github`: GitHub Actions workflow commands, which GitHub shows
 * as annotations on the pull request's changed lines.
 *
 *     ::error file=specs/x.rst,line=3,col=80,endLine=3,endColumn=95,title=line-length::Line is ...
 */
import type { FormatterInput } from './formatter.js';

/** Escaping of a command's message (after "::"). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a command's property values. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub({ report }: FormatterInput): string {
  return report.diagnostics
    .map((diagnostic) => {
      const { start, end } = diagnostic.range;
      const properties = [
        `file=${escapeProperty(diagnostic.file)}`,
        `line=${start.line}`,
        `col=${start.column}`,
        `endLine=${end.line}`,
        `endColumn=${end.column}`,
        `title=${escapeProperty(`specwright ${diagnostic.rule}`)}`,
      ].join(',');
      return `::${diagnostic.severity} ${properties}::${escapeData(`${diagnostic.message} (${diagnostic.rule})`)}\n`;
    })
    .join('');
}
