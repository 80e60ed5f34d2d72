/**
 * `specwright lint [PATH...]`: check specs the way the spec repositories'
 * own tests and doc8 check them, plus what the template asks and nobody
 * checks. Exit status: 0 clean (warnings allowed), 1 errors found, 2 usage
 * or internal errors (including a path that could not be read).
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import pc from 'picocolors';
import { treeGuard } from '../../lint/engine.js';
import { FORMAT_NAMES, FORMATTERS, isFormatName } from '../../lint/formatters/index.js';
import { lintPaths, type LintOptions, type LintReport } from '../../lint/runner.js';
import { unknownRuleMessage } from '../../lint/rule-settings.js';
import { isRuleId } from '../../lint/registry.js';
import type { RuleSettingInput } from '../../spec/config.js';
import { SpecError } from '../../spec/errors.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UserError } from '../errors.js';

export interface LintCommandOptions {
  readonly format?: string;
  readonly config?: string;
  readonly fix?: boolean;
  readonly output?: string;
  readonly quiet?: boolean;
  readonly rule?: readonly string[];
  readonly color?: boolean;
  /** Print stack traces of internal errors (the program's --debug). */
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

/** Runs the command with explicit I/O (the CLI passes the process's; tests capture it). */
export function runLintCommand(paths: readonly string[], options: LintCommandOptions, io: CommandIo): number {
  const format = options.format ?? 'stylish';
  if (!isFormatName(format)) {
    throw new UserError('usage', `--format "${format}": unknown format; choose one of ${FORMAT_NAMES.join(', ')}`);
  }
  const lintOptions: LintOptions = {
    cwd: io.cwd,
    configFile: options.config,
    ruleOverrides: parseRuleFlags(options.rule ?? []),
    fix: options.fix ? { guard: treeGuard(), write: true } : null,
    onInternalError: (file, error) => {
      if (options.debug && error instanceof Error && error.stack) io.stderr(`specwright: ${file}: ${error.stack}\n`);
    },
  };
  let report: LintReport;
  try {
    report = lintPaths(paths, lintOptions);
  } catch (error) {
    if (error instanceof SpecError) throw new UserError(error.code, error.message, error.file);
    throw error;
  }
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
  if (report.problems.length > 0) return EXIT_USAGE;
  return report.diagnostics.some((diagnostic) => diagnostic.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function registerLintCommand(program: Command): void {
  program
    .command('lint')
    .description('check specs against their template, the repositories\' tests and doc8')
    .argument('[paths...]', 'spec files or directories (default: the repository around the current directory)')
    .option('-f, --format <name>', `output format: ${FORMAT_NAMES.join(', ')}`, 'stylish')
    .option('-c, --config <file>', 'configuration file (default: specwright.toml or pyproject.toml [tool.specwright] at the repository root)')
    .option('--fix', 'apply safe fixes (trailing whitespace, line ends, tabs, final newline, short title adornments) and write the files when the document does not change')
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('-q, --quiet', 'report errors only, not warnings')
    .option('--rule <id=severity>', 'set a rule\'s severity (off, warning, error); repeatable', collect, [])
    .option('--color', 'force coloured output')
    .option('--no-color', 'disable coloured output')
    .action((paths: string[], options: LintCommandOptions, command: Command) => {
      const debug = Boolean(command.optsWithGlobals().debug);
      process.exitCode = runLintCommand(paths, { ...options, debug }, {
        cwd: process.cwd(),
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
        colorSupported: pc.isColorSupported,
      });
    });
}
