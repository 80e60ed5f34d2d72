/**
 * The line-oriented state machine docutils' reStructuredText parser runs on
 * (docutils.statemachine): a cursor over a StringList, states made of
 * ordered (pattern, method, next state) transitions, and nested machines
 * for indented blocks.
 */
import { StringList, UnexpectedIndentationError } from '../string-list.js';
import { expandTabs, rstrip, splitlines, strip } from '../python-text.js';

/*
 * Control flow between states uses exceptions, as docutils does. They are
 * thrown on almost every block, so they are plain objects without the
 * stack trace an Error captures.
 */

/** End of input reached while reading lines. */
export class EOFError {
  readonly message = 'end of input';
}

/** Back up one line and retry the current state with one named transition. */
export class TransitionCorrection {
  constructor(readonly transition: string) {}
}

/** Back up one line and switch to another state (optionally with one named transition). */
export class StateCorrection {
  constructor(
    readonly state: string,
    readonly transition?: string,
  ) {}
}

export { UnexpectedIndentationError };

export type TransitionResult<C> = [context: C, nextState: string | null, results: unknown[]];

export interface Transition {
  name: string;
  pattern: RegExp;
  nextState: string;
  /** Characters a matching line can start with; undefined: any. */
  first?: string;
  /** Whether the pattern can match an empty line. */
  matchesEmpty?: boolean;
  /** A cheap test every matching line passes (lines failing it are not tried against the pattern). */
  precheck?: (line: string) => boolean;
}

/** One named transition of a state: its pattern (anchored with ^) and the state it leads to. */
export interface TransitionSpec {
  name: string;
  pattern: RegExp;
  /** Defaults to the state itself. */
  nextState?: string;
  /**
   * Characters a matching line can start with (undefined: any), so lines
   * are only tried against patterns that can match them.
   */
  first?: string;
  /** With `first`: whether an empty line can match. */
  matchesEmpty?: boolean;
  /** A necessary condition for a match, cheaper than the pattern (see Transition.precheck). */
  precheck?: (line: string) => boolean;
}

interface TransitionTable {
  order: string[];
  transitions: Map<string, Transition>;
  /** Per first character of a line: the transitions that can match it, in order (made on demand). */
  byFirst: Map<string, Transition[]>;
}

/** Transition tables are the same for every instance of a state class: built once per class. */
const classTables = new WeakMap<object, TransitionTable>();

export abstract class State<C = unknown> {
  stateMachine: StateMachine<C>;
  /** Set when an instance changes its transitions (QuotedLiteralBlock): its own copy of the table. */
  private ownTable: TransitionTable | null = null;
  /** The class's shared table, once looked up. */
  private classTable: TransitionTable | null = null;

  constructor(stateMachine: StateMachine<C>) {
    this.stateMachine = stateMachine;
  }

  /** The state's name (docutils' class name), the key in the machine's state table. */
  abstract get name(): string;

  /** Transitions this state starts with, in match order. */
  protected initialTransitions(): TransitionSpec[] {
    return [];
  }

  /** Transitions added before the initial ones (StateWS: blank and indent). */
  protected leadingTransitions(): TransitionSpec[] {
    return [];
  }

  /** Run the transition method for a transition name. */
  abstract dispatch(name: string, match: RegExpExecArray, context: C, nextState: string): TransitionResult<C>;

  private get transitionTable(): TransitionTable {
    if (this.ownTable) return this.ownTable;
    // Looked up once per instance: candidates() asks for it on every line.
    if (this.classTable) return this.classTable;
    let table = classTables.get(this.constructor);
    if (!table) {
      table = { order: [], transitions: new Map(), byFirst: new Map() };
      this.addTo(table, this.initialTransitions());
      this.addTo(table, this.leadingTransitions());
      classTables.set(this.constructor, table);
    }
    this.classTable = table;
    return table;
  }

  private addTo(table: TransitionTable, specs: readonly TransitionSpec[]): void {
    table.byFirst.clear();
    const names: string[] = [];
    for (const spec of specs) {
      if (table.transitions.has(spec.name)) throw new Error(`duplicate transition ${spec.name}`);
      table.transitions.set(spec.name, {
        name: spec.name,
        pattern: spec.pattern,
        nextState: spec.nextState ?? this.name,
        first: spec.first,
        matchesEmpty: spec.matchesEmpty,
        precheck: spec.precheck,
      });
      names.push(spec.name);
    }
    table.order.splice(0, 0, ...names);
  }

  get transitionOrder(): readonly string[] {
    return this.transitionTable.order;
  }

  get transitions(): ReadonlyMap<string, Transition> {
    return this.transitionTable.transitions;
  }

  private ownCopy(): TransitionTable {
    if (!this.ownTable) {
      const shared = this.transitionTable;
      this.ownTable = { order: [...shared.order], transitions: new Map(shared.transitions), byFirst: new Map() };
    }
    return this.ownTable;
  }

  addTransitions(specs: readonly TransitionSpec[]): void {
    this.addTo(this.ownCopy(), specs);
  }

  addTransition(spec: TransitionSpec): void {
    this.addTransitions([spec]);
  }

  /** The transitions, in order, that can match a line starting with `firstChar` ('' for an empty line). */
  candidates(firstChar: string): readonly Transition[] {
    const table = this.transitionTable;
    let list = table.byFirst.get(firstChar);
    if (!list) {
      list = [];
      for (const name of table.order) {
        const transition = table.transitions.get(name)!;
        const first = transition.first;
        if (first === undefined || (firstChar === '' ? transition.matchesEmpty : first.includes(firstChar))) {
          list.push(transition);
        }
      }
      table.byFirst.set(firstChar, list);
    }
    return list;
  }

  removeTransition(name: string): void {
    const table = this.ownCopy();
    table.byFirst.clear();
    if (!table.transitions.delete(name)) throw new Error(`unknown transition ${name}`);
    table.order.splice(table.order.indexOf(name), 1);
  }

  runtimeInit(): void {}

  noMatch(context: C, _transitions: readonly string[]): TransitionResult<C> {
    return [context, null, []];
  }

  bof(context: C): [C, unknown[]] {
    return [context, []];
  }

  eof(_context: C): unknown[] {
    return [];
  }

  nop(_match: RegExpExecArray, context: C, nextState: string): TransitionResult<C> {
    return [context, nextState, []];
  }
}

/** Whether a line can be blank (spaces only): empty, or ending in a space. */
export function mayBeBlank(line: string): boolean {
  return line.length === 0 || line.charCodeAt(line.length - 1) === 0x20;
}

/** Transitions every whitespace-aware state starts with (before its own). */
export const BLANK_PATTERN = /^ *$/;
export const INDENT_PATTERN = /^ +/;

/**
 * StateWS: a state that also handles blank lines and indented blocks
 * (docutils.statemachine.StateWS). Its 'blank' and 'indent' transitions are
 * tried before the state's own.
 */
export abstract class StateWS<C = unknown> extends State<C> {
  protected override leadingTransitions(): TransitionSpec[] {
    return [
      { name: 'blank', pattern: BLANK_PATTERN, first: ' ', matchesEmpty: true, precheck: mayBeBlank },
      { name: 'indent', pattern: INDENT_PATTERN, first: ' ' },
    ];
  }

  blank(match: RegExpExecArray | null, context: C, nextState: string | null): TransitionResult<C> {
    return [context, nextState, []];
  }

  abstract indent(match: RegExpExecArray, context: C, nextState: string): TransitionResult<C>;

  /** The leading 'blank' and 'indent' transitions here; the state's own in dispatchOwn. */
  dispatch(name: string, match: RegExpExecArray, context: C, nextState: string): TransitionResult<C> {
    if (name === 'blank') return this.blank(match, context, nextState);
    if (name === 'indent') return this.indent(match, context, nextState);
    return this.dispatchOwn(name, match, context, nextState);
  }

  /** Run the transition method for one of the state's own transition names. */
  protected abstract dispatchOwn(name: string, match: RegExpExecArray, context: C, nextState: string): TransitionResult<C>;
}

/** What a state machine tells where each new line comes from (docutils' observer: the document). */
export interface SourceObserver {
  noteSource(source: string | null, offset: number | null): void;
}

/** How a machine makes one of its states, on first use. */
export interface StateFactory<C> {
  name: string;
  create(machine: StateMachine<C>): State<C>;
}

export class StateMachine<C = unknown> {
  inputLines: StringList = new StringList();
  inputOffset = 0;
  line: string | null = null;
  lineOffset = -1;
  initialState: string;
  currentState: string;
  /** States made so far (a state is made when first needed). */
  states = new Map<string, State<C>>();
  private readonly factories = new Map<string, StateFactory<C>>();
  private running = false;
  /**
   * Set by a transition that ends this machine's run as raising EOFError
   * would (a list's next line is not an item), without the cost of an
   * exception: its result is dropped and the run ends.
   */
  stopRequested = false;
  /**
   * docutils' observers: told the source and offset of each new line. Objects
   * (the document), not closures: see Reporter.sourceLocator for why.
   */
  observers: SourceObserver[] = [];

  constructor(stateFactories: readonly StateFactory<C>[], initialState: string) {
    this.initialState = initialState;
    this.currentState = initialState;
    for (const factory of stateFactories) {
      if (this.factories.has(factory.name)) throw new Error(`duplicate state ${factory.name}`);
      this.factories.set(factory.name, factory);
    }
  }

  /** The state called `name`, made on first use. */
  state(name: string): State<C> {
    let state = this.states.get(name);
    if (!state) {
      const factory = this.factories.get(name);
      if (!factory) throw new Error(`unknown state ${name}`);
      state = factory.create(this);
      this.states.set(name, state);
      if (this.running) state.runtimeInit();
    }
    return state;
  }

  unlink(): void {
    this.states.clear();
  }

  run(inputLines: StringList, inputOffset = 0, context?: C, initialState?: string): unknown[] {
    this.runtimeInit();
    this.running = true;
    this.inputLines = inputLines;
    this.inputOffset = inputOffset;
    this.lineOffset = -1;
    this.stopRequested = false;
    this.currentState = initialState ?? this.initialState;
    let transitions: string[] | null = null;
    const results: unknown[] = [];
    let state = this.getState();
    let ctx: C;
    let result: unknown[];
    [ctx, result] = state.bof(context as C);
    results.push(...result);
    // Where the construct being read began: a transition that leaves text in
    // the context (a paragraph's first line, a title) continues the construct.
    let constructStart: number | null = null;
    for (;;) {
      let nextState: string | null = null;
      let marker: number | null = null;
      let firstLine = -1;
      try {
        // The end of the input: reached here (every run ends so, without
        // the cost of an exception) or by a transition reading past it.
        let atEof = false;
        try {
          if (this.advance()) {
            firstLine = constructStart ?? this.lineOffset;
            marker = this.beforeTransition();
            const outcome = this.checkLine(ctx, state, transitions);
            if (this.stopRequested) {
              this.stopRequested = false;
              atEof = true;
            } else {
              [ctx, nextState, result] = outcome;
            }
          } else {
            atEof = true;
          }
        } catch (error) {
          if (!(error instanceof EOFError)) throw error;
          atEof = true;
        }
        if (atEof) {
          if (marker === null) {
            marker = this.beforeTransition();
            firstLine = constructStart ?? Math.max(0, this.lineOffset);
          }
          const eofResults = state.eof(ctx);
          if (eofResults.length > 0) results.push(...eofResults);
          this.afterTransition(marker, firstLine);
          marker = null;
          break;
        }
        if (result.length > 0) results.push(...result);
        transitions = null;
        if (this.contextIsEmpty(ctx)) constructStart = null;
        else if (constructStart === null) constructStart = firstLine;
      } catch (error) {
        if (error instanceof TransitionCorrection) {
          if (marker !== null) this.afterTransition(marker, firstLine);
          this.previousLine();
          transitions = [error.transition];
          continue;
        }
        if (error instanceof StateCorrection) {
          if (marker !== null) this.afterTransition(marker, firstLine);
          marker = null;
          this.previousLine();
          constructStart = null;
          nextState = error.state;
          transitions = error.transition === undefined ? null : [error.transition];
        } else {
          throw error;
        }
      }
      if (marker !== null) this.afterTransition(marker, firstLine);
      state = this.getState(nextState);
    }
    this.observers = [];
    this.running = false;
    return results;
  }

  /** Whether a transition left no pending text in the context. */
  protected contextIsEmpty(context: C): boolean {
    return !Array.isArray(context) || context.length === 0;
  }

  /** Called before each transition; the result is passed to afterTransition (positions). */
  protected beforeTransition(): number | null {
    return null;
  }

  /** Called after each transition with the offset of the line it started on. */
  protected afterTransition(_marker: number | null, _firstLineOffset: number): void {}

  getState(nextState?: string | null): State<C> {
    if (nextState) this.currentState = nextState;
    return this.state(this.currentState);
  }

  nextLine(count = 1): string {
    if (!this.advance(count)) throw new EOFError();
    return this.line!;
  }

  /** nextLine() that answers false at the end of the input instead of raising EOFError. */
  private advance(count = 1): boolean {
    const offset = (this.lineOffset += count);
    let line = this.inputLines.at(offset);
    // Python indexing: a negative offset wraps around.
    if (line === undefined && offset < 0 && -offset <= this.inputLines.length) line = this.inputLines.get(offset);
    this.line = line ?? null;
    this.notifyObservers();
    return line !== undefined;
  }

  isNextLineBlank(): boolean {
    const line = this.inputLines.at(this.lineOffset + 1);
    return line === undefined ? true : !strip(line);
  }

  atEof(): boolean {
    return this.lineOffset >= this.inputLines.length - 1;
  }

  atBof(): boolean {
    return this.lineOffset <= 0;
  }

  previousLine(count = 1): string | null {
    this.lineOffset -= count;
    this.line = this.lineOffset < 0 ? null : this.inputLines.at(this.lineOffset) ?? null;
    this.notifyObservers();
    return this.line;
  }

  gotoLine(lineOffset: number): string {
    if (!this.moveTo(lineOffset)) throw new EOFError();
    return this.line!;
  }

  /** gotoLine() that answers false past the end of the input instead of raising EOFError. */
  moveTo(lineOffset: number): boolean {
    this.lineOffset = lineOffset - this.inputOffset;
    const line = this.lineOffset < 0 ? undefined : this.inputLines.at(this.lineOffset);
    this.line = line ?? null;
    this.notifyObservers();
    return line !== undefined;
  }

  getSource(lineOffset: number): string | null {
    return this.inputLines.source(lineOffset - this.inputOffset);
  }

  absLineOffset(): number {
    return this.lineOffset + this.inputOffset;
  }

  absLineNumber(): number {
    return this.lineOffset + this.inputOffset + 1;
  }

  /** docutils' get_source_and_line: (source, 1-based line in that source) of an absolute line number. */
  getSourceAndLine(lineno?: number | null): [string | null, number | null] {
    const offset = lineno === undefined || lineno === null ? this.lineOffset : lineno - this.inputOffset - 1;
    const info = this.inputLines.infoOrUndefined(offset);
    if (!info) return [null, null];
    const [source, sourceOffset] = info;
    if (sourceOffset === null) {
      const [outerSource, outerLine] = this.getSourceAndLine(offset + this.inputOffset);
      return [outerSource, (outerLine ?? 0) + 1];
    }
    return [source, sourceOffset + 1];
  }

  /** Insert lines after the current one (the include directive). */
  insertInput(lines: StringList, source: string): void {
    this.inputLines.insertLine(this.lineOffset + 1, '', `internal padding after ${source}`, lines.length);
    this.inputLines.insertLine(this.lineOffset + 1, '', `internal padding before ${source}`, -1);
    this.inputLines.insertList(this.lineOffset + 2, lines);
  }

  getTextBlock(flushLeft = false): StringList {
    try {
      const block = this.inputLines.getTextBlock(this.lineOffset, flushLeft);
      this.nextLine(block.length - 1);
      return block;
    } catch (error) {
      if (error instanceof UnexpectedIndentationError) this.nextLine(error.block.length - 1);
      throw error;
    }
  }

  checkLine(context: C, state: State<C>, transitions: readonly string[] | null): TransitionResult<C> {
    const line = this.line!;
    if (transitions) {
      const table = state.transitions;
      for (const name of transitions) {
        const transition = table.get(name)!;
        transition.pattern.lastIndex = 0;
        const match = transition.pattern.exec(line);
        if (match) return state.dispatch(name, match, context, transition.nextState);
      }
      return state.noMatch(context, transitions);
    }
    // Only the transitions whose pattern can match a line with this first character.
    for (const transition of state.candidates(line.length > 0 ? line[0]! : '')) {
      if (transition.precheck !== undefined && !transition.precheck(line)) continue;
      const match = transition.pattern.exec(line);
      if (match) return state.dispatch(transition.name, match, context, transition.nextState);
    }
    return state.noMatch(context, state.transitionOrder);
  }

  runtimeInit(): void {
    for (const state of this.states.values()) state.runtimeInit();
  }

  attachObserver(observer: SourceObserver): void {
    this.observers.push(observer);
  }

  detachObserver(observer: SourceObserver): void {
    const index = this.observers.indexOf(observer);
    if (index >= 0) this.observers.splice(index, 1);
  }

  notifyObservers(): void {
    if (this.observers.length === 0) return;
    const lines = this.inputLines;
    const offset = this.lineOffset;
    let source: string | null = null;
    let sourceOffset: number | null = null;
    if (offset >= 0 && offset < lines.length) {
      source = lines.sourceAt(offset);
      sourceOffset = lines.offsetAt(offset);
    } else {
      // past the end: docutils reports (last source, None) or (None, None)
      const info = lines.infoOrUndefined(offset);
      if (info) [source, sourceOffset] = info;
    }
    for (const observer of this.observers) observer.noteSource(source, sourceOffset);
  }

}

/** StateMachineWS: a state machine with the indented-block helpers. */
export class StateMachineWS<C = unknown> extends StateMachine<C> {
  /** [indented, indent, offset, blankFinish] */
  getIndented(untilBlank = false, stripIndent = true): [StringList, number, number, boolean] {
    let offset = this.absLineOffset();
    const [indented, indent, blankFinish] = this.inputLines.getIndented(this.lineOffset, untilBlank, stripIndent);
    if (indented.length > 0) this.nextLine(indented.length - 1);
    while (indented.length > 0 && !strip(indented.lineAt(0))) {
      indented.trimStart();
      offset++;
    }
    return [indented, indent, offset, blankFinish];
  }

  /** [indented, offset, blankFinish] */
  getKnownIndented(indent: number, untilBlank = false, stripIndent = true): [StringList, number, boolean] {
    let offset = this.absLineOffset();
    const [indented, , blankFinish] = this.inputLines.getIndented(this.lineOffset, untilBlank, stripIndent, indent);
    this.nextLine(indented.length - 1);
    while (indented.length > 0 && !strip(indented.lineAt(0))) {
      indented.trimStart();
      offset++;
    }
    return [indented, offset, blankFinish];
  }

  /** [indented, indent, offset, blankFinish] */
  getFirstKnownIndented(
    indent: number,
    untilBlank = false,
    stripIndent = true,
    stripTop = true,
  ): [StringList, number, number, boolean] {
    let offset = this.absLineOffset();
    const [indented, blockIndent, blankFinish] = this.inputLines.getIndented(
      this.lineOffset,
      untilBlank,
      stripIndent,
      null,
      indent,
    );
    this.nextLine(indented.length - 1);
    if (stripTop) {
      while (indented.length > 0 && !strip(indented.lineAt(0))) {
        indented.trimStart();
        offset++;
      }
    }
    return [indented, blockIndent, offset, blankFinish];
  }
}

/** docutils.statemachine.string2lines: split, expand tabs, strip trailing whitespace. */
export function string2lines(text: string, tabWidth = 8, convertWhitespace = false): string[] {
  let source = text;
  if (convertWhitespace) source = source.replace(/[\v\f]/g, ' ');
  return splitlines(source).map((line) => rstrip(expandTabs(line, tabWidth)));
}

