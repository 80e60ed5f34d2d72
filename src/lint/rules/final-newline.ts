/**
 * final-newline: the file must end with a line break (doc8 D005).
 */
import { codePointLength } from '../../rst/python-text.js';
import { defineFileRule } from '../rule.js';

export const finalNewline = defineFileRule({
  scope: 'file',
  needsDocument: false,
  meta: {
    id: 'final-newline',
    description: 'Require a line break at the end of the file',
    defaultSeverity: 'error',
    fix: 'safe',
    optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: {
      missing: 'No newline at end of file.',
    },
    docs: {
      whatItDoes: 'Reports a file whose last line has no line break after it. Empty files are not reported.',
      why: 'POSIX tools expect text files to end with a newline; without it, `cat` runs files together and git shows "\\ No newline at end of file" in every diff of the last line.',
      example: 'None<EOF>',
      useInstead: 'None\\n<EOF>',
      fixSafety: 'Safe: a final line break does not change the document. `--fix` checks this by re-publishing.',
      compatibility: 'doc8 D005 (reports exactly its lines).',
    },
  },
  create(context) {
    return {
      source(source) {
        const last = source.lines[source.lines.length - 1];
        if (!last || last.terminator !== '') return;
        const column = codePointLength(last.text) + 1;
        context.report({
          messageId: 'missing',
          line: last.number,
          column,
          endColumn: column,
          fix: {
            description: 'Add a line break at the end of the file',
            edits: [{ start: source.text.length, end: source.text.length, text: '\n' }],
          },
        });
      },
    };
  },
});
