import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { FORMATTERS } from '../../src/lint/formatters/index.js';
import { escapeData, escapeProperty } from '../../src/lint/formatters/github.js';
import { RULES } from '../../src/lint/registry.js';
import { lintPaths, type LintReport } from '../../src/lint/runner.js';
import { CONTENT_RULES, specRepository } from './lint-helpers.js';

// ajv-draft-04 is CommonJS: required, as src/spec/lazy-ajv.ts requires ajv (its default export does not type-check as an ES import).
const AjvDraft04 = createRequire(import.meta.url)('ajv-draft-04') as typeof import('ajv-draft-04').default;

function sampleReport(): LintReport {
  const root = specRepository({
    'specs/rocky/approved/a.rst': `Café \n====\n\n漢字 ${'word '.repeat(16)}end\n`,
    'specs/rocky/approved/b.rst': 'Fine\n====\n\ntext\u200bhere\n',
    'specs/rocky/stray.rst': 'x\n',
  });
  return lintPaths([], { cwd: root, ruleOverrides: { ...Object.fromEntries(CONTENT_RULES.map((id) => [id, 'off' as const])), 'no-zero-width-space': 'warning' } });
}

describe('formatters', () => {
  const report = sampleReport();

  it('json: one object per finding with the documented keys', () => {
    const findings = JSON.parse(FORMATTERS.json({ report, color: false })) as Array<Record<string, unknown>>;
    assert.deepEqual(
      findings.map((finding) => Object.keys(finding)),
      findings.map(() => ['file', 'line', 'column', 'endLine', 'endColumn', 'rule', 'severity', 'message']),
    );
    assert.deepEqual(
      findings.map((finding) => [finding.file, finding.line, finding.column, finding.rule, finding.severity]),
      [
        ['specs/rocky/approved/a.rst', 1, 5, 'trailing-whitespace', 'error'],
        ['specs/rocky/approved/a.rst', 4, 80, 'line-length', 'error'],
        ['specs/rocky/approved/b.rst', 4, 5, 'no-zero-width-space', 'warning'],
        ['specs/rocky/stray.rst', 1, 1, 'directory-layout', 'error'],
      ],
    );
  });

  it('github: workflow commands with escaped properties', () => {
    const lines = FORMATTERS.github({ report, color: false }).trimEnd().split('\n');
    assert.equal(lines.length, 4);
    assert.equal(
      lines[0],
      '::error file=specs/rocky/approved/a.rst,line=1,col=5,endLine=1,endColumn=6,title=specwright trailing-whitespace::Trailing whitespace. (trailing-whitespace)',
    );
    assert.match(lines[2]!, /^::warning file=specs\/rocky\/approved\/b\.rst,line=4,col=5,/);
    assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
    assert.equal(escapeData('50%\r\nx'), '50%25%0D%0Ax');
  });

  it('sarif: a 2.1.0 log whose results point at described rules', () => {
    const log = JSON.parse(FORMATTERS.sarif({ report, color: false }));
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'specwright');
    assert.equal(run.columnKind, 'unicodeCodePoints');
    assert.deepEqual(run.tool.driver.rules.map((rule: { id: string }) => rule.id), RULES.map((rule) => rule.meta.id));
    assert.equal(run.results.length, 4);
    for (const result of run.results) {
      assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
      assert.ok(['error', 'warning'].includes(result.level));
      const location = result.locations[0].physicalLocation;
      assert.equal(location.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.ok(location.region.startLine >= 1 && location.region.startColumn >= 1);
    }
    assert.equal(run.results[0].locations[0].physicalLocation.artifactLocation.uri, 'specs/rocky/approved/a.rst');
    const lineLength = run.tool.driver.rules.find((rule: { id: string }) => rule.id === 'line-length');
    assert.match(lineLength.help.text, /^# line-length\n/);
  });

  it('sarif: valid against the SARIF 2.1.0 schema, with and without findings', () => {
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8'));
    // unicodeRegExp off: the schema's language pattern has a stray "]", an error in a /u expression.
    const validate = new AjvDraft04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
    const empty: LintReport = { ...report, files: report.files.map((file) => ({ ...file, findings: [] })) };
    for (const sample of [report, empty]) {
      const log = JSON.parse(FORMATTERS.sarif({ report: sample, color: false }));
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 1));
    }
    // The schema is not vacuous: a result without a message is refused.
    const broken = JSON.parse(FORMATTERS.sarif({ report, color: false }));
    delete broken.runs[0].results[0].message;
    assert.equal(validate(broken), false);
  });

  it('rdjson: UTF-8 byte columns and fixes as suggestions', () => {
    const result = JSON.parse(FORMATTERS.rdjson({ report, color: false }));
    assert.equal(result.source.name, 'specwright');
    const trailing = result.diagnostics[0];
    // "Café " — the space is code point 5 but byte 6 (é is two bytes).
    assert.deepEqual(trailing.location.range, { start: { line: 1, column: 6 }, end: { line: 1, column: 7 } });
    assert.deepEqual(trailing.suggestions, [{ range: { start: { line: 1, column: 6 }, end: { line: 1, column: 7 } }, text: '' }]);
    assert.equal(trailing.severity, 'ERROR');
    assert.deepEqual(trailing.code, { value: 'trailing-whitespace' });
    const long = result.diagnostics[1];
    // "漢字 " is 7 bytes for 3 code points: column 80 becomes byte column 84.
    assert.equal(long.location.range.start.column, 84);
    assert.equal(result.diagnostics[2].severity, 'WARNING');
  });

  it('stylish: grouped by file, source line with a caret, summary; no colour codes when off', () => {
    const text = FORMATTERS.stylish({ report, color: false });
    assert.doesNotMatch(text, /\x1b\[/);
    const lines = text.split('\n');
    assert.equal(lines[0], 'specs/rocky/approved/a.rst');
    assert.match(lines[1]!, /^ {2}1:5 +error +Trailing whitespace\. +trailing-whitespace$/);
    assert.equal(lines[2], '    1 | Café ');
    assert.equal(lines[3], '      |     ^');
    // Wide characters take two columns: the caret must still sit under column 80.
    const caretLine = lines[6]!;
    const sourceLine = lines[5]!;
    assert.ok(sourceLine.startsWith('    4 | 漢字 '));
    assert.equal(caretLine.indexOf('^') - '      | '.length, 79 + 2);
    assert.ok(text.includes('✖ 4 problems (3 errors, 1 warning)'));
    assert.ok(text.includes('1 problem fixable with --fix'));
  });

  it('stylish: prints nothing for a clean run; colours when asked', () => {
    const clean: LintReport = { files: [], diagnostics: [], problems: [], notices: [] };
    assert.equal(FORMATTERS.stylish({ report: clean, color: false }), '');
    assert.match(FORMATTERS.stylish({ report, color: true }), /\x1b\[31m/);
  });
});
