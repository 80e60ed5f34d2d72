/**
 * The Body state (docutils.parsers.rst.states.Body): which body construct
 * starts on the current line.
 *
 *     - item          bullet
 *     1. item         enumerator
 *     :name: body     field_marker
 *     -o, --opt  d    option_marker
 *     >>> code        doctest
 *     | line          line_block
 *     +---+---+       grid_table_top
 *     === ===         simple_table_top
 *     .. x            explicit_markup (footnote, citation, target, |sub|, directive, comment)
 *     __ uri          anonymous
 *     -----           line (title overline or transition)
 *     text            text (paragraph, title, definition list)
 */
import { Element, type Node, element, unescape } from '../nodes.js';
import { codePointLength, lstrip, rstrip, splitWhitespace, strip } from '../python-text.js';
import { StringList, UnexpectedIndentationError } from '../string-list.js';
import { fromRoman, InvalidRomanNumeralError, RomanError, toRoman } from '../roman.js';
import {
  GridTableParser,
  SimpleTableParser,
  DOUBLE_WIDTH_PAD_CHAR,
  TableMarkupError,
  TableParserInternalError,
  type CellData,
  type TableData,
} from './tables/index.js';
import {
  ATTRIBUTION,
  BODY_PATTERNS,
  ENUM_FORMATS,
  ENUM_FORMAT_INFO,
  ENUM_SEQUENCES,
  ENUM_SEQUENCE_PATTERNS,
  type EnumFormat,
  type EnumSequence,
  SIMPLE_TABLE_BORDER,
} from './patterns.js';
import { type Context, RSTState } from './rst-state.js';
import { EOFError, type TransitionResult, TransitionCorrection, type TransitionSpec } from './state-machine.js';
import {
  anonymousTarget,
  explicitConstruct,
  type ExplicitResult,
} from './explicit-markup.js';

/** Markup that cannot be parsed as the construct it looked like. */
export class MarkupError extends Error {}

/** docutils' ParserError: an internal inconsistency. */
export class ParserError extends Error {}

/** Names of Body's own transitions, in match order. */
export const BODY_TRANSITIONS = [
  'bullet',
  'enumerator',
  'field_marker',
  'option_marker',
  'doctest',
  'line_block',
  'grid_table_top',
  'simple_table_top',
  'explicit_markup',
  'anonymous',
  'line',
  'text',
] as const;

const BODY_TRANSITION_PATTERNS: Record<(typeof BODY_TRANSITIONS)[number], RegExp> = {
  bullet: BODY_PATTERNS.bullet,
  enumerator: BODY_PATTERNS.enumerator,
  field_marker: BODY_PATTERNS.fieldMarker,
  option_marker: BODY_PATTERNS.optionMarker,
  doctest: BODY_PATTERNS.doctest,
  line_block: BODY_PATTERNS.lineBlock,
  grid_table_top: BODY_PATTERNS.gridTableTop,
  simple_table_top: BODY_PATTERNS.simpleTableTop,
  explicit_markup: BODY_PATTERNS.explicitMarkup,
  anonymous: BODY_PATTERNS.anonymous,
  line: BODY_PATTERNS.line,
  text: BODY_PATTERNS.text,
};

export function bodyTransitionSpecs(nextState?: string): TransitionSpec[] {
  return BODY_TRANSITIONS.map((name) => ({
    name,
    pattern: BODY_TRANSITION_PATTERNS[name],
    nextState,
    first: BODY_FIRST_CHARACTERS[name],
    ...(name === 'enumerator' ? { precheck: mayBeEnumerator } : name === 'line' ? { precheck: mayBeLine } : {}),
  }));
}

/**
 * Whether a line can be a section adornment or transition (one punctuation
 * character repeated, then spaces): its last non-space character is its
 * first. Lines of text starting with markup ("**Note**: ...") fail at once.
 */
export function mayBeLine(line: string): boolean {
  let end = line.length;
  while (end > 1 && line.charCodeAt(end - 1) === 0x20) end--;
  return line.charCodeAt(end - 1) === line.charCodeAt(0);
}

/**
 * Whether a line can start with an enumerator: an optional "(", a run of
 * ASCII letters, digits or "#", then "." or ")" and a space or the line's
 * end. Every line the enumerator pattern matches passes; most paragraph
 * lines (a word and a space) fail at once.
 */
export function mayBeEnumerator(line: string): boolean {
  let index = line.charCodeAt(0) === 0x28 ? 1 : 0;
  const start = index;
  for (; index < line.length; index++) {
    const code = line.charCodeAt(index);
    const isTokenCharacter =
      (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x23;
    if (!isTokenCharacter) break;
  }
  if (index === start) return false;
  const close = line.charCodeAt(index);
  if (close !== 0x2e && close !== 0x29) return false;
  return index + 1 === line.length || line.charCodeAt(index + 1) === 0x20;
}

const DIGITS = '0123456789';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
/** ASCII punctuation (NONALPHANUM7BIT). */
export const PUNCTUATION_7BIT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

/** The characters each Body pattern's match can start with (undefined: any). */
const BODY_FIRST_CHARACTERS: Record<(typeof BODY_TRANSITIONS)[number], string | undefined> = {
  bullet: '-+*\u2022\u2023\u2043',
  enumerator: '(#' + DIGITS + LOWER + UPPER,
  field_marker: ':',
  option_marker: '-+/',
  doctest: '>',
  line_block: '|',
  grid_table_top: '+',
  simple_table_top: '=',
  explicit_markup: '.',
  anonymous: '_',
  line: PUNCTUATION_7BIT,
  text: undefined,
};

type Converter = (text: string) => number;
const ENUM_CONVERTERS: Record<EnumSequence, Converter> = {
  arabic: (text) => parseInt(text, 10),
  loweralpha: (text) => text.charCodeAt(0) - 'a'.charCodeAt(0) + 1,
  upperalpha: (text) => text.charCodeAt(0) - 'A'.charCodeAt(0) + 1,
  lowerroman: (text) => fromRoman(text.toUpperCase()),
  upperroman: (text) => fromRoman(text),
};

export class Body extends RSTState {
  get name(): string {
    return 'Body';
  }

  protected override initialTransitions(): TransitionSpec[] {
    return bodyTransitionSpecs();
  }

  protected dispatchOwn(name: string, m: RegExpExecArray, c: Context, n: string): TransitionResult<Context> {
    switch (name) {
      case 'bullet':
        return this.bullet(m, c, n);
      case 'enumerator':
        return this.enumerator(m, c, n);
      case 'field_marker':
        return this.fieldMarker(m, c, n);
      case 'option_marker':
        return this.optionMarker(m, c, n);
      case 'doctest':
        return this.doctest(m, c, n);
      case 'line_block':
        return this.lineBlock(m, c, n);
      case 'grid_table_top':
        return this.gridTableTop(m, c, n);
      case 'simple_table_top':
        return this.simpleTableTop(m, c, n);
      case 'explicit_markup':
        return this.explicitMarkup(m, c, n);
      case 'anonymous':
        return this.anonymous(m, c, n);
      case 'line':
        return this.line(m, c, n);
      case 'text':
        return this.text(m, c, n);
      default:
        return this.dispatchExtra(name, m, c, n);
    }
  }

  /** Transitions subclasses add (rfc2822, embedded_directive). */
  protected dispatchExtra(name: string, _m: RegExpExecArray, _c: Context, _n: string): TransitionResult<Context> {
    throw new Error(`${this.name} has no transition method ${name}`);
  }

  // ---- block quotes -------------------------------------------------------

  indent(_match: RegExpExecArray, context: Context, nextState: string): TransitionResult<Context> {
    const [indented, , lineOffset, blankFinish] = this.stateMachine.getIndented();
    const elements = this.blockQuote(indented, lineOffset);
    this.parent.extend(elements);
    if (!blankFinish) this.parent.append(this.unindentWarning('Block quote'));
    return [context, nextState, []];
  }

  blockQuote(indentedIn: StringList, lineOffsetIn: number): Node[] {
    const elements: Node[] = [];
    let indented: StringList | null = indentedIn;
    let lineOffset = lineOffsetIn;
    while (indented && indented.length > 0) {
      const blockquote = new Element('block_quote', indented.join());
      [blockquote.source, blockquote.line] = this.stateMachine.getSourceAndLine(lineOffset + 1);
      const [quoteLines, attributionLines, attributionOffset, rest, newLineOffset] = this.splitAttribution(
        indented,
        lineOffset,
      );
      this.nestedParse(quoteLines, lineOffset, blockquote);
      elements.push(blockquote);
      if (attributionLines) {
        const [attribution, messages] = this.parseAttribution(attributionLines, lineOffset + attributionOffset!);
        blockquote.append(attribution);
        elements.push(...messages);
      }
      lineOffset = newLineOffset!;
      indented = rest;
      while (indented && indented.length > 0 && !indented.lineAt(0)) {
        indented = indented.slice(1);
        lineOffset += 1;
      }
    }
    return elements;
  }

  /**
   * Split off an attribution ("-- Author") that follows a blank line at the
   * end of a block quote: [quote, attribution, its index, rest, rest offset].
   */
  splitAttribution(
    indented: StringList,
    lineOffset: number,
  ): [StringList, StringList | null, number | null, StringList | null, number | null] {
    let blank: number | null = null;
    let nonblankSeen = false;
    for (let index = 0; index < indented.length; index++) {
      const line = rstrip(indented.lineAt(index));
      if (line) {
        if (nonblankSeen && blank === index - 1) {
          const match = ATTRIBUTION.exec(line);
          if (match) {
            const [attributionEnd, indent] = this.checkAttribution(indented, index);
            if (attributionEnd !== null) {
              const attributionLines = indented.slice(index, attributionEnd);
              attributionLines.trimLeft(match[0].length, 0, 1);
              attributionLines.trimLeft(indent!, 1);
              return [
                indented.slice(0, index),
                attributionLines,
                index,
                indented.slice(attributionEnd),
                lineOffset + attributionEnd,
              ];
            }
          }
        }
        nonblankSeen = true;
      } else {
        blank = index;
      }
    }
    return [indented, null, null, null, null];
  }

  /** Check that an attribution's continuation lines share one indent: [end, indent] or [null, null]. */
  checkAttribution(indented: StringList, attributionStart: number): [number | null, number | null] {
    let indent: number | null = null;
    let index = attributionStart + 1;
    let broke = false;
    for (index = attributionStart + 1; index < indented.length; index++) {
      const line = rstrip(indented.lineAt(index));
      if (!line) {
        broke = true;
        break;
      }
      const lineIndent = line.length - lstrip(line).length;
      if (indent === null) indent = lineIndent;
      else if (lineIndent !== indent) return [null, null];
    }
    if (!broke) {
      // Python's for-else: i is the last index + 1 (or start + 2 when the loop did not run).
      index = indented.length > attributionStart + 1 ? indented.length : attributionStart + 2;
    }
    return [index, indent ?? 0];
  }

  parseAttribution(indented: StringList, lineOffset: number): [Element, Element[]] {
    const text = rstrip(indented.join());
    const lineno = 1 + lineOffset;
    const [textNodes, messages] = this.inlineText(text, lineno);
    const node = element('attribution', text, '', textNodes);
    [node.source, node.line] = this.stateMachine.getSourceAndLine(lineno);
    return [node, messages];
  }

  // ---- bullet and enumerated lists ----------------------------------------

  bullet(match: RegExpExecArray, _context: Context, nextState: string): TransitionResult<Context> {
    const bulletList = new Element('bullet_list');
    [bulletList.source, bulletList.line] = this.stateMachine.getSourceAndLine();
    this.parent.append(bulletList);
    bulletList.set('bullet', firstChar(match.input));
    const [item, blankFinishItem] = this.listItem(match[0].length);
    bulletList.append(item);
    this.parseRestOfList(bulletList, 'BulletList', blankFinishItem, 'Bullet list');
    return [[], nextState, []];
  }

  listItem(indentIn: number): [Element, boolean] {
    let indented: StringList;
    let lineOffset: number;
    let blankFinish: boolean;
    const line = this.stateMachine.line!;
    if (line.slice(indentIn)) {
      [indented, lineOffset, blankFinish] = this.stateMachine.getKnownIndented(indentIn);
    } else {
      [indented, , lineOffset, blankFinish] = this.stateMachine.getFirstKnownIndented(indentIn);
    }
    const listItem = new Element('list_item', indented.join());
    if (indented.length > 0) this.nestedParse(indented, lineOffset, listItem);
    return [listItem, blankFinish];
  }

  enumerator(match: RegExpExecArray, _context: Context, nextState: string): TransitionResult<Context> {
    const [format, sequence, text, ordinal] = this.parseEnumerator(match);
    if (!this.isEnumeratedListItem(ordinal, sequence, format)) throw new TransitionCorrection('text');
    const enumList = new Element('enumerated_list');
    this.parent.append(enumList);
    enumList.set('enumtype', sequence === '#' ? 'arabic' : sequence);
    enumList.set('prefix', ENUM_FORMAT_INFO[format].prefix);
    enumList.set('suffix', ENUM_FORMAT_INFO[format].suffix);
    if (ordinal !== 1) {
      enumList.set('start', ordinal!);
      const message = this.reporter.info(`Enumerated list start value not ordinal-1: "${text}" (ordinal ${ordinal})`);
      this.parent.append(message);
    }
    const [listItem, blankFinishItem] = this.listItem(match[0].length);
    enumList.append(listItem);
    this.parseRestOfList(enumList, 'EnumeratedList', blankFinishItem, 'Enumerated list', {
      extraSettings: (state) => {
        const list = state as unknown as EnumeratedListSettings;
        list.lastOrdinal = ordinal!;
        list.format = format;
        list.auto = sequence === '#';
      },
    });
    return [[], nextState, []];
  }

  /** [format, sequence, text, ordinal]; ordinal is null for an invalid Roman numeral. */
  parseEnumerator(
    match: RegExpExecArray,
    expectedSequence?: string,
  ): [EnumFormat, EnumSequence | '#', string, number | null] {
    const groups = match.groups!;
    const format = ENUM_FORMATS.find((candidate) => groups[candidate]);
    if (!format) throw new ParserError('enumerator format not matched');
    const info = ENUM_FORMAT_INFO[format];
    const whole = groups[format]!;
    const text = whole.slice(info.start, whole.length + info.end);
    let sequence: EnumSequence | '#' | '' = '';
    if (text === '#') sequence = '#';
    else if (expectedSequence) {
      const pattern = ENUM_SEQUENCE_PATTERNS[expectedSequence as EnumSequence];
      if (!pattern) throw new ParserError(`unknown enumerator sequence: ${sequence}`);
      if (pattern.test(text)) sequence = expectedSequence as EnumSequence;
    } else if (text === 'i') sequence = 'lowerroman';
    else if (text === 'I') sequence = 'upperroman';
    if (!sequence) {
      const found = ENUM_SEQUENCES.find((candidate) => ENUM_SEQUENCE_PATTERNS[candidate].test(text));
      if (!found) throw new ParserError('enumerator sequence not matched');
      sequence = found;
    }
    let ordinal: number | null;
    if (sequence === '#') ordinal = 1;
    else {
      try {
        ordinal = ENUM_CONVERTERS[sequence](text);
      } catch (error) {
        if (error instanceof InvalidRomanNumeralError) ordinal = null;
        else throw error;
      }
    }
    return [format, sequence, text, ordinal];
  }

  /** Check the next line: blank, unindented, or the next enumerator. */
  isEnumeratedListItem(ordinal: number | null, sequence: string, format: EnumFormat): boolean {
    if (ordinal === null) return false;
    let nextLine: string;
    try {
      nextLine = this.stateMachine.nextLine();
    } catch (error) {
      if (!(error instanceof EOFError)) throw error;
      this.stateMachine.previousLine();
      return true;
    }
    this.stateMachine.previousLine();
    if (!strip(nextLine.slice(0, 1))) return true;
    const result = this.makeEnumerator(ordinal + 1, sequence, format);
    if (result) {
      const [nextEnumerator, autoEnumerator] = result;
      if (nextLine.startsWith(nextEnumerator) || nextLine.startsWith(autoEnumerator)) return true;
    }
    return false;
  }

  makeEnumerator(ordinal: number, sequence: string, format: EnumFormat): [string, string] | null {
    let enumerator: string;
    if (sequence === '#') enumerator = '#';
    else if (sequence === 'arabic') enumerator = String(ordinal);
    else {
      if (sequence.endsWith('alpha')) {
        if (ordinal > 26) return null;
        enumerator = String.fromCharCode(ordinal + 'a'.charCodeAt(0) - 1);
      } else if (sequence.endsWith('roman')) {
        try {
          enumerator = toRoman(ordinal);
        } catch (error) {
          if (error instanceof RomanError) return null;
          throw error;
        }
      } else {
        throw new ParserError(`unknown enumerator sequence: "${sequence}"`);
      }
      if (sequence.startsWith('lower')) enumerator = enumerator.toLowerCase();
      else if (sequence.startsWith('upper')) enumerator = enumerator.toUpperCase();
      else throw new ParserError(`unknown enumerator sequence: "${sequence}"`);
    }
    const info = ENUM_FORMAT_INFO[format];
    return [`${info.prefix}${enumerator}${info.suffix} `, `${info.prefix}#${info.suffix} `];
  }

  // ---- field lists --------------------------------------------------------

  fieldMarker(match: RegExpExecArray, _context: Context, nextState: string): TransitionResult<Context> {
    const fieldList = new Element('field_list');
    this.parent.append(fieldList);
    const [field, blankFinishField] = this.field(match);
    fieldList.append(field);
    this.parseRestOfList(fieldList, 'FieldList', blankFinishField, 'Field list');
    return [[], nextState, []];
  }

  field(match: RegExpExecArray): [Element, boolean] {
    const name = this.parseFieldMarker(match);
    const [source, sourceLine] = this.stateMachine.getSourceAndLine();
    const lineno = this.stateMachine.absLineNumber();
    const [indented, , lineOffset, blankFinish] = this.stateMachine.getFirstKnownIndented(match[0].length);
    const fieldNode = new Element('field');
    fieldNode.source = source;
    fieldNode.line = sourceLine;
    const [nameNodes, nameMessages] = this.inlineText(name, lineno);
    fieldNode.append(element('field_name', name, '', nameNodes));
    const fieldBody = new Element('field_body', indented.join(), nameMessages);
    fieldNode.append(fieldBody);
    if (indented.length > 0) this.parseFieldBody(indented, lineOffset, fieldBody);
    return [fieldNode, blankFinish];
  }

  parseFieldMarker(match: RegExpExecArray): string {
    const field = match[0].slice(1);
    return field.slice(0, field.lastIndexOf(':'));
  }

  parseFieldBody(indented: StringList, offset: number, node: Element): void {
    this.nestedParse(indented, offset, node);
  }

  // ---- option lists -------------------------------------------------------

  optionMarker(match: RegExpExecArray, _context: Context, nextState: string): TransitionResult<Context> {
    const optionList = new Element('option_list');
    [optionList.source, optionList.line] = this.stateMachine.getSourceAndLine();
    let listItem: Element;
    let blankFinishItem: boolean;
    try {
      [listItem, blankFinishItem] = this.optionListItem(match);
    } catch (error) {
      if (!(error instanceof MarkupError)) throw error;
      const message = this.reporter.error(`Invalid option list marker: ${error.message}`);
      this.parent.append(message);
      const [indented, , lineOffset, blankFinish] = this.stateMachine.getFirstKnownIndented(match[0].length);
      this.parent.extend(this.blockQuote(indented, lineOffset));
      if (!blankFinish) this.parent.append(this.unindentWarning('Option list'));
      return [[], nextState, []];
    }
    this.parent.append(optionList);
    optionList.append(listItem);
    this.parseRestOfList(optionList, 'OptionList', blankFinishItem, 'Option list');
    return [[], nextState, []];
  }

  optionListItem(match: RegExpExecArray): [Element, boolean] {
    const offset = this.stateMachine.absLineOffset();
    const options = this.parseOptionMarker(match);
    const [indented, , lineOffset, blankFinish] = this.stateMachine.getFirstKnownIndented(match[0].length);
    if (indented.length === 0) {
      this.gotoLine(offset);
      throw new TransitionCorrection('text');
    }
    const optionGroup = new Element('option_group', '', options);
    const description = new Element('description', indented.join());
    const optionListItem = new Element('option_list_item', '', [optionGroup, description]);
    if (indented.length > 0) this.nestedParse(indented, lineOffset, description);
    return [optionListItem, blankFinish];
  }

  parseOptionMarker(match: RegExpExecArray): Element[] {
    const optlist: Element[] = [];
    const optionStrings = rstrip(match[0]).split(', ');
    for (const optionString of optionStrings) {
      const tokens = splitWhitespace(optionString);
      let delimiter = ' ';
      const first = tokens[0]!;
      const equals = first.indexOf('=');
      if (equals >= 0) {
        tokens.splice(0, 1, first.slice(0, equals), first.slice(equals + 1));
        delimiter = '=';
      } else if (first.length > 2 && ((first.startsWith('-') && !first.startsWith('--')) || first.startsWith('+'))) {
        tokens.splice(0, 1, first.slice(0, 2), first.slice(2));
        delimiter = '';
      }
      if (tokens.length > 1 && tokens[1]!.startsWith('<') && tokens[tokens.length - 1]!.endsWith('>')) {
        tokens.splice(1, tokens.length - 1, tokens.slice(1).join(' '));
      }
      if (tokens.length > 0 && tokens.length <= 2) {
        const option = new Element('option', optionString);
        option.append(element('option_string', tokens[0]!, tokens[0]!));
        if (tokens.length > 1) {
          option.append(element('option_argument', tokens[1]!, tokens[1]!, [], { delimiter }));
        }
        optlist.push(option);
      } else {
        throw new MarkupError(
          `wrong number of option tokens (=${tokens.length}), should be 1 or 2: "${optionString}"`,
        );
      }
    }
    return optlist;
  }

  // ---- doctest and line blocks --------------------------------------------

  doctest(_match: RegExpExecArray, _context: Context, nextState: string): TransitionResult<Context> {
    const data = this.stateMachine.getTextBlock().join();
    this.parent.append(element('doctest_block', data, data));
    return [[], nextState, []];
  }

  lineBlock(match: RegExpExecArray, _context: Context, nextState: string): TransitionResult<Context> {
    const block = new Element('line_block');
    this.parent.append(block);
    const lineno = this.stateMachine.absLineNumber();
    const [line, messages, blankFinishLine] = this.lineBlockLine(match, lineno);
    block.append(line);
    this.parent.extend(messages);
    let blankFinish = blankFinishLine;
    if (!blankFinish) {
      const offset = this.stateMachine.lineOffset + 1;
      let newLineOffset: number;
      [newLineOffset, blankFinish] = this.nestedListParse(
        this.stateMachine.inputLines.slice(offset),
        this.stateMachine.absLineOffset() + 1,
        block,
        'LineBlock',
        false,
      );
      this.gotoLine(newLineOffset);
    }
    if (!blankFinish) {
      this.parent.append(this.reporter.warning('Line block ends without a blank line.', [], { line: lineno + 1 }));
    }
    if (block.length > 0) {
      const first = block.children[0] as LineNode;
      if (first.indent === undefined) first.indent = 0;
      this.nestLineBlockLines(block);
    }
    return [[], nextState, []];
  }

  lineBlockLine(match: RegExpExecArray, lineno: number): [Element, Element[], boolean] {
    const [indented, , , blankFinish] = this.stateMachine.getFirstKnownIndented(match[0].length, true);
    const text = indented.join();
    const [textNodes, messages] = this.inlineText(text, lineno);
    const line = element('line', text, '', textNodes) as LineNode;
    if (rstrip(match.input) !== '|') line.indent = match[1]!.length - 1;
    return [line, messages, blankFinish];
  }

  nestLineBlockLines(block: Element): void {
    const children = block.children as LineNode[];
    for (let index = 1; index < children.length; index++) {
      if (children[index]!.indent === undefined) children[index]!.indent = children[index - 1]!.indent;
    }
    this.nestLineBlockSegment(block);
  }

  nestLineBlockSegment(block: Element): void {
    const items = block.children as LineNode[];
    const least = Math.min(...items.map((item) => item.indent!));
    const newItems: Node[] = [];
    let newBlock = new Element('line_block') as LineNode;
    for (const item of items) {
      if (item.indent! > least) {
        newBlock.append(item);
      } else {
        if (newBlock.length > 0) {
          this.nestLineBlockSegment(newBlock);
          newItems.push(newBlock);
          newBlock = new Element('line_block') as LineNode;
        }
        newItems.push(item);
      }
    }
    if (newBlock.length > 0) {
      this.nestLineBlockSegment(newBlock);
      newItems.push(newBlock);
    }
    block.splice(0, block.length, newItems);
  }

  // ---- tables -------------------------------------------------------------

  gridTableTop(_match: RegExpExecArray, context: Context, nextState: string): TransitionResult<Context> {
    return this.tableTop(context, nextState, () => this.isolateGridTable(), () => new GridTableParser());
  }

  simpleTableTop(_match: RegExpExecArray, context: Context, nextState: string): TransitionResult<Context> {
    return this.tableTop(context, nextState, () => this.isolateSimpleTable(), () => new SimpleTableParser());
  }

  private tableTop(
    _context: Context,
    nextState: string,
    isolate: () => [StringList | null, Element[], boolean],
    makeParser: () => { parse(block: StringList): TableData },
  ): TransitionResult<Context> {
    const [nodes, blankFinish] = this.table(isolate, makeParser);
    this.parent.extend(nodes);
    if (!blankFinish) {
      const message = this.reporter.warning('Blank line required after table.', [], {
        line: this.stateMachine.absLineNumber() + 1,
      });
      this.parent.append(message);
    }
    return [[], nextState, []];
  }

  private table(
    isolate: () => [StringList | null, Element[], boolean],
    makeParser: () => { parse(block: StringList): TableData },
  ): [Node[], boolean] {
    const [block, messages, blankFinish] = isolate();
    if (block && block.length > 0) {
      try {
        const tableData = makeParser().parse(block);
        const tableLine = this.stateMachine.absLineNumber() - block.length + 1;
        const table = this.buildTable(tableData, tableLine);
        return [[table, ...messages], blankFinish];
      } catch (error) {
        // docutils 0.19 crashes where its table parser's internal checks
        // fail (TableParserInternalError); we report the table as malformed,
        // naming the Python exception, and go on.
        if (error instanceof TableParserInternalError) {
          return [[...this.malformedTable(block, error.message), ...messages], blankFinish];
        }
        if (!(error instanceof TableMarkupError)) throw error;
        return [[...this.malformedTable(block, error.message, error.offset), ...messages], blankFinish];
      }
    }
    return [messages, blankFinish];
  }

  private isolateGridTable(): [StringList | null, Element[], boolean] {
    const messages: Element[] = [];
    let blankFinish = true;
    let block: StringList;
    try {
      block = this.stateMachine.getTextBlock(true);
    } catch (error) {
      if (!(error instanceof UnexpectedIndentationError)) throw error;
      block = error.block;
      messages.push(
        this.reporter.error('Unexpected indentation.', [], {
          source: error.sourceName ?? undefined,
          line: error.lineNumber,
        }),
      );
      blankFinish = false;
    }
    block.disconnect();
    block.padDoubleWidth(DOUBLE_WIDTH_PAD_CHAR);
    const width = codePointLength(strip(block.lineAt(0)));
    for (let index = 0; index < block.length; index++) {
      block.data[index] = strip(block.data[index]!);
      if (!'+|'.includes(block.data[index]![0]!)) {
        blankFinish = false;
        this.stateMachine.previousLine(block.length - index);
        block.deleteRange(index);
        break;
      }
    }
    if (!BODY_PATTERNS.gridTableTop.test(block.data[block.length - 1]!)) {
      blankFinish = false;
      let found = false;
      for (let index = block.length - 2; index > 1; index--) {
        if (BODY_PATTERNS.gridTableTop.test(block.data[index]!)) {
          this.stateMachine.previousLine(block.length - index + 1);
          block.deleteRange(index + 1);
          found = true;
          break;
        }
      }
      if (!found) {
        messages.push(...this.malformedTable(block));
        return [null, messages, blankFinish];
      }
    }
    for (const line of block.data) {
      if (codePointLength(line) !== width || !'+|'.includes(line[line.length - 1]!)) {
        messages.push(...this.malformedTable(block));
        return [null, messages, blankFinish];
      }
    }
    return [block, messages, blankFinish];
  }

  private isolateSimpleTable(): [StringList | null, Element[], boolean] {
    const start = this.stateMachine.lineOffset;
    const lines = this.stateMachine.inputLines;
    const limit = lines.length - 1;
    const topLength = codePointLength(strip(lines.lineAt(start)));
    let found = 0;
    let foundAt: number | null = null;
    let end = -1;
    let index = start + 1;
    let broke = false;
    while (index <= limit) {
      const line = lines.lineAt(index);
      if (SIMPLE_TABLE_BORDER.test(line)) {
        if (codePointLength(strip(line)) !== topLength) {
          this.stateMachine.nextLine(index - start);
          const messages = this.malformedTable(
            lines.slice(start, index + 1),
            'Bottom/header table border does not match top border.',
          );
          return [null, messages, index === limit || !strip(lines.lineAt(index + 1))];
        }
        found += 1;
        foundAt = index;
        if (found === 2 || index === limit || !strip(lines.lineAt(index + 1))) {
          end = index;
          broke = true;
          break;
        }
      }
      index += 1;
    }
    if (!broke) {
      let extra: string;
      let block: StringList;
      if (found) {
        extra = ' or no blank line after table bottom';
        this.stateMachine.nextLine(foundAt! - start);
        block = lines.slice(start, foundAt! + 1);
      } else {
        extra = '';
        this.stateMachine.nextLine(index - start - 1);
        block = lines.slice(start);
      }
      const messages = this.malformedTable(block, `No bottom table border found${extra}.`);
      return [null, messages, !extra];
    }
    this.stateMachine.nextLine(end - start);
    const block = lines.slice(start, end + 1);
    block.padDoubleWidth(DOUBLE_WIDTH_PAD_CHAR);
    return [block, [], end === limit || !strip(lines.lineAt(end + 1))];
  }

  private malformedTable(block: StringList, detail = '', offset = 0): Element[] {
    block.replaceAll(DOUBLE_WIDTH_PAD_CHAR, '');
    const data = block.join();
    let message = 'Malformed table.';
    const startLine = this.stateMachine.absLineNumber() - block.length + 1;
    if (detail) message += '\n' + detail;
    return [this.reporter.error(message, [element('literal_block', data, data)], { line: startLine + offset })];
  }

  buildTable(tableData: TableData, tableLine: number, stubColumnsIn = 0, widths?: string | number[]): Element {
    const { colwidths, headrows, bodyrows } = tableData;
    let stubColumns = stubColumnsIn;
    const table = new Element('table');
    if (widths === 'auto') table.classes.push('colwidths-auto');
    else if (widths) table.classes.push('colwidths-given');
    const tgroup = new Element('tgroup', '', [], { cols: colwidths.length });
    table.append(tgroup);
    for (const colwidth of colwidths) {
      const colspec = new Element('colspec', '', [], { colwidth });
      if (stubColumns) {
        colspec.set('stub', 1);
        stubColumns -= 1;
      }
      tgroup.append(colspec);
    }
    if (headrows.length > 0) {
      const thead = new Element('thead');
      tgroup.append(thead);
      for (const row of headrows) thead.append(this.buildTableRow(row, tableLine));
    }
    const tbody = new Element('tbody');
    tgroup.append(tbody);
    for (const row of bodyrows) tbody.append(this.buildTableRow(row, tableLine));
    return table;
  }

  buildTableRow(rowData: CellData[], tableLine: number): Element {
    const row = new Element('row');
    for (const cell of rowData) {
      if (cell === null) continue;
      const [moreRows, moreCols, offset, cellBlock] = cell;
      const attributes: Record<string, number> = {};
      if (moreRows) attributes['morerows'] = moreRows;
      if (moreCols) attributes['morecols'] = moreCols;
      const entry = new Element('entry', '', [], attributes);
      row.append(entry);
      if (cellBlock.join('')) this.nestedParse(cellBlock, tableLine + offset, entry);
    }
    return row;
  }

  // ---- explicit markup ----------------------------------------------------

  explicitMarkup(match: RegExpExecArray, _context: Context, nextState: string): TransitionResult<Context> {
    const [nodes, blankFinish] = explicitConstruct(this, match);
    this.parent.extend(nodes);
    this.explicitList(blankFinish);
    return [[], nextState, []];
  }

  /** Parse the explicit markup blocks that follow one another without blank lines between. */
  explicitList(blankFinish: boolean): void {
    this.parseRestOfList(this.parent, 'Explicit', blankFinish, 'Explicit markup', {
      matchTitles: this.stateMachine.matchTitles,
    });
  }

  anonymous(match: RegExpExecArray, _context: Context, nextState: string): TransitionResult<Context> {
    const [nodes, blankFinish]: ExplicitResult = anonymousTarget(this, match);
    this.parent.extend(nodes);
    this.explicitList(blankFinish);
    return [[], nextState, []];
  }

  // ---- section adornment lines and text -----------------------------------

  line(match: RegExpExecArray, _context: Context, nextState: string): TransitionResult<Context> {
    if (this.stateMachine.matchTitles) return [[match.input], 'Line', []];
    if (strip(match.input) === '::') throw new TransitionCorrection('text');
    if (strip(match.input).length < 4) {
      const message = this.reporter.info(
        "Unexpected possible title overline or transition.\nTreating it as ordinary text because it's so short.",
        [],
        { line: this.stateMachine.absLineNumber() },
      );
      this.parent.append(message);
      throw new TransitionCorrection('text');
    }
    const blockText = this.stateMachine.line!;
    const message = this.reporter.severe(
      'Unexpected section title or transition.',
      [element('literal_block', blockText, blockText)],
      { line: this.stateMachine.absLineNumber() },
    );
    this.parent.append(message);
    return [[], nextState, []];
  }

  text(match: RegExpExecArray, _context: Context, _nextState: string): TransitionResult<Context> {
    return [[match.input], 'Text', []];
  }
}

/** A `line` element with docutils' internal `indent` attribute. */
export interface LineNode extends Element {
  indent?: number;
}

/** Settings nested_list_parse passes to the EnumeratedList state. */
export interface EnumeratedListSettings {
  lastOrdinal: number;
  format: EnumFormat;
  auto: boolean;
}

function firstChar(text: string): string {
  return String.fromCodePoint(text.codePointAt(0)!);
}

export { unescape };
