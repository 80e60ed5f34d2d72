/**
 * The sphinx profile on the conformance corpus: publishes every
 * specs/**\/*.rst file under ../shared/conformance/corpus (or the folder
 * given) with `sphinxRegistry()` and counts the "Unknown interpreted text
 * role" / "Unknown directive type" system messages left in the trees.
 *
 * With --oracle DIR (output of `scripts/sphinx-oracle.py --out DIR` run in
 * the corpus folder on the same files), also compares each tree and the
 * docutils messages with Sphinx's.
 *
 *   node --import tsx scripts/sphinx-corpus.ts [CORPUS] [--oracle DIR]
 *
 * Exits non-zero when an unknown role or directive remains or a file differs.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Element } from '../src/rst/nodes.js';
import { publish } from '../src/rst/publish.js';
import { sphinxRegistry } from '../src/rst/profiles/sphinx.js';

const args = process.argv.slice(2);
const oracleIndex = args.indexOf('--oracle');
const oracle = oracleIndex >= 0 ? resolve(args[oracleIndex + 1]!) : null;
const positional = args.filter((_arg, index) => index !== oracleIndex && index !== oracleIndex + 1);
const corpus = resolve(positional[0] ?? '../shared/conformance/corpus');

function collect(directory: string, out: string[]): string[] {
  for (const name of readdirSync(directory).sort()) {
    const full = join(directory, name);
    if (statSync(full).isDirectory()) collect(full, out);
    else if (name.endsWith('.rst') && full.includes('/specs/')) out.push(full);
  }
  return out;
}

const files = collect(corpus, []);
process.chdir(corpus);
const registry = sphinxRegistry({ srcdir: corpus });
const unknown = new Map<string, number>();
let filesWithUnknown = 0;
let sameTrees = 0;
let sameMessages = 0;
const started = performance.now();
for (const file of files) {
  // As `find .` lists them (the oracle run in the corpus folder sees these paths).
  const path = './' + relative(corpus, file);
  const text = readFileSync(file, 'utf8');
  const { document, messages } = publish(text, {
    sourcePath: path,
    settings: { reportLevel: 1, haltLevel: 5, syntaxHighlight: 'none', root: corpus },
    registry,
  });
  let found = false;
  for (const message of document.findall('system_message')) {
    const match = /^(Unknown (?:interpreted text role|directive type) "[^"]*")/.exec((message as Element).children[0]?.astext() ?? '');
    if (match) {
      unknown.set(match[1]!, (unknown.get(match[1]!) ?? 0) + 1);
      found = true;
    }
  }
  if (found) filesWithUnknown++;
  if (oracle) {
    const base = join(oracle, path.replace(/\.rst$/, ''));
    if (existsSync(base + '.pseudoxml')) {
      if (readFileSync(base + '.pseudoxml', 'utf8') === document.pformat()) sameTrees++;
      else console.log(`tree differs: ${path}`);
      const expected = readFileSync(base + '.messages', 'utf8')
        .split('\n')
        .filter((line) => !line.startsWith('SPHINX: '))
        .join('\n');
      if (expected === messages) sameMessages++;
      else console.log(`messages differ: ${path}`);
    }
  }
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`sphinx profile: ${files.length} files, ${filesWithUnknown} with unknown roles or directives (${seconds} s)`);
for (const [text, count] of [...unknown].sort()) console.log(`  ${count} × ${text}`);
if (oracle) console.log(`identical with Sphinx 5.3: doctrees ${sameTrees}/${files.length}, messages ${sameMessages}/${files.length}`);
const failed = filesWithUnknown > 0 || (oracle !== null && (sameTrees !== files.length || sameMessages !== files.length));
process.exitCode = failed ? 1 : 0;
