/**
 * `npm run conformance`: runs `specwright doctree --out` over the real
 * specs (../shared/conformance/corpus) and the broken variants
 * (../shared/conformance/mutants), in one process per folder, and compares
 * every pseudo-XML tree and warning stream with docutils' output stored
 * beside each file. Prints, per folder, "identical doctrees N/M, identical
 * messages N/M" and exits non-zero on any difference.
 *
 *   node --import tsx scripts/conformance.ts [--shared DIR] [--show N] [--keep]
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const shared = resolve(option('--shared') ?? join(import.meta.dirname, '..', '..', 'shared'));
const show = Number(option('--show') ?? '3');
const keep = args.includes('--keep');
const cli = resolve(import.meta.dirname, '..', 'dist', 'cli', 'specwright.cjs');
const conformance = join(shared, 'conformance');

if (!existsSync(cli)) {
  console.error(`conformance: ${cli} is missing; run "npm run build" first`);
  process.exit(2);
}
if (!existsSync(conformance)) {
  console.error(`conformance: ${conformance} not found (pass --shared DIR)`);
  process.exit(2);
}

function rstFiles(root: string, dir = root, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) rstFiles(root, full, out);
    else if (name.endsWith('.rst')) out.push(relative(root, full));
  }
  return out;
}

let failed = false;
const outRoot = mkdtempSync(join(tmpdir(), 'specwright-conformance-'));
for (const kind of ['corpus', 'mutants']) {
  const kindDir = join(conformance, kind);
  if (!existsSync(kindDir)) continue;
  for (const repo of readdirSync(kindDir).sort()) {
    const repoDir = join(kindDir, repo);
    if (!statSync(repoDir).isDirectory()) continue;
    const files = rstFiles(repoDir).filter((file) => existsSync(join(repoDir, file.slice(0, -4) + '.pseudoxml')));
    const outDir = join(outRoot, kind, repo);
    const started = Date.now();
    const run = spawnSync(
      process.execPath,
      [cli, 'doctree', '--profile', 'docutils', '--report-level', '1', '--root', '.', '--out', outDir, ...files],
      { cwd: repoDir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (run.status !== 0) {
      console.error(`${kind}/${repo}: specwright exited with ${run.status}\n${run.stderr.slice(0, 2000)}`);
      failed = true;
    }
    let sameTree = 0;
    let sameMessages = 0;
    const differences: string[] = [];
    for (const file of files) {
      const stem = file.slice(0, -4);
      const expectedTree = readFileSync(join(repoDir, stem + '.pseudoxml'), 'utf8');
      const expectedMessages = readFileSync(join(repoDir, stem + '.messages'), 'utf8');
      const actualTreePath = join(outDir, stem + '.pseudoxml');
      const actualTree = existsSync(actualTreePath) ? readFileSync(actualTreePath, 'utf8') : null;
      const actualMessagesPath = join(outDir, stem + '.messages');
      const actualMessages = existsSync(actualMessagesPath) ? readFileSync(actualMessagesPath, 'utf8') : null;
      const treeOk = actualTree === expectedTree;
      const messagesOk = actualMessages === expectedMessages;
      if (treeOk) sameTree++;
      if (messagesOk) sameMessages++;
      if (!treeOk || !messagesOk) differences.push(`${file}${treeOk ? '' : ' (tree)'}${messagesOk ? '' : ' (messages)'}`);
    }
    console.log(
      `${kind}/${repo}: identical doctrees ${sameTree}/${files.length}, identical messages ${sameMessages}/${files.length} (${seconds} s)`,
    );
    for (const difference of differences.slice(0, show)) console.log(`  differs: ${difference}`);
    if (differences.length > show) console.log(`  … and ${differences.length - show} more`);
    if (differences.length > 0) failed = true;
  }
}
if (keep) console.log(`outputs kept in ${outRoot}`);
else rmSync(outRoot, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
