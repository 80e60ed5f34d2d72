import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { PathPattern } from '../../src/spec/glob.js';

const matches = (pattern: string, path: string) => new PathPattern(pattern).matches(path);

describe('path patterns', () => {
  it('anchors patterns with a slash at the repository root', () => {
    assert.ok(matches('specs/abandoned/**', 'specs/abandoned/x.rst'));
    assert.ok(!matches('specs/abandoned/**', 'other/specs/abandoned/x.rst'));
    assert.ok(matches('/specs/*.rst', 'specs/a.rst'));
  });

  it('matches a name without slash at any depth', () => {
    assert.ok(matches('index.rst', 'specs/abandoned/index.rst'));
    assert.ok(matches('*.txt', 'a/b/c.txt'));
    assert.ok(!matches('*.txt', 'a/b/c.rst'));
  });

  it('matches everything below a matching directory', () => {
    assert.ok(matches('specs/abandoned', 'specs/abandoned/x.rst'));
    assert.ok(matches('specs/abandoned/', 'specs/abandoned/deep/x.rst'));
  });

  it('keeps * within one segment and lets ** cross segments', () => {
    assert.ok(!matches('specs/*.rst', 'specs/juno/x.rst'));
    assert.ok(matches('specs/**/x.rst', 'specs/x.rst'));
    assert.ok(matches('specs/**/x.rst', 'specs/a/b/x.rst'));
    assert.ok(matches('specs/*/approved/*.rst', 'specs/juno/approved/x.rst'));
  });

  it('supports ?, classes and alternatives', () => {
    assert.ok(matches('specs/?uno/**', 'specs/juno/a.rst'));
    assert.ok(matches('specs/[jk]*/**', 'specs/kilo/a.rst'));
    assert.ok(!matches('specs/[!jk]*/**', 'specs/kilo/a.rst'));
    assert.ok(matches('specs/{juno,kilo}/**', 'specs/kilo/a.rst'));
    assert.ok(!matches('specs/{juno,kilo}/**', 'specs/liberty/a.rst'));
  });

  it('escapes regular-expression characters', () => {
    assert.ok(matches('specs/a+b.rst', 'specs/a+b.rst'));
    assert.ok(!matches('specs/a.rst', 'specs/abrst'));
  });
});
