/**
 * The engine never throws, and never takes super-linear time, whatever the
 * input:
 *
 * - properties (fast-check): parseDocument, publish and the pseudo-XML
 *   writer accept arbitrary strings, markup soup and generated
 *   reStructuredText-like documents (ROBUSTNESS_RUNS=N for more runs,
 *   ROBUSTNESS_SEED=random for new inputs);
 * - inputs on which docutils 0.19 itself crashes get system messages;
 * - pathological inputs (bench/adversarial-inputs.mjs) run in a worker
 *   thread with a timeout, so a hang fails the test instead of the run;
 * - every broken spec of ../shared/conformance/mutants (when present) and
 *   the vendored sample in test/fixtures/conformance publishes.
 *
 * Nothing here asserts timings; `npm run bench` prints them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import '../../src/rst/profiles/index.js';
import { parseDocument } from '../../src/rst/parse.js';
import { publish } from '../../src/rst/publish.js';
import { MAX_NESTED_CHARACTERS, MAX_NESTING_DEPTH } from '../../src/rst/parser/rst-state.js';
import { INPUTS } from '../../bench/adversarial-inputs.mjs';
import { markupSoup, rstDocument } from './rst-arbitraries.js';
import type { PathologicalRequest, PathologicalResponse } from './pathological-worker.js';

const runs = Number(process.env['ROBUSTNESS_RUNS'] ?? '300');
// A fixed seed keeps `npm test` reproducible; ROBUSTNESS_SEED=random (or a
// number) explores other inputs. fast-check prints the seed of a failure.
const seedSetting = process.env['ROBUSTNESS_SEED'] ?? '20261126';
if (seedSetting !== 'random') fc.configureGlobal({ seed: Number(seedSetting) });
// include and raw :file: look in here: an empty directory.
const root = mkdtempSync(join(tmpdir(), 'specwright-robustness-'));
process.on('exit', () => rmSync(root, { recursive: true, force: true }));

function settings(extra: Record<string, unknown> = {}) {
  return { reportLevel: 1, haltLevel: 5, root, ...extra };
}

/** Parse, publish and write: none may throw. */
function roundTrip(text: string): void {
  parseDocument(text, { sourcePath: 'generated.rst', settings: settings() }).pformat();
  publish(text, { sourcePath: 'generated.rst', settings: settings() }).document.pformat();
}

test('arbitrary strings: parse and publish never throw', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
      roundTrip(text);
    }),
    { numRuns: runs },
  );
});

test('markup soup: parse and publish never throw', () => {
  fc.assert(
    fc.property(markupSoup, (text) => {
      roundTrip(text);
    }),
    { numRuns: runs },
  );
});

test('generated reStructuredText documents: parse and publish never throw', () => {
  fc.assert(
    fc.property(rstDocument, (text) => {
      roundTrip(text);
    }),
    { numRuns: runs * 2 },
  );
});

test('generated documents at the other report and halt levels, and without a source', () => {
  fc.assert(
    fc.property(rstDocument, fc.integer({ min: 0, max: 5 }), (text, reportLevel) => {
      parseDocument(text, { settings: settings({ reportLevel }) });
      publish(text, { settings: settings({ reportLevel }) }).document.pformat();
    }),
    { numRuns: Math.ceil(runs / 3) },
  );
});

/** Inputs the properties once found throwing, reduced (kept so they stay fixed). */
const FOUND: Record<string, string> = {
  // SyntaxError: Invalid regular expression /^\-/u (a quoted literal block quoted with "-").
  'quoted literal block quoted with "-"': '::\n\n--\n',
};

for (const [name, text] of Object.entries(FOUND)) {
  test(`once threw: ${name}`, () => {
    roundTrip(text);
  });
}

// ---- where docutils 0.19 crashes -------------------------------------------

/** Inputs docutils 0.19 crashes on inside a transform, and the exception it raises. */
const DOCUTILS_CRASHES: Record<string, [string, string]> = {
  // IndirectHyperlinks: the indirect target's reference was already replaced.
  'an indirect target chain through a reference already replaced': [
    '=\n`a`_\n \n=\n\n1. `a <b_>`_ *em*\n2. `a <b_>`_\n   *em*\n3. a\n\n- a\n\n  a\n',
    "ValueError: <reference: <#text: 'a'>> is not in list",
  ],
  // Substitutions: a self-referencing substitution inside a section title.
  'a circular substitution in a title': [
    '.. |sub| replace:: *em* |sub|\n |sub|_\n=======\n',
    "AttributeError: 'NoneType' object has no attribute 'replace'",
  ],
};

for (const [name, [text, exception]] of Object.entries(DOCUTILS_CRASHES)) {
  test(`docutils crashes, we report: ${name}`, () => {
    const { transformer, messages } = publish(text, { sourcePath: 'c.rst', settings: settings() });
    assert.ok(transformer.crashes.some((crash) => crash.message.startsWith(exception)), transformer.crashes.map((crash) => crash.message).join('\n'));
    assert.match(messages, /\(SEVERE\/4\) Transform failed: /);
  });
}

test('a grid table that fails docutils’ internal checks is a malformed table, not a crash', () => {
  // docutils 0.19: AssertionError in TableParser.mark_done (the stray "x" in a border).
  const table = [
    '+------------------------+------------+----------+----------+',
    '| Header row, column 1   | Header 2   | Header 3 | Header 4 |',
    '+========================+============+==========+==========+',
    '| body row 1, column 1   | column 2   | column 3 | column 4 |',
    '+------------------------+------------+----------+---x------+',
    '| body row 2             | Cells may span columns.          |',
    '+------------------------+------------+---------------------+',
    '| body row 3             | Cells may  | - Table cells       |',
    '+------------------------+ span rows. | - contain           |',
    '| body row 4             |            | - body elements.    |',
    '+------------------------+------------+---------------------+',
  ].join('\n');
  const { document, messages } = publish(`Para.\n\n${table}\n\nAfter.\n`, { sourcePath: 't.rst', settings: settings() });
  assert.match(messages, /^t\.rst:3: \(ERROR\/3\) Malformed table\.\nAssertionError/);
  const xml = document.pformat();
  assert.match(xml, /<system_message level="3" line="3" source="t.rst" type="ERROR">\n {8}<paragraph>\n {12}Malformed table\./);
  assert.match(xml, /<paragraph>\n {8}After\./);
});

/** Nested constructs, `depth` levels deep. */
const NESTED: Record<string, (depth: number) => string> = {
  'bullet lists on one line': (depth) => '- '.repeat(depth) + 'x\n',
  'enumerated lists on one line': (depth) => '1. '.repeat(depth) + 'x\n',
  'field lists on one line': (depth) => ':a: '.repeat(depth) + 'x\n',
  'footnotes on one line': (depth) => '.. [1] '.repeat(depth) + 'x\n',
  'admonitions on one line': (depth) => '.. note:: '.repeat(depth) + 'x\n',
  'indented admonitions': (depth) => Array.from({ length: depth }, (_, level) => ' '.repeat(3 * level) + '.. note::\n\n').join('') + ' '.repeat(3 * depth) + 'x\n',
  'indented containers': (depth) => Array.from({ length: depth }, (_, level) => ' '.repeat(3 * level) + '.. container::\n\n').join('') + ' '.repeat(3 * depth) + 'x\n',
  'block quotes': (depth) => Array.from({ length: depth + 1 }, (_, level) => ' '.repeat(level) + 'q\n\n').join(''),
  'definition lists': (depth) => Array.from({ length: depth }, (_, level) => ' '.repeat(level) + 'term\n' + ' '.repeat(level + 1) + 'definition\n').join(''),
};

for (const [name, make] of Object.entries(NESTED)) {
  test(`${name}: ${MAX_NESTING_DEPTH} levels parse; deeper is a severe message, not a stack overflow`, () => {
    const lineLengthLimit = Number.MAX_SAFE_INTEGER;
    const within = publish(make(MAX_NESTING_DEPTH), { sourcePath: 'n.rst', settings: settings({ lineLengthLimit }) });
    assert.doesNotMatch(within.messages, /SEVERE/);
    within.document.pformat();
    // A little deeper only: indented levels cost quadratic bytes.
    const beyond = publish(make(MAX_NESTING_DEPTH + 10), { sourcePath: 'n.rst', settings: settings({ lineLengthLimit }) });
    assert.match(beyond.messages, /\(SEVERE\/4\) Content nested more than \d+ levels deep is not parsed/);
    assert.match(beyond.document.pformat(), /Content nested more than/);
  });
}

test('a large block nested a few levels deep is refused before the copies of it exhaust memory', () => {
  // Eight containers around 16 MB: every level parses its own copy of the block.
  const depth = 8;
  const opening = Array.from({ length: depth }, (_, level) => ' '.repeat(3 * level) + '.. container::\n\n').join('');
  const inner = (' '.repeat(3 * depth) + 'x'.repeat(63) + '\n').repeat((16 * 1024 * 1024) / (3 * depth + 64));
  const { document, messages } = publish(opening + inner + 'After.\n', { sourcePath: 'n.rst', settings: settings() });
  assert.match(
    messages,
    new RegExp(`^n\\.rst:\\d+: \\(SEVERE/4\\) Content nested \\d levels deep is not parsed: at \\d+ characters, the copies of it and of the blocks around it would pass ${MAX_NESTED_CHARACTERS} characters\\.$`, 'm'),
  );
  const xml = document.pformat();
  assert.match(xml, /<container>\n {8}<container>/);
  assert.match(xml, /<paragraph>\n {8}After\.\n$/);
});

test('a deep line block (not a nested parse) publishes', () => {
  const text = Array.from({ length: 1500 }, (_, level) => '|' + ' '.repeat(level + 1) + 'x\n').join('');
  publish(text, { sourcePath: 'l.rst', settings: settings() }).document.pformat();
});

// ---- pathological inputs, in a worker with a timeout -------------------------

/** No input may take this long (a hang guard, not a timing assertion). */
const HANG_SECONDS = 120;
const PATHOLOGICAL_SIZE = 20_000;

function startWorker(): Worker {
  // The worker runs TypeScript: it registers tsx before importing the worker module.
  const api = import.meta.resolve('tsx/esm/api');
  const workerFile = new URL('./pathological-worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerFile)}); });`;
  return new Worker(code, { eval: true });
}

test(`pathological inputs (${PATHOLOGICAL_SIZE} bytes each) publish in a worker without error or hang`, async () => {
  const requests: PathologicalRequest[] = Object.entries(INPUTS).map(([name, generate]) => {
    const input = generate(PATHOLOGICAL_SIZE);
    return { name, text: input.text, ...(input.settings ? { settings: { ...input.settings } } : {}) };
  });
  for (const [name, make] of Object.entries(NESTED)) {
    requests.push({ name: `${name}, ${MAX_NESTING_DEPTH} levels`, text: make(MAX_NESTING_DEPTH), settings: { lineLengthLimit: Number.MAX_SAFE_INTEGER } });
  }
  const worker = startWorker();
  let settle: { resolve: (response: PathologicalResponse) => void; reject: (error: Error) => void } | null = null;
  worker.on('message', (message: PathologicalResponse) => settle?.resolve(message));
  worker.on('error', (error) => settle?.reject(error));
  try {
    for (const request of requests) {
      const response = await new Promise<PathologicalResponse>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`"${request.name}" did not finish within ${HANG_SECONDS} s`)), HANG_SECONDS * 1000);
        settle = {
          resolve: (message) => {
            clearTimeout(timer);
            resolve(message);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        };
        worker.postMessage(request);
      });
      assert.equal(response.name, request.name);
      assert.equal(response.error, undefined, `${request.name}: ${response.error}`);
      assert.ok((response.pseudoXmlLength ?? 0) > 0, request.name);
    }
  } finally {
    await worker.terminate();
  }
});

// ---- broken specs ----------------------------------------------------------------

function rstFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) rstFiles(full, out);
    else if (name.endsWith('.rst')) out.push(full);
  }
  return out;
}

function publishesAll(base: string): number {
  const files = rstFiles(base);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const sourcePath = relative(base, file);
    assert.doesNotThrow(() => {
      parseDocument(text, { sourcePath, settings: settings() });
      publish(text, { sourcePath, settings: settings() }).document.pformat();
    }, sourcePath);
  }
  return files.length;
}

test('the vendored broken specs publish without throwing', () => {
  const vendored = new URL('../fixtures/conformance/mutants/', import.meta.url).pathname;
  assert.ok(publishesAll(vendored) > 0);
});

const sharedMutants = new URL('../../../shared/conformance/mutants/', import.meta.url).pathname;
test(
  'every broken spec of ../shared/conformance/mutants publishes without throwing',
  { skip: existsSync(sharedMutants) ? false : `${sharedMutants} not found` },
  () => {
    assert.ok(publishesAll(sharedMutants) > 0);
  },
);
