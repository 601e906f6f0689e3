// tableDualExec: rows already in memory (SELECT without FROM, a recursive CTE's result).
import type { TableDualPlan } from '../planner/physical-plan.js';
import type { Exec } from './exec.js';

/** Hands on the plan's rows as one batch. */
export async function* tableDualExec(plan: TableDualPlan): Exec {
  const { rows, explain } = plan;
  explain.stats.loops++;
  explain.stats.rows += rows.length;
  if (rows.length > 0) yield [...rows];
  return Promise.resolve();
}
