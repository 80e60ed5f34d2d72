/**
 * `specwright doctree`: print documents' trees as docutils' pseudo-XML and
 * their messages as docutils' warning stream.
 *
 * With --out DIR every PATH is written to DIR/<PATH minus .rst>.pseudoxml
 * and .messages (relative folders kept), all in one process.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { parseDocument } from '../../rst/parse.js';
import { publish } from '../../rst/publish.js';
import { toPseudoXml } from '../../rst/writers/pseudoxml.js';
import { profileRegistry, PROFILE_NAMES, type ProfileName } from '../../rst/profiles/index.js';
import { UserError } from '../errors.js';
import { readSourceFile } from '../read-input.js';

interface DoctreeOptions {
  parserOnly?: boolean;
  out?: string;
  root: string;
  profile: string;
  reportLevel: string;
  haltLevel: string;
}

export function registerDoctreeCommand(program: Command): void {
  program
    .command('doctree')
    .description("print documents' trees in docutils' pseudo-XML and their messages as docutils reports them")
    .argument('<paths...>', 'reStructuredText files')
    .option('--parser-only', 'parse without running transforms (docutils Parser.parse only)')
    .option('--out <dir>', 'write <dir>/<path minus .rst>.pseudoxml and .messages instead of printing')
    .option('--root <dir>', 'directory that include and raw :file: paths must stay in', '.')
    .option('--profile <name>', `roles and directives to know: ${PROFILE_NAMES.join(' or ')}`, 'docutils')
    .option('--report-level <n>', 'lowest message level reported (1 info … 4 severe; 5 none)', '2')
    .option('--halt-level <n>', 'message level that stops processing (5: never)', '5')
    .action((paths: string[], options: DoctreeOptions) => {
      process.exitCode = runDoctree(paths, options);
    });
}

function parseLevel(value: string, option: string): number {
  const level = Number(value);
  if (!Number.isInteger(level) || level < 0 || level > 5) {
    throw new UserError('usage', `${option} must be an integer from 0 to 5, not "${value}"`);
  }
  return level;
}

function outputBase(outDir: string, path: string): string {
  let relativePath = isAbsolute(path) ? relative(process.cwd(), path) : path;
  if (relativePath.startsWith('..') || isAbsolute(relativePath)) relativePath = relativePath.replace(/^(\.\.\/|\/)+/, '');
  const stem = relativePath.endsWith('.rst') ? relativePath.slice(0, -4) : relativePath;
  return join(outDir, stem);
}

export function runDoctree(paths: readonly string[], options: DoctreeOptions): number {
  if (!(PROFILE_NAMES as readonly string[]).includes(options.profile)) {
    throw new UserError('usage', `unknown profile "${options.profile}" (expected ${PROFILE_NAMES.join(' or ')})`);
  }
  const reportLevel = parseLevel(options.reportLevel, '--report-level');
  const haltLevel = parseLevel(options.haltLevel, '--halt-level');
  const root = resolve(options.root);
  let failures = 0;
  for (const path of paths) {
    let text: string;
    try {
      text = readSourceFile(path);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      process.stderr.write(`specwright: ${error.describe()}\n`);
      failures++;
      continue;
    }
    let messages = '';
    const settings = {
      reportLevel,
      haltLevel,
      root,
      syntaxHighlight: 'none' as const,
      warningStream: (chunk: string) => {
        messages += chunk;
      },
    };
    const registry = profileRegistry(options.profile as ProfileName);
    let tree: string;
    try {
      if (options.parserOnly) {
        tree = toPseudoXml(parseDocument(text, { sourcePath: path, settings, registry }));
      } else {
        tree = toPseudoXml(publish(text, { sourcePath: path, settings, registry }).document);
      }
    } catch (error) {
      process.stderr.write(`specwright: ${path}: internal error: ${(error as Error).message}\n`);
      if (process.argv.includes('--debug')) process.stderr.write(`${(error as Error).stack}\n`);
      failures++;
      continue;
    }
    if (options.out) {
      const base = outputBase(options.out, path);
      mkdirSync(dirname(base), { recursive: true });
      writeFileSync(`${base}.pseudoxml`, tree);
      writeFileSync(`${base}.messages`, messages);
    } else {
      process.stdout.write(tree);
      process.stderr.write(messages);
    }
  }
  return failures > 0 ? 1 : 0;
}
