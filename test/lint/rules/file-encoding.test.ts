import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { firstInvalidUtf8 } from '../../../src/rst/source.js';
import { lintJson, specRepository } from '../lint-helpers.js';

describe('file-encoding', () => {
  it('reports a file that is not UTF-8 once, at the first bad byte, and checks nothing else in it', () => {
    const root = specRepository({ 'specs/rocky/approved/a.rst': Buffer.from('caf\xe9 with trailing space \n', 'latin1') });
    const { code, findings } = lintJson(root);
    assert.equal(code, 1);
    assert.deepEqual(findings.map((finding) => [finding.rule, finding.line, finding.message]), [
      ['file-encoding', 1, 'Not valid UTF-8: invalid byte 0xe9 at offset 3; no other rule can check this file.'],
    ]);
  });

  it('reports NUL bytes', () => {
    const root = specRepository({ 'specs/rocky/approved/a.rst': Buffer.from([0x61, 0x00, 0x62, 0x0a]) });
    const { findings } = lintJson(root);
    assert.deepEqual(findings.map((finding) => finding.message), [
      'Contains a NUL byte at offset 1: this is not a text file; no other rule can check it.',
    ]);
  });

  it('accepts a UTF-8 byte order mark', () => {
    const root = specRepository({ 'specs/rocky/approved/a.rst': Buffer.from('\ufeffTitle\n=====\n', 'utf8') });
    const { findings } = lintJson(root);
    assert.deepEqual(findings, []);
  });

  it('can be turned off: the file is skipped', () => {
    const root = specRepository({ 'specwright.toml': '[rules]\nfile-encoding = "off"\n', 'specs/rocky/approved/a.rst': Buffer.from([0xff, 0x0a]) });
    const { code, findings } = lintJson(root);
    assert.equal(code, 0);
    assert.deepEqual(findings, []);
  });

  it('finds the first invalid UTF-8 sequence', () => {
    assert.equal(firstInvalidUtf8(Buffer.from('abc')), -1);
    assert.equal(firstInvalidUtf8(Buffer.from('é😀', 'utf8')), -1);
    assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0xc3])), 1); // truncated
    assert.equal(firstInvalidUtf8(Buffer.from([0xc0, 0x80])), 0); // overlong
    assert.equal(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80])), 0); // surrogate
    assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0x80])), 1); // stray continuation
  });
});
