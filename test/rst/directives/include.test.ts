/**
 * include and raw :file: — the file-reading directives. Each case-*.rst in
 * test/fixtures/rst/directives/include parses to docutils' pseudo-XML
 * (../generate.sh re-creates it); the other tests cover what docutils
 * lacks: the root sandbox, root_prefix, and URLs that are never fetched.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from '../../../src/rst/parse.js';
import type { Settings } from '../../../src/rst/document.js';
import { docutilsRegistry } from '../../../src/rst/profiles/docutils.js';

const fixtureDirectory = fileURLToPath(new URL('../../fixtures/rst/directives/include/', import.meta.url));
process.chdir(fixtureDirectory);

function parse(text: string, settings: Partial<Settings> = {}, sourcePath = 'test.rst'): string {
  return parseDocument(text, {
    sourcePath,
    settings: { reportLevel: 1, haltLevel: 5, syntaxHighlight: 'none', root: fixtureDirectory, ...settings },
    registry: docutilsRegistry(),
  }).pformat();
}

for (const name of readdirSync(fixtureDirectory).filter((file) => /^case-.*\.rst$/.test(file)).sort()) {
  test(`include fixture ${name} parses as docutils parses it`, () => {
    const expected = readFileSync(name.replace(/\.rst$/, '.pseudoxml'), 'utf8');
    assert.equal(parse(readFileSync(name, 'utf8'), {}, name), expected);
  });
}

function severePathMessage(directive: string, path: string, block: string): string {
  return [
    '<document source="test.rst">',
    '    <system_message level="4" line="1" source="test.rst" type="SEVERE">',
    '        <paragraph>',
    `            Problems with "${directive}" directive path:`,
    `            InputError: [Errno 2] No such file or directory: '${path}'.`,
    '        <literal_block xml:space="preserve">',
    ...block.split('\n').map((line) => (line ? `            ${line}` : '            ')),
    '',
  ].join('\n');
}

test('a file outside settings.root is refused as a missing file, even when it exists', () => {
  const block = '.. include:: ../option-cases.json';
  assert.equal(parse(block + '\n'), severePathMessage('include', '../option-cases.json', block));
  const raw = '.. raw:: html\n   :file: ../option-cases.json';
  assert.equal(parse(raw + '\n'), severePathMessage('raw', '../option-cases.json', raw));
});

test('a symbolic link inside the root that points outside it is refused', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'specwright-include-'));
  try {
    mkdirSync(join(scratch, 'root'));
    writeFileSync(join(scratch, 'secret.txt'), 'secret\n');
    symlinkSync(join(scratch, 'secret.txt'), join(scratch, 'root', 'link.txt'));
    writeFileSync(join(scratch, 'root', 'plain.txt'), 'plain\n');
    const root = join(scratch, 'root');
    const included = parse(`.. include:: ${root}/plain.txt\n   :literal:\n`, { root });
    assert.match(included, /plain/);
    const refused = parse(`.. include:: ${root}/link.txt\n   :literal:\n`, { root });
    assert.doesNotMatch(refused, /secret\n/);
    assert.match(refused, /No such file or directory: '.*link\.txt'/);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

test('settings.rootPrefix maps a leading "/" (docutils root_prefix)', () => {
  const block = '.. include:: /lines.txt\n   :literal:\n';
  assert.match(parse(block, { rootPrefix: fixtureDirectory }), /<literal_block source="lines.txt"[^\n]*>\n {8}line one/);
  assert.equal(
    parse(block, { rootPrefix: '/' }),
    severePathMessage('include', '/lines.txt', '.. include:: /lines.txt\n   :literal:'),
  );
});

test('raw :url: is refused without touching the network', () => {
  const output = parse('.. raw:: html\n   :url: http://127.0.0.1:9/never\n');
  assert.match(
    output,
    /Problems with "raw" directive URL "http:\/\/127\.0\.0\.1:9\/never":\n {12}URLError: <urlopen error fetching URLs is disabled>\./,
  );
});

test('undecodable files give the message docutils gives with input_encoding utf-8', () => {
  const scratch = mkdtempSync(join(fixtureDirectory, '.scratch-'));
  try {
    writeFileSync(join(scratch, 'bad.txt'), Buffer.from([0x6f, 0x6b, 0x0a, 0xff, 0x20, 0x62, 0x0a]));
    writeFileSync(join(scratch, 'latin.txt'), Buffer.from('caf\xe9\n', 'latin1'));
    const relative = scratch.slice(fixtureDirectory.length);
    assert.match(
      parse(`.. include:: ${relative}/bad.txt\n`),
      /Problem with "include" directive:\n {12}UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 3: invalid start byte\n/,
    );
    assert.match(
      parse(`.. raw:: html\n   :file: ${relative}/latin.txt\n`),
      /Problem with "raw" directive:\n {12}UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9 in position 3: invalid continuation byte\n/,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

test('file insertion and raw can be disabled', () => {
  assert.match(parse('.. include:: lines.txt\n', { fileInsertionEnabled: false }), /"include" directive disabled\./);
  assert.match(parse('.. raw:: html\n   :file: lines.txt\n', { fileInsertionEnabled: false }), /"raw" directive disabled\./);
  assert.match(parse('.. raw:: html\n\n   <b>x</b>\n', { rawEnabled: false }), /"raw" directive disabled\./);
  assert.match(parse('.. raw:: html\n\n   <b>x</b>\n', { fileInsertionEnabled: false }), /<raw format="html"/);
});

test('included lines longer than the line-length limit are refused', () => {
  const scratch = mkdtempSync(join(fixtureDirectory, '.scratch-'));
  try {
    writeFileSync(join(scratch, 'long.txt'), 'short\n' + 'x'.repeat(50) + '\n');
    const relative = scratch.slice(fixtureDirectory.length);
    assert.match(
      parse(`.. include:: ${relative}/long.txt\n`, { lineLengthLimit: 40 }),
      /<system_message level="2" line="1" source="test.rst" type="WARNING">\n {8}<paragraph>\n {12}"\.scratch-\w+\/long\.txt": line 2 exceeds the line-length-limit\./,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

test('a missing standard include names the file in docutils\' data directory', () => {
  assert.match(
    parse('.. include:: <nonexistent.txt>\n'),
    /No such file or directory: '\/usr\/share\/docutils\/parsers\/rst\/include\/nonexistent\.txt'/,
  );
});
