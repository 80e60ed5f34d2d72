/**
 * template-text: guidance paragraphs of the template left in the spec.
 */
import type { Element } from '../../rst/nodes.js';
import { hasContent, normalizeText, paragraphs } from '../../spec/spec-model.js';
import { nodeStart } from '../node-position.js';
import { defineFileRule } from '../rule.js';
import { isGuidance, isTemplateCopy, templateDocument, templateGuidance } from '../template-document.js';

export interface TemplateTextOptions {
  /** Shorter paragraphs are not compared (they are too generic to be guidance). */
  readonly minLength: number;
}

/** A one-line paragraph ending with a colon. */
const isLabel = (paragraph: Element): boolean => {
  const text = paragraph.astext().trim();
  return text.endsWith(':') && !text.includes('\n');
};

/** Whether the block after `label` (its next sibling that says something) is the spec's own text, not the template's. */
function answeredAfter(label: Element, guidance: Set<string>): boolean {
  const siblings = label.parent?.children ?? [];
  for (let index = siblings.indexOf(label) + 1; index < siblings.length; index++) {
    const next = siblings[index]!;
    // Blocks that say nothing (comments, targets, messages): what follows a label past them is its answer.
    if (next.isElement() && !hasContent([next])) continue;
    if (!next.isElement() || next.tagname === 'section') return false;
    if (next.astext().trim() === '' || isGuidance(guidance, next.astext())) return false;
    return !paragraphs(next).some((paragraph) => isGuidance(guidance, paragraph.astext()));
  }
  return false;
}

export const templateText = defineFileRule({
  scope: 'file',
  needsDocument: true,
  meta: {
    id: 'template-text',
    description: 'Replace the template\'s guidance text with the spec\'s own',
    defaultSeverity: 'error',
    fix: 'none',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { 'min-length': { type: 'integer', minimum: 1 } },
    },
    defaultOptions: { minLength: 40 } as TemplateTextOptions,
    messages: {
      left: 'This paragraph is the template\'s guidance text: replace it with what this spec proposes.',
    },
    docs: {
      whatItDoes:
        'Reports paragraphs of the spec that are paragraphs of its template, word for word (line breaks and spacing aside): the template\'s instructions ("Describe any potential security impact on the system...") left in place of an answer. Paragraphs shorter than `min-length` characters are not compared, and neither is a template bullet the author kept as a heading with the answer nested under it, nor a one-line label of the template that ends with a colon ("Include the URL of your launchpad blueprint:") followed by the spec\'s own text. Copies of the template kept among the specs (files named `template.rst` or `<name>-template.rst`) are not checked.',
      why: 'A spec that still carries the template\'s questions has not answered them, and reviewers must read past boilerplate to find what the author wrote.',
      example: 'Security impact\n---------------\n\nDescribe any potential security impact on the system.  Some of the items to\nconsider include:',
      useInstead: 'Security impact\n---------------\n\nThe new API exposes host names to project members; it is admin-only by\ndefault policy.',
      options: '- `min-length` (integer, default 40): the shortest paragraph compared, in characters.',
    },
  },
  create(context) {
    const located = context.template();
    if (!located || isTemplateCopy(context.file.path)) return {};
    return {
      document(document) {
        const template = templateDocument(located.source, (text, path) => context.publish(text, path));
        const texts = templateGuidance(template, context.options.minLength);
        for (const paragraph of paragraphs(document)) {
          if (!isGuidance(texts, paragraph.astext())) continue;
          // A one-line label of the template ("Include the URL of your launchpad blueprint:"), kept with the spec's own answer after it.
          if (isLabel(paragraph) && answeredAfter(paragraph, texts)) continue;
          // A template bullet kept as a heading with the answer nested under it is an answer.
          const parent = paragraph.parent;
          if (parent && parent.tagname !== 'section' && parent.tagname !== 'document' && parent.children.length > 1) continue;
          const at = nodeStart(paragraph, context.file.source) ?? { line: 1, column: 1 };
          context.report({ messageId: 'left', line: at.line, column: at.column });
        }
      },
    };
  },
});
