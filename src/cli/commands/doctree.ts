/**
 * `specwright doctree`: print documents' trees as docutils' pseudo-XML and
 * their messages as docutils' warning stream.
 *
 * With --out DIR every PATH is written to DIR/<PATH minus .rst>.pseudoxml
 * and .messages (relative folders kept), all in one process. Its options
 * are declared in ../definitions.ts.
 */
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PROFILE_NAMES, type ProfileName } from '../../rst/profiles/index.js';
import { UserError } from '../errors.js';
import { startBuildWorker } from '../../util/build-files.js';
import { DirectSink, type OutputSink, WriterThreadSink } from '../output-files.js';
import { threadCount, type Concurrency } from '../../util/threads.js';
import {
  processDoctreeFile,
  type DoctreeJob,
  type DoctreeResult,
  type DoctreeResultBatch,
  type DoctreeWorkerInput,
} from '../doctree-job.js';

export interface DoctreeOptions {
  parserOnly?: boolean;
  out?: string;
  root: string;
  profile: string;
  reportLevel: string;
  haltLevel: string;
  concurrency?: string;
}

function parseLevel(value: string, option: string): number {
  const level = Number(value);
  if (!Number.isInteger(level) || level < 0 || level > 5) {
    throw new UserError('usage', `${option} must be an integer from 0 to 5, not "${value}"`);
  }
  return level;
}

function parseConcurrency(value: string): Concurrency {
  if (value === 'auto' || value === 'off') return value;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) {
    throw new UserError('usage', `--concurrency must be auto, off or a whole number of threads, not "${value}"`);
  }
  return count;
}

/**
 * The Sphinx extensions of the repository around the current directory, as
 * `specwright lint` reads them (configuration, else doc/source/conf.py read
 * statically, else the OpenStack set), so both commands know the same
 * directives and roles.
 */
async function repositoryExtensions(): Promise<string[]> {
  // Loaded here: the docutils profile (the default) needs no configuration reader.
  const { findRepositoryRoot, SpecRepository } = await import('../../spec/repository.js');
  const { asUserError } = await import('../spec-errors.js');
  try {
    return [...SpecRepository.open(findRepositoryRoot(process.cwd())).sphinxExtensions().extensions];
  } catch (error) {
    throw asUserError(error);
  }
}

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
  if (job.profile === 'sphinx') job.extensions = await repositoryExtensions();
  const threads = threadCount(options.concurrency === undefined ? 'auto' : parseConcurrency(options.concurrency), paths.length);
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
  // One document's files are written here; more go to a writer thread while this one parses.
  const sink: OutputSink = job.out && paths.length > 1 ? new WriterThreadSink() : new DirectSink();
  if (threads < 2) {
    for (const path of paths) {
      report(processDoctreeFile(path, job, sink));
      await sink.room();
    }
  } else {
    await runInWorkers(paths, job, threads, sink, report);
  }
  for (const error of await sink.close()) report({ error });
  return failures > 0 ? 1 : 0;
}

/**
 * Process the paths in this thread and `threads - 1` worker threads: each
 * takes the next unprocessed path from a shared counter (so no thread sits
 * idle while another has a long share), workers post their results in
 * batches, and results are reported in the order of the paths.
 */
async function runInWorkers(
  paths: readonly string[],
  job: DoctreeJob,
  threads: number,
  sink: OutputSink,
  report: (result: DoctreeResult) => void,
): Promise<void> {
  const counter = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const workerData: DoctreeWorkerInput = { paths: [...paths], job, counter };
  const startWorker = (): Worker => startBuildWorker('cli/doctree-worker.js', { workerData });
  const results: (DoctreeResult | undefined)[] = new Array(paths.length);
  let next = 0;
  // Report everything that is ready, in path order.
  const drain = (): void => {
    while (next < paths.length && results[next] !== undefined) {
      report(results[next]!);
      results[next++] = undefined;
    }
  };
  const workers = Array.from(
    { length: threads - 1 },
    () =>
      new Promise<void>((resolveWorker, rejectWorker) => {
        const worker = startWorker();
        worker.on('message', (batch: DoctreeResultBatch) => {
          for (let index = 0; index < batch.indexes.length; index++) results[batch.indexes[index]!] = batch.results[index]!;
          drain();
        });
        worker.on('error', rejectWorker);
        worker.on('exit', () => resolveWorker());
      }),
  );
  // This thread has the engine loaded already: it takes paths too, and lets
  // the workers' batches in now and then.
  for (let processed = 1; ; processed++) {
    const index = Atomics.add(counter, 0, 1);
    if (index >= paths.length) break;
    results[index] = processDoctreeFile(paths[index]!, job, sink);
    drain();
    await sink.room();
    if (processed % MAIN_THREAD_YIELD_EVERY === 0) await new Promise((resolveTick) => setImmediate(resolveTick));
  }
  await Promise.all(workers);
  drain();
}

/** How many files the main thread processes between looks at the workers' results. */
const MAIN_THREAD_YIELD_EVERY = 8;
