/**
 * Publishes the conformance corpus (and mutants) and compares each file's
 * pseudo-XML and warning stream with docutils' (X.pseudoxml, X.messages).
 *
 *   node --import tsx scripts/transforms-check.ts [FILTER] [--show N] [--list] [--set corpus|mutants|all]
 *   node --import tsx scripts/transforms-check.ts --dir DIR [...]
 *
 * FILTER is a substring of the path. --show prints the first N differences
 * as unified-style line diffs; --list prints the paths that differ.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { publish } from '../src/rst/publish.js';
import { Registry } from '../src/rst/registry.js';
import { TransformCrash } from '../src/rst/transforms/transform.js';

const args = process.argv.slice(2);
const valueOf = (flag: string): string | undefined => {
  const index = args.indexOf(flag);
  return index >= 0 ? args[index + 1] : undefined;
};
const show = Number(valueOf('--show') ?? 0);
const list = args.includes('--list');
const set = valueOf('--set') ?? 'all';
const filter = args.find((arg, index) => !arg.startsWith('--') && !['--show', '--set', '--dir'].includes(args[index - 1] ?? '')) ?? '';

const shared = ['../shared/conformance', '/work/shared/conformance'].find((path) => existsSync(path))!;

let registryFactory: () => Registry;
try {
  const profile = (await import('../src/rst/profiles/docutils.js' as string)) as { docutilsRegistry: () => Registry };
  registryFactory = profile.docutilsRegistry;
} catch {
  let roles = new Map();
  try {
    roles = new Map(((await import('../src/rst/roles/standard.js' as string)) as { STANDARD_ROLES: Map<string, never> }).STANDARD_ROLES);
  } catch {
    // no roles either
  }
  console.error(`(no docutils profile yet: publishing without directives, with ${roles.size} roles)`);
  registryFactory = () => new Registry(new Map(), roles);
}

/** Reports the engine makes only because a directive or role is not written yet. */
const MISSING = /Unknown (directive type|interpreted text role) "/;
const unexplained = (expected: string, actual: string): boolean => {
  const count = (text: string): number => text.split('\n').filter((line) => MISSING.test(line)).length;
  return count(actual) === count(expected);
};

/**
 * Roots: each holds .rst files (under specs/ for the corpus) with expected
 * outputs beside them; the source path is relative to the root. --dir
 * checks one directory of any such files instead of the shared corpus.
 */
const directory = valueOf('--dir');
const roots: [root: string, files: string][] = [];
if (directory) {
  roots.push([directory, directory]);
} else {
  for (const group of set === 'all' ? ['corpus', 'mutants'] : [set]) {
    const base = join(shared, group);
    for (const repo of readdirSync(base).sort()) {
      if (statSync(join(base, repo)).isDirectory()) roots.push([join(base, repo), join(base, repo, 'specs')]);
    }
  }
}

function rstFiles(directory: string, out: string[]): string[] {
  for (const name of readdirSync(directory).sort()) {
    const full = join(directory, name);
    if (statSync(full).isDirectory()) rstFiles(full, out);
    else if (name.endsWith('.rst')) out.push(full);
  }
  return out;
}

function firstDifference(expected: string, actual: string): string {
  const expectedLines = expected.split('\n');
  const actualLines = actual.split('\n');
  let line = 0;
  while (line < expectedLines.length && expectedLines[line] === actualLines[line]) line++;
  const from = Math.max(0, line - 3);
  const out = [`  first difference at line ${line + 1}`];
  for (let index = from; index < line; index++) out.push(`   ${expectedLines[index]}`);
  for (let index = line; index < Math.min(line + 6, expectedLines.length); index++) out.push(`  -${expectedLines[index]}`);
  for (let index = line; index < Math.min(line + 6, actualLines.length); index++) out.push(`  +${actualLines[index]}`);
  return out.join('\n');
}

let total = 0;
let identical = 0;
let treeOnly = 0;
let messagesOnly = 0;
let crashed = 0;
let missingFeatures = 0;
let shown = 0;
const failures: string[] = [];
for (const [root, files] of roots) {
  for (const file of rstFiles(files, [])) {
    const sourcePath = relative(root, file);
    if (filter && !file.includes(filter)) continue;
    const base = file.slice(0, -'.rst'.length);
    if (!existsSync(`${base}.pseudoxml`)) continue;
    total++;
    const expectedTree = readFileSync(`${base}.pseudoxml`, 'utf8');
    const expectedMessages = existsSync(`${base}.messages`) ? readFileSync(`${base}.messages`, 'utf8') : '';
    let actualTree: string;
    let actualMessages = '';
    try {
      const result = publish(readFileSync(file, 'utf8'), {
        sourcePath,
        settings: {
          reportLevel: 1,
          haltLevel: 5,
          syntaxHighlight: 'none',
          warningStream: (report) => {
            actualMessages += report;
          },
        },
        registry: registryFactory(),
      });
      actualTree = result.document.pformat();
      // docutils raising (the expected file then holds "EXCEPTION: Type: message") and our
      // publish recording the same crash (reported as a severe system message) count as agreement.
      const crash = result.transformer.crashes[0];
      if (crash && expectedTree.startsWith('EXCEPTION: ')) {
        crashed++;
        if (crash.message.startsWith(expectedTree.slice('EXCEPTION: '.length).trimEnd())) {
          actualTree = expectedTree;
          // Ours goes on to report the crash (and whatever follows) after docutils' messages.
          if (actualMessages.startsWith(expectedMessages)) actualMessages = expectedMessages;
        }
      }
    } catch (error) {
      crashed++;
      actualTree = `EXCEPTION: ${(error as Error).stack}`;
      // docutils raising too (the expected file then holds "EXCEPTION: Type: message") counts as agreement.
      if (error instanceof TransformCrash && expectedTree.startsWith('EXCEPTION: ')) {
        const expected = expectedTree.slice('EXCEPTION: '.length).trimEnd();
        if (error.message.startsWith(expected)) {
          actualTree = expectedTree;
        }
      }
    }
    const treeSame = actualTree === expectedTree;
    const messagesSame = actualMessages === expectedMessages;
    if (treeSame && messagesSame) {
      identical++;
      continue;
    }
    if (treeSame) messagesOnly++;
    if (messagesSame) treeOnly++;
    failures.push(relative(directory ?? shared, file));
    if (!unexplained(expectedMessages, actualMessages)) {
      missingFeatures++;
      continue;
    }
    if (shown < show) {
      shown++;
      console.log(`=== ${relative(directory ?? shared, file)}`);
      if (!treeSame) console.log(`--- pseudo-XML\n${firstDifference(expectedTree, actualTree)}`);
      if (!messagesSame) console.log(`--- messages\n${firstDifference(expectedMessages, actualMessages)}`);
    }
  }
}
if (list) console.log(failures.join('\n'));
console.log(
  `${identical}/${total} identical (tree and messages, or both raising); ${messagesOnly} differ only in messages, ` +
    `${treeOnly} only in the tree; ${crashed} raised; ${missingFeatures} of the differing use directives/roles not available yet`,
);
