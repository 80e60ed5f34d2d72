/**
 * The results cache (`--cache`): unchanged files are answered from it with
 * the findings a fresh run gives; anything their findings depend on
 * invalidates them.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runLintCommand, type LintCommandOptions } from '../../src/cli/commands/lint.js';
import { CACHE_FILE_NAME, cacheFilePath, readsOtherFiles } from '../../src/lint/cache.js';
import { treeGuard } from '../../src/lint/engine.js';
import { FORMAT_NAMES, FORMATTERS } from '../../src/lint/formatters/index.js';
import { lintPaths, lintPathsAsync, type LintOptions, type LintReport } from '../../src/lint/runner.js';
import { CONTENT_RULES, specRepository } from './lint-helpers.js';

const QUIET = Object.fromEntries(CONTENT_RULES.map((id) => [id, 'off' as const]));
const CLEAN = 'Title\n=====\n\nText.\n';
const LONG = `Title\n=====\n\n${'word '.repeat(20).trim()}\n`;

function repository(): string {
  return specRepository({
    'specs/rocky/approved/clean.rst': CLEAN,
    'specs/rocky/approved/spaces.rst': 'Title \n=====\n\nText.  \n',
    'specs/rocky/approved/long.rst': LONG,
    'specs/stein/approved/syntax.rst': 'Title\n=====\n\n.. unknown::\n',
    'specs/stein/wrong/misplaced.rst': CLEAN,
  });
}

function lint(root: string, options: LintOptions = {}, paths: readonly string[] = []): LintReport {
  return lintPaths(paths, { cwd: root, ruleOverrides: QUIET, cacheFile: join(root, CACHE_FILE_NAME), ...options });
}

function outputs(report: LintReport): string[] {
  return FORMAT_NAMES.map((format) => FORMATTERS[format]({ report, color: false }));
}

function command(cwd: string, options: LintCommandOptions, paths: readonly string[] = []): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const rule = CONTENT_RULES.map((id) => `${id}=off`);
  const code = runLintCommand(paths, { rule, ...options }, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), colorSupported: false });
  return { code, stdout, stderr };
}

describe('results cache', () => {
  it('is off by default', () => {
    const root = repository();
    command(root, { format: 'json' });
    assert.equal(existsSync(join(root, CACHE_FILE_NAME)), false);
  });

  it('answers unchanged files from .specwright-cache at the repository root, with the output of a fresh run', () => {
    const root = repository();
    const fresh = command(root, { format: 'stylish' });
    assert.equal(fresh.code, 1);
    const cold = command(join(root, 'specs'), { format: 'stylish', cache: true }, ['.']);
    assert.ok(existsSync(join(root, CACHE_FILE_NAME)), 'written at the root, not in the current directory');
    const warm = command(join(root, 'specs'), { format: 'stylish', cache: true }, ['.']);
    assert.deepEqual(warm, cold);
    const other = repository();
    const first = lint(other);
    const second = lint(other);
    assert.equal(first.stats?.fromCache, 0);
    assert.equal(second.stats?.fromCache, first.files.length);
    assert.deepEqual(outputs(second), outputs(first));
    assert.deepEqual(outputs(second), outputs(lintPaths([], { cwd: other, ruleOverrides: QUIET })));
    assert.ok(second.diagnostics.some((diagnostic) => diagnostic.rule === 'directory-layout'), 'repository rules still run');
  });

  it('shows the file names of the current run, from any directory', () => {
    const root = repository();
    writeFileSync(join(root, 'specwright.toml'), '[rules]\nline-length = { max = 60 }\n');
    lint(root);
    const fromSpecs = lint(join(root, 'specs'), { cacheFile: join(root, CACHE_FILE_NAME) }, ['rocky']);
    assert.equal(fromSpecs.stats?.fromCache, 3);
    assert.deepEqual(outputs(fromSpecs), outputs(lintPaths(['rocky'], { cwd: join(root, 'specs'), ruleOverrides: QUIET })));
    assert.deepEqual([...new Set(fromSpecs.diagnostics.map((diagnostic) => diagnostic.file))], ['rocky/approved/long.rst', 'rocky/approved/spaces.rst']);
  });

  it('lints a changed file again', () => {
    const root = repository();
    lint(root);
    writeFileSync(join(root, 'specs/rocky/approved/clean.rst'), `${CLEAN}More text. \n`);
    const report = lint(root);
    assert.equal(report.stats?.fromCache, report.files.length - 1);
    assert.ok(report.diagnostics.some((diagnostic) => diagnostic.file === 'specs/rocky/approved/clean.rst' && diagnostic.rule === 'trailing-whitespace'));
  });

  it('lints again when the configuration, the rules from the command line, or the template change', () => {
    const root = repository();
    const files = lint(root).files.length;
    writeFileSync(join(root, 'specwright.toml'), '[rules]\nline-length = { max = 200 }\n');
    const configured = lint(root);
    assert.equal(configured.stats?.fromCache, 0);
    assert.ok(!configured.diagnostics.some((diagnostic) => diagnostic.rule === 'line-length'));
    assert.equal(lint(root).stats?.fromCache, files);
    assert.equal(lint(root, { ruleOverrides: { ...QUIET, 'trailing-whitespace': 'warning' } }).stats?.fromCache, 0);
    writeFileSync(join(root, 'specwright.toml'), '[rules]\nline-length = { max = 200 }\n[per-file-ignores]\n"specs/rocky/approved/spaces.rst" = ["trailing-whitespace"]\n');
    assert.equal(lint(root).stats?.fromCache, 0, 'the configuration file changed');
    assert.equal(lint(root).stats?.fromCache, files);
    writeFileSync(join(root, 'specs/template.rst'), 'Template\n========\n\nChanged guidance.\n');
    assert.equal(lint(root).stats?.fromCache, 0);
  });

  it('never caches a file whose tree depends on other files', () => {
    const root = specRepository({
      'specs/rocky/approved/a.rst': 'Title\n=====\n\n.. include:: ../../../part.txt\n',
      'part.txt': 'Included.\n',
    });
    assert.deepEqual(lint(root).diagnostics, []);
    writeFileSync(join(root, 'part.txt'), 'Included *unclosed\n');
    const report = lint(root);
    assert.equal(report.stats?.fromCache, 0);
    assert.ok(report.diagnostics.length > 0, 'the included text changed the findings');
    assert.equal(readsOtherFiles('.. literalinclude:: x.py'), true);
    assert.equal(readsOtherFiles('.. CSV-Table::\n   :file: data.csv'), true);
    assert.equal(readsOtherFiles('.. toctree::\n   :glob:'), true);
    assert.equal(readsOtherFiles('.. seqdiag:: flow.diag'), true);
    assert.equal(readsOtherFiles('.. code-block:: python'), false);
  });

  it('ignores a cache of another specwright build, or a corrupt one, and rewrites it', () => {
    const root = repository();
    const files = lint(root).files.length;
    const cacheFile = join(root, CACHE_FILE_NAME);
    const data = JSON.parse(readFileSync(cacheFile, 'utf8')) as { specwright: string };
    writeFileSync(cacheFile, JSON.stringify({ ...data, specwright: '0.0.1+other' }));
    assert.equal(lint(root).stats?.fromCache, 0);
    assert.equal(lint(root).stats?.fromCache, files);
    writeFileSync(cacheFile, '{"format": 1, "files": [');
    assert.equal(lint(root).stats?.fromCache, 0);
    assert.equal(lint(root).stats?.fromCache, files);
  });

  it('still fixes a file whose cached findings have safe fixes', () => {
    const root = repository();
    lint(root);
    const fixed = lint(root, { fix: { guard: treeGuard(), write: true } });
    assert.equal(fixed.stats?.fromCache, fixed.files.length - 1, 'only the file with trailing spaces is linted again');
    assert.equal(readFileSync(join(root, 'specs/rocky/approved/spaces.rst'), 'utf8'), 'Title\n=====\n\nText.\n');
    const after = lint(root);
    assert.equal(after.stats?.fromCache, after.files.length, 'the fixed text was cached');
    assert.ok(!after.diagnostics.some((diagnostic) => diagnostic.rule === 'trailing-whitespace'));
  });

  it('keeps the entries of files linted in other runs, and works with worker threads', async () => {
    const root = repository();
    lint(root, {}, ['specs/rocky']);
    const stein = lint(root, {}, ['specs/stein']);
    assert.equal(stein.stats?.fromCache, 0);
    const all = await lintPathsAsync([], { cwd: root, ruleOverrides: QUIET, cacheFile: join(root, CACHE_FILE_NAME), concurrency: 2, mainThreadLints: false });
    assert.equal(all.stats?.fromCache, all.files.length);
    writeFileSync(join(root, 'specs/rocky/approved/clean.rst'), `${CLEAN}\n`);
    writeFileSync(join(root, 'specs/rocky/approved/long.rst'), `${LONG}\n`);
    const threaded = await lintPathsAsync([], { cwd: root, ruleOverrides: QUIET, cacheFile: join(root, CACHE_FILE_NAME), concurrency: 2, mainThreadLints: false });
    assert.equal(threaded.stats?.fromCache, all.files.length - 2);
    assert.equal(threaded.stats?.lintedInWorkers, 2);
    assert.equal(lint(root).stats?.fromCache, all.files.length, 'the workers\' results were cached');
  });

  it('puts the cache where --cache-location says: a file, or .specwright-cache in a directory', () => {
    const root = repository();
    mkdirSync(join(root, 'cache-dir'));
    assert.equal(cacheFilePath('cache-dir', root), join(root, 'cache-dir', CACHE_FILE_NAME));
    assert.equal(cacheFilePath('new-dir/', root), join(root, 'new-dir', CACHE_FILE_NAME));
    assert.equal(cacheFilePath('my-cache.json', root), join(root, 'my-cache.json'));
    command(root, { format: 'json', cache: true, cacheLocation: 'cache-dir' });
    command(root, { format: 'json', cache: true, cacheLocation: 'my-cache.json' });
    assert.ok(existsSync(join(root, 'cache-dir', CACHE_FILE_NAME)));
    assert.ok(existsSync(join(root, 'my-cache.json')));
    assert.equal(existsSync(join(root, CACHE_FILE_NAME)), false);
  });

  it('notes a cache it cannot write, and the exit status stays that of the findings', () => {
    const root = repository();
    const run = command(root, { format: 'json', cache: true, cacheLocation: 'missing-dir/cache.json' });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^specwright: note: cannot write the cache missing-dir\/cache\.json: ENOENT\n$/);
  });
});
