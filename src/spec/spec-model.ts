/**
 * What a spec says, read from its published document: its title, the
 * Launchpad blueprint it implements, its sections by title, and the
 * paragraphs of text the rules compare with the template.
 */
import type { Document } from '../rst/document.js';
import type { Element, Node } from '../rst/nodes.js';

export function isElement(node: Node, tagname?: string): node is Element {
  return node.isElement() && (tagname === undefined || (node as Element).tagname === tagname);
}

/** The document title docutils promoted from the spec's lone top-level section, if any. */
export function documentTitle(document: Document): Element | null {
  for (const child of document.children) if (isElement(child, 'title')) return child;
  return null;
}

export interface SpecSection {
  readonly element: Element;
  readonly title: Element | null;
  /** The title's raw source text (as the repository tests compare titles). */
  readonly name: string;
  /** 1 for top-level sections. */
  readonly depth: number;
}

/** The document's attachment key for its sections. */
const SECTIONS = Symbol('spec sections');

/** Every section of the document, in document order (computed once per document). */
export function sections(document: Document): SpecSection[] {
  const cached = document.attachment<SpecSection[]>(SECTIONS);
  if (cached) return cached;
  const out: SpecSection[] = [];
  document.attach(SECTIONS, out);
  const visit = (node: Element, depth: number) => {
    for (const child of node.children) {
      if (!isElement(child, 'section')) continue;
      if (Array.isArray(child.attributes.classes) && child.attributes.classes.includes('system-messages')) continue;
      const title = child.children.find((grandchild): grandchild is Element => isElement(grandchild, 'title')) ?? null;
      out.push({ element: child, title, name: title?.rawsource ?? '', depth });
      visit(child, depth + 1);
    }
  };
  visit(document, 1);
  return out;
}

/** Normalises a section name for lenient matching ("REST API Impact" = "REST API impact"). */
export function normalizeName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase();
}

export function findSection(all: readonly SpecSection[], name: string): SpecSection | undefined {
  const wanted = normalizeName(name);
  return all.find((section) => normalizeName(section.name) === wanted);
}

/** A section's own body: its children other than the title and subsections. */
export function sectionBody(section: Element): Node[] {
  return section.children.filter((child) => !isElement(child, 'title') && !isElement(child, 'section'));
}

/** Elements that carry no content of their own (markup bookkeeping and messages). */
const NON_CONTENT = new Set(['comment', 'target', 'substitution_definition', 'system_message', 'pending', 'raw']);

export function hasContent(nodes: readonly Node[]): boolean {
  return nodes.some((node) => (isElement(node) ? !NON_CONTENT.has(node.tagname) : node.astext().trim() !== ''));
}

/** Whitespace collapsed, for comparing paragraphs across re-wrapping. */
export function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export const BLUEPRINT_URL = /^https?:\/\/blueprints\.launchpad\.net\/([^/\s]+)\/\+spec\/([^/\s?#]+)\/?(?:[?#].*)?$/;

export interface BlueprintReference {
  readonly project: string;
  readonly name: string;
  readonly url: string;
  readonly node: Element;
  /** Whether it sits before the first section (where the template puts it). */
  readonly inPreamble: boolean;
}

/** A reference or target with a URI, and whether it sits before the first section. */
interface Link {
  readonly uri: string;
  readonly node: Element;
  readonly inPreamble: boolean;
}

/** Elements whose text is not the spec's prose: a URL there is no link of the spec. */
const NOT_PROSE = new Set(['reference', 'target', 'comment', 'literal_block', 'raw', 'system_message', 'substitution_definition']);
/** An http(s) URL in plain text (markup that did not make it a link, such as `text <url>_` with single backquotes). */
const URL_IN_TEXT = /https?:\/\/[^\s<>`'"]+[^\s<>`'".,;:!?)\]}_]/g;

/**
 * The document's references and targets with a URI, and the URLs its prose
 * shows without linking them, in document order.
 */
function links(document: Document): Link[] {
  const out: Link[] = [];
  let sawSection = false;
  const visit = (node: Element) => {
    if (node.tagname === 'section') sawSection = true;
    if (node.tagname === 'reference' || node.tagname === 'target') {
      const uri = node.attributes.refuri;
      if (typeof uri === 'string') out.push({ uri, node, inPreamble: !sawSection });
    }
    for (const child of node.children) {
      if (isElement(child)) visit(child);
      else if (!NOT_PROSE.has(node.tagname)) {
        const text = child.astext();
        if (!text.includes('http')) continue;
        for (const match of text.matchAll(URL_IN_TEXT)) out.push({ uri: match[0], node, inPreamble: !sawSection });
      }
    }
  };
  visit(document);
  return out;
}

/** Launchpad blueprint links of the document, in order. */
export function blueprintReferences(document: Document): BlueprintReference[] {
  const out: BlueprintReference[] = [];
  for (const { uri, node, inPreamble } of links(document)) {
    const match = BLUEPRINT_URL.exec(uri);
    if (match) out.push({ project: match[1]!, name: decodeURIComponent(match[2]!), url: uri, node, inPreamble });
  }
  return out;
}

/**
 * Links to a Launchpad bug (https://bugs.launchpad.net/<project>/+bug/<n>,
 * https://launchpad.net/bugs/<n>) or a StoryBoard story: how specs tracked
 * by an RFE bug or a story instead of a blueprint (neutron-specs,
 * ironic-specs) say what they are for.
 */
export const TRACKER_URL = /^https?:\/\/(?:(?:bugs\.)?launchpad\.net\/(?:[^/\s]+\/)?(?:\+bug|bugs)\/\d+|storyboard\.openstack\.org\/#!\/story\/\d+)\/?(?:[?#].*)?$/;

/** Whether the document links a bug or story (TRACKER_URL) before its first section. */
export function hasTrackerInPreamble(document: Document): boolean {
  return links(document).some((link) => link.inPreamble && TRACKER_URL.test(link.uri));
}

/** Paragraph elements under `root` (any depth), in document order. */
export function paragraphs(root: Node): Element[] {
  const out: Element[] = [];
  const visit = (node: Node) => {
    if (!isElement(node)) return;
    if (node.tagname === 'paragraph') out.push(node);
    for (const child of node.children) visit(child);
  };
  visit(root);
  return out;
}
