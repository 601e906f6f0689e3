// executeUpdate / executeDelete: single-table UPDATE and DELETE (also through updatable views) with WHERE, ORDER BY
// and LIMIT, planned first so that EXPLAIN shows what runs; the multi-table forms are in multi-table-write.ts.
import type { StatementParams } from '../expression/index.js';
import { mysqlError, ER_BAD_NULL_ERROR, ER_NONUPDATEABLE_COLUMN } from '../../errors/index.js';
import type { DeleteStmt, TableName, UpdateStmt } from '../ast/index.js';
import type { Catalog } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { compileExpr } from '../expression/index.js';
import type { AsyncPart } from '../expression/index.js';
import { endRun, operatorPlan, startRun } from '../planner/operator-plan.js';
import type { OperatorPlan } from '../planner/operator-plan.js';
import type { OkResult } from '../statement-result.js';
import { TableRows } from '../table/table-rows.js';
import { coerceToColumn } from '../types/index.js';
import { checkTargetNotRead } from './check-target-not-read.js';
import type { WriteTargetName } from './check-target-not-read.js';
import { collectMatchingRows, planMatchingRows } from './collect-matching-rows.js';
import { executeMultiDelete, executeMultiUpdate } from './multi-table-write.js';
import { prepareParts } from './prepare-parts.js';
import { currentTimestampFor } from './column-defaults.js';
import { rowChanged } from './row-changed.js';
import { writeCompileContext } from './write-compile-context.js';
import { checkViewOptions, resolveWriteTarget } from './write-target.js';
import type { WriteTarget } from './write-target.js';
import { currentDateTime, sessionTimeZone } from '../timezone/session-time-zone.js';

/** A planned write statement: the plan EXPLAIN shows, and running it (once). */
export interface PlannedWrite {
  readonly plan: OperatorPlan;
  run(): Promise<OkResult>;
}

/** Runs UPDATE. Affected rows are the rows actually changed (matched with CLIENT_FOUND_ROWS). */
export async function executeUpdate(stmt: UpdateStmt, catalog: Catalog, session: ExecutionContext, params?: StatementParams): Promise<OkResult> {
  return planUpdate(stmt, catalog, session, params).run();
}

/**
 * Plans UPDATE: TiDB's `Update` over the read of the rows it changes. A multi-table UPDATE shows only the `Update`
 * operator (its join is planned when it runs).
 */
export function planUpdate(stmt: UpdateStmt, catalog: Catalog, session: ExecutionContext, params?: StatementParams): PlannedWrite {
  const ref = stmt.tables[0];
  if (stmt.tables.length !== 1 || ref?.kind !== 'TableNameRef') {
    const plan = writePlan('Update', undefined);
    return { plan, run: () => timedWrite(plan, () => executeMultiUpdate(stmt, catalog, session, params)) };
  }
  const target = resolveWriteTarget(ref.table, ref.alias, 'UPDATE', catalog, session, params, stmt.where);
  const table = target.table;
  checkTargetNotRead([stmt.where, ...stmt.assignments.map((a) => a.value), ...(stmt.orderBy ?? []).map((item) => item.expr)], targetNames(target, ref.table, ref.alias, session), session);
  const assignments = stmt.assignments.map((assignment) => {
    const offset = target.scope.resolve(assignment.column, 'field list');
    const baseOffset = target.baseOffsets[offset];
    if (baseOffset === undefined) throw mysqlError(ER_NONUPDATEABLE_COLUMN, assignment.column.column);
    const parts: AsyncPart[] = [];
    const value = compileExpr(assignment.value, writeCompileContext(target.scope, 'field list', catalog, session, params, parts));
    return { offset, column: table.columns[baseOffset]!, value, parts };
  });
  const matching = planMatchingRows(target, ref.alias, stmt);
  const plan = writePlan('Update', matching.top);
  const run = async (): Promise<OkResult> => {
    const rows = new TableRows(await session.transaction(), table, session, sessionTimeZone(session));
    const matched = await collectMatchingRows(rows, target, matching, stmt, catalog, session, params);
    // InnoDB locks every matched row, also those the assignments leave unchanged.
    await rows.lockHandles(matched.map((item) => item.entry.handle), 'exclusive');
    const isStrict = session.isStrictMode && !stmt.isIgnore;
    // MySQL evaluates assignments left to right, each seeing the columns already assigned; one assignment at a time
    // over all rows lets its subqueries be prepared for the rows as they are at that point.
    const visible = matched.map((item) => [...item.visible]);
    const stored = matched.map((item) => [...item.entry.row]);
    for (const { offset, column, value, parts } of assignments) {
      if (parts.length > 0) await prepareParts(parts, visible);
      for (let i = 0; i < visible.length; i++) {
        const next = coerceToColumn(value.evaluate(visible[i]!), column.type, { columnName: column.name, rowNumber: i + 1, isStrict, warnings: session.warnings });
        if (next === null && column.isNotNull) throw mysqlError(ER_BAD_NULL_ERROR, column.name);
        visible[i]![offset] = next;
        stored[i]![column.offset] = next;
      }
    }
    const now = currentDateTime(session, 6);
    let changed = 0n;
    for (let i = 0; i < matched.length; i++) {
      const { handle, row } = matched[i]!.entry;
      const next = stored[i]!;
      if (!rowChanged(row, next, session)) continue;
      for (const column of table.columns) {
        if (column.onUpdateCurrentTimestamp && !assignments.some((a) => a.column.offset === column.offset)) next[column.offset] = currentTimestampFor(column, now);
      }
      if (target.levels.length > 0) await checkViewOptions(target, next, session);
      const newHandle = table.handleColumnOffset === undefined ? handle : (next[table.handleColumnOffset] as bigint);
      await rows.update(handle, row, newHandle, next);
      changed++;
    }
    const affected = session.isFoundRowsMode ? BigInt(matched.length) : changed;
    return { kind: 'ok', affectedRows: affected, lastInsertId: 0n, info: `Rows matched: ${matched.length}  Changed: ${changed}  Warnings: ${session.warningCount}` };
  };
  return { plan, run: () => timedWrite(plan, run) };
}

/** Runs DELETE. */
export async function executeDelete(stmt: DeleteStmt, catalog: Catalog, session: ExecutionContext, params?: StatementParams): Promise<OkResult> {
  return planDelete(stmt, catalog, session, params).run();
}

/** Plans DELETE: TiDB's `Delete` over the read of the rows it removes (multi-table: the `Delete` operator only). */
export function planDelete(stmt: DeleteStmt, catalog: Catalog, session: ExecutionContext, params?: StatementParams): PlannedWrite {
  if (stmt.from) {
    const plan = writePlan('Delete', undefined);
    return { plan, run: () => timedWrite(plan, () => executeMultiDelete(stmt, catalog, session, params)) };
  }
  const name = stmt.targets[0]!;
  const target = resolveWriteTarget(name, stmt.alias, 'DELETE', catalog, session, params, stmt.where);
  checkTargetNotRead([stmt.where, ...(stmt.orderBy ?? []).map((item) => item.expr)], targetNames(target, name, stmt.alias, session), session);
  const matching = planMatchingRows(target, stmt.alias, stmt);
  const plan = writePlan('Delete', matching.top);
  const run = async (): Promise<OkResult> => {
    const rows = new TableRows(await session.transaction(), target.table, session, sessionTimeZone(session));
    const matched = await collectMatchingRows(rows, target, matching, stmt, catalog, session, params);
    await rows.lockHandles(matched.map((item) => item.entry.handle), 'exclusive');
    for (const { entry } of matched) await rows.delete(entry.handle, entry.row);
    return { kind: 'ok', affectedRows: BigInt(matched.length), lastInsertId: 0n, info: '' };
  };
  return { plan, run: () => timedWrite(plan, run) };
}

/** The tables a subquery of the statement must not read: the named table or view, and a view's base table. */
function targetNames(target: WriteTarget, name: TableName, alias: string | undefined, session: ExecutionContext): WriteTargetName[] {
  const shownAs = alias ?? name.name;
  const names: WriteTargetName[] = [{ databaseName: target.databaseName, tableName: target.table.name, shownAs }];
  if (target.isView) names.push({ databaseName: name.db ?? session.currentDatabase ?? '', tableName: name.name, shownAs });
  return names;
}

/** A write operator as TiDB shows it: no row estimate and no operator info (`N/A`). */
export function writePlan(operator: string, input: OperatorPlan | undefined): OperatorPlan {
  return operatorPlan(operator, undefined, input ? [input] : [], () => 'N/A');
}

/** Runs a write and records its time in the write operator's stats. */
export async function timedWrite(plan: OperatorPlan, run: () => Promise<OkResult>): Promise<OkResult> {
  const startedAt = startRun(plan.stats);
  try {
    return await run();
  } finally {
    endRun(plan.stats, startedAt);
  }
}
