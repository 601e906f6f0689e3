// executeInsert: INSERT [IGNORE] … VALUES / SET, with defaults, AUTO_INCREMENT, type coercion and unique checks.
import {
  MySqlError,
  mysqlError,
  ER_BAD_FIELD_ERROR,
  ER_BAD_NULL_ERROR,
  ER_DUP_ENTRY,
  ER_FIELD_SPECIFIED_TWICE,
  ER_NOT_SUPPORTED_YET,
  ER_WRONG_VALUE_COUNT_ON_ROW,
} from '../../errors/index.js';
import type { Expr, InsertStmt } from '../ast/index.js';
import type { AutoIncrementAllocator, Catalog, ColumnInfo, TableInfo } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { Scope, compileExpr } from '../expression/index.js';
import type { OkResult } from '../statement-result.js';
import { TableRows } from '../table/table-rows.js';
import { MysqlDateTime, coerceToColumn, toInteger } from '../types/index.js';
import type { Row, SqlValue } from '../types/index.js';
import { columnDefaultValue } from './column-defaults.js';
import { resolveTable } from './resolve-table.js';

/**
 * Runs INSERT with VALUES or SET. Tables without an integer primary key get row handles from the same allocator as
 * AUTO_INCREMENT, as TiDB's _tidb_rowid does. INSERT … SELECT, REPLACE and ON DUPLICATE KEY UPDATE come later.
 */
export async function executeInsert(
  stmt: InsertStmt,
  catalog: Catalog,
  allocator: AutoIncrementAllocator,
  session: ExecutionContext,
  params?: readonly SqlValue[],
): Promise<OkResult> {
  if (stmt.isReplace) throw mysqlError(ER_NOT_SUPPORTED_YET, 'REPLACE');
  if (stmt.onDuplicate) throw mysqlError(ER_NOT_SUPPORTED_YET, 'ON DUPLICATE KEY UPDATE');
  if (stmt.source.kind === 'select') throw mysqlError(ER_NOT_SUPPORTED_YET, 'INSERT … SELECT');
  const { table } = resolveTable(stmt.table, catalog, session);
  const { targets, rows } = insertShape(stmt, table);
  const context = { scope: Scope.empty, clause: 'field list' as const, session, ...(params ? { params } : {}) };
  const txn = await session.transaction();
  const tableRows = new TableRows(txn, table);
  const now = MysqlDateTime.now();
  const isStrict = session.isStrictMode && !stmt.isIgnore;
  let firstGeneratedId: bigint | undefined;
  let inserted = 0n;
  let duplicates = 0;
  for (let r = 0; r < rows.length; r++) {
    const exprs = rows[r]!;
    if (exprs.length !== targets.length) throw mysqlError(ER_WRONG_VALUE_COUNT_ON_ROW, r + 1);
    const given = new Map<number, SqlValue>();
    exprs.forEach((expr, i) => {
      if (expr.kind !== 'DefaultExpr') given.set(targets[i]!.offset, compileExpr(expr, context).evaluate([]));
    });
    const row: Row = table.columns.map((column) =>
      given.has(column.offset) ? given.get(column.offset)! : columnDefaultValue(column, isStrict, session.warnings, now),
    );
    for (const column of table.columns) {
      const store = { columnName: column.name, rowNumber: r + 1, isStrict, warnings: session.warnings };
      let value = coerceToColumn(row[column.offset] ?? null, column.type, store);
      if (column.isAutoIncrement) {
        if (value === null || value === 0n) {
          value = await allocator.next(table.id);
          firstGeneratedId ??= value;
        } else {
          await allocator.rebase(table.id, toInteger(value, session.warnings) ?? 0n);
        }
      }
      if (value === null && column.isNotNull) value = nullIntoNotNull(column, isStrict, session, rows.length);
      row[column.offset] = value;
    }
    const handle = table.handleColumnOffset === undefined ? await allocator.next(table.id) : (row[table.handleColumnOffset] as bigint);
    try {
      await tableRows.insert(handle, row);
      inserted++;
    } catch (error) {
      if (!(stmt.isIgnore && error instanceof MySqlError && error.code === ER_DUP_ENTRY.code)) throw error;
      session.warnings.warn(error);
      duplicates++;
    }
  }
  if (firstGeneratedId !== undefined) session.lastInsertId = firstGeneratedId;
  const info = rows.length > 1 ? `Records: ${rows.length}  Duplicates: ${duplicates}  Warnings: ${session.warningCount}` : '';
  return { kind: 'ok', affectedRows: inserted, lastInsertId: firstGeneratedId ?? 0n, info };
}

/** The target columns and the value rows of an INSERT, whichever form it was written in. */
function insertShape(stmt: InsertStmt, table: TableInfo): { targets: ColumnInfo[]; rows: (readonly Expr[])[] } {
  if (stmt.source.kind === 'set') {
    const targets = stmt.source.assignments.map((assignment) => findColumn(table, assignment.column.column));
    checkDistinct(targets);
    return { targets, rows: [stmt.source.assignments.map((assignment) => assignment.value)] };
  }
  if (stmt.source.kind !== 'values') throw mysqlError(ER_NOT_SUPPORTED_YET, 'INSERT … SELECT');
  const targets = stmt.columns ? stmt.columns.map((name) => findColumn(table, name)) : [...table.columns];
  checkDistinct(targets);
  return { targets, rows: [...stmt.source.rows] };
}

function findColumn(table: TableInfo, name: string): ColumnInfo {
  const column = table.columns.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
  if (!column) throw mysqlError(ER_BAD_FIELD_ERROR, name, 'field list');
  return column;
}

function checkDistinct(targets: readonly ColumnInfo[]): void {
  const seen = new Set<number>();
  for (const column of targets) {
    if (seen.has(column.offset)) throw mysqlError(ER_FIELD_SPECIFIED_TWICE, column.name);
    seen.add(column.offset);
  }
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
