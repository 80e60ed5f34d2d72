/**
 * A spec's section outline as the spec repositories' tests see it
 * (tests/test_titles.py `_get_titles`): the raw source text of the title
 * of each top-level section of the published document, and for each, the
 * titles of its direct subsections.
 *
 * Top-level means a direct child of the document after docutils' default
 * transforms, so a promoted document title (and subtitle) is not a
 * section. When two top-level sections have the same title the later one's
 * subsections win, in the first one's place — Python's dict assignment.
 *
 * The "Docutils System Messages" section docutils appends for messages
 * raised by transforms (its title has no source text) is not part of the
 * outline: the parity harness publishes quietly, so it never sees it.
 */
import type { Document } from '../rst/document.js';
import type { Element, Node } from '../rst/nodes.js';

export interface OutlineSection {
  readonly name: string;
  readonly subsections: readonly string[];
  /** The section's title element (of the later section for duplicates). */
  readonly title: Element | null;
  /** Title elements of the subsections, in order. */
  readonly subsectionTitles: readonly (Element | null)[];
}

export type SectionOutline = ReadonlyMap<string, OutlineSection>;

function isElement(node: Node, tagname: string): node is Element {
  return node.isElement() && (node as Element).tagname === tagname;
}

/** `_get_title`: the section's title text and its direct subsections' titles. */
function readSection(section: Element): { name: string; title: Element | null; subsections: Array<{ name: string; title: Element | null }> } {
  let name = '';
  let title: Element | null = null;
  const subsections: Array<{ name: string; title: Element | null }> = [];
  for (const child of section.children) {
    if (isElement(child, 'title')) {
      name = child.rawsource;
      title = child;
    } else if (isElement(child, 'section')) {
      const inner = readSection(child);
      subsections.push({ name: inner.name, title: inner.title });
    }
  }
  return { name, title, subsections };
}

const SYSTEM_MESSAGES_CLASS = 'system-messages';

function isSystemMessagesSection(section: Element): boolean {
  const classes = section.attributes.classes;
  return Array.isArray(classes) && classes.includes(SYSTEM_MESSAGES_CLASS);
}

export function sectionOutline(document: Document): SectionOutline {
  const outline = new Map<string, OutlineSection>();
  for (const child of document.children) {
    if (!isElement(child, 'section') || isSystemMessagesSection(child)) continue;
    const section = readSection(child);
    outline.set(section.name, {
      name: section.name,
      subsections: section.subsections.map((subsection) => subsection.name),
      title: section.title,
      subsectionTitles: section.subsections.map((subsection) => subsection.title),
    });
  }
  return outline;
}

export interface OutlineDifference {
  readonly missingSections: readonly string[];
  readonly extraSections: readonly string[];
  /** Per template section (in template order): its subsections missing from the spec. */
  readonly missingSubsections: ReadonlyArray<{ readonly section: string; readonly subsections: readonly string[] }>;
}

/**
 * `_check_titles`: sections of the template missing from the spec (optional
 * ones excepted), sections of the spec the template does not have, and
 * per template section the subsections missing under the spec's section of
 * the same name (all of them when that section is missing; optional ones
 * excepted). Extra subsections are allowed.
 */
export function compareOutlines(
  template: SectionOutline,
  spec: SectionOutline,
  optional: { readonly sections: readonly string[]; readonly subsections: readonly string[] },
): OutlineDifference {
  const missingSections = [...template.keys()].filter((name) => !spec.has(name) && !optional.sections.includes(name));
  const extraSections = [...spec.keys()].filter((name) => !template.has(name));
  const missingSubsections: Array<{ section: string; subsections: string[] }> = [];
  for (const [name, section] of template) {
    const present = spec.get(name)?.subsections ?? [];
    const missing = section.subsections.filter((subsection) => !present.includes(subsection) && !optional.subsections.includes(subsection));
    if (missing.length > 0) missingSubsections.push({ section: name, subsections: missing });
  }
  return { missingSections, extraSections, missingSubsections };
}
