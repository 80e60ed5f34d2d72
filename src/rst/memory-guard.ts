/**
 * A document too large for the memory this process has is refused with an
 * error the caller can report, instead of V8 aborting the whole process
 * (and every other file of the run) when its heap is exhausted.
 *
 * Node creation and the pseudo-XML writer call `guardMemory()`; every few
 * thousand calls it compares V8's old generation with its maximum. Above
 * the threshold it collects garbage first (the last document's tree may
 * still be waiting to be collected), and throws DocumentTooLargeError only
 * if the old generation is still above it.
 */
import { getHeapSpaceStatistics, getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Thrown while building or writing a document that does not fit in memory. */
export class DocumentTooLargeError extends Error {
  constructor(
    readonly usedBytes: number,
    readonly limitBytes: number,
  ) {
    super(
      `too large to process: the memory in use reached ${megabytes(usedBytes)} MB of the ${megabytes(limitBytes)} MB this process may use ` +
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
 * V8 gives up ("ineffective mark-compacts near heap limit") once the old
 * generation stays above 80% of its maximum while collections free little.
 * A document is refused before that: when, after a full collection, the old
 * generation still holds this share of its maximum.
 */
const THRESHOLD = 0.7;
/**
 * heap_size_limit counts the young generation's reservation too (three
 * semi-spaces of up to 16 MB on 64-bit V8); the old generation's maximum is
 * what is left.
 */
const YOUNG_GENERATION_RESERVE = 48 * 1024 * 1024;

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
  checkHeap();
}

/** The old generation's size and maximum, in bytes. */
function oldGeneration(): { used: number; limit: number } {
  const { used_heap_size: used, heap_size_limit: limit } = getHeapStatistics();
  const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  return {
    used: used - (young?.space_used_size ?? 0),
    limit: limit - Math.max(YOUNG_GENERATION_RESERVE, (young?.space_size ?? 0) * 1.5),
  };
}

/** The check itself: the old generation against THRESHOLD of its maximum, after a collection if needed. */
function checkHeap(): void {
  let { used, limit } = oldGeneration();
  if (used <= limit * THRESHOLD) return;
  const gc = collector();
  if (gc) {
    gc();
    ({ used, limit } = oldGeneration());
    if (used <= limit * THRESHOLD) return;
  }
  throw new DocumentTooLargeError(used, limit);
}
