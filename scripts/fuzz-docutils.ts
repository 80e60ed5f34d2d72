/**
 * Differential fuzzing against docutils: generates reStructuredText-like
 * documents (test/rst/rst-arbitraries.ts), has docutils 0.19 publish them
 * (`../shared/tools/docutils-oracle corpus`) and specwright publish them
 * (in this process), and reports every document whose pseudo-XML or
 * warning stream differs, and every document on which docutils crashes
 * (where specwright must not).
 *
 *   node --import tsx scripts/fuzz-docutils.ts [--count N] [--seed S] [--keep DIR] [--show N]
 *
 * Needs python3-docutils. Differences are candidates for conformance bugs;
 * the smallest ones are printed first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import '../src/rst/profiles/index.js';
import { publish } from '../src/rst/publish.js';
import { rstDocument } from '../test/rst/rst-arbitraries.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const index = args.indexOf(name);
  return index >= 0 && index + 1 < args.length ? args[index + 1]! : fallback;
};
const count = Number(option('--count', '300'));
const seed = Number(option('--seed', String(Date.now() % 1_000_000)));
const show = Number(option('--show', '5'));
const keep = args.includes('--keep') ? resolve(option('--keep', 'fuzz-out')) : null;
const oracle = resolve(import.meta.dirname, '..', '..', 'shared', 'tools', 'docutils-oracle');

const work = keep ?? mkdtempSync(join(tmpdir(), 'specwright-fuzz-'));
const sources = join(work, 'src');
const expected = join(work, 'docutils');
mkdirSync(sources, { recursive: true });
const documents = fc.sample(rstDocument, { numRuns: count, seed });
documents.forEach((text, index) => writeFileSync(join(sources, `doc${String(index).padStart(5, '0')}.rst`), text));
console.log(`seed ${seed}: ${documents.length} documents in ${sources}`);

// docutils' own publish of every file, through the oracle's document(); a crash is recorded, not fatal.
const driver = `
import importlib.machinery, os, sys, traceback
from docutils.parsers.rst import roles
oracle = importlib.machinery.SourceFileLoader('oracle', sys.argv[1]).load_module()
src, dst = sys.argv[2], sys.argv[3]
os.makedirs(dst, exist_ok=True)
os.chdir(src)
for name in sorted(os.listdir('.')):
    if not name.endswith('.rst'):
        continue
    # Roles made by the role directive outlive a document in one docutils
    # process; specwright publishes every document afresh.
    roles._roles.clear()
    try:
        out, msgs = oracle.document(name)
    except BaseException as error:
        with open(os.path.join(dst, name[:-4] + '.crash'), 'w') as f:
            f.write(type(error).__name__ + ': ' + str(error)[:300])
        continue
    with open(os.path.join(dst, name[:-4] + '.pseudoxml'), 'w') as f:
        f.write(out)
    with open(os.path.join(dst, name[:-4] + '.messages'), 'w') as f:
        f.write(msgs)
`;
const run = spawnSync('python3', ['-c', driver, oracle, sources, expected], { encoding: 'utf8' });
if (run.status !== 0) {
  console.error(`docutils failed: ${run.stderr}`);
  process.exit(2);
}
const crashedInDocutils = new Map<number, string>();
for (let index = 0; index < documents.length; index++) {
  const crash = join(expected, `doc${String(index).padStart(5, '0')}.crash`);
  if (existsSync(crash)) crashedInDocutils.set(index, readFileSync(crash, 'utf8'));
}

interface Difference {
  index: number;
  text: string;
  kind: string;
  detail: string;
}
const differences: Difference[] = [];
let identical = 0;
for (let index = 0; index < documents.length; index++) {
  const name = `doc${String(index).padStart(5, '0')}`;
  // As written to disk (a lone surrogate became U+FFFD in UTF-8).
  const text = readFileSync(join(sources, name + '.rst'), 'utf8');
  let tree: string;
  let messages = '';
  try {
    const result = publish(text, { sourcePath: `${name}.rst`, settings: { reportLevel: 1, haltLevel: 5, syntaxHighlight: 'none', root: sources } });
    tree = result.document.pformat();
    messages = result.messages;
  } catch (error) {
    differences.push({ index, text, kind: 'specwright throws', detail: (error as Error).stack ?? String(error) });
    continue;
  }
  if (crashedInDocutils.has(index)) {
    const reported = messages.split('\n').filter((line) => /SEVERE|ERROR/.test(line)).join('\n');
    differences.push({ index, text, kind: 'docutils crashes', detail: `docutils: ${crashedInDocutils.get(index)}\nspecwright: ${reported}` });
    continue;
  }
  const treePath = join(expected, name + '.pseudoxml');
  if (!existsSync(treePath)) {
    differences.push({ index, text, kind: 'no docutils output', detail: '' });
    continue;
  }
  const expectedTree = readFileSync(treePath, 'utf8');
  const expectedMessages = readFileSync(join(expected, name + '.messages'), 'utf8');
  if (expectedTree === tree && expectedMessages === messages) {
    identical++;
    continue;
  }
  const [left, right] = expectedTree === tree ? [expectedMessages, messages] : [expectedTree, tree];
  const leftLines = left.split('\n');
  const rightLines = right.split('\n');
  let line = 0;
  while (line < leftLines.length && leftLines[line] === rightLines[line]) line++;
  differences.push({
    index,
    text,
    kind: expectedTree === tree ? 'messages differ' : 'tree differs',
    detail: [`line ${line + 1}:`, ...leftLines.slice(Math.max(0, line - 2), line + 3).map((l) => `  docutils   ${l}`), ...rightLines.slice(Math.max(0, line - 2), line + 3).map((l) => `  specwright ${l}`)].join('\n'),
  });
}

console.log(`identical ${identical}/${documents.length}; docutils crashed on ${crashedInDocutils.size}`);
const byKind = new Map<string, number>();
for (const difference of differences) byKind.set(difference.kind, (byKind.get(difference.kind) ?? 0) + 1);
for (const [kind, number] of byKind) console.log(`  ${kind}: ${number}`);
differences.sort((a, b) => a.text.length - b.text.length);
for (const difference of differences.slice(0, show)) {
  console.log(`\n--- doc${String(difference.index).padStart(5, '0')}.rst (${difference.kind}) ---\n${JSON.stringify(difference.text)}\n${difference.detail}`);
}
if (!keep) rmSync(work, { recursive: true, force: true });
process.exitCode = differences.some((difference) => difference.kind === 'specwright throws') ? 1 : 0;
