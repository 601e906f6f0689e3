// checkMemory: stops a statement that is about to exhaust the process heap or its tidb_mem_quota_query, so one query
// cannot kill the server.
import { getHeapStatistics } from 'node:v8';
import { mysqlError, ER_MEM_EXCEED_THRESHOLD_FOR_QUERY, ER_OUT_OF_SORTMEMORY } from '../errors/index.js';
import type { ExecutionContext } from './execution-context.js';

/** Above this share of the heap limit a materialising operator gives up (MySQL would spill to disk). */
const HEAP_SHARE_LIMIT = 0.7;
const heapLimit = getHeapStatistics().heap_size_limit;
/** Checking the heap costs a little; operators call `checkMemory` every this many rows. */
export const MEMORY_CHECK_INTERVAL = 4096;

/** The heap in use when each session's current statement began. */
const statementBaselines = new WeakMap<ExecutionContext, number>();

/** Records where the statement `session` starts running stands, for its tidb_mem_quota_query. */
export function beginStatementMemory(session: ExecutionContext): void {
  statementBaselines.set(session, getHeapStatistics().used_heap_size);
}

/**
 * Throws TiDB's 8175 when the heap grew by more than `tidb_mem_quota_query` bytes since `session`'s statement began,
 * and ER_OUT_OF_SORTMEMORY (1038) when the heap is nearly full. Called by operators that keep rows (sort, DISTINCT,
 * grouping, join build sides): the statement fails, the server and other connections carry on. The growth of the
 * heap is what a statement holds plus what others allocate meanwhile, so with many statements at once it errs on the
 * side of stopping a big one early rather than letting the heap run out.
 */
export function checkMemory(session?: ExecutionContext): void {
  // V8's own statistics, not process.memoryUsage(), which also reads the RSS from the OS (about 14 times slower).
  const used = getHeapStatistics().used_heap_size;
  const baseline = session === undefined ? undefined : statementBaselines.get(session);
  if (session !== undefined && baseline !== undefined) {
    const quota = Number(session.systemVariable('tidb_mem_quota_query', 'default') ?? 0);
    if (quota > 0 && used - baseline > quota) throw mysqlError(ER_MEM_EXCEED_THRESHOLD_FOR_QUERY, session.connectionId);
  }
  if (used > heapLimit * HEAP_SHARE_LIMIT) throw mysqlError(ER_OUT_OF_SORTMEMORY);
}
