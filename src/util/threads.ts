/**
 * How many threads to spread a long list of documents over.
 *
 * One thread keeps about 1.5 CPUs busy: besides its own, V8 runs its
 * optimising compiler and parts of the garbage collector on background
 * threads, and each thread compiles the engine's hot code for itself.
 * Measured over the 845 nova specs on 2 CPUs: linting took 2.4 s with one
 * thread (3.1 s of CPU) and 2.4 s with two (4.2 s of CPU); doctree --out
 * to ext4 1.9 s with one and 2.3 s with two (file creation's system time
 * competes). On 2 CPUs one thread is as fast or faster.
 */
import { availableParallelism } from 'node:os';

/** Below this many files, starting worker threads costs more than it saves. */
export const PARALLEL_THRESHOLD = 48;
const CPUS_PER_THREAD = 1.5;

export type Concurrency = 'auto' | 'off' | number;

/** Threads for `files` files (1: this thread alone). */
export function threadCount(concurrency: Concurrency | undefined, files: number, cpus = availableParallelism()): number {
  if (files < 2 || concurrency === 'off') return 1;
  if (concurrency === undefined || concurrency === 'auto') {
    if (files < PARALLEL_THRESHOLD) return 1;
    return Math.max(1, Math.min(Math.floor(cpus / CPUS_PER_THREAD), Math.floor(files / (PARALLEL_THRESHOLD / 2))));
  }
  return Math.max(1, Math.min(Math.floor(concurrency), files));
}
