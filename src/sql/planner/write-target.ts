// resolveWriteTarget: the base table a single-table UPDATE/DELETE/INSERT writes, through any chain of updatable views.
import {
  mysqlError,
  ER_NO_DB_ERROR,
  ER_NON_INSERTABLE_TABLE,
  ER_NON_UPDATABLE_TABLE,
  ER_VIEW_DELETE_MERGE_VIEW,
  ER_VIEW_INVALID,
} from '../../errors/index.js';
import type { Expr, SelectStmt, TableName, TableNameRef } from '../ast/index.js';
import type { TableInfo } from '../catalog/index.js';
import { Scope, compileExpr, forEachExpr } from '../expression/index.js';
import type { AsyncPart, CompileContext, CompiledExpr } from '../expression/index.js';
import { parseSql } from '../parser/index.js';
import { AggregateExtractor } from './extract-aggregates.js';
import { tableScope } from '../table/table-scope.js';
import type { PlanContext } from './plan-context.js';
import { writeCompileContext } from './write-compile-context.js';

/** Which statement writes; it picks MySQL's error for a view that cannot be written through. */
export type WriteKind = 'UPDATE' | 'DELETE' | 'INSERT';

/** One view between the statement and the base table: its WHERE and select list over the level below. */
export interface ViewLevel {
  readonly databaseName: string;
  readonly name: string;
  readonly where: CompiledExpr | undefined;
  readonly parts: readonly AsyncPart[];
  readonly items: readonly CompiledExpr[];
  readonly checkOption: 'CASCADED' | 'LOCAL' | undefined;
}

/**
 * What a single-table write acts on. For a base table `levels` is empty and the visible row is the stored row; for
 * a view the visible row is computed from the stored row level by level (innermost view first).
 */
export interface WriteTarget {
  readonly table: TableInfo;
  readonly databaseName: string;
  /** The columns the statement's expressions see, under the name or alias it gave the target. */
  readonly scope: Scope;
  /** For each visible column, the base column it is a plain reference to (undefined: not updatable). */
  readonly baseOffsets: readonly (number | undefined)[];
  readonly levels: readonly ViewLevel[];
  /** The condition and context the access path is chosen from (the statement's WHERE, or the innermost view's). */
  readonly access: { readonly where: Expr | undefined; readonly context: CompileContext };
  /** Set when the target is a view: names for 1093 checks. */
  readonly isView: boolean;
}

interface Resolved {
  readonly table: TableInfo;
  readonly databaseName: string;
  readonly levels: ViewLevel[];
  readonly columns: readonly { readonly name: string; readonly baseOffset: number | undefined; readonly scopeColumn: Scope['columns'][number] }[];
  readonly access: { readonly where: Expr | undefined; readonly context: CompileContext } | undefined;
}

/** Views may nest; a cycle cannot be created, but a runaway chain still stops here. */
const MAX_VIEW_DEPTH = 32;

/**
 * Resolves `name` (written with `alias`) to what `kind` writes. A view must be updatable as MySQL defines it: one
 * base table (possibly through other such views), no aggregates, DISTINCT, GROUP BY, HAVING, UNION, LIMIT or
 * subquery in the select list, and not ALGORITHM=TEMPTABLE
 * (https://dev.mysql.com/doc/refman/8.0/en/view-updatability.html).
 */
export function resolveWriteTarget(
  name: TableName,
  alias: string | undefined,
  kind: WriteKind,
  context: PlanContext,
  where: Expr | undefined,
): WriteTarget {
  const { catalog, session, params } = context;
  const databaseName = name.db ?? session.currentDatabase;
  if (databaseName === undefined) throw mysqlError(ER_NO_DB_ERROR);
  const table = catalog.getTable(databaseName, name.name);
  const canonical = catalog.getDatabase(databaseName).name;
  const shown = alias ?? table.name;
  if (!table.view) {
    const scope = tableScope(table, canonical, alias);
    return {
      table,
      databaseName: canonical,
      scope,
      baseOffsets: table.columns.map((column) => column.offset),
      levels: [],
      access: { where, context: { scope, clause: 'where clause', session, ...(params ? { params } : {}) } },
      isView: false,
    };
  }
  const resolved = resolveView(table, canonical, kind, context, 0);
  const scope = new Scope(resolved.columns.map((column) => ({ ...column.scopeColumn, name: column.name, table: shown, database: canonical })));
  return {
    table: resolved.table,
    databaseName: resolved.databaseName,
    scope,
    baseOffsets: resolved.columns.map((column) => column.baseOffset),
    levels: resolved.levels,
    access: resolved.access ?? { where: undefined, context: { scope, clause: 'where clause', session } },
    isView: true,
  };
}

/** Throws MySQL's UPDATE error when `view` (not yet in the catalog, for CREATE VIEW … WITH CHECK OPTION) is not updatable. */
export function assertUpdatableView(view: TableInfo, databaseName: string, context: PlanContext): void {
  resolveView(view, databaseName, 'UPDATE', context, 0);
}

function notWritable(kind: WriteKind, view: string, databaseName: string, isJoin: boolean): Error {
  if (kind === 'INSERT') return mysqlError(ER_NON_INSERTABLE_TABLE, view, kind);
  if (kind === 'DELETE' && isJoin) return mysqlError(ER_VIEW_DELETE_MERGE_VIEW, databaseName, view);
  return mysqlError(ER_NON_UPDATABLE_TABLE, view, kind);
}

function resolveView(view: TableInfo, databaseName: string, kind: WriteKind, context: PlanContext, depth: number): Resolved {
  const { session, params } = context;
  const definition = view.view!;
  const [statement] = parseSql(definition.definition, { defaultDatabase: databaseName });
  if (!statement || (statement.kind !== 'SelectStmt' && statement.kind !== 'UnionStmt' && statement.kind !== 'ValuesStmt')) throw mysqlError(ER_VIEW_INVALID, databaseName, view.name);
  const select = statement.kind === 'SelectStmt' ? statement : undefined;
  const ref = select?.from?.length === 1 && select.from[0]!.kind === 'TableNameRef' ? select.from[0] : undefined;
  const isMergeable = select !== undefined && isUpdatableSelect(select) && definition.algorithm !== 'TEMPTABLE';
  // A join view that is otherwise updatable is MySQL's "delete from join view" case; anything else is 1288/1471.
  const isJoin = isMergeable && ((select.from?.length ?? 0) > 1 || select.from?.[0]?.kind === 'JoinRef');
  if (!select || !ref || !isMergeable || depth > MAX_VIEW_DEPTH) throw notWritable(kind, view.name, databaseName, isJoin);
  const inner = resolveInput(ref, databaseName, kind, context, depth);
  const parts: AsyncPart[] = [];
  const inputScope = inner.scope;
  const itemContext = writeCompileContext(inputScope, 'field list', context, []);
  const columns: { name: string; baseOffset: number | undefined; scopeColumn: Scope['columns'][number] }[] = [];
  const items: CompiledExpr[] = [];
  for (const item of select.items) {
    if (item.kind === 'SelectStarItem') {
      inputScope.columns.forEach((column, offset) => {
        if (column.isHidden || (item.table !== undefined && column.table.toLowerCase() !== item.table.toLowerCase())) return;
        items.push({ type: column.type, isNullable: !column.isNotNull, evaluate: (row) => row[offset] ?? null, columnIndex: offset });
        columns.push({ name: column.name, baseOffset: inner.baseOffsets[offset], scopeColumn: column });
      });
      continue;
    }
    const compiled = compileExpr(item.expr, itemContext);
    items.push(compiled);
    const isPlain = item.expr.kind === 'ColumnRefExpr' && compiled.columnIndex !== undefined;
    const name = item.alias ?? (item.expr.kind === 'ColumnRefExpr' ? item.expr.column : item.text);
    const scopeColumn = isPlain ? inputScope.columns[compiled.columnIndex]! : { name, table: '', database: '', type: compiled.type, isNotNull: !compiled.isNullable };
    columns.push({ name, baseOffset: isPlain ? inner.baseOffsets[compiled.columnIndex] : undefined, scopeColumn });
  }
  const names = definition.columnNames;
  const named = names ? columns.map((column, i) => ({ ...column, name: names[i] ?? column.name })) : columns;
  const where = select.where ? compileExpr(select.where, writeCompileContext(inputScope, 'where clause', context, parts)) : undefined;
  const level: ViewLevel = { databaseName, name: view.name, where, parts, items, checkOption: definition.checkOption };
  const access = inner.levels.length === 0 ? { where: select.where, context: { scope: inputScope, clause: 'where clause' as const, session, ...(params ? { params } : {}) } } : inner.access;
  return { table: inner.table, databaseName: inner.databaseName, levels: [...inner.levels, level], columns: named, access };
}

/** The table (or view) a view selects from, as the scope the view's own expressions see. */
function resolveInput(
  ref: TableNameRef,
  viewDatabase: string,
  kind: WriteKind,
  context: PlanContext,
  depth: number,
): { table: TableInfo; databaseName: string; levels: ViewLevel[]; scope: Scope; baseOffsets: readonly (number | undefined)[]; access: Resolved['access'] } {
  const { catalog } = context;
  // Names inside a view resolve in the view's database, not the session's.
  const databaseName = catalog.getDatabase(ref.table.db ?? viewDatabase).name;
  const table = catalog.getTable(databaseName, ref.table.name);
  const alias = ref.alias ?? table.name;
  if (!table.view) {
    return { table, databaseName, levels: [], scope: tableScope(table, databaseName, alias), baseOffsets: table.columns.map((column) => column.offset), access: undefined };
  }
  const inner = resolveView(table, databaseName, kind, context, depth + 1);
  const scope = new Scope(inner.columns.map((column) => ({ ...column.scopeColumn, name: column.name, table: alias, database: databaseName })));
  return { table: inner.table, databaseName: inner.databaseName, levels: inner.levels, scope, baseOffsets: inner.columns.map((column) => column.baseOffset), access: inner.access };
}

function isUpdatableSelect(select: SelectStmt): boolean {
  if (select.with || select.isDistinct || (select.groupBy?.length ?? 0) > 0 || select.having || select.limit || select.into) return false;
  for (const item of select.items) {
    if (item.kind !== 'SelectExprItem') continue;
    if (AggregateExtractor.contains(item.expr)) return false;
    let isBlocked = false;
    forEachExpr(item.expr, (node) => {
      if (node.kind === 'SubqueryExpr' || node.kind === 'ExistsExpr' || node.kind === 'InSubqueryExpr' || node.kind === 'QuantifiedCompareExpr') isBlocked = true;
      if (node.kind === 'FuncCallExpr' && node.over) isBlocked = true;
    });
    if (isBlocked) return false;
  }
  return true;
}
