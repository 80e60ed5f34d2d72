/**
 * `specwright doctree`: print documents' trees as docutils' pseudo-XML and
 * their messages as docutils' warning stream.
 *
 * With --out DIR every PATH is written to DIR/<PATH minus .rst>.pseudoxml
 * and .messages (relative folders kept), all in one process. Its options
 * are declared in ../definitions.ts.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PROFILE_NAMES, type ProfileName } from '../../rst/profiles/index.js';
import { UserError } from '../errors.js';
import { processDoctreeFile, type DoctreeJob, type DoctreeResult } from '../doctree-job.js';

export interface DoctreeOptions {
  parserOnly?: boolean;
  out?: string;
  root: string;
  profile: string;
  reportLevel: string;
  haltLevel: string;
}

function parseLevel(value: string, option: string): number {
  const level = Number(value);
  if (!Number.isInteger(level) || level < 0 || level > 5) {
    throw new UserError('usage', `${option} must be an integer from 0 to 5, not "${value}"`);
  }
  return level;
}

/** Below this many files, starting worker threads costs more than it saves. */
const PARALLEL_THRESHOLD = 48;

export async function runDoctree(paths: readonly string[], options: DoctreeOptions): Promise<number> {
  if (!(PROFILE_NAMES as readonly string[]).includes(options.profile)) {
    throw new UserError('usage', `unknown profile "${options.profile}" (expected ${PROFILE_NAMES.join(' or ')})`);
  }
  const job: DoctreeJob = {
    reportLevel: parseLevel(options.reportLevel, '--report-level'),
    haltLevel: parseLevel(options.haltLevel, '--halt-level'),
    root: resolve(options.root),
    profile: options.profile as ProfileName,
    parserOnly: Boolean(options.parserOnly),
    debug: process.argv.includes('--debug'),
    ...(options.out ? { out: options.out } : {}),
  };
  const threads = Math.min(availableParallelism(), Math.floor(paths.length / (PARALLEL_THRESHOLD / 2)));
  let failures = 0;
  const report = (result: DoctreeResult): void => {
    if (result.error) {
      process.stderr.write(result.error + '\n');
      failures++;
      return;
    }
    if (result.tree !== undefined) process.stdout.write(result.tree);
    if (result.messages) process.stderr.write(result.messages);
  };
  if (threads < 2) {
    for (const path of paths) report(processDoctreeFile(path, job));
  } else {
    await runInWorkers(paths, job, threads, report);
  }
  return failures > 0 ? 1 : 0;
}

/**
 * Split the paths into contiguous shares, one per worker thread, and
 * report results in the order of the paths.
 */
async function runInWorkers(
  paths: readonly string[],
  job: DoctreeJob,
  threads: number,
  report: (result: DoctreeResult) => void,
): Promise<void> {
  const fromSource = import.meta.url.endsWith('.ts');
  const workerFile = new URL(`../doctree-worker${fromSource ? '.ts' : '.js'}`, import.meta.url);
  const startWorker = (sharePaths: string[]): Worker => {
    if (!fromSource) return new Worker(workerFile, { workerData: { paths: sharePaths, job } });
    // Running from TypeScript sources (the tests): the worker registers tsx first.
    const api = import.meta.resolve('tsx/esm/api');
    const code = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerFile.href)}); });`;
    return new Worker(code, { eval: true, workerData: { paths: sharePaths, job } });
  };
  const share = Math.ceil(paths.length / threads);
  const shares: string[][] = [];
  for (let start = 0; start < paths.length; start += share) shares.push(paths.slice(start, start + share));
  const results: DoctreeResult[][] = shares.map(() => []);
  const reported = shares.map(() => 0);
  let next = 0;
  // Report everything that is ready, in path order: the shares finish in any order.
  const drain = (): void => {
    while (next < shares.length) {
      const ready = results[next]!;
      while (reported[next]! < ready.length) report(ready[reported[next]!++]!);
      if (reported[next] !== shares[next]!.length) return;
      next++;
    }
  };
  await Promise.all(
    shares.map(
      (sharePaths, index) =>
        new Promise<void>((resolveShare, rejectShare) => {
          const worker = startWorker(sharePaths);
          worker.on('message', (result: DoctreeResult) => {
            results[index]!.push(result);
            drain();
          });
          worker.on('error', rejectShare);
          worker.on('exit', () => resolveShare());
        }),
    ),
  );
  drain();
}
