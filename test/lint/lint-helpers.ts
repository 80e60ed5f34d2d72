/**
 * Running `specwright lint` in-process for tests.
 */
import { runLintCommand, type LintCommandOptions } from '../../src/cli/commands/lint.js';
import { makeTree } from '../spec/temp-directory.js';
import type { JsonFinding } from '../../src/lint/formatters/json.js';

export interface CommandRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Rules about what a spec says (rather than how it is written): off in
 * these helpers unless a test names them, so that tests of other rules can
 * use tiny specs.
 */
export const CONTENT_RULES = ['spec-title', 'filename-matches-blueprint', 'empty-section', 'template-text', 'assignee', 'ascii-diagrams', 'rest-api'];

export function runLint(cwd: string, paths: readonly string[] = [], options: LintCommandOptions = {}): CommandRun {
  let stdout = '';
  let stderr = '';
  const rule = [...CONTENT_RULES.map((id) => `${id}=off`), ...(options.rule ?? [])];
  const code = runLintCommand(paths, { ...options, rule }, {
    cwd,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    colorSupported: false,
  });
  return { code, stdout, stderr };
}

export function lintJson(cwd: string, paths: readonly string[] = [], options: LintCommandOptions = {}): { code: number; findings: JsonFinding[]; stderr: string } {
  const run = runLint(cwd, paths, { ...options, format: 'json' });
  return { code: run.code, findings: JSON.parse(run.stdout) as JsonFinding[], stderr: run.stderr };
}

/** "file:line rule" lines, compact for assertions. */
export function brief(findings: readonly JsonFinding[]): string[] {
  return findings.map((finding) => `${finding.file}:${finding.line} ${finding.rule}`);
}

/**
 * A test repository whose template (specs/template.rst) has a title and no
 * sections, so that specs without sections meet it: tests of other rules
 * are not flooded with template-sections findings.
 */
export const TITLE_ONLY_TEMPLATE = 'Template\n========\n\nA spec has a title and nothing else.\n';

export function specRepository(files: Record<string, string | Buffer | null>): string {
  return makeTree({ 'specs/template.rst': TITLE_ONLY_TEMPLATE, ...files });
}
