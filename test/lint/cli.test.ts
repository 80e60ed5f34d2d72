/**
 * `specwright lint` as users run it: exit codes, paths, robustness.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { main } from '../../src/cli/main.js';
import { brief, CONTENT_RULES, lintJson, runLint, specRepository } from './lint-helpers.js';
import { lintPaths } from '../../src/lint/runner.js';
import { publishForLint } from '../../src/lint/engine.js';

const CLEAN = 'Title\n=====\n\nText.\n';
const MAIN = join(import.meta.dirname, '../../src/cli/main.ts');

describe('specwright lint: exit codes', () => {
  it('exits 0 when clean and prints nothing', () => {
    const root = specRepository({ 'specs/rocky/approved/a.rst': CLEAN });
    const run = runLint(root);
    assert.deepEqual(run, { code: 0, stdout: '', stderr: '' });
  });

  it('exits 1 on errors, 0 on warnings only', () => {
    const root = specRepository({ 'specs/rocky/approved/a.rst': 'Title \n=====\n' });
    assert.equal(runLint(root).code, 1);
    assert.equal(runLint(root, [], { rule: ['trailing-whitespace=warning'] }).code, 0);
  });

  it('exits 2 on a bad configuration, naming the file and key', () => {
    const root = specRepository({ 'specwright.toml': '[rules]\nline-lenght = "off"\n', 'specs/rocky/approved/a.rst': CLEAN });
    assert.throws(() => runLint(root), (error: Error & { describe(): string }) => {
      assert.equal(error.describe(), 'specwright.toml: rules.line-lenght: unknown rule "line-lenght" (did you mean "line-length"?); `specwright rules` lists them');
      return true;
    });
  });

  it('rejects unknown rule options with the key named', () => {
    const root = specRepository({ 'specwright.toml': '[rules]\nline-length = { maximum = 80 }\n', 'specs/rocky/approved/a.rst': CLEAN });
    assert.throws(() => runLint(root), /rules\.line-length\.maximum: unknown key/);
    const wrongType = specRepository({ 'specwright.toml': '[rules]\nline-length = { max = "80" }\n', 'specs/rocky/approved/a.rst': CLEAN });
    assert.throws(() => runLint(wrongType), /rules\.line-length\.max: must be an integer, not the string "80"/);
  });

  it('rejects an unknown format and a bad --rule', () => {
    const root = specRepository({ 'specs/rocky/approved/a.rst': CLEAN });
    assert.throws(() => runLint(root, [], { format: 'xml' }), /unknown format; choose one of stylish, json, sarif, github, rdjson/);
    assert.throws(() => runLint(root, [], { rule: ['line-length'] }), /expected RULE=SEVERITY/);
    assert.throws(() => runLint(root, [], { rule: ['lin-length=off'] }), /did you mean "line-length"/);
  });

  it('exits 2 when there is nothing to lint', () => {
    const root = specRepository({ 'README.md': 'x\n' });
    assert.throws(() => runLint(root), /no spec files found/);
  });
});

describe('specwright lint: paths', () => {
  it('reports a missing path in one line, still lints the others, and exits 2', () => {
    const root = specRepository({ 'specs/rocky/approved/a.rst': 'x \n' });
    const run = lintJson(root, ['missing.rst', 'specs/rocky/approved/a.rst']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'specwright: missing.rst: no such file or directory\n');
    assert.deepEqual(brief(run.findings), ['specs/rocky/approved/a.rst:1 trailing-whitespace']);
  });

  it('reports an unreadable file in one line', { skip: process.getuid?.() === 0 && 'root can read everything' }, () => {
    const root = specRepository({ 'specs/rocky/approved/a.rst': CLEAN });
    chmodSync(join(root, 'specs/rocky/approved/a.rst'), 0o000);
    const run = lintJson(root, ['specs/rocky/approved/a.rst']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'specwright: specs/rocky/approved/a.rst: permission denied\n');
  });

  it('lints a directory: the specs of the layout under it, shown with the path as given', () => {
    const root = specRepository({ 'specs/rocky/approved/a.rst': 'x \n', 'specs/stein/approved/b.rst': 'y \n' });
    const run = lintJson(root, ['specs/rocky']);
    assert.deepEqual(brief(run.findings), ['specs/rocky/approved/a.rst:1 trailing-whitespace']);
    const fromInside = lintJson(join(root, 'specs'), ['stein']);
    assert.deepEqual(brief(fromInside.findings), ['stein/approved/b.rst:1 trailing-whitespace']);
  });

  it('lints any .rst files in a directory outside the layout', () => {
    const root = specRepository({ 'doc/source/index.rst': 'x \n', 'doc/source/notes.txt': 'y \n' });
    const run = lintJson(root, ['doc']);
    assert.deepEqual(brief(run.findings), ['doc/source/index.rst:1 trailing-whitespace']);
  });

  it('lints a named file of any extension, relative to the current directory', () => {
    const root = specRepository({ 'notes.txt': 'x\t\n' });
    const run = lintJson(join(root), ['notes.txt']);
    assert.deepEqual(brief(run.findings), ['notes.txt:1 trailing-whitespace']);
  });

  it('skips excluded files even when named (pre-commit passes every changed file)', () => {
    const root = specRepository({ 'specwright.toml': 'exclude = ["specs/abandoned"]\n', 'specs/abandoned/a.rst': 'x \n', 'specs/rocky/approved/b.rst': CLEAN });
    const run = lintJson(root, ['specs/abandoned/a.rst']);
    assert.deepEqual(run.findings, []);
    assert.equal(run.code, 0);
  });

  it('lints a file once even when named twice or through a directory', () => {
    const root = specRepository({ 'specs/rocky/approved/a.rst': 'x \n' });
    const run = lintJson(root, ['specs/rocky/approved/a.rst', 'specs/rocky/approved/a.rst']);
    assert.equal(run.findings.length, 1);
  });

  it('follows a symbolic link to a spec', () => {
    const root = specRepository({ 'specs/rocky/approved/a.rst': 'x \n' });
    symlinkSync(join(root, 'specs/rocky/approved/a.rst'), join(root, 'link.rst'));
    const run = lintJson(root, ['link.rst']);
    assert.deepEqual(brief(run.findings), ['link.rst:1 trailing-whitespace']);
  });
});

describe('specwright lint: internal errors', () => {
  it('reports a crash in one file in one line and checks the others', () => {
    const root = specRepository({ 'specs/rocky/approved/a.rst': 'x \n', 'specs/rocky/approved/b.rst': 'y \n' });
    let crashed = false;
    const report = lintPaths([], {
      cwd: root,
      ruleOverrides: Object.fromEntries(CONTENT_RULES.map((id) => [id, 'off' as const])),
      publish: (text) => {
        if (text.startsWith('x')) {
          crashed = true;
          throw new Error('boom\nsecond line');
        }
        return publishForLint(text, { sourcePath: 'b.rst', extensions: [] });
      },
    });
    assert.ok(crashed);
    assert.deepEqual(report.problems, [{ path: 'specs/rocky/approved/a.rst', message: 'internal error while checking this file: boom' }]);
    assert.deepEqual(report.diagnostics.map((diagnostic) => `${diagnostic.file} ${diagnostic.rule}`), ['specs/rocky/approved/b.rst trailing-whitespace']);
  });
});

describe('specwright lint: the program', () => {
  it('runs through main() and writes a report file with --output', async () => {
    const root = specRepository({ 'specs/rocky/approved/a.rst': 'x \n' });
    const cwd = process.cwd();
    try {
      process.chdir(root);
      const code = await main(['lint', '--format', 'json', '--output', 'report.json']);
      assert.equal(code, 1);
    } finally {
      process.chdir(cwd);
      process.exitCode = 0;
    }
  });

  it('refuses a file too large for the memory in one line, still lints the others, and exits 2', () => {
    // 200,000 unknown references: far beyond a 96 MB heap.
    const root = specRepository({
      'specs/rocky/approved/huge.rst': 'Title\n=====\n\n' + ('a_ '.repeat(25) + '\n').repeat(8000),
      'specs/rocky/approved/a.rst': 'x \n',
    });
    const result = spawnSync(
      process.execPath,
      ['--max-old-space-size=96', '--import', import.meta.resolve('tsx'), MAIN, 'lint', '--format', 'json', 'specs/rocky/approved/huge.rst', 'specs/rocky/approved/a.rst'],
      { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' }, maxBuffer: 1 << 26 },
    );
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^specwright: specs\/rocky\/approved\/huge\.rst: too large to process: the memory in use reached \d+ MB of the \d+ MB this process may use /);
    assert.doesNotMatch(result.stderr, /FATAL ERROR|heap out of memory|\n\s+at /);
    const findings = JSON.parse(result.stdout) as Array<{ file: string; rule: string }>;
    assert.ok(findings.some((finding) => finding.file === 'specs/rocky/approved/a.rst' && finding.rule === 'trailing-whitespace'));
  });

  it('prints a user error without a stack trace and exits 2', () => {
    const root = specRepository({ 'specwright.toml': '[rules\n', 'specs/rocky/approved/a.rst': CLEAN });
    const result = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), MAIN, 'lint'], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^specwright: specwright\.toml: 1:\d+: invalid TOML: /);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });
});
