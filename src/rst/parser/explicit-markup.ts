/**
 * Explicit markup blocks (".. "): footnotes, citations, hyperlink targets,
 * substitution definitions, directives and comments
 * (docutils.parsers.rst.states.Body, explicit constructs).
 *
 *     .. [1] footnote          .. _name: target
 *     .. [label] citation      .. |name| directive:: args
 *     .. name:: args           .. anything else is a comment
 */
import { Element, type Node, element, fullyNormalizeName, unescape, whitespaceNormalizeName } from '../nodes.js';
import { lstrip, pyReprString, rstrip, splitWhitespace, strip } from '../python-text.js';
import { StringList } from '../string-list.js';
import { escape2null, splitEscapedWhitespace } from '../inline/escapes.js';
import {
  DirectiveError,
  OptionValueError,
  type DirectiveClass,
  type DirectiveOptions,
  type OptionSpec,
} from '../directives/directive.js';
import { BODY_PATTERNS, EXPLICIT_CONSTRUCTS, EXPLICIT_PATTERNS } from './patterns.js';
import type { Body } from './body.js';
import { MarkupError } from './body.js';

/** [nodes, blank finish] */
export type ExplicitResult = [Node[], boolean];

type Construct = (state: Body, match: RegExpExecArray) => ExplicitResult;

const CONSTRUCTS: readonly [Construct, RegExp][] = [
  [footnote, EXPLICIT_CONSTRUCTS.footnote],
  [citation, EXPLICIT_CONSTRUCTS.citation],
  [hyperlinkTarget, EXPLICIT_CONSTRUCTS.hyperlinkTarget],
  [substitutionDef, EXPLICIT_CONSTRUCTS.substitutionDef],
  [(state, match) => directive(state, match, {}), EXPLICIT_CONSTRUCTS.directive],
];

/** Determine which explicit construct this is, parse it, and return the result. */
export function explicitConstruct(state: Body, match: RegExpExecArray): ExplicitResult {
  const errors: Element[] = [];
  for (const [method, pattern] of CONSTRUCTS) {
    pattern.lastIndex = 0;
    const explicitMatch = pattern.exec(match.input);
    if (explicitMatch) {
      try {
        return method(state, explicitMatch);
      } catch (error) {
        if (!(error instanceof MarkupError)) throw error;
        const lineno = state.stateMachine.absLineNumber();
        errors.push(state.reporter.warning(error.message, [], { line: lineno }));
        break;
      }
    }
  }
  const [nodes, blankFinish] = comment(state, match);
  return [[...nodes, ...errors], blankFinish];
}

function footnote(state: Body, match: RegExpExecArray): ExplicitResult {
  const [source, sourceLine] = state.stateMachine.getSourceAndLine();
  const [indented, , offset, blankFinish] = state.stateMachine.getFirstKnownIndented(match[0].length);
  const label = match[1]!;
  let name = fullyNormalizeName(label);
  const node = new Element('footnote', indented.join());
  node.source = source;
  node.line = sourceLine;
  if (name.startsWith('#')) {
    name = name.slice(1);
    node.set('auto', 1);
    if (name) node.names.push(name);
    state.document.noteAutofootnote(node);
  } else if (name === '*') {
    name = '';
    node.set('auto', '*');
    state.document.noteSymbolFootnote(node);
  } else {
    node.append(element('label', '', label));
    node.names.push(name);
    state.document.noteFootnote(node);
  }
  if (name) state.document.noteExplicitTarget(node, node);
  else state.document.setId(node, node);
  if (indented.length > 0) state.nestedParse(indented, offset, node);
  return [[node], blankFinish];
}

function citation(state: Body, match: RegExpExecArray): ExplicitResult {
  const [source, sourceLine] = state.stateMachine.getSourceAndLine();
  const [indented, , offset, blankFinish] = state.stateMachine.getFirstKnownIndented(match[0].length);
  const label = match[1]!;
  const name = fullyNormalizeName(label);
  const node = new Element('citation', indented.join());
  node.source = source;
  node.line = sourceLine;
  node.append(element('label', '', label));
  node.names.push(name);
  state.document.noteCitation(node);
  state.document.noteExplicitTarget(node, node);
  if (indented.length > 0) state.nestedParse(indented, offset, node);
  return [[node], blankFinish];
}

function hyperlinkTarget(state: Body, match: RegExpExecArray): ExplicitResult {
  const pattern = EXPLICIT_PATTERNS.target;
  const lineno = state.stateMachine.absLineNumber();
  const [indentedBlock, , , blankFinish] = state.stateMachine.getFirstKnownIndented(match[0].length, true, false);
  const blockText = match.input.slice(0, match[0].length) + indentedBlock.join();
  const block = indentedBlock.data.map((line) => escape2null(line));
  let escaped = block[0]!;
  let blockIndex = 0;
  let targetMatch: RegExpExecArray | null;
  for (;;) {
    pattern.lastIndex = 0;
    targetMatch = pattern.exec(escaped);
    if (targetMatch) break;
    blockIndex += 1;
    if (blockIndex >= block.length) throw new MarkupError('malformed hyperlink target.');
    escaped += block[blockIndex]!;
  }
  block.splice(0, blockIndex);
  block[0] = strip((block[0]! + ' ').slice(pySliceStart(targetMatch[0].length - escaped.length - 1, block[0]!.length + 1)));
  const target = makeTarget(state, block, blockText, lineno, targetMatch.groups?.['name'] ?? '');
  return [[target], blankFinish];
}

/** Python's negative slice start resolved against a length. */
function pySliceStart(start: number, length: number): number {
  if (start < 0) return Math.max(0, length + start);
  return Math.min(start, length);
}

function makeTarget(state: Body, block: string[], blockText: string, lineno: number, targetName: string): Node {
  const [targetType, data] = parseTarget(block);
  if (targetType === 'refname') {
    const target = element('target', blockText, '', [], { refname: fullyNormalizeName(data) });
    target.indirectReferenceName = data;
    addTarget(state, targetName, '', target, lineno);
    state.document.noteIndirectTarget(target);
    return target;
  }
  const target = element('target', blockText, '');
  addTarget(state, targetName, data, target, lineno);
  return target;
}

function parseTarget(block: string[]): ['refname' | 'refuri', string] {
  if (block.length > 0 && strip(block[block.length - 1]!).endsWith('_')) {
    const reference = block.map((line) => strip(line)).join(' ');
    const refname = isReference(reference);
    if (refname) return ['refname', refname];
  }
  const parts = splitEscapedWhitespace(block.join(' '));
  const reference = parts.map((part) => splitWhitespace(unescape(part)).join('')).join(' ');
  return ['refuri', reference];
}

function isReference(reference: string): string | null {
  const match = EXPLICIT_PATTERNS.reference.exec(whitespaceNormalizeName(reference));
  if (!match) return null;
  return unescape(match.groups?.['simple'] || match.groups?.['phrase'] || '');
}

function addTarget(state: Body, targetName: string, refuri: string, target: Element, lineno: number): void {
  target.line = lineno;
  if (targetName) {
    const name = fullyNormalizeName(unescape(targetName));
    target.names.push(name);
    if (refuri) {
      const uri = state.inliner.adjustUri(refuri);
      if (!uri) throw new Error(`problem with URI: '${refuri}'`);
      target.set('refuri', uri);
    }
    state.document.noteExplicitTarget(target, state.parent);
  } else {
    if (refuri) target.set('refuri', refuri);
    target.set('anonymous', 1);
    state.document.noteAnonymousTarget(target);
  }
}

function substitutionDef(state: Body, match: RegExpExecArray): ExplicitResult {
  const pattern = EXPLICIT_PATTERNS.substitution;
  const [source, sourceLine] = state.stateMachine.getSourceAndLine();
  const [block, , offsetIn, blankFinishIn] = state.stateMachine.getFirstKnownIndented(match[0].length, false, false);
  let offset = offsetIn;
  let blankFinish = blankFinishIn;
  const blockText = match.input.slice(0, match[0].length) + block.join();
  block.disconnect();
  let escaped = escape2null(rstrip(block.lineAt(0)));
  let blockIndex = 0;
  let definitionMatch: RegExpExecArray | null;
  for (;;) {
    pattern.lastIndex = 0;
    definitionMatch = pattern.exec(escaped);
    if (definitionMatch) break;
    blockIndex += 1;
    if (blockIndex >= block.length) throw new MarkupError('malformed substitution definition.');
    escaped = escaped + ' ' + escape2null(strip(block.data[blockIndex]!));
  }
  block.trimStart(blockIndex);
  const first = strip(block.lineAt(0)) + ' ';
  const start = pySliceStart(definitionMatch[0].length - escaped.length - 1, first.length);
  block.data[0] = first.slice(start, first.length - 1);
  if (!block.data[0]) {
    block.deleteAt(0);
    offset += 1;
  }
  while (block.length > 0 && !strip(block.lineAt(block.length - 1))) block.pop();
  const subname = definitionMatch.groups!['name']!;
  const substitutionNode = new Element('substitution_definition', blockText);
  substitutionNode.source = source;
  substitutionNode.line = sourceLine;
  if (block.length === 0) {
    const message = state.reporter.warning(
      `Substitution definition "${subname}" missing contents.`,
      [element('literal_block', blockText, blockText)],
      { source: source ?? undefined, line: sourceLine },
    );
    return [[message], blankFinish];
  }
  block.data[0] = strip(block.lineAt(0));
  substitutionNode.names.push(whitespaceNormalizeName(subname));
  [, blankFinish] = state.nestedListParse(block, offset, substitutionNode, 'SubstitutionDef', blankFinish);
  let index = 0;
  for (const node of [...substitutionNode.children]) {
    if (!(node.is('Inline') || node.isText())) {
      state.parent.append(substitutionNode.children[index]!);
      substitutionNode.children.splice(index, 1);
    } else {
      index += 1;
    }
  }
  for (const node of substitutionNode.findall((candidate) => candidate.isElement())) {
    const candidate = node as Element;
    if (disallowedInsideSubstitutionDefinitions(candidate)) {
      const pformat = element('literal_block', '', rstrip(candidate.pformat()));
      const message = state.reporter.error(
        `Substitution definition contains illegal element <${candidate.tagname}>:`,
        [pformat, element('literal_block', blockText, blockText)],
        { source: source ?? undefined, line: sourceLine },
      );
      return [[message], blankFinish];
    }
  }
  if (substitutionNode.length === 0) {
    const message = state.reporter.warning(
      `Substitution definition "${subname}" empty or invalid.`,
      [element('literal_block', blockText, blockText)],
      { source: source ?? undefined, line: sourceLine },
    );
    return [[message], blankFinish];
  }
  state.document.noteSubstitutionDef(substitutionNode, subname, state.parent);
  return [[substitutionNode], blankFinish];
}

function disallowedInsideSubstitutionDefinitions(node: Element): boolean {
  return (
    node.ids.length > 0 ||
    (node.tagname === 'reference' && Boolean(node.get('anonymous'))) ||
    (node.tagname === 'footnote_reference' && Boolean(node.get('auto')))
  );
}

/** Look up and run a directive; unknown directives become an error message. */
export function directive(state: Body, match: RegExpExecArray, optionPresets: DirectiveOptions): ExplicitResult {
  const typeName = match[1]!;
  const [directiveClass, messages] = state.memo.registry.directive(typeName, state.memo.language, state.document);
  state.parent.extend(messages);
  if (directiveClass) return runDirective(state, directiveClass, match, typeName, optionPresets);
  return unknownDirective(state, typeName);
}

function runDirective(
  state: Body,
  directiveClass: DirectiveClass,
  match: RegExpExecArray,
  typeName: string,
  optionPresets: DirectiveOptions,
): ExplicitResult {
  const machine = state.stateMachine;
  const lineno = machine.absLineNumber();
  const initialLineOffset = machine.lineOffset;
  const [indented, , lineOffset, blankFinish] = machine.getFirstKnownIndented(match[0].length, false, true, false);
  const blockText = machine.inputLines.slice(initialLineOffset, machine.lineOffset + 1).join();
  let parsed: [string[], DirectiveOptions, StringList, number];
  try {
    parsed = parseDirectiveBlock(state, indented, lineOffset, directiveClass, optionPresets);
  } catch (error) {
    if (!(error instanceof MarkupError)) throw error;
    const message = state.reporter.error(
      `Error in "${typeName}" directive:\n${error.message}.`,
      [element('literal_block', blockText, blockText)],
      { line: lineno },
    );
    return [[message], blankFinish];
  }
  const [args, options, content, contentOffset] = parsed;
  const instance = new directiveClass(typeName, args, options, content, lineno, contentOffset, blockText, state, machine);
  let result: Node[];
  try {
    result = instance.run();
  } catch (error) {
    if (!(error instanceof DirectiveError)) throw error;
    const message = state.reporter.systemMessage(error.level, error.msg, [], { line: lineno });
    message.append(element('literal_block', blockText, blockText));
    result = [message];
  }
  return [result, blankFinish || machine.isNextLineBlank()];
}

/** [arguments, options, content, content offset] */
export function parseDirectiveBlock(
  state: Body,
  indented: StringList,
  lineOffsetIn: number,
  directiveClass: DirectiveClass,
  optionPresets: DirectiveOptions,
): [string[], DirectiveOptions, StringList, number] {
  let lineOffset = lineOffsetIn;
  // Python treats an empty option_spec dict as false.
  const optionSpec =
    directiveClass.optionSpec && Object.keys(directiveClass.optionSpec).length > 0 ? directiveClass.optionSpec : null;
  const hasContent = directiveClass.hasContent;
  const takesArguments = directiveClass.requiredArguments > 0 || directiveClass.optionalArguments > 0;
  if (indented.length > 0 && !strip(indented.lineAt(0))) {
    indented.trimStart();
    lineOffset += 1;
  }
  while (indented.length > 0 && !strip(indented.lineAt(indented.length - 1))) indented.trimEnd();
  let argBlock: StringList;
  let content: StringList;
  let contentOffset: number;
  let firstBlank = 0;
  if (indented.length > 0 && (takesArguments || optionSpec)) {
    firstBlank = indented.data.findIndex((line) => !strip(line));
    if (firstBlank < 0) firstBlank = indented.length;
    argBlock = indented.slice(0, firstBlank);
    content = indented.slice(firstBlank + 1);
    contentOffset = lineOffset + firstBlank + 1;
  } else {
    content = indented;
    contentOffset = lineOffset;
    argBlock = new StringList();
  }
  let options: DirectiveOptions;
  if (optionSpec) {
    [options, argBlock] = parseDirectiveOptions(state, optionPresets, optionSpec, argBlock);
  } else {
    options = {};
  }
  if (argBlock.length > 0 && !takesArguments) {
    const rest = indented.slice(firstBlank);
    content = new StringList(
      [...argBlock.data, ...rest.data],
      null,
      {
        sources: [...argBlock.sources, ...rest.sources],
        offsets: [...argBlock.offsets, ...rest.offsets],
        columns: [...argBlock.columns, ...rest.columns],
      },
    );
    contentOffset = lineOffset;
    argBlock = new StringList();
  }
  while (content.length > 0 && !strip(content.lineAt(0))) {
    content.trimStart();
    contentOffset += 1;
  }
  const args = takesArguments ? parseDirectiveArguments(directiveClass, argBlock) : [];
  if (content.length > 0 && !hasContent) throw new MarkupError('no content permitted');
  return [args, options, content, contentOffset];
}

function parseDirectiveOptions(
  state: Body,
  optionPresets: DirectiveOptions,
  optionSpec: OptionSpec,
  argBlockIn: StringList,
): [DirectiveOptions, StringList] {
  const options: DirectiveOptions = { ...optionPresets };
  let argBlock = argBlockIn;
  let optionBlock: StringList | null = null;
  for (let index = 0; index < argBlock.length; index++) {
    if (BODY_PATTERNS.fieldMarker.test(argBlock.data[index]!)) {
      optionBlock = argBlock.slice(index);
      argBlock = argBlock.slice(0, index);
      break;
    }
  }
  if (optionBlock && optionBlock.length > 0) {
    const [success, data] = parseExtensionOptions(state, optionSpec, optionBlock);
    if (success) Object.assign(options, data);
    else throw new MarkupError(data as string);
  }
  return [options, argBlock];
}

function parseDirectiveArguments(directiveClass: DirectiveClass, argBlock: StringList): string[] {
  const required = directiveClass.requiredArguments;
  const optional = directiveClass.optionalArguments;
  const argText = argBlock.join();
  let args = splitWhitespace(argText);
  if (args.length < required) {
    throw new MarkupError(`${required} argument(s) required, ${args.length} supplied`);
  } else if (args.length > required + optional) {
    if (directiveClass.finalArgumentWhitespace) {
      args = splitWhitespace(argText, required + optional - 1);
    } else {
      throw new MarkupError(`maximum ${required + optional} argument(s) allowed, ${args.length} supplied`);
    }
  }
  return args;
}

class ExtensionOptionError extends Error {}

/** [success, options or error text] */
function parseExtensionOptions(
  state: Body,
  optionSpec: OptionSpec,
  datalines: StringList,
): [boolean, DirectiveOptions | string] {
  const node = new Element('field_list');
  const [newLineOffset, blankFinish] = state.nestedListParse(datalines, 0, node, 'ExtensionOptions', true);
  if (newLineOffset !== datalines.length) return [false, 'invalid option block'];
  let options: DirectiveOptions;
  try {
    options = extractExtensionOptions(node, optionSpec);
  } catch (error) {
    if (error instanceof UnknownOptionError) return [false, `unknown option: "${error.optionName}"`];
    if (error instanceof OptionValueError) return [false, `invalid option value: ${error.message}`];
    if (error instanceof ExtensionOptionError) return [false, `invalid option data: ${error.message}`];
    throw error;
  }
  return blankFinish ? [true, options] : [false, 'option data incompletely parsed'];
}

class UnknownOptionError extends Error {
  constructor(readonly optionName: string) {
    super(optionName);
  }
}

/** docutils.utils.extract_extension_options. */
function extractExtensionOptions(fieldList: Element, optionSpec: OptionSpec): DirectiveOptions {
  const optionList: [string, string | null][] = [];
  for (const field of fieldList.children as Element[]) {
    const fieldName = field.children[0]!;
    if (splitWhitespace(fieldName.astext()).length !== 1) {
      throw new ExtensionOptionError('extension option field name may not contain multiple words');
    }
    const name = fieldName.astext().toLowerCase();
    const body = field.children[1] as Element;
    let data: string | null;
    if (body.length === 0) {
      data = null;
    } else if (
      body.length > 1 ||
      !(body.children[0] as Element).is('paragraph') ||
      (body.children[0] as Element).length !== 1 ||
      !(body.children[0] as Element).children[0]!.isText()
    ) {
      throw new ExtensionOptionError(
        `extension option field body may contain\na single paragraph only (option "${name}")`,
      );
    } else {
      data = (body.children[0] as Element).children[0]!.astext();
    }
    optionList.push([name, data]);
  }
  const options: DirectiveOptions = {};
  for (const [name, value] of optionList) {
    if (!Object.prototype.hasOwnProperty.call(optionSpec, name)) throw new UnknownOptionError(name);
    const converter = optionSpec[name];
    if (!converter) throw new UnknownOptionError(name);
    if (Object.prototype.hasOwnProperty.call(options, name)) {
      throw new ExtensionOptionError(`duplicate option "${name}"`);
    }
    try {
      options[name] = converter(value);
    } catch (error) {
      if (error instanceof OptionValueError) {
        throw new OptionValueError(
          `(option: "${name}"; value: ${value === null ? 'None' : pyReprString(value)})\n${error.message}`,
          error.pythonType,
        );
      }
      throw error;
    }
  }
  return options;
}

function unknownDirective(state: Body, typeName: string): ExplicitResult {
  const lineno = state.stateMachine.absLineNumber();
  const [indented, , , blankFinish] = state.stateMachine.getFirstKnownIndented(0, false, false);
  const text = indented.join();
  const error = state.reporter.error(`Unknown directive type "${typeName}".`, [element('literal_block', text, text)], {
    line: lineno,
  });
  return [[error], blankFinish];
}

function comment(state: Body, match: RegExpExecArray): ExplicitResult {
  if (state.stateMachine.isNextLineBlank()) {
    const firstCommentLine = match.input.slice(match[0].length);
    if (!strip(firstCommentLine)) return [[new Element('comment')], true];
    if (firstCommentLine.startsWith('end of inclusion from "')) {
      state.document.includeLog.pop();
      return [[], true];
    }
  }
  const [indented, , , blankFinish] = state.stateMachine.getFirstKnownIndented(match[0].length);
  while (indented.length > 0 && !strip(indented.lineAt(indented.length - 1))) indented.trimEnd();
  const text = indented.join();
  return [[element('comment', text, text)], blankFinish];
}

/** An anonymous target ("__ uri"). */
export function anonymousTarget(state: Body, match: RegExpExecArray): ExplicitResult {
  const lineno = state.stateMachine.absLineNumber();
  const [indented, , , blankFinish] = state.stateMachine.getFirstKnownIndented(match[0].length, true);
  const blockText = match.input.slice(0, match[0].length) + indented.join();
  const block = indented.data.map((line) => escape2null(line));
  const target = makeTarget(state, block, blockText, lineno, '');
  return [[target], blankFinish];
}

export { lstrip };
