// sortExec: TiDB's Sort: reads its whole input and hands it on in key order (below a Window operator).
import type { ExecutionContext } from '../execution-context.js';
import { MEMORY_CHECK_INTERVAL, checkMemory } from '../memory-guard.js';
import { endRun, startRun } from '../planner/operator-plan.js';
import type { SortPlan } from '../planner/physical-plan.js';
import type { Row, SqlValue } from '../types/index.js';
import type { Exec } from './exec.js';
import { prepareParts } from './prepare-parts.js';
import { compareSortKeys } from './sort-keys.js';

/** The batch size rows are handed on in. */
const BATCH_ROWS = 1024;

/**
 * Sorts `input` (the plan's input, built) stably. The rows are held in memory under the memory guard: a sort that
 * would fill the heap fails with the guard's error instead of taking the server down.
 */
export async function* sortExec(plan: SortPlan, input: Exec, session: ExecutionContext): Exec {
  const { keys, parts, explain } = plan;
  const warnings = session.warnings;
  const startedAt = startRun(explain.stats);
  try {
    const kept: { row: Row; values: SqlValue[] }[] = [];
    for await (const batch of input) {
      if (parts.length > 0) await prepareParts(parts, batch);
      for (const row of batch) {
        const values = new Array<SqlValue>(keys.length);
        for (let i = 0; i < keys.length; i++) values[i] = keys[i]!.expr.evaluate(row);
        kept.push({ row, values });
        if (kept.length % MEMORY_CHECK_INTERVAL === 0) checkMemory();
      }
    }
    kept.sort((a, b) => compareSortKeys(a.values, b.values, keys, warnings));
    explain.stats.rows += kept.length;
    for (let i = 0; i < kept.length; i += BATCH_ROWS) yield kept.slice(i, i + BATCH_ROWS).map((entry) => entry.row);
  } finally {
    endRun(explain.stats, startedAt);
  }
}
