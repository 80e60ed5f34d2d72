/**
 * Sphinx's node kinds (sphinx.addnodes and the extensions' nodes), registered
 * with the categories their classes have, and SphinxElement: an element
 * whose attributes may hold Python tuples and dicts (index entries, toctree
 * entries, highlight_args, diagram options), printed as docutils' pformat
 * prints them (`str()` of the value, list items serial-escaped).
 */
import { type AttributeValue, type Attributes, type Category, Element, type Node, Text, cloneAttributes, registerNodeKind, serialEscape } from '../nodes.js';
import { pyReprString } from '../python-text.js';

/** Node kind → categories (docutils mix-ins of the Sphinx class, superclasses included). */
const SPHINX_NODE_KINDS: Record<string, string> = {
  toctree: 'Body General',
  desc: 'Body Admonition',
  desc_signature: 'Part Inline TextElement',
  desc_signature_line: 'Part Inline TextElement FixedTextElement',
  desc_content: 'Body General',
  desc_inline: 'Inline TextElement',
  desc_name: 'Part Inline TextElement FixedTextElement',
  desc_addname: 'Part Inline TextElement FixedTextElement',
  desc_type: 'Part Inline TextElement FixedTextElement',
  desc_returns: 'Part Inline TextElement FixedTextElement',
  desc_parameterlist: 'Part Inline TextElement FixedTextElement',
  desc_parameter: 'Part Inline TextElement FixedTextElement',
  desc_optional: 'Part Inline TextElement FixedTextElement',
  desc_annotation: 'Part Inline TextElement FixedTextElement',
  desc_sig_space: 'Inline TextElement',
  desc_sig_name: 'Inline TextElement',
  desc_sig_operator: 'Inline TextElement',
  desc_sig_punctuation: 'Inline TextElement',
  desc_sig_keyword: 'Inline TextElement',
  desc_sig_keyword_type: 'Inline TextElement',
  desc_sig_literal_number: 'Inline TextElement',
  desc_sig_literal_string: 'Inline TextElement',
  desc_sig_literal_char: 'Inline TextElement',
  versionmodified: 'Body Admonition TextElement',
  seealso: 'Body Admonition',
  productionlist: 'Body Admonition',
  production: 'Part Inline TextElement FixedTextElement',
  index: 'PreBibliographic Invisible Inline TextElement',
  centered: 'Part TextElement',
  acks: '',
  hlist: '',
  hlistcol: '',
  compact_paragraph: 'Body General TextElement',
  glossary: '',
  only: '',
  start_of_file: '',
  highlightlang: '',
  tabular_col_spec: '',
  pending_xref: 'Inline',
  pending_xref_condition: 'Inline TextElement',
  number_reference: 'Body General Inline Referential TextElement Resolvable',
  download_reference: 'Body General Inline Referential TextElement Resolvable',
  literal_emphasis: 'Inline TextElement',
  literal_strong: 'Inline TextElement',
  manpage: 'Inline TextElement FixedTextElement',
  // sphinx.ext.todo
  todo_node: 'Body Admonition',
  todolist: 'Body General',
  // sphinxcontrib-*diag (blockdiag.utils.rst.nodes: General, Element)
  blockdiag_node: 'Body General',
  seqdiag_node: 'Body General',
  actdiag_node: 'Body General',
  nwdiag_node: 'Body General',
  rackdiag_node: 'Body General',
  packetdiag_node: 'Body General',
  // sphinx.ext.graphviz, sphinx.ext.ifconfig
  graphviz: 'Body General Inline',
  ifconfig: '',
};

for (const [tagname, list] of Object.entries(SPHINX_NODE_KINDS)) {
  registerNodeKind(tagname, list ? (list.split(' ') as Category[]) : []);
}

const TUPLE = Symbol('python tuple');

/** A Python tuple: an array marked to print as `(a, b)`. */
export type PyTuple = PyData[] & { readonly [TUPLE]: true };

/** Python data Sphinx stores in node attributes. */
export type PyData = string | number | boolean | null | PyData[] | PyTuple | PyDict;
export interface PyDict {
  [key: string]: PyData;
}

export function pyTuple(...items: PyData[]): PyTuple {
  const tuple = [...items] as PyData[];
  Object.defineProperty(tuple, TUPLE, { value: true, enumerable: false });
  return tuple as PyTuple;
}

export function isPyTuple(value: unknown): value is PyTuple {
  return Array.isArray(value) && (value as unknown as Record<symbol, unknown>)[TUPLE] === true;
}

/** Python's repr() of the data. */
export function pyDataRepr(value: PyData | undefined): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'string') return pyReprString(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const items = value.map((item) => pyDataRepr(item));
    if (isPyTuple(value)) return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
    return `[${items.join(', ')}]`;
  }
  return '{' + Object.entries(value).map(([key, item]) => `${pyReprString(key)}: ${pyDataRepr(item)}`).join(', ') + '}';
}

/** Python's str() of the data. */
export function pyDataStr(value: PyData | undefined): string {
  if (typeof value === 'string') return value;
  return pyDataRepr(value);
}

/** Data as a node attribute (the attribute type does not describe tuples and dicts). */
export function asAttribute(value: PyData): AttributeValue {
  return value as AttributeValue;
}

/**
 * An element whose attributes may be Python tuples and dicts. Only the
 * printing differs from Element: docutils prints `str(value)`, and for a
 * list each item's `str()` serial-escaped.
 */
export class SphinxElement extends Element {
  override starttag(): string {
    const parts = [this.tagname];
    for (const [name, value] of this.attlist()) {
      if (value === null) {
        parts.push(`${name}="True"`);
        continue;
      }
      let text: string;
      if (Array.isArray(value) && !isPyTuple(value)) {
        text = (value as PyData[]).map((item) => serialEscape(pyDataStr(item))).join(' ');
      } else {
        text = pyDataStr(value as PyData);
      }
      parts.push(`${name}="${text}"`);
    }
    return `<${parts.join(' ')}>`;
  }

  override copy(): SphinxElement {
    const node = new SphinxElement(this.tagname, this.rawsource, [], cloneAttributes(this.attributes));
    node.ownDocument = this.ownDocument;
    node.source = this.source;
    node.line = this.line;
    node.position = this.position;
    return node;
  }

  override deepcopy(): SphinxElement {
    const node = this.copy();
    node.extend(this.children.map((child) => child.deepcopy()));
    return node;
  }
}

/** A SphinxElement made the way docutils' node classes make nodes (text first for text elements). */
export function sphinxElement(
  tagname: string,
  rawsource = '',
  text = '',
  children: readonly Node[] = [],
  attributes: Record<string, PyData> = {},
): SphinxElement {
  const all = text !== '' ? [new Text(text), ...children] : children;
  return new SphinxElement(tagname, rawsource, all, attributes as Attributes);
}

/** An index entry as Sphinx stores it: (type, value, target id, main, index key). */
export type IndexEntry = [type: string, value: string, targetId: string, main: string, key: string | null];

export function indexEntry(type: string, value: string, targetId: string, main: string, key: string | null): PyTuple {
  return pyTuple(type, value, targetId, main, key);
}

/** The entries of an `index` node. */
export function indexEntriesOf(node: Element): IndexEntry[] {
  const entries = node.attributes['entries'];
  return Array.isArray(entries) ? (entries as unknown as IndexEntry[]) : [];
}

/** Classes the signature node kinds add to themselves (sphinx.addnodes._desc_classes_injector). */
const INJECTED_CLASSES: Readonly<Record<string, readonly string[]>> = {
  desc_signature: ['sig', 'sig-object'],
  desc_inline: ['sig', 'sig-inline'],
  desc_name: ['sig-name', 'descname'],
  desc_addname: ['sig-prename', 'descclassname'],
  desc_sig_space: ['w'],
  desc_sig_name: ['n'],
  desc_sig_operator: ['o'],
  desc_sig_punctuation: ['p'],
  desc_sig_keyword: ['k'],
  desc_sig_keyword_type: ['kt'],
  desc_sig_literal_number: ['m'],
  desc_sig_literal_string: ['s'],
  desc_sig_literal_char: ['sc'],
};

/** A signature node (desc_signature, desc_name, ...) with the classes its Sphinx class adds. */
export function descNode(
  tagname: string,
  rawsource = '',
  text = '',
  children: readonly Node[] = [],
  attributes: Record<string, PyData> = {},
): SphinxElement {
  const node = sphinxElement(tagname, rawsource, text, children, attributes);
  node.classes.push(...(INJECTED_CLASSES[tagname] ?? []));
  return node;
}
