/**
 * The reStructuredText layer over the generic state machine
 * (docutils.parsers.rst.states: RSTStateMachine, NestedStateMachine,
 * RSTState): the parse-wide memo, nested parsing of indented blocks, and
 * section bookkeeping.
 */
import type { Document, Reporter } from '../document.js';
import { Element, element, fullyNormalizeName, type Node } from '../nodes.js';
import { lstrip, rstrip, strip } from '../python-text.js';
import { SourceMap } from '../positions.js';
import type { Position } from '../nodes.js';
import { StringList } from '../string-list.js';

const EMPTY_LINES = new StringList();
/** What a transition that ended the run returns (the machine drops it). */
const RUN_ENDED: TransitionResult<Context> = [[], null, []];
import type { Language } from '../languages/language.js';
import type { Inliner, Locator } from '../inline/inliner.js';
import type { Registry } from '../registry.js';
import {
  type StateFactory,
  StateMachineWS,
  StateWS,
  type TransitionResult,
} from './state-machine.js';

/** A section title style: one underline character, or overline and underline characters. */
export type TitleStyle = string | [string, string];

/** Parse-wide state shared by every nested state machine (docutils' `memo`). */
export interface Memo {
  document: Document;
  reporter: Reporter;
  language: Language;
  titleStyles: TitleStyle[];
  sectionLevel: number;
  sectionBubbleUpKludge: boolean;
  inliner: Inliner;
  /** Directives and roles known to this parse (profile plus local roles). */
  registry: Registry;
}

/** Context is the list of pending text lines (docutils passes a list). */
export type Context = string[];

/** Implemented by both the top-level and nested reStructuredText machines. */
export abstract class RSTMachineBase extends StateMachineWS<Context> {
  matchTitles = true;
  declare memo: Memo;
  declare document: Document;
  declare reporter: Reporter;
  declare language: Language;
  declare node: Element;

  /** The states' runtime_init only hooks the reporter up, once: later runs need not visit them. */
  override runtimeInit(): void {
    if (this.memo?.reporter.sourceLocator) return;
    super.runtimeInit();
  }

  protected override beforeTransition(): number | null {
    return this.node && this.document.trackPositions ? this.node.children.length : null;
  }

  protected override afterTransition(marker: number | null, firstLineOffset: number): void {
    if (marker !== null) positionNewChildren(this, marker, firstLineOffset);
  }
}

/** Positions of nodes added by a transition that covered lines [first, current] of this machine's input. */
function positionNewChildren(machine: RSTMachineBase, marker: number, firstLineOffset: number): void {
  const node = machine.node;
  if (!node || node.children.length <= marker) return;
  const map = sourceMapOf(machine.document);
  if (!map) return;
  const lines = machine.inputLines;
  const first = Math.max(0, Math.min(firstLineOffset, lines.length - 1));
  let last = Math.min(Math.max(first, machine.lineOffset), lines.length - 1);
  while (last > first && !strip(lines.lineAt(last))) last--;
  const span = linesSpan(machine, first, last, map);
  if (!span) return;
  for (let index = marker; index < node.children.length; index++) {
    const child = node.children[index]!;
    if (!child.position) child.position = span;
  }
}

/** The source span of lines [first, last] of a machine's input, when they come from the document itself. */
export function linesSpan(machine: RSTMachineBase, first: number, last: number, map: SourceMap): Position | undefined {
  const lines = machine.inputLines;
  const main = machine.document.get('source');
  if (first < 0 || last >= lines.length || lines.sourceAt(first) !== main || lines.sourceAt(last) !== main) return undefined;
  const startLine = lines.offsetAt(first);
  const endLine = lines.offsetAt(last);
  if (startLine === null || endLine === null || startLine === undefined || endLine === undefined) return undefined;
  const firstText = lines.lineAt(first);
  const indent = firstText.length - lstrip(firstText).length;
  return map.span(
    map.offset(startLine, lines.columnAt(first) + indent),
    map.offset(endLine, lines.columnAt(last) + rstrip(lines.lineAt(last)).length),
  );
}

/** The document's source map, made on first use; undefined when the source text is unknown. */
export function sourceMapOf(document: Document): SourceMap | undefined {
  if (!document.trackPositions || (!document.sourceText && document.sourceText !== '')) return undefined;
  const cached = document.attachment<SourceMap>(SOURCE_MAP);
  if (cached) return cached;
  const map = new SourceMap(document.sourceText, document.settings.tabWidth);
  document.attach(SOURCE_MAP, map);
  return map;
}

/** The document's attachment key for its source map (see Document.attach). */
const SOURCE_MAP = Symbol('source map');

export class RSTStateMachine extends RSTMachineBase {
  /** docutils' RSTStateMachine.run. */
  runDocument(inputLines: StringList, document: Document, memo: Memo, inputOffset = 0, matchTitles = true): void {
    this.language = memo.language;
    this.matchTitles = matchTitles;
    this.memo = memo;
    this.document = document;
    this.attachObserver(document);
    this.reporter = memo.reporter;
    this.node = document;
    this.run(inputLines, inputOffset, undefined);
  }
}

/**
 * Nested state machines run inside one another at most this deep; a deeper
 * block becomes a severe system message instead of overflowing the stack.
 * docutils spends at least five Python frames per nested machine (run,
 * check_line, the transition, nested_parse, NestedStateMachine.run), so at
 * Python's default recursion limit of 1,000 it raises RecursionError below
 * 200 levels (about 165 in practice): every input docutils parses stays
 * within this limit.
 */
export const MAX_NESTING_DEPTH = 200;
let activeNestedMachines = 0;

/**
 * Every nested machine parses its own copy of its block (indentation
 * removed), and the copies of all enclosing blocks stay alive while it runs,
 * as in docutils: a large document nested many levels deep would hold
 * gigabytes. A block is not parsed when its size times the depth it sits at
 * (a lower bound of what the enclosing copies hold) passes this many
 * characters. Real documents stay far below: a 1 MB document would have to
 * nest 64 levels deep.
 */
export const MAX_NESTED_CHARACTERS = 64 * 1024 * 1024;
/** Below this depth the sizes are not even counted. */
const COUNT_FROM_DEPTH = 4;

function blockCharacters(lines: StringList): number {
  let total = 0;
  for (let index = 0; index < lines.length; index++) total += lines.lineAt(index).length + 1;
  return total;
}

export class NestedStateMachine extends RSTMachineBase {
  /** Forget the input, tree and memo of the last run (the machine may be reused). */
  release(): void {
    this.inputLines = EMPTY_LINES;
    this.node = undefined as unknown as Element;
    this.memo = undefined as unknown as Memo;
    this.document = undefined as unknown as Document;
    this.reporter = undefined as unknown as Reporter;
  }

  /** docutils' NestedStateMachine.run. */
  runNested(inputLines: StringList, inputOffset: number, memo: Memo, node: Element, matchTitles = true): void {
    if (activeNestedMachines >= MAX_NESTING_DEPTH) {
      this.refuse(
        inputLines,
        inputOffset,
        memo,
        node,
        `Content nested more than ${MAX_NESTING_DEPTH} levels deep is not parsed (docutils 0.19 fails with RecursionError on such input).`,
      );
      return;
    }
    if (activeNestedMachines >= COUNT_FROM_DEPTH) {
      const size = blockCharacters(inputLines);
      if (size * (activeNestedMachines + 1) > MAX_NESTED_CHARACTERS) {
        this.refuse(
          inputLines,
          inputOffset,
          memo,
          node,
          `Content nested ${activeNestedMachines + 1} levels deep is not parsed: at ${size} characters, ` +
            `the copies of it and of the blocks around it would pass ${MAX_NESTED_CHARACTERS} characters.`,
        );
        return;
      }
    }
    activeNestedMachines++;
    try {
      this.runNestedMachine(inputLines, inputOffset, memo, node, matchTitles);
    } finally {
      activeNestedMachines--;
    }
  }

  /** Report a block as a severe message instead of parsing it, and consume it. */
  private refuse(inputLines: StringList, inputOffset: number, memo: Memo, node: Element, message: string): void {
    node.append(memo.reporter.severe(message, [], { line: inputOffset + 1 }));
    this.inputLines = inputLines;
    this.inputOffset = inputOffset;
    this.lineOffset = inputLines.length;
  }

  private runNestedMachine(inputLines: StringList, inputOffset: number, memo: Memo, node: Element, matchTitles: boolean): void {
    this.matchTitles = matchTitles;
    this.memo = memo;
    this.document = memo.document;
    const document = this.document;
    this.attachObserver(document);
    this.reporter = memo.reporter;
    this.language = memo.language;
    this.node = node;
    this.run(inputLines, inputOffset, undefined);
  }
}

/** Which state classes a nested machine starts with. */
export interface NestedMachineSpec {
  stateFactories: readonly StateFactory<Context>[];
  initialState: string;
}

/** Set by states.ts: the standard state classes (avoids an import cycle). */
export const standardStates: { factories: readonly StateFactory<Context>[] } = { factories: [] };

/** Idle nested machines with the standard states. A machine in use is never in the pool. */
const machinePool: NestedStateMachine[] = [];
const MAX_POOLED_MACHINES = 64;

function takeStandardMachine(initialState: string): NestedStateMachine {
  const machine = machinePool.pop() ?? new NestedStateMachine(standardStates.factories, initialState);
  machine.initialState = initialState;
  return machine;
}

function returnStandardMachine(machine: NestedStateMachine): void {
  // Do not keep documents alive through the pooled machine.
  machine.release();
  if (machinePool.length < MAX_POOLED_MACHINES) machinePool.push(machine);
}

export abstract class RSTState extends StateWS<Context> {
  declare stateMachine: RSTMachineBase;
  /** Set by nested_list_parse on the state that owns a list (docutils' `blank_finish`). */
  blankFinish = true;

  constructor(stateMachine: RSTMachineBase) {
    super(stateMachine);
    this.stateMachine = stateMachine;
  }

  // docutils copies these from the machine in runtime_init; reading them
  // through the machine keeps reused machines cheap.
  get memo(): Memo {
    return this.stateMachine.memo;
  }

  get reporter(): Reporter {
    return this.stateMachine.memo.reporter;
  }

  get inliner(): Inliner {
    return this.stateMachine.memo.inliner;
  }

  get document(): Document {
    return this.stateMachine.memo.document;
  }

  get parent(): Element {
    return this.stateMachine.node;
  }

  override runtimeInit(): void {
    const reporter = this.stateMachine.memo.reporter;
    reporter.sourceLocator ??= this.stateMachine;
  }

  /** Moves the machine to an absolute line; past the end is not an error here. */
  gotoLine(absLineOffset: number): void {
    this.stateMachine.moveTo(absLineOffset);
  }

  /**
   * Ends this machine's run as docutils does by raising EOFError (the
   * machine finishes with the state's eof()), without the cost of an
   * exception: the transition returns at once, and its result is dropped.
   */
  endRun(): TransitionResult<Context> {
    this.stateMachine.stopRequested = true;
    return RUN_ENDED;
  }

  override noMatch(context: Context, transitions: readonly string[]): TransitionResult<Context> {
    this.reporter.severe(
      `Internal error: no transition pattern match.  State: "${this.name}"; transitions: ${transitions.join(', ')}; current line: ${this.stateMachine.line}.`,
    );
    return [context, null, []];
  }

  override bof(_context: Context): [Context, unknown[]] {
    return [[], []];
  }

  /**
   * Parse `block` (lines at absolute offset `inputOffset`) into `node` with
   * a nested state machine; returns the new absolute line offset.
   */
  nestedParse(
    block: StringList,
    inputOffset: number,
    node: Element,
    matchTitles = false,
    machine?: NestedMachineSpec,
  ): number {
    const blockLength = block.length;
    // Like docutils' nested_sm_cache, machines with the standard states are reused.
    const stateMachine = machine
      ? new NestedStateMachine(machine.stateFactories, machine.initialState)
      : takeStandardMachine('Body');
    stateMachine.runNested(block, inputOffset, this.memo, node, matchTitles);
    const newOffset = stateMachine.absLineOffset();
    if (!machine) returnStandardMachine(stateMachine);
    // A directive may have inserted lines (include): follow them.
    if (block.parent && block.length - blockLength !== 0) {
      this.stateMachine.nextLine(block.length - blockLength);
    }
    return newOffset;
  }

  /** Parse a list-like construct; returns [new absolute offset, blank finish]. */
  nestedListParse(
    block: StringList,
    inputOffset: number,
    node: Element,
    initialState: string,
    blankFinish: boolean,
    options: {
      blankFinishState?: string;
      extraSettings?: (state: RSTState) => void;
      matchTitles?: boolean;
    } = {},
  ): [number, boolean] {
    const stateMachine = takeStandardMachine(initialState);
    const blankFinishState = options.blankFinishState ?? initialState;
    (stateMachine.state(blankFinishState) as RSTState).blankFinish = blankFinish;
    if (options.extraSettings) options.extraSettings(stateMachine.state(initialState) as RSTState);
    stateMachine.runNested(block, inputOffset, this.memo, node, options.matchTitles ?? false);
    const finished = (stateMachine.state(blankFinishState) as RSTState).blankFinish;
    const newOffset = stateMachine.absLineOffset();
    returnStandardMachine(stateMachine);
    return [newOffset, finished];
  }

  /**
   * Parse the items that follow a list-like construct's first one (the
   * rest of the input, from the next line) with `initialState`, move past
   * them, and warn when the construct ended without a blank line.
   */
  parseRestOfList(
    node: Element,
    initialState: string,
    blankFinish: boolean,
    constructName: string,
    options: Parameters<RSTState['nestedListParse']>[5] = {},
  ): void {
    const machine = this.stateMachine;
    const [newLineOffset, finished] = this.nestedListParse(
      machine.inputLines.slice(machine.lineOffset + 1),
      machine.absLineOffset() + 1,
      node,
      initialState,
      blankFinish,
      options,
    );
    this.gotoLine(newLineOffset);
    if (!finished) this.parent.append(this.unindentWarning(constructName));
  }

  /**
   * Check for a valid subsection and create one if it checks out. When the
   * title ends the enclosing section, this machine's run is stopped
   * (stopRequested): the calling transition returns at once.
   */
  section(title: string, source: string, style: TitleStyle, lineno: number, messages: Node[]): void {
    if (this.checkSubsection(source, style, lineno)) this.newSubsection(title, lineno, messages);
  }

  /**
   * Check for a valid subsection header. When the style belongs to an
   * enclosing level, back up to the title and end this section's parse
   * (docutils raises EOFError; here the run is stopped) so the enclosing
   * machine picks the title up.
   */
  checkSubsection(source: string, style: TitleStyle, lineno: number): boolean {
    const memo = this.memo;
    const titleStyles = memo.titleStyles;
    const myLevel = memo.sectionLevel;
    const index = titleStyles.findIndex((known) => sameStyle(known, style));
    if (index < 0) {
      if (titleStyles.length === memo.sectionLevel) {
        titleStyles.push(style);
        return true;
      }
      this.parent.append(this.titleInconsistent(source, lineno));
      return false;
    }
    const level = index + 1;
    if (level <= myLevel) {
      memo.sectionLevel = level;
      if (typeof style !== 'string') memo.sectionBubbleUpKludge = true;
      this.stateMachine.previousLine((typeof style === 'string' ? 1 : 2) + 1);
      this.endRun();
      return false;
    }
    if (level === myLevel + 1) return true;
    this.parent.append(this.titleInconsistent(source, lineno));
    return false;
  }

  titleInconsistent(sourceText: string, lineno: number): Element {
    return this.reporter.severe('Title level inconsistent:', [element('literal_block', '', sourceText)], {
      line: lineno,
    });
  }

  newSubsection(title: string, lineno: number, messages: Node[]): void {
    const memo = this.memo;
    const myLevel = memo.sectionLevel;
    memo.sectionLevel += 1;
    const sectionNode = new Element('section');
    this.parent.append(sectionNode);
    const [textNodes, titleMessages] = this.inlineText(title, lineno);
    const titleNode = element('title', title, '', textNodes);
    const titleLine = lineno - this.stateMachine.inputOffset - 1;
    const map = sourceMapOf(this.document);
    if (map && titleLine >= 0 && titleLine < this.stateMachine.inputLines.length) {
      titleNode.position = linesSpan(this.stateMachine, titleLine, titleLine, map);
    }
    const name = fullyNormalizeName(titleNode.astext());
    sectionNode.names.push(name);
    sectionNode.append(titleNode);
    sectionNode.extend(messages);
    sectionNode.extend(titleMessages);
    this.document.noteImplicitTarget(sectionNode, sectionNode);
    const offset = this.stateMachine.lineOffset + 1;
    const absOffset = this.stateMachine.absLineOffset() + 1;
    const newAbsOffset = this.nestedParse(this.stateMachine.inputLines.slice(offset), absOffset, sectionNode, true);
    this.gotoLine(newAbsOffset);
    if (memo.sectionLevel <= myLevel) {
      // A title of this level or above ended the subsection: this run ends too.
      this.endRun();
      return;
    }
    memo.sectionLevel = myLevel;
  }

  /** Returns [paragraph and messages, literal block follows ("::")]. */
  paragraph(lines: readonly string[], lineno: number): [Node[], boolean] {
    const data = rstrip(lines.join('\n'));
    let text: string;
    let literalNext = false;
    if (data.endsWith('::') && /(?<!\\)(\\\\)*::$/.test(data)) {
      if (data.length === 2) return [[], true];
      if (' \n'.includes(data[data.length - 3]!)) text = rstrip(data.slice(0, -3));
      else text = data.slice(0, -1);
      literalNext = true;
    } else {
      text = data;
    }
    const [textNodes, messages] = this.inlineText(text, lineno);
    const paragraph = element('paragraph', data, '', textNodes);
    [paragraph.source, paragraph.line] = this.stateMachine.getSourceAndLine(lineno);
    return [[paragraph, ...messages], literalNext];
  }

  /**
   * Parse inline markup; returns [nodes, system messages]. `lineno` is the
   * line docutils reports in messages; `sourceLineno`, when docutils' line
   * is not where the text is, the absolute line the text starts on.
   */
  inlineText(text: string, lineno: number, sourceLineno = lineno): [Node[], Element[]] {
    return this.inliner.parse(text, lineno, this.memo, this.parent, this.locator(text, sourceLineno));
  }

  /**
   * Where the characters of `text` are in the source, when `text` is made
   * of this machine's input lines starting at absolute line `lineno`.
   */
  locator(text: string, lineno: number): Locator | undefined {
    const map = sourceMapOf(this.document);
    if (!map) return undefined;
    const machine = this.stateMachine;
    const lines = machine.inputLines;
    const first = lineno - machine.inputOffset - 1;
    if (first < 0 || first >= lines.length) return undefined;
    const main = this.document.get('source');
    const newline = text.indexOf('\n');
    const firstLineText = newline < 0 ? text : text.slice(0, newline);
    const shift = lines.lineAt(first).indexOf(firstLineText);
    if (shift < 0) return undefined;
    const lineStarts = [0];
    for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
    return {
      map,
      offset: (offset) => {
        // The last line starting at or before `offset` (binary search: a long
        // paragraph has many inline nodes, a scan per node was quadratic).
        let line = 0;
        let after = lineStarts.length;
        while (after - line > 1) {
          const middle = (line + after) >>> 1;
          if (lineStarts[middle]! <= offset) line = middle;
          else after = middle;
        }
        const inputIndex = first + line;
        if (inputIndex >= lines.length || lines.sourceAt(inputIndex) !== main) return undefined;
        const sourceLine = lines.offsetAt(inputIndex);
        if (sourceLine === null || sourceLine === undefined) return undefined;
        const column = lines.columnAt(inputIndex) + (line === 0 ? shift : 0) + (offset - lineStarts[line]!);
        return map.offset(sourceLine, column);
      },
    };
  }

  unindentWarning(nodeName: string): Element {
    const lineno = this.stateMachine.absLineNumber() + 1;
    return this.reporter.warning(`${nodeName} ends without a blank line; unexpected unindent.`, [], { line: lineno });
  }
}

function sameStyle(a: TitleStyle, b: TitleStyle): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a[0] === b[0] && a[1] === b[1];
}
