// jsonTableExec: JSON_TABLE standing first in FROM, its rows computed from its document when read.
import type { ExecutionContext } from '../execution-context.js';
import type { JsonTablePlan } from '../planner/physical-plan.js';
import type { Exec } from './exec.js';

/** Hands on the table's rows as one batch. */
export async function* jsonTableExec(plan: JsonTablePlan, session: ExecutionContext): Exec {
  const { explain } = plan;
  explain.stats.loops++;
  const rows = plan.rows(session.warnings);
  explain.stats.rows += rows.length;
  if (rows.length > 0) yield rows;
  return Promise.resolve();
}
