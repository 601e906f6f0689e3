// insertExec: runs INSERT/REPLACE … VALUES | SET | SELECT, with IGNORE and ON DUPLICATE KEY UPDATE, as MySQL counts them.
import type { StatementParams } from '../expression/index.js';
import { MySqlError, mysqlError, ER_BAD_NULL_ERROR, ER_DUP_ENTRY, ER_NON_DEFAULT_VALUE_FOR_GENERATED_COLUMN, ER_WRONG_VALUE_COUNT_ON_ROW } from '../../errors/index.js';
import type { Assignment, ColumnRefExpr, Expr, InsertStmt } from '../ast/index.js';
import type { ColumnInfo, TableInfo } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { Scope, compileExpr, mapExpr } from '../expression/index.js';
import type { AsyncPart, CompiledExpr } from '../expression/index.js';
import type { OutputPlan } from '../planner/physical-plan.js';
import { findColumn } from '../planner/plan-insert.js';
import type { InsertPlan } from '../planner/write-plan.js';
import type { OkResult } from '../statement-result.js';
import { ExpressionDefaults, TableWriters, assignedValue } from '../constraints/index.js';
import type { RowWriter } from '../constraints/index.js';
import { isDefaultIntoGenerated } from '../planner/generated-assignment.js';
import { tableScope } from '../table/table-scope.js';
import { coerceToColumn, compareValues, toInteger } from '../types/index.js';
import type { Row, SqlValue } from '../types/index.js';
import { collectRows } from './build-exec.js';
import { columnDefaultValue } from './column-defaults.js';
import { checkViewOptions } from './view-rows.js';
import { currentDateTime } from '../timezone/session-time-zone.js';
import { prepareParts } from './prepare-parts.js';
import { autoRandomValue, explicitAutoRandomError, randomShard } from './auto-random.js';

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
  const isStrict = session.isStrictMode && !stmt.isIgnore;
  const writer = new TableWriters({ catalog: context.catalog, session, txn, isStrict, isIgnore: stmt.isIgnore }).writer(table, databaseName);
  const now = currentDateTime(session, 6);
  const onDuplicate = stmt.onDuplicate ? compileOnDuplicate(stmt.onDuplicate, table, databaseName, session, params) : undefined;
  const expressionDefaults = ExpressionDefaults.compile(table, databaseName, session);
  let firstGeneratedId: bigint | undefined;
  /** The OK packet's insert id when no value was generated: the last explicit AUTO_INCREMENT value, as MySQL's. */
  let lastExplicitId: bigint | undefined;
  /** AUTO_RANDOM's shard for this statement's rows. */
  let shard: number | undefined;
  let affected = 0n;
  let duplicates = 0;
  for (let r = 0; r < rows.length; r++) {
    const values = rows[r]!;
    // `VALUES ()` without a column list (or with an empty one) is a row of defaults, as MySQL.
    const isDefaultRow = values.length === 0 && (stmt.columns?.length ?? 0) === 0;
    if (values.length !== targets.length && !isDefaultRow) throw mysqlError(ER_WRONG_VALUE_COUNT_ON_ROW, r + 1);
    const given = new Map<number, SqlValue | undefined>();
    if (values.length > 0) targets.forEach((column, i) => given.set(column.offset, values[i]));
    /** This row's explicit AUTO_INCREMENT / AUTO_RANDOM value: the insert id once the row is really inserted. */
    let explicitId: bigint | undefined;
    const row: Row = [];
    /** Columns that take their `DEFAULT (expr)`: computed in column order once the given values are in the row. */
    const defaulted = new Set<number>();
    for (const column of table.columns) {
      const value = given.get(column.offset);
      if (column.generated) {
        row.push(generatedPlaceholder(column, value, table, isStrict, session));
        continue;
      }
      const spec = column.defaultValue;
      if (value !== undefined) row.push(value);
      else if (expressionDefaults?.has(column)) {
        defaulted.add(column.offset);
        row.push(null);
      } else if (spec.kind === 'sequence' && session.sequences) row.push(await session.sequences.next(spec.database, spec.name));
      else row.push(columnDefaultValue(column, isStrict, session.warnings, now));
    }
    for (const column of table.columns) {
      if (column.generated) continue;
      const store = { columnName: column.name, tableName: table.name, rowNumber: r + 1, isStrict, warnings: session.warnings };
      const raw = defaulted.has(column.offset) ? expressionDefaults!.evaluate(column, row) : row[column.offset];
      let value = coerceToColumn(raw ?? null, column.type, store);
      if (column.autoRandom) {
        if (value === null || value === 0n) {
          value = autoRandomValue(column, await allocator.next(table.id), (shard ??= randomShard()));
          firstGeneratedId ??= value;
        } else {
          if (session.systemVariable('allow_auto_random_explicit_insert', 'default') !== 1n) throw explicitAutoRandomError();
          explicitId = toInteger(value, session.warnings) ?? 0n;
        }
      } else if (column.isAutoIncrement) {
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
    if (!writer.prepare(row, r + 1)) continue;
    const handle = table.handleColumnOffset === undefined ? await allocator.next(table.id) : (row[table.handleColumnOffset] as bigint);
    if (stmt.isReplace || onDuplicate) {
      const conflict = await writer.rows.findConflict(handle, row);
      if (conflict && onDuplicate) {
        affected += await applyOnDuplicate(onDuplicate, writer, table, conflict, row, session, r + 1, isStrict);
        duplicates++;
        continue;
      }
      if (conflict) {
        // REPLACE deletes every row the new one collides with (acting on their children), then inserts it.
        for (let next: typeof conflict | undefined = conflict; next; next = await writer.rows.findConflict(handle, row)) {
          await writer.delete(next.handle, next.row);
          affected++;
          duplicates++;
        }
      }
    }
    if (writeTarget.isView) await checkViewOptions(writeTarget, row, session);
    try {
      if ((await writer.insert(handle, row)) !== false) {
        affected++;
        if (explicitId !== undefined) lastExplicitId = explicitId;
      }
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

/**
 * A generated column's place in a new row until the row is prepared: only DEFAULT (or nothing) may be given for it;
 * any other value is 3105, which IGNORE turns into a warning (the value is not used), as in MySQL. Outside strict
 * mode it is a warning too, as in MariaDB: MariaDB's mysqldump writes generated columns' values into its INSERTs
 * (and loads them with SQL_MODE='NO_AUTO_VALUE_ON_ZERO'), where MySQL's leaves those columns out.
 */
function generatedPlaceholder(column: ColumnInfo, value: SqlValue | undefined, table: TableInfo, isStrict: boolean, session: ExecutionContext): SqlValue {
  if (value !== undefined) {
    const error = mysqlError(ER_NON_DEFAULT_VALUE_FOR_GENERATED_COLUMN, column.name, table.name);
    if (isStrict) throw error;
    session.warnings.warn(error);
  }
  return null;
}

/** The value rows: evaluated VALUES/SET expressions (undefined marks DEFAULT), or a SELECT's rows. */
async function sourceRows(stmt: InsertStmt, width: number, query: OutputPlan | undefined, session: ExecutionContext, params?: StatementParams): Promise<(SqlValue | undefined)[][]> {
  const context = { scope: Scope.empty, clause: 'field list' as const, session, ...(params ? { params } : {}) };
  // Functions that wait (NEXTVAL, GET_LOCK) run per value, in row order, before it is read.
  const evaluate = async (exprs: readonly Expr[]): Promise<(SqlValue | undefined)[]> => {
    const values: (SqlValue | undefined)[] = [];
    for (const expr of exprs) {
      if (expr.kind === 'DefaultExpr') {
        values.push(undefined);
        continue;
      }
      const parts: AsyncPart[] = [];
      const compiled = compileExpr(expr, { ...context, asyncParts: parts });
      const row: Row = [];
      if (parts.length > 0) await prepareParts(parts, [row]);
      values.push(compiled.evaluate(row));
    }
    return values;
  };
  switch (stmt.source.kind) {
    case 'set':
      return [await evaluate(stmt.source.assignments.map((assignment) => assignment.value))];
    case 'values': {
      const rows: (SqlValue | undefined)[][] = [];
      for (const row of stmt.source.rows) rows.push(row.length === 0 && width === 0 ? [] : await evaluate(row));
      return rows;
    }
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
    assignments: assignments.flatMap((assignment) => {
      const column = findColumn(table, assignment.column.column);
      if (isDefaultIntoGenerated(column, assignment.value, table)) return [];
      const value = mapExpr(assignedValue(assignment.value, column, table.name), (node) => {
        if (node.kind !== 'FuncCallExpr' || node.name.toUpperCase() !== 'VALUES' || node.args[0]?.kind !== 'ColumnRefExpr') return undefined;
        const ref: ColumnRefExpr = { kind: 'ColumnRefExpr', table: NEW_ROW_ALIAS, column: node.args[0].column };
        return ref;
      });
      return [{ column, value: compileExpr(value, context) }];
    }),
  };
}

async function applyOnDuplicate(
  onDuplicate: CompiledOnDuplicate,
  writer: RowWriter,
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
  return (await writer.update(conflict.handle, conflict.row, newHandle, next, undefined, rowNumber)) !== false ? 2n : 0n;
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
