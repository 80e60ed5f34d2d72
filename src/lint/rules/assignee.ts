/**
 * assignee: the spec names its primary assignee.
 */
import type { Element, Node } from '../../rst/nodes.js';
import { findSection, isElement, normalizeText, sectionBody, sections } from '../../spec/spec-model.js';
import { lineContaining, nodeStart } from '../node-position.js';
import { defineFileRule } from '../rule.js';
import { isTemplateCopy, templateDocument, templateGuidance } from '../template-document.js';

const PRIMARY = /^primary\s+assignees?\s*:?\s*/i;
const TEMPLATE_PLACEHOLDER = '<launchpad-id or None>';
const NONE = /^(none|n\/a|tbd|tba|-+)\.?$/i;
/** "None" itself, which a template may offer as an answer ("<launchpad-id or None>"). */
const NONE_WORD = /^none\.?$/i;
/** Whether the template's placeholder offers "None" as an answer. */
const offersNone = (placeholder: string): boolean => /\bor\s+none\b/i.test(placeholder);

/** Whether `value` says nobody leads the work, in a way the template (its placeholder) does not offer. */
const saysNobody = (value: string, placeholder: string): boolean => NONE.test(value) && !(NONE_WORD.test(value) && offersNone(placeholder));
const ASSIGNEE_SECTION = /^assignees?(\s*\(s\))?$/i;

interface Found {
  readonly value: string;
  readonly node: Element;
}

/** The text after a "Primary assignee:" label, or in the element right after it. */
function valueAfter(label: Element, inline: string): string {
  if (inline !== '') return inline;
  const parent = label.parent;
  if (!parent) return '';
  const next = parent.children[parent.children.indexOf(label) + 1];
  return next && isElement(next) && next.tagname !== 'section' && next.tagname !== 'title' ? normalizeText(next.astext()) : '';
}

/** "Primary assignee:" as a definition list term, or a paragraph starting with it. */
function findPrimary(root: Node): Found | null {
  const visit = (node: Node): Found | null => {
    if (!isElement(node)) return null;
    if (node.tagname === 'definition_list_item') {
      const term = node.children.find((child): child is Element => isElement(child, 'term'));
      if (term && PRIMARY.test(normalizeText(term.astext()))) {
        const definition = node.children.find((child): child is Element => isElement(child, 'definition'));
        return { value: normalizeText(definition?.astext() ?? ''), node: term };
      }
    }
    if (node.tagname === 'paragraph') {
      const text = normalizeText(node.astext());
      if (PRIMARY.test(text)) return { value: valueAfter(node, text.replace(PRIMARY, '')), node };
    }
    for (const child of node.children) {
      const found = visit(child);
      if (found) return found;
    }
    return null;
  };
  return visit(root);
}

const placeholders = new WeakMap<Node, string>();

/** The template's own "Primary assignee" value (its placeholder). */
function templatePlaceholder(template: Node | null): string {
  if (!template) return TEMPLATE_PLACEHOLDER;
  let placeholder = placeholders.get(template);
  if (placeholder === undefined) {
    const found = findPrimary(template);
    placeholder = found && found.value !== '' ? found.value : TEMPLATE_PLACEHOLDER;
    placeholders.set(template, placeholder);
  }
  return placeholder;
}

export const assignee = defineFileRule({
  scope: 'file',
  needsDocument: true,
  meta: {
    id: 'assignee',
    description: 'Name the primary assignee',
    defaultSeverity: 'error',
    fix: 'none',
    optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: {
      placeholder: 'The primary assignee is still the template\'s placeholder "{{value}}".',
      none: 'The primary assignee is "{{value}}": a spec needs someone leading the work.',
      empty: 'The primary assignee is empty.',
      missing: 'The "{{section}}" section names nobody.',
    },
    docs: {
      whatItDoes:
        'Looks in the "Assignee(s)" section for "Primary assignee:" — a definition list term, or a paragraph that starts with it, with the name after it or in the next block — and reports it when it is empty, still the template\'s placeholder ("<launchpad-id or None>"), or a way of saying nobody ("TBD", "N/A", "-"). "None" is accepted when the template\'s placeholder offers it, as the OpenStack templates do ("<launchpad-id or None>"); with a template that does not, it is reported too. A section without the label passes if it names someone in other words (anything but the template\'s guidance text).',
      why: 'The template asks "Who is leading the writing of the code?". Reviewers and release managers need a contact, and an unassigned spec is a sign the work will not happen this cycle.',
      example: 'Primary assignee:\n  <launchpad-id or None>',
      useInstead: 'Primary assignee:\n  jdoe',
    },
  },
  create(context) {
    if (!context.file.location || isTemplateCopy(context.file.path)) return {};
    const located = context.template();
    return {
      document(document) {
        const all = sections(document);
        const section = all.find((candidate) => ASSIGNEE_SECTION.test(normalizeText(candidate.name))) ?? findSection(all, 'Assignee(s)');
        if (!section) return; // template-sections reports a missing section
        const source = context.file.source;
        const template = located ? templateDocument(located.source, (text, path) => context.publish(text, path)) : null;
        const found = findPrimary(section.element);
        const placeholder = normalizeText(templatePlaceholder(template));
        if (!found) {
          const guidance = template ? templateGuidance(template, 1) : new Set<string>();
          const said = sectionBody(section.element)
            .filter((node) => !(isElement(node, 'paragraph') && guidance.has(normalizeText(node.astext()))))
            .map((node) => normalizeText(node.astext()))
            .join(' ')
            .trim();
          const at = (section.title && nodeStart(section.title, source)) ?? { line: 1, column: 1 };
          if (said === '') context.report({ messageId: 'missing', data: { section: section.name }, line: at.line, column: at.column });
          else if (saysNobody(said, placeholder)) context.report({ messageId: 'none', data: { value: said }, line: at.line, column: at.column });
          return;
        }
        const label = normalizeText(found.node.astext()).replace(/:.*$/, '');
        const at = lineContaining(source, nodeStart(found.node, source) ?? { line: 1, column: 1 }, label);
        if (found.value === '') context.report({ messageId: 'empty', line: at.line, column: at.column });
        else if (found.value === placeholder || found.value === TEMPLATE_PLACEHOLDER) context.report({ messageId: 'placeholder', data: { value: found.value }, line: at.line, column: at.column });
        else if (saysNobody(found.value, placeholder)) context.report({ messageId: 'none', data: { value: found.value }, line: at.line, column: at.column });
      },
    };
  },
});
