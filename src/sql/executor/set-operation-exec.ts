// setOperationExec: UNION / INTERSECT / EXCEPT [ALL|DISTINCT] over both inputs read into memory.
import { distinctKey } from '../expression/index.js';
import type { SetOperationPlan } from '../planner/physical-plan.js';
import type { FieldType, Row } from '../types/index.js';
import type { Exec } from './exec.js';

/**
 * Combines `left` and `right` (the plan's inputs, built). The ALL forms keep multiplicities as MySQL 8.0.31 does
 * (INTERSECT ALL: the smaller count; EXCEPT ALL: the difference of counts).
 */
export async function* setOperationExec(plan: SetOperationPlan, left: Exec, right: Exec): Exec {
  const { operators } = plan;
  const startedAt = performance.now();
  const leftRows: Row[] = [];
  for await (const batch of left) for (const row of batch) leftRows.push(row);
  const rightRows: Row[] = [];
  for await (const batch of right) for (const row of batch) rightRows.push(row);
  const rows = combineRows(plan.op, plan.isAll, leftRows, rightRows, plan.types);
  const elapsed = performance.now() - startedAt;
  for (const node of operators.nodes) {
    node.stats.loops++;
    node.stats.timeMs += elapsed;
    node.stats.rows += node === operators.concat ? leftRows.length + rightRows.length : rows.length;
  }
  if (rows.length > 0) yield rows;
}

function combineRows(op: SetOperationPlan['op'], isAll: boolean, left: readonly Row[], right: readonly Row[], types: readonly FieldType[]): Row[] {
  const keyOf = (row: Row): string => distinctKey(row, types);
  const distinct = (rows: readonly Row[]): Row[] => {
    const seen = new Set<string>();
    return rows.filter((row) => {
      const key = keyOf(row);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };
  if (op === 'UNION') return isAll ? [...left, ...right] : distinct([...left, ...right]);
  const counts = new Map<string, number>();
  for (const row of right) counts.set(keyOf(row), (counts.get(keyOf(row)) ?? 0) + 1);
  const kept = left.filter((row) => {
    const key = keyOf(row);
    const count = counts.get(key) ?? 0;
    if (op === 'INTERSECT') {
      if (count === 0) return false;
      if (isAll) counts.set(key, count - 1);
      return true;
    }
    if (count === 0) return true;
    if (isAll) counts.set(key, count - 1);
    return false;
  });
  return isAll ? kept : distinct(kept);
}
