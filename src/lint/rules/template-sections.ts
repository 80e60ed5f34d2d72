/**
 * template-sections: the spec has the template's sections, as the spec
 * repositories' tests/test_titles.py demands.
 */
import type { Document } from '../../rst/document.js';
import { compareOutlines, sectionOutline, type SectionOutline } from '../../spec/outline.js';
import type { TemplateSource } from '../../spec/repository.js';
import { closest } from '../../spec/suggest.js';
import { nodeStart } from '../node-position.js';
import { templateDocument } from '../template-document.js';
import { defineFileRule } from '../rule.js';

const templateOutlines = new WeakMap<TemplateSource, SectionOutline>();

export interface TemplateSectionsOptions {
  /** Let a spec add top-level sections the template does not have (repositories whose test only asserts the template's). */
  readonly allowExtraSections: boolean;
}

function quoted(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(', ');
}

export const templateSections = defineFileRule({
  scope: 'file',
  needsDocument: true,
  meta: {
    id: 'template-sections',
    description: 'Require the sections and subsections of the release template',
    defaultSeverity: 'error',
    fix: 'none',
    optionsSchema: { type: 'object', additionalProperties: false, properties: { 'allow-extra-sections': { type: 'boolean' } } },
    defaultOptions: { allowExtraSections: false } as TemplateSectionsOptions,
    messages: {
      missingSection: 'Missing section "{{section}}"{{withSubsections}}: the template {{template}} has it.',
      extraSection: 'Section "{{section}}" is not in the template {{template}}.',
      extraSectionSuggestion: 'Section "{{section}}" is not in the template {{template}}; did you mean "{{suggestion}}"?',
      missingSubsection: 'Section "{{section}}" is missing subsection "{{subsection}}" of the template {{template}}.',
    },
    docs: {
      whatItDoes:
        'Compares the spec\'s sections with its template\'s, exactly as the spec repositories\' tests/test_titles.py does. The template is `specs/<release>-template.rst`, else `specs/template.rst`, else the embedded Watcher template. Both are published with docutils\' defaults (the document title promoted); the names compared are the raw source text of the titles of the top-level sections and, for each, of its direct subsections.\n\n' +
        'Reported: a top-level template section missing from the spec (optional sections excepted, "History" by default); a top-level spec section the template does not have; a template subsection missing under the spec\'s section of the same name (optional subsections excepted). Extra subsections are allowed.',
      why: 'Reviewers rely on every spec answering the same questions in the same places; the template\'s sections are that checklist, and the spec repositories\' tests fail a spec that drops or renames one. If a section does not apply, keep it and write "None".',
      example: 'Proposed change\n===============\n\nAlternatives\n------------\n\nNone\n\n(no "Data model impact", "REST API impact", ... subsections)',
      useInstead: 'Proposed change\n===============\n\nAlternatives\n------------\n\nNone\n\nData model impact\n-----------------\n\nNone\n\n...',
      options:
        '- `allow-extra-sections` (boolean, default false): do not report top-level sections the template does not have, for repositories whose test only asserts that the template\'s sections are there (keystone-specs).\n\nThe template is configured with `[template]`: `optional-sections` (default `["History"]`), `optional-subsections` (default none), `path` (an explicit template file), and per release `[template.release.<name>]` with the same keys, replacing the global values.',
      compatibility: 'tests/test_titles.py `_check_titles` of nova-specs and watcher-specs (with nova\'s optional subsections configured).',
    },
  },
  create(context) {
    const located = context.template();
    if (!located) return {};
    const { source: template, settings } = located;
    return {
      document(document: Document) {
        let templateOutline = templateOutlines.get(template);
        if (!templateOutline) {
          templateOutline = sectionOutline(templateDocument(template, (text, path) => context.publish(text, path)));
          templateOutlines.set(template, templateOutline);
        }
        const specOutline = sectionOutline(document);
        const difference = compareOutlines(templateOutline, specOutline, {
          sections: settings.optionalSections,
          subsections: settings.optionalSubsections,
        });
        const source = context.file.source;
        const lastLine = Math.max(source.lines.length, 1);
        const titleLine = (name: string) => {
          const title = specOutline.get(name)?.title;
          return (title && nodeStart(title, source)) ?? null;
        };
        const templateOrder = [...templateOutline.keys()];
        for (const missing of difference.missingSections) {
          // Point at the next template section the spec has, where the missing one belongs.
          const following = templateOrder.slice(templateOrder.indexOf(missing) + 1).find((name) => specOutline.has(name));
          const at = (following !== undefined ? titleLine(following) : null) ?? { line: lastLine, column: 1 };
          const subsections = templateOutline.get(missing)?.subsections ?? [];
          context.report({
            messageId: 'missingSection',
            data: {
              section: missing,
              template: template.name,
              withSubsections: subsections.length > 0 ? ` (with subsections ${quoted(subsections)})` : '',
            },
            line: at.line,
            column: at.column,
          });
        }
        for (const extra of context.options.allowExtraSections ? [] : difference.extraSections) {
          const at = titleLine(extra) ?? { line: 1, column: 1 };
          const suggestion = closest(extra, difference.missingSections);
          context.report({
            messageId: suggestion === undefined ? 'extraSection' : 'extraSectionSuggestion',
            data: { section: extra, template: template.name, suggestion: suggestion ?? '' },
            line: at.line,
            column: at.column,
          });
        }
        for (const { section, subsections } of difference.missingSubsections) {
          // A missing section's subsections were named with it; an optional
          // missing section's are still required, as in the repository tests.
          if (difference.missingSections.includes(section)) continue;
          const at = titleLine(section) ?? { line: lastLine, column: 1 };
          for (const subsection of subsections) {
            context.report({
              messageId: 'missingSubsection',
              data: { section, subsection, template: template.name },
              line: at.line,
              column: at.column,
            });
          }
        }
      },
    };
  },
});
