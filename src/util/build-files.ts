/**
 * Files of the running build, by their path under the build's root (dist/
 * for users, src/ when running the TypeScript sources under tsx).
 *
 * This module sits one folder below the root, and so do the bundled entry
 * points it is inlined into (dist/cli/specwright-main.cjs,
 * dist/lint/lint-worker.js, ...): in every layout, the root is the parent
 * of this code's folder.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

export const runningFromSource = import.meta.url.endsWith('.ts');

/** The URL of `path` (written with the .js extension) in the running build. */
export function buildFile(path: string): URL {
  const file = runningFromSource ? path.replace(/\.js$/, '.ts') : path;
  return new URL(`../${file}`, import.meta.url);
}

/**
 * A worker thread running the module `path` of the running build. From the
 * TypeScript sources (the tests, under tsx) the worker registers tsx before
 * it loads the module.
 */
export function startBuildWorker(path: string, options: WorkerOptions = {}): Worker {
  const workerFile = buildFile(path);
  if (!runningFromSource) return new Worker(workerFile, options);
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerFile.href)}); });`;
  return new Worker(code, { ...options, eval: true });
}
