/**
 * no-carriage-return: "\r" in the file (CRLF or old Mac line ends); doc8
 * D004, and the spec repositories' tests' `_check_no_cr`.
 */
import { codePointLength } from '../../rst/python-text.js';
import { defineFileRule } from '../rule.js';

export const noCarriageReturn = defineFileRule({
  scope: 'file',
  needsDocument: false,
  meta: {
    id: 'no-carriage-return',
    description: 'Disallow carriage returns (use "\\n" line ends)',
    defaultSeverity: 'error',
    fix: 'safe',
    optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: {
      carriageReturn: 'Line ends with a carriage return ("\\r").',
    },
    docs: {
      whatItDoes: 'Reports every line that ends in "\\r\\n" (Windows) or a lone "\\r" (classic Mac OS).',
      why: 'Spec repositories use "\\n" line ends; their tests fail any "\\r" in a spec, and mixed line ends make diffs unreadable.',
      example: 'Problem description\\r\\n',
      useInstead: 'Problem description\\n',
      fixSafety: 'Safe: docutils treats "\\r\\n", "\\r" and "\\n" alike, so the document does not change. `--fix` checks this by re-publishing.',
      compatibility: 'doc8 D004 (reports exactly its lines); tests/test_titles.py `_check_no_cr` (fails the file if any line is reported).',
    },
  },
  create(context) {
    return {
      source(source) {
        for (const line of source.lines) {
          if (line.terminator !== '\r\n' && line.terminator !== '\r') continue;
          const column = codePointLength(line.text) + 1;
          const start = line.offset + line.text.length;
          context.report({
            messageId: 'carriageReturn',
            line: line.number,
            column,
            endColumn: column + 1,
            fix: {
              description: 'Use "\\n" as the line end',
              edits: [{ start, end: start + line.terminator.length, text: '\n' }],
            },
          });
        }
      },
    };
  },
});
