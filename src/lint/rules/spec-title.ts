/**
 * spec-title: the spec has a document title of its own, not the template's
 * example title.
 */
import { documentTitle, normalizeText } from '../../spec/spec-model.js';
import { nodeStart } from '../node-position.js';
import { defineFileRule } from '../rule.js';
import { isTemplateCopy, templateDocument } from '../template-document.js';

export const specTitle = defineFileRule({
  scope: 'file',
  needsDocument: true,
  meta: {
    id: 'spec-title',
    description: 'Give the spec a title of its own',
    defaultSeverity: 'error',
    fix: 'none',
    optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: {
      placeholder: 'The title is still the template\'s example title "{{title}}".',
      missing: 'The spec has no document title: start it with a title adorned above and below, e.g. "====\\nName\\n====".',
    },
    docs: {
      whatItDoes:
        'Reports a spec whose document title is the template\'s ("Example Spec - The title of your blueprint"), and a spec without a document title — docutils promotes the first section title to document title only when it is the lone top-level section, so a spec whose title uses the same adornment as its sections has none.',
      why: 'The title names the spec in the published site and in the commit message; the template\'s example title says nothing, and a missing title turns the spec\'s first heading into a section and shifts the whole outline.',
      example: '==========================================\nExample Spec - The title of your blueprint\n==========================================',
      useInstead: '=====================================\nLive migration of instances with vTPM\n=====================================',
    },
  },
  create(context) {
    if (!context.file.location || isTemplateCopy(context.file.path)) return {};
    const located = context.template();
    return {
      document(document) {
        const title = documentTitle(document);
        if (!title) {
          context.report({ messageId: 'missing', line: 1 });
          return;
        }
        if (!located) return;
        const template = templateDocument(located.source, (text, path) => context.publish(text, path));
        const example = documentTitle(template);
        if (example && normalizeText(example.astext()) === normalizeText(title.astext())) {
          const at = nodeStart(title, context.file.source) ?? { line: 1, column: 1 };
          context.report({ messageId: 'placeholder', data: { title: normalizeText(title.astext()) }, line: at.line, column: at.column });
        }
      },
    };
  },
});
