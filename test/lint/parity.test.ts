/**
 * Parity with the spec repositories' own tests (tests/test_titles.py) and
 * doc8 0.10.1, on the mutated specs of the conformance data (vendored in
 * test/fixtures/lint-parity; SPECWRIGHT_PARITY_DIR=<dir with <repo>/...>
 * runs the same comparison on other mutants, e.g. freshly generated ones).
 *
 * For every file, with a specwright.toml reproducing the repository's test
 * settings, `specwright lint --format json` must:
 *   - report template-sections, line-length, trailing-whitespace,
 *     no-carriage-return and (nova) no-zero-width-space exactly where the
 *     repo test fails the matching check, the first line-length and
 *     trailing-whitespace finding on the line the test names;
 *   - report trailing-whitespace, no-tabs, no-carriage-return and
 *     final-newline on exactly the lines doc8 reports D002–D005.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { after, describe, it } from 'node:test';
import { runLintCommand } from '../../src/cli/commands/lint.js';
import type { JsonFinding } from '../../src/lint/formatters/json.js';
import { compare, loadFixture, materialize, PARITY_REPOSITORIES, type ParityFixture, type TitlesCheck } from './parity-data.js';

const COMPARED_CHECKS: readonly TitlesCheck[] = ['titles', 'lines_wrapping', 'no_cr', 'trailing_spaces', 'no_zwsp'];

const scratch = mkdtempSync(join(tmpdir(), 'specwright-parity-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function loadFromDirectory(directory: string, name: string): ParityFixture {
  const root = join(directory, name);
  const files: Record<string, string> = {};
  const walk = (path: string) => {
    for (const entry of readdirSync(path)) {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith('.rst')) files[relative(root, full).split(sep).join('/')] = readFileSync(full, 'latin1');
    }
  };
  walk(join(root, 'specs'));
  return {
    name,
    files,
    verdicts: JSON.parse(readFileSync(join(root, 'lint-verdicts.json'), 'utf8')),
    mutations: JSON.parse(readFileSync(join(root, 'mutations.json'), 'utf8')),
  };
}

function lintJson(cwd: string): JsonFinding[] {
  let stdout = '';
  let stderr = '';
  const code = runLintCommand([], { format: 'json' }, {
    cwd,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    colorSupported: false,
  });
  assert.ok(code === 0 || code === 1, `exit code ${code}; stderr: ${stderr}`);
  return JSON.parse(stdout) as JsonFinding[];
}

const externalDirectory = process.env.SPECWRIGHT_PARITY_DIR;

for (const repository of PARITY_REPOSITORIES) {
  describe(`parity: ${repository.name}`, () => {
    const fixture =
      externalDirectory && existsSync(join(externalDirectory, repository.name))
        ? loadFromDirectory(externalDirectory, repository.name)
        : loadFixture(repository.name);
    const root = join(scratch, repository.name);
    materialize(fixture, repository, root);
    const findings = lintJson(root);
    const { mismatches, counts } = compare(repository, fixture, findings, COMPARED_CHECKS);

    it('covers every file of the verdicts', () => {
      assert.ok(Object.keys(fixture.verdicts).length > 0);
      for (const file of Object.keys(fixture.verdicts)) assert.ok(file in fixture.files, `${file} missing from the fixture`);
    });

    it('fails template-sections and the raw-text rules exactly where tests/test_titles.py fails', () => {
      const titlesMismatches = mismatches.filter((mismatch) => !mismatch.what.startsWith('doc8'));
      assert.deepEqual(titlesMismatches, []);
      // The data must exercise every compared check, or the comparison proves little.
      for (const check of COMPARED_CHECKS) {
        if (!repository.checks.includes(check)) continue;
        const rule = { lines_wrapping: 'line-length', no_cr: 'no-carriage-return', trailing_spaces: 'trailing-whitespace', no_zwsp: 'no-zero-width-space', titles: 'template-sections' }[check];
        assert.ok(counts.titles[rule]!.failing > 0, `no file fails ${check} in the data`);
      }
    });

    it('reports exactly doc8\'s D002–D005 lines', () => {
      const doc8Mismatches = mismatches.filter((mismatch) => mismatch.what.startsWith('doc8'));
      assert.deepEqual(doc8Mismatches, []);
      const exercised = Object.values(counts.doc8).filter((count) => count.lines > 0).length;
      assert.ok(exercised >= 3, 'the data should exercise most doc8 codes');
    });

    it('reports directory-layout exactly where tests/test_directories.py fails', () => {
      // The repositories' test: every non-hidden entry of specs/<dir>/ must be approved, implemented or redirects.
      const expected = new Set<string>();
      for (const path of Object.keys(fixture.files)) {
        const parts = path.split('/');
        if (parts.length >= 3 && !parts[2]!.startsWith('.') && !['approved', 'implemented', 'redirects'].includes(parts[2]!)) {
          expected.add(parts.slice(0, 3).join('/'));
        }
      }
      const reported = new Set(findings.filter((finding) => finding.rule === 'directory-layout').map((finding) => finding.file));
      assert.deepEqual([...reported].sort(), [...expected].sort());
    });

    if (process.env.SPECWRIGHT_PARITY_VERBOSE) {
      it('prints the counts', () => {
        console.log(repository.name, JSON.stringify(counts, null, 1));
      });
    }
  });
}
