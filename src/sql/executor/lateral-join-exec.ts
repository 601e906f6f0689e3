// lateralJoinExec: TiDB's Apply for a LATERAL derived table: the derived table run for each row of the left input.
import type { ExecutionContext } from '../execution-context.js';
import { distinctKeyOfRow } from '../expression/index.js';
import { endRun, startRun } from '../planner/operator-plan.js';
import type { LateralJoinPlan } from '../planner/physical-plan.js';
import { toBoolean } from '../types/index.js';
import type { Row, SqlValue } from '../types/index.js';
import type { Exec } from './exec.js';

/**
 * Joins `left` (the plan's left input, built) with the derived table's rows for each of its rows. Results are kept
 * per distinct left row, and once for all when a run did not read the left row at all.
 */
export async function* lateralJoinExec(plan: LateralJoinPlan, left: Exec, session: ExecutionContext): Exec {
  const { binding, condition, joinKind, explain } = plan;
  const warnings = session.warnings;
  const padding = new Array<SqlValue>(plan.right.scope.columns.length).fill(null);
  const results = new Map<string, Row[]>();
  let shared: Row[] | undefined;
  const startedAt = startRun(explain.stats);
  try {
    for await (const batch of left) {
      const out: Row[] = [];
      for (const row of batch) {
        let rows = shared;
        if (!rows) {
          const key = distinctKeyOfRow(row);
          rows = results.get(key);
          if (!rows) {
            binding.current = row;
            binding.wasRead = false;
            rows = await plan.run();
            if (!binding.wasRead && results.size === 0) shared = rows;
            else results.set(key, rows);
          }
        }
        let isMatched = false;
        for (const inner of rows) {
          const joined = row.concat(inner);
          if (condition && toBoolean(condition.evaluate(joined), warnings) !== true) continue;
          out.push(joined);
          isMatched = true;
        }
        if (!isMatched && joinKind === 'left') out.push(row.concat(padding));
      }
      explain.stats.rows += out.length;
      if (out.length > 0) yield out;
    }
  } finally {
    endRun(explain.stats, startedAt);
  }
}
