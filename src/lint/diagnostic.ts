/**
 * The one diagnostic type of specwright's checks (modelled on
 * vfile-message): what is wrong, where, which rule says so, how bad it is,
 * and optionally how to fix it.
 *
 * The engine (src/rst) keeps docutils' system messages in the tree; the
 * `rst-syntax` rule turns them into Diagnostics with their docutils level
 * kept in `level`.
 */

export type Severity = 'error' | 'warning';

/** 1-based line; 1-based column counting code points. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface Range {
  readonly start: Position;
  /** Exclusive end. */
  readonly end: Position;
}

/** Replace text[start, end) (UTF-16 offsets into the file's text) with `text`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * `safe` fixes never change what the document means (the re-published
 * tree must equal the original's); `unsafe` ones might, and are only
 * offered, never applied by `--fix`.
 */
export type FixApplicability = 'safe' | 'unsafe';

export interface Fix {
  readonly description: string;
  readonly applicability: FixApplicability;
  readonly edits: readonly TextEdit[];
}

export interface Diagnostic {
  /** The file as the user named it (or relative to the current directory). */
  readonly file: string;
  /** Rule id, e.g. "line-length". */
  readonly rule: string;
  readonly messageId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly fix?: Fix;
  /** Documentation of the rule. */
  readonly url?: string;
  /** docutils' level (0 debug – 4 severe) for messages that come from the engine. */
  readonly level?: number;
}

/** Orders diagnostics by file, line, column, then rule. */
export function compareDiagnostics(left: Diagnostic, right: Diagnostic): number {
  if (left.file !== right.file) return left.file < right.file ? -1 : 1;
  return (
    left.range.start.line - right.range.start.line ||
    left.range.start.column - right.range.start.column ||
    (left.rule < right.rule ? -1 : left.rule > right.rule ? 1 : 0)
  );
}
