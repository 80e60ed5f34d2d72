/**
 * Linting in worker threads (lintPathsAsync, `--concurrency`): the report,
 * every output format, the exit status and stderr are those of the run in
 * one thread; --fix writes the same files; a configuration error stops
 * the run with the same message.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { runLintCommand, runLintCommandAsync, type CommandIo } from '../../src/cli/commands/lint.js';
import { treeGuard } from '../../src/lint/engine.js';
import { FORMAT_NAMES, FORMATTERS } from '../../src/lint/formatters/index.js';
import { lintPaths, lintPathsAsync, type LintReport } from '../../src/lint/runner.js';
import { PARALLEL_THRESHOLD, threadCount } from '../../src/util/threads.js';
import { makeTree } from '../spec/temp-directory.js';

const EXAMPLES = join(import.meta.dirname, '../../examples/watcher-style-specs/specs');

function readTree(root: string, out: Record<string, string> = {}, directory = root): Record<string, string> {
  for (const name of readdirSync(directory).sort()) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) readTree(root, out, path);
    else out[relative(root, path)] = readFileSync(path, 'latin1');
  }
  return out;
}

/**
 * A repository with the example specs copied into several releases, plus
 * files that exercise each kind of outcome: findings of most rules, safe
 * fixes, a title whose fix the tree guard refuses, bytes that are not
 * UTF-8, a NUL byte, a file in the wrong directory (directory-layout, a
 * repository rule).
 */
function variedRepository(): string {
  const examples = readTree(EXAMPLES);
  const files: Record<string, string | Buffer> = { 'specs/template.rst': examples['template.rst']! };
  const specs = Object.entries(examples).filter(([path]) => path !== 'template.rst');
  const releases = ['2024.1', '2024.2', '2025.1', '2025.2'];
  for (const release of releases) {
    for (const [path, text] of specs) {
      const name = path.split('/').pop()!;
      files[`specs/${release}/approved/${name}`] = text;
      files[`specs/${release}/implemented/tabs-${name}`] = text.replace(/\n\n/, '\n\t\n').replace(/\.\n/, '.   \n');
      files[`specs/${release}/approved/crlf-${name}`] = text.replace(/\n/g, '\r\n');
      files[`specs/${release}/approved/short-title-${name}`] = text.replace(/^(=+)\n(.*)\n=+\n/, '$1\n$2\n===\n').replace(/\n+$/, '');
    }
    files[`specs/${release}/approved/syntax.rst`] = 'Title\n=====\n\n.. unknown-directive::\n\n`unclosed\n\n* a\nb\n';
    files[`specs/${release}/approved/latin1.rst`] = Buffer.from([0x54, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0xe9, 0x0a]);
    files[`specs/${release}/approved/nul.rst`] = Buffer.from('Title\n=====\n\0\n');
    files[`specs/${release}/elsewhere/misplaced.rst`] = 'Misplaced\n=========\n';
  }
  return makeTree(files);
}

function capture(cwd: string): { io: CommandIo; output(): { stdout: string; stderr: string } } {
  let stdout = '';
  let stderr = '';
  return {
    io: { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), colorSupported: false },
    output: () => ({ stdout, stderr }),
  };
}

/** Everything a report says, in a comparable form (absolute paths left out: the fix test compares two copies). */
function comparable(report: LintReport): unknown {
  return {
    files: report.files.map((file) => ({ displayPath: file.displayPath, text: file.source?.text ?? null, diagnostics: file.diagnostics, fix: file.fix })),
    diagnostics: report.diagnostics,
    problems: report.problems,
    notices: report.notices,
  };
}

function assertSameOutput(threaded: LintReport, single: LintReport): void {
  assert.deepEqual(comparable(threaded), comparable(single));
  for (const format of FORMAT_NAMES) {
    for (const color of [false, true]) {
      assert.equal(FORMATTERS[format]({ report: threaded, color }), FORMATTERS[format]({ report: single, color }), `--format ${format}${color ? ' --color' : ''}`);
    }
  }
}

describe('lint in worker threads', () => {
  it('gives the report and output of one thread, in every format, when the workers lint every file', async () => {
    const root = variedRepository();
    const single = lintPaths([], { cwd: root });
    const threaded = await lintPathsAsync([], { cwd: root, concurrency: 2, mainThreadLints: false });
    assert.equal(threaded.stats?.threads, 2);
    assert.equal(threaded.stats?.lintedInWorkers, threaded.files.length);
    assert.ok(single.diagnostics.length > 50 && new Set(single.diagnostics.map((diagnostic) => diagnostic.rule)).size >= 8);
    assertSameOutput(threaded, single);
  });

  it('gives the same output when this thread lints beside the workers, also through the command', async () => {
    const root = variedRepository();
    const single = capture(root);
    const singleCode = runLintCommand(['specs'], { format: 'stylish' }, single.io);
    const threaded = capture(root);
    const threadedCode = await runLintCommandAsync(['specs'], { format: 'stylish', concurrency: '3' }, threaded.io);
    assert.equal(threadedCode, singleCode);
    assert.deepEqual(threaded.output(), single.output());
    assert.match(single.output().stdout, /nul\.rst/);
    assert.match(single.output().stderr, /^$/);
  });

  it('fixes the same files the same way (each file by one thread), atomically', async () => {
    const sequentialRoot = variedRepository();
    const threadedRoot = variedRepository();
    const single = lintPaths([], { cwd: sequentialRoot, fix: { guard: treeGuard(), write: true } });
    const threaded = await lintPathsAsync([], { cwd: threadedRoot, fix: { guard: treeGuard(), write: true }, concurrency: 2, mainThreadLints: false });
    assert.equal(threaded.stats?.lintedInWorkers, threaded.files.length);
    assert.ok(single.files.filter((file) => file.fix?.written).length >= 8);
    assertSameOutput(threaded, single);
    assert.deepEqual(readTree(threadedRoot), readTree(sequentialRoot));
    assert.ok(!Object.keys(readTree(threadedRoot)).some((path) => path.endsWith('.tmp')), 'no temporary files left');
  });

  it('stops on a configuration error with the message of the run in one thread', async () => {
    const root = makeTree({
      'specwright.toml': '[template.release."2025.1"]\npath = "specs/missing-template.rst"\n',
      'specs/template.rst': 'Template\n========\n',
      ...Object.fromEntries(Array.from({ length: 6 }, (_, index) => [`specs/2024.2/approved/a${index}.rst`, 'Template\n========\n'])),
      ...Object.fromEntries(Array.from({ length: 6 }, (_, index) => [`specs/2025.1/approved/b${index}.rst`, 'Template\n========\n'])),
    });
    let expected: Error | undefined;
    try {
      lintPaths([], { cwd: root });
    } catch (error) {
      expected = error as Error;
    }
    assert.ok(expected, 'one thread throws');
    await assert.rejects(lintPathsAsync([], { cwd: root, concurrency: 2, mainThreadLints: false }), (error: Error) => {
      assert.equal(error.message, expected!.message);
      assert.equal(error.name, expected!.name);
      return true;
    });
  });

  it('uses threads from PARALLEL_THRESHOLD files and 3 CPUs with concurrency auto, and as many as asked otherwise', () => {
    assert.equal(threadCount('auto', PARALLEL_THRESHOLD - 1, 16), 1);
    assert.equal(threadCount('auto', PARALLEL_THRESHOLD, 16), 2);
    assert.equal(threadCount('auto', 845, 2), 1, 'two threads are slower than one on 2 CPUs');
    assert.equal(threadCount('auto', 845, 4), 2);
    assert.equal(threadCount('auto', 845, 16), 10);
    assert.ok(threadCount('auto', 845) >= 1);
    assert.equal(threadCount(undefined, 10), 1);
    assert.equal(threadCount('off', 1000), 1);
    assert.equal(threadCount(1, 1000), 1);
    assert.equal(threadCount(4, 1000), 4);
    assert.equal(threadCount(4, 3), 3);
    assert.equal(threadCount(4, 1), 1);
  });

  it('lints in one thread when the publish function is not the engine\'s', async () => {
    const root = variedRepository();
    const report = await lintPathsAsync([], { cwd: root, concurrency: 2, publish: null });
    assert.equal(report.stats?.threads, 1);
    assert.equal(report.stats?.lintedInWorkers, 0);
  });
});
