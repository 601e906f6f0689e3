// memTableScanExec: an information_schema table's rows, computed when the query reads them.
import type { ExecutionContext } from '../execution-context.js';
import { systemTableRows } from '../infoschema/information-schema.js';
import type { MemTableScanPlan } from '../planner/physical-plan.js';
import type { Exec } from './exec.js';

/** Each read sees the catalog and the sessions as they are then; WHERE is applied above it like any other filter. */
export async function* memTableScanExec(plan: MemTableScanPlan, session: ExecutionContext): Exec {
  const { explain } = plan;
  explain.stats.loops++;
  const rows = systemTableRows(plan.table, plan.catalog, session);
  explain.stats.rows += rows.length;
  if (rows.length > 0) yield rows;
  return Promise.resolve();
}
