/**
 * The installed program: the build's dist/cli/specwright.cjs (package.json
 * "bin"), one bundled CommonJS file. It must run its command line exactly
 * once, find its version and start its worker threads from where it is.
 * Needs the build (`npm ci` and `npm install` make it; else `npm run build`).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tempDirectory } from '../spec/temp-directory.js';

const ROOT = join(import.meta.dirname, '../..');
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
const PROGRAM = join(ROOT, PACKAGE.bin['specwright']!);

function run(args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  assert.ok(existsSync(PROGRAM), `${PROGRAM} is missing: run \`npm run build\` first`);
  const result = spawnSync(process.execPath, [PROGRAM, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the installed program', () => {
  it('is package.json\'s bin, a CommonJS bundle', () => {
    assert.equal(PACKAGE.bin['specwright'], 'dist/cli/specwright.cjs');
  });

  it('prints its version once', () => {
    const result = run(['--version'], ROOT);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, `${PACKAGE.version}\n`);
  });

  it('prints a document tree once, and writes many with its writer and worker threads', () => {
    const scratch = tempDirectory('specwright-program-');
    writeFileSync(join(scratch, 'a.rst'), 'Title\n=====\n\nText.\n');
    const single = run(['doctree', 'a.rst'], scratch);
    assert.equal(single.status, 0, single.stderr);
    assert.equal(single.stdout.match(/<document /g)?.length, 1);
    const names: string[] = [];
    for (let index = 0; index < 60; index++) {
      names.push(`d${index}.rst`);
      writeFileSync(join(scratch, `d${index}.rst`), `Doc ${index}\n======\n\nText *${index}*.\n`);
    }
    for (const concurrency of ['off', '2']) {
      const out = join(scratch, `out-${concurrency}`);
      const many = run(['doctree', '--concurrency', concurrency, '--out', out, ...names], scratch);
      assert.equal(many.status, 0, many.stderr);
      assert.match(readFileSync(join(out, 'd59.pseudoxml'), 'utf8'), /<emphasis>\n\s+59/);
    }
  });

  it('lints with worker threads and reports each finding once', () => {
    const scratch = tempDirectory('specwright-program-');
    const names: string[] = [];
    for (let index = 0; index < 60; index++) {
      names.push(`s${index}.rst`);
      writeFileSync(join(scratch, `s${index}.rst`), `Spec ${index}\n======\n\nText. \n`);
    }
    for (const concurrency of ['off', '2']) {
      const result = run(['lint', '--format', 'json', '--concurrency', concurrency, ...names], scratch);
      assert.equal(result.status, 1, result.stderr);
      const findings = (JSON.parse(result.stdout) as Array<{ file: string; rule: string }>).filter((finding) => finding.rule === 'trailing-whitespace');
      assert.deepEqual(findings.map((finding) => finding.file).sort(), [...names].sort());
    }
  });
});
