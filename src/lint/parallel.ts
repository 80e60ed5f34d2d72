/**
 * Linting long file lists in worker threads (lintPathsAsync).
 *
 * Publishing dominates linting and every file is independent of the
 * others, so files are shared out one at a time: each thread — the
 * workers and, by default, this one — takes the next index from a shared
 * counter (Atomics.add on a SharedArrayBuffer), lints that file and, in a
 * worker, posts its outcome back. Nothing is split in advance, so a thread
 * that starts late or meets long files simply takes fewer. Each file is
 * linted by exactly one thread, so `--fix` writes each file once.
 *
 * The report is assembled afterwards in file order by the runner: output
 * never depends on which thread linted what. A worker that fails (cannot
 * start, crashes) costs time, not results: the files it did not finish are
 * linted here.
 */
import { Worker } from 'node:worker_threads';
import { startBuildWorker } from '../util/build-files.js';
import type { FileOutcome, RepositoryDescription } from './runner.js';

/** One file for the workers: the repository is an index into the run's descriptions. */
export interface TargetDescription {
  readonly path: string;
  readonly displayPath: string;
  readonly repository: number;
}

/** The run's FileJob as workers rebuild it: the engine's publish, and the tree guard when `guard` is true. */
export interface WorkerJob {
  readonly fix: { readonly write: boolean; readonly guard: boolean } | null;
  readonly hashContent: boolean;
}

/** What a worker receives (lint-worker.ts). */
export interface WorkerInput {
  readonly repositories: readonly RepositoryDescription[];
  readonly targets: readonly TargetDescription[];
  readonly job: WorkerJob;
  /** One Int32: the index of the next file to take. */
  readonly counter: SharedArrayBuffer;
}

/** What a worker posts for each file it lints (Node delivers every message before the worker's 'exit'). */
export interface WorkerMessage {
  readonly index: number;
  readonly outcome: FileOutcome;
}

export interface ThreadedLint {
  readonly repositories: readonly RepositoryDescription[];
  readonly targets: readonly TargetDescription[];
  readonly job: WorkerJob;
  /** Threads in all, this one included when `mainThreadLints`. */
  readonly threads: number;
  readonly mainThreadLints: boolean;
  /** Lints targets[index] in this thread (and records its outcome). */
  lintHere(index: number): FileOutcome;
  /** Records the outcome a worker posted for targets[index]. */
  record(index: number, outcome: FileOutcome): void;
}

function startWorker(input: WorkerInput): Worker {
  return startBuildWorker('lint/lint-worker.js', { workerData: input });
}

/** Lints every target across threads; resolves when all have an outcome. */
export async function lintInThreads(run: ThreadedLint): Promise<{ lintedInWorkers: number }> {
  const count = run.targets.length;
  const counter = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const done = new Array<boolean>(count).fill(false);
  /** Index of the first file that met a configuration error (count: none). */
  let firstFatal = count;
  let lintedInWorkers = 0;
  const finish = (index: number, outcome: FileOutcome): void => {
    done[index] = true;
    // A configuration error ends the run: no thread takes another file.
    if (outcome.fatal) {
      firstFatal = Math.min(firstFatal, index);
      Atomics.store(counter, 0, count);
    }
  };
  const input: WorkerInput = { repositories: run.repositories, targets: run.targets, job: run.job, counter: counter.buffer as SharedArrayBuffer };
  const workerCount = Math.max(1, run.mainThreadLints ? run.threads - 1 : run.threads);
  const finished: Array<Promise<void>> = [];
  for (let started = 0; started < workerCount; started++) {
    const worker = startWorker(input);
    finished.push(
      new Promise<void>((resolve) => {
        worker.on('message', (message: WorkerMessage) => {
          run.record(message.index, message.outcome);
          lintedInWorkers++;
          finish(message.index, message.outcome);
        });
        // A failed worker's unfinished files are linted below; its error is not the user's concern.
        worker.on('error', () => resolve());
        worker.on('exit', () => resolve());
      }),
    );
  }
  if (run.mainThreadLints) {
    for (let index = Atomics.add(counter, 0, 1); index < count; index = Atomics.add(counter, 0, 1)) {
      finish(index, run.lintHere(index));
    }
  }
  await Promise.all(finished);
  // The files a failed worker took and did not finish, up to the first configuration error (which ends the report).
  for (let index = 0; index < firstFatal; index++) {
    if (!done[index]) finish(index, run.lintHere(index));
  }
  return { lintedInWorkers };
}
