// insertExec: runs INSERT/REPLACE … VALUES | SET | SELECT, with IGNORE and ON DUPLICATE KEY UPDATE, as MySQL counts them.
import type { StatementParams } from '../expression/index.js';
import { MySqlError, mysqlError, ER_BAD_NULL_ERROR, ER_DUP_ENTRY, ER_WRONG_VALUE_COUNT_ON_ROW } from '../../errors/index.js';
import type { Assignment, ColumnRefExpr, Expr, InsertStmt } from '../ast/index.js';
import type { ColumnInfo, TableInfo } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { Scope, compileExpr, mapExpr } from '../expression/index.js';
import type { CompiledExpr } from '../expression/index.js';
import type { OutputPlan } from '../planner/physical-plan.js';
import { findColumn } from '../planner/plan-insert.js';
import type { InsertPlan } from '../planner/write-plan.js';
import type { OkResult } from '../statement-result.js';
import { TableRows } from '../table/table-rows.js';
import { tableScope } from '../table/table-scope.js';
import { coerceToColumn, compareValues, toInteger } from '../types/index.js';
import type { Row, SqlValue } from '../types/index.js';
import { collectRows } from './build-exec.js';
import { columnDefaultValue } from './column-defaults.js';
import { checkViewOptions } from './view-rows.js';
import { currentDateTime, sessionTimeZone } from '../timezone/session-time-zone.js';

/** The table alias under which ON DUPLICATE KEY UPDATE sees the proposed row (VALUES(col)); no SQL name can clash. */
const NEW_ROW_ALIAS = '\u0000new';

/**
 * Runs INSERT and REPLACE once. Tables without an integer primary key get row handles from the same allocator as
 * AUTO_INCREMENT, as TiDB's _tidb_rowid does. Affected rows follow MySQL: 1 per inserted row, REPLACE adds 1 per
 * deleted row, ON DUPLICATE KEY UPDATE counts 2 for a changed row and 0 for an unchanged one. The VALUES rows and
 * ON DUPLICATE KEY UPDATE are compiled here, for each execution.
 */
export async function insertExec(plan: InsertPlan): Promise<OkResult> {
  const { stmt, target: writeTarget, columns: targets, query, allocator, context } = plan;
  const { session, params } = context;
  const { table, databaseName } = writeTarget;
  const rows = await sourceRows(stmt, targets.length, query, session, params);
  const txn = await session.transaction();
  const tableRows = new TableRows(txn, table, session, sessionTimeZone(session));
  const now = currentDateTime(session, 6);
  const isStrict = session.isStrictMode && !stmt.isIgnore;
  const onDuplicate = stmt.onDuplicate ? compileOnDuplicate(stmt.onDuplicate, table, databaseName, session, params) : undefined;
  let firstGeneratedId: bigint | undefined;
  // The OK packet's insert id without a generated value: the last explicit AUTO_INCREMENT value stored (MySQL's
  // mysql_insert_id()); LAST_INSERT_ID() is left alone.
  let lastExplicitId: bigint | undefined;
  let affected = 0n;
  let duplicates = 0;
  for (let r = 0; r < rows.length; r++) {
    const values = rows[r]!;
    if (values.length !== targets.length) throw mysqlError(ER_WRONG_VALUE_COUNT_ON_ROW, r + 1);
    let explicitId: bigint | undefined;
    const given = new Map<number, SqlValue | undefined>();
    targets.forEach((column, i) => given.set(column.offset, values[i]));
    const row: Row = table.columns.map((column) => {
      const value = given.get(column.offset);
      return value === undefined ? columnDefaultValue(column, isStrict, session.warnings, now) : value;
    });
    for (const column of table.columns) {
      const store = { columnName: column.name, tableName: table.name, rowNumber: r + 1, isStrict, warnings: session.warnings };
      let value = coerceToColumn(row[column.offset] ?? null, column.type, store);
      if (column.isAutoIncrement) {
        if (value === null || value === 0n) {
          value = await allocator.next(table.id);
          firstGeneratedId ??= value;
        } else {
          explicitId = toInteger(value, session.warnings) ?? 0n;
          await allocator.rebase(table.id, explicitId);
        }
      }
      if (value === null && column.isNotNull) value = nullIntoNotNull(column, isStrict, session, rows.length);
      row[column.offset] = value;
    }
    const handle = table.handleColumnOffset === undefined ? await allocator.next(table.id) : (row[table.handleColumnOffset] as bigint);
    if (stmt.isReplace || onDuplicate) {
      const conflict = await tableRows.findConflict(handle, row);
      if (conflict && onDuplicate) {
        affected += await applyOnDuplicate(onDuplicate, tableRows, table, conflict, row, session, r + 1, isStrict);
        duplicates++;
        continue;
      }
      if (conflict) {
        // REPLACE deletes every row the new one collides with, then inserts it.
        for (let next: typeof conflict | undefined = conflict; next; next = await tableRows.findConflict(handle, row)) {
          await tableRows.delete(next.handle, next.row);
          affected++;
          duplicates++;
        }
      }
    }
    if (writeTarget.isView) await checkViewOptions(writeTarget, row, session);
    try {
      await tableRows.insert(handle, row);
      affected++;
      if (explicitId !== undefined) lastExplicitId = explicitId;
    } catch (error) {
      if (!(stmt.isIgnore && error instanceof MySqlError && error.code === ER_DUP_ENTRY.code)) throw error;
      session.warnings.warn(error);
      duplicates++;
    }
  }
  if (firstGeneratedId !== undefined) session.lastInsertId = firstGeneratedId;
  const info = rows.length > 1 || stmt.source.kind === 'select' ? `Records: ${rows.length}  Duplicates: ${duplicates}  Warnings: ${session.warningCount}` : '';
  return { kind: 'ok', affectedRows: affected, lastInsertId: firstGeneratedId ?? lastExplicitId ?? 0n, info };
}



/** The value rows: evaluated VALUES/SET expressions (undefined marks DEFAULT), or a SELECT's rows. */
async function sourceRows(stmt: InsertStmt, width: number, query: OutputPlan | undefined, session: ExecutionContext, params?: StatementParams): Promise<(SqlValue | undefined)[][]> {
  const context = { scope: Scope.empty, clause: 'field list' as const, session, ...(params ? { params } : {}) };
  const evaluate = (exprs: readonly Expr[]): (SqlValue | undefined)[] => exprs.map((expr) => (expr.kind === 'DefaultExpr' ? undefined : compileExpr(expr, context).evaluate([])));
  switch (stmt.source.kind) {
    case 'set':
      return [evaluate(stmt.source.assignments.map((assignment) => assignment.value))];
    case 'values':
      return stmt.source.rows.map((row) => (row.length === 0 && width === 0 ? [] : evaluate(row)));
    case 'select': {
      if (query!.columns.length !== width) throw mysqlError(ER_WRONG_VALUE_COUNT_ON_ROW, 1);
      return collectRows(query!, session);
    }
  }
}

interface CompiledOnDuplicate {
  readonly assignments: readonly { readonly column: ColumnInfo; readonly value: CompiledExpr }[];
}

/** ON DUPLICATE KEY UPDATE assignments, compiled over (existing row, proposed row) with VALUES(col) → proposed. */
function compileOnDuplicate(assignments: readonly Assignment[], table: TableInfo, databaseName: string, session: ExecutionContext, params?: StatementParams): CompiledOnDuplicate {
  const existing = tableScope(table, databaseName);
  const proposed = tableScope(table, databaseName, NEW_ROW_ALIAS);
  const scope = new Scope([...existing.columns, ...proposed.columns.map((column) => ({ ...column, isHidden: true }))]);
  const context = { scope, clause: 'field list' as const, session, ...(params ? { params } : {}) };
  return {
    assignments: assignments.map((assignment) => {
      const column = findColumn(table, assignment.column.column);
      const value = mapExpr(assignment.value, (node) => {
        if (node.kind !== 'FuncCallExpr' || node.name.toUpperCase() !== 'VALUES' || node.args[0]?.kind !== 'ColumnRefExpr') return undefined;
        const ref: ColumnRefExpr = { kind: 'ColumnRefExpr', table: NEW_ROW_ALIAS, column: node.args[0].column };
        return ref;
      });
      return { column, value: compileExpr(value, context) };
    }),
  };
}

async function applyOnDuplicate(
  onDuplicate: CompiledOnDuplicate,
  rows: TableRows,
  table: TableInfo,
  conflict: { handle: bigint; row: Row },
  proposed: Row,
  session: ExecutionContext,
  rowNumber: number,
  isStrict: boolean,
): Promise<bigint> {
  const next = [...conflict.row];
  for (const { column, value } of onDuplicate.assignments) {
    const stored = coerceToColumn(value.evaluate([...next, ...proposed]), column.type, { columnName: column.name, rowNumber, isStrict, warnings: session.warnings });
    if (stored === null && column.isNotNull) throw mysqlError(ER_BAD_NULL_ERROR, column.name);
    next[column.offset] = stored;
  }
  const isChanged = next.some((value, i) => {
    const before = conflict.row[i] ?? null;
    if (value === null || before === null) return value !== before;
    return compareValues(value, before, 'binary', session.warnings) !== 0;
  });
  if (!isChanged) return session.isFoundRowsMode ? 1n : 0n;
  const newHandle = table.handleColumnOffset === undefined ? conflict.handle : (next[table.handleColumnOffset] as bigint);
  await rows.update(conflict.handle, conflict.row, newHandle, next);
  return 2n;
}


/**
 * NULL into a NOT NULL column: an error for a single-row insert or in strict mode; otherwise MySQL stores the
 * implicit default and warns.
 */
function nullIntoNotNull(column: ColumnInfo, isStrict: boolean, session: ExecutionContext, rowCount: number): SqlValue {
  const error = mysqlError(ER_BAD_NULL_ERROR, column.name);
  if (isStrict || rowCount === 1) throw error;
  session.warnings.warn(error);
  const kind = column.type.kind;
  return kind.endsWith('char') || kind.endsWith('text') ? '' : 0n;
}
