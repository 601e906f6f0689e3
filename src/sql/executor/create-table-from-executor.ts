// CREATE TABLE … LIKE and CREATE TABLE … [AS] SELECT: tables whose definition comes from another table or a query.
import { MySqlError, mysqlError, ER_BAD_NULL_ERROR, ER_DUP_ENTRY, ER_NO_DB_ERROR, ER_TABLE_EXISTS_ERROR, ER_WRONG_OBJECT } from '../../errors/index.js';
import type { CreateTableStmt } from '../ast/index.js';
import type { AutoIncrementAllocator, Catalog, ColumnDefault, ColumnInfo, IndexInfo, TableInfo } from '../catalog/index.js';
import { CURRENT_INDEX_KEY_VERSION } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { OK_NOTHING } from '../statement-result.js';
import type { OkResult, ResultColumn } from '../statement-result.js';
import { ExpressionDefaults, TableWriters } from '../constraints/index.js';
import { TypeKind, coerceToColumn, fieldType } from '../types/index.js';
import { timestampStorage } from '../timezone/timestamp-storage.js';
import type { FieldType, Row, SqlValue } from '../types/index.js';
import { columnDefaultValue } from './column-defaults.js';
import { materializeQuery } from './select-executor.js';
import { currentDateTime } from '../timezone/session-time-zone.js';

/**
 * `CREATE TABLE t2 LIKE t1`: the same columns and indexes (new ids), no rows. A view is not a base table (1347).
 * https://dev.mysql.com/doc/refman/8.0/en/create-table-like.html
 */
export async function executeCreateTableLike(stmt: CreateTableStmt, catalog: Catalog, session: ExecutionContext): Promise<OkResult> {
  const databaseName = stmt.table.db ?? session.currentDatabase;
  const likeDatabase = stmt.like!.db ?? session.currentDatabase;
  if (databaseName === undefined || likeDatabase === undefined) throw mysqlError(ER_NO_DB_ERROR);
  const source = catalog.getTable(likeDatabase, stmt.like!.name);
  if (source.view) throw mysqlError(ER_WRONG_OBJECT, catalog.getDatabase(likeDatabase).name, source.name, 'BASE TABLE');
  // A temporary table may be the model, and a stored table its copy (or the other way round).
  const { isTemporary: _sourceIsTemporary, stats: _sourceStats, ...definition } = source;
  await catalog.createTable(
    databaseName,
    stmt.table.name,
    ({ databaseId, tableId, nextIndexId }): TableInfo => ({
      ...definition,
      id: tableId,
      databaseId,
      name: stmt.table.name,
      // The new table has no rows written before any of its columns existed.
      columns: source.columns.map((column) => withoutOriginDefault(column)),
      indexes: source.indexes.map((index): IndexInfo => ({ ...index, id: nextIndexId(), keyVersion: CURRENT_INDEX_KEY_VERSION })),
      createdAt: new Date().toISOString(),
      // CHECK constraints are copied under names made for the new table (names are unique per database); foreign
      // keys are not copied, as in MySQL.
      checks: (source.checks ?? []).map((check, i) => ({ ...check, name: `${stmt.table.name}_chk_${i + 1}` })),
      foreignKeys: [],
    }),
    { ifNotExists: stmt.ifNotExists, isTemporary: stmt.isTemporary },
  );
  return OK_NOTHING;
}

function withoutOriginDefault(column: ColumnInfo): ColumnInfo {
  const { originDefault: _unused, ...rest } = column;
  return rest;
}

/**
 * `CREATE TABLE t [(defs)] [IGNORE|REPLACE] [AS] SELECT …`: the defined columns first, then one column per select
 * column not defined by name, typed from the query's result types as MySQL does; the query's rows are inserted by
 * column name. If the insert fails the new table is dropped again (MySQL 8's atomic CREATE … SELECT).
 * https://dev.mysql.com/doc/refman/8.0/en/create-table-select.html
 */
export async function executeCreateTableSelect(
  stmt: CreateTableStmt,
  defined: readonly ColumnInfo[],
  create: (columns: readonly ColumnInfo[]) => Promise<TableInfo | undefined>,
  catalog: Catalog,
  allocator: AutoIncrementAllocator,
  session: ExecutionContext,
): Promise<OkResult> {
  const databaseName = stmt.table.db ?? session.currentDatabase;
  if (databaseName === undefined) throw mysqlError(ER_NO_DB_ERROR);
  // A temporary table hides a stored one of the same name: only a table of the kind being created is in the way (a
  // stored one behind a temporary one is reported by the stored catalog when the table is created).
  const existing = catalog.findTable(databaseName, stmt.table.name);
  if (existing !== undefined && (existing.isTemporary === true) === stmt.isTemporary) {
    if (stmt.ifNotExists) return OK_NOTHING;
    throw mysqlError(ER_TABLE_EXISTS_ERROR, stmt.table.name);
  }
  const result = await materializeQuery(stmt.query!, catalog, session);
  // Columns named only in the definition come first; then the select's columns in order, a definition of the same
  // name overriding the result type.
  const named = (name: string) => (column: { name: string }): boolean => column.name.toLowerCase() === name.toLowerCase();
  const columns: ColumnInfo[] = defined.filter((column) => !result.columns.some(named(column.name)));
  const sourceOffsets: number[] = [];
  for (const resultColumn of result.columns) {
    const existing = columns.findIndex(named(resultColumn.name));
    if (existing >= 0) {
      sourceOffsets.push(existing);
      continue;
    }
    sourceOffsets.push(columns.length);
    columns.push(defined.find(named(resultColumn.name)) ?? columnFromResult(resultColumn, columns.length, catalog));
  }
  columns.forEach((column, offset) => (columns[offset] = { ...column, id: offset + 1, offset }));
  const table = await create(columns);
  if (!table) return OK_NOTHING;
  try {
    const affected = await insertRows(table, databaseName, result.rows, sourceOffsets, stmt, allocator, catalog, session);
    return { kind: 'ok', affectedRows: affected, lastInsertId: 0n, info: `Records: ${affected}  Duplicates: ${result.rows.length - Number(affected)}  Warnings: ${session.warningCount}` };
  } catch (error) {
    await catalog.dropTable(databaseName, table.name);
    throw error;
  }
}

async function insertRows(table: TableInfo, databaseName: string, rows: readonly Row[], sourceOffsets: readonly number[], stmt: CreateTableStmt, allocator: AutoIncrementAllocator, catalog: Catalog, session: ExecutionContext): Promise<bigint> {
  const isStrict = session.isStrictMode && stmt.duplicateHandling !== 'IGNORE';
  const context = { catalog, session, txn: await session.transaction(), isStrict, isIgnore: stmt.duplicateHandling === 'IGNORE' };
  const writer = new TableWriters(context).writer(table, databaseName);
  const tableRows = writer.rows;
  const now = currentDateTime(session, 6);
  const expressionDefaults = ExpressionDefaults.compile(table, databaseName, session);
  let affected = 0n;
  for (let r = 0; r < rows.length; r++) {
    const values = new Map<number, SqlValue>();
    sourceOffsets.forEach((offset, i) => values.set(offset, rows[r]![i] ?? null));
    const row: SqlValue[] = table.columns.map((column) => {
      if (column.generated) return null;
      const value = values.has(column.offset) ? values.get(column.offset)! : columnDefaultValue(column, isStrict, session.warnings, now);
      return coerceToColumn(value, column.type, { columnName: column.name, rowNumber: r + 1, isStrict, warnings: session.warnings });
    });
    for (const column of table.columns) {
      if (values.has(column.offset) || !expressionDefaults?.has(column)) continue;
      row[column.offset] = coerceToColumn(expressionDefaults.evaluate(column, row), column.type, { columnName: column.name, rowNumber: r + 1, isStrict, warnings: session.warnings });
    }
    for (const column of table.columns) {
      if (column.isAutoIncrement && (row[column.offset] === null || row[column.offset] === 0n)) row[column.offset] = await allocator.next(table.id);
      if (row[column.offset] === null && column.isNotNull && !column.generated) throw mysqlError(ER_BAD_NULL_ERROR, column.name);
    }
    if (!writer.prepare(row, r + 1)) continue;
    const handle = table.handleColumnOffset === undefined ? await allocator.next(table.id) : (row[table.handleColumnOffset] as bigint);
    if (stmt.duplicateHandling === 'REPLACE') {
      for (let conflict = await tableRows.findConflict(handle, row); conflict; conflict = await tableRows.findConflict(handle, row)) {
        await writer.delete(conflict.handle, conflict.row);
      }
    }
    try {
      if ((await writer.insert(handle, row)) !== false) affected++;
    } catch (error) {
      if (!(stmt.duplicateHandling === 'IGNORE' && error instanceof MySqlError && error.code === ER_DUP_ENTRY.code)) throw error;
      session.warnings.warn(error);
    }
  }
  return affected;
}

/**
 * A column for a select-list column: a column read straight from a table keeps its type, nullability and default;
 * an expression gets the type MySQL's temporary tables give it (INT for short integers, BINARY(0) for NULL, TEXT
 * for long strings) and no default.
 */
function columnFromResult(result: ResultColumn, offset: number, catalog: Catalog): ColumnInfo {
  const base = { id: offset + 1, name: result.name, offset, isAutoIncrement: false, onUpdateCurrentTimestamp: false, comment: '' };
  const origin = result.orgTable && result.schema ? catalog.findTable(result.schema, result.orgTable)?.columns.find((c) => c.name === result.orgName) : undefined;
  if (origin) return { ...base, type: origin.type, isNotNull: origin.isNotNull, defaultValue: origin.defaultValue, comment: origin.comment, ...timestampStorage(origin.type) };
  const defaultValue: ColumnDefault = result.isNotNull ? { kind: 'none' } : { kind: 'null' };
  // A stored column's collation is implicit, whatever the expression's coercibility was.
  const { coercibility: _coercibility, ...type } = expressionColumnType(result.type);
  return { ...base, type, isNotNull: result.isNotNull, defaultValue, ...timestampStorage(type) };
}

/** Longest VARCHAR an expression keeps before MySQL's temporary-table rules turn it into TEXT. */
const MAX_EXPRESSION_VARCHAR = 512;

function expressionColumnType(type: FieldType): FieldType {
  switch (type.kind) {
    case TypeKind.Null:
      return fieldType(TypeKind.Binary, { length: 0, collation: 'binary' });
    case TypeKind.BigInt:
      if (type.length <= (type.isUnsigned ? 10 : 11)) return fieldType(TypeKind.Int, { length: type.isUnsigned ? 10 : 11, isUnsigned: type.isUnsigned });
      return type;
    case TypeKind.Float:
    case TypeKind.Double:
      return type.decimals >= 31 ? { ...type, length: -1, decimals: -1 } : type;
    case TypeKind.VarChar:
    case TypeKind.VarBinary:
      if (type.length > MAX_EXPRESSION_VARCHAR) return fieldType(type.kind === TypeKind.VarChar ? TypeKind.LongText : TypeKind.LongBlob, { collation: type.collation });
      return type;
    default:
      return type;
  }
}
