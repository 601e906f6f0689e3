// indexJoinExec: TiDB's IndexJoin: for each batch of outer rows, fetch only the inner rows whose key matches (point
// gets or index prefix scans) and join the batch with them.
import type { ExecutionContext } from '../execution-context.js';
import { endRun, startRun } from '../planner/operator-plan.js';
import type { IndexJoinPlan } from '../planner/physical-plan.js';
import { toBoolean } from '../types/index.js';
import type { Row, SqlValue } from '../types/index.js';
import type { Exec } from './exec.js';
import { hashRows, probeRows, rebatch } from './hash-rows.js';
import { fetchByKeys } from './key-lookup.js';

/** Joins each batch of `outer` with the inner rows fetched for its key values. */
export async function* indexJoinExec(plan: IndexJoinPlan, outer: Exec, session: ExecutionContext): Exec {
  const { keys, lookupKey, lookup, residual, joinKind: kind, explain } = plan;
  const inner = lookup.explain;
  const warnings = session.warnings;
  const matches = (row: Row): boolean => !residual || toBoolean(residual.evaluate(row), warnings) === true;
  const types = keys.map((key) => key.right.type);
  const startedAt = startRun(explain.stats);
  const nulls: SqlValue[] = new Array<SqlValue>(plan.innerWidth).fill(null);
  try {
    for await (const batch of outer) {
      const fetched = await fetchByKeys(lookup, batch.map((row) => lookupKey.left.evaluate(row)), session);
      inner.stats.rows += fetched.length;
      inner.stats.loops++;
      const table = hashRows(
        fetched,
        keys.map((key) => key.right),
        types,
      );
      yield* rebatch(
        probeRows(
          batch,
          table,
          keys.map((key) => key.left),
          types,
          matches,
          kind === 'left' ? nulls : undefined,
        ),
        explain,
      );
    }
  } finally {
    endRun(explain.stats, startedAt);
  }
}
