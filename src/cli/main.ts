#!/usr/bin/env node
/**
 * The specwright command-line program. Each command lives in
 * src/cli/commands/<command>.ts; its arguments, options and help are
 * registered from src/cli/definitions.ts, which loads the command's module
 * only when the command runs (startup stays cheap).
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { UserError, EXIT_USAGE } from './errors.js';
import { registerCommands } from './definitions.js';
import { SPECWRIGHT_VERSION } from '../util/version.js';

export function createProgram(): Command {
  const program = new Command();
  program
    .name('specwright')
    .description('Check reStructuredText design specs and show their document trees')
    .version(SPECWRIGHT_VERSION, '-V, --version', 'print the version and exit')
    .option('--debug', 'show stack traces of internal errors')
    .showHelpAfterError()
    .exitOverride();
  registerCommands(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
        return 0;
      }
      return EXIT_USAGE;
    }
    if (error instanceof UserError) {
      process.stderr.write(`specwright: ${error.describe()}\n`);
      return EXIT_USAGE;
    }
    const debug = argv.includes('--debug');
    process.stderr.write(`specwright: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (debug && error instanceof Error && error.stack) process.stderr.write(error.stack + '\n');
    return EXIT_USAGE;
  }
}

/**
 * Runs the command line of this process (process.argv) and sets the exit
 * code. Used by the installed program (src/cli/bin.ts) and when this module
 * is run directly from the sources.
 */
export function runCommandLine(): void {
  // A reader that stops early (`specwright lint | head`) is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(process.exitCode ?? 0);
    });
  }
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

// Run when this module is the program itself (`node src/cli/main.ts` under
// tsx, or tsc's dist/cli/main.js), not when imported, nor when bundled into
// the program (whose own file is then the entry point). The program may be
// started through a link: an npm bin link, or npx's cached link made by an
// older install whose bin was dist/cli/main.js. Compared as real paths, a
// link still runs the program instead of exiting silently with status 0.
function startedAs(file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  try {
    return pathToFileURL(realpathSync(file)).href;
  } catch {
    return pathToFileURL(file).href;
  }
}
const ownFile = import.meta.url;
if (/\/main\.[jt]s$/.test(ownFile) && startedAs(process.argv[1]) === pathToFileURL(realpathSync(fileURLToPath(ownFile))).href) {
  runCommandLine();
}
