import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { readSphinxExtensions } from '../../src/spec/sphinx-conf.js';

describe('Sphinx extensions from conf.py', () => {
  it('reads a list of string literals, comments and continuation included', () => {
    const conf = [
      'import os',
      '# extensions = ["commented.out"]',
      'extensions = [',
      "    'sphinx.ext.todo',   # a comment",
      '    "oslosphinx",',
      "    'openstackdocstheme'",
      ']',
      '',
    ].join('\n');
    assert.deepEqual(readSphinxExtensions(conf), {
      extensions: ['sphinx.ext.todo', 'oslosphinx', 'openstackdocstheme'],
      unresolved: [],
    });
  });

  it('follows +=, append and extend at the top level', () => {
    const conf = "extensions = ('a',)\nextensions += ['b']\nextensions.append('c')\nextensions.extend([\"d\", 'e'])\n";
    assert.deepEqual(readSphinxExtensions(conf).extensions, ['a', 'b', 'c', 'd', 'e']);
  });

  it('handles raw strings, escapes and implicit concatenation', () => {
    assert.deepEqual(readSphinxExtensions("extensions = [r'a\\b', 'c\\'d', 'e' 'f']\n").extensions, ['a\\b', "c'd", 'ef']);
  });

  it('reports what it cannot read statically', () => {
    const conf = "extensions = base_extensions + ['x']\nif True:\n    extensions.append('y')\n";
    const read = readSphinxExtensions(conf);
    assert.deepEqual(read.extensions, []);
    assert.deepEqual(read.unresolved, ["extensions = base_extensions + ['x']", "extensions.append('y')"]);
  });

  it('copes with CRLF and no extensions at all', () => {
    assert.deepEqual(readSphinxExtensions("extensions = [\r\n  'a',\r\n]\r\n").extensions, ['a']);
    assert.deepEqual(readSphinxExtensions('project = "x"\n'), { extensions: [], unresolved: [] });
  });
});
