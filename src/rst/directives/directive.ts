/**
 * The directive interface (docutils.parsers.rst.Directive): a directive
 * class declares its arguments, options and content, and `run()` returns
 * the nodes that replace it.
 */
import { Element, type Node, fullyNormalizeName } from '../nodes.js';
import type { Reporter } from '../document.js';
import type { StringList } from '../string-list.js';
import type { RSTMachineBase, RSTState } from '../parser/rst-state.js';

/**
 * Converts an option's raw value (null when the option has no value) to its
 * value; throws OptionValueError (docutils' ValueError/TypeError) when invalid.
 */
export type OptionConverter = (value: string | null) => unknown;

export type OptionSpec = Record<string, OptionConverter | null>;

/**
 * A ValueError/TypeError from an option converter. `message` is the text
 * docutils prints (Python's exception arguments joined with spaces).
 */
export class OptionValueError extends Error {
  constructor(
    message: string,
    /** "ValueError" or "TypeError", as Python would raise. */
    readonly pythonType: 'ValueError' | 'TypeError' = 'ValueError',
  ) {
    super(message);
  }
}

/** Raised inside run() to turn the directive into one system message. */
export class DirectiveError extends Error {
  constructor(
    readonly level: number,
    readonly msg: string,
  ) {
    super(msg);
  }
}

export type DirectiveOptions = Record<string, unknown>;

export interface DirectiveClass {
  new (
    name: string,
    args: string[],
    options: DirectiveOptions,
    content: StringList,
    lineno: number,
    contentOffset: number,
    blockText: string,
    state: RSTState,
    stateMachine: RSTMachineBase,
  ): Directive;
  requiredArguments: number;
  optionalArguments: number;
  finalArgumentWhitespace: boolean;
  optionSpec: OptionSpec | null;
  hasContent: boolean;
}

export abstract class Directive {
  static requiredArguments = 0;
  static optionalArguments = 0;
  static finalArgumentWhitespace = false;
  static optionSpec: OptionSpec | null = null;
  static hasContent = false;

  readonly reporter: Reporter;

  constructor(
    readonly name: string,
    readonly args: string[],
    readonly options: DirectiveOptions,
    readonly content: StringList,
    readonly lineno: number,
    readonly contentOffset: number,
    readonly blockText: string,
    readonly state: RSTState,
    readonly stateMachine: RSTMachineBase,
  ) {
    this.reporter = stateMachine.reporter;
  }

  abstract run(): Node[];

  directiveError(level: number, message: string): DirectiveError {
    return new DirectiveError(level, message);
  }

  debug(message: string): DirectiveError {
    return this.directiveError(0, message);
  }

  info(message: string): DirectiveError {
    return this.directiveError(1, message);
  }

  warning(message: string): DirectiveError {
    return this.directiveError(2, message);
  }

  error(message: string): DirectiveError {
    return this.directiveError(3, message);
  }

  severe(message: string): DirectiveError {
    return this.directiveError(4, message);
  }

  assertHasContent(): void {
    if (this.content.length === 0) {
      throw this.error(`Content block expected for the "${this.name}" directive; none found.`);
    }
  }

  /** Append options.name to node's names and register it as an explicit target. */
  addName(node: Element): void {
    if ('name' in this.options) {
      const name = fullyNormalizeName(String(this.options['name']));
      delete this.options['name'];
      if (node.has('name')) node.delete('name');
      node.names.push(name);
      this.state.document.noteExplicitTarget(node, node);
    }
  }
}
