/**
 * no-zero-width-space: U+200B ZERO WIDTH SPACE anywhere in the file (the
 * nova-specs tests' `_check_no_zwsp`).
 */
import { codePointLength } from '../../rst/python-text.js';
import { defineFileRule } from '../rule.js';

const ZERO_WIDTH_SPACE = '\u200b';

export const noZeroWidthSpace = defineFileRule({
  scope: 'file',
  needsDocument: false,
  meta: {
    id: 'no-zero-width-space',
    description: 'Disallow invisible zero-width spaces (U+200B)',
    defaultSeverity: 'error',
    fix: 'none',
    optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: {
      found: 'Zero-width space (U+200B).',
    },
    docs: {
      whatItDoes: 'Reports every U+200B ZERO WIDTH SPACE character.',
      why: 'Zero-width spaces arrive by copying from web pages and word processors. They are invisible in review, break searches, and inside markup or URLs they silently change what docutils sees. nova-specs\' tests reject them.',
      example: 'Use the\u200b --force option.  (an invisible character after "the")',
      useInstead: 'Use the --force option.',
      fixSafety: 'No automatic fix: removing the character changes the document text, so it cannot pass the tree-equality check. Delete it by hand (search for \\u200b).',
      compatibility: 'nova-specs tests/test_titles.py `_check_no_zwsp` (fails the file if anything is reported). watcher-specs does not check this; turn the rule off to match it exactly.',
    },
  },
  create(context) {
    return {
      source(source) {
        for (const line of source.lines) {
          let index = line.text.indexOf(ZERO_WIDTH_SPACE);
          while (index !== -1) {
            const column = codePointLength(line.text.slice(0, index)) + 1;
            context.report({ messageId: 'found', line: line.number, column, endColumn: column + 1 });
            index = line.text.indexOf(ZERO_WIDTH_SPACE, index + 1);
          }
        }
      },
    };
  },
});
