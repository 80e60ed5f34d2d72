/**
 * no-tabs: tab characters in indentation (doc8 D003), or anywhere with
 * the `anywhere` option.
 */
import { codePointLength, expandTabs, isPythonSpace } from '../../rst/python-text.js';
import { defineFileRule } from '../rule.js';

export interface NoTabsOptions {
  /** Also report tabs after the indentation. */
  readonly anywhere: boolean;
}

/** docutils expands tabs to the next multiple of 8 columns before parsing. */
const DOCUTILS_TAB_WIDTH = 8;
const TAB = '\t';

function indentationEnd(text: string): number {
  let index = 0;
  while (index < text.length && isPythonSpace(text.charCodeAt(index))) index++;
  return index;
}

export const noTabs = defineFileRule({
  scope: 'file',
  needsDocument: false,
  meta: {
    id: 'no-tabs',
    description: 'Disallow tabs in indentation',
    defaultSeverity: 'error',
    fix: 'safe',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { anywhere: { type: 'boolean' } },
    },
    defaultOptions: { anywhere: false } as NoTabsOptions,
    messages: {
      indentation: 'Tab used for indentation.',
      inText: 'Tab character.',
    },
    docs: {
      whatItDoes:
        'Reports lines whose indentation contains a tab. With `anywhere = true`, tabs after the indentation are reported too.',
      why: 'reStructuredText structure depends on indentation, and docutils expands each tab to the next multiple of 8 columns — rarely what the author saw in an editor set to 4. Spaces make the structure visible.',
      example: '*\tFirst item\n\tcontinued',
      useInstead: '* First item\n  continued',
      fixSafety: 'Safe: the fix expands tabs to 8-column tab stops exactly as docutils does before parsing, so the document does not change. `--fix` checks this by re-publishing.',
      options: '- `anywhere` (boolean, default false): report tabs anywhere on the line, not only in its indentation.',
      compatibility: 'doc8 D003 (reports exactly its lines with the default options).',
    },
  },
  create(context) {
    return {
      source(source) {
        for (const line of source.lines) {
          const tab = line.text.indexOf(TAB);
          if (tab === -1) continue;
          const indentEnd = indentationEnd(line.text);
          const inIndentation = tab < indentEnd;
          if (!inIndentation && !context.options.anywhere) continue;
          const fixedEnd = context.options.anywhere ? line.text.length : indentEnd;
          context.report({
            messageId: inIndentation ? 'indentation' : 'inText',
            line: line.number,
            column: codePointLength(line.text.slice(0, tab)) + 1,
            endColumn: codePointLength(line.text.slice(0, tab)) + 2,
            fix: {
              description: 'Expand tabs to spaces (8-column tab stops)',
              edits: [
                {
                  start: line.offset,
                  end: line.offset + fixedEnd,
                  text: expandTabs(line.text.slice(0, fixedEnd), DOCUTILS_TAB_WIDTH),
                },
              ],
            },
          });
        }
      },
    };
  },
});
