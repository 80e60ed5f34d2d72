/**
 * rst-syntax: docutils' own complaints about the markup (unknown roles,
 * unclosed inline markup, title underlines too short, bad indentation...),
 * with the engine's exact text and line.
 */
import type { Document } from '../../rst/document.js';
import { sphinxWarnings } from '../../rst/sphinx/environment.js';
import { sphinxBuildWarnings } from '../../rst/sphinx/build-warnings.js';
import type { Element, Node } from '../../rst/nodes.js';
import { codePointLength, columnWidth } from '../../rst/python-text.js';
import type { TextEdit } from '../diagnostic.js';
import { defineFileRule } from '../rule.js';
import type { SourceText } from '../source-text.js';

export interface RstSyntaxOptions {
  /** Lowest docutils level reported. */
  readonly level: 'warning' | 'error' | 'severe';
  /** Which roles and directives are known. */
  readonly profile: 'sphinx' | 'docutils';
}

const LEVELS: Record<RstSyntaxOptions['level'], number> = { warning: 2, error: 3, severe: 4 };

const UNDERLINE_TOO_SHORT = 'Title underline too short.';
const OVERLINE_TOO_SHORT = 'Title overline too short.';
/** docutils' adornment characters: a line of one of them, repeated. */
const ADORNMENT = /^([!-\/:-@[-`{-~])\1*\s*$/;

function adornmentOf(text: string | undefined): string | null {
  if (text === undefined) return null;
  const match = ADORNMENT.exec(text);
  return match ? match[1]! : null;
}

/** Edits that lengthen a short title adornment to the title's width (docutils' column width). */
function adornmentFix(source: SourceText, message: string, line: number): TextEdit[] | null {
  const replace = (lineNumber: number, character: string, width: number): TextEdit => {
    const target = source.line(lineNumber)!;
    return { start: target.offset, end: target.offset + target.text.length, text: character.repeat(width) };
  };
  if (message === UNDERLINE_TOO_SHORT) {
    const underline = source.line(line);
    const title = source.line(line - 1);
    const character = adornmentOf(underline?.text);
    if (!underline || !title || !character || title.text.trim() === '') return null;
    const above = source.line(line - 2);
    if (above && adornmentOf(above.text) !== null && above.text.trim() !== '') return null;
    return [replace(line, character, columnWidth(title.text.trimEnd()))];
  }
  if (message === OVERLINE_TOO_SHORT) {
    const overline = source.line(line);
    const title = source.line(line + 1);
    const underline = source.line(line + 2);
    const character = adornmentOf(overline?.text);
    if (!overline || !title || !underline || !character || adornmentOf(underline.text) !== character) return null;
    const width = columnWidth(title.text.trimEnd());
    return [replace(line, character, width), replace(line + 2, character, width)];
  }
  return null;
}

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
    fix: 'safe',
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
      sphinx: '{{text}}',
    },
    docs: {
      whatItDoes:
        'Reports the system messages docutils produces while reading the spec — at level `warning` (2) and above by default — with docutils\' exact text and line: unknown roles and directives, inline markup left open, title underlines shorter than the title, inconsistent title levels, lists and blocks that end without a blank line, duplicate targets, and so on.',
      why: 'Each message is a place where the published spec differs from what its author meant: markup shown literally, a section at the wrong level, a broken link. Sphinx reports the same problems when the specs site is built, usually long after review.',
      example: 'Problem description\n==========\n\nThe *scheduler ignores the hint.',
      useInstead: 'Problem description\n===================\n\nThe *scheduler* ignores the hint.',
      options:
        '- `level` (`"warning"`, `"error"` or `"severe"`, default `"warning"`): the lowest docutils level reported.\n' +
        '- `profile` (`"sphinx"` or `"docutils"`, default `"sphinx"`): which roles and directives exist. `sphinx` is Sphinx\'s own set plus the extensions the repository loads (read from `doc/source/conf.py`, or `[sphinx] extensions`), and adds Sphinx\'s own warnings (a toctree entry naming a missing document, a footnote nothing refers to, a `json` block with characters JSON has no token for, a code block in a language Pygments does not know, a `:doc:` reference to a document the project does not have, ...); `docutils` is plain docutils, where `:ref:` or `.. toctree::` are errors.',
      fixSafety:
        'Only "Title underline too short." and "Title overline too short." have a fix: the adornment (both lines of an overlined title) is made exactly as long as the title, in docutils\' column width (East Asian wide characters count two). Safe: the title stays a title at the same level; `--fix` checks that the re-published tree equals the original apart from the warning.',
      compatibility: 'doc8 D000 reports levels 2 to 4 too; in its Sphinx mode (its default) doc8 ignores every unknown role and directive, where specwright knows Sphinx\'s and the extensions\' and reports the others.',
    },
  },
  create(context) {
    const threshold = LEVELS[context.options.level];
    const docutilsProfile = context.options.profile === 'docutils';
    return {
      document(published: Document) {
        const source = context.file.source;
        // The runner publishes with the sphinx profile; plain docutils needs its own tree.
        const document = docutilsProfile ? context.publish(source.text, context.file.path, 'docutils') : published;
        for (const node of document.findall('system_message')) {
          if (!isElement(node)) continue;
          const level = Number(node.attributes.level);
          if (!(level >= threshold)) continue;
          const text = messageText(node);
          const rawLine = node.attributes.line;
          const line = typeof rawLine === 'number' && rawLine >= 1 ? Math.min(rawLine, Math.max(source.lines.length, 1)) : 1;
          const edits = adornmentFix(source, text, line);
          context.report({
            messageId: 'message',
            data: { text },
            line,
            column: 1,
            endColumn: codePointLength(source.line(line)?.text ?? '') + 1,
            ...(edits ? { fix: { description: 'Make the title adornment as long as the title', edits } } : {}),
          });
        }
        // Sphinx's own warnings (logger.warning) are warnings: reported from the default level.
        if (docutilsProfile || threshold > LEVELS.warning) return;
        // A Sphinx build adds its read transforms', reference resolution's and HTML writer's checks to the parse's warnings.
        for (const warning of [...sphinxWarnings(document), ...sphinxBuildWarnings(document)]) {
          const elsewhere = warning.source !== null && warning.source !== context.file.path && warning.source !== context.file.displayPath;
          const line = !elsewhere && warning.line !== null && warning.line >= 1 ? Math.min(warning.line, Math.max(source.lines.length, 1)) : 1;
          context.report({
            messageId: 'sphinx',
            data: { text: elsewhere ? `${warning.message} (in ${warning.source})` : warning.message },
            line,
            column: 1,
          });
        }
      },
    };
  },
});
