/**
 * The installed program: the build's dist/cli/specwright.cjs (package.json
 * "bin"), one bundled CommonJS file. It must run its command line exactly
 * once, find its version and start its worker threads from where it is.
 * Needs the build (`npm ci` and `npm install` make it; else `npm run build`).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tempDirectory } from '../spec/temp-directory.js';

const ROOT = join(import.meta.dirname, '../..');
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
const PROGRAM = join(ROOT, PACKAGE.bin['specwright']!);

function run(
  args: readonly string[],
  cwd: string,
  program = PROGRAM,
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  assert.ok(existsSync(program), `${program} is missing: run \`npm run build\` first`);
  const result = spawnSync(process.execPath, [program, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the installed program', () => {
  it('is package.json\'s bin, a CommonJS bundle', () => {
    assert.equal(PACKAGE.bin['specwright'], 'dist/cli/specwright.cjs');
  });

  // Node 22.1 and later keep their own compile cache; Node 20 uses the one the build made.
  const nodeHasCompileCache = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';

  it('runs with the code cache the build made', { skip: nodeHasCompileCache && 'this Node keeps its own compile cache' }, () => {
    const result = run(['--version'], ROOT, PROGRAM, { SPECWRIGHT_CODE_CACHE_DEBUG: '1' });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, 'specwright: code cache: used\n');
  });

  it('runs the same without a cache, and with a cache V8 rejects', { skip: nodeHasCompileCache && 'this Node keeps its own compile cache' }, () => {
    // A copy of the program with its version file and packages, without and then with a damaged cache.
    const scratch = tempDirectory('specwright-program-');
    mkdirSync(join(scratch, 'dist', 'cli'), { recursive: true });
    copyFileSync(join(ROOT, 'package.json'), join(scratch, 'package.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(scratch, 'node_modules'));
    for (const name of ['specwright.cjs', 'specwright-main.cjs']) copyFileSync(join(ROOT, 'dist', 'cli', name), join(scratch, 'dist', 'cli', name));
    writeFileSync(join(scratch, 'a.rst'), 'Title\n=====\n\nText *here*.\n');
    const copy = join(scratch, 'dist', 'cli', 'specwright.cjs');
    const expected = run(['doctree', 'a.rst'], scratch).stdout;
    assert.match(expected, /<emphasis>/);
    for (const [damage, said] of [[null, 'none'], ['not a code cache', 'rejected']] as const) {
      if (damage !== null) writeFileSync(join(scratch, 'dist', 'cli', 'specwright-main.cache'), damage);
      const result = run(['doctree', 'a.rst'], scratch, copy, { SPECWRIGHT_CODE_CACHE_DEBUG: '1' });
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stderr, `specwright: code cache: ${said}\n`);
      assert.equal(result.stdout, expected);
    }
  });

  it('says clearly that the installation is broken when its bundle is missing', () => {
    const scratch = tempDirectory('specwright-program-');
    mkdirSync(join(scratch, 'dist', 'cli'), { recursive: true });
    copyFileSync(join(ROOT, 'dist', 'cli', 'specwright.cjs'), join(scratch, 'dist', 'cli', 'specwright.cjs'));
    const result = run(['--version'], scratch, join(scratch, 'dist', 'cli', 'specwright.cjs'));
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^specwright: cannot read .*specwright-main\.cjs \(ENOENT\): the installation is incomplete/);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });

  it('prints its version once', () => {
    const result = run(['--version'], ROOT);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, `${PACKAGE.version}\n`);
  });

  // npm and npx start the program through a link (node_modules/.bin/specwright);
  // npx keeps the link an earlier install made, whose bin was dist/cli/main.js.
  for (const target of ['specwright.cjs', 'main.js']) {
    it(`runs when started through a link to dist/cli/${target}`, () => {
      const scratch = tempDirectory('specwright-program-');
      const link = join(scratch, 'specwright');
      symlinkSync(join(ROOT, 'dist', 'cli', target), link);
      writeFileSync(join(scratch, 'a.rst'), 'Title\n=====\n\nText. \n');
      const version = run(['--version'], scratch, link);
      assert.equal(version.status, 0, version.stderr);
      assert.equal(version.stdout, `${PACKAGE.version}\n`);
      const lint = run(['lint', 'a.rst'], scratch, link);
      assert.equal(lint.status, 1, lint.stderr);
      assert.match(lint.stdout, /trailing-whitespace/);
    });
  }

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
