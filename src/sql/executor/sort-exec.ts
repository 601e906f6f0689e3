// sortExec: TiDB's Sort: reads its whole input and hands it on in key order (below a Window operator).
import type { ExecutionContext } from '../execution-context.js';
import { MEMORY_CHECK_INTERVAL, checkMemory } from '../memory-guard.js';
import { endRun, startRun } from '../planner/operator-plan.js';
import type { SortPlan } from '../planner/physical-plan.js';
import type { Row, SqlValue } from '../types/index.js';
import type { Exec } from './exec.js';
import { prepareParts } from './prepare-parts.js';
import { columnComparator } from './sort-keys.js';

/** The batch size rows are handed on in. */
const BATCH_ROWS = 1024;

/**
 * Sorts `input` (the plan's input, built) stably. The rows are held in memory under the memory guard: a sort that
 * would fill the heap fails with the guard's error instead of taking the server down.
 */
export async function* sortExec(plan: SortPlan, input: Exec, session: ExecutionContext): Exec {
  const { keys, parts, explain } = plan;
  const startedAt = startRun(explain.stats);
  try {
    // Rows and their key values by column, sorted as an index array: no object per row.
    const rows: Row[] = [];
    const columns: SqlValue[][] = keys.map(() => []);
    for await (const batch of input) {
      if (parts.length > 0) await prepareParts(parts, batch);
      for (const row of batch) {
        for (let k = 0; k < keys.length; k++) columns[k]!.push(keys[k]!.expr.evaluate(row));
        rows.push(row);
        if (rows.length % MEMORY_CHECK_INTERVAL === 0) checkMemory(session);
      }
    }
    const order = Array.from({ length: rows.length }, (_, i) => i);
    // Array.prototype.sort is stable: ties keep their input order.
    order.sort(columnComparator(keys, columns, session.warnings));
    explain.stats.rows += rows.length;
    for (let i = 0; i < order.length; i += BATCH_ROWS) yield order.slice(i, i + BATCH_ROWS).map((at) => rows[at]!);
  } finally {
    endRun(explain.stats, startedAt);
  }
}
