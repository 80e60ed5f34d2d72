/**
 * The line-oriented state machine docutils' reStructuredText parser runs on
 * (docutils.statemachine): a cursor over a StringList, states made of
 * ordered (pattern, method, next state) transitions, and nested machines
 * for indented blocks.
 */
import { StringList, UnexpectedIndentationError } from '../string-list.js';
import { expandTabs, rstrip, splitlines, strip } from '../python-text.js';

/** End of input reached while reading lines. */
export class EOFError extends Error {
  constructor() {
    super('end of input');
  }
}

/** Back up one line and retry the current state with one named transition. */
export class TransitionCorrection extends Error {
  constructor(readonly transition: string) {
    super(`transition correction: ${transition}`);
  }
}

/** Back up one line and switch to another state (optionally with one named transition). */
export class StateCorrection extends Error {
  constructor(
    readonly state: string,
    readonly transition?: string,
  ) {
    super(`state correction: ${state}`);
  }
}

export { UnexpectedIndentationError };

export type TransitionResult<C> = [context: C, nextState: string | null, results: unknown[]];
export type TransitionMethod<C> = (match: RegExpExecArray, context: C, nextState: string) => TransitionResult<C>;

export interface Transition<C> {
  pattern: RegExp;
  method: TransitionMethod<C>;
  nextState: string;
}

/** One named transition of a state: its pattern (anchored with ^) and the state it leads to. */
export interface TransitionSpec {
  name: string;
  pattern: RegExp;
  /** Defaults to the state itself. */
  nextState?: string;
}

export abstract class State<C = unknown> {
  transitionOrder: string[] = [];
  transitions = new Map<string, Transition<C>>();
  stateMachine: StateMachine<C>;

  constructor(stateMachine: StateMachine<C>) {
    this.stateMachine = stateMachine;
  }

  /** The state's name (docutils' class name), the key in the machine's state table. */
  abstract get name(): string;

  /** Transitions this state starts with, in match order. */
  protected initialTransitions(): TransitionSpec[] {
    return [];
  }

  /** The transition method for a transition name. */
  protected abstract transitionMethod(name: string): TransitionMethod<C>;

  /** Build the transition table; call once after construction. */
  initialize(): this {
    this.addTransitions(this.initialTransitions());
    return this;
  }

  addTransitions(specs: readonly TransitionSpec[]): void {
    const names: string[] = [];
    for (const spec of specs) {
      if (this.transitions.has(spec.name)) throw new Error(`duplicate transition ${spec.name}`);
      this.transitions.set(spec.name, this.makeTransition(spec));
      names.push(spec.name);
    }
    this.transitionOrder.splice(0, 0, ...names);
  }

  addTransition(spec: TransitionSpec): void {
    this.addTransitions([spec]);
  }

  removeTransition(name: string): void {
    if (!this.transitions.delete(name)) throw new Error(`unknown transition ${name}`);
    this.transitionOrder.splice(this.transitionOrder.indexOf(name), 1);
  }

  protected makeTransition(spec: TransitionSpec): Transition<C> {
    return { pattern: spec.pattern, method: this.transitionMethod(spec.name), nextState: spec.nextState ?? this.name };
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

/** Transitions every whitespace-aware state starts with (before its own). */
export const BLANK_PATTERN = /^ *$/;
export const INDENT_PATTERN = /^ +/;

/**
 * StateWS: a state that also handles blank lines and indented blocks
 * (docutils.statemachine.StateWS). Its 'blank' and 'indent' transitions are
 * tried before the state's own.
 */
export abstract class StateWS<C = unknown> extends State<C> {
  override initialize(): this {
    super.initialize();
    this.addTransitions([
      { name: 'blank', pattern: BLANK_PATTERN },
      { name: 'indent', pattern: INDENT_PATTERN },
    ]);
    return this;
  }

  blank(match: RegExpExecArray, context: C, nextState: string): TransitionResult<C> {
    return this.nop(match, context, nextState);
  }

  abstract indent(match: RegExpExecArray, context: C, nextState: string): TransitionResult<C>;
}

export type StateFactory<C> = (machine: StateMachine<C>) => State<C>;

export class StateMachine<C = unknown> {
  inputLines: StringList = new StringList();
  inputOffset = 0;
  line: string | null = null;
  lineOffset = -1;
  initialState: string;
  currentState: string;
  states = new Map<string, State<C>>();
  observers: ((source: string | null, offset: number | null) => void)[] = [];

  constructor(stateFactories: readonly StateFactory<C>[], initialState: string) {
    this.initialState = initialState;
    this.currentState = initialState;
    for (const factory of stateFactories) {
      const state = factory(this).initialize();
      if (this.states.has(state.name)) throw new Error(`duplicate state ${state.name}`);
      this.states.set(state.name, state);
    }
  }

  unlink(): void {
    this.states.clear();
  }

  run(inputLines: StringList, inputOffset = 0, context?: C, initialState?: string): unknown[] {
    this.runtimeInit();
    this.inputLines = inputLines;
    this.inputOffset = inputOffset;
    this.lineOffset = -1;
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
        try {
          this.nextLine();
          firstLine = constructStart ?? this.lineOffset;
          marker = this.beforeTransition();
          [ctx, nextState, result] = this.checkLine(ctx, state, transitions);
        } catch (error) {
          if (error instanceof EOFError) {
            if (marker === null) {
              marker = this.beforeTransition();
              firstLine = constructStart ?? Math.max(0, this.lineOffset);
            }
            results.push(...state.eof(ctx));
            this.afterTransition(marker, firstLine);
            marker = null;
            break;
          }
          throw error;
        }
        results.push(...result);
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
    const state = this.states.get(this.currentState);
    if (!state) throw new Error(`unknown state ${this.currentState}`);
    return state;
  }

  nextLine(count = 1): string {
    try {
      this.lineOffset += count;
      const line = this.inputLines.data[this.lineOffset];
      if (this.lineOffset < 0 || line === undefined) {
        // Python indexing: a negative offset wraps around.
        if (this.lineOffset < 0 && -this.lineOffset <= this.inputLines.length) {
          this.line = this.inputLines.get(this.lineOffset);
          return this.line;
        }
        this.line = null;
        throw new EOFError();
      }
      this.line = line;
      return line;
    } finally {
      this.notifyObservers();
    }
  }

  isNextLineBlank(): boolean {
    const line = this.inputLines.data[this.lineOffset + 1];
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
    this.line = this.lineOffset < 0 ? null : this.inputLines.data[this.lineOffset] ?? null;
    this.notifyObservers();
    return this.line;
  }

  gotoLine(lineOffset: number): string {
    try {
      this.lineOffset = lineOffset - this.inputOffset;
      const line = this.inputLines.data[this.lineOffset];
      if (this.lineOffset < 0 || line === undefined) {
        this.line = null;
        throw new EOFError();
      }
      this.line = line;
      return line;
    } finally {
      this.notifyObservers();
    }
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
    let source: string | null;
    let sourceOffset: number | null;
    try {
      [source, sourceOffset] = this.inputLines.info(offset);
    } catch {
      return [null, null];
    }
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
    const order = transitions ?? state.transitionOrder;
    const line = this.line!;
    for (const name of order) {
      const transition = state.transitions.get(name)!;
      transition.pattern.lastIndex = 0;
      const match = transition.pattern.exec(line);
      if (match) return transition.method(match, context, transition.nextState);
    }
    return state.noMatch(context, order);
  }

  runtimeInit(): void {
    for (const state of this.states.values()) state.runtimeInit();
  }

  attachObserver(observer: (source: string | null, offset: number | null) => void): void {
    this.observers.push(observer);
  }

  detachObserver(observer: (source: string | null, offset: number | null) => void): void {
    const index = this.observers.indexOf(observer);
    if (index >= 0) this.observers.splice(index, 1);
  }

  notifyObservers(): void {
    if (this.observers.length === 0) return;
    let info: [string | null, number | null];
    try {
      info = this.inputLines.info(this.lineOffset);
    } catch {
      info = [null, null];
    }
    for (const observer of this.observers) observer(info[0], info[1]);
  }
}

/** StateMachineWS: a state machine with the indented-block helpers. */
export class StateMachineWS<C = unknown> extends StateMachine<C> {
  /** [indented, indent, offset, blankFinish] */
  getIndented(untilBlank = false, stripIndent = true): [StringList, number, number, boolean] {
    let offset = this.absLineOffset();
    const [indented, indent, blankFinish] = this.inputLines.getIndented(this.lineOffset, untilBlank, stripIndent);
    if (indented.length > 0) this.nextLine(indented.length - 1);
    while (indented.length > 0 && !strip(indented.data[0]!)) {
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
    while (indented.length > 0 && !strip(indented.data[0]!)) {
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
      while (indented.length > 0 && !strip(indented.data[0]!)) {
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

