// executeUpdate / executeDelete: single-table UPDATE and DELETE with WHERE, ORDER BY and LIMIT.
import { mysqlError, ER_BAD_FIELD_ERROR, ER_NOT_SUPPORTED_YET, ER_BAD_NULL_ERROR } from '../../errors/index.js';
import type { DeleteStmt, UpdateStmt } from '../ast/index.js';
import type { Catalog } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { compileExpr } from '../expression/index.js';
import type { CompileContext } from '../expression/index.js';
import type { OkResult } from '../statement-result.js';
import { TableRows } from '../table/table-rows.js';
import { MysqlDateTime, coerceToColumn, compareValues } from '../types/index.js';
import type { SqlValue } from '../types/index.js';
import { collectMatchingRows, planMatchingRows } from './collect-matching-rows.js';
import type { MatchingRowsPlan } from './collect-matching-rows.js';
import type { ColumnInfo, TableInfo } from '../catalog/index.js';
import type { CompiledExpr } from '../expression/index.js';
import { endRun, operatorPlan, startRun } from '../planner/operator-plan.js';
import type { OperatorPlan } from '../planner/operator-plan.js';
import { resolveTable } from './resolve-table.js';
import { tableScope } from './table-scope.js';

/** A planned write statement: the plan EXPLAIN shows, and running it (once). */
export interface PlannedWrite {
  readonly plan: OperatorPlan;
  run(): Promise<OkResult>;
}

/** Runs a single-table UPDATE. Affected rows are the rows actually changed (matched with CLIENT_FOUND_ROWS). */
export async function executeUpdate(stmt: UpdateStmt, catalog: Catalog, session: ExecutionContext, params?: readonly SqlValue[]): Promise<OkResult> {
  return planUpdate(stmt, catalog, session, params).run();
}

/** Plans a single-table UPDATE: TiDB's `Update` over the read of the rows it changes. */
export function planUpdate(stmt: UpdateStmt, catalog: Catalog, session: ExecutionContext, params?: readonly SqlValue[]): PlannedWrite {
  const ref = stmt.tables[0];
  if (stmt.tables.length !== 1 || ref?.kind !== 'TableNameRef') throw mysqlError(ER_NOT_SUPPORTED_YET, 'multi-table UPDATE');
  const { table, databaseName } = resolveTable(ref.table, catalog, session);
  const context: CompileContext = { scope: tableScope(table, databaseName, ref.alias), clause: 'field list', session, ...(params ? { params } : {}) };
  const assignments = stmt.assignments.map((assignment) => {
    const offset = context.scope.resolve(assignment.column, 'field list');
    if (offset < 0) throw mysqlError(ER_BAD_FIELD_ERROR, assignment.column.column, 'field list');
    return { column: table.columns[offset]!, value: compileExpr(assignment.value, context) };
  });
  const matching = planMatchingRows(table, ref.alias, stmt, context);
  const plan = writePlan('Update', matching.top);
  return { plan, run: () => timedWrite(plan, () => runUpdate(stmt, table, assignments, matching, context, session)) };
}

async function runUpdate(
  stmt: UpdateStmt,
  table: TableInfo,
  assignments: readonly { column: ColumnInfo; value: CompiledExpr }[],
  matching: MatchingRowsPlan,
  context: CompileContext,
  session: ExecutionContext,
): Promise<OkResult> {
  const rows = new TableRows(await session.transaction(), table, session);
  const matched = await collectMatchingRows(rows, matching, stmt, context, session);
  // InnoDB locks every matched row, also those the assignments leave unchanged.
  await rows.lockHandles(matched.map((entry) => entry.handle), 'exclusive');
  const isStrict = session.isStrictMode && !stmt.isIgnore;
  const now = MysqlDateTime.now();
  let changed = 0n;
  let rowNumber = 0;
  for (const { handle, row } of matched) {
    rowNumber++;
    const next = [...row];
    // MySQL evaluates assignments left to right, each seeing the columns already assigned.
    for (const { column, value } of assignments) {
      const stored = coerceToColumn(value.evaluate(next), column.type, { columnName: column.name, rowNumber, isStrict, warnings: session.warnings });
      if (stored === null && column.isNotNull) throw mysqlError(ER_BAD_NULL_ERROR, column.name);
      next[column.offset] = stored;
    }
    if (!rowChanged(row, next, session)) continue;
    for (const column of table.columns) {
      if (column.onUpdateCurrentTimestamp && !assignments.some((a) => a.column.offset === column.offset)) next[column.offset] = now;
    }
    const newHandle = table.handleColumnOffset === undefined ? handle : (next[table.handleColumnOffset] as bigint);
    await rows.update(handle, row, newHandle, next);
    changed++;
  }
  const affected = session.isFoundRowsMode ? BigInt(matched.length) : changed;
  return { kind: 'ok', affectedRows: affected, lastInsertId: 0n, info: `Rows matched: ${matched.length}  Changed: ${changed}  Warnings: ${session.warningCount}` };
}

function rowChanged(before: readonly SqlValue[], after: readonly SqlValue[], session: ExecutionContext): boolean {
  for (let i = 0; i < before.length; i++) {
    const a = before[i] ?? null;
    const b = after[i] ?? null;
    if (a === null || b === null) {
      if (a !== b) return true;
    } else if (compareValues(a, b, 'binary', session.warnings) !== 0) {
      return true;
    }
  }
  return false;
}

/** Runs a single-table DELETE. */
export async function executeDelete(stmt: DeleteStmt, catalog: Catalog, session: ExecutionContext, params?: readonly SqlValue[]): Promise<OkResult> {
  return planDelete(stmt, catalog, session, params).run();
}

/** Plans a single-table DELETE: TiDB's `Delete` over the read of the rows it removes. */
export function planDelete(stmt: DeleteStmt, catalog: Catalog, session: ExecutionContext, params?: readonly SqlValue[]): PlannedWrite {
  const target = stmt.targets[0];
  if (stmt.from || stmt.targets.length !== 1 || !target) throw mysqlError(ER_NOT_SUPPORTED_YET, 'multi-table DELETE');
  const { table, databaseName } = resolveTable(target, catalog, session);
  const context: CompileContext = { scope: tableScope(table, databaseName, stmt.alias), clause: 'where clause', session, ...(params ? { params } : {}) };
  const matching = planMatchingRows(table, stmt.alias, stmt, context);
  const plan = writePlan('Delete', matching.top);
  const run = async (): Promise<OkResult> => {
    const rows = new TableRows(await session.transaction(), table, session);
    const matched = await collectMatchingRows(rows, matching, stmt, context, session);
    await rows.lockHandles(matched.map((entry) => entry.handle), 'exclusive');
    for (const { handle, row } of matched) await rows.delete(handle, row);
    return { kind: 'ok', affectedRows: BigInt(matched.length), lastInsertId: 0n, info: '' };
  };
  return { plan, run: () => timedWrite(plan, run) };
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
