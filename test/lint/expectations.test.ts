/**
 * Realistic specs under test/fixtures/lint-specs mark what must be
 * reported inline, as markdownlint's tests do: a comment
 *
 *     .. expect: rule-a, rule-b
 *
 * says the next non-blank line has findings of exactly those rules; every
 * other line must have none.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lintPaths } from '../../src/lint/runner.js';
import { SourceText } from '../../src/lint/source-text.js';

const ROOT = join(import.meta.dirname, '../fixtures/lint-specs');
const EXPECT = /^\s*\.\.\s+expect:\s*(.+?)\s*$/;

describe('inline expectations', () => {
  const report = lintPaths([], { cwd: ROOT });

  it('finds the fixture specs', () => {
    assert.ok(report.files.length > 0);
    assert.deepEqual(report.problems, []);
  });

  for (const file of report.files) {
    it(file.displayPath, () => {
      const source = new SourceText(readFileSync(join(ROOT, file.displayPath), 'utf8'));
      const expected: string[] = [];
      for (const line of source.lines) {
        const match = EXPECT.exec(line.text);
        if (!match) continue;
        let target = line.number + 1;
        while (target <= source.lines.length && source.line(target)!.text.trim() === '') target++;
        for (const rule of match[1]!.split(/[\s,]+/)) expected.push(`${target} ${rule}`);
      }
      assert.ok(expected.length > 0, 'a fixture without expectations proves nothing');
      const actual = file.diagnostics.map((diagnostic) => `${diagnostic.range.start.line} ${diagnostic.rule}`);
      assert.deepEqual([...actual].sort(), [...expected].sort());
    });
  }
});
