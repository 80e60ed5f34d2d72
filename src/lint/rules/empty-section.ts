/**
 * empty-section: a section with nothing in it. The template asks for
 * "None" when a section does not apply.
 */
import { hasContent, sectionBody, sections } from '../../spec/spec-model.js';
import { nodeStart } from '../node-position.js';
import { defineFileRule } from '../rule.js';
import { isTemplateCopy } from '../template-document.js';

export const emptySection = defineFileRule({
  scope: 'file',
  needsDocument: true,
  meta: {
    id: 'empty-section',
    description: 'Write "None" in a section that does not apply instead of leaving it empty',
    defaultSeverity: 'error',
    fix: 'none',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { ignore: { type: 'array', items: { type: 'string' } } },
    },
    defaultOptions: { ignore: ['References', 'History'] } as { readonly ignore: readonly string[] },
    messages: {
      empty: 'Section "{{section}}" is empty: write "None" if it does not apply.',
    },
    docs: {
      whatItDoes:
        'Reports a section with no content and no subsections: nothing but its title (comments, targets and substitution definitions do not count as content). Sections named in `ignore` ("References" and "History" by default, which the template leaves to the author) are not reported.',
      why: 'The template says "If you have nothing to say for a whole section, just write: None". An empty section leaves reviewers wondering whether the author considered it or forgot it — for an impact section that difference matters.',
      example: 'Security impact\n---------------\n\nNotifications impact\n--------------------',
      useInstead: 'Security impact\n---------------\n\nNone\n\nNotifications impact\n--------------------',
      options: '- `ignore` (array of section titles, default `["References", "History"]`): sections that may be empty. Titles compare case-insensitively.',
    },
  },
  create(context) {
    const ignored = new Set(context.options.ignore.map((name) => name.toLowerCase()));
    if (isTemplateCopy(context.file.path)) return {};
    return {
      document(document) {
        for (const section of sections(document)) {
          if (ignored.has(section.name.trim().toLowerCase())) continue;
          const hasSubsections = section.element.children.some((child) => child.isElement() && child.tagname === 'section');
          if (hasSubsections || hasContent(sectionBody(section.element))) continue;
          const at = (section.title && nodeStart(section.title, context.file.source)) ?? { line: 1, column: 1 };
          context.report({ messageId: 'empty', data: { section: section.name }, line: at.line, column: at.column });
        }
      },
    };
  },
});
