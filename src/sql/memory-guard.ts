// checkMemory: stops a statement that is about to exhaust the process heap, so one query cannot kill the server.
import { getHeapStatistics } from 'node:v8';
import { mysqlError, ER_OUT_OF_SORTMEMORY } from '../errors/index.js';

/** Above this share of the heap limit a materialising operator gives up (MySQL would spill to disk). */
const HEAP_SHARE_LIMIT = 0.7;
const heapLimit = getHeapStatistics().heap_size_limit;
/** Checking the heap costs a little; operators call `checkMemory` every this many rows. */
export const MEMORY_CHECK_INTERVAL = 4096;

/**
 * Throws ER_OUT_OF_SORTMEMORY (1038) when the heap is nearly full. Called by operators that keep rows (sort,
 * DISTINCT, grouping, join build sides): the statement fails, the server and other connections carry on.
 */
export function checkMemory(): void {
  // V8's own statistics, not process.memoryUsage(), which also reads the RSS from the OS (about 14 times slower).
  if (getHeapStatistics().used_heap_size > heapLimit * HEAP_SHARE_LIMIT) throw mysqlError(ER_OUT_OF_SORTMEMORY);
}
