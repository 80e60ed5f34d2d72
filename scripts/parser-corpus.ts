/**
 * Development aid: compares parser-only output (no transforms) on a spec
 * corpus with docutils' parser-only output made by
 * scripts/oracle-parser-corpus.py (needs python3-docutils):
 *
 *   python3 scripts/oracle-parser-corpus.py SRC_ROOT ORACLE_ROOT
 *   node --import tsx scripts/parser-corpus.ts SRC_ROOT ORACLE_ROOT [--show N]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from '../src/rst/parse.js';
import { profileRegistry } from '../src/rst/profiles/index.js';
import { decodeSource } from '../src/rst/source.js';

const [source, oracle] = process.argv.slice(2);
const showIndex = process.argv.indexOf('--show');
const show = showIndex >= 0 ? Number(process.argv[showIndex + 1]) : 0;
if (!source || !oracle) {
  console.error('usage: parser-corpus.ts SRC_ROOT ORACLE_ROOT [--show N]');
  process.exit(2);
}

function rstFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) rstFiles(full, out);
    else if (name.endsWith('.rst')) out.push(relative(source!, full));
  }
  return out;
}

let trees = 0;
let messagesSame = 0;
let shown = 0;
const files = rstFiles(source);
const started = Date.now();
for (const file of files) {
  const expectedPath = join(oracle, file.slice(0, -4) + '.pseudoxml');
  if (!existsSync(expectedPath)) continue;
  const decoded = decodeSource(readFileSync(join(source, file)));
  const text = decoded.ok ? decoded.text : readFileSync(join(source, file), 'utf8');
  let messages = '';
  let actual: string;
  try {
    actual = parseDocument(text, {
      sourcePath: file,
      settings: { reportLevel: 1, haltLevel: 5, syntaxHighlight: 'none', warningStream: (chunk) => (messages += chunk) },
      registry: profileRegistry('docutils'),
    }).pformat();
  } catch (error) {
    actual = `EXCEPTION ${(error as Error).stack}`;
  }
  const expected = readFileSync(expectedPath, 'utf8');
  const expectedMessages = readFileSync(join(oracle, file.slice(0, -4) + '.messages'), 'utf8');
  if (actual === expected) trees++;
  else if (shown < show) {
    shown++;
    const a = actual.split('\n');
    const e = expected.split('\n');
    let line = 0;
    while (line < a.length && a[line] === e[line]) line++;
    console.log(`--- ${file}: first difference at output line ${line + 1}`);
    console.log(`expected: ${e.slice(Math.max(0, line - 3), line + 5).join('\n          ')}`);
    console.log(`actual:   ${a.slice(Math.max(0, line - 3), line + 5).join('\n          ')}`);
  }
  if (messages === expectedMessages) messagesSame++;
}
console.log(`identical trees ${trees}/${files.length}, identical messages ${messagesSame}/${files.length} (${Date.now() - started} ms)`);
