/**
 * A document too large for the memory this process has is refused with an
 * error the caller can report, instead of V8 aborting the whole process
 * (and every other file of the run) when its heap is exhausted.
 *
 * Node creation and the pseudo-XML writer call `guardMemory()`; every few
 * thousand calls it compares the heap in use with the heap's limit. Above
 * the threshold it collects garbage first (the last document's tree may
 * still be waiting to be collected), and throws DocumentTooLargeError only
 * if the heap in use is still above it.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Thrown while building or writing a document that does not fit in memory. */
export class DocumentTooLargeError extends Error {
  constructor(
    readonly usedBytes: number,
    readonly limitBytes: number,
  ) {
    super(
      `too large to process: the memory in use reached ${megabytes(usedBytes)} MB of this process's ${megabytes(limitBytes)} MB ` +
        `(a larger limit: NODE_OPTIONS=--max-old-space-size=MEGABYTES)`,
    );
    this.name = 'DocumentTooLargeError';
  }
}

function megabytes(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}

/** Calls between two looks at the heap. */
const CHECK_EVERY = 4096;
/**
 * Share of the heap limit in use (after a collection) at which a document
 * is refused. The limit counts the young generation too, and V8 gives up
 * ("ineffective mark-compacts near heap limit") before the old generation
 * is full: half leaves room for both.
 */
const THRESHOLD = 0.5;

let countdown = CHECK_EVERY;
let collect: (() => void) | null | undefined;

/** A full garbage collection, when this process can ask for one (null otherwise). */
function collector(): (() => void) | null {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  return collect;
}

/** Throws DocumentTooLargeError when the heap is nearly exhausted (checked every CHECK_EVERY calls). */
export function guardMemory(): void {
  if (--countdown > 0) return;
  countdown = CHECK_EVERY;
  checkHeap(THRESHOLD);
}

/** The check itself, at a given share of the limit (exported for tests). */
export function checkHeap(threshold: number): void {
  let { used_heap_size: used, heap_size_limit: limit } = getHeapStatistics();
  if (used <= limit * threshold) return;
  const gc = collector();
  if (gc) {
    gc();
    ({ used_heap_size: used, heap_size_limit: limit } = getHeapStatistics());
    if (used <= limit * threshold) return;
  }
  throw new DocumentTooLargeError(used, limit);
}
