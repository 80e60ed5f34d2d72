/**
 * The example repository (examples/watcher-style-specs) lints as its
 * README says: two clean specs, one with the mistakes it lists.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lintPaths } from '../../src/lint/runner.js';

const ROOT = join(import.meta.dirname, '../../examples/watcher-style-specs');

describe('examples/watcher-style-specs', () => {
  const report = lintPaths([], { cwd: ROOT });

  it('has three specs and no problems reading them', () => {
    assert.equal(report.files.length, 3);
    assert.deepEqual(report.problems, []);
  });

  it('reports only the mistakes its README lists', () => {
    assert.deepEqual(
      report.diagnostics.map((diagnostic) => `${diagnostic.file}:${diagnostic.range.start.line} ${diagnostic.rule}`),
      [
        'specs/2025.2/approved/strategy-dry-run.rst:20 trailing-whitespace',
        'specs/2025.2/approved/strategy-dry-run.rst:25 line-length',
        'specs/2025.2/approved/strategy-dry-run.rst:51 template-text',
        'specs/2025.2/approved/strategy-dry-run.rst:85 assignee',
        'specs/2025.2/approved/strategy-dry-run.rst:98 template-sections',
      ],
    );
  });
});
