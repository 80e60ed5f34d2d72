/**
 * `specwright doctree`: print documents' trees as docutils' pseudo-XML and
 * their messages as docutils' warning stream.
 */
import type { Command } from 'commander';

export function registerDoctreeCommand(program: Command): void {
  program
    .command('doctree')
    .description("print the document tree in docutils' pseudo-XML")
    .argument('<paths...>', 'reStructuredText files')
    .option('--parser-only', 'parse without running transforms')
    .option('--out <dir>', 'write <dir>/<path>.pseudoxml and .messages instead of printing')
    .option('--root <dir>', 'directory include and raw files must stay in', '.')
    .action(() => {
      throw new Error('doctree: not implemented yet');
    });
}
