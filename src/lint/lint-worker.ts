/**
 * A worker thread of lintPathsAsync (see parallel.ts): takes files from
 * the shared counter until none is left, lints each with the engine and
 * posts its outcome back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { publishForLint, treeGuard } from './engine.js';
import type { WorkerInput, WorkerMessage } from './parallel.js';
import { lintFileOutcome, repositoryFromDescription, type FileJob, type FileOutcome } from './runner.js';

const input = workerData as WorkerInput;
const states = input.repositories.map(repositoryFromDescription);
const job: FileJob = {
  publish: publishForLint,
  fix: input.job.fix ? { write: input.job.fix.write, guard: input.job.fix.guard ? treeGuard() : null } : null,
  hashContent: input.job.hashContent,
};
const counter = new Int32Array(input.counter);
const post = (message: WorkerMessage): void => parentPort!.postMessage(message);

/** An internal error crosses threads as an Error with its message and stack, whatever was thrown. */
function cloneable(outcome: FileOutcome): FileOutcome {
  if (outcome.internalError === undefined) return outcome;
  const thrown = outcome.internalError;
  const error = new Error(thrown instanceof Error ? thrown.message : String(thrown));
  if (thrown instanceof Error && thrown.stack) error.stack = thrown.stack;
  return { ...outcome, internalError: error };
}

for (let index = Atomics.add(counter, 0, 1); index < input.targets.length; index = Atomics.add(counter, 0, 1)) {
  const target = input.targets[index]!;
  const outcome = lintFileOutcome({ path: target.path, displayPath: target.displayPath, state: states[target.repository]! }, job);
  if (outcome.fatal) Atomics.store(counter, 0, input.targets.length);
  post({ index, outcome: cloneable(outcome) });
}
