/**
 * `specwright lint [PATH...]`: check specs the way the spec repositories'
 * own tests and doc8 check them, plus what the template asks and nobody
 * checks. Exit status: 0 clean (warnings allowed), 1 errors found, 2 usage
 * or internal errors (including a path that could not be read).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_FILE_NAME, cacheFilePath } from '../../lint/cache.js';
import { treeGuard } from '../../lint/engine.js';
import { FORMAT_NAMES, FORMATTERS, isFormatName, type FormatName } from '../../lint/formatters/index.js';
import { lintPaths, lintPathsAsync, type LintOptions, type LintReport, type ThreadOptions } from '../../lint/runner.js';
import { findRepositoryRoot } from '../../spec/repository.js';
import { unknownRuleMessage } from '../../lint/rule-settings.js';
import { isRuleId } from '../../lint/registry.js';
import type { RuleSettingInput } from '../../spec/config.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UserError } from '../errors.js';
import { asUserError } from '../spec-errors.js';

export interface LintCommandOptions {
  readonly format?: string;
  readonly config?: string;
  readonly fix?: boolean;
  readonly output?: string;
  readonly quiet?: boolean;
  readonly rule?: readonly string[];
  readonly color?: boolean;
  /** Reuse the findings of unchanged files from the results cache, and update it. */
  readonly cache?: boolean;
  /** The cache file, or a directory for `.specwright-cache` (default: at the root of the repository around the current directory). */
  readonly cacheLocation?: string;
  /** `auto` (default), `off` or a number of threads. */
  readonly concurrency?: string;
  /** Print stack traces of internal errors and how the files were linted (the program's --debug). */
  readonly debug?: boolean;
}

export interface CommandIo {
  readonly cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  readonly colorSupported: boolean;
}

const SEVERITIES = ['off', 'warning', 'error'];

/** `--rule id=severity` → rule overrides. */
export function parseRuleFlags(flags: readonly string[]): Record<string, RuleSettingInput> {
  const overrides: Record<string, RuleSettingInput> = {};
  for (const flag of flags) {
    const match = /^([a-z0-9-]+)\s*[=:]\s*(\w+)$/.exec(flag.trim());
    if (!match) throw new UserError('usage', `--rule "${flag}": expected RULE=SEVERITY, e.g. --rule line-length=off`);
    const [, id, severity] = match as unknown as [string, string, string];
    if (!isRuleId(id)) throw new UserError('usage', `--rule "${flag}": ${unknownRuleMessage(id)}`);
    if (!SEVERITIES.includes(severity)) throw new UserError('usage', `--rule "${flag}": severity must be one of ${SEVERITIES.join(', ')}`);
    overrides[id] = severity as RuleSettingInput;
  }
  return overrides;
}

function withoutWarnings(report: LintReport): LintReport {
  const keep = (diagnostic: { severity: string }) => diagnostic.severity === 'error';
  return {
    ...report,
    diagnostics: report.diagnostics.filter(keep),
    files: report.files.map((file) => ({ ...file, diagnostics: file.diagnostics.filter(keep) })),
  };
}

/** The runner's options from the command's. */
function lintOptionsFor(options: LintCommandOptions, io: CommandIo): LintOptions {
  const format = options.format ?? 'stylish';
  if (!isFormatName(format)) {
    throw new UserError('usage', `--format "${format}": unknown format; choose one of ${FORMAT_NAMES.join(', ')}`);
  }
  return {
    cwd: io.cwd,
    configFile: options.config,
    ruleOverrides: parseRuleFlags(options.rule ?? []),
    fix: options.fix ? { guard: treeGuard(), write: true } : null,
    onInternalError: (file, error) => {
      if (options.debug && error instanceof Error && error.stack) io.stderr(`specwright: ${file}: ${error.stack}\n`);
    },
    cacheFile: options.cache
      ? options.cacheLocation !== undefined
        ? cacheFilePath(options.cacheLocation, io.cwd)
        : join(findRepositoryRoot(io.cwd), CACHE_FILE_NAME)
      : null,
    concurrency: parseConcurrency(options.concurrency),
  };
}

/** `--concurrency auto|off|N`. */
export function parseConcurrency(value: string | undefined): LintOptions['concurrency'] {
  if (value === undefined || value === 'auto') return 'auto';
  if (value === 'off') return 'off';
  const threads = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(threads) || threads < 1) {
    throw new UserError('usage', `--concurrency "${value}": expected auto, off or a number of threads (1 or more)`);
  }
  return threads;
}

/** Prints the report in the chosen format, then problems, notices and fixes on stderr; returns the exit status. */
function reportLint(report: LintReport, options: LintCommandOptions, io: CommandIo): number {
  const format = (options.format ?? 'stylish') as FormatName;
  if (options.quiet) report = withoutWarnings(report);
  const color = options.color ?? (io.colorSupported && options.output === undefined && format === 'stylish');
  const text = FORMATTERS[format]({ report, color });
  if (options.output !== undefined) {
    try {
      writeFileSync(options.output, text);
    } catch (error) {
      throw new UserError('output', `cannot write: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, options.output);
    }
  } else if (text !== '') {
    io.stdout(text);
  }
  for (const problem of report.problems) io.stderr(`specwright: ${problem.path}: ${problem.message}\n`);
  for (const notice of report.notices) io.stderr(`specwright: note: ${notice}\n`);
  if (options.fix) {
    const fixed = report.files.filter((file) => file.fix?.written);
    const unguarded = fixed.filter((file) => file.fix?.guard === 'none');
    for (const file of report.files) {
      if (file.fix?.guard === 'changed') io.stderr(`specwright: ${file.displayPath}: fixes not written: ${file.fix.reason ?? 'the document would change'}\n`);
      else if (file.fix && !file.fix.converged) io.stderr(`specwright: ${file.displayPath}: fixes did not converge; some findings remain\n`);
    }
    if (fixed.length > 0) {
      io.stderr(
        `specwright: fixed ${fixed.length} file${fixed.length === 1 ? '' : 's'}` +
          (unguarded.length > 0 ? ` (${unguarded.length} without comparing document trees)` : '') +
          '\n',
      );
    }
  }
  if (options.debug && report.stats) {
    const { files, fromCache, threads, lintedInWorkers } = report.stats;
    io.stderr(
      `specwright: ${files} file${files === 1 ? '' : 's'}: ${fromCache} from the cache, ${files - fromCache} linted in ` +
        `${threads} thread${threads === 1 ? '' : 's'}${threads > 1 ? ` (${lintedInWorkers} in worker threads)` : ''}\n`,
    );
  }
  if (report.problems.length > 0) return EXIT_USAGE;
  return report.diagnostics.some((diagnostic) => diagnostic.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

/** Runs the command in this thread with explicit I/O (tests capture it). */
export function runLintCommand(paths: readonly string[], options: LintCommandOptions, io: CommandIo): number {
  const lintOptions = lintOptionsFor(options, io);
  let report: LintReport;
  try {
    report = lintPaths(paths, lintOptions);
  } catch (error) {
    throw asUserError(error);
  }
  return reportLint(report, options, io);
}

/**
 * Runs the command as the CLI does: long file lists are linted in worker
 * threads (`--concurrency`); the output is the same as runLintCommand's.
 */
export async function runLintCommandAsync(
  paths: readonly string[],
  options: LintCommandOptions,
  io: CommandIo,
  threadOptions: ThreadOptions = {},
): Promise<number> {
  const lintOptions = lintOptionsFor(options, io);
  let report: LintReport;
  try {
    report = await lintPathsAsync(paths, { ...lintOptions, ...threadOptions });
  } catch (error) {
    throw asUserError(error);
  }
  return reportLint(report, options, io);
}
