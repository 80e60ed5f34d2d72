/**
 * The document tree: docutils' node kinds, attributes and tree operations.
 *
 * Node kinds are docutils' tag names and attributes are stored as docutils
 * stores them (ids, names, classes, dupnames and backrefs are lists), so
 * docutils' documentation documents this tree and the pseudo-XML writer is a
 * plain walk. Every node may also carry a source `position` (unist style:
 * 1-based line and column, 0-based offset), which docutils does not have.
 */
import { NON_ID_TRANSLATE, NON_ID_TRANSLATE_DIGRAPHS } from './unicode-data.js';
import { isPythonSpace, splitWhitespace, splitlines } from './python-text.js';
import { guardMemory } from './memory-guard.js';

export interface Point {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units. */
  column: number;
  /** 0-based offset into the source text, in UTF-16 code units. */
  offset: number;
}

export interface Position {
  start: Point;
  end: Point;
}

/** Attribute values as docutils stores them. `null` is Python's None. */
export type AttributeValue = string | number | boolean | null | string[] | AttributeValue[];
export type Attributes = Record<string, AttributeValue>;

/** docutils' node categories (the mix-in classes of docutils.nodes). */
export type Category =
  | 'Root'
  | 'Titular'
  | 'PreBibliographic'
  | 'Bibliographic'
  | 'Decorative'
  | 'Structural'
  | 'Body'
  | 'General'
  | 'Sequential'
  | 'Admonition'
  | 'Special'
  | 'Invisible'
  | 'Part'
  | 'Inline'
  | 'Referential'
  | 'Targetable'
  | 'Labeled'
  | 'TextElement'
  | 'FixedTextElement'
  | 'BackLinkable'
  | 'Resolvable';

const CATEGORY_TABLE: Record<string, string> = {
  abbreviation: 'Inline TextElement',
  acronym: 'Inline TextElement',
  address: 'Bibliographic TextElement FixedTextElement',
  admonition: 'Body Admonition',
  attention: 'Body Admonition',
  attribution: 'Part TextElement',
  author: 'Bibliographic TextElement',
  authors: 'Bibliographic',
  block_quote: 'Body General',
  bullet_list: 'Body Sequential',
  caption: 'Part TextElement',
  caution: 'Body Admonition',
  citation: 'Body General Targetable Labeled BackLinkable Resolvable',
  citation_reference: 'Inline Referential TextElement Resolvable',
  classifier: 'Part TextElement',
  colspec: 'Part',
  comment: 'PreBibliographic Body Special Invisible TextElement FixedTextElement',
  compound: 'Body General',
  contact: 'Bibliographic TextElement',
  container: 'Body General',
  copyright: 'Bibliographic TextElement',
  danger: 'Body Admonition',
  date: 'Bibliographic TextElement',
  decoration: 'PreBibliographic Decorative',
  definition: 'Part',
  definition_list: 'Body Sequential',
  definition_list_item: 'Part',
  description: 'Part',
  docinfo: 'Bibliographic',
  doctest_block: 'Body General TextElement FixedTextElement',
  document: 'Root Structural',
  emphasis: 'Inline TextElement',
  entry: 'Part',
  enumerated_list: 'Body Sequential',
  error: 'Body Admonition',
  field: 'Part',
  field_body: 'Part',
  field_list: 'Body Sequential',
  field_name: 'Part TextElement',
  figure: 'Body General',
  footer: 'PreBibliographic Decorative',
  footnote: 'Body General Targetable Labeled BackLinkable Resolvable',
  footnote_reference: 'Inline Referential TextElement Resolvable',
  generated: 'Inline TextElement',
  header: 'PreBibliographic Decorative',
  hint: 'Body Admonition',
  image: 'Body General Inline',
  important: 'Body Admonition',
  inline: 'Inline TextElement',
  label: 'Part TextElement',
  legend: 'Part',
  line: 'Part TextElement',
  line_block: 'Body General',
  list_item: 'Part',
  literal: 'Inline TextElement',
  literal_block: 'Body General TextElement FixedTextElement',
  math: 'Inline TextElement',
  math_block: 'Body General TextElement FixedTextElement',
  meta: 'PreBibliographic',
  note: 'Body Admonition',
  option: 'Part',
  option_argument: 'Part TextElement',
  option_group: 'Part',
  option_list: 'Body Sequential',
  option_list_item: 'Part',
  option_string: 'Part TextElement',
  organization: 'Bibliographic TextElement',
  paragraph: 'Body General TextElement',
  pending: 'PreBibliographic Body Special Invisible',
  problematic: 'Inline TextElement',
  raw: 'PreBibliographic Body Special Inline TextElement FixedTextElement',
  reference: 'Body General Inline Referential TextElement Resolvable',
  revision: 'Bibliographic TextElement',
  row: 'Part',
  rubric: 'Titular TextElement',
  section: 'Structural',
  sidebar: 'Structural',
  status: 'Bibliographic TextElement',
  strong: 'Inline TextElement',
  subscript: 'Inline TextElement',
  substitution_definition: 'PreBibliographic Body Special Invisible TextElement',
  substitution_reference: 'Inline TextElement',
  subtitle: 'Titular PreBibliographic TextElement',
  superscript: 'Inline TextElement',
  system_message: 'PreBibliographic Body Special BackLinkable',
  table: 'Body General',
  target: 'PreBibliographic Body Special Invisible Inline Targetable TextElement Resolvable',
  tbody: 'Part',
  term: 'Part TextElement',
  tgroup: 'Part',
  thead: 'Part',
  tip: 'Body Admonition',
  title: 'Titular PreBibliographic TextElement',
  title_reference: 'Inline TextElement',
  topic: 'Structural',
  transition: 'Structural',
  version: 'Bibliographic TextElement',
  warning: 'Body Admonition',
};

const categories = new Map<string, ReadonlySet<Category>>();
for (const [tag, list] of Object.entries(CATEGORY_TABLE)) {
  categories.set(tag, new Set(list.split(' ') as Category[]));
}
const NO_CATEGORIES: ReadonlySet<Category> = new Set();

/**
 * Registers a node kind that docutils itself does not define (Sphinx's
 * pending_xref, toctree compound, ...), with the categories its class has.
 */
export function registerNodeKind(tagname: string, kindCategories: readonly Category[]): void {
  categories.set(tagname, new Set(kindCategories));
}

export function categoriesOf(tagname: string): ReadonlySet<Category> {
  return categories.get(tagname) ?? NO_CATEGORIES;
}

export const LIST_ATTRIBUTES: readonly string[] = ['ids', 'classes', 'names', 'dupnames', 'backrefs'];
const LIST_ATTRIBUTE_SET: ReadonlySet<string> = new Set(LIST_ATTRIBUTES);
export const BASIC_ATTRIBUTES: readonly string[] = ['ids', 'classes', 'names', 'dupnames'];
const KNOWN_ATTRIBUTES = new Set([...LIST_ATTRIBUTES, 'source']);

export abstract class Node {
  parent: Element | null = null;
  /** Path or description of the input source that produced this node (docutils' `node.source`). */
  source: string | null = null;
  /** docutils' `node.line`: 1-based line in `source`, as docutils records it. */
  line: number | null = null;
  /** Where the node is in the text, beyond what docutils records. */
  position: Position | undefined = undefined;
  protected ownDocument: Document | null = null;

  abstract readonly tagname: string;

  constructor() {
    // A document too large for this process's memory is refused, not a crash.
    guardMemory();
  }

  get document(): Document | null {
    return this.ownDocument ?? this.parent?.document ?? null;
  }

  set document(value: Document | null) {
    this.ownDocument = value;
  }

  abstract astext(): string;
  abstract pformat(indent?: string, level?: number): string;
  abstract deepcopy(): Node;
  abstract copy(): Node;

  isText(): this is Text {
    return false;
  }

  isElement(): this is Element {
    return false;
  }

  /** isinstance(node, <category>) or tag name equality. */
  is(kind: string): boolean {
    return false;
  }

  /**
   * docutils' Node.findall: pre-order traversal yielding nodes that match
   * `condition` (a predicate, a tag name or a category name).
   */
  *findall(
    condition?: NodeCondition,
    options: { includeSelf?: boolean; descend?: boolean; siblings?: boolean; ascend?: boolean } = {},
  ): Generator<Node> {
    const includeSelf = options.includeSelf ?? true;
    const descend = options.descend ?? true;
    let siblings = options.siblings ?? false;
    const ascend = options.ascend ?? false;
    if (ascend) siblings = true;
    const test = toPredicate(condition);
    if (includeSelf && test(this)) yield this;
    if (descend && this.isElement()) yield* descendants(this, test);
    if (siblings || ascend) {
      let node: Node = this;
      while (node.parent) {
        const index = node.parent.children.indexOf(node);
        for (const sibling of node.parent.children.slice(index + 1)) {
          yield* sibling.findall(test, { includeSelf: true, descend, siblings: false, ascend: false });
        }
        if (!ascend) break;
        node = node.parent;
      }
    }
  }

  /** docutils' Node.next_node. */
  nextNode(
    condition?: NodeCondition,
    options: { includeSelf?: boolean; descend?: boolean; siblings?: boolean; ascend?: boolean } = {},
  ): Node | null {
    const iterator = this.findall(condition, { includeSelf: false, ...options });
    const first = iterator.next();
    return first.done ? null : first.value;
  }

  /** docutils' Node.previous_sibling. */
  previousSibling(): Node | null {
    if (!this.parent) return null;
    const index = this.parent.children.indexOf(this);
    return index > 0 ? this.parent.children[index - 1]! : null;
  }
}

export type NodeCondition = string | ((node: Node) => boolean);

/**
 * The descendants of `root` in document order, reading children by index as
 * the walk reaches them, as iterating a docutils Element does (changes the
 * consumer makes to not-yet-visited parts are seen).
 */
export function descendants(root: Element, test: (node: Node) => boolean): IterableIterator<Node> {
  return new LiveWalk(root, test, false);
}

/**
 * Pre-order walk that sees changes the consumer makes to parts not yet
 * visited (docutils' findall): an element's children are read from the
 * live list, after the consumer has handled the element itself. An
 * iterator object rather than a generator: transforms walk the whole tree
 * many times per document.
 */
export class LiveWalk implements IterableIterator<Node> {
  private readonly parents: Element[] = [];
  private readonly indexes: number[] = [];
  /** The node last returned, whose children are entered on the next call. */
  private last: Node | null = null;
  private started = false;

  constructor(
    private readonly root: Node,
    private readonly test: ((node: Node) => boolean) | null,
    /** Whether the root itself is tested and returned (else only its descendants). */
    private readonly includeRoot: boolean,
    /** Instead of `test`: the tag name of the elements wanted (the common case, compared inline). */
    private readonly tag: string | null = null,
  ) {}

  [Symbol.iterator](): IterableIterator<Node> {
    return this;
  }

  next(): IteratorResult<Node> {
    const parents = this.parents;
    const indexes = this.indexes;
    const tag = this.tag;
    if (!this.started) {
      this.started = true;
      if (this.includeRoot && this.matches(this.root)) {
        this.last = this.root;
        return { value: this.root, done: false };
      }
      this.enter(this.root);
    } else if (this.last !== null) {
      const last = this.last;
      this.last = null;
      this.enter(last);
    }
    while (parents.length > 0) {
      const top = parents.length - 1;
      const parent = parents[top]!;
      const index = indexes[top]!;
      if (index >= parent.children.length) {
        parents.pop();
        indexes.pop();
        continue;
      }
      indexes[top] = index + 1;
      const child = parent.children[index]!;
      if (tag !== null) {
        // Text nodes neither match a tag name nor have children.
        if (!(child instanceof Element)) continue;
        if (child.tagname === tag) {
          this.last = child;
          return { value: child, done: false };
        }
        if (child.children.length > 0) {
          parents.push(child);
          indexes.push(0);
        }
        continue;
      }
      if (this.test!(child)) {
        this.last = child;
        return { value: child, done: false };
      }
      this.enter(child);
    }
    return { value: undefined, done: true };
  }

  private matches(node: Node): boolean {
    return this.tag !== null ? node instanceof Element && node.tagname === this.tag : this.test!(node);
  }

  private enter(node: Node): void {
    if (node instanceof Element && node.children.length > 0) {
      this.parents.push(node);
      this.indexes.push(0);
    }
  }
}

/** A lowercase kind is a tag name; categories ("TextElement", "Body", ...) are capitalised. */
export function isTagName(kind: string): boolean {
  const code = kind.charCodeAt(0);
  return code >= 0x61 && code <= 0x7a;
}

/** The node test for a findall condition (a kind, a tag name or a function). */
export function toPredicate(condition: NodeCondition | undefined): (node: Node) => boolean {
  if (condition === undefined) return () => true;
  if (typeof condition === 'function') return condition;
  if (condition === 'Text' || condition === '#text') return (node) => node.isText();
  // Text nodes' tag name is "#text": only elements need comparing (and the property read stays monomorphic).
  if (isTagName(condition)) return (node) => node instanceof Element && node.tagname === condition;
  return (node) => node.is(condition);
}

export class Text extends Node {
  get tagname(): string {
    return '#text';
  }

  /** The raw text, with backslash escapes as NUL characters. */
  data: string;

  constructor(data: string) {
    super();
    this.data = data;
  }

  override isText(): this is Text {
    return true;
  }

  override is(kind: string): boolean {
    return kind === 'Text' || kind === '#text';
  }

  astext(): string {
    return unescape(this.data);
  }

  pformat(indent = '    ', level = 0): string {
    const prefix = indentation(indent, level);
    const text = this.astext();
    if (OTHER_LINE_BREAK.test(text)) {
      const lines = splitlines(text);
      if (lines.length === 0) return '';
      return lines.map((line) => prefix + line).join('\n') + '\n';
    }
    // Only "\n" breaks lines: the same as the splitlines form above, without the arrays.
    if (text === '') return '';
    const body = text.endsWith('\n') ? text.slice(0, -1) : text;
    return prefix + (body.includes('\n') ? body.replaceAll('\n', '\n' + prefix) : body) + '\n';
  }

  copy(): Text {
    const node = new Text(this.data);
    node.position = this.position;
    return node;
  }

  deepcopy(): Text {
    return this.copy();
  }

  override toString(): string {
    return this.data;
  }
}

const NO_NODES: readonly Node[] = [];
const NO_ATTRIBUTES: Attributes = Object.freeze({}) as Attributes;

/** Element state docutils keeps on few nodes (see Element.internals). */
interface ElementInternals {
  referenced: boolean;
  expectReferencedByName: Map<string, Element> | undefined;
  expectReferencedById: Map<string, Element> | undefined;
  indirectReferenceName: string | undefined;
  resolved: boolean;
}

/**
 * Tag names of the elements made since the outermost running publish began
 * (null when none runs). A tree built during a publish can only contain
 * elements of these kinds, so a transform looking for another kind need
 * not walk the tree (most documents have no transition, substitution
 * reference, footnote, ...).
 */
let kindsMade: Set<string> | null = null;
let kindLogDepth = 0;

/** Starts (or, nested, joins) the log of element kinds made; pair with endKindLog. */
export function beginKindLog(): void {
  if (kindLogDepth++ === 0) kindsMade = new Set();
}

export function endKindLog(): void {
  if (--kindLogDepth === 0) kindsMade = null;
}

/** False only when a publish runs and has made no element with this tag name. */
export function kindMayExist(tagname: string): boolean {
  return kindsMade === null || kindsMade.has(tagname);
}

export class Element extends Node {
  readonly tagname: string;
  rawsource: string;
  children: Node[] = [];
  attributes: Attributes = {};
  /** Where index() last found a child (a hint for the next call). */
  private lastIndex = 0;
  /**
   * docutils' internal flags and maps that few elements ever get: kept
   * aside, made when first set (a smaller element is cheaper to allocate
   * and for the garbage collector to move).
   */
  private internals: ElementInternals | undefined = undefined;

  private ensureInternals(): ElementInternals {
    return (this.internals ??= {
      referenced: false,
      expectReferencedByName: undefined,
      expectReferencedById: undefined,
      indirectReferenceName: undefined,
      resolved: false,
    });
  }

  /** docutils' `node.referenced` (internal, not an XML attribute). */
  get referenced(): boolean {
    return this.internals?.referenced ?? false;
  }

  set referenced(value: boolean) {
    this.ensureInternals().referenced = value;
  }

  /** docutils' `expect_referenced_by_name`. */
  get expectReferencedByName(): Map<string, Element> | undefined {
    return this.internals?.expectReferencedByName;
  }

  set expectReferencedByName(value: Map<string, Element> | undefined) {
    this.ensureInternals().expectReferencedByName = value;
  }

  /** docutils' `expect_referenced_by_id`. */
  get expectReferencedById(): Map<string, Element> | undefined {
    return this.internals?.expectReferencedById;
  }

  set expectReferencedById(value: Map<string, Element> | undefined) {
    this.ensureInternals().expectReferencedById = value;
  }

  /** docutils' `indirect_reference_name` (internal). */
  get indirectReferenceName(): string | undefined {
    return this.internals?.indirectReferenceName;
  }

  set indirectReferenceName(value: string | undefined) {
    this.ensureInternals().indirectReferenceName = value;
  }

  /** docutils' `resolved` flag on references and targets (internal). */
  get resolved(): boolean {
    return this.internals?.resolved ?? false;
  }

  set resolved(value: boolean) {
    this.ensureInternals().resolved = value;
  }

  constructor(tagname: string, rawsource = '', children: readonly Node[] = NO_NODES, attributes: Attributes = NO_ATTRIBUTES) {
    super();
    this.tagname = tagname;
    this.rawsource = rawsource;
    if (kindsMade !== null) kindsMade.add(tagname);
    for (let index = 0; index < children.length; index++) this.append(children[index]!);
    if (attributes !== NO_ATTRIBUTES) this.setInitialAttributes(attributes);
    if (categoriesOf(tagname).has('FixedTextElement')) this.attributes['xml:space'] = 'preserve';
  }

  /** The constructor's attributes (kept out of the constructor, which runs for every node). */
  private setInitialAttributes(attributes: Attributes): void {
    // The list attributes (ids, names, ...) always exist in docutils; here
    // an absent one is an empty list, made when first asked for.
    for (const key in attributes) {
      const value = attributes[key]!;
      const name = key.toLowerCase();
      if (LIST_ATTRIBUTE_SET.has(name) && Array.isArray(value)) this.attributes[name] = [...(value as string[])];
      else this.attributes[name] = value;
    }
  }

  override isElement(): this is Element {
    return true;
  }

  override is(kind: string): boolean {
    if (kind === this.tagname || kind === 'Element') return true;
    return categoriesOf(this.tagname).has(kind as Category);
  }

  get isTextElement(): boolean {
    return categoriesOf(this.tagname).has('TextElement');
  }

  get childTextSeparator(): string {
    const special = CHILD_TEXT_SEPARATORS.get(this.tagname);
    if (special !== undefined) return special;
    // Sphinx's desc_signature: a multi-line signature's lines are joined with a space.
    if (this.tagname === 'desc_signature' && this.attributes['is_multiline']) return ' ';
    return this.isTextElement ? '' : '\n\n';
  }

  get length(): number {
    return this.children.length;
  }

  child(index: number): Node {
    const node = this.children[index < 0 ? this.children.length + index : index];
    if (!node) throw new RangeError(`${this.tagname} has no child ${index}`);
    return node;
  }

  // ---- attributes -------------------------------------------------------

  get(name: string): AttributeValue | undefined {
    const value = this.attributes[name];
    if (value === undefined && LIST_ATTRIBUTE_SET.has(name)) return this.getList(name);
    return value;
  }

  getString(name: string): string | undefined {
    const value = this.attributes[name];
    return typeof value === 'string' ? value : undefined;
  }

  getList(name: string): string[] {
    const value = this.attributes[name];
    if (Array.isArray(value)) return value as string[];
    const list: string[] = [];
    this.attributes[name] = list;
    return list;
  }

  set(name: string, value: AttributeValue): this {
    this.attributes[name] = value;
    return this;
  }

  has(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.attributes, name) || LIST_ATTRIBUTE_SET.has(name);
  }

  delete(name: string): void {
    delete this.attributes[name];
  }

  setdefault(name: string, value: AttributeValue): AttributeValue {
    if (!this.has(name)) this.attributes[name] = value;
    return this.attributes[name]!;
  }

  get ids(): string[] {
    return this.getList('ids');
  }

  get names(): string[] {
    return this.getList('names');
  }

  get classes(): string[] {
    return this.getList('classes');
  }

  get dupnames(): string[] {
    return this.getList('dupnames');
  }

  get backrefs(): string[] {
    return this.getList('backrefs');
  }

  isNotDefault(name: string): boolean {
    const value = this.attributes[name];
    if (value === undefined) return false;
    return !(Array.isArray(value) && value.length === 0 && LIST_ATTRIBUTE_SET.has(name));
  }

  /** Sorted (name, value) pairs of the attributes that are not empty lists. */
  attlist(): [string, AttributeValue][] {
    return Object.entries(this.attributes)
      .filter(([name]) => this.isNotDefault(name))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  updateBasicAtts(source: Element | Attributes): void {
    const attributes = source instanceof Element ? source.attributes : source;
    for (const name of BASIC_ATTRIBUTES) {
      const values = attributes[name];
      this.appendAttrList(name, Array.isArray(values) ? (values as string[]) : []);
    }
  }

  appendAttrList(name: string, values: readonly string[]): void {
    const list = this.getList(name);
    for (const value of values) if (!list.includes(value)) list.push(value);
  }

  /** docutils' update_all_atts with copy_attr_consistent (replace) semantics. */
  updateAllAtts(source: Element | Attributes, replace = true, andSource = false): void {
    const attributes = source instanceof Element ? source.attributes : source;
    this.updateBasicAtts(attributes);
    for (const [name, value] of Object.entries(attributes)) {
      const skip = andSource ? LIST_ATTRIBUTES.includes(name) : KNOWN_ATTRIBUTES.has(name);
      if (skip) continue;
      if (this.attributes[name] !== value && (replace || this.attributes[name] === undefined || this.attributes[name] === null)) {
        this.attributes[name] = value;
      }
    }
  }

  /** docutils' update_all_atts_concatenating. */
  updateAllAttsConcatenating(source: Element | Attributes, replace = true, andSource = false): void {
    const attributes = source instanceof Element ? source.attributes : source;
    this.updateBasicAtts(attributes);
    for (const [name, value] of Object.entries(attributes)) {
      const skip = andSource ? LIST_ATTRIBUTES.includes(name) : KNOWN_ATTRIBUTES.has(name);
      if (skip) continue;
      const own = this.attributes[name];
      if (own === value) continue;
      if (Array.isArray(own) && Array.isArray(value)) this.appendAttrList(name, value as string[]);
      else if (replace || own === undefined || own === null) this.attributes[name] = value;
    }
  }

  /** docutils' Element.note_referenced_by. */
  noteReferencedBy(name?: string, id?: string): void {
    this.referenced = true;
    const byName = name === undefined ? undefined : this.expectReferencedByName?.get(name);
    const byId = id === undefined ? undefined : this.expectReferencedById?.get(id);
    if (byName) byName.referenced = true;
    if (byId) byId.referenced = true;
  }

  // ---- children ---------------------------------------------------------

  setupChild(child: Node): void {
    child.parent = this;
    const document = this.document;
    if (document) {
      if (child.source === null) child.source = document.currentSource;
      if (child.line === null) child.line = document.currentLine;
    }
  }

  append(child: Node): this {
    this.setupChild(child);
    this.children.push(child);
    return this;
  }

  extend(children: Iterable<Node>): this {
    for (const child of children) this.append(child);
    return this;
  }

  /** `element += node_or_nodes`. */
  add(item: Node | readonly Node[] | null | undefined): this {
    if (item === null || item === undefined) return this;
    if (item instanceof Node) return this.append(item);
    return this.extend(item);
  }

  insert(index: number, item: Node | readonly Node[]): void {
    const at = normalizeIndex(index, this.children.length);
    if (item instanceof Node) {
      this.setupChild(item);
      this.children.splice(at, 0, item);
    } else {
      for (const node of item) this.setupChild(node);
      this.children.splice(at, 0, ...item);
    }
  }

  setChild(index: number, item: Node): void {
    this.setupChild(item);
    this.children[normalizeIndex(index, this.children.length)] = item;
  }

  /** Replace children[start:end] with items. */
  splice(start: number, end: number, items: readonly Node[]): void {
    for (const node of items) this.setupChild(node);
    const from = normalizeIndex(start, this.children.length);
    const to = Math.max(from, normalizeIndex(end, this.children.length));
    this.children.splice(from, to - from, ...items);
  }

  pop(index = -1): Node {
    const at = normalizeIndex(index, this.children.length);
    const [node] = this.children.splice(at, 1);
    if (!node) throw new RangeError('pop from empty element');
    return node;
  }

  remove(item: Node): void {
    const index = this.children.indexOf(item);
    if (index < 0) throw new Error(`remove: node is not a child of ${this.tagname}`);
    this.children.splice(index, 1);
  }

  index(item: Node): number {
    const children = this.children;
    // Transforms replace children in document order: look just after the
    // child found last before searching the whole list, which made
    // replacing many children of one element quadratic (as in docutils).
    const from = this.lastIndex;
    const to = Math.min(children.length, from + INDEX_LOOKAHEAD);
    for (let index = from; index < to; index++) {
      if (children[index] === item) {
        this.lastIndex = index;
        return index;
      }
    }
    const index = children.indexOf(item);
    if (index < 0) throw new PythonNodeError('ValueError', `${pythonNodeRepr(item)} is not in list`);
    this.lastIndex = index;
    return index;
  }

  clear(): void {
    this.children = [];
  }

  replace(old: Node, replacement: Node | readonly Node[]): void {
    const index = this.index(old);
    if (replacement instanceof Node) this.setChild(index, replacement);
    else this.splice(index, index + 1, replacement);
  }

  replaceSelf(replacement: Node | readonly Node[]): void {
    const update = replacement instanceof Node ? replacement : replacement[0];
    if (update instanceof Element) update.updateBasicAtts(this);
    if (!this.parent) throw new PythonNodeError('AttributeError', "'NoneType' object has no attribute 'replace'");
    this.parent.replace(this, replacement);
  }

  firstChildMatchingClass(kinds: string | readonly string[], start = 0, end = Infinity): number | null {
    const list = typeof kinds === 'string' ? [kinds] : kinds;
    for (let index = start; index < Math.min(this.children.length, end); index++) {
      const child = this.children[index]!;
      if (list.some((kind) => child.is(kind))) return index;
    }
    return null;
  }

  firstChildNotMatchingClass(kinds: string | readonly string[], start = 0, end = Infinity): number | null {
    const list = typeof kinds === 'string' ? [kinds] : kinds;
    for (let index = start; index < Math.min(this.children.length, end); index++) {
      const child = this.children[index]!;
      if (!list.some((kind) => child.is(kind))) return index;
    }
    return null;
  }

  // ---- output -----------------------------------------------------------

  astext(): string {
    const special = SPECIAL_ASTEXT.get(this.tagname);
    return special ? special(this) : this.childrenText();
  }

  /** The children's text joined with the kind's separator (docutils' Element.astext, for kinds that wrap it). */
  childrenText(): string {
    return this.children.map((child) => child.astext()).join(this.childTextSeparator);
  }

  starttag(): string {
    // attlist() without the intermediate arrays: names sorted, empty list attributes left out.
    let tag = '<' + this.tagname;
    const attributes = this.attributes;
    const names = Object.keys(attributes);
    // Insertion sort: elements have a handful of attributes, and Array.sort allocates.
    for (let index = 1; index < names.length; index++) {
      const name = names[index]!;
      let at = index;
      while (at > 0 && names[at - 1]! > name) {
        names[at] = names[at - 1]!;
        at--;
      }
      names[at] = name;
    }
    for (const name of names) {
      const value = attributes[name];
      if (value === undefined) continue;
      if (value === null) {
        tag += ` ${name}="True"`;
        continue;
      }
      if (Array.isArray(value) && value.length === 0 && LIST_ATTRIBUTE_SET.has(name)) continue;
      tag += ` ${name}="${formatAttributeValue(value)}"`;
    }
    return tag + '>';
  }

  pformat(indent = '    ', level = 0): string {
    guardMemory();
    let out = indentation(indent, level) + this.starttag() + '\n';
    const children = this.children;
    for (let index = 0; index < children.length; index++) out += children[index]!.pformat(indent, level + 1);
    return out;
  }

  copy(): Element {
    const node = new Element(this.tagname, this.rawsource, [], cloneAttributes(this.attributes));
    node.ownDocument = this.ownDocument;
    node.source = this.source;
    node.line = this.line;
    node.position = this.position;
    return node;
  }

  deepcopy(): Element {
    const node = this.copy();
    node.extend(this.children.map((child) => child.deepcopy()));
    return node;
  }
}

function normalizeIndex(index: number, length: number): number {
  if (index < 0) return Math.max(0, length + index);
  return Math.min(index, length);
}

export function cloneAttributes(attributes: Attributes): Attributes {
  const copy: Attributes = {};
  for (const [name, value] of Object.entries(attributes)) {
    copy[name] = Array.isArray(value) ? [...value] : value;
  }
  return copy;
}

/**
 * A Python exception docutils raises from a node operation on a tree its
 * transforms have left inconsistent (ValueError from `Element.index` when
 * the node is not among the children; AttributeError from `replace_self`
 * on a node without a parent). Transforms report it as docutils' crash.
 */
export class PythonNodeError extends Error {
  constructor(
    /** "ValueError", "AttributeError". */
    readonly pythonType: string,
    message: string,
  ) {
    super(message);
    this.name = 'PythonNodeError';
  }
}

/** docutils' `repr(node)` (Element.__repr__, Text.__repr__). */
export function pythonNodeRepr(node: Node): string {
  if (node instanceof Text) return textShortRepr(node, 68);
  const element = node as Element;
  let data = '';
  for (const child of element.children) {
    data += child instanceof Text ? textShortRepr(child, 18) : elementShortRepr(child as Element);
    if (data.length > 60) {
      data = data.slice(0, 56) + ' ...';
      break;
    }
  }
  const names = element.names;
  return names.length > 0 ? `<${element.tagname} "${names.join('; ')}": ${data}>` : `<${element.tagname}: ${data}>`;
}

function textShortRepr(node: Text, maxLength: number): string {
  let data = node.data;
  if ([...data].length > maxLength) data = [...data].slice(0, maxLength - 4).join('') + ' ...';
  return `<#text: ${pyRepr(data)}>`;
}

function elementShortRepr(node: Element): string {
  return node.names.length > 0 ? `<${node.tagname} "${node.names.join('; ')}"...>` : `<${node.tagname}...>`;
}

/** How many children after the last one found index() looks at before searching them all. */
const INDEX_LOOKAHEAD = 4;

/** Line breaks of Python's str.splitlines() other than "\n". */
const OTHER_LINE_BREAK = /[\v\f\r\x1c-\x1e\x85\u2028\u2029]/;

const indentations = new Map<string, string[]>();

/** `indent` repeated `level` times, remembered. */
function indentation(indent: string, level: number): string {
  let known = indentations.get(indent);
  if (!known) indentations.set(indent, (known = ['']));
  while (known.length <= level) known.push(known[known.length - 1]! + indent);
  return known[level]!;
}

/** The pseudo-XML form of one attribute value (without quotes). */
export function formatAttributeValue(value: AttributeValue): string {
  if (Array.isArray(value)) {
    if (value.length === 1 && typeof value[0] === 'string') return serialEscape(value[0]);
    return value.map((item) => serialEscape(String(pyStr(item)))).join(' ');
  }
  return pyStr(value);
}

function pyStr(value: AttributeValue): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (Array.isArray(value)) return '[' + value.map((item) => pyStr(item)).join(', ') + ']';
  return String(value);
}

/** docutils.nodes.serial_escape. */
export function serialEscape(value: string): string {
  if (!value.includes(' ') && !value.includes('\\')) return value;
  return value.replace(/\\/g, '\\\\').replace(/ /g, '\\ ');
}

/** docutils.nodes.unescape: remove backslash-escape markers (NUL). */
export function unescape(text: string, restoreBackslashes = false): string {
  if (!text.includes('\x00')) return text;
  if (restoreBackslashes) return text.replace(/\x00/g, '\\');
  return text.replace(/\x00[ \n]?/g, '');
}

/** A pending transform's data, printed by pformat as docutils prints `pending` details. */
export interface PendingDetails {
  [key: string]: import('./python-text.js').PyValue | Node | Node[];
}

export class Pending extends Element {
  /** Dotted Python name of the docutils transform class, e.g. "docutils.transforms.parts.Contents". */
  transform: string;
  details: PendingDetails;

  constructor(transform: string, details: PendingDetails = {}, rawsource = '', attributes: Attributes = {}) {
    super('pending', rawsource, [], attributes);
    this.transform = transform;
    this.details = details;
  }

  override pformat(indent = '    ', level = 0): string {
    const internals = ['.. internal attributes:', `     .transform: ${this.transform}`, '     .details:'];
    const keys = Object.keys(this.details).sort();
    for (const key of keys) {
      const value = this.details[key];
      if (value instanceof Node) {
        internals.push(`       ${key}:`);
        for (const line of splitlines(value.pformat())) internals.push(`         ${line}`);
      } else if (Array.isArray(value) && value.length > 0 && value[0] instanceof Node) {
        internals.push(`       ${key}:`);
        for (const node of value as Node[]) {
          for (const line of splitlines(node.pformat())) internals.push(`         ${line}`);
        }
      } else {
        internals.push(`       ${key}: ${pyReprValue(value as import('./python-text.js').PyValue)}`);
      }
    }
    const prefix = indent.repeat(level);
    return super.pformat(indent, level) + internals.map((line) => `    ${prefix}${line}\n`).join('');
  }

  override copy(): Pending {
    const node = new Pending(this.transform, this.details, this.rawsource, cloneAttributes(this.attributes));
    node.ownDocument = this.ownDocument;
    node.source = this.source;
    node.line = this.line;
    node.position = this.position;
    return node;
  }

  override deepcopy(): Pending {
    const node = this.copy();
    node.extend(this.children.map((child) => child.deepcopy()));
    return node;
  }
}

import { pyRepr } from './python-text.js';
function pyReprValue(value: import('./python-text.js').PyValue): string {
  return pyRepr(value);
}

// ---- constructors ---------------------------------------------------------

/**
 * Creates an element the way docutils' node classes do: for text elements a
 * non-empty `text` becomes the first child; `children` follow.
 */
export function element(
  tagname: string,
  rawsource = '',
  text = '',
  children: readonly Node[] = NO_NODES,
  attributes: Attributes = NO_ATTRIBUTES,
): Element {
  const all = text === '' ? children : children.length === 0 ? [new Text(text)] : [new Text(text), ...children];
  return new Element(tagname, rawsource, all, attributes);
}

/** docutils' system_message(message, *children, **attributes). */
export function systemMessageNode(message: string, children: readonly Node[], attributes: Attributes): Element {
  const rawsource = typeof attributes['rawsource'] === 'string' ? (attributes['rawsource'] as string) : '';
  const rest = { ...attributes };
  delete rest['rawsource'];
  const all = message ? [element('paragraph', '', message), ...children] : children;
  return new Element('system_message', rawsource, all, rest);
}

/** Kinds whose class sets child_text_separator (docutils.nodes, sphinx.addnodes). */
const CHILD_TEXT_SEPARATORS = new Map<string, string>([
  ['option', ''],
  ['option_group', ', '],
  ['option_list_item', '  '],
  ['pending_xref', ''],
  ['desc_parameterlist', ', '],
  ['desc_optional', ', '],
]);

/** Kinds whose class overrides astext() (docutils.nodes, sphinx.addnodes). */
const SPECIAL_ASTEXT = new Map<string, (element: Element) => string>([
  ['image', (image) => pyStrAttr(image.get('alt') ?? '')],
  ['option_argument', (argument) => pyStrAttr(argument.get('delimiter') ?? ' ') + argument.childrenText()],
  ['system_message', (message) => systemMessageText(message)],
  ['desc_returns', (returns) => ' -> ' + returns.childrenText()],
  ['desc_parameterlist', (list) => `(${list.childrenText()})`],
  ['desc_optional', (optional) => `[${optional.childrenText()}]`],
]);

/** system_message.astext(): "SOURCE:LINE: (TYPE/LEVEL) text". */
export function systemMessageText(message: Element): string {
  const line = message.get('line');
  const lineText = line === undefined ? '' : line === null ? 'None' : String(line);
  const body = message.children.map((child) => child.astext()).join('\n\n');
  return `${pyStrAttr(message.get('source'))}:${lineText}: (${pyStrAttr(message.get('type'))}/${pyStrAttr(message.get('level'))}) ${body}`;
}

function pyStrAttr(value: AttributeValue | undefined): string {
  if (value === undefined) return '';
  return formatAttributeValue(value);
}

// ---- names and ids --------------------------------------------------------

/** docutils.nodes.whitespace_normalize_name. */
export function whitespaceNormalizeName(name: string): string {
  return isWhitespaceNormal(name) ? name : splitWhitespace(name).join(' ');
}

/** docutils.nodes.fully_normalize_name. */
export function fullyNormalizeName(name: string): string {
  const lower = name.toLowerCase();
  return isWhitespaceNormal(lower) ? lower : splitWhitespace(lower).join(' ');
}

/**
 * Whether " ".join(text.split()) is `text` itself: no whitespace but single
 * spaces between other characters (most names are so, and need no arrays).
 */
function isWhitespaceNormal(text: string): boolean {
  let afterSpace = true;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x20) {
      if (afterSpace) return false;
      afterSpace = true;
    } else if (code < 0x20 || ((code === 0x85 || code >= 0xa0) && isPythonSpace(code))) {
      return false;
    } else {
      afterSpace = false;
    }
  }
  return !afterSpace || text.length === 0;
}

/** docutils.nodes.make_id. */
export function makeId(text: string): string {
  let id = text.toLowerCase();
  if (!/^[\x00-\x7f]*$/.test(id)) {
    id = translate(id, NON_ID_TRANSLATE_DIGRAPHS);
    id = translate(id, NON_ID_TRANSLATE);
    id = id.normalize('NFKD').replace(/[^\x00-\x7f]/g, '');
  }
  return asciiId(id);
}

/**
 * The rest of make_id on lowercase ASCII: runs of other characters become
 * one "-" (whitespace too, so collapsing it first changes nothing), and
 * leading digits and dashes and trailing dashes go.
 */
function asciiId(id: string): string {
  let out = '';
  let started = false;
  let dash = false;
  for (let index = 0; index < id.length; index++) {
    const code = id.charCodeAt(index);
    const letter = code >= 0x61 && code <= 0x7a;
    if (letter || (code >= 0x30 && code <= 0x39)) {
      if (!started) {
        if (!letter) continue;
        started = true;
      } else if (dash) {
        out += '-';
      }
      dash = false;
      out += id[index];
    } else if (started) {
      dash = true;
    }
  }
  return out;
}

function translate(text: string, table: ReadonlyMap<number, string>): string {
  let out = '';
  for (const char of text) {
    const replacement = table.get(char.codePointAt(0)!);
    out += replacement ?? char;
  }
  return out;
}

/** docutils.nodes.dupname. */
export function dupname(node: Element, name: string): void {
  node.dupnames.push(name);
  const names = node.names;
  const index = names.indexOf(name);
  if (index >= 0) names.splice(index, 1);
  // docutils assumes a duplicate is referenced, to avoid needless messages.
  node.referenced = true;
}

/** docutils.nodes.node_class_names is the category table's keys plus Text. */
export function isKnownNodeKind(tagname: string): boolean {
  return categories.has(tagname);
}

// The document root lives in its own module (it needs the reporter);
// re-exported here so `nodes.Document` reads as in docutils.
import type { Document } from './document.js';
export type { Document };
