/**
 * rst-syntax: docutils' own complaints about the markup (unknown roles,
 * unclosed inline markup, title underlines too short, bad indentation...),
 * with the engine's exact text and line.
 */
import type { Document } from '../../rst/document.js';
import type { Element, Node } from '../../rst/nodes.js';
import { codePointLength } from '../../rst/python-text.js';
import { defineFileRule } from '../rule.js';

export interface RstSyntaxOptions {
  /** Lowest docutils level reported. */
  readonly level: 'warning' | 'error' | 'severe';
  /** Which roles and directives are known. */
  readonly profile: 'sphinx' | 'docutils';
}

const LEVELS: Record<RstSyntaxOptions['level'], number> = { warning: 2, error: 3, severe: 4 };

/**
 * Messages about things Sphinx (and its extensions) provide and plain
 * docutils does not: doc8's list for its Sphinx mode. Used in the `sphinx`
 * profile until the engine knows Sphinx's roles and directives itself.
 */
const SPHINX_PROVIDED: readonly RegExp[] = [
  /^Unknown interpreted text role/,
  /^Unknown directive type/,
  /^Undefined substitution/,
  /^Substitution definition contains illegal element/,
  /^Error in "code-block" directive:\nunknown option: "(caption|emphasize-lines|linenos|lineno-start|dedent|force|substitutions)"/,
  /^Error in "math" directive:\nunknown option: "(label|nowrap)"/,
];

function isElement(node: Node): node is Element {
  return node.isElement();
}

/** docutils' message text: the system message's first child (its paragraph). */
function messageText(message: Element): string {
  const first = message.children[0];
  return first ? first.astext() : '';
}

export const rstSyntax = defineFileRule({
  scope: 'file',
  needsDocument: true,
  meta: {
    id: 'rst-syntax',
    description: 'Report docutils\' warnings and errors about the markup',
    defaultSeverity: 'error',
    fix: 'none',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        level: { type: 'string', enum: ['warning', 'error', 'severe'] },
        profile: { type: 'string', enum: ['sphinx', 'docutils'] },
      },
    },
    defaultOptions: { level: 'warning', profile: 'sphinx' } as RstSyntaxOptions,
    messages: {
      message: '{{text}}',
    },
    docs: {
      whatItDoes:
        'Reports the system messages docutils produces while reading the spec — at level `warning` (2) and above by default — with docutils\' exact text and line: unknown roles and directives, inline markup left open, title underlines shorter than the title, inconsistent title levels, lists and blocks that end without a blank line, duplicate targets, and so on.',
      why: 'Each message is a place where the published spec differs from what its author meant: markup shown literally, a section at the wrong level, a broken link. Sphinx reports the same problems when the specs site is built, usually long after review.',
      example: 'Problem description\n==========\n\nThe *scheduler ignores the hint.',
      useInstead: 'Problem description\n===================\n\nThe *scheduler* ignores the hint.',
      options:
        '- `level` (`"warning"`, `"error"` or `"severe"`, default `"warning"`): the lowest docutils level reported.\n' +
        '- `profile` (`"sphinx"` or `"docutils"`, default `"sphinx"`): which roles and directives exist. The engine does not know Sphinx\'s own roles and directives yet; until it does, `sphinx` drops the messages doc8 drops in its Sphinx mode (unknown roles, directives and substitutions, and Sphinx-only options of `code-block` and `math`).',
      compatibility: 'doc8 D000 (which reports levels 2 to 4, in Sphinx mode by default).',
    },
  },
  create(context) {
    const threshold = LEVELS[context.options.level];
    const sphinx = context.options.profile === 'sphinx';
    return {
      document(document: Document) {
        const source = context.file.source;
        for (const node of document.findall('system_message')) {
          if (!isElement(node)) continue;
          const level = Number(node.attributes.level);
          if (!(level >= threshold)) continue;
          const text = messageText(node);
          if (sphinx && SPHINX_PROVIDED.some((pattern) => pattern.test(text))) continue;
          const rawLine = node.attributes.line;
          const line = typeof rawLine === 'number' && rawLine >= 1 ? Math.min(rawLine, Math.max(source.lines.length, 1)) : 1;
          context.report({
            messageId: 'message',
            data: { text },
            line,
            column: 1,
            endColumn: codePointLength(source.line(line)?.text ?? '') + 1,
          });
        }
      },
    };
  },
});
