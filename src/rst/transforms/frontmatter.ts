/**
 * Front matter (docutils.transforms.frontmatter): promoting a lone top
 * section's title to the document title (and a lone subsection's to the
 * subtitle), and turning a leading bibliographic field list into docinfo.
 */
import type { Document } from '../document.js';
import { Element, Node, Text, fullyNormalizeName, makeId } from '../nodes.js';
import { PY_DIGIT, strip } from '../python-text.js';
import { TransformCrash, findallLive, type TransformContext, type TransformDefinition } from './transform.js';

const MODULE = 'docutils.transforms.frontmatter';

/** docutils' TitlePromoter.candidate_index: the lone section after the pre-bibliographic elements. */
function candidateIndex(node: Element): [Element, number] | null {
  const index = node.firstChildNotMatchingClass('PreBibliographic');
  if (index === null || node.children.length > index + 1 || !node.children[index]!.is('section')) return null;
  return [node.children[index] as Element, index];
}

/**
 *     <node><section><title>…</title>…</section></node>
 *   → <node><title>…</title>…</node>
 */
function promoteTitle(node: Element): boolean {
  if (node.children.length > 0 && node.children[0]!.is('title')) {
    throw new TransformCrash('AssertionError', 'the node already has a title', 'TitlePromoter');
  }
  const candidate = candidateIndex(node);
  if (!candidate) return false;
  const [section, index] = candidate;
  node.updateAllAttsConcatenating(section, true, true);
  const children: Node[] = [
    ...section.children.slice(0, 1),
    ...node.children.slice(0, index),
    ...section.children.slice(1),
  ];
  node.splice(0, node.children.length, children);
  return true;
}

/**
 *     <node><title/><section><title>…</title>…</section></node>
 *   → <node><title/><subtitle>…</subtitle>…</node>
 */
function promoteSubtitle(node: Element): boolean {
  const candidate = candidateIndex(node);
  if (!candidate) return false;
  const [subsection, index] = candidate;
  const subtitle = new Element('subtitle');
  subtitle.updateAllAttsConcatenating(subsection, true, true);
  const title = subsection.children[0] as Element;
  subtitle.splice(0, subtitle.children.length, [...title.children]);
  // Not docutils': where the subtitle is in the text (the title it was made from).
  subtitle.position = title.position;
  const children: Node[] = [
    ...node.children.slice(0, 1),
    subtitle,
    ...node.children.slice(1, index),
    ...subsection.children.slice(1),
  ];
  node.splice(0, node.children.length, children);
  return true;
}

/** Promotes the document title and subtitle and sets the document's `title` attribute. */
export const DocTitle: TransformDefinition = {
  name: `${MODULE}.DocTitle`,
  defaultPriority: 320,
  apply({ document }) {
    if (document.settings.doctitleXform ?? true) {
      if (promoteTitle(document)) promoteSubtitle(document);
    }
    if (!document.has('title')) {
      if (document.settings.title !== null && document.settings.title !== undefined) {
        document.set('title', document.settings.title);
      } else if (document.children.length > 0 && document.children[0]!.is('title')) {
        document.set('title', document.children[0]!.astext());
      }
    }
  },
};

/** Promotes lone subsection titles to section subtitles (off unless `sectsubtitleXform`). */
export const SectionSubTitle: TransformDefinition = {
  name: `${MODULE}.SectionSubTitle`,
  defaultPriority: 350,
  apply({ document }) {
    if (!(document.settings.sectsubtitleXform ?? true)) return;
    for (const section of findallLive(document, 'section')) promoteSubtitle(section as Element);
  },
};

// ---- DocInfo -----------------------------------------------------------------

/** Canonical bibliographic field name → node kind. */
const BIBLIO_NODES: Readonly<Record<string, string>> = {
  author: 'author',
  authors: 'authors',
  organization: 'organization',
  address: 'address',
  contact: 'contact',
  version: 'version',
  revision: 'revision',
  status: 'status',
  date: 'date',
  copyright: 'copyright',
  dedication: 'topic',
  abstract: 'topic',
};

const TEXT_ELEMENT_FIELDS = new Set([
  'author',
  'organization',
  'address',
  'contact',
  'version',
  'revision',
  'status',
  'date',
  'copyright',
]);

/** docutils' RCS keyword clean-ups: `$Date: …$` → ISO date, `$RCSfile: x,v $` → x, `$Keyword: text $` → text. */
const RCS_KEYWORD_SUBSTITUTIONS: readonly [RegExp, string][] = [
  [
    new RegExp(
      `\\$Date: ([${PY_DIGIT}][${PY_DIGIT}][${PY_DIGIT}][${PY_DIGIT}])[-/]([${PY_DIGIT}][${PY_DIGIT}])[-/]([${PY_DIGIT}][${PY_DIGIT}])[ T][${PY_DIGIT}:]+[^$]* \\$`,
      'giu',
    ),
    '$1-$2-$3',
  ],
  [/\$RCSfile: (.+),v \$/giu, '$1'],
  [/\$[a-zA-Z]+: (.+) \$/gu, '$1'],
];

/** docutils.utils.clean_rcs_keywords. */
export function cleanRcsKeywords(paragraph: Element): void {
  if (paragraph.children.length !== 1 || !(paragraph.children[0] instanceof Text)) return;
  const data = (paragraph.children[0] as Text).data;
  for (const [pattern, substitution] of RCS_KEYWORD_SUBSTITUTIONS) {
    pattern.lastIndex = 0;
    if (pattern.test(data)) {
      pattern.lastIndex = 0;
      paragraph.setChild(0, new Text(data.replace(pattern, substitution)));
      return;
    }
  }
}

/** Raised when a field cannot become a docinfo element (docutils' TransformError). */
class NotBibliographic extends Error {}

/**
 * Turns a field list that is the first element after the title(s) into a
 * docinfo element (and dedication/abstract topics).
 */
export const DocInfo: TransformDefinition = {
  name: `${MODULE}.DocInfo`,
  defaultPriority: 340,
  apply(context) {
    const { document } = context;
    if (!(document.settings.docinfoXform ?? true)) return;
    const index = document.firstChildNotMatchingClass('PreBibliographic');
    if (index === null) return;
    const candidate = document.children[index]!;
    if (!candidate.is('field_list')) return;
    const biblioIndex = document.firstChildNotMatchingClass(['Titular', 'Decorative', 'meta'])!;
    const nodelist = extractBibliographic(context, candidate as Element);
    document.splice(index, index + 1, []);
    document.splice(biblioIndex, biblioIndex, nodelist);
  },
};

function extractBibliographic(context: TransformContext, fieldList: Element): Element[] {
  const { document, language } = context;
  const docinfo = new Element('docinfo');
  const bibliofields = language.bibliographicFields;
  const labels = language.labels;
  const topics: Record<string, Element | null> = { dedication: null, abstract: null };
  for (let position = 0; position < fieldList.children.length; position++) {
    const field = fieldList.children[position] as Element;
    const fieldName = (field.children[0] as Element).children[0];
    if (fieldName === undefined) throw new TransformCrash('IndexError', 'empty field name', DocInfo.name);
    const name = fieldName.astext();
    const normedname = fullyNormalizeName(name);
    try {
      if (
        !(
          field.children.length === 2 &&
          Object.prototype.hasOwnProperty.call(bibliofields, normedname) &&
          checkEmptyBiblioField(document, field, name)
        )
      ) {
        throw new NotBibliographic();
      }
      const canonical = bibliofields[normedname]!;
      const kind = BIBLIO_NODES[canonical]!;
      const body = field.children[1] as Element;
      if (TEXT_ELEMENT_FIELDS.has(kind)) {
        if (!checkCompoundBiblioField(document, field, name)) throw new NotBibliographic();
        cleanRcsKeywords(body.children[0] as Element);
        docinfo.append(new Element(kind, '', [...(body.children[0] as Element).children]));
      } else if (kind === 'authors') {
        extractAuthors(context, field, name, docinfo);
      } else if (kind === 'topic') {
        if (topics[canonical]) {
          lastChild(field).append(
            document.reporter.warning(`There can only be one "${name}" field.`, [], { baseNode: field }),
          );
          throw new NotBibliographic();
        }
        const title = new Element('title', name, [new Text(labels[canonical]!)]);
        topics[canonical] = new Element('topic', '', [title, ...body.children], { classes: [canonical] });
      } else {
        docinfo.append(new Element(kind, '', [...body.children]));
      }
    } catch (error) {
      if (!(error instanceof NotBibliographic)) throw error;
      const body = lastChild(field);
      if (body.children.length === 1 && body.children[0]!.is('paragraph')) {
        cleanRcsKeywords(body.children[0] as Element);
      }
      const classValue = makeId(normedname);
      if (classValue) field.classes.push(classValue);
      docinfo.append(field);
    }
  }
  const nodelist: Element[] = [];
  if (docinfo.children.length > 0) nodelist.push(docinfo);
  for (const name of ['dedication', 'abstract']) {
    const topic = topics[name];
    if (topic) nodelist.push(topic);
  }
  return nodelist;
}

function lastChild(node: Element): Element {
  return node.children[node.children.length - 1] as Element;
}

function checkEmptyBiblioField(document: Document, field: Element, name: string): boolean {
  const body = lastChild(field);
  if (body.children.length < 1) {
    body.append(
      document.reporter.warning(`Cannot extract empty bibliographic field "${name}".`, [], { baseNode: field }),
    );
    return false;
  }
  return true;
}

function checkCompoundBiblioField(document: Document, field: Element, name: string): boolean {
  const body = lastChild(field);
  if (body.children.length > 1) {
    body.append(
      document.reporter.warning(`Cannot extract compound bibliographic field "${name}".`, [], { baseNode: field }),
    );
    return false;
  }
  if (!body.children[0]!.is('paragraph')) {
    body.append(
      document.reporter.warning(
        `Cannot extract bibliographic field "${name}" containing anything other than a single paragraph.`,
        [],
        { baseNode: field },
      ),
    );
    return false;
  }
  return true;
}

function extractAuthors(context: TransformContext, field: Element, name: string, docinfo: Element): void {
  const { document, language } = context;
  try {
    const body = field.children[1] as Element;
    let authors: Node[][];
    if (body.children.length === 1) {
      if (body.children[0]!.is('paragraph')) authors = authorsFromOneParagraph(context, field);
      else if (body.children[0]!.is('bullet_list')) authors = authorsFromBulletList(field);
      else throw new NotBibliographic();
    } else {
      authors = authorsFromParagraphs(field);
    }
    const authorNodes = authors.filter((author) => author.length > 0).map((author) => new Element('author', '', author));
    if (authorNodes.length >= 1) docinfo.append(new Element('authors', '', authorNodes));
    else throw new NotBibliographic();
  } catch (error) {
    if (error instanceof NotBibliographic) {
      lastChild(field).append(
        document.reporter.warning(
          `Bibliographic field "${name}" incompatible with extraction: it must contain either a single paragraph ` +
            `(with authors separated by one of "${language.authorSeparators.join('')}"), multiple paragraphs ` +
            '(one per author), or a bullet list with one paragraph (one author) per item.',
          [],
          { baseNode: field },
        ),
      );
    }
    throw error;
  }
}

function escapeRegExp(text: string): string {
  // Syntax characters only: the pattern has the u flag, where "\-" is an error.
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

function authorsFromOneParagraph(context: TransformContext, field: Element): Node[][] {
  const body = field.children[1] as Element;
  const text = [...body.findall('Text')].map((node) => (node as Text).data).join('');
  if (!text) throw new NotBibliographic();
  let names: string[] = [text];
  for (const separator of context.language.authorSeparators) {
    // Escaped separators (NUL-marked) do not split.
    names = text.split(new RegExp(`(?<!\\x00)${escapeRegExp(separator)}`, 'u'));
    if (names.length > 1) break;
  }
  return names.map((name) => strip(name)).filter((name) => name).map((name) => [new Text(name)]);
}

function authorsFromBulletList(field: Element): Node[][] {
  const authors: Node[][] = [];
  const list = (field.children[1] as Element).children[0] as Element;
  for (const item of list.children) {
    if (item.is('comment')) continue;
    const element = item as Element;
    if (element.children.length !== 1 || !element.children[0]!.is('paragraph')) throw new NotBibliographic();
    authors.push([...(element.children[0] as Element).children]);
  }
  if (authors.length === 0) throw new NotBibliographic();
  return authors;
}

function authorsFromParagraphs(field: Element): Node[][] {
  const body = field.children[1] as Element;
  for (const item of body.children) {
    if (!item.is('paragraph') && !item.is('comment')) throw new NotBibliographic();
  }
  return body.children.filter((item) => !item.is('comment')).map((item) => [...(item as Element).children]);
}

export const transforms: readonly TransformDefinition[] = [DocTitle, SectionSubTitle, DocInfo];
