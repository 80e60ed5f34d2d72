/**
 * Runs docutils' own parser test inputs (test/fixtures or ../shared) through
 * the parser and reports which differ from docutils' expected pseudo-XML.
 *
 *   node --import tsx scripts/parser-cases.ts [FILTER] [--show N] [--list]
 */
import { readFileSync, existsSync } from 'node:fs';
import { parseDocument } from '../src/rst/parse.js';
import { Registry } from '../src/rst/registry.js';

const args = process.argv.slice(2);
const show = args.includes('--show') ? Number(args[args.indexOf('--show') + 1]) : 0;
const list = args.includes('--list');
const filter = args.find((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--show') ?? '';
const candidates = ['test/fixtures/docutils-parser-cases.jsonl', '../shared/conformance/docutils-parser-cases.jsonl'];
const file = candidates.find((path) => existsSync(path))!;

let registryFactory: () => Registry;
try {
  const profile = await import('../src/rst/profiles/docutils.js');
  registryFactory = profile.docutilsRegistry;
} catch {
  registryFactory = () => new Registry(new Map(), new Map());
}

interface Case {
  id: string;
  input: string;
  expected: string;
}
const cases = readFileSync(file, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Case)
  .filter((item) => item.id.includes(filter));
// docutils' test runner parses every case in one process: local roles persist.
const registry = registryFactory();
registry.sharedAcrossParses = true;
let pass = 0;
let shown = 0;
const failures: string[] = [];
for (const item of cases) {
  let actual: string;
  try {
    actual = parseDocument(item.input, {
      sourcePath: 'test data',
      settings: { reportLevel: 1, haltLevel: 5, syntaxHighlight: 'none' },
      registry,
    }).pformat();
  } catch (error) {
    actual = `EXCEPTION: ${(error as Error).stack}`;
  }
  if (actual === item.expected) {
    pass++;
  } else {
    failures.push(item.id);
    if (shown < show) {
      shown++;
      console.log(`=== ${item.id}\n--- input\n${item.input}\n--- expected\n${item.expected}\n--- actual\n${actual}`);
    }
  }
}
if (list) console.log(failures.join('\n'));
console.log(`${pass}/${cases.length} identical`);
