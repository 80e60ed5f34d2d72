/**
 * Worker thread of the pathological-input test: parses and publishes each
 * input it is sent and answers with what happened (never with timings).
 */
import { parentPort } from 'node:worker_threads';
import '../../src/rst/profiles/index.js';
import { parseDocument } from '../../src/rst/parse.js';
import { publish } from '../../src/rst/publish.js';

export interface PathologicalRequest {
  name: string;
  text: string;
  settings?: Record<string, unknown>;
}

export interface PathologicalResponse {
  name: string;
  error?: string;
  /** Levels of the system messages published. */
  levels?: number[];
  pseudoXmlLength?: number;
}

parentPort!.on('message', (request: PathologicalRequest) => {
  const response: PathologicalResponse = { name: request.name };
  try {
    const settings = { reportLevel: 1, haltLevel: 5, ...request.settings };
    parseDocument(request.text, { sourcePath: 'pathological.rst', settings });
    const { document, messages } = publish(request.text, { sourcePath: 'pathological.rst', settings });
    response.pseudoXmlLength = document.pformat().length;
    response.levels = [...messages.matchAll(/\((?:DEBUG|INFO|WARNING|ERROR|SEVERE)\/(\d)\)/g)].map((match) => Number(match[1]));
  } catch (error) {
    response.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  parentPort!.postMessage(response);
});
