/**
 * Worker thread for `specwright doctree` on long file lists: processes its
 * share of the paths and posts each result back, in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { processDoctreeFile, type DoctreeJob } from './doctree-job.js';

interface WorkerInput {
  paths: string[];
  job: DoctreeJob;
}

const { paths, job } = workerData as WorkerInput;
for (const path of paths) parentPort!.postMessage(processDoctreeFile(path, job));
