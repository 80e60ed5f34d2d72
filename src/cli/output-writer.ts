/**
 * The writer thread of `specwright doctree --out` (WriterThreadSink): writes
 * each document's files as they arrive and answers each with null or an
 * error line.
 */
import { parentPort } from 'node:worker_threads';
import { type OutputFiles, writeOutputFiles } from './output-files.js';

parentPort!.on('message', (files: OutputFiles) => {
  parentPort!.postMessage(writeOutputFiles(files) ?? null);
});
