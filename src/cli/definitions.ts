/**
 * Every command's arguments, options and help, registered on the program
 * without loading its implementation: each action imports its command
 * module (src/cli/commands/<command>.ts) when it runs. `specwright
 * doctree` never loads the linter (ajv, smol-toml, the rules), `specwright
 * lint` never loads the pseudo-XML writer, and `--help` loads nothing but
 * commander.
 */
import { createRequire } from 'node:module';
import type { Command } from 'commander';
import { FORMAT_NAMES } from '../lint/formatters/names.js';

/**
 * The engine's profiles (PROFILE_NAMES of src/rst/profiles), repeated here
 * so that help does not load the engine; a test keeps the two equal.
 */
export const PROFILE_NAMES = ['docutils', 'sphinx'] as const;

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function registerDoctreeCommand(program: Command): void {
  program
    .command('doctree')
    .description("print documents' trees in docutils' pseudo-XML and their messages as docutils reports them")
    .argument('<paths...>', 'reStructuredText files')
    .option('--parser-only', 'parse without running transforms (docutils Parser.parse only)')
    .option('--out <dir>', 'write <dir>/<path minus .rst>.pseudoxml and .messages instead of printing')
    .option('--root <dir>', 'directory that include and raw :file: paths must stay in', '.')
    .option('--profile <name>', `roles and directives to know: ${PROFILE_NAMES.join(' or ')} (with the Sphinx extensions of the repository's conf.py)`, 'docutils')
    .option('--report-level <n>', 'lowest message level reported (1 info … 4 severe; 5 none)', '2')
    .option('--halt-level <n>', 'message level that stops processing (5: never)', '5')
    .option('--concurrency <n>', 'threads for long file lists: auto (from 48 files, one per 1.5 CPUs), off, or a number', 'auto')
    .action(async (paths: string[], options: import('./commands/doctree.js').DoctreeOptions) => {
      const { runDoctree } = await import('./commands/doctree.js');
      process.exitCode = await runDoctree(paths, options);
    });
}

function registerLintCommand(program: Command): void {
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
    .option('--cache', 'reuse the findings of files unchanged since the last --cache run (off by default)')
    .option('--cache-location <path>', 'the cache file, or a directory to put .specwright-cache in (default: .specwright-cache at the repository root)')
    .option('--concurrency <n>', 'threads for long file lists: auto (from 48 files, one per 1.5 CPUs), off, or a number', 'auto')
    .option('--color', 'force coloured output')
    .option('--no-color', 'disable coloured output')
    .action(async (paths: string[], options: import('./commands/lint.js').LintCommandOptions, command: Command) => {
      const { runLintCommandAsync } = await import('./commands/lint.js');
      // picocolors is CommonJS: required, not imported (the program's bundle has no import() of packages).
      const colors = createRequire(import.meta.url)('picocolors') as typeof import('picocolors');
      const debug = Boolean(command.optsWithGlobals().debug);
      process.exitCode = await runLintCommandAsync(paths, { ...options, debug }, {
        cwd: process.cwd(),
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
        colorSupported: colors.isColorSupported,
      });
    });
}

function registerRulesCommand(program: Command): void {
  program
    .command('rules')
    .description('list the lint rules, or show one rule\'s documentation')
    .argument('[id]', 'rule id')
    .option('--json', 'print every rule\'s metadata as JSON')
    .action(async (id: string | undefined, options: { json?: boolean }) => {
      const { runRulesCommand } = await import('./commands/rules.js');
      process.stdout.write(runRulesCommand(id, options));
    });
}

/** Registers every command on the program. */
export function registerCommands(program: Command): void {
  registerDoctreeCommand(program);
  registerLintCommand(program);
  registerRulesCommand(program);
}
