#!/usr/bin/env node
/**
 * `specwright lint` against doc8 (Debian's python3-doc8) over the same
 * files, whole processes, in one run; prints times and the ratio, never
 * asserts them.
 *
 *   node bench/lint-vs-doc8.mjs [--runs N] [--reference-runs N] [--shared DIR] [--cli FILE]
 *
 * The files are every .rst file under the shared corpus's nova-specs/specs
 * (845: specs, templates, abandoned ones), named on both command lines.
 * specwright runs with all its rules (it publishes every spec, as doc8's
 * D000 check does); doc8 with its defaults. Needs `npm run build` (or
 * --cli pointing at a built dist/cli/specwright.cjs).
 *
 * The comparison is the cold run: no results cache, as a first run or CI
 * checks. A second figure, labelled as such, is specwright with a warm
 * `--cache` (every file unchanged since the previous run, the pre-commit
 * and editor case); the cache file lives in a temporary directory.
 *
 * A last line times markdown-it over the same files
 * (bench/markup-baseline.mjs): what a fast JavaScript parser doing less
 * work takes here, as a yardstick for the ratio.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 && index + 1 < args.length ? args[index + 1] : fallback;
};
const runs = Math.max(1, Number(option('--runs', '3')));
const referenceRuns = Math.max(1, Number(option('--reference-runs', '2')));
const shared = resolve(option('--shared', join(projectRoot, '..', 'shared')));
const cli = resolve(option('--cli', join(projectRoot, 'dist', 'cli', 'specwright.cjs')));
const repository = join(shared, 'conformance', 'corpus', 'nova-specs');
const TIME = '/usr/bin/time';

function collect(directory, out) {
  for (const name of readdirSync(directory).sort()) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) collect(path, out);
    else if (name.endsWith('.rst')) out.push(path);
  }
  return out;
}

/** Runs a command; wall time from here, CPU seconds and peak RSS from /usr/bin/time when present. */
function measure(command, commandArgs) {
  const timed = existsSync(TIME);
  const start = performance.now();
  const result = spawnSync(timed ? TIME : command, timed ? ['-f', '%U %S %M', command, ...commandArgs] : commandArgs, {
    cwd: repository,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const wall = (performance.now() - start) / 1000;
  let cpu = null;
  let rssMb = null;
  if (timed) {
    const last = result.stderr.trimEnd().split('\n').pop() ?? '';
    const match = /^([\d.]+) ([\d.]+) (\d+)$/.exec(last);
    if (match) {
      cpu = Number(match[1]) + Number(match[2]);
      rssMb = Number(match[3]) / 1024;
    }
  }
  return { wall, cpu, rssMb, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function describe(name, results) {
  const walls = results.map((result) => result.wall).sort((a, b) => a - b);
  const best = walls[0];
  const median = walls[Math.floor(walls.length / 2)];
  const cpu = results.map((result) => result.cpu).filter((value) => value !== null);
  const rss = results.map((result) => result.rssMb).filter((value) => value !== null);
  console.log(
    `  ${name.padEnd(11)} wall best ${best.toFixed(2)} s, median ${median.toFixed(2)} s` +
      (cpu.length ? `; CPU ${Math.min(...cpu).toFixed(2)} s` : '') +
      (rss.length ? `; peak RSS ${Math.max(...rss).toFixed(0)} MB` : '') +
      ` (${results.length} run${results.length === 1 ? '' : 's'})`,
  );
  return { best, median, cpu: cpu.length ? Math.min(...cpu) : null };
}

if (!existsSync(cli)) {
  console.error(`bench: ${cli} is missing; run "npm run build" first`);
  process.exit(2);
}
if (!existsSync(repository)) {
  console.error(`bench: ${repository} not found (pass --shared DIR)`);
  process.exit(2);
}
const files = collect(join(repository, 'specs'), []).map((path) => relative(repository, path));
const doc8 = spawnSync('doc8', ['--version'], { encoding: 'utf8' });
console.log(`lint bench: node ${process.version}, ${cpus().length} CPUs, load average ${loadavg().map((value) => value.toFixed(2)).join(' ')}`);
console.log(`  ${files.length} .rst files of ${relative(process.cwd(), repository) || '.'}`);
const ours = [];
for (let run = 0; run < runs; run++) {
  const result = measure(process.execPath, [cli, 'lint', '--format', 'json', ...files]);
  if (result.status !== 0 && result.status !== 1) {
    console.error(`specwright lint failed (exit ${result.status}): ${result.stderr.slice(0, 500)}`);
    process.exit(2);
  }
  ours.push(result);
}
let findings;
try {
  findings = JSON.parse(ours[0].stdout);
} catch {
  console.error(`specwright lint printed no JSON (exit ${ours[0].status}): ${ours[0].stderr.slice(0, 500)}`);
  process.exit(2);
}
const oursSummary = describe('specwright', ours);
console.log(`  ${''.padEnd(11)} ${findings.length} findings (cold: no cache; the comparison below uses this figure)`);

// The warm cache: one run to fill it, then the measured runs answer every unchanged file from it.
const cacheDirectory = mkdtempSync(join(tmpdir(), 'specwright-lint-cache-'));
const cacheArgs = ['lint', '--format', 'json', '--cache', '--cache-location', join(cacheDirectory, 'cache.json'), ...files];
const warm = [];
try {
  const filled = measure(process.execPath, [cli, ...cacheArgs]);
  for (let run = 0; run < runs; run++) warm.push(measure(process.execPath, [cli, ...cacheArgs]));
  if (filled.stdout !== ours[0].stdout || warm.some((result) => result.stdout !== ours[0].stdout)) {
    console.error('specwright lint --cache printed other findings than the run without cache');
    process.exit(2);
  }
} finally {
  rmSync(cacheDirectory, { recursive: true, force: true });
}
const warmSummary = describe('warm cache', warm);
console.log(`  ${''.padEnd(11)} specwright lint --cache after a run that filled the cache (nothing changed); same findings`);
if (doc8.error) {
  console.log('  doc8 side skipped: doc8 is not installed (apt-get install -y python3-doc8)');
  process.exit(0);
}
const theirs = [];
for (let run = 0; run < referenceRuns; run++) theirs.push(measure('doc8', files));
const theirsSummary = describe('doc8', theirs);
const total = /Total accumulated errors = (\d+)/.exec(theirs[0].stdout);
if (total) console.log(`  ${''.padEnd(11)} ${total[1]} errors`);
console.log(`  ratio       doc8 / specwright: wall ${(theirsSummary.best / oursSummary.best).toFixed(1)}x` +
  (theirsSummary.cpu && oursSummary.cpu ? `, CPU ${(theirsSummary.cpu / oursSummary.cpu).toFixed(1)}x` : '') +
  '  (cold, no cache)');
console.log(`  warm cache  doc8 / specwright --cache: wall ${(theirsSummary.best / warmSummary.best).toFixed(1)}x` +
  (theirsSummary.cpu && warmSummary.cpu ? `, CPU ${(theirsSummary.cpu / warmSummary.cpu).toFixed(1)}x` : '') +
  '  (every file unchanged since the previous run; not the comparison figure)');

// The yardstick: markdown-it parsing the same files (no output files), whole process.
const yardstick = [];
for (let run = 0; run < runs; run++) {
  const result = measure(process.execPath, [join(here, 'markup-baseline.mjs'), ...files]);
  if (result.status !== 0) {
    console.log(`  markdown-it yardstick skipped: ${result.stderr.trim().split('\n')[0].slice(0, 200)}`);
    break;
  }
  yardstick.push(result);
}
if (yardstick.length === runs) {
  const yardstickSummary = describe('markdown-it', yardstick);
  console.log(
    `  yardstick   markdown-it (CommonMark to HTML, same files, nothing written) is ${(theirsSummary.best / yardstickSummary.best).toFixed(1)}x faster than doc8` +
      ` and ${(oursSummary.best / yardstickSummary.best).toFixed(1)}x faster than specwright lint (best vs best)`,
  );
}
