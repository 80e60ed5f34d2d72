/**
 * Pieces of the misc directives that the docutils fixtures cannot pin down:
 * the date directive's formatting (against glibc's strftime through
 * Python), and file decoding errors worded as Python words them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { strftime } from '../../../src/rst/directives/strftime.js';
import { dateClock } from '../../../src/rst/directives/misc.js';
import { InputDecodeError, decodeBytes, relativeToWorkingDirectory } from '../../../src/rst/directives/file-input.js';
import { parseDocument } from '../../../src/rst/parse.js';
import { docutilsRegistry } from '../../../src/rst/profiles/docutils.js';

const strftimeCases = JSON.parse(
  readFileSync(new URL('../../fixtures/rst/directives/strftime-cases.json', import.meta.url), 'utf8'),
) as [number[], string, string][];

test('strftime formats local times as glibc does', () => {
  for (const [[year, month, day, hours, minutes, seconds], format, expected] of strftimeCases) {
    const date = new Date(year!, month! - 1, day!, hours!, minutes!, seconds!);
    assert.equal(strftime(format, date), expected, `${format} on ${date.toString()}`);
  }
});

test('the date directive formats the current time inside a substitution definition', () => {
  const saved = dateClock.now;
  dateClock.now = () => new Date(2024, 1, 29, 8, 30, 0);
  try {
    const output = parseDocument('.. |d| date::\n.. |t| date:: %H:%M on %A\n\n.. date::\n', {
      sourcePath: 'test data',
      settings: { reportLevel: 1, haltLevel: 5 },
      registry: docutilsRegistry(),
    }).pformat();
    assert.match(output, /<substitution_definition names="d">\n {8}2024-02-29\n/);
    assert.match(output, /<substitution_definition names="t">\n {8}08:30 on Thursday\n/);
    assert.match(output, /Invalid context: the "date" directive can only be used within a substitution definition\./);
  } finally {
    dateClock.now = saved;
  }
});

function decodeError(bytes: number[], encoding: string): string {
  try {
    decodeBytes(Uint8Array.from(bytes), encoding);
  } catch (error) {
    assert.ok(error instanceof InputDecodeError);
    return error.errorString();
  }
  return 'decoded';
}

test('UTF-8 decoding errors carry CPython\'s positions and reasons', () => {
  // Expectations from bytes(...).decode('utf-8') in CPython 3.11.
  const prefix = "UnicodeDecodeError: 'utf-8' codec can't decode";
  assert.equal(decodeError([0x61, 0xff], 'utf-8'), `${prefix} byte 0xff in position 1: invalid start byte`);
  assert.equal(decodeError([0xe2, 0x82, 0x41], 'utf-8'), `${prefix} bytes in position 0-1: invalid continuation byte`);
  assert.equal(decodeError([0xe2, 0x41], 'utf-8'), `${prefix} byte 0xe2 in position 0: invalid continuation byte`);
  assert.equal(decodeError([0x41, 0xf0, 0x90, 0x80], 'utf-8'), `${prefix} bytes in position 1-3: unexpected end of data`);
  assert.equal(decodeError([0xe0, 0x80, 0x80], 'utf-8'), `${prefix} byte 0xe0 in position 0: invalid continuation byte`);
  assert.equal(decodeError([0xed, 0xa0, 0x80], 'utf-8'), `${prefix} byte 0xed in position 0: invalid continuation byte`);
  assert.equal(decodeError([0xc0, 0x80], 'utf-8'), `${prefix} byte 0xc0 in position 0: invalid start byte`);
  assert.equal(
    decodeError([0x41, 0x80], 'ascii'),
    "UnicodeDecodeError: 'ascii' codec can't decode byte 0x80 in position 1: ordinal not in range(128)",
  );
});

test('decoding keeps a UTF-8 BOM unless the codec is utf-8-sig, and reads Latin-1 and UTF-16', () => {
  assert.equal(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]), 'utf-8'), '\ufeffA');
  assert.equal(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]), 'UTF-8-SIG'), 'A');
  assert.equal(decodeBytes(Uint8Array.from([0x63, 0xe9, 0x80]), 'latin-1'), 'c\u00e9\u0080');
  assert.equal(decodeBytes(Uint8Array.from([0xff, 0xfe, 0x41, 0x00]), 'utf-16'), 'A');
  assert.equal(decodeBytes(Uint8Array.from([0x80]), 'cp1252'), '\u20ac');
});

test('UTF-16 and UTF-32 decode as docutils reads an included file (a text stream read whole)', () => {
  // Expectations from io.TextIOWrapper(io.BytesIO(bytes(...)), encoding=...).read() in CPython 3.11.
  const prefix = (codec: string) => `UnicodeDecodeError: '${codec}' codec can't decode`;
  assert.equal(decodeBytes(Uint8Array.from([0xfe, 0xff, 0x00, 0x41]), 'utf-16'), 'A');
  assert.equal(decodeBytes(Uint8Array.from([0x00, 0x00, 0xfe, 0xff, 0x00, 0x01, 0xf6, 0x00]), 'utf-32'), '\u{1f600}');
  assert.equal(decodeBytes(Uint8Array.from([0x3d, 0xd8, 0x00, 0xde]), 'utf-16-le'), '\u{1f600}');
  assert.equal(decodeBytes(Uint8Array.from([0x00, 0x00, 0x00, 0x41]), 'utf_32_be'), 'A');
  // Without a byte order mark: decoded little-endian (its errors first), then refused.
  assert.equal(decodeError([0x61, 0x00, 0x0a, 0x00], 'utf-16'), 'UnicodeError: UTF-16 stream does not start with BOM');
  assert.equal(decodeError([0x61, 0x00, 0x00, 0x00], 'utf-32'), 'UnicodeError: UTF-32 stream does not start with BOM');
  assert.equal(decodeError([0x94, 0xdb], 'utf-16'), `${prefix('utf-16-le')} bytes in position 0-1: unexpected end of data`);
  assert.equal(decodeError([0x61], 'utf-16'), `${prefix('utf-16-le')} byte 0x61 in position 0: truncated data`);
  assert.equal(decodeError([], 'utf-16'), 'decoded');
  // Positions count the byte order mark.
  assert.equal(decodeError([0xff, 0xfe, 0x00, 0xd8], 'utf-16'), `${prefix('utf-16-le')} bytes in position 2-3: unexpected end of data`);
  assert.equal(decodeError([0xfe, 0xff, 0xdc, 0x00], 'utf-16'), `${prefix('utf-16-be')} bytes in position 2-3: illegal encoding`);
  assert.equal(decodeError([0x00, 0xd8, 0x00, 0xd8, 0x61, 0x00], 'utf-16-le'), `${prefix('utf-16-le')} bytes in position 0-1: illegal UTF-16 surrogate`);
  assert.equal(
    decodeError([0x00, 0x00, 0xfe, 0xff, 0x00, 0x11, 0x00, 0x00], 'utf-32'),
    `${prefix('utf-32-be')} bytes in position 4-7: code point not in range(0x110000)`,
  );
  assert.equal(
    decodeError([0x61, 0x00, 0x00, 0x00, 0x00, 0xd8, 0x00, 0x00], 'utf-32-le'),
    `${prefix('utf-32-le')} bytes in position 4-7: code point in surrogate code point range(0xd800, 0xe000)`,
  );
  assert.equal(decodeError([0x00, 0x00, 0x00], 'utf-32-be'), `${prefix('utf-32-be')} bytes in position 0-2: truncated data`);
});

test('paths print relative to the working directory, as docutils.utils.relative_path makes them', () => {
  const cwd = process.cwd();
  assert.equal(relativeToWorkingDirectory(`${cwd}/a/b.rst`), 'a/b.rst');
  assert.equal(relativeToWorkingDirectory('a/../c.rst'), 'c.rst');
  const parent = cwd.split('/').slice(0, -1).join('/');
  assert.equal(relativeToWorkingDirectory(`${parent}/x.rst`), '../x.rst');
  assert.equal(relativeToWorkingDirectory('/'), cwd.split('/').length > 2 ? '/' : '');
});
