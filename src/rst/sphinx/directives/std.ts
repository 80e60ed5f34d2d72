/**
 * Object descriptions (sphinx.directives.ObjectDescription: desc,
 * desc_signature, desc_content) and the standard domain's directives
 * (sphinx.domains.std): program, option/cmdoption, envvar, glossary,
 * productionlist, plus the generic describe/object.
 *
 *     .. option:: -v, --verbose
 *
 *        Talk more.     → index(entries=[('pair', 'command line option; -v', ...)])
 *                         desc(domain="std", objtype="option")
 *                           desc_signature(ids=["cmdoption-v", ...])
 *                             desc_name "-v" desc_addname "" ...
 *                           desc_content
 */
import { Element, type Node, Text, element, makeId as docutilsMakeId } from '../../nodes.js';
import type { OptionSpec } from '../../directives/directive.js';
import { flag } from '../../directives/options.js';
import { StringList } from '../../string-list.js';
import { pyReprString, splitWhitespace, strip } from '../../python-text.js';
import { type PyTuple, asAttribute, descNode, indexEntry, pyTuple, sphinxElement } from '../nodes.js';
import type { SphinxEnvironment } from '../environment.js';
import { SphinxDirective } from './base.js';
import { type DocField, transformDocFields } from '../doc-fields.js';
import { getSourceLine } from '../../document.js';
import type { RoleFunction } from '../../roles/role.js';

/** sphinx.util.ws_re. */
const WHITESPACE_RUN = /\s+/g;

/** sphinx.util.nodes._make_id: like docutils' make_id, keeping case, dots and underscores. */
export function sphinxMakeIdText(text: string): string {
  let id = text.replace(/[\u00df\u00e6\u0153\u0238\u0239]/g, (char) => DIGRAPHS[char]!);
  id = Array.from(id, (char) => STROKES[char] ?? char).join('');
  id = id.normalize('NFKD').replace(/[^\x00-\x7f]/g, '');
  id = splitWhitespace(id).join(' ').replace(/[^a-zA-Z0-9._]+/g, '-');
  return id.replace(/^[-0-9._]+|-+$/g, '');
}

const DIGRAPHS: Record<string, string> = { '\u00df': 'sz', '\u00e6': 'ae', '\u0153': 'oe', '\u0238': 'db', '\u0239': 'qp' };
const STROKES: Record<string, string> = {
  '\u00f8': 'o', '\u0111': 'd', '\u0127': 'h', '\u0131': 'i', '\u0142': 'l', '\u0167': 't', '\u0180': 'b',
  '\u0183': 'b', '\u0188': 'c', '\u018c': 'd', '\u0192': 'f', '\u0199': 'k', '\u019a': 'l', '\u019e': 'n',
  '\u01a5': 'p', '\u01ab': 't', '\u01ad': 't', '\u01b4': 'y', '\u01b6': 'z', '\u01e5': 'g', '\u0225': 'z',
  '\u0234': 'l', '\u0235': 'n', '\u0236': 't', '\u0237': 'j', '\u023c': 'c', '\u023f': 's', '\u0240': 'z',
  '\u0247': 'e', '\u0249': 'j', '\u024b': 'q', '\u024d': 'r', '\u024f': 'y',
};

/** sphinx.util.nodes.make_id: an id for prefix and term not yet used in the document. */
export function sphinxMakeId(env: SphinxEnvironment, documentIds: ReadonlyMap<string, unknown>, prefix = '', term: string | null = null): string {
  const format = (value: string | number): string => (prefix ? `${prefix}-${value}` : `${env.document.settings.idPrefix || 'id'}${value}`);
  let nodeId: string | null = null;
  if (prefix && term) {
    nodeId = sphinxMakeIdText(format(term));
    if (nodeId === prefix) nodeId = null;
  } else if (term) {
    nodeId = sphinxMakeIdText(term);
    if (nodeId === '') nodeId = null;
  }
  while (nodeId === null || documentIds.has(nodeId)) nodeId = format(env.newSerialno(prefix));
  return nodeId;
}

/** The document's id table (docutils' document.ids). */
function documentIds(directive: SphinxDirective): ReadonlyMap<string, unknown> {
  return directive.state.document.idMap;
}

/** ObjectDescription.get_signatures' backslash-newline joiner. */
const ESCAPED_NEWLINE = /\\\n/g;

/** sphinx.util.nodes.nested_parse_with_titles. */
export function nestedParseWithTitles(directive: SphinxDirective, content: StringList, node: Element): void {
  const memo = directive.state.memo;
  const surroundingTitleStyles = memo.titleStyles;
  const surroundingSectionLevel = memo.sectionLevel;
  memo.titleStyles = [];
  memo.sectionLevel = 0;
  try {
    directive.state.nestedParse(content, 0, node, true);
  } finally {
    memo.titleStyles = surroundingTitleStyles;
    memo.sectionLevel = surroundingSectionLevel;
  }
}

/** A signature that could not be parsed (Sphinx's ValueError from handle_signature). */
export class SignatureError extends Error {}

export abstract class ObjectDescription extends SphinxDirective {
  static override hasContent = true;
  static override requiredArguments = 1;
  static override finalArgumentWhitespace = true;
  static override optionSpec: OptionSpec = { noindex: flag, noindexentry: flag, nocontentsentry: flag };

  protected domain = '';
  protected objtype = '';
  protected indexnode!: Element;
  /** The names handleSignature returned (a string, or a tuple for the py domain), each once. */
  protected names: unknown[] = [];

  /** Fills the signature node; returns the object's name or throws SignatureError. */
  protected handleSignature(_signature: string, _signode: Element): unknown {
    throw new SignatureError();
  }

  protected addTargetAndIndex(_name: unknown, _signature: string, _signode: Element): void {}

  /** The directive's doc field types (ObjectDescription.doc_field_types); none: every field is an unknown one. */
  protected docFields(): readonly DocField[] {
    return [];
  }

  /** Field.make_xref with the directive's inliner: the domain's role on `target`, at the field's line (null: no such role). */
  private callFieldRole(domain: string, rolename: string, target: string, location: Node): Node[] | null {
    const registry = this.state.memo.registry as { domainRole?(domain: string, name: string): RoleFunction | undefined };
    const role = registry.domainRole?.(domain, rolename);
    if (!role) return null;
    const [, line] = getSourceLine(location);
    return role(rolename, target, target, line ?? 0, this.state.inliner, {}, [])[0];
  }

  /** Before the content is parsed (the py domain's nesting of classes). */
  protected beforeContent(): void {}

  /** After the content is parsed. */
  protected afterContent(): void {}

  /** ObjectDescription._object_hierarchy_parts: () unless a domain says otherwise. */
  protected objectHierarchyParts(_signode: Element): string[] {
    return [];
  }

  /** ObjectDescription._toc_entry_name: '' unless a domain says otherwise. */
  protected tocEntryName(_signode: Element): string {
    return '';
  }

  protected get indexEntries(): PyTuple[] {
    return this.indexnode.attributes['entries'] as unknown as PyTuple[];
  }

  run(): Node[] {
    const colon = this.name.indexOf(':');
    if (colon >= 0) {
      this.domain = this.name.slice(0, colon);
      this.objtype = this.name.slice(colon + 1);
    } else {
      this.domain = '';
      this.objtype = this.name;
    }
    this.indexnode = sphinxElement('index', '', '', [], { entries: [] });
    const node = element('desc');
    // As Sphinx does: children appended under the desc get the document's current line.
    node.document = this.state.document;
    const [source, line] = this.getSourceInfo();
    this.state.document.noteSource(source, line === null ? null : line - 1);
    node.set('domain', this.domain);
    node.set('objtype', this.objtype);
    node.set('desctype', this.objtype);
    const noindex = 'noindex' in this.options;
    node.set('noindex', noindex);
    node.set('noindexentry', 'noindexentry' in this.options);
    node.set('nocontentsentry', 'nocontentsentry' in this.options);
    if (this.domain) node.classes.push(this.domain);
    node.classes.push(this.objtype);
    const signatures = this.args[0]!.replace(ESCAPED_NEWLINE, '').split('\n').map((signature) => strip(signature));
    for (const signature of signatures) {
      const signode = descNode('desc_signature', signature, '');
      this.setSourceInfo(signode);
      node.append(signode);
      let name: unknown;
      try {
        name = this.handleSignature(signature, signode);
      } catch (error) {
        if (!(error instanceof SignatureError)) throw error;
        signode.clear();
        signode.append(descNode('desc_name', signature, signature));
        this.setTocAttributes(signode);
        continue;
      }
      this.setTocAttributes(signode);
      const key = JSON.stringify(name);
      if (!this.names.some((known) => JSON.stringify(known) === key)) {
        this.names.push(name);
        if (!noindex) this.addTargetAndIndex(name, signature, signode);
      }
    }
    const contentNode = element('desc_content');
    node.append(contentNode);
    if (this.names.length > 0) this.env.tempData.set('object', this.names[0]);
    this.beforeContent();
    nestedParseWithTitles(this, this.content, contentNode);
    transformDocFields(contentNode, this.docFields(), this.domain, this.env, (domain, rolename, target, location) => this.callFieldRole(domain, rolename, target, location));
    this.env.tempData.set('object', null);
    this.afterContent();
    return [this.indexnode, node];
  }

  /**
   * The private table-of-contents attributes Sphinx sets on every signature
   * (toc_object_entries is on): the object's hierarchy and its entry name;
   * std and describe/object have none, an empty tuple and an empty name.
   */
  private setTocAttributes(signode: Element): void {
    const parts = this.objectHierarchyParts(signode);
    signode.set('_toc_parts', asAttribute(pyTuple(...parts)));
    signode.set('_toc_name', parts.length > 0 ? this.tocEntryName(signode) : '');
  }
}

/** describe / object: the signature is the name, nothing is indexed. */
export class GenericDescription extends ObjectDescription {}

/** GenericObject (std domain objects registered with add_object_type), here envvar. */
export class GenericObject extends ObjectDescription {
  protected indexTemplate = '';

  protected override handleSignature(signature: string, signode: Element): string {
    signode.clear();
    signode.append(descNode('desc_name', signature, signature));
    return signature.replace(WHITESPACE_RUN, ' ');
  }

  protected override addTargetAndIndex(name: string, _signature: string, signode: Element): void {
    const nodeId = sphinxMakeId(this.env, documentIds(this), this.objtype, name);
    signode.ids.push(nodeId);
    this.state.document.noteExplicitTarget(signode);
    if (this.indexTemplate) {
      const colon = this.indexTemplate.indexOf(':');
      let indexType = 'single';
      let entry: string;
      if (colon !== -1) {
        indexType = strip(this.indexTemplate.slice(0, colon));
        entry = strip(this.indexTemplate.slice(colon + 1)).replace('%s', name);
      } else {
        entry = this.indexTemplate.replace('%s', name);
      }
      this.indexEntries.push(indexEntry(indexType, entry, nodeId, '', null));
    }
    this.env.noteDomainObject('std', name, this.objtype, { line: signode.line });
  }
}

export class EnvVar extends GenericObject {
  protected override indexTemplate = 'environment variable; %s';
}

/** option_desc_re. */
const OPTION_DESCRIPTION = /^((?:\/|--|-|\+)?[^\s=]+)(=?\s*.*)/s;

/** .. option:: (std:cmdoption). */
export class Cmdoption extends ObjectDescription {
  protected override handleSignature(signature: string, signode: Element): string {
    let count = 0;
    let firstname = '';
    for (const potential of signature.split(', ')) {
      const option = strip(potential);
      const match = OPTION_DESCRIPTION.exec(option);
      if (!match) {
        this.env.warn(
          `Malformed option description ${pyReprString(option)}, should look like "opt", "-opt args", "--opt args", "/opt args" or "+opt args"`,
          signode.line,
        );
        continue;
      }
      let optname = match[1]!;
      let args = match[2]!;
      if (optname.endsWith('[') && args.endsWith(']')) {
        optname = optname.slice(0, -1);
        args = '[' + args;
      }
      if (count) signode.append(descNode('desc_addname', ', ', ', '));
      signode.append(descNode('desc_name', optname, optname));
      signode.append(descNode('desc_addname', args, args));
      if (!count) {
        firstname = optname;
        signode.attributes['allnames'] = [optname];
      } else {
        (signode.attributes['allnames'] as string[]).push(optname);
      }
      count++;
    }
    if (!firstname) throw new SignatureError();
    return firstname;
  }

  protected override addTargetAndIndex(_firstname: string, _signature: string, signode: Element): void {
    const program = this.env.refName('std:program');
    const allnames = (signode.attributes['allnames'] as string[] | undefined) ?? [];
    for (const optname of allnames) {
      const prefixes = ['cmdoption'];
      if (program) prefixes.push(program);
      if (!optname.startsWith('-') && !optname.startsWith('/')) prefixes.push('arg');
      const prefix = prefixes.join('-');
      const nodeId = sphinxMakeId(this.env, documentIds(this), prefix, optname);
      signode.ids.push(nodeId);
      const oldNodeId = docutilsMakeId(prefix + '-' + optname);
      if (!documentIds(this).has(oldNodeId) && !signode.ids.includes(oldNodeId)) signode.ids.push(oldNodeId);
    }
    this.state.document.noteExplicitTarget(signode);
    const description = program ? `${program} command line option` : 'command line option';
    for (const option of allnames) {
      this.indexEntries.push(indexEntry('pair', `${description}; ${option}`, signode.ids[0]!, '', null));
    }
  }
}

export class Program extends SphinxDirective {
  static override requiredArguments = 1;
  static override finalArgumentWhitespace = true;
  static override optionSpec: OptionSpec = {};

  run(): Node[] {
    const program = strip(this.args[0]!).replace(WHITESPACE_RUN, '-');
    if (program === 'None') this.env.refContext.delete('std:program');
    else this.env.refContext.set('std:program', program);
    return [];
  }
}

/** split_term_classifiers. */
function splitTermClassifiers(line: string): (string | null)[] {
  return [...line.split(/ +: +/), null];
}

interface GlossaryEntry {
  terms: [string, string | null, number | null][];
  definition: StringList;
}

export class Glossary extends SphinxDirective {
  static override hasContent = true;
  static override optionSpec: OptionSpec = { sorted: flag };

  run(): Node[] {
    const node = element('glossary');
    node.document = this.state.document;
    node.set('sorted', 'sorted' in this.options);
    const entries: GlossaryEntry[] = [];
    let inDefinition = true;
    let inComment = false;
    let wasEmpty = true;
    let indentLength = 0;
    const messages: Node[] = [];
    const reporter = this.state.reporter;
    const warn = (text: string, source: string | null, line: number | null): void => {
      messages.push(reporter.warning(text, [], { ...(source !== null ? { source } : {}), line }));
    };
    const content = this.content;
    for (let index = 0; index < content.length; index++) {
      const line = content.data[index]!;
      const source = content.sources[index] ?? null;
      const offset = content.offsets[index] ?? null;
      if (!line) {
        if (inDefinition && entries.length > 0) entries[entries.length - 1]!.definition.append('', source, offset);
        wasEmpty = true;
        continue;
      }
      if (!/^\s/.test(line)) {
        if (line.startsWith('.. ')) {
          inComment = true;
          continue;
        }
        inComment = false;
        if (inDefinition) {
          if (!wasEmpty) warn('glossary term must be preceded by empty line', source, offset);
          entries.push({ terms: [[line, source, offset]], definition: new StringList() });
          inDefinition = false;
        } else {
          if (wasEmpty) warn('glossary terms must not be separated by empty lines', source, offset);
          if (entries.length > 0) entries[entries.length - 1]!.terms.push([line, source, offset]);
          else warn('glossary seems to be misformatted, check indentation', source, offset);
        }
      } else if (inComment) {
        // comment lines are skipped
      } else {
        if (!inDefinition) {
          inDefinition = true;
          indentLength = line.length - line.replace(/^\s+/, '').length;
        }
        if (entries.length > 0) entries[entries.length - 1]!.definition.append(line.slice(indentLength), source, offset);
        else warn('glossary seems to be misformatted, check indentation', source, offset);
      }
      wasEmpty = false;
    }
    const items: Element[] = [];
    for (const { terms, definition } of entries) {
      const termNodes: Node[] = [];
      const systemMessages: Node[] = [];
      for (const [line, source, lineno] of terms) {
        const parts = splitTermClassifiers(line);
        const [textNodes, inlineMessages] = this.state.inlineText(parts[0]!, lineno ?? 0);
        const term = this.makeGlossaryTerm(textNodes, parts[1] ?? null, source, lineno);
        term.rawsource = line;
        systemMessages.push(...inlineMessages);
        termNodes.push(term);
      }
      termNodes.push(...systemMessages);
      const definitionNode = element('definition');
      if (definition.length > 0) this.state.nestedParse(definition, definition.offsets[0] ?? 0, definitionNode);
      termNodes.push(definitionNode);
      items.push(element('definition_list_item', '', '', termNodes));
    }
    const list = element('definition_list', '', '', items);
    list.classes.push('glossary');
    node.append(list);
    return [...messages, node];
  }

  /** make_glossary_term. */
  private makeGlossaryTerm(textNodes: Node[], indexKey: string | null, source: string | null, lineno: number | null): Element {
    const term = element('term', '', '', textNodes);
    term.source = source;
    term.line = lineno;
    const termText = term.astext();
    const nodeId = sphinxMakeId(this.env, documentIds(this), 'term', termText);
    term.ids.push(nodeId);
    this.state.document.noteExplicitTarget(term);
    this.env.noteDomainObject('std', termText, 'term', { line: term.line });
    const index = sphinxElement('index', '', '', [], { entries: [indexEntry('single', termText, nodeId, 'main', indexKey)] });
    index.source = term.source;
    index.line = term.line;
    term.append(index);
    return term;
  }
}

/** token_re: `name` or `group:name` or `~group:name` in a production. */
const TOKEN = /`((~?\w*:)?\w+)`/gu;

function tokenXrefs(text: string, productionGroup: string): Node[] {
  const group = productionGroup ? productionGroup + ':' : '';
  const result: Node[] = [];
  let position = 0;
  for (const match of text.matchAll(TOKEN)) {
    if (match.index! > position) result.push(new Text(text.slice(position, match.index)));
    const token = match[1]!;
    let title: string;
    let target: string;
    if (token.includes(':')) {
      if (token[0] === '~') {
        const parts = token.split(':');
        title = parts[1]!;
        target = token.slice(1);
      } else if (token[0] === ':') {
        title = token.slice(1);
        target = title;
      } else {
        title = token;
        target = token;
      }
    } else {
      title = token;
      target = group + token;
    }
    const refnode = element('pending_xref', title, '', [], { reftype: 'token', refdomain: 'std', reftarget: target });
    refnode.append(element('literal', token, title, [], { classes: ['xref'] }));
    result.push(refnode);
    position = match.index! + match[0].length;
  }
  if (position < text.length) result.push(new Text(text.slice(position)));
  return result;
}

export class ProductionList extends SphinxDirective {
  static override requiredArguments = 1;
  static override finalArgumentWhitespace = true;
  static override optionSpec: OptionSpec = {};

  run(): Node[] {
    const node = element('productionlist');
    this.setSourceInfo(node);
    const lines = this.args[0]!.replace(ESCAPED_NEWLINE, '').split('\n');
    let productionGroup = '';
    let firstRuleSeen = false;
    for (const rule of lines) {
      if (!firstRuleSeen && !rule.includes(':')) {
        productionGroup = strip(rule);
        continue;
      }
      firstRuleSeen = true;
      const colon = rule.indexOf(':');
      if (colon < 0) break;
      const name = strip(rule.slice(0, colon));
      const tokens = rule.slice(colon + 1);
      const subnode = element('production', rule);
      subnode.set('tokenname', name);
      if (name) {
        const prefix = `grammar-token-${productionGroup}`;
        const nodeId = sphinxMakeId(this.env, documentIds(this), prefix, name);
        subnode.ids.push(nodeId);
        this.state.document.noteImplicitTarget(subnode, subnode);
        this.env.noteDomainObject('std', productionGroup ? `${productionGroup}:${name}` : name, 'token', { line: node.line });
      }
      subnode.extend(tokenXrefs(tokens, productionGroup));
      node.append(subnode);
    }
    return [node];
  }
}
