/**
 * The table directives beyond docutils' own test cases.
 *
 * test/fixtures/rst/tables/documents/X.rst is parsed with that directory
 * as working directory and settings.root, and must print X.pseudoxml:
 * docutils' output (tools/docutils-oracle parser X.rst, run there) for
 * csv-files, directive-edge-cases and option-errors; for deviations, the
 * output we chose where docutils reads outside the root, fetches URLs or
 * fails on undecodable input.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from '../../../src/rst/parse.js';
import { Registry } from '../../../src/rst/registry.js';
import type { Settings } from '../../../src/rst/document.js';
import { CSVTable, ListTable, RSTTable, TABLE_DIRECTIVES, refusedUrlReason } from '../../../src/rst/directives/tables.js';
import { tempDirectory } from '../../spec/temp-directory.js';

const DOCUMENTS = fileURLToPath(new URL('../../fixtures/rst/tables/documents/', import.meta.url));

function registry(): Registry {
  return new Registry(new Map(Object.entries(TABLE_DIRECTIVES)), new Map());
}

function parse(text: string, sourcePath: string, settings: Partial<Settings>): string {
  return parseDocument(text, {
    sourcePath,
    settings: { reportLevel: 1, haltLevel: 5, syntaxHighlight: 'none', ...settings },
    registry: registry(),
  }).pformat();
}

/** Parse with `directory` as working directory (docutils prints paths relative to it). */
function parseIn(directory: string, name: string, settings: Partial<Settings> = {}): string {
  const previous = process.cwd();
  process.chdir(directory);
  try {
    return parse(readFileSync(name, 'utf8'), name, { root: directory, ...settings });
  } finally {
    process.chdir(previous);
  }
}

for (const name of ['csv-files', 'directive-edge-cases', 'option-errors', 'deviations']) {
  test(`documents/${name}.rst prints ${name}.pseudoxml`, () => {
    const expected = readFileSync(join(DOCUMENTS, `${name}.pseudoxml`), 'utf8');
    assert.equal(parseIn(DOCUMENTS, `${name}.rst`), expected);
  });
}

test('option specs are docutils\' option names', () => {
  const common = ['class', 'name', 'align', 'width', 'widths'];
  assert.deepEqual(Object.keys(RSTTable.optionSpec!).sort(), [...common].sort());
  assert.deepEqual(Object.keys(ListTable.optionSpec!).sort(), [...common, 'header-rows', 'stub-columns'].sort());
  assert.deepEqual(
    Object.keys(CSVTable.optionSpec!).sort(),
    [...common, 'header-rows', 'stub-columns', 'header', 'file', 'url', 'encoding', 'delim', 'keepspace', 'quote', 'escape'].sort(),
  );
  for (const directive of Object.values(TABLE_DIRECTIVES)) {
    assert.equal(directive.optionalArguments, 1);
    assert.equal(directive.requiredArguments, 0);
    assert.equal(directive.finalArgumentWhitespace, true);
    assert.equal(directive.hasContent, true);
  }
});

test('a :file: reached through a symbolic link out of the root is refused', () => {
  const outside = tempDirectory('specwright-outside-');
  const root = tempDirectory('specwright-root-');
  try {
    writeFileSync(join(outside, 'secret.csv'), 'secret, data\n');
    symlinkSync(join(outside, 'secret.csv'), join(root, 'linked.csv'));
    writeFileSync(join(root, 'doc.rst'), '.. csv-table::\n   :file: linked.csv\n');
    const output = parseIn(root, 'doc.rst');
    assert.match(output, /Problems with "csv-table" directive path:\n *\[Errno 2\] No such file or directory: 'linked.csv'\./);
    assert.doesNotMatch(output, /secret/);
  } finally {
    rmSync(outside, { recursive: true, force: true });
    rmSync(root, { recursive: true, force: true });
  }
});

test(':file: is read relative to the directory of the current source', () => {
  const root = tempDirectory('specwright-root-');
  try {
    mkdirSync(join(root, 'specs'));
    writeFileSync(join(root, 'specs', 'rows.csv'), 'near, the document\n');
    writeFileSync(join(root, 'rows.csv'), 'at, the root\n');
    writeFileSync(join(root, 'specs', 'doc.rst'), '.. csv-table::\n   :file: rows.csv\n');
    const output = parseIn(root, 'specs/doc.rst');
    assert.match(output, /near/);
    assert.doesNotMatch(output, /the root/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('with file insertion disabled, :file: and :url: are ignored with docutils\' warning; content still works', () => {
  const text = [
    '.. csv-table::',
    '   :file: data.csv',
    '',
    '.. csv-table::',
    '   :url: http://example.org/x.csv',
    '',
    '.. csv-table::',
    '',
    '   inline, data',
    '',
  ].join('\n');
  const disabled = parse(text, 'doc.rst', { root: DOCUMENTS, fileInsertionEnabled: false });
  const warnings = disabled.match(/File and URL access deactivated; ignoring "csv-table" directive\./g) ?? [];
  assert.equal(warnings.length, 2);
  assert.match(disabled, /level="2" line="1"/);
  assert.match(disabled, /level="2" line="4"/);
  assert.match(disabled, /<table>[\s\S]*inline[\s\S]*data/);
});

test('a UTF-8 byte order mark stays in the first cell unless :encoding: is utf-8-sig', () => {
  const root = tempDirectory('specwright-root-');
  try {
    writeFileSync(join(root, 'bom.csv'), Buffer.from([0xef, 0xbb, 0xbf, 0x78, 0x2c, 0x79, 0x0a]));
    writeFileSync(join(root, 'plain.rst'), '.. csv-table::\n   :file: bom.csv\n');
    writeFileSync(join(root, 'sig.rst'), '.. csv-table::\n   :file: bom.csv\n   :encoding: utf-8-sig\n');
    // docutils with input_encoding utf-8 (the publishing profile) keeps U+FEFF.
    assert.match(parseIn(root, 'plain.rst'), /\n *\ufeffx\n/);
    assert.match(parseIn(root, 'sig.rst'), /\n *x\n/);
    assert.doesNotMatch(parseIn(root, 'sig.rst'), /\ufeff/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('URLs are judged without network access, with urllib\'s wording where it decides offline', () => {
  assert.equal(refusedUrlReason('bogus.csv'), "unknown url type: 'bogus.csv'");
  assert.equal(refusedUrlReason('<URL:bogus.csv>'), "unknown url type: 'bogus.csv'");
  assert.equal(refusedUrlReason('foo:bar'), '<urlopen error unknown url type: foo>');
  for (const url of ['http://example.org/a.csv', 'HTTPS://example.org/a.csv', 'ftp://h/a.csv', 'file:///etc/passwd']) {
    assert.match(refusedUrlReason(url), /^<urlopen error URL access is disabled/);
  }
});
