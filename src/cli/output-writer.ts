/**
 * The writer thread of `specwright doctree --out` (WriterThreadSink): writes
 * each batch of documents' files as it arrives and answers with null or an
 * error line per document.
 */
import { parentPort } from 'node:worker_threads';
import { type OutputFiles, writeOutputFiles } from './output-files.js';

parentPort!.on('message', (batch: OutputFiles[]) => {
  parentPort!.postMessage(batch.map((files) => writeOutputFiles(files) ?? null));
});
