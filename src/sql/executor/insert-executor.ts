// executeInsert: INSERT/REPLACE, planned by planInsert (planner) and run by runWrite.
import type { InsertStmt } from '../ast/index.js';
import type { AutoIncrementAllocator, Catalog } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import type { StatementParams } from '../expression/index.js';
import { planInsert } from '../planner/plan-insert.js';
import type { OkResult } from '../statement-result.js';
import { runWrite, timedWrite } from './run-write.js';
import type { PlannedWrite } from './run-write.js';
import { planContext } from './select-executor.js';

/** Runs INSERT and REPLACE (see insertExec for how MySQL counts affected rows). */
export async function executeInsert(
  statement: InsertStmt,
  catalog: Catalog,
  allocator: AutoIncrementAllocator,
  session: ExecutionContext,
  params?: StatementParams,
): Promise<OkResult> {
  return (await buildInsert(statement, catalog, allocator, session, params)).run();
}

/** Plans INSERT/REPLACE (also through an insertable view): TiDB's `Insert`, over the plan of its SELECT when it has one. */
export async function buildInsert(
  statement: InsertStmt,
  catalog: Catalog,
  allocator: AutoIncrementAllocator,
  session: ExecutionContext,
  params?: StatementParams,
): Promise<PlannedWrite> {
  const plan = await planInsert(statement, allocator, planContext(catalog, session, params));
  return { plan: plan.explain, run: () => timedWrite(plan.explain, () => runWrite(plan, session)) };
}
