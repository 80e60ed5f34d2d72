#!/usr/bin/env node
/**
 * `npm run bench`: specwright against the reference tools, in one run.
 *
 *   corpus  publish the 845 nova specs to pseudo-XML files with
 *           `specwright doctree --out` and with docutils 0.19
 *           (`docutils-oracle corpus`); whole-process wall and CPU times,
 *           the ratio, peak RSS, and how many outputs are identical.
 *   linear  adversarial inputs at 10 KB, 100 KB and 1 MB, each parsed and
 *           published in a child process with a timeout; time per size and
 *           the growth factor per 10x size (linear time: about 10).
 *   lint    `specwright lint` against doc8 over the same 845 files
 *           (bench/lint-vs-doc8.mjs).
 *
 * The corpus and lint sections also time markdown-it over the same files
 * (bench/markup-baseline.mjs): a yardstick of what a fast JavaScript
 * parser doing less work takes on this machine, printed as its ratio to
 * the reference tool.
 *
 * Options:
 *   --only corpus,linear,lint    sections to run (default: all)
 *   --runs N                     specwright runs per measure, best and median (default 3)
 *   --reference-runs N           docutils / doc8 runs (default 2)
 *   --sizes 10000,100000,1000000 input sizes of the linear section
 *   --inputs NAME,NAME           only these adversarial inputs (see bench/adversarial-inputs.mjs)
 *   --timeout SECONDS            per child process of the linear section (default 120)
 *   --shared DIR                 the shared folder (default: ../shared beside the project)
 *
 * The corpus section writes into the OS temp folder (set TMPDIR to choose
 * it) and prints what creating that many files costs there: on a slow file
 * system both tools spend that time, which narrows the ratio.
 *
 * Prints figures; never asserts them. Needs `npm run build` first (the
 * benchmark runs dist/, as users do).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { INPUTS } from './adversarial-inputs.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, '..');
const cli = join(projectRoot, 'dist', 'cli', 'specwright.cjs');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 && index + 1 < args.length ? args[index + 1] : fallback;
};
const sections = option('--only', 'corpus,linear,lint').split(',');
const runs = Math.max(1, Number(option('--runs', '3')));
const referenceRuns = Math.max(1, Number(option('--reference-runs', '2')));
const sizes = option('--sizes', '10000,100000,1000000').split(',').map(Number);
const inputNames = option('--inputs', Object.keys(INPUTS).join(',')).split(',');
const timeoutSeconds = Number(option('--timeout', '120'));
const shared = resolve(option('--shared', join(projectRoot, '..', 'shared')));
const novaSpecs = join(shared, 'conformance', 'corpus', 'nova-specs');
const oracle = join(shared, 'tools', 'docutils-oracle');
const timeBinary = '/usr/bin/time';
const hasTime = existsSync(timeBinary);

// ---- helpers ---------------------------------------------------------------

function newestModification(dir) {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const stat = statSync(full);
    newest = Math.max(newest, stat.isDirectory() ? newestModification(full) : stat.mtimeMs);
  }
  return newest;
}

function rstFiles(root, dir = root, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) rstFiles(root, full, out);
    else if (name.endsWith('.rst')) out.push(relative(root, full));
  }
  return out;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const seconds = (value) => `${value.toFixed(2)} s`;
const megabytes = (kilobytes) => (kilobytes === null ? 'n/a' : `${(kilobytes / 1024).toFixed(0)} MB`);
const milliseconds = (value) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

/**
 * Runs a command to completion and measures its whole-process wall time,
 * plus CPU time and peak RSS (of the process and its threads) through
 * /usr/bin/time when it exists.
 */
function measure(command, commandArgs, options = {}) {
  const statsFile = join(tmpdir(), `specwright-bench-${process.pid}-${Math.random().toString(36).slice(2)}.time`);
  const [file, fileArgs] = hasTime
    ? [timeBinary, ['-o', statsFile, '-f', '%e %U %S %M', command, ...commandArgs]]
    : [command, commandArgs];
  const started = performance.now();
  const result = spawnSync(file, fileArgs, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, ...options });
  const wall = (performance.now() - started) / 1000;
  let cpu = null;
  let rssKilobytes = null;
  if (hasTime && existsSync(statsFile)) {
    // /usr/bin/time writes "Command exited with non-zero status N" first when the command fails.
    const fields = readFileSync(statsFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    cpu = fields[1] + fields[2];
    rssKilobytes = fields[3];
    rmSync(statsFile, { force: true });
  }
  return { wall, cpu, rssKilobytes, status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', error: result.error };
}

function summary(label, measures) {
  const walls = measures.map((entry) => entry.wall);
  const cpus = measures.map((entry) => entry.cpu).filter((value) => value !== null);
  const rss = measures.map((entry) => entry.rssKilobytes).filter((value) => value !== null);
  const parts = [`best ${seconds(Math.min(...walls))}`, `median ${seconds(median(walls))}`];
  if (cpus.length) parts.push(`CPU (user+sys) median ${seconds(median(cpus))}`);
  parts.push(`peak RSS ${rss.length ? megabytes(Math.max(...rss)) : 'n/a'}`);
  console.log(`  ${label.padEnd(11)} ${parts.join(', ')}   (${measures.length} run${measures.length > 1 ? 's' : ''}: ${walls.map((wall) => wall.toFixed(2)).join(', ')} s)`);
  return { best: Math.min(...walls), median: median(walls), cpu: cpus.length ? median(cpus) : null };
}

function ratioLine(label, ours, reference) {
  const cpu = ours.cpu && reference.cpu ? `, CPU time ${(reference.cpu / ours.cpu).toFixed(1)}x` : '';
  console.log(`  ${label}: ${(reference.best / ours.best).toFixed(1)}x faster (best vs best), ${(reference.median / ours.median).toFixed(1)}x (median vs median)${cpu}`);
}

function pythonHas(module) {
  const result = spawnSync('python3', ['-c', `import ${module}; print(${module}.__version__)`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

/** " (Debian package VERSION)" when dpkg knows the package, else "". */
function debianVersion(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f', '${Version}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout ? ` (${name} ${result.stdout})` : '';
}

/** Seconds this process takes to create `count` empty files in a new folder of the temp folder (the file system's share of a run). */
function fileCreationSeconds(count) {
  const folder = mkdtempSync(join(tmpdir(), 'specwright-bench-files-'));
  try {
    const started = performance.now();
    for (let index = 0; index < count; index++) closeSync(openSync(join(folder, `f${index}`), 'w'));
    return (performance.now() - started) / 1000;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

// ---- corpus: specwright doctree vs docutils ---------------------------------

function corpusSection() {
  console.log('\n== corpus: 845 nova specs to pseudo-XML files (whole processes)');
  if (!existsSync(novaSpecs)) {
    console.log(`  skipped: ${novaSpecs} not found (pass --shared DIR)`);
    return;
  }
  const files = rstFiles(novaSpecs);
  const docutilsVersion = pythonHas('docutils');
  const docutilsReady = docutilsVersion !== null && existsSync(oracle);
  console.log(`  ${files.length} files, ${(files.reduce((sum, file) => sum + statSync(join(novaSpecs, file)).size, 0) / 1e6).toFixed(1)} MB`);
  const creation = fileCreationSeconds(files.length * 2);
  console.log(
    `  output folder ${tmpdir()}: creating ${files.length * 2} empty files there takes ${seconds(creation)} (both tools write that many; TMPDIR chooses the folder)`,
  );
  console.log(`  specwright: node ${cli} doctree --out TMP --report-level 1 --profile docutils <${files.length} relative paths>  (cwd ${novaSpecs})`);
  if (docutilsReady) console.log(`  docutils ${docutilsVersion}: ${oracle} corpus . TMP  (cwd ${novaSpecs})`);
  else {
    console.log('  NOTE: docutils side skipped: python3-docutils is not installed (apt-get install -y python3-docutils)');
  }
  const ours = [];
  const theirs = [];
  let lastOurs = null;
  let lastTheirs = null;
  for (let run = 0; run < Math.max(runs, docutilsReady ? referenceRuns : 0); run++) {
    // Interleaved, so both tools see the same machine load.
    if (run < runs) {
      if (lastOurs) rmSync(lastOurs, { recursive: true, force: true });
      lastOurs = mkdtempSync(join(tmpdir(), 'specwright-bench-'));
      const result = measure(process.execPath, [cli, 'doctree', '--out', lastOurs, '--report-level', '1', '--profile', 'docutils', ...files], { cwd: novaSpecs });
      if (result.status !== 0 && result.status !== 1) {
        console.log(`  specwright failed (exit ${result.status}): ${(result.stderr || String(result.error)).slice(0, 500)}`);
        return;
      }
      ours.push(result);
    }
    if (docutilsReady && run < referenceRuns) {
      if (lastTheirs) rmSync(lastTheirs, { recursive: true, force: true });
      lastTheirs = mkdtempSync(join(tmpdir(), 'docutils-bench-'));
      const result = measure(oracle, ['corpus', '.', lastTheirs], { cwd: novaSpecs });
      if (result.status !== 0) {
        console.log(`  docutils failed (exit ${result.status}): ${result.stderr.slice(0, 500)}`);
        return;
      }
      theirs.push(result);
    }
  }
  const oursSummary = summary('specwright', ours);
  const baseline = baselineRuns(files, { cwd: novaSpecs, write: true });
  const baselineSummary = baseline.length ? summary('markdown-it', baseline) : null;
  if (theirs.length) {
    const theirsSummary = summary('docutils', theirs);
    ratioLine('specwright vs docutils', oursSummary, theirsSummary);
    let sameTrees = 0;
    let sameMessages = 0;
    for (const file of files) {
      const stem = file.slice(0, -4);
      const read = (root, extension) => (existsSync(join(root, stem + extension)) ? readFileSync(join(root, stem + extension), 'utf8') : null);
      if (read(lastOurs, '.pseudoxml') === read(lastTheirs, '.pseudoxml')) sameTrees++;
      if (read(lastOurs, '.messages') === read(lastTheirs, '.messages')) sameMessages++;
    }
    console.log(`  outputs of the last runs: identical doctrees ${sameTrees}/${files.length}, identical messages ${sameMessages}/${files.length}`);
    if (baselineSummary) {
      console.log(
        `  yardstick: markdown-it (CommonMark to HTML, same files, same number of files written) is ${(theirsSummary.best / baselineSummary.best).toFixed(1)}x faster than docutils` +
          ` and ${(oursSummary.best / baselineSummary.best).toFixed(1)}x faster than specwright (best vs best)`,
      );
    }
  }
  console.log('  goal (issue 3): at least 30x faster than docutils, peak RSS under 250 MB');
  for (const dir of [lastOurs, lastTheirs]) if (dir) rmSync(dir, { recursive: true, force: true });
}

/**
 * Whole-process runs of bench/markup-baseline.mjs (markdown-it) over the
 * same files: the yardstick line. Empty when markdown-it is not installed
 * (it is a development dependency).
 */
function baselineRuns(files, { cwd, write }) {
  const script = join(here, 'markup-baseline.mjs');
  const results = [];
  for (let run = 0; run < runs; run++) {
    const out = write ? mkdtempSync(join(tmpdir(), 'markdown-it-bench-')) : null;
    const result = measure(process.execPath, [script, ...(out ? ['--out', out] : []), ...files], { cwd });
    if (out) rmSync(out, { recursive: true, force: true });
    if (result.status !== 0) {
      console.log(`  markdown-it yardstick skipped: ${(result.stderr || String(result.error)).trim().split('\n')[0].slice(0, 200)}`);
      return [];
    }
    results.push(result);
  }
  return results;
}

// ---- linear: adversarial inputs at growing sizes ----------------------------

function measureInput(name, size, repeat) {
  const result = spawnSync(process.execPath, [join(here, 'measure-input.mjs'), name, String(size), String(repeat)], {
    encoding: 'utf8',
    timeout: timeoutSeconds * 1000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error?.code === 'ETIMEDOUT' || result.signal === 'SIGTERM') return { timeout: true };
  if (result.status !== 0) {
    const lines = (result.stderr || '').trim().split('\n');
    const reason = lines.find((line) => /Error|error:/.test(line)) ?? lines[lines.length - 1] ?? `exit ${result.status}`;
    return { failed: reason.trim().slice(0, 160) };
  }
  return JSON.parse(result.stdout.trim().split('\n').pop());
}

const growth = (previous, current) => (previous && current ? current / previous : null);

function linearSection() {
  console.log(`\n== linear time: adversarial inputs, parse and publish (+ pseudo-XML) in a child process, ${timeoutSeconds} s timeout`);
  console.log('  ms = best of up to 3 runs (fewer once they took 2 s); x10 = time growth when the size grows 10x (linear: about 10, quadratic: about 100)');
  const header = ['input', ...sizes.map((size) => `${size >= 1e6 ? size / 1e6 + ' MB' : size / 1e3 + ' KB'}`)];
  console.log(`  ${'input'.padEnd(36)} ${'step'.padEnd(8)} ${header.slice(1).map((label) => label.padStart(9)).join(' ')}   growth per 10x`);
  const verdicts = [];
  for (const name of inputNames) {
    if (!INPUTS[name]) {
      console.log(`  ${name}: unknown input`);
      continue;
    }
    const rows = { parse: [], publish: [] };
    let note = '';
    let details = '';
    for (const size of sizes) {
      const previous = rows.parse.length ? rows.parse[rows.parse.length - 1] : null;
      const previousPublish = rows.publish.length ? rows.publish[rows.publish.length - 1] : null;
      // Skip a size that would obviously run into the timeout (super-linear growth already seen).
      if (rows.parse.length >= 2 && previous !== null && previousPublish !== null) {
        const factor = Math.max(growth(rows.parse[rows.parse.length - 2], previous) ?? 0, growth(rows.publish[rows.publish.length - 2], previousPublish) ?? 0);
        const projected = ((previous + previousPublish) * factor * (size / sizes[rows.parse.length - 1])) / 10 / 1000;
        if (projected > timeoutSeconds) {
          rows.parse.push(null);
          rows.publish.push(null);
          note ||= `; ${size / 1e6} MB skipped (projected ~${projected.toFixed(0)} s)`;
          continue;
        }
      }
      if (previous === null && rows.parse.length > 0) {
        rows.parse.push(null);
        rows.publish.push(null);
        continue;
      }
      const measured = measureInput(name, size, 3);
      if (measured.timeout || measured.failed) {
        rows.parse.push(null);
        rows.publish.push(null);
        note ||= measured.timeout ? `; timeout at ${size} bytes` : `; FAILED at ${size} bytes: ${measured.failed}`;
        continue;
      }
      rows.parse.push(measured.parseMs);
      rows.publish.push(measured.publishMs);
      details = `${measured.lines} lines, ${measured.nodes} nodes${measured.errors ? `, ${measured.errors} errors` : ''} at ${measured.bytes} bytes`;
    }
    for (const step of ['parse', 'publish']) {
      const times = rows[step];
      const growths = times.slice(1).map((time, index) => growth(times[index], time));
      const cells = times.map((time) => (time === null ? '-' : milliseconds(time)).padStart(9));
      const growthText = growths.map((value) => (value === null ? '-' : `x${value.toFixed(1)}`)).join(' ');
      console.log(`  ${(step === 'parse' ? name : '').padEnd(36)} ${step.padEnd(8)} ${cells.join(' ')}   ${growthText}`);
    }
    const lastGrowths = ['parse', 'publish'].map((step) => {
      const times = rows[step].filter((time) => time !== null);
      return times.length >= 2 && times[times.length - 2] >= 5 ? times[times.length - 1] / times[times.length - 2] : null;
    });
    const worst = Math.max(...lastGrowths.filter((value) => value !== null), 0);
    const verdict = note.includes('FAILED') ? 'FAILED' : worst > 25 || note.includes('timeout') || note.includes('skipped') ? 'SUPER-LINEAR' : 'linear';
    verdicts.push([name, verdict]);
    console.log(`  ${''.padEnd(36)} ${verdict}${details ? ` (${details})` : ''}${note}`);
  }
  const bad = verdicts.filter(([, verdict]) => verdict !== 'linear');
  console.log(`  ${verdicts.length - bad.length}/${verdicts.length} inputs grow linearly${bad.length ? `; not: ${bad.map(([name, verdict]) => `${name} (${verdict})`).join(', ')}` : ''}`);
}

// ---- lint: specwright lint vs doc8 ----------------------------------------

/** bench/lint-vs-doc8.mjs (the lint's own benchmark), run as part of this one. */
function lintSection() {
  console.log('\n== lint: 845 nova specs, specwright lint vs doc8 (bench/lint-vs-doc8.mjs)');
  const script = join(here, 'lint-vs-doc8.mjs');
  if (!existsSync(script)) {
    console.log('  skipped: bench/lint-vs-doc8.mjs is missing');
    return;
  }
  const result = spawnSync(
    process.execPath,
    [script, '--runs', String(runs), '--reference-runs', String(referenceRuns), '--shared', shared, '--cli', cli],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 },
  );
  const lines = `${result.stdout}${result.stderr}`.trimEnd().split('\n');
  // Its first line repeats the machine summary printed above.
  for (const line of lines.filter((line) => !line.startsWith('lint bench:'))) console.log(line);
}

// ---- main --------------------------------------------------------------------

if (!existsSync(cli)) {
  console.error(`bench: ${cli} is missing; run "npm run build" first`);
  process.exit(2);
}
console.log(`specwright bench: node ${process.version}, ${cpus().length} CPUs (${availableParallelism()} available), load average ${loadavg().map((value) => value.toFixed(2)).join(' ')}`);
if (newestModification(join(projectRoot, 'src')) > statSync(cli).mtimeMs) {
  console.log('NOTE: src/ has changed since dist/ was built; run "npm run build" for current figures');
}
if (!hasTime) console.log('NOTE: /usr/bin/time not found: no CPU times or peak RSS');
if (sections.includes('corpus')) corpusSection();
if (sections.includes('linear')) linearSection();
if (sections.includes('lint')) lintSection();
