// hashJoinExec: INNER/CROSS/LEFT joins: the right input read once per execution and hashed on the equality keys the
// planner found, or looped over when there are none.
import type { ExecutionContext } from '../execution-context.js';
import { checkMemory } from '../memory-guard.js';
import { endRun, startRun } from '../planner/operator-plan.js';
import type { HashJoinPlan } from '../planner/physical-plan.js';
import { toBoolean } from '../types/index.js';
import type { Row, SqlValue } from '../types/index.js';
import type { Exec } from './exec.js';
import { hashRows, nestedLoopRows, probeRows, rebatch } from './hash-rows.js';

/** Joins `left` and `right` (the plan's inputs, built); output rows are left columns then right columns. */
export async function* hashJoinExec(plan: HashJoinPlan, left: Exec, right: Exec, session: ExecutionContext): Exec {
  const { keys, residual, joinKind: kind, explain } = plan;
  const warnings = session.warnings;
  const rightWidth = plan.right.scope.columns.length;
  const matches = (row: Row): boolean => !residual || toBoolean(residual.evaluate(row), warnings) === true;
  const startedAt = startRun(explain.stats);
  try {
    const inner: Row[] = [];
    for await (const batch of right) {
      for (const row of batch) inner.push(row);
      checkMemory(session);
    }
    const table =
      keys.length > 0
        ? hashRows(
            inner,
            keys.map((key) => key.right),
            keys.map((key) => key.right.type),
          )
        : undefined;
    const leftTypes = keys.map((key) => key.right.type);
    const nulls: SqlValue[] = new Array<SqlValue>(rightWidth).fill(null);
    for await (const batch of left) {
      const padding = kind === 'left' ? nulls : undefined;
      const joined = table
        ? probeRows(
            batch,
            table,
            keys.map((key) => key.left),
            leftTypes,
            matches,
            padding,
          )
        : nestedLoopRows(batch, inner, matches, padding);
      yield* rebatch(joined, explain);
    }
  } finally {
    endRun(explain.stats, startedAt);
  }
}
