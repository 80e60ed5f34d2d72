/**
 * trailing-whitespace: whitespace at the end of a line (doc8 D002; the
 * spec repositories' tests fail trailing spaces).
 */
import { codePointLength, isPythonSpace } from '../../rst/python-text.js';
import { defineFileRule } from '../rule.js';

/** UTF-16 index where the run of trailing (Python) whitespace of `text` starts. */
export function trailingWhitespaceStart(text: string): number {
  let index = text.length;
  while (index > 0) {
    const code = text.charCodeAt(index - 1);
    // Whitespace is never a surrogate, so code units suffice.
    if (!isPythonSpace(code)) break;
    index--;
  }
  return index;
}

export const trailingWhitespace = defineFileRule({
  scope: 'file',
  needsDocument: false,
  meta: {
    id: 'trailing-whitespace',
    description: 'Disallow whitespace at the end of lines',
    defaultSeverity: 'error',
    fix: 'safe',
    optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: {
      trailing: 'Trailing whitespace.',
    },
    docs: {
      whatItDoes:
        'Reports lines that end in whitespace: spaces, tabs, or any other character Python counts as whitespace (no-break space, form feed, ...). Lines end at "\\n", "\\r\\n" or "\\r"; the line break itself is not trailing whitespace.',
      why: 'Trailing whitespace is invisible, makes noisy diffs and is rejected by the spec repositories\' tests (`_check_trailing_spaces`) and by doc8 (D002).',
      example: 'The proposed change adds a new API.   ',
      useInstead: 'The proposed change adds a new API.',
      fixSafety: 'Safe: docutils strips trailing whitespace from every line before parsing, so removing it never changes the document. `--fix` checks this by re-publishing.',
      compatibility: 'doc8 D002 (reports exactly its lines); tests/test_titles.py `_check_trailing_spaces` (which only looks for spaces).',
    },
  },
  create(context) {
    return {
      source(source) {
        for (const line of source.lines) {
          const start = trailingWhitespaceStart(line.text);
          if (start === line.text.length) continue;
          context.report({
            messageId: 'trailing',
            line: line.number,
            column: codePointLength(line.text.slice(0, start)) + 1,
            endColumn: codePointLength(line.text) + 1,
            fix: {
              description: 'Remove the trailing whitespace',
              edits: [{ start: line.offset + start, end: line.offset + line.text.length, text: '' }],
            },
          });
        }
      },
    };
  },
});
