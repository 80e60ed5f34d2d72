/**
 * `specwright doctree`: docutils' pseudo-XML on stdout, messages on stderr,
 * --out files, and bad input reported per file without stopping the run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDirectory } from '../spec/temp-directory.js';

const main = new URL('../../src/cli/main.ts', import.meta.url).pathname;
// The tests run from temporary folders: load tsx by its resolved location.
const tsx = import.meta.resolve('tsx');

function specwright(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', tsx, main, ...args], { cwd, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function workspace(): string {
  const dir = tempDirectory('specwright-doctree-');
  mkdirSync(join(dir, 'specs', 'x'), { recursive: true });
  writeFileSync(join(dir, 'specs', 'x', 'good.rst'), 'Title\n=====\n\nSome *text* and a bad `ref.\n');
  writeFileSync(join(dir, 'latin1.rst'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
  writeFileSync(join(dir, 'nul.rst'), Buffer.from('abc\x00def\n', 'latin1'));
  mkdirSync(join(dir, 'folder.rst'));
  return dir;
}

test('prints the published tree and the warning stream, source as given', () => {
  const dir = workspace();
  const run = specwright(['doctree', '--report-level', '1', 'specs/x/good.rst'], dir);
  assert.equal(run.status, 0);
  assert.match(run.stdout, /^<document ids="title" names="title" source="specs\/x\/good.rst" title="Title">\n/);
  assert.match(run.stdout, /<emphasis>\n +text\n/);
  assert.equal(
    run.stderr,
    'specs/x/good.rst:4: (WARNING/2) Inline interpreted text or phrase reference start-string without end-string.\n',
  );
});

test('--parser-only leaves the title in its section (no transforms)', () => {
  const dir = workspace();
  const run = specwright(['doctree', '--parser-only', 'specs/x/good.rst'], dir);
  assert.equal(run.status, 0);
  assert.match(run.stdout, /^<document source="specs\/x\/good.rst">\n {4}<section ids="title" names="title">\n/);
});

test('--out writes .pseudoxml and .messages keeping relative folders', () => {
  const dir = workspace();
  const run = specwright(['doctree', '--out', 'out', 'specs/x/good.rst'], dir);
  assert.equal(run.status, 0);
  assert.equal(run.stdout, '');
  assert.ok(readFileSync(join(dir, 'out', 'specs', 'x', 'good.pseudoxml'), 'utf8').startsWith('<document'));
  assert.match(readFileSync(join(dir, 'out', 'specs', 'x', 'good.messages'), 'utf8'), /WARNING\/2/);
});

test('bad inputs get one clear line each; the other files are still processed', () => {
  const dir = workspace();
  const run = specwright(
    ['doctree', '--out', 'out', 'missing.rst', 'latin1.rst', 'nul.rst', 'folder.rst', 'specs/x/good.rst'],
    dir,
  );
  assert.notEqual(run.status, 0);
  const lines = run.stderr.trim().split('\n');
  assert.deepEqual(lines, [
    'specwright: missing.rst: no such file or directory',
    'specwright: latin1.rst: is not valid UTF-8 (byte 0xe9 at offset 3)',
    'specwright: nul.rst: contains a NUL byte at offset 3 (binary file?)',
    'specwright: folder.rst: is a directory, not a file',
  ]);
  assert.ok(!run.stderr.includes('    at '), 'no stack trace');
  assert.ok(existsSync(join(dir, 'out', 'specs', 'x', 'good.pseudoxml')));
});

test('a document too large for the memory is refused with one clear line; the next file is still processed', () => {
  const dir = workspace();
  // 200,000 unknown references, each a problematic node and a system message: far beyond a 96 MB heap.
  writeFileSync(join(dir, 'huge.rst'), ('a_ '.repeat(25) + '\n').repeat(8000));
  const run = spawnSync(process.execPath, ['--max-old-space-size=96', '--import', tsx, main, 'doctree', 'huge.rst', 'specs/x/good.rst'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /^specwright: huge\.rst: too large to process: the memory in use reached \d+ MB of the \d+ MB this process may use /m);
  assert.doesNotMatch(run.stderr, /FATAL ERROR|heap out of memory|    at /);
  assert.match(run.stdout, /^<document ids="title" names="title" source="specs\/x\/good.rst" title="Title">\n/);
});

test('a leading byte order mark stays in the text for --profile docutils (as docutils-oracle reads it) and not for sphinx', () => {
  const dir = workspace();
  writeFileSync(join(dir, 'bom.rst'), '\ufeffTitle\n=====\n');
  const docutils = specwright(['doctree', '--report-level', '1', 'bom.rst'], dir);
  assert.match(docutils.stdout, /^<document ids="title" names="\ufefftitle" source="bom.rst" title="\ufeffTitle">/);
  assert.equal(docutils.stderr, 'bom.rst:2: (WARNING/2) Title underline too short.\n\n\ufeffTitle\n=====\n');
  const sphinx = specwright(['doctree', '--report-level', '1', '--profile', 'sphinx', 'bom.rst'], dir);
  assert.match(sphinx.stdout, /^<document ids="title" names="title" source="bom.rst" title="Title">/);
  assert.equal(sphinx.stderr, '');
});

test('an unknown profile is a usage error', () => {
  const dir = workspace();
  const run = specwright(['doctree', '--profile', 'nope', 'specs/x/good.rst'], dir);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /unknown profile "nope"/);
});

test('many files are processed in parallel but printed in the order given', () => {
  const dir = tempDirectory('specwright-doctree-many-');
  const names: string[] = [];
  for (let index = 0; index < 70; index++) {
    const name = `doc-${String(index).padStart(2, '0')}.rst`;
    writeFileSync(join(dir, name), index === 33 ? 'broken `ref\n' : `Paragraph ${index}.\n`);
    names.push(name);
  }
  names.splice(10, 0, 'absent.rst');
  const run = specwright(['doctree', '--concurrency', '2', ...names], dir);
  assert.equal(run.status, 1);
  const sources = [...run.stdout.matchAll(/<document source="([^"]+)">/g)].map((match) => match[1]);
  assert.deepEqual(sources, names.filter((name) => name !== 'absent.rst'));
  assert.deepEqual(run.stderr.trim().split('\n'), [
    'specwright: absent.rst: no such file or directory',
    'doc-33.rst:1: (WARNING/2) Inline interpreted text or phrase reference start-string without end-string.',
  ]);
});

test('a reader that closes the pipe early (| head) ends the run quietly, without a stack trace', () => {
  const dir = workspace();
  // Far more pseudo-XML than a pipe holds, so writing goes on after the reader has gone.
  writeFileSync(join(dir, 'long.rst'), 'A paragraph of *text*.\n\n'.repeat(20000));
  const run = spawnSync('sh', ['-c', `"${process.execPath}" --import "${tsx}" "${main}" doctree long.rst | head -n 1`], {
    cwd: dir,
    encoding: 'utf8',
  });
  assert.equal(run.stdout, '<document source="long.rst">\n');
  assert.equal(run.stderr, '');
});

test('--out with many files: every document is written, and one that cannot be is named without stopping the others', () => {
  const dir = workspace();
  const names = Array.from({ length: 12 }, (_, index) => `doc${index}.rst`);
  for (const name of names) writeFileSync(join(dir, name), `Doc\n===\n\nText of ${name}.\n`);
  // Where doc5's output folder should be there is a file: its files cannot be written.
  mkdirSync(join(dir, 'out'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'doc5.rst'), 'Doc\n===\n');
  writeFileSync(join(dir, 'out', 'sub'), 'not a folder');
  const run = specwright(['doctree', '--out', 'out', ...names, 'sub/doc5.rst'], dir);
  assert.equal(run.status, 1);
  for (const name of names) {
    const base = join(dir, 'out', name.replace(/\.rst$/, ''));
    assert.match(readFileSync(`${base}.pseudoxml`, 'utf8'), new RegExp(`Text of ${name.replace('.', '\\.')}\\.`));
    assert.equal(readFileSync(`${base}.messages`, 'utf8'), '');
  }
  assert.equal(run.stderr, 'specwright: out/sub/doc5.pseudoxml: cannot write (ENOTDIR)\n');
});

test('--profile sphinx knows the extensions the repository\'s conf.py loads, as lint does', () => {
  const dir = tempDirectory('specwright-doctree-');
  mkdirSync(join(dir, 'specs', 'rocky', 'approved'), { recursive: true });
  mkdirSync(join(dir, 'doc', 'source'), { recursive: true });
  writeFileSync(join(dir, 'specs', 'rocky', 'approved', 'deps.rst'), 'Deps\n====\n\n.. digraph:: deps\n\n   a -> b;\n\n.. todo:: later\n');
  const path = 'specs/rocky/approved/deps.rst';
  // No conf.py: the OpenStack set (todo, the diagram extensions), without graphviz.
  const openstack = specwright(['doctree', '--profile', 'sphinx', path], dir);
  assert.equal(openstack.status, 0, openstack.stderr);
  assert.match(openstack.stderr, /Unknown directive type "digraph"/);
  assert.match(openstack.stdout, /<todo_node/);
  writeFileSync(join(dir, 'doc', 'source', 'conf.py'), "extensions = ['sphinx.ext.graphviz']\n");
  const graphviz = specwright(['doctree', '--profile', 'sphinx', path], dir);
  assert.equal(graphviz.status, 0, graphviz.stderr);
  assert.match(graphviz.stdout, /<graphviz code="digraph deps \{\na -> b;\n\}\n"/);
  assert.match(graphviz.stderr, /Unknown directive type "todo"/);
  // The docutils profile never looks at conf.py; a broken configuration matters only to the sphinx profile.
  writeFileSync(join(dir, 'specwright.toml'), '[sphinx\n');
  assert.equal(specwright(['doctree', path], dir).status, 0);
  const broken = specwright(['doctree', '--profile', 'sphinx', path], dir);
  assert.equal(broken.status, 2);
  assert.match(broken.stderr, /^specwright: .*specwright\.toml: .*invalid TOML/);
  assert.doesNotMatch(broken.stderr, /\n\s+at /);
});
