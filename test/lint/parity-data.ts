/**
 * The parity data (mutated specs with the verdicts of the spec
 * repositories' own tests and of doc8) and how to compare specwright's
 * findings with them. Shared by parity.test.ts and parity-fixtures.ts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import type { JsonFinding } from '../../src/lint/formatters/json.js';

export interface ParityRepository {
  readonly name: string;
  /** specwright.toml reproducing the repository's test settings (null: defaults, no file). */
  readonly config: string | null;
  /** Checks of tests/test_titles.py the repository runs. */
  readonly checks: readonly TitlesCheck[];
}

export type TitlesCheck = 'titles' | 'lines_wrapping' | 'no_cr' | 'trailing_spaces' | 'no_zwsp';

export const PARITY_REPOSITORIES: readonly ParityRepository[] = [
  {
    name: 'watcher-specs',
    config: null,
    checks: ['titles', 'lines_wrapping', 'no_cr', 'trailing_spaces'],
  },
  {
    name: 'nova-specs',
    config: [
      '[template]',
      'optional-subsections = ["Feature Liaison"]',
      '',
      '[template.release.queens]',
      'optional-subsections = ["Upgrade impact"]',
      '',
    ].join('\n'),
    checks: ['titles', 'lines_wrapping', 'no_cr', 'trailing_spaces', 'no_zwsp'],
  },
];

export interface Verdict {
  /** doc8 0.10.1: [line, code] pairs. */
  readonly doc8: ReadonlyArray<readonly [number, string]>;
  /** tests/test_titles.py: "check: message" of each failing check. */
  readonly titles: readonly string[];
}

export interface ParityFixture {
  readonly name: string;
  /** Repository-relative path → file bytes as a latin1 string (byte-exact). */
  readonly files: Readonly<Record<string, string>>;
  readonly verdicts: Readonly<Record<string, Verdict>>;
  readonly mutations: Readonly<Record<string, { from: string; mutation: string }>>;
}

export const FIXTURE_DIRECTORY = join(import.meta.dirname, '../fixtures/lint-parity');

export function loadFixture(name: string): ParityFixture {
  const compressed = readFileSync(join(FIXTURE_DIRECTORY, `${name}.json.br`));
  return JSON.parse(brotliDecompressSync(compressed).toString('utf8')) as ParityFixture;
}

/** Writes the fixture out as a spec repository under `root`. */
export function materialize(fixture: ParityFixture, repository: ParityRepository, root: string): void {
  for (const [path, bytes] of Object.entries(fixture.files)) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes, 'latin1');
  }
  if (repository.config !== null) writeFileSync(join(root, 'specwright.toml'), repository.config);
}

/** Which rule answers which check of tests/test_titles.py. */
export const RULE_OF_CHECK: Readonly<Record<TitlesCheck, string>> = {
  titles: 'template-sections',
  lines_wrapping: 'line-length',
  no_cr: 'no-carriage-return',
  trailing_spaces: 'trailing-whitespace',
  no_zwsp: 'no-zero-width-space',
};

/** Which rule answers which doc8 code. */
export const RULE_OF_DOC8: Readonly<Record<string, string>> = {
  D002: 'trailing-whitespace',
  D003: 'no-tabs',
  D004: 'no-carriage-return',
  D005: 'final-newline',
};

/** The line a failing check names, when it names one (the test stops at the first failure). */
export function firstLineOf(check: TitlesCheck, message: string): number | null {
  if (check === 'lines_wrapping') {
    const match = /:(\d+): Line limited/.exec(message);
    return match ? Number(match[1]) : null;
  }
  if (check === 'trailing_spaces') {
    const match = /on line (\d+) of /.exec(message);
    return match ? Number(match[1]) : null;
  }
  return null;
}

export interface Mismatch {
  readonly file: string;
  readonly what: string;
}

export interface ParityCounts {
  /** Per rule: files where the repo test and specwright agree / disagree. */
  readonly titles: Record<string, { agree: number; failing: number; disagree: number }>;
  /** Per rule: files where doc8's lines and specwright's agree / disagree. */
  readonly doc8: Record<string, { agree: number; lines: number; disagree: number }>;
}

/**
 * Compares specwright's JSON findings with the verdicts, for the given
 * titles checks (those whose rule is implemented) and doc8 codes.
 */
export function compare(
  repository: ParityRepository,
  fixture: ParityFixture,
  findings: readonly JsonFinding[],
  checks: readonly TitlesCheck[],
): { mismatches: Mismatch[]; counts: ParityCounts } {
  const byFile = new Map<string, JsonFinding[]>();
  for (const finding of findings) {
    const list = byFile.get(finding.file);
    if (list) list.push(finding);
    else byFile.set(finding.file, [finding]);
  }
  const mismatches: Mismatch[] = [];
  const counts: ParityCounts = { titles: {}, doc8: {} };
  for (const [file, verdict] of Object.entries(fixture.verdicts)) {
    const mine = byFile.get(file) ?? [];
    for (const check of checks) {
      if (!repository.checks.includes(check)) continue;
      const rule = RULE_OF_CHECK[check];
      const count = (counts.titles[rule] ??= { agree: 0, failing: 0, disagree: 0 });
      const failure = verdict.titles.find((message) => message.startsWith(`${check}:`));
      const reported = mine.filter((finding) => finding.rule === rule);
      if (failure) count.failing++;
      let agree = Boolean(failure) === reported.length > 0;
      if (!agree) {
        mismatches.push({
          file,
          what: failure ? `repo test fails ${check} (${failure.slice(0, 160)}) but ${rule} reports nothing` : `${rule} reports line ${reported[0]!.line} (${reported[0]!.message}) but the repo test passes ${check}`,
        });
      } else if (failure) {
        const expectedLine = firstLineOf(check, failure);
        if (expectedLine !== null && reported[0]!.line !== expectedLine) {
          agree = false;
          mismatches.push({ file, what: `repo test's first ${check} failure is on line ${expectedLine}, ${rule}'s first finding on line ${reported[0]!.line}` });
        }
      }
      if (agree) count.agree++;
      else count.disagree++;
    }
    for (const [code, rule] of Object.entries(RULE_OF_DOC8)) {
      const count = (counts.doc8[rule] ??= { agree: 0, lines: 0, disagree: 0 });
      const expected = verdict.doc8.filter(([, doc8Code]) => doc8Code === code).map(([line]) => line).sort((a, b) => a - b);
      const actual = mine.filter((finding) => finding.rule === rule).map((finding) => finding.line).sort((a, b) => a - b);
      count.lines += expected.length;
      if (expected.join(',') === actual.join(',')) {
        count.agree++;
      } else {
        count.disagree++;
        mismatches.push({ file, what: `doc8 ${code} on lines [${expected.join(', ')}], ${rule} on lines [${actual.join(', ')}]` });
      }
    }
  }
  return { mismatches, counts };
}
