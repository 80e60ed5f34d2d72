/**
 * The Text state family (docutils.parsers.rst.states.Text, Definition,
 * Line, QuotedLiteralBlock): a line of text has been read (the context);
 * the next line decides what it was.
 *
 *     Title          underline → section title
 *     =====
 *
 *     term           indent → definition list item
 *        definition
 *
 *     paragraph      text → paragraph continues
 *     text
 *
 *     =====          (Line state) overline of a title, or a transition
 */
import { Element, type Node, Text as TextNode, element, unescape } from '../nodes.js';
import { codePointLength, columnWidth, lstrip, rstrip, strip } from '../python-text.js';
import { StringList, UnexpectedIndentationError } from '../string-list.js';
import { BODY_PATTERNS, CLASSIFIER_DELIMITER, NONALPHANUM7BIT } from './patterns.js';
import { PUNCTUATION_7BIT, mayBeLine } from './body.js';
import { type Context, RSTState } from './rst-state.js';
import {
  EOFError,
  StateCorrection,
  TransitionCorrection,
  type TransitionResult,
  type TransitionSpec,
} from './state-machine.js';

export class Text extends RSTState {
  get name(): string {
    return 'Text';
  }

  protected override initialTransitions(): TransitionSpec[] {
    return [
      { name: 'underline', pattern: BODY_PATTERNS.line, nextState: 'Body', first: PUNCTUATION_7BIT, precheck: mayBeLine },
      { name: 'text', pattern: /^/u, nextState: 'Body' },
    ];
  }

  protected dispatchOwn(name: string, m: RegExpExecArray, c: Context, n: string): TransitionResult<Context> {
    switch (name) {
      case 'underline':
        return this.underline(m, c, n);
      case 'text':
        return this.text(m, c, n);
      default:
        throw new Error(`${this.name} has no transition method ${name}`);
    }
  }

  /** End of paragraph. */
  override blank(_match: RegExpExecArray | null, context: Context, _nextState: string | null): TransitionResult<Context> {
    const [paragraph, literalNext] = this.paragraph(context, this.stateMachine.absLineNumber() - 1);
    this.parent.extend(paragraph);
    if (literalNext) this.parent.extend(this.literalBlock());
    return [[], 'Body', []];
  }

  override eof(context: Context): unknown[] {
    if (context.length > 0) this.blank(null, context, null);
    return [];
  }

  /** Definition list item. */
  indent(_match: RegExpExecArray, context: Context, _nextState: string): TransitionResult<Context> {
    const definitionList = new Element('definition_list');
    const [item, blankFinishItem] = this.definitionListItem(context);
    definitionList.append(item);
    this.parent.append(definitionList);
    this.parseRestOfList(definitionList, 'DefinitionList', blankFinishItem, 'Definition list', {
      blankFinishState: 'Definition',
    });
    return [[], 'Body', []];
  }

  /** Section title. */
  underline(match: RegExpExecArray, context: Context, nextState: string): TransitionResult<Context> {
    const lineno = this.stateMachine.absLineNumber();
    const title = rstrip(context[0]!);
    const underline = rstrip(match.input);
    const source = title + '\n' + underline;
    const messages: Node[] = [];
    if (columnWidth(title) > codePointLength(underline)) {
      if (codePointLength(underline) < 4) {
        if (this.stateMachine.matchTitles) {
          const message = this.reporter.info(
            "Possible title underline, too short for the title.\nTreating it as ordinary text because it's so short.",
            [],
            { line: lineno },
          );
          this.parent.append(message);
        }
        throw new TransitionCorrection('text');
      }
      const blockText = context[0] + '\n' + this.stateMachine.line;
      messages.push(
        this.reporter.warning('Title underline too short.', [element('literal_block', blockText, blockText)], {
          line: lineno,
        }),
      );
    }
    if (!this.stateMachine.matchTitles) {
      const blockText = context[0] + '\n' + this.stateMachine.line;
      const [source2, sourceLine] = this.stateMachine.getSourceAndLine();
      const message = this.reporter.severe(
        'Unexpected section title.',
        [element('literal_block', blockText, blockText)],
        { source: source2 ?? undefined, line: sourceLine },
      );
      this.parent.extend(messages);
      this.parent.append(message);
      return [[], nextState, []];
    }
    const style = underline[0]!;
    context.length = 0;
    this.section(title, source, style, lineno - 1, messages);
    return [[], nextState, []];
  }

  /** Paragraph. */
  text(_match: RegExpExecArray, context: Context, nextState: string): TransitionResult<Context> {
    const startLine = this.stateMachine.absLineNumber() - 1;
    let message: Element | null = null;
    let block: StringList;
    try {
      block = this.stateMachine.getTextBlock(true);
    } catch (error) {
      if (!(error instanceof UnexpectedIndentationError)) throw error;
      block = error.block;
      message = this.reporter.error('Unexpected indentation.', [], {
        source: error.sourceName ?? undefined,
        line: error.lineNumber,
      });
    }
    const lines = [...context, ...block.lines()];
    const [paragraph, literalNext] = this.paragraph(lines, startLine);
    this.parent.extend(paragraph);
    if (message) this.parent.append(message);
    if (literalNext) {
      try {
        this.stateMachine.nextLine();
      } catch (error) {
        if (!(error instanceof EOFError)) throw error;
      }
      this.parent.extend(this.literalBlock());
    }
    return [[], nextState, []];
  }

  literalBlock(): Node[] {
    const [indented, , offset, blankFinish] = this.stateMachine.getIndented();
    while (indented.length > 0 && !strip(indented.lineAt(indented.length - 1))) indented.trimEnd();
    if (indented.length === 0) return this.quotedLiteralBlock();
    const data = indented.join();
    const literalBlock = element('literal_block', data, data);
    [literalBlock.source, literalBlock.line] = this.stateMachine.getSourceAndLine(offset + 1);
    const nodes: Node[] = [literalBlock];
    if (!blankFinish) nodes.push(this.unindentWarning('Literal block'));
    return nodes;
  }

  quotedLiteralBlock(): Node[] {
    const absLineOffset = this.stateMachine.absLineOffset();
    const offset = this.stateMachine.lineOffset;
    const parentNode = new Element('Element');
    const newAbsOffset = this.nestedParse(this.stateMachine.inputLines.slice(offset), absLineOffset, parentNode, false, {
      stateFactories: [{ name: 'QuotedLiteralBlock', create: (machine) => new QuotedLiteralBlock(machine as never) }],
      initialState: 'QuotedLiteralBlock',
    });
    this.gotoLine(newAbsOffset);
    return parentNode.children;
  }

  definitionListItem(termLine: Context): [Element, boolean] {
    const [indented, , lineOffset, blankFinish] = this.stateMachine.getIndented();
    const itemNode = new Element('definition_list_item', [...termLine, ...indented.lines()].join('\n'));
    const lineno = this.stateMachine.absLineNumber() - 1;
    [itemNode.source, itemNode.line] = this.stateMachine.getSourceAndLine(lineno);
    // docutils' lineno here is the definition's last line but one; the term is on the line before the definition.
    const [termList, messages] = this.term(termLine, lineno, lineOffset);
    itemNode.extend(termList);
    const definition = new Element('definition', '', messages);
    itemNode.append(definition);
    if (termLine[0]!.endsWith('::')) {
      definition.append(
        this.reporter.info(
          'Blank line missing before literal block (after the "::")? Interpreted as a definition list item.',
          [],
          { line: lineno + 1 },
        ),
      );
    }
    this.nestedParse(indented, lineOffset, definition);
    return [itemNode, blankFinish];
  }

  term(lines: Context, lineno: number, sourceLineno = lineno): [Element[], Element[]] {
    const [textNodes, messages] = this.inlineText(lines[0]!, lineno, sourceLineno);
    const termNode = new Element('term', lines[0]!);
    [termNode.source, termNode.line] = this.stateMachine.getSourceAndLine(lineno);
    const nodeList: Element[] = [termNode];
    for (const node of textNodes) {
      if (node instanceof TextNode) {
        // Splitting needs " : " somewhere (most terms have no classifier).
        const parts = node.data.includes(' : ') ? node.data.split(CLASSIFIER_DELIMITER) : [node.data];
        if (parts.length === 1) {
          nodeList[nodeList.length - 1]!.append(node);
        } else {
          nodeList[nodeList.length - 1]!.append(new TextNode(rstrip(parts[0]!)));
          for (const part of parts.slice(1)) nodeList.push(element('classifier', unescape(part, true), part));
        }
      } else {
        nodeList[nodeList.length - 1]!.append(node);
      }
    }
    return [nodeList, messages];
  }
}

export class SpecializedText extends Text {
  override get name(): string {
    return 'SpecializedText';
  }

  override eof(_context: Context): unknown[] {
    return [];
  }

  /** Not part of this construct: the nested parse ends. */
  stop(): TransitionResult<Context> {
    return this.endRun();
  }

  override blank(): TransitionResult<Context> {
    return this.stop();
  }

  override indent(_match: RegExpExecArray, _context: Context, _nextState: string): TransitionResult<Context> {
    return this.stop();
  }

  override underline(_match: RegExpExecArray, _context: Context, _nextState: string): TransitionResult<Context> {
    return this.stop();
  }

  override text(_match: RegExpExecArray, _context: Context, _nextState: string): TransitionResult<Context> {
    return this.stop();
  }
}

/** Second line of a potential definition list item. */
export class Definition extends SpecializedText {
  override get name(): string {
    return 'Definition';
  }

  override eof(_context: Context): unknown[] {
    this.stateMachine.previousLine(2);
    return [];
  }

  override indent(_match: RegExpExecArray, context: Context, _nextState: string): TransitionResult<Context> {
    const [item, blankFinish] = this.definitionListItem(context);
    this.parent.append(item);
    this.blankFinish = blankFinish;
    return [[], 'DefinitionList', []];
  }
}

/** Second line of an overlined section title, or a transition. */
export class Line extends SpecializedText {
  /** Cleared while parsing a section so the end of input is not taken for a transition. */
  eofcheck = true;

  override get name(): string {
    return 'Line';
  }

  override eof(context: Context): unknown[] {
    const marker = strip(context[0]!);
    if (this.memo.sectionBubbleUpKludge) {
      this.memo.sectionBubbleUpKludge = false;
    } else if (codePointLength(marker) < 4) {
      this.stateCorrection(context);
    }
    if (this.eofcheck) {
      const [source, sourceLine] = this.stateMachine.getSourceAndLine();
      const transition = new Element('transition', context[0]!);
      transition.source = source;
      transition.line = sourceLine === null ? null : sourceLine - 1;
      this.parent.append(transition);
    }
    this.eofcheck = true;
    return [];
  }

  override blank(_match?: RegExpExecArray | null, context?: Context): TransitionResult<Context> {
    const ctx = context!;
    const [source, sourceLine] = this.stateMachine.getSourceAndLine();
    const marker = strip(ctx[0]!);
    if (codePointLength(marker) < 4) this.stateCorrection(ctx);
    const transition = new Element('transition', marker);
    transition.source = source;
    transition.line = sourceLine === null ? null : sourceLine - 1;
    this.parent.append(transition);
    return [[], 'Body', []];
  }

  override text(match: RegExpExecArray, context: Context, _nextState: string): TransitionResult<Context> {
    const lineno = this.stateMachine.absLineNumber() - 1;
    let overline = context[0]!;
    let title = match.input;
    let underline = '';
    try {
      underline = this.stateMachine.nextLine();
    } catch (error) {
      if (!(error instanceof EOFError)) throw error;
      const blockText = overline + '\n' + title;
      if (rstrip(overline).length < 4) {
        this.shortOverline(context, blockText, lineno, 2);
      } else {
        const message = this.reporter.severe(
          'Incomplete section title.',
          [element('literal_block', blockText, blockText)],
          { line: lineno },
        );
        this.parent.append(message);
        return [[], 'Body', []];
      }
    }
    const source = `${overline}\n${title}\n${underline}`;
    overline = rstrip(overline);
    underline = rstrip(underline);
    const underlinePattern = this.transitions.get('underline')!.pattern;
    underlinePattern.lastIndex = 0;
    if (!underlinePattern.test(underline)) {
      const blockText = overline + '\n' + title + '\n' + underline;
      if (rstrip(overline).length < 4) {
        this.shortOverline(context, blockText, lineno, 2);
      } else {
        const message = this.reporter.severe(
          'Missing matching underline for section title overline.',
          [element('literal_block', source, source)],
          { line: lineno },
        );
        this.parent.append(message);
        return [[], 'Body', []];
      }
    } else if (overline !== underline) {
      const blockText = overline + '\n' + title + '\n' + underline;
      if (rstrip(overline).length < 4) {
        this.shortOverline(context, blockText, lineno, 2);
      } else {
        const message = this.reporter.severe(
          'Title overline & underline mismatch.',
          [element('literal_block', source, source)],
          { line: lineno },
        );
        this.parent.append(message);
        return [[], 'Body', []];
      }
    }
    title = rstrip(title);
    const messages: Node[] = [];
    if (columnWidth(title) > codePointLength(overline)) {
      const blockText = overline + '\n' + title + '\n' + underline;
      if (rstrip(overline).length < 4) {
        this.shortOverline(context, blockText, lineno, 2);
      } else {
        messages.push(
          this.reporter.warning('Title overline too short.', [element('literal_block', source, source)], {
            line: lineno,
          }),
        );
      }
    }
    const style: [string, string] = [overline[0]!, underline[0]!];
    this.eofcheck = false;
    this.section(lstrip(title), source, style, lineno + 1, messages);
    // Ended by the title: eofcheck stays off for eof(), as when docutils raises through here.
    if (this.stateMachine.stopRequested) return [[], 'Body', []];
    this.eofcheck = true;
    return [[], 'Body', []];
  }

  override indent(match: RegExpExecArray, context: Context, nextState: string): TransitionResult<Context> {
    return this.text(match, context, nextState);
  }

  override underline(_match: RegExpExecArray, context: Context, _nextState: string): TransitionResult<Context> {
    const overline = context[0]!;
    const blockText = overline + '\n' + this.stateMachine.line;
    const lineno = this.stateMachine.absLineNumber() - 1;
    if (rstrip(overline).length < 4) this.shortOverline(context, blockText, lineno, 1);
    const message = this.reporter.error(
      'Invalid section title or transition marker.',
      [element('literal_block', blockText, blockText)],
      { line: lineno },
    );
    this.parent.append(message);
    return [[], 'Body', []];
  }

  shortOverline(context: Context, _blockText: string, lineno: number, lines = 1): never {
    const message = this.reporter.info(
      "Possible incomplete section title.\nTreating the overline as ordinary text because it's so short.",
      [],
      { line: lineno },
    );
    this.parent.append(message);
    return this.stateCorrection(context, lines);
  }

  stateCorrection(context: Context, lines = 1): never {
    this.stateMachine.previousLine(lines);
    context.length = 0;
    throw new StateCorrection('Body', 'text');
  }
}

const INITIAL_QUOTED = new RegExp(`^(${NONALPHANUM7BIT})`, 'u');

/** A literal block introduced by "::" whose lines all start with the same punctuation. */
export class QuotedLiteralBlock extends RSTState {
  messages: Element[] = [];
  initialLineno: number | null = null;

  get name(): string {
    return 'QuotedLiteralBlock';
  }

  protected override initialTransitions(): TransitionSpec[] {
    return [
      { name: 'initial_quoted', pattern: INITIAL_QUOTED, first: PUNCTUATION_7BIT },
      { name: 'text', pattern: /^/u },
    ];
  }

  protected dispatchOwn(name: string, m: RegExpExecArray, c: Context, n: string): TransitionResult<Context> {
    switch (name) {
      case 'initial_quoted':
        return this.initialQuoted(m, c, n);
      case 'quoted':
        return this.quoted(m, c, n);
      case 'text':
        return this.text(m, c, n);
      default:
        throw new Error(`${this.name} has no transition method ${name}`);
    }
  }

  override blank(_match: RegExpExecArray, context: Context, nextState: string): TransitionResult<Context> {
    if (context.length > 0) throw new EOFError();
    return [context, nextState, []];
  }

  override eof(context: Context): unknown[] {
    if (context.length > 0) {
      const [source, sourceLine] = this.stateMachine.getSourceAndLine(this.initialLineno);
      const text = context.join('\n');
      const literalBlock = element('literal_block', text, text);
      literalBlock.source = source;
      literalBlock.line = sourceLine;
      this.parent.append(literalBlock);
    } else {
      this.parent.append(
        this.reporter.warning('Literal block expected; none found.', [], { line: this.stateMachine.absLineNumber() }),
      );
      this.stateMachine.previousLine();
    }
    this.parent.extend(this.messages);
    return [];
  }

  indent(_match: RegExpExecArray, _context: Context, _nextState: string): TransitionResult<Context> {
    this.messages.push(this.reporter.error('Unexpected indentation.', [], { line: this.stateMachine.absLineNumber() }));
    this.stateMachine.previousLine();
    throw new EOFError();
  }

  initialQuoted(match: RegExpExecArray, _context: Context, nextState: string): TransitionResult<Context> {
    this.removeTransition('initial_quoted');
    const quote = match.input[0]!;
    // With the u flag only syntax characters may be escaped ("\-" is an error).
    const pattern = new RegExp('^' + quote.replace(/[.*+?^${}()|[\]\\\/]/g, '\\$&'), 'u');
    this.addTransition({ name: 'quoted', pattern });
    this.initialLineno = this.stateMachine.absLineNumber();
    return [[match.input], nextState, []];
  }

  quoted(match: RegExpExecArray, context: Context, nextState: string): TransitionResult<Context> {
    context.push(match.input);
    return [context, nextState, []];
  }

  text(_match: RegExpExecArray, context: Context, _nextState: string): TransitionResult<Context> {
    if (context.length > 0) {
      this.messages.push(
        this.reporter.error('Inconsistent literal block quoting.', [], { line: this.stateMachine.absLineNumber() }),
      );
      this.stateMachine.previousLine();
    }
    throw new EOFError();
  }
}

export { StringList };
