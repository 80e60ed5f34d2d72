/**
 * Worker thread for `specwright doctree` on long file lists: takes the next
 * unprocessed path from the counter it shares with the other threads until
 * none is left, and posts its results in batches.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { processDoctreeFile, type DoctreeResultBatch, type DoctreeWorkerInput } from './doctree-job.js';
import { DirectSink } from './output-files.js';

/** Results per message: one message per file cost more than the file's output. */
const BATCH_SIZE = 16;

const { paths, job, counter } = workerData as DoctreeWorkerInput;
// Several threads are parsing already: each writes its own files.
const sink = new DirectSink();
let batch: DoctreeResultBatch = { indexes: [], results: [] };
for (;;) {
  const index = Atomics.add(counter, 0, 1);
  if (index >= paths.length) break;
  batch.indexes.push(index);
  batch.results.push(processDoctreeFile(paths[index]!, job, sink));
  if (batch.indexes.length === BATCH_SIZE) {
    parentPort!.postMessage(batch);
    batch = { indexes: [], results: [] };
  }
}
if (batch.indexes.length > 0) parentPort!.postMessage(batch);
