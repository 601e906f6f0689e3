// executeCreateTable: validates a CREATE TABLE definition as MySQL does and stores the new table in the catalog.
import { autoRandomOf, checkAutoRandomKey } from './auto-random.js';
import { Decimal } from 'decimal.js';
import {
  mysqlError,
  ER_BLOB_CANT_HAVE_DEFAULT,
  ER_DUP_FIELDNAME,
  ER_DUP_KEYNAME,
  ER_INVALID_DEFAULT,
  ER_INVALID_ON_UPDATE,
  ER_KEY_COLUMN_DOES_NOT_EXITS,
  ER_MULTIPLE_PRI_KEY,
  ER_NOT_SUPPORTED_YET,
  ER_NO_DB_ERROR,
  ER_PK_INDEX_CANT_BE_INVISIBLE,
  ER_TABLE_MUST_HAVE_COLUMNS,
  ER_TOO_LONG_IDENT,
  ER_WRONG_AUTO_KEY,
} from '../../errors/index.js';
import type { ColumnDef, CreateTableStmt, Expr, ForeignKeyDef, FuncCallExpr, IndexDef, IndexOptions, IndexPart } from '../ast/index.js';
import type { AutoIncrementAllocator, Catalog, ColumnDefault, ColumnInfo, IndexInfo, TableInfo } from '../catalog/index.js';
import { CURRENT_INDEX_KEY_VERSION } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { Scope, compileExpr } from '../expression/index.js';
import { OK_NOTHING } from '../statement-result.js';
import type { OkResult } from '../statement-result.js';
import { checkKeyPartType } from './key-part-type.js';
import { coerceToColumn, isBlobType, isIntegerType, TypeKind } from '../types/index.js';
import type { CollationName } from '../types/index.js';
import { fieldTypeFromAst, resolveCollation } from '../expression/column-type-from-ast.js';
import { charsetOf, findCollation } from '../collation/index.js';
import { timestampStorage } from '../timezone/timestamp-storage.js';
import { executeCreateTableLike, executeCreateTableSelect } from './create-table-from-executor.js';
import { uniqueIndexName } from './constraint-names.js';
import { buildCheckConstraints, checkNamesInDatabase } from './check-constraint-definition.js';
import type { CheckDefinition } from './check-constraint-definition.js';
import { planForeignKeys } from './foreign-key-definition.js';
import type { ForeignKeyChild } from './foreign-key-definition.js';
import { generatedColumnInfo, validateGeneratedColumns } from './generated-column-definition.js';
import { expressionDefault, validateExpressionDefaults } from './expression-default-definition.js';
import { checkVisibleColumn } from './check-visible-column.js';
import { functionalIndex } from './functional-key-parts.js';

const MAX_IDENTIFIER_LENGTH = 64;

/** Runs CREATE TABLE: with a definition list, `LIKE other`, or `[(defs)] [AS] SELECT …`. */
export async function executeCreateTable(stmt: CreateTableStmt, catalog: Catalog, session: ExecutionContext, allocator: AutoIncrementAllocator): Promise<OkResult> {
  if (stmt.like) return executeCreateTableLike(stmt, catalog, session);
  const databaseName = stmt.table.db ?? session.currentDatabase;
  if (databaseName === undefined) throw mysqlError(ER_NO_DB_ERROR);
  if (stmt.table.name.length > MAX_IDENTIFIER_LENGTH) throw mysqlError(ER_TOO_LONG_IDENT, stmt.table.name);
  if (stmt.columns.length === 0 && !stmt.query) throw mysqlError(ER_TABLE_MUST_HAVE_COLUMNS);
  const option = (name: string): string | undefined => stmt.options.find((o) => o.name === name)?.value;
  const tableCollation = resolveCollation(option('CHARSET'), option('COLLATE'), databaseCollation(catalog, databaseName));
  const columns = buildColumns(stmt.columns, tableCollation, session);
  const indexDefs = collectIndexDefs(stmt);
  const create = (columns: readonly ColumnInfo[]): Promise<TableInfo | undefined> => catalog.createTable(
    databaseName,
    stmt.table.name,
    ({ databaseId, tableId, nextIndexId }) => {
      const { foreignKeys, newIndexes } = planForeignKeys(foreignKeyDefs(stmt), foreignKeyChild(databaseName, stmt.table.name, columns, indexDefs), catalog, session.isForeignKeyChecks ?? true);
      const { defs: allIndexDefs, columns: withHidden } = withFunctionalKeyParts(
        [...indexDefs, ...newIndexes.map((index): IndexDef => ({ kind: 'IndexDef', indexType: 'INDEX', name: index.name, parts: index.columns.map((column) => ({ column })) }))],
        columns,
        session,
      );
      const { indexes, handleColumnOffset } = buildIndexes(allIndexDefs, withHidden, nextIndexId);
      const keyed = withHidden.map((column) =>
        indexes.some((index) => index.isPrimary && index.columnOffsets.includes(column.offset)) ? { ...column, isNotNull: true } : column,
      );
      checkAutoIncrement(keyed, indexes);
      validateGeneratedColumns(keyed, indexes, session);
      validateExpressionDefaults(keyed, session);
      checkVisibleColumn(keyed);
      const checks = buildCheckConstraints(checkDefinitions(stmt), { name: stmt.table.name, columns: keyed, checks: [], foreignKeys }, checkNamesInDatabase(catalog, databaseName), session);
      checkAutoRandomKey(keyed, handleColumnOffset);
      const table: TableInfo = {
        id: tableId,
        databaseId,
        name: stmt.table.name,
        columns: keyed,
        indexes,
        handleColumnOffset,
        charset: charsetOf(tableCollation),
        collation: tableCollation,
        comment: option('COMMENT') ?? '',
        engine: 'InnoDB',
        createdAt: new Date().toISOString(),
        ...(checks.length > 0 && { checks }),
        ...(foreignKeys.length > 0 && { foreignKeys }),
      };
      return table;
    },
    { ifNotExists: stmt.ifNotExists, isTemporary: stmt.isTemporary },
  );
  if (stmt.query) return executeCreateTableSelect(stmt, columns, create, catalog, allocator, session);
  await create(columns);
  return OK_NOTHING;
}

/**
 * The collation new tables of a database inherit. A name that older versions stored without knowing it (they kept
 * any `CREATE DATABASE … COLLATE`, and gave its tables utf8mb4_bin) still means utf8mb4_bin.
 */
export function databaseCollation(catalog: Catalog, databaseName: string): CollationName {
  return findCollation(catalog.getDatabase(databaseName).collation)?.name ?? 'utf8mb4_bin';
}

function buildColumns(defs: readonly ColumnDef[], tableCollation: CollationName, session: ExecutionContext): ColumnInfo[] {
  const seen = new Set<string>();
  return defs.map((def, offset) => {
    const key = def.name.toLowerCase();
    if (seen.has(key)) throw mysqlError(ER_DUP_FIELDNAME, def.name);
    seen.add(key);
    return buildColumn(def, offset + 1, offset, tableCollation, session);
  });
}

/** One column definition, checked as MySQL checks it (type limits, default value, generated columns). */
export function buildColumn(def: ColumnDef, id: number, offset: number, tableCollation: CollationName, session: ExecutionContext): ColumnInfo {
  if (def.name.length > MAX_IDENTIFIER_LENGTH) throw mysqlError(ER_TOO_LONG_IDENT, def.name);
  const type = fieldTypeFromAst(def.name, def.type, tableCollation);
  const isNotNull = def.nullable === false || def.isPrimaryKey === true;
  const column: ColumnInfo = {
    id,
    name: def.name,
    offset,
    type,
    isNotNull,
    isAutoIncrement: def.isAutoIncrement ?? false,
    defaultValue: { kind: 'none' },
    onUpdateCurrentTimestamp: def.onUpdate !== undefined,
    comment: def.comment ?? '',
    ...timestampStorage(type),
    ...(def.visibility === 'INVISIBLE' && { isInvisible: true }),
  };
  if (def.onUpdate !== undefined && !isCurrentTimestampOf(def.onUpdate, column)) throw mysqlError(ER_INVALID_ON_UPDATE, def.name);
  // A generated column has no default: its value is always its expression's.
  const generated = generatedColumnInfo(def);
  if (generated) return { ...column, generated };
  const autoRandom = autoRandomOf(def, column);
  return { ...column, ...(autoRandom && { autoRandom }), defaultValue: buildDefault(def.default, column, session, def.isDefaultExpression) };
}

function isCurrentTimestamp(expr: Expr): boolean {
  return expr.kind === 'FuncCallExpr' && ['CURRENT_TIMESTAMP', 'NOW', 'LOCALTIME', 'LOCALTIMESTAMP'].includes(expr.name.toUpperCase());
}

/**
 * True when `expr` is CURRENT_TIMESTAMP[(fsp)] (or a synonym) that `column` can take: a DATETIME or TIMESTAMP whose
 * fractional digits are the function's, as MySQL requires ("the same value must be used throughout the column
 * definition": https://dev.mysql.com/doc/refman/8.0/en/timestamp-initialization.html).
 */
function isCurrentTimestampOf(expr: Expr, column: ColumnInfo): boolean {
  if (expr.kind !== 'FuncCallExpr' || !isCurrentTimestamp(expr)) return false;
  if (column.type.kind !== TypeKind.DateTime && column.type.kind !== TypeKind.Timestamp) return false;
  const [fspArg, ...rest] = expr.args;
  if (rest.length > 0) return false;
  const fsp = fspArg === undefined ? 0 : fspArg.kind === 'NumberLiteralExpr' ? Number(fspArg.text) : NaN;
  return fsp === Math.max(column.type.decimals, 0);
}

/**
 * A column's DEFAULT, validated against its type (1067 for a value the type cannot hold, 1101 for a literal on
 * BLOB/TEXT). `isExpression`: written in parentheses, MySQL 8.0.13's expression default, which any type may take
 * and which is checked with the whole table (validateExpressionDefaults).
 */
export function buildDefault(expr: Expr | undefined, column: ColumnInfo, session: ExecutionContext, isExpression?: boolean): ColumnDefault {
  const name = column.name;
  if (!expr) return column.isNotNull || column.isAutoIncrement ? { kind: 'none' } : { kind: 'null' };
  const isSequence = expr.kind === 'FuncCallExpr' && expr.name.toUpperCase() === 'NEXTVAL' && expr.db === undefined;
  if (isExpression === true && !isSequence) {
    if (column.isAutoIncrement) throw mysqlError(ER_INVALID_DEFAULT, name);
    return expressionDefault(expr);
  }
  // BLOB/TEXT take no default value, but DEFAULT NULL on a nullable one is accepted, as in MySQL (dumps carry it).
  if (isBlobType(column.type)) {
    if (expr.kind === 'NullLiteralExpr' && !column.isNotNull) return { kind: 'null' };
    throw mysqlError(ER_BLOB_CANT_HAVE_DEFAULT, name);
  }
  if (column.isAutoIncrement) throw mysqlError(ER_INVALID_DEFAULT, name);
  if (isSequence) return sequenceDefault(expr, column, session);
  if (isCurrentTimestamp(expr)) {
    if (!isCurrentTimestampOf(expr, column)) throw mysqlError(ER_INVALID_DEFAULT, name);
    return { kind: 'current-timestamp' };
  }
  let value;
  try {
    value = compileExpr(expr, { scope: Scope.empty, clause: 'field list', session }).constantValue;
  } catch {
    throw mysqlError(ER_INVALID_DEFAULT, name);
  }
  if (value === undefined) throw mysqlError(ER_INVALID_DEFAULT, name);
  if (value === null) {
    if (column.isNotNull) throw mysqlError(ER_INVALID_DEFAULT, name);
    return { kind: 'null' };
  }
  try {
    const stored = coerceToColumn(value, column.type, { columnName: name, rowNumber: 1, isStrict: true, warnings: session.warnings });
    // The default is kept as the column shows it: DECIMAL(10,2) DEFAULT '0' is `0.00` in SHOW and information_schema.
    const text =
      stored === null ? null
      : typeof stored === 'string' ? stored
      : Buffer.isBuffer(stored) ? stored.toString('utf8')
      : stored instanceof Decimal ? stored.toFixed(Math.max(column.type.decimals, 0))
      : stored.toString();
    return { kind: 'literal', value: text, valueKind: typeof stored === 'string' || Buffer.isBuffer(stored) ? 'text' : 'number' };
  } catch {
    throw mysqlError(ER_INVALID_DEFAULT, name);
  }
}

/**
 * The table's CHECK constraints in statement order (which numbers the unnamed ones): each column's in its place,
 * each table-level one after the columns written before it.
 */
function checkDefinitions(stmt: CreateTableStmt): CheckDefinition[] {
  const placed: { readonly at: number; readonly definition: CheckDefinition }[] = [];
  stmt.columns.forEach((column, i) => {
    if (column.check) placed.push({ at: 2 * i + 1, definition: { check: column.check, column: column.name } });
  });
  for (const constraint of stmt.constraints) {
    if (constraint.kind === 'CheckConstraint') placed.push({ at: 2 * (constraint.columnsBefore ?? stmt.columns.length), definition: { check: constraint } });
  }
  return placed.sort((a, b) => a.at - b.at).map((entry) => entry.definition);
}

/** Table-level FOREIGN KEY clauses; MySQL 8.0 parses a column's inline REFERENCES and ignores it. */
function foreignKeyDefs(stmt: CreateTableStmt): ForeignKeyDef[] {
  return stmt.constraints.filter((constraint): constraint is ForeignKeyDef => constraint.kind === 'ForeignKeyDef');
}

function foreignKeyChild(databaseName: string, name: string, columns: readonly ColumnInfo[], indexDefs: readonly IndexDef[]): ForeignKeyChild {
  const keyed = indexDefs.filter((def) => def.indexType !== 'FULLTEXT' && def.indexType !== 'SPATIAL');
  return {
    databaseName,
    name,
    columns,
    indexColumns: keyed.map((def) => leadingWholeColumns(def)),
    indexNames: new Set(keyed.map((def) => (def.indexType === 'PRIMARY' ? 'PRIMARY' : (def.name ?? def.parts[0]?.column ?? '')))),
    foreignKeys: [],
  };
}

/** An index's columns up to its first prefix or expression part (only whole columns can serve a foreign key). */
function leadingWholeColumns(def: IndexDef): string[] {
  const names: string[] = [];
  for (const part of def.parts) {
    if (part.column === undefined || part.length !== undefined) break;
    names.push(part.column);
  }
  return names;
}

/** The index definitions with their expression parts turned into hidden columns, appended to `columns`. */
function withFunctionalKeyParts(defs: readonly IndexDef[], columns: readonly ColumnInfo[], session: ExecutionContext): { defs: IndexDef[]; columns: ColumnInfo[] } {
  const all = [...columns];
  const taken = new Set(defs.flatMap((def) => (def.name === undefined ? [] : [def.name.toLowerCase()])));
  let lastId = Math.max(0, ...columns.map((column) => column.id));
  const expanded = defs.map((def) => {
    const functional = functionalIndex(def, all, taken, () => ++lastId, session);
    all.push(...functional.hiddenColumns);
    if (functional.def.name !== undefined) taken.add(functional.def.name.toLowerCase());
    return functional.def;
  });
  return { defs: expanded, columns: all };
}

function collectIndexDefs(stmt: CreateTableStmt): IndexDef[] {
  const defs: IndexDef[] = [];
  for (const column of stmt.columns) {
    if (column.isPrimaryKey) defs.push({ kind: 'IndexDef', indexType: 'PRIMARY', parts: [{ column: column.name }] });
    if (column.isUnique) defs.push({ kind: 'IndexDef', indexType: 'UNIQUE', parts: [{ column: column.name }] });
  }
  for (const constraint of stmt.constraints) {
    if (constraint.kind === 'IndexDef') defs.push(constraint);
  }
  return defs;
}

function buildIndexes(
  defs: readonly IndexDef[],
  columns: readonly ColumnInfo[],
  nextIndexId: () => number,
): { indexes: IndexInfo[]; handleColumnOffset: number | undefined } {
  const indexes: IndexInfo[] = [];
  const names = new Set<string>();
  let handleColumnOffset: number | undefined;
  for (const def of defs) {
    if (def.indexType === 'FULLTEXT' || def.indexType === 'SPATIAL') throw mysqlError(ER_NOT_SUPPORTED_YET, `${def.indexType} indexes`);
    const offsets = def.parts.map((part) => {
      if (part.column === undefined) throw mysqlError(ER_NOT_SUPPORTED_YET, 'functional key parts');
      const offset = columns.findIndex((column) => column.name.toLowerCase() === part.column!.toLowerCase());
      if (offset < 0) throw mysqlError(ER_KEY_COLUMN_DOES_NOT_EXITS, part.column);
      checkKeyPartType(columns[offset]!.type, part.column, part.length);
      return offset;
    });
    const isPrimary = def.indexType === 'PRIMARY';
    if (isPrimary && indexes.some((index) => index.isPrimary)) throw mysqlError(ER_MULTIPLE_PRI_KEY);
    const name = isPrimary ? 'PRIMARY' : (def.name ?? uniqueIndexName(columns[offsets[0]!]!.name, names));
    if (names.has(name.toLowerCase())) throw mysqlError(ER_DUP_KEYNAME, name);
    names.add(name.toLowerCase());
    indexes.push({ id: nextIndexId(), name, columnOffsets: offsets, isUnique: isPrimary || def.indexType === 'UNIQUE', isPrimary, keyVersion: CURRENT_INDEX_KEY_VERSION, ...descendingParts(def.parts), ...indexVisibility(def.options, isPrimary) });
    if (isPrimary && offsets.length === 1 && isIntegerType(columns[offsets[0]!]!.type)) handleColumnOffset = offsets[0];
  }
  return { indexes, handleColumnOffset };
}

/** `isInvisible` of an index declared INVISIBLE; a primary key cannot be one (3522). */
export function indexVisibility(options: IndexOptions | undefined, isPrimary: boolean): { isInvisible?: true } {
  if (options?.visibility !== 'INVISIBLE') return {};
  if (isPrimary) throw mysqlError(ER_PK_INDEX_CANT_BE_INVISIBLE);
  return { isInvisible: true };
}

/** `descending` of an index whose parts include DESC (kept for SHOW CREATE TABLE; keys are ordered ascending). */
export function descendingParts(parts: readonly IndexPart[]): { descending?: readonly boolean[] } {
  return parts.some((part) => part.direction === 'DESC') ? { descending: parts.map((part) => part.direction === 'DESC') } : {};
}

function checkAutoIncrement(columns: readonly ColumnInfo[], indexes: readonly IndexInfo[]): void {
  const auto = columns.filter((column) => column.isAutoIncrement);
  if (auto.length === 0) return;
  const column = auto[0]!;
  const isKey = indexes.some((index) => index.columnOffsets[0] === column.offset);
  if (auto.length > 1 || !isKey) throw mysqlError(ER_WRONG_AUTO_KEY);
}

/** `DEFAULT NEXTVAL(seq)` on an integer column: the sequence must exist (1146, 4138), as TiDB checks it. */
function sequenceDefault(expr: FuncCallExpr, column: ColumnInfo, session: ExecutionContext): ColumnDefault {
  const [arg] = expr.args;
  if (expr.args.length !== 1 || arg?.kind !== 'ColumnRefExpr' || arg.db !== undefined || !isIntegerType(column.type)) throw mysqlError(ER_INVALID_DEFAULT, column.name);
  const database = arg.table ?? session.currentDatabase;
  if (database === undefined) throw mysqlError(ER_NO_DB_ERROR);
  const sequence = session.sequences?.find(database, arg.column);
  if (!sequence) throw mysqlError(ER_INVALID_DEFAULT, column.name);
  return { kind: 'sequence', database: sequence.database, name: sequence.name };
}
