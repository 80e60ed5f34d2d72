/**
 * Sphinx's interpreted text roles (sphinx.roles, the domains' cross-reference
 * roles, sphinx.domains.index and math): what they put in the tree while a
 * document is read. Cross-references stay unresolved `pending_xref` nodes.
 *
 *     :ref:`Title <label>`   → pending_xref(refdomain="std", reftype="ref",
 *                              reftarget="label", refexplicit=True, ...)
 *                                 inline(classes="xref std std-ref") "Title"
 */
import { Element, type Node, Text, element, unescape } from '../nodes.js';
import type { Inliner } from '../inline/inliner.js';
import { OptionValueError } from '../directives/directive.js';
import { classOption, pythonInt, unchanged } from '../directives/options.js';
import { customRole, genericRole, optionsToAttributes, pythonPercentFormat, setClasses } from '../roles/standard.js';
import type { RoleFunction, RoleOptions } from '../roles/role.js';
import { lstrip, strip } from '../python-text.js';
import { type SphinxEnvironment, environmentFromRegistry } from './environment.js';
import { type PyTuple, indexEntry, sphinxElement } from './nodes.js';

/** Arguments Sphinx's role classes keep on `self` while they run. */
export interface RoleCall {
  name: string;
  rawtext: string;
  /** The text with backslash escapes removed. */
  text: string;
  lineno: number;
  inliner: Inliner;
  options: RoleOptions;
  content: string[];
  env: SphinxEnvironment;
}

type RoleResult = [Node[], Element[]];

/** The environment of the document an inliner is parsing. */
export function inlinerEnvironment(inliner: Inliner): SphinxEnvironment {
  return environmentFromRegistry(inliner.memo.registry, inliner.document);
}

/** SphinxRole.set_source_info. */
function setSourceInfo(call: RoleCall, node: Element): void {
  const locator = call.inliner.reporter.sourceLocator;
  if (locator) [node.source, node.line] = locator.getSourceAndLine(call.lineno);
}

/**
 * SphinxRole.__call__: unescapes the text and settles the role name
 * (lower case; the default role's name for interpreted text without one).
 */
function sphinxRole(run: (call: RoleCall) => RoleResult): RoleFunction {
  return (name, rawtext, text, lineno, inliner, options, content) => {
    const env = inlinerEnvironment(inliner);
    let roleName = name.toLowerCase();
    if (!name) {
      roleName = (env.tempData.get('default_role') as string | null | undefined) ?? env.config.default_role ?? '';
      if (!roleName) throw new Error('cannot determine default role!');
    }
    return run({ name: roleName, rawtext, text: unescape(text), lineno, inliner, options: options ?? {}, content: content ?? [], env });
  };
}

/** ReferenceRole's "title <target>" split; "\x00" marks a backslash-escaped "<". */
const EXPLICIT_TITLE = /^(.+?)\s*(?<!\x00)<(.*?)>$/s;

interface ReferenceCall extends RoleCall {
  hasExplicitTitle: boolean;
  disabled: boolean;
  title: string;
  target: string;
}

/** ReferenceRole.__call__: title and target, and whether a leading "!" disables the reference. */
function referenceRole(run: (call: ReferenceCall) => RoleResult): RoleFunction {
  return (name, rawtext, text, lineno, inliner, options, content) => {
    const disabled = text.startsWith('!');
    const match = EXPLICIT_TITLE.exec(text);
    const hasExplicitTitle = match !== null;
    const title = match ? unescape(match[1]!) : unescape(text);
    const target = match ? unescape(match[2]!) : unescape(text);
    const inner = sphinxRole((call) => run({ ...call, hasExplicitTitle, disabled, title, target }));
    return inner(name, rawtext, text, lineno, inliner, options, content);
  };
}

/** sphinx.util.ws_re. */
const WHITESPACE_RUN = /\s+/g;

export interface XRefRoleOptions {
  fixParens?: boolean;
  lowercase?: boolean;
  /** The reference node kind (default pending_xref). */
  nodeKind?: string;
  /** The content node kind (default literal). */
  innerNodeKind?: string;
  warnDangling?: boolean;
  /** process_link: adjust the reference node, return [title, target]. */
  processLink?: (call: ReferenceCall, refnode: Element, title: string, target: string) => [string, string];
  /** result_nodes: the nodes returned for the reference (or content) node. */
  resultNodes?: (call: ReferenceCall, node: Element, isRef: boolean) => RoleResult;
}

/** XRefRole.update_title_and_target (fix_parens). */
function updateTitleAndTarget(call: ReferenceCall, hasExplicitTitle: boolean, title: string, target: string): [string, string] {
  let newTitle = title;
  let newTarget = target;
  if (!hasExplicitTitle) {
    if (newTitle.endsWith('()')) newTitle = newTitle.slice(0, -2);
    if (call.env.config.add_function_parentheses) newTitle += '()';
  }
  if (newTarget.endsWith('()')) newTarget = newTarget.slice(0, -2);
  return [newTitle, newTarget];
}

/** The default process_link: whitespace runs in the target become one space. */
export function defaultProcessLink(_call: ReferenceCall, _refnode: Element, title: string, target: string): [string, string] {
  return [title, target.replace(WHITESPACE_RUN, ' ')];
}

/** XRefRole: a pending_xref with the role's domain and type around a content node. */
export function xrefRole(settings: XRefRoleOptions = {}): RoleFunction {
  const nodeKind = settings.nodeKind ?? 'pending_xref';
  const innerNodeKind = settings.innerNodeKind ?? 'literal';
  const processLink = settings.processLink ?? defaultProcessLink;
  const resultNodes = settings.resultNodes ?? ((_call: ReferenceCall, node: Element): RoleResult => [[node], []]);
  return referenceRole((call) => {
    let refdomain: string;
    let reftype: string;
    let classes: string[];
    const colon = call.name.indexOf(':');
    if (colon < 0) {
      refdomain = '';
      reftype = call.name;
      classes = ['xref', reftype];
    } else {
      refdomain = call.name.slice(0, colon);
      reftype = call.name.slice(colon + 1);
      classes = ['xref', refdomain, `${refdomain}-${reftype}`];
    }
    if (call.disabled) {
      // create_non_xref_node
      let text = unescape(call.text.slice(1));
      if (settings.fixParens) [text] = updateTitleAndTarget(call, false, text, '');
      const node = element(innerNodeKind, call.rawtext, text, [], { classes });
      return resultNodes(call, node, false);
    }
    let target = call.target;
    let title = call.title;
    if (settings.lowercase) target = target.toLowerCase();
    if (settings.fixParens) [title, target] = updateTitleAndTarget(call, call.hasExplicitTitle, title, target);
    const refnode = new Element(nodeKind, call.rawtext, [], {
      refdoc: call.env.docname,
      refdomain,
      reftype,
      refexplicit: call.hasExplicitTitle,
      refwarn: settings.warnDangling ?? false,
    });
    setSourceInfo(call, refnode);
    [title, target] = processLink({ ...call, name: call.name }, refnode, title, target);
    refnode.set('reftarget', target);
    refnode.append(element(innerNodeKind, call.rawtext, title, [], { classes }));
    return resultNodes(call, refnode, true);
  });
}

/** Adds every ref_context entry (std:program, py:module, ...) to the reference node. */
function addRefContext(call: ReferenceCall, refnode: Element): void {
  for (const [key, value] of call.env.refContext) refnode.set(key, value);
}

/** The "~" and "." prefixes of Python and JavaScript targets. */
function dottedProcessLink(
  call: ReferenceCall,
  refnode: Element,
  title: string,
  target: string,
  separator: string,
): [string, string] {
  let newTitle = title;
  let newTarget = target;
  if (!call.hasExplicitTitle) {
    newTitle = lstrip(newTitle, '.');
    newTarget = lstrip(newTarget, '~');
    if (newTitle.startsWith('~')) {
      newTitle = newTitle.slice(1);
      const dot = newTitle.lastIndexOf(separator);
      if (dot !== -1) newTitle = newTitle.slice(dot + separator.length);
    }
  }
  if (newTarget.startsWith('.')) {
    newTarget = newTarget.slice(1);
    refnode.set('refspecific', true);
  }
  return [newTitle, newTarget];
}

/** PyXRefRole. */
export function pyXrefRole(fixParens = false): RoleFunction {
  return xrefRole({
    fixParens,
    processLink: (call, refnode, title, target) => {
      refnode.set('py:module', call.env.refName('py:module'));
      refnode.set('py:class', call.env.refName('py:class'));
      return dottedProcessLink(call, refnode, title, target, '.');
    },
  });
}

/** JSXRefRole. */
export function jsXrefRole(fixParens = false): RoleFunction {
  return xrefRole({
    fixParens,
    processLink: (call, refnode, title, target) => {
      refnode.set('js:object', call.env.refName('js:object'));
      refnode.set('js:module', call.env.refName('js:module'));
      return dottedProcessLink(call, refnode, title, target, '.');
    },
  });
}

/** sphinx.util.cfamily.anon_identifier_re. */
const ANONYMOUS_IDENTIFIER = /(@[a-zA-Z0-9_])[a-zA-Z0-9_]*\b/g;

/** CXRefRole (without the pre-v3 fallback, off by default). */
export function cXrefRole(fixParens = false): RoleFunction {
  return xrefRole({
    fixParens,
    processLink: (call, refnode, title, target) => {
      addRefContext(call, refnode);
      let newTitle = title;
      let newTarget = target;
      if (!call.hasExplicitTitle) {
        newTitle = newTitle.replace(ANONYMOUS_IDENTIFIER, '[anonymous]');
        newTarget = lstrip(newTarget, '~');
        if (newTitle.startsWith('~')) {
          newTitle = newTitle.slice(1);
          const dot = newTitle.lastIndexOf('.');
          if (dot !== -1) newTitle = newTitle.slice(dot + 1);
        }
      }
      return [newTitle, newTarget];
    },
  });
}

/** CPPXRefRole. */
export function cppXrefRole(fixParens = false): RoleFunction {
  return xrefRole({
    fixParens,
    processLink: (call, refnode, title, target) => {
      addRefContext(call, refnode);
      let newTitle = title;
      let newTarget = target;
      if (!call.hasExplicitTitle) newTitle = newTitle.replace(ANONYMOUS_IDENTIFIER, '[anonymous]');
      if (refnode.get('reftype') === 'any') {
        if (!call.hasExplicitTitle && newTitle.endsWith('()')) newTitle = newTitle.slice(0, -2);
        if (newTarget.endsWith('()')) newTarget = newTarget.slice(0, -2);
      }
      if (!call.hasExplicitTitle) {
        newTarget = lstrip(newTarget, '~');
        if (newTitle.startsWith('~')) {
          newTitle = newTitle.slice(1);
          const colons = newTitle.lastIndexOf('::');
          if (colons !== -1) newTitle = newTitle.slice(colons + 2);
        }
      }
      return [newTitle, newTarget];
    },
  });
}

/** EnvVarXRefRole.result_nodes: index entries for the variable. */
function envvarResultNodes(call: ReferenceCall, node: Element, isRef: boolean): RoleResult {
  if (!isRef) return [[node], []];
  const varname = String(node.get('reftarget'));
  const targetId = `index-${call.env.newSerialno('index')}`;
  const index = sphinxElement('index', '', '', [], {
    entries: [
      indexEntry('single', varname, targetId, '', null),
      indexEntry('single', `environment variable; ${varname}`, targetId, '', null),
    ],
  });
  const target = element('target', '', '', [], { ids: [targetId] });
  call.inliner.document.noteExplicitTarget(target);
  return [[index, target, node], []];
}

/** TokenXRefRole.process_link. */
function tokenProcessLink(call: ReferenceCall, _refnode: Element, title: string, target: string): [string, string] {
  let newTitle = title;
  const newTarget = lstrip(target, '~');
  if (!call.hasExplicitTitle && newTitle.startsWith('~')) {
    if (newTitle.includes(':')) {
      // Sphinx's `_, title = title.split(':')` crashes on a second colon; here the second part is the title.
      newTitle = newTitle.split(':')[1]!;
    } else {
      newTitle = newTitle.slice(1);
    }
  }
  return [newTitle, newTarget];
}

// ---- sphinx.roles ---------------------------------------------------------------

/** generic_docroles: a node kind with the role's name as class. */
const GENERIC_DOCROLES: readonly [string, string][] = [
  ['command', 'literal_strong'],
  ['dfn', 'emphasis'],
  ['kbd', 'literal'],
  ['mailheader', 'literal_emphasis'],
  ['makevar', 'literal_strong'],
  ['manpage', 'manpage'],
  ['mimetype', 'literal_emphasis'],
  ['newsgroup', 'literal_emphasis'],
  ['program', 'literal_strong'],
  ['regexp', 'literal'],
];

/** GUILabel's accelerator marker: "&" not doubled and not before whitespace. */
const ACCELERATOR = /(?<!&)&(?![&\s])/;
const TRIANGULAR_BULLET = '\u2023';

function guiLabel(call: RoleCall, text: string): RoleResult {
  const node = element('inline', '', '', [], { rawtext: call.rawtext, classes: [call.name] });
  const spans = text.split(ACCELERATOR);
  node.append(new Text(spans.shift()!));
  for (const rawSpan of spans) {
    const span = rawSpan.replace(/&&/g, '&');
    // Sphinx fails with an IndexError on an accelerator at the very end; here it is dropped.
    if (!span) continue;
    const letter = Array.from(span)[0]!;
    node.append(element('inline', '', '', [new Text(letter)], { classes: ['accelerator'] }));
    node.append(new Text(span.slice(letter.length)));
  }
  return [[node], []];
}

/** EmphasizedLiteral's tokens: escaped backslash, escaped braces, braces. */
const EMPHASIS_PARENS = /(\\\\|\\\{|\\\}|\{|\})/;

/** EmphasizedLiteral.parse: "{variable}" parts become emphasis. */
export function parseEmphasizedLiteral(text: string): Node[] {
  const result: Node[] = [];
  let stack: string[] = [''];
  for (const part of text.split(EMPHASIS_PARENS)) {
    const top = stack.length - 1;
    if (part === '\\\\') {
      stack[top] += '\\';
    } else if (part === '{') {
      if (stack.length >= 2 && stack[stack.length - 2] === '{') stack[top] += '{';
      else stack.push('{', '');
    } else if (part === '}') {
      if (stack.length === 3 && stack[1] === '{' && stack[2]!.length > 0) {
        if (stack[0]) result.push(new Text(stack[0]));
        result.push(element('emphasis', stack[2]!, stack[2]!));
        stack = [''];
      } else {
        stack.push('}');
        stack = [stack.join('')];
      }
    } else if (part === '\\{') {
      stack[top] += '{';
    } else if (part === '\\}') {
      stack[top] += '}';
    } else {
      stack[top] += part;
    }
  }
  const rest = stack.join('');
  if (rest) result.push(new Text(rest));
  return result;
}

const emphasizedLiteral = sphinxRole((call) => {
  const node = element('literal', call.rawtext, '', parseEmphasizedLiteral(call.text), {
    role: call.name.toLowerCase(),
    classes: [call.name],
  });
  return [[node], []];
});

/** Abbreviation's "(explanation)" at the end. */
const ABBREVIATION_EXPLANATION = /\((.*)\)$/s;

const abbreviationRole = sphinxRole((call) => {
  const attributes = optionsToAttributes({ ...call.options });
  const match = ABBREVIATION_EXPLANATION.exec(call.text);
  let text = call.text;
  if (match) {
    text = strip(call.text.slice(0, match.index));
    attributes['explanation'] = match[1]!;
  }
  return [[element('abbreviation', call.rawtext, text, [], attributes)], []];
});

/** Python's int() or null where it raises ValueError. */
function intOrNull(text: string): number | null {
  try {
    return pythonInt(text);
  } catch (error) {
    if (error instanceof OptionValueError) return null;
    throw error;
  }
}

function problematic(call: RoleCall, message: Element): RoleResult {
  return [[call.inliner.problematic(call.rawtext, call.rawtext, message)], [message]];
}

/** PEP and RFC: an index entry, a target and a reference. */
function standardReference(kind: 'pep' | 'rfc'): RoleFunction {
  return referenceRole((call) => {
    const entryText = kind === 'pep' ? `Python Enhancement Proposals; PEP ${call.target}` : `RFC; RFC ${call.target}`;
    const targetId = `index-${call.env.newSerialno('index')}`;
    const index = sphinxElement('index', '', '', [], { entries: [indexEntry('single', entryText, targetId, '', null)] });
    const target = element('target', '', '', [], { ids: [targetId] });
    call.inliner.document.noteExplicitTarget(target);
    const hash = call.target.indexOf('#');
    const numberText = hash >= 0 ? call.target.slice(0, hash) : call.target;
    const number = intOrNull(numberText);
    if (number === null) {
      const message = call.inliner.reporter.error(`invalid ${kind.toUpperCase()} number ${call.target}`, [], { line: call.lineno });
      return problematic(call, message);
    }
    const settings = call.inliner.document.settings;
    let refuri: string;
    if (kind === 'pep') {
      refuri = settings.pepBaseUrl + pythonPercentFormat('pep-%04d/', number);
      if (hash >= 0) refuri += '#' + call.target.slice(hash + 1);
    } else {
      refuri = settings.rfcBaseUrl + pythonPercentFormat('rfc%d.html', number);
      if (hash >= 0) refuri += '#' + call.target.slice(hash + 1);
    }
    const title = call.hasExplicitTitle ? call.title : `${kind.toUpperCase()} ${call.title}`;
    const reference = element('reference', '', '', [element('strong', title, title)], {
      internal: false,
      refuri,
      classes: [kind],
    });
    return [[index, target, reference], []];
  });
}

/** Sphinx's code role (a canonical role, replacing docutils' code role). */
export const sphinxCodeRole: RoleFunction = (_name, rawtext, text, _lineno, _inliner, options) => {
  const normalized: Record<string, unknown> = { ...(options ?? {}) };
  setClasses(normalized);
  const language = typeof normalized['language'] === 'string' ? normalized['language'] : '';
  const classes = ['code'];
  if (language) classes.push('highlight');
  if (Array.isArray(normalized['classes'])) classes.push(...(normalized['classes'] as string[]));
  if (language && !classes.includes(language)) classes.push(language);
  return [[element('literal', rawtext, text, [], { classes, language })], []];
};
sphinxCodeRole.options = { class: classOption, language: unchanged };

/** sphinx.util.nodes.process_index_entry's pair types. */
const PAIR_INDEX_TYPES: readonly [string, string][] = [
  ['module', 'module'],
  ['keyword', 'keyword'],
  ['operator', 'operator'],
  ['object', 'object'],
  ['exception', 'exception'],
  ['statement', 'statement'],
  ['builtin', 'built-in function'],
];
const INDEX_TYPES: readonly string[] = ['single', 'pair', 'double', 'triple', 'see', 'seealso'];

/** sphinx.util.nodes.process_index_entry. */
export function processIndexEntry(rawEntry: string, targetId: string): PyTuple[] {
  const entries: PyTuple[] = [];
  let entry = strip(rawEntry);
  const originalEntry = entry;
  let main = '';
  if (entry.startsWith('!')) {
    main = 'main';
    entry = lstrip(entry.slice(1));
  }
  for (const [type, label] of PAIR_INDEX_TYPES) {
    if (entry.startsWith(type + ':')) {
      const value = `${label}; ${strip(entry.slice(type.length + 1))}`;
      entries.push(indexEntry('pair', value, targetId, main, null));
      return entries;
    }
  }
  for (const type of INDEX_TYPES) {
    if (entry.startsWith(type + ':')) {
      const value = strip(entry.slice(type.length + 1));
      entries.push(indexEntry(type === 'double' ? 'pair' : type, value, targetId, main, null));
      return entries;
    }
  }
  for (const part of originalEntry.split(',')) {
    let value = strip(part);
    let partMain = '';
    if (value.startsWith('!')) {
      partMain = 'main';
      value = lstrip(value.slice(1));
    }
    if (!value) continue;
    entries.push(indexEntry('single', value, targetId, partMain, null));
  }
  return entries;
}

/** IndexRole: index entries for the text, which stays in the paragraph. */
const indexRole = referenceRole((call) => {
  const targetId = `index-${call.env.newSerialno('index')}`;
  let title: string;
  let entries: PyTuple[];
  if (call.hasExplicitTitle) {
    title = call.title;
    entries = processIndexEntry(call.target, targetId);
  } else if (call.target.startsWith('!')) {
    title = call.title.slice(1);
    entries = [indexEntry('single', call.target.slice(1), targetId, 'main', null)];
  } else {
    title = call.title;
    entries = [indexEntry('single', call.target, targetId, '', null)];
  }
  const index = sphinxElement('index', '', '', [], { entries });
  const target = element('target', '', '', [], { ids: [targetId] });
  setSourceInfo(call, index);
  return [[index, target, new Text(title)], []];
});

/** MathReferenceRole: the reference's domain is "math" whatever the role's name. */
function mathReferenceRole(warnDangling: boolean): RoleFunction {
  return xrefRole({
    warnDangling,
    resultNodes: (_call, node) => {
      node.set('refdomain', 'math');
      return [[node], []];
    },
  });
}

/** sphinx.util.nodes.explicit_title_re (split_explicit_title). */
const SPLIT_EXPLICIT_TITLE = /^(.+?)\s*(?<!\x00)<([^<]*?)>$/s;

/** Python's `template % text` for templates with one %s and %% escapes. */
function percentString(template: string, text: string): string {
  return template.replace(/%(%|s)/g, (_match, kind: string) => (kind === '%' ? '%' : text));
}

/** A template as make_link_role accepts it: without exactly one %s, the old prefix form. */
function linkTemplate(template: string): string {
  const conversions = template.match(/%(?:%|s)/g) ?? [];
  const substitutions = conversions.filter((conversion) => conversion === '%s').length;
  const stray = template.replace(/%(?:%|s)/g, '').includes('%');
  if (substitutions === 1 && !stray) return template;
  return template.replace(/%/g, '%%') + '%s';
}

/** sphinx.ext.extlinks.make_link_role: `:name:\`part\`` → a reference to the URL pattern with the part. */
export function extlinkRole(baseUrl: string, caption: string | null): RoleFunction {
  const urlTemplate = linkTemplate(baseUrl);
  const captionTemplate = caption === null ? null : linkTemplate(caption);
  return (_name, _rawtext, text) => {
    const unescaped = unescape(text);
    const match = SPLIT_EXPLICIT_TITLE.exec(unescaped);
    const part = match ? match[2]! : unescaped;
    const fullUrl = percentString(urlTemplate, part);
    let title: string;
    if (match) title = match[1]!;
    else title = captionTemplate === null ? fullUrl : percentString(captionTemplate, part);
    return [[element('reference', title, title, [], { internal: false, refuri: fullUrl })], []];
  };
}

// ---- tables ---------------------------------------------------------------------

/** Roles Sphinx registers with docutils' register_local_role (found before any language lookup). */
export function sphinxLocalRoles(): Map<string, RoleFunction> {
  const roles = new Map<string, RoleFunction>();
  for (const [name, nodeKind] of GENERIC_DOCROLES) {
    roles.set(name, customRole(name, genericRole(nodeKind), { classes: [name] }, null));
  }
  roles.set('download', xrefRole({ nodeKind: 'download_reference' }));
  roles.set('any', xrefRole({ warnDangling: true, processLink: (call, refnode, title, target) => {
    const result = defaultProcessLink(call, refnode, title, target);
    addRefContext(call, refnode);
    return result;
  } }));
  roles.set('pep', standardReference('pep'));
  roles.set('rfc', standardReference('rfc'));
  roles.set('guilabel', sphinxRole((call) => guiLabel(call, call.text)));
  roles.set('menuselection', sphinxRole((call) => guiLabel(call, call.text.replace(/-->/g, TRIANGULAR_BULLET))));
  roles.set('file', emphasizedLiteral);
  roles.set('samp', emphasizedLiteral);
  roles.set('abbr', abbreviationRole);
  // sphinx.domains.index, sphinx.domains.math
  roles.set('index', indexRole);
  roles.set('eq', mathReferenceRole(true));
  return roles;
}

/** The roles of Sphinx's built-in domains, by domain name. */
export function domainRoles(): Map<string, Map<string, RoleFunction>> {
  const optionRole = xrefRole({
    warnDangling: true,
    processLink: (call, refnode, title, target) => {
      refnode.set('std:program', call.env.refName('std:program'));
      return [title, target];
    },
  });
  const std = new Map<string, RoleFunction>([
    ['option', optionRole],
    ['envvar', xrefRole({ resultNodes: envvarResultNodes })],
    ['token', xrefRole({ processLink: tokenProcessLink })],
    ['term', xrefRole({ innerNodeKind: 'inline', warnDangling: true })],
    ['ref', xrefRole({ lowercase: true, innerNodeKind: 'inline', warnDangling: true })],
    ['numref', xrefRole({ lowercase: true, warnDangling: true })],
    ['keyword', xrefRole({ warnDangling: true })],
    ['doc', xrefRole({ warnDangling: true, innerNodeKind: 'inline' })],
  ]);
  const py = new Map<string, RoleFunction>([
    ['data', pyXrefRole()],
    ['exc', pyXrefRole()],
    ['func', pyXrefRole(true)],
    ['class', pyXrefRole()],
    ['const', pyXrefRole()],
    ['attr', pyXrefRole()],
    ['meth', pyXrefRole(true)],
    ['mod', pyXrefRole()],
    ['obj', pyXrefRole()],
  ]);
  const c = new Map<string, RoleFunction>();
  for (const name of ['member', 'data', 'var', 'macro', 'struct', 'union', 'enum', 'enumerator', 'type']) c.set(name, cXrefRole());
  c.set('func', cXrefRole(true));
  const cpp = new Map<string, RoleFunction>();
  for (const name of ['any', 'class', 'struct', 'union', 'member', 'var', 'type', 'concept', 'enum', 'enumerator']) {
    cpp.set(name, cppXrefRole());
  }
  cpp.set('func', cppXrefRole(true));
  for (const [domain, roles] of [['c', c], ['cpp', cpp]] as const) {
    roles.set('expr', expressionRole(domain, true));
    roles.set('texpr', expressionRole(domain, false));
  }
  const js = new Map<string, RoleFunction>([
    ['func', jsXrefRole(true)],
    ['meth', jsXrefRole(true)],
    ['class', jsXrefRole(true)],
    ['data', jsXrefRole()],
    ['attr', jsXrefRole()],
    ['mod', jsXrefRole()],
  ]);
  const rst = new Map<string, RoleFunction>([
    ['dir', xrefRole()],
    ['role', xrefRole()],
  ]);
  const math = new Map<string, RoleFunction>([['numref', mathReferenceRole(false)]]);
  return new Map([
    ['std', std],
    ['py', py],
    ['c', c],
    ['cpp', cpp],
    ['js', js],
    ['rst', rst],
    ['math', math],
    ['changeset', new Map()],
    ['citation', new Map()],
    ['index', new Map()],
  ]);
}

/**
 * CExprRole / CPPExprRole (`:c:expr:`, `:c:texpr:`, `:cpp:expr:`,
 * `:cpp:texpr:`): a desc_inline of the domain around the expression. Sphinx
 * parses the expression with the C or C++ grammar and describes it as
 * signature nodes (references for names); here the expression stays text,
 * as Sphinx shows one it cannot parse (without its warning).
 */
function expressionRole(domain: 'c' | 'cpp', asCode: boolean): RoleFunction {
  return (_name, _rawtext, text) => {
    const expression = unescape(text).replace(/\n/g, ' ');
    const node = sphinxElement('desc_inline', expression, expression, [], { classes: [`${domain}-${asCode ? 'expr' : 'texpr'}`, 'sig', 'sig-inline', domain] });
    return [[node], []];
  };
}
