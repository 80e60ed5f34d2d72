import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync, chmodSync, symlinkSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyFixes, fixUntilStable, writeFileAtomic } from '../../src/lint/fix.js';
import { resolveRules } from '../../src/lint/rule-settings.js';
import { lintText, lintPaths } from '../../src/lint/runner.js';
import { publishForLint, treeGuard } from '../../src/lint/engine.js';
import { defaultConfig } from '../../src/spec/config.js';
import { CONTENT_RULES, runLint, specRepository } from './lint-helpers.js';
import { makeTree } from '../spec/temp-directory.js';

const QUIET = Object.fromEntries(CONTENT_RULES.map((id) => [id, 'off' as const]));
const RULES = resolveRules(defaultConfig(), Object.fromEntries(CONTENT_RULES.map((id) => [id, 'off' as const])));

const TREE_RULES = resolveRules(defaultConfig(), { ...QUIET, 'template-sections': 'off' });

function lintWithTree(text: string) {
  return lintText({ text, path: '/virtual/a.rst', displayPath: 'a.rst', repository: null, location: null, rules: TREE_RULES, publish: publishForLint }).diagnostics;
}

function lint(text: string) {
  return lintText({ text, path: '/virtual/a.rst', displayPath: 'a.rst', repository: null, location: null, rules: RULES, publish: null }).diagnostics;
}

describe('fixes', () => {
  it('applies whole fixes and skips overlapping ones', () => {
    const result = applyFixes('abcdef', [
      { description: '', applicability: 'safe', edits: [{ start: 1, end: 3, text: 'X' }] },
      { description: '', applicability: 'safe', edits: [{ start: 2, end: 4, text: 'Y' }] },
      { description: '', applicability: 'safe', edits: [{ start: 5, end: 5, text: 'Z' }, { start: 0, end: 0, text: '>' }] },
    ]);
    assert.deepEqual(result, { text: '>aXdeZf', applied: 2 });
  });

  it('gives the same result for LF, CRLF and CR line ends', () => {
    const lf = 'Title  \n=====\n\n\tIndented\ttext \nlast';
    const expected = 'Title\n=====\n\n        Indented\ttext\nlast\n';
    for (const variant of [lf, lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r'), `\ufeff${lf}`]) {
      const outcome = fixUntilStable(variant, lint);
      assert.equal(outcome.text.replace(/^\ufeff/, ''), expected, JSON.stringify(variant));
      assert.ok(outcome.converged);
      assert.deepEqual(outcome.diagnostics.filter((diagnostic) => diagnostic.fix), []);
    }
  });

  it('leaves findings without a safe fix in place', () => {
    const outcome = fixUntilStable(`zero\u200bwidth ${'word '.repeat(20)}\n`, lint);
    assert.deepEqual(outcome.diagnostics.map((diagnostic) => diagnostic.rule), ['no-zero-width-space', 'line-length']);
  });

  it('converges and is idempotent on arbitrary text', () => {
    const alphabet = fc.constantFrom('a', ' ', '\t', '\n', '\r', '\r\n', '\u00a0', '\u200b', '\f', 'é', '😀', '::', '..');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((parts) => parts.join('')), (text) => {
        const once = fixUntilStable(text, lint);
        assert.ok(once.converged);
        const twice = fixUntilStable(once.text, lint);
        assert.equal(twice.text, once.text);
        assert.equal(twice.applied, 0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('fixed trees', () => {
  it('publish to the same tree as the original (messages aside) for arbitrary markup', () => {
    const guard = treeGuard();
    const pieces = fc.constantFrom('Title', '=====', '-----', 'text', '*em*', '``lit``', '::', '.. note::', '* item', '1. item', ' ', '  ', '\t', '\n', '\r\n', '\r', '\u00a0', '\f', 'é', '漢字');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join('')), (text) => {
        const outcome = fixUntilStable(text, lintWithTree);
        if (outcome.text === text) return;
        const verdict = guard(text, outcome.text, { path: '/virtual/a.rst' });
        assert.ok(verdict.equal, `${JSON.stringify(text)} → ${JSON.stringify(outcome.text)}: ${verdict.equal ? '' : verdict.reason}`);
      }),
      { numRuns: 150 },
    );
  });
});

describe('atomic writes', () => {
  it('replaces the content, keeps the mode and leaves no temporary file', () => {
    const root = makeTree({ 'a.rst': 'old\n' });
    const path = join(root, 'a.rst');
    chmodSync(path, 0o640);
    writeFileAtomic(path, 'new\n');
    assert.equal(readFileSync(path, 'utf8'), 'new\n');
    assert.equal(statSync(path).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(root).filter((name) => name !== '.git'), ['a.rst']);
  });

  it('writes through a symbolic link, keeping the link', () => {
    const root = makeTree({ 'real.rst': 'old\n' });
    symlinkSync(join(root, 'real.rst'), join(root, 'link.rst'));
    writeFileAtomic(join(root, 'link.rst'), 'new\n');
    assert.ok(lstatSync(join(root, 'link.rst')).isSymbolicLink());
    assert.equal(readFileSync(join(root, 'real.rst'), 'utf8'), 'new\n');
  });
});

describe('specwright lint --fix', () => {
  it('fixes files after checking that their trees do not change', () => {
    const root = specRepository({ 'specs/rocky/approved/a.rst': 'Title \r\n=====\r\n\r\n\tText\r\n\r\nend', 'specs/rocky/approved/b.rst': 'Fine\n====\n' });
    const run = runLint(root, [], { fix: true, format: 'json' });
    assert.equal(run.code, 0);
    assert.deepEqual(JSON.parse(run.stdout), []);
    assert.equal(readFileSync(join(root, 'specs/rocky/approved/a.rst'), 'utf8'), 'Title\n=====\n\n        Text\n\nend\n');
    assert.equal(readFileSync(join(root, 'specs/rocky/approved/b.rst'), 'utf8'), 'Fine\n====\n');
    assert.equal(run.stderr, 'specwright: fixed 1 file\n');
  });

  it('lengthens a short title underline and checks the tree, warnings aside', () => {
    const root = specRepository({ 'specs/rocky/approved/a.rst': 'Title\n=====\n\nIntro.\n\nA longer section\n--------\n\ntext\n' });
    const run = runLint(root, [], { fix: true, format: 'json', rule: ['template-sections=off'] });
    assert.equal(readFileSync(join(root, 'specs/rocky/approved/a.rst'), 'utf8'), 'Title\n=====\n\nIntro.\n\nA longer section\n----------------\n\ntext\n');
    assert.equal(run.stderr, 'specwright: fixed 1 file\n');
    assert.deepEqual(JSON.parse(run.stdout), []);
  });

  it("refuses a fix that would change the document (U+001C is a line break to docutils)", () => {
    const text = "Para\n\nTitle\x1c\n=====\n\ntext\n";
    const root = specRepository({ 'specs/rocky/approved/a.rst': text });
    const run = runLint(root, [], { fix: true, format: 'json' });
    assert.equal(readFileSync(join(root, 'specs/rocky/approved/a.rst'), 'utf8'), text);
    assert.match(run.stderr, /^specwright: specs\/rocky\/approved\/a\.rst: fixes not written: the fixed text publishes to a different document tree/);
    assert.deepEqual(JSON.parse(run.stdout).map((finding: { rule: string }) => finding.rule), ['trailing-whitespace']);
  });

  it('does not write when the guard says the tree changed', () => {
    const root = specRepository({ 'specs/rocky/approved/a.rst': 'Title \n=====\n' });
    const report = lintPaths([], { cwd: root, ruleOverrides: QUIET, fix: { guard: () => ({ equal: false, reason: 'the tree changed' }), write: true } });
    assert.equal(readFileSync(join(root, 'specs/rocky/approved/a.rst'), 'utf8'), 'Title \n=====\n');
    assert.equal(report.files[0]!.fix?.guard, 'changed');
    assert.deepEqual(report.diagnostics.map((diagnostic) => diagnostic.rule), ['trailing-whitespace']);
  });

  it('writes when the guard agrees, and says so', () => {
    const root = specRepository({ 'specs/rocky/approved/a.rst': 'Title \n=====\n' });
    const seen: Array<[string, string]> = [];
    const report = lintPaths([], {
      cwd: root,
      ruleOverrides: QUIET,
      fix: {
        guard: (original, fixed) => {
          seen.push([original, fixed]);
          return { equal: true };
        },
        write: true,
      },
    });
    assert.deepEqual(seen, [['Title \n=====\n', 'Title\n=====\n']]);
    assert.equal(report.files[0]!.fix?.guard, 'equal');
    assert.equal(readFileSync(join(root, 'specs/rocky/approved/a.rst'), 'utf8'), 'Title\n=====\n');
  });
});
