// executeUpdate / executeDelete: UPDATE and DELETE, planned by the planner (planUpdate, planMultiUpdate, …) and run
// by runWrite; a multi-table statement is planned when it runs, so EXPLAIN shows only its write operator.
import type { DeleteStmt, UpdateStmt } from '../ast/index.js';
import type { Catalog } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import type { StatementParams } from '../expression/index.js';
import { planMultiDelete, planMultiUpdate } from '../planner/plan-multi-table-write.js';
import { planDelete, planUpdate, writeExplain } from '../planner/plan-update.js';
import type { OkResult } from '../statement-result.js';
import { runWrite, timedWrite } from './run-write.js';
import type { PlannedWrite } from './run-write.js';
import { planContext } from './select-executor.js';

/** Runs UPDATE. Affected rows are the rows actually changed (matched with CLIENT_FOUND_ROWS). */
export async function executeUpdate(stmt: UpdateStmt, catalog: Catalog, session: ExecutionContext, params?: StatementParams): Promise<OkResult> {
  return buildUpdate(stmt, catalog, session, params).run();
}

/** Plans UPDATE: TiDB's `Update` over the read of the rows it changes (multi-table: the `Update` operator only). */
export function buildUpdate(stmt: UpdateStmt, catalog: Catalog, session: ExecutionContext, params?: StatementParams): PlannedWrite {
  const context = planContext(catalog, session, params);
  if (stmt.tables.length !== 1 || stmt.tables[0]?.kind !== 'TableNameRef') {
    const explain = writeExplain('Update', undefined);
    return { plan: explain, run: () => timedWrite(explain, async () => runWrite(await planMultiUpdate(stmt, context), session)) };
  }
  const plan = planUpdate(stmt, context);
  return { plan: plan.explain, run: () => timedWrite(plan.explain, () => runWrite(plan, session)) };
}

/** Runs DELETE. */
export async function executeDelete(stmt: DeleteStmt, catalog: Catalog, session: ExecutionContext, params?: StatementParams): Promise<OkResult> {
  return buildDelete(stmt, catalog, session, params).run();
}

/** Plans DELETE: TiDB's `Delete` over the read of the rows it removes (multi-table: the `Delete` operator only). */
export function buildDelete(stmt: DeleteStmt, catalog: Catalog, session: ExecutionContext, params?: StatementParams): PlannedWrite {
  const context = planContext(catalog, session, params);
  if (stmt.from) {
    const explain = writeExplain('Delete', undefined);
    return { plan: explain, run: () => timedWrite(explain, async () => runWrite(await planMultiDelete(stmt, context), session)) };
  }
  const plan = planDelete(stmt, context);
  return { plan: plan.explain, run: () => timedWrite(plan.explain, () => runWrite(plan, session)) };
}
