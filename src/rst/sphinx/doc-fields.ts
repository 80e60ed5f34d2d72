/**
 * Sphinx's doc fields (sphinx.util.docfields, with the py domain's
 * PyXrefMixin): the field lists directly inside an object description's
 * content become Sphinx's fields — `:param x:` and `:type x:` grouped into
 * "Parameters", `:raises E:` into "Raises", `:returns:` / `:rtype:` —, with
 * references made as the py domain makes them while reading (pending_xref,
 * no inliner). Unknown fields keep their body under a capitalised name.
 */
import { type Element, type Node, Text, element } from '../nodes.js';
import { splitWhitespace } from '../python-text.js';
import type { SphinxEnvironment } from './environment.js';
import { sphinxElement } from './nodes.js';

type InnerNode = 'Text' | 'emphasis' | 'literal_emphasis' | 'literal_strong';

/**
 * What Field.make_xref does with an inliner (DocFieldTransformer passes the
 * directive's): call the domain's role on the target at the field's line;
 * null when the domain has no such role.
 */
export type FieldRoleCaller = (domain: string, rolename: string, target: string, location: Node) => Node[] | null;

/** The inliner's part of a make_xref call: the caller and the field the reference is made for. */
interface WithInliner {
  call: FieldRoleCaller;
  location: Node;
}

export interface DocField {
  name: string;
  names: readonly string[];
  label: string;
  hasArg: boolean;
  rolename: string | null;
  bodyrolename?: string | null;
  grouped?: boolean;
  canCollapse?: boolean;
  /** TypedField: the type field names and the role of types. */
  typenames?: readonly string[];
  typerolename?: string | null;
  /** PyXrefMixin: references split at delimiters, py context, refspecific. */
  python?: boolean;
}

function inner(kind: InnerNode, text: string): Node {
  return kind === 'Text' ? new Text(text) : sphinxElement(kind, text, text);
}

/** sphinx.domains.python.parse_reftarget. */
function parseReftarget(target: string): [reftype: string, reftarget: string, title: string] {
  let title: string;
  if (target.startsWith('.')) {
    target = target.slice(1);
    title = target;
  } else if (target.startsWith('~')) {
    target = target.slice(1);
    title = target.split('.').pop()!;
  } else if (target.startsWith('typing.')) {
    title = target.slice(7);
  } else {
    title = target;
  }
  return [target === 'None' || target.startsWith('typing.') ? 'obj' : 'class', target, title];
}

/** What a field's references are made with, apart from the target and the content node. */
interface XrefRequest {
  field: DocField;
  rolename: string | null;
  domain: string;
  innerKind: InnerNode;
  env: SphinxEnvironment;
  inliner?: WithInliner | null;
}

/** Field.make_xref (with the inliner, when given, for fields outside the py domain), plus PyXrefMixin's changes. */
function makeXref(request: XrefRequest, target: string, contnode: Node | null): Node {
  const { field, rolename, domain, innerKind, env } = request;
  const inliner = request.inliner ?? null;
  if (!rolename) return contnode ?? inner(innerKind, target);
  // PyXrefMixin always passes no inliner; other fields call the role when there is one.
  if (!field.python && inliner) {
    const nodes = inliner.call(domain, rolename, target, inliner.location);
    if (nodes !== null) return element('inline', target, '', nodes);
    env.warn(`Problem in ${domain} domain: field is supposed to use role '${rolename}', but that role is not in the domain.`, inliner.location.line, {
      source: inliner.location.source,
    });
  }
  const refnode = sphinxElement('pending_xref', '', '', [contnode ?? inner(innerKind, target)], {
    refdomain: domain,
    refexplicit: false,
    reftype: rolename,
    reftarget: target,
  });
  if (!field.python) return refnode;
  refnode.set('refspecific', true);
  refnode.set('py:module', env.refName('py:module'));
  refnode.set('py:class', env.refName('py:class'));
  const [reftype, reftarget, title] = parseReftarget(target);
  if (reftarget !== title) {
    refnode.set('reftype', reftype);
    refnode.set('reftarget', reftarget);
    refnode.clear();
    refnode.append(inner(innerKind, title));
  }
  return refnode;
}

/** PyXrefMixin.make_xrefs' delimiters. */
const DELIMITERS = /(\s*[[\](),](?:\s*o[rf]\s)?\s*|\s+o[rf]\s+|\s*\|\s*|\.\.\.)/;
const STARTS_WITH_DELIMITER = /^(?:\s*[[\](),](?:\s*o[rf]\s)?\s*|\s+o[rf]\s+|\s*\|\s*|\.\.\.)/;

function makeXrefs(request: XrefRequest, target: string, contnode: Node | null): Node[] {
  if (!request.field.python) return [makeXref(request, target, contnode)];
  const splitContnode = contnode !== null && contnode.astext() === target;
  let inLiteral = false;
  const results: Node[] = [];
  for (const subTarget of target.split(DELIMITERS).filter((part) => part !== undefined && part !== '')) {
    if (splitContnode) contnode = new Text(subTarget);
    if (inLiteral || STARTS_WITH_DELIMITER.test(subTarget)) results.push(contnode ?? inner(request.innerKind, subTarget));
    else results.push(makeXref(request, subTarget, contnode));
    if (subTarget === 'Literal' || subTarget === 'typing.Literal' || subTarget === '~typing.Literal') inLiteral = true;
  }
  return results;
}

type Entry = [fieldarg: string, content: Node[]];

function makeField(field: DocField, types: Map<string, Node[]>, domain: string, items: Entry[], env: SphinxEnvironment, inliner: WithInliner): Element {
  const fieldname = element('field_name', '', field.label);
  if (field.typenames) {
    // TypedField.make_field
    const handleItem = ([fieldarg, content]: Entry): Element => {
      const paragraph = element('paragraph');
      for (const node of makeXrefs({ field, rolename: field.rolename, domain, innerKind: 'literal_strong', env }, fieldarg, null)) paragraph.append(node);
      const fieldtype = types.get(fieldarg);
      if (fieldtype !== undefined) {
        types.delete(fieldarg);
        paragraph.append(new Text(' ('));
        if (fieldtype.length === 1 && fieldtype[0] instanceof Text) {
          for (const node of makeXrefs({ field, rolename: field.typerolename ?? null, domain, innerKind: 'literal_emphasis', env, inliner }, fieldtype[0].astext(), null)) paragraph.append(node);
        } else {
          for (const node of fieldtype) paragraph.append(node);
        }
        paragraph.append(new Text(')'));
      }
      paragraph.append(new Text(' -- '));
      for (const node of content) paragraph.append(node);
      return paragraph;
    };
    let body: Element;
    if (items.length === 1 && field.canCollapse) {
      body = handleItem(items[0]!);
    } else {
      body = element('bullet_list');
      for (const item of items) body.append(element('list_item', '', '', [handleItem(item)]));
    }
    return element('field', '', '', [fieldname, element('field_body', '', '', [body])]);
  }
  if (field.grouped) {
    // GroupedField.make_field
    const list = element('bullet_list');
    for (const [fieldarg, content] of items) {
      const paragraph = element('paragraph');
      for (const node of makeXrefs({ field, rolename: field.rolename, domain, innerKind: 'literal_strong', env, inliner }, fieldarg, null)) paragraph.append(node);
      paragraph.append(new Text(' -- '));
      for (const node of content) paragraph.append(node);
      list.append(element('list_item', '', '', [paragraph]));
    }
    if (items.length === 1 && field.canCollapse) {
      const paragraph = (list.children[0] as Element).children[0]!;
      return element('field', '', '', [fieldname, element('field_body', '', '', [paragraph])]);
    }
    return element('field', '', '', [fieldname, element('field_body', '', '', [list])]);
  }
  // Field.make_field
  let [fieldarg, content] = items[0]!;
  if (fieldarg) {
    fieldname.append(new Text(' '));
    for (const node of makeXrefs({ field, rolename: field.rolename, domain, innerKind: 'Text', env, inliner }, fieldarg, null)) fieldname.append(node);
  }
  const only = content[0];
  if (
    content.length === 1 &&
    (only instanceof Text || (only!.isElement() && only.tagname === 'inline' && only.children.length === 1 && only.children[0] instanceof Text))
  ) {
    content = makeXrefs({ field, rolename: field.bodyrolename ?? null, domain, innerKind: 'emphasis', env, inliner }, only!.astext(), only!);
  }
  return element('field', '', '', [fieldname, element('field_body', '', '', [element('paragraph', '', '', content)])]);
}

function isSingleParagraph(body: Element): boolean {
  if (body.children.length === 0) return false;
  for (const node of body.children.slice(1)) if (!(node.isElement() && node.tagname === 'system_message')) return false;
  const first = body.children[0]!;
  return first.isElement() && first.tagname === 'paragraph';
}

const INLINE_TAGS = (node: Node): boolean => node instanceof Text || (node.isElement() && node.is('Inline'));

/** DocFieldTransformer.transform_all: each field list directly in `content`. */
export function transformDocFields(content: Element, fields: readonly DocField[], domain: string, env: SphinxEnvironment, callRole: FieldRoleCaller): void {
  const typemap = new Map<string, [DocField, boolean]>();
  for (const field of fields) {
    for (const name of field.names) typemap.set(name, [field, false]);
    for (const name of field.typenames ?? []) typemap.set(name, [field, true]);
  }
  // The py domain's object-description-transform handler (filter_meta_fields) drops :meta: fields first.
  if (domain === 'py') {
    for (const child of content.children) {
      if (!child.isElement() || child.tagname !== 'field_list') continue;
      for (const field of [...child.children].reverse()) {
        const name = field.isElement() ? (field.children[0]?.astext() ?? '').trim() : '';
        if (name === 'meta' || name.startsWith('meta ')) child.remove(field);
      }
    }
  }
  for (const child of [...content.children]) {
    if (child.isElement() && child.tagname === 'field_list') transformFieldList(child, typemap, domain, env, callRole);
  }
}

function transformFieldList(list: Element, typemap: Map<string, [DocField, boolean]>, domain: string, env: SphinxEnvironment, callRole: FieldRoleCaller): void {
  type Group = { field: DocField; items: Entry[]; location: Node };
  const entries: (Element | Group)[] = [];
  const groupIndices = new Map<string, number>();
  const types = new Map<string, Map<string, Node[]>>();
  const typesOf = (name: string): Map<string, Node[]> => {
    let map = types.get(name);
    if (!map) types.set(name, (map = new Map()));
    return map;
  };
  for (const field of [...list.children] as Element[]) {
    if (!field.isElement() || field.tagname !== 'field' || field.children.length !== 2) {
      entries.push(field);
      continue;
    }
    const fieldName = field.children[0] as Element;
    const fieldBody = field.children[1] as Element;
    const parts = splitWhitespace(fieldName.astext(), 1);
    const typeName = parts.length === 2 ? parts[0]! : fieldName.astext();
    let fieldarg = parts.length === 2 ? parts[1]! : '';
    const [typedesc, isTypefield] = typemap.get(typeName) ?? [undefined, undefined];
    const single = isSingleParagraph(fieldBody);
    let content: Node[] = single ? [...(fieldBody.children[0] as Element).children] : [...fieldBody.children];
    if (typedesc === undefined || typedesc.hasArg !== Boolean(fieldarg)) {
      let newName = typeName.slice(0, 1).toUpperCase() + typeName.slice(1);
      if (fieldarg) newName += ' ' + fieldarg;
      if (fieldName.children.length > 0) fieldName.setChild(0, new Text(newName));
      else fieldName.append(new Text(newName));
      entries.push(field);
      if (typedesc && isTypefield && content.length === 1 && content[0] instanceof Text) {
        const xrefs = makeXrefs({ field: typedesc, rolename: typedesc.typerolename ?? null, domain, innerKind: 'emphasis', env }, content[0].astext(), content[0]);
        const paragraph = single ? (fieldBody.children[0] as Element) : null;
        if (paragraph) {
          paragraph.clear();
          for (const node of xrefs) paragraph.append(node);
        } else {
          fieldBody.clear();
          fieldBody.append(element('paragraph', '', '', xrefs));
        }
      }
      continue;
    }
    const typename = typedesc.name;
    if (isTypefield) {
      content = content.filter(INLINE_TAGS);
      if (content.length > 0) typesOf(typename).set(fieldarg, content);
      continue;
    }
    if (typedesc.typenames) {
      // :param type name:
      const split = /^(.*\S)\s+(\S+)$/s.exec(fieldarg.trim());
      if (split) {
        typesOf(typename).set(split[2]!, [new Text(split[1]!)]);
        fieldarg = split[2]!;
      }
    }
    // As Sphinx makes it: document, source and line first, so the content's
    // nodes without a line get the document's current one (setup_child).
    const translatable = element('inline', fieldBody.rawsource, '', [], { translatable: true });
    translatable.document = field.document;
    translatable.source = field.source;
    translatable.line = field.line;
    for (const node of content) translatable.append(node);
    if (typedesc.grouped || typedesc.typenames) {
      let index = groupIndices.get(typename);
      if (index === undefined) {
        index = entries.length;
        groupIndices.set(typename, index);
        entries.push({ field: typedesc, items: [], location: field });
      }
      (entries[index] as Group).items.push([fieldarg, [translatable]]);
    } else {
      entries.push({ field: typedesc, items: [[fieldarg, [translatable]]], location: field });
    }
  }
  const newList = element('field_list');
  for (const entry of entries) {
    if ('field' in entry) newList.append(makeField(entry.field, typesOf(entry.field.name), domain, entry.items, env, { call: callRole, location: entry.location }));
    else newList.append(entry);
  }
  list.replaceSelf(newList);
}

/** PyObject.doc_field_types. */
export const PYTHON_DOC_FIELDS: readonly DocField[] = [
  {
    name: 'parameter',
    label: 'Parameters',
    names: ['param', 'parameter', 'arg', 'argument', 'keyword', 'kwarg', 'kwparam'],
    hasArg: true,
    rolename: null,
    grouped: true,
    canCollapse: true,
    typenames: ['paramtype', 'type'],
    typerolename: 'class',
    python: true,
  },
  {
    name: 'variable',
    label: 'Variables',
    names: ['var', 'ivar', 'cvar'],
    hasArg: true,
    rolename: null,
    grouped: true,
    canCollapse: true,
    typenames: ['vartype'],
    typerolename: 'class',
    python: true,
  },
  { name: 'exceptions', label: 'Raises', names: ['raises', 'raise', 'exception', 'except'], hasArg: true, rolename: 'exc', grouped: true, canCollapse: true, python: true },
  { name: 'returnvalue', label: 'Returns', names: ['returns', 'return'], hasArg: false, rolename: null },
  { name: 'returntype', label: 'Return type', names: ['rtype'], hasArg: false, rolename: null, bodyrolename: 'class', python: true },
];

/** JSCallable.doc_field_types. */
export const JAVASCRIPT_CALLABLE_DOC_FIELDS: readonly DocField[] = [
  { name: 'arguments', label: 'Arguments', names: ['argument', 'arg', 'parameter', 'param'], hasArg: true, rolename: null, grouped: true, typenames: ['paramtype', 'type'], typerolename: 'func' },
  { name: 'errors', label: 'Throws', names: ['throws'], hasArg: true, rolename: 'func', grouped: true, canCollapse: true },
  { name: 'returnvalue', label: 'Returns', names: ['returns', 'return'], hasArg: false, rolename: null },
  { name: 'returntype', label: 'Return type', names: ['rtype'], hasArg: false, rolename: null },
];
