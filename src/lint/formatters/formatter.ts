/**
 * What every output format receives, and the registry of formats.
 */
import type { LintReport } from '../runner.js';

export interface FormatterInput {
  readonly report: LintReport;
  /** Colour the output (stylish only). */
  readonly color: boolean;
}

export type Formatter = (input: FormatterInput) => string;
