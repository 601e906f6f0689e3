// executeSelect: runs a single-table (or table-less) SELECT: access path, filter, sort, limit, projection.
import { mysqlError, ER_NO_DB_ERROR, ER_NOT_SUPPORTED_YET, ER_BAD_FIELD_ERROR, ER_WRONG_ARGUMENTS } from '../../errors/index.js';
import type { Expr, OrderItem, QueryExpr, SelectStmt } from '../ast/index.js';
import type { Catalog, TableInfo } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { AGGREGATE_FUNCTION_NAMES, Scope, compileExpr } from '../expression/index.js';
import type { CompileContext, CompiledExpr } from '../expression/index.js';
import { chooseAccessPath } from '../planner/access-path.js';
import type { AccessPath } from '../planner/access-path.js';
import { expressionColumn } from '../statement-result.js';
import type { ResultColumn, RowsResult } from '../statement-result.js';
import { TableRows } from '../table/table-rows.js';
import { compareValues, toBoolean, toInteger } from '../types/index.js';
import type { Row, SqlValue } from '../types/index.js';
import { tableResultColumn, tableScope } from './table-scope.js';

/** A compiled select-list entry. */
interface Projection {
  readonly column: ResultColumn;
  readonly expr: CompiledExpr;
}

interface SortKey {
  readonly expr: CompiledExpr;
  readonly isDescending: boolean;
}

/** Runs a query expression; only single-block SELECTs over at most one base table are supported so far. */
export async function executeQuery(query: QueryExpr, catalog: Catalog, session: ExecutionContext, params?: readonly SqlValue[]): Promise<RowsResult> {
  if (query.kind !== 'SelectStmt') throw mysqlError(ER_NOT_SUPPORTED_YET, query.kind === 'UnionStmt' ? query.op : 'VALUES');
  return executeSelect(query, catalog, session, params);
}

async function executeSelect(select: SelectStmt, catalog: Catalog, session: ExecutionContext, params?: readonly SqlValue[]): Promise<RowsResult> {
  rejectUnsupported(select);
  const source = resolveSource(select, catalog, session);
  const context = (clause: CompileContext['clause']): CompileContext => ({
    scope: source?.scope ?? Scope.empty,
    clause,
    session,
    ...(params ? { params } : {}),
  });
  const projections = compileProjections(select, source, context('field list'));
  const filter = select.where ? compileExpr(select.where, context('where clause')) : undefined;
  const sortKeys = (select.orderBy ?? []).map((item) => compileSortKey(item, select, projections, context('order clause')));
  const limit = evaluateLimit(select, context('field list'));
  const path = source ? chooseAccessPath(source.table, select.where, context('where clause')) : undefined;
  const transaction = source ? await session.transaction() : undefined;
  const rows = source && transaction && path
    ? readTable(new TableRows(transaction, source.table), path)
    : singleEmptyRow();
  return {
    kind: 'rows',
    columns: projections.map((projection) => projection.column),
    rows: pipeline(rows, filter, sortKeys, limit, projections, session),
  };
}

interface Source {
  readonly table: TableInfo;
  readonly databaseName: string;
  readonly alias: string | undefined;
  readonly scope: Scope;
}

function rejectUnsupported(select: SelectStmt): void {
  if (select.groupBy || select.having) throw mysqlError(ER_NOT_SUPPORTED_YET, 'GROUP BY');
  if (select.isDistinct) throw mysqlError(ER_NOT_SUPPORTED_YET, 'SELECT DISTINCT');
  if (select.with) throw mysqlError(ER_NOT_SUPPORTED_YET, 'WITH');
  if (select.into) throw mysqlError(ER_NOT_SUPPORTED_YET, 'SELECT … INTO');
  if (select.from && select.from.length > 1) throw mysqlError(ER_NOT_SUPPORTED_YET, 'joins');
  for (const item of select.items) {
    if (item.kind === 'SelectExprItem' && containsAggregate(item.expr)) throw mysqlError(ER_NOT_SUPPORTED_YET, 'aggregate functions');
  }
}

function containsAggregate(expr: Expr): boolean {
  return expr.kind === 'FuncCallExpr' && AGGREGATE_FUNCTION_NAMES.has(expr.name.toUpperCase());
}

function resolveSource(select: SelectStmt, catalog: Catalog, session: ExecutionContext): Source | undefined {
  const ref = select.from?.[0];
  if (!ref) return undefined;
  if (ref.kind !== 'TableNameRef') throw mysqlError(ER_NOT_SUPPORTED_YET, ref.kind === 'JoinRef' ? 'joins' : 'derived tables');
  const databaseName = ref.table.db ?? session.currentDatabase;
  if (databaseName === undefined) throw mysqlError(ER_NO_DB_ERROR);
  const table = catalog.getTable(databaseName, ref.table.name);
  const database = catalog.getDatabase(databaseName);
  return { table, databaseName: database.name, alias: ref.alias, scope: tableScope(table, database.name, ref.alias) };
}

function compileProjections(select: SelectStmt, source: Source | undefined, context: CompileContext): Projection[] {
  const projections: Projection[] = [];
  for (const item of select.items) {
    if (item.kind === 'SelectStarItem') {
      if (!source) throw mysqlError(ER_NO_DB_ERROR);
      const qualifier = item.table?.toLowerCase();
      if (qualifier !== undefined && qualifier !== (source.alias ?? source.table.name).toLowerCase()) {
        throw mysqlError(ER_BAD_FIELD_ERROR, `${item.table}.*`, 'field list');
      }
      source.table.columns.forEach((column, offset) => {
        projections.push({
          column: tableResultColumn(source.table, source.databaseName, offset, column.name, source.alias),
          expr: { type: column.type, isNullable: !column.isNotNull, evaluate: (row) => row[offset] ?? null, columnIndex: offset },
        });
      });
      continue;
    }
    const expr = compileExpr(item.expr, context);
    const name = item.alias ?? (item.expr.kind === 'ColumnRefExpr' ? item.expr.column : item.text);
    const column = source && expr.columnIndex !== undefined
      ? tableResultColumn(source.table, source.databaseName, expr.columnIndex, name, source.alias)
      : expressionColumn(name, expr.type, !expr.isNullable);
    projections.push({ column, expr });
  }
  return projections;
}

function compileSortKey(item: OrderItem, select: SelectStmt, projections: readonly Projection[], context: CompileContext): SortKey {
  const isDescending = item.direction === 'DESC';
  const expr = item.expr;
  if (expr.kind === 'NumberLiteralExpr' && expr.numberKind === 'int') {
    const position = Number(expr.text);
    const projection = projections[position - 1];
    if (!projection) throw mysqlError(ER_BAD_FIELD_ERROR, expr.text, 'order clause');
    return { expr: projection.expr, isDescending };
  }
  if (expr.kind === 'ColumnRefExpr' && expr.table === undefined) {
    const name = expr.column.toLowerCase();
    const aliased = select.items.findIndex((selectItem) => selectItem.kind === 'SelectExprItem' && selectItem.alias?.toLowerCase() === name);
    if (aliased >= 0) {
      const starsBefore = select.items.slice(0, aliased).some((selectItem) => selectItem.kind === 'SelectStarItem');
      if (!starsBefore) return { expr: projections[aliased]!.expr, isDescending };
    }
  }
  return { expr: compileExpr(expr, context), isDescending };
}

function evaluateLimit(select: SelectStmt, context: CompileContext): { count: number; offset: number } | undefined {
  if (!select.limit) return undefined;
  const value = (expr: Expr): number => {
    const compiled = compileExpr(expr, context);
    const number = compiled.constantValue === undefined ? null : toInteger(compiled.constantValue, context.session.warnings);
    if (number === null || number < 0n) throw mysqlError(ER_WRONG_ARGUMENTS, 'LIMIT');
    return number > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(number);
  };
  return { count: value(select.limit.count), offset: select.limit.offset ? value(select.limit.offset) : 0 };
}

async function* readTable(rows: TableRows, path: AccessPath): AsyncGenerator<Row[]> {
  switch (path.kind) {
    case 'point': {
      if (path.handles.length === 1) {
        const row = await rows.get(path.handles[0]!);
        if (row) yield [row];
        return;
      }
      const found = await rows.getMany(path.handles);
      if (found.length > 0) yield found.map((entry) => entry.row);
      return;
    }
    case 'range':
      if (path.low !== undefined && path.high !== undefined && path.low > path.high) return;
      for await (const batch of rows.scan({ ...(path.low === undefined ? {} : { low: path.low }), ...(path.high === undefined ? {} : { high: path.high }) })) {
        yield batch.map((entry) => entry.row);
      }
      return;
    case 'full':
      for await (const batch of rows.scan()) yield batch.map((entry) => entry.row);
  }
}

async function* singleEmptyRow(): AsyncGenerator<Row[]> {
  yield [[]];
  return Promise.resolve();
}

async function* pipeline(
  input: AsyncIterable<Row[]>,
  filter: CompiledExpr | undefined,
  sortKeys: readonly SortKey[],
  limit: { count: number; offset: number } | undefined,
  projections: readonly Projection[],
  session: ExecutionContext,
): AsyncGenerator<Row[]> {
  const warnings = session.warnings;
  const matches = (row: Row): boolean => !filter || toBoolean(filter.evaluate(row), warnings) === true;
  const project = (row: Row): Row => {
    const out: SqlValue[] = new Array<SqlValue>(projections.length);
    for (let i = 0; i < projections.length; i++) out[i] = projections[i]!.expr.evaluate(row);
    return out;
  };
  if (limit?.count === 0) return;
  if (sortKeys.length > 0) {
    const kept: { row: Row; keys: SqlValue[] }[] = [];
    for await (const batch of input) {
      for (const row of batch) if (matches(row)) kept.push({ row, keys: sortKeys.map((key) => key.expr.evaluate(row)) });
    }
    kept.sort((a, b) => compareSortKeys(a.keys, b.keys, sortKeys, session));
    const start = limit?.offset ?? 0;
    const end = limit ? start + limit.count : kept.length;
    const slice = kept.slice(start, end).map((entry) => project(entry.row));
    if (slice.length > 0) yield slice;
    return;
  }
  let skip = limit?.offset ?? 0;
  let remaining = limit?.count ?? Infinity;
  for await (const batch of input) {
    const out: Row[] = [];
    for (const row of batch) {
      if (!matches(row)) continue;
      if (skip > 0) {
        skip--;
        continue;
      }
      out.push(project(row));
      if (--remaining === 0) break;
    }
    if (out.length > 0) yield out;
    if (remaining === 0) return;
  }
}

/** ORDER BY comparison: NULLs first ascending (last descending), as MySQL sorts them. */
function compareSortKeys(a: SqlValue[], b: SqlValue[], keys: readonly SortKey[], session: ExecutionContext): number {
  for (let i = 0; i < keys.length; i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    let order: number;
    if (x === null || y === null) order = x === y ? 0 : x === null ? -1 : 1;
    else order = compareValues(x, y, keys[i]!.expr.type.collation, session.warnings);
    if (order !== 0) return keys[i]!.isDescending ? -order : order;
  }
  return 0;
}
