// planFrom: turns the FROM clause into a tree of row sources, pushing single-table WHERE conjuncts down to tables.
import type { StatementParams } from '../expression/index.js';
import { mysqlError, ER_NO_DB_ERROR, ER_NONUNIQ_TABLE, ER_BAD_FIELD_ERROR, ER_VIEW_INVALID } from '../../errors/index.js';
import type { ColumnRefExpr, Expr, QueryExpr, TableRef } from '../ast/index.js';
import type { Catalog, TableInfo } from '../catalog/index.js';
import { parseSql } from '../parser/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { Scope } from '../expression/index.js';
import { sideOf, joinSource } from '../executor/join-exec.js';
import type { JoinKind } from '../executor/join-exec.js';
import type { RowSource } from '../executor/row-source.js';
import { memoryRowSource } from '../executor/row-source.js';
import { tableSource } from '../executor/table-source.js';
import { tableScope } from '../executor/table-scope.js';
import { isInformationSchema } from '../infoschema/information-schema-name.js';
import { computedTableSource, systemTableSource } from '../infoschema/information-schema.js';
import { findTimeZoneTable } from '../timezone/time-zone-tables.js';
import { splitConjuncts } from './access-path.js';
import { materializedTables } from './materialized-tables.js';
import type { OrderRequest } from './ordered-path.js';

/**
 * Plans a nested query (derived tables, views) into a source whose rows run it; injected to avoid an import cycle
 * with the select executor. Planning runs nothing, so EXPLAIN can show the nested plan without executing it.
 */
export type PlanQuery = (query: QueryExpr) => Promise<RowSource>;

/** The FROM clause as a row source, and the WHERE conjuncts that still have to be applied above it. */
export interface PlannedFrom {
  readonly source: RowSource;
  readonly remaining: Expr[];
}

interface PlanContext {
  readonly catalog: Catalog;
  readonly session: ExecutionContext;
  readonly params: StatementParams | undefined;
  readonly planQuery: PlanQuery;
  /** Base tables append their row handle as a hidden column (multi-table UPDATE/DELETE). */
  readonly withHandles: boolean;
  /** Conjuncts of WHERE not yet placed. */
  pending: Expr[];
  readonly aliases: Set<string>;
  /** The ORDER BY the query would like its only base table to deliver. */
  readonly order: OrderRequest | undefined;
}

/** Plans `from` (a comma list of table references, each possibly a join tree). */
export async function planFrom(
  from: readonly TableRef[],
  where: Expr | undefined,
  catalog: Catalog,
  session: ExecutionContext,
  params: StatementParams | undefined,
  planQuery: PlanQuery,
  options: { readonly withHandles?: boolean; readonly order?: OrderRequest | undefined } = {},
): Promise<PlannedFrom> {
  const single = from.length === 1 && from[0]!.kind === 'TableNameRef';
  const context: PlanContext = {
    catalog,
    session,
    params,
    planQuery,
    withHandles: options.withHandles ?? false,
    pending: splitConjuncts(where),
    aliases: new Set(),
    order: single ? options.order : undefined,
  };
  const items: RowSource[] = [];
  for (const ref of from) items.push(await planRef(ref, context, false));
  if (items.length === 1) return { source: items[0]!, remaining: context.pending };
  // Join order: start from the first table, then always add a table that some WHERE conjunct connects to what is
  // joined so far (a cross product only when nothing connects), so a long comma list never multiplies out.
  const order: number[] = [0];
  let source = items[0]!;
  const left = new Set(items.keys());
  left.delete(0);
  while (left.size > 0) {
    let next = [...left].find((index) => context.pending.some((conjunct) => connects(conjunct, source.scope, items[index]!.scope)));
    next ??= Math.min(...left);
    left.delete(next);
    order.push(next);
    const right = items[next]!;
    source = joinSource(source, right, 'inner', takeConjuncts(context, source.scope, right.scope), session, params);
  }
  return { source: restoreOrder(source, order, items), remaining: context.pending };
}

/** True when `conjunct` reads both inputs and nothing else (a join condition between them). */
function connects(conjunct: Expr, left: Scope, right: Scope): boolean {
  return sideOf(conjunct, left, right) === 'both' && readsOnly(conjunct, left.concat(right));
}

/** Puts the columns of a reordered join back in FROM order (what `SELECT *` and positions expect). */
function restoreOrder(source: RowSource, order: readonly number[], items: readonly RowSource[]): RowSource {
  if (order.every((index, i) => index === i)) return source;
  const widths = items.map((item) => item.scope.columns.length);
  const starts: number[] = [];
  let offset = 0;
  for (const index of order) {
    starts[index] = offset;
    offset += widths[index]!;
  }
  const permutation: number[] = [];
  items.forEach((_, index) => {
    for (let c = 0; c < widths[index]!; c++) permutation.push(starts[index]! + c);
  });
  const scope = new Scope(permutation.map((from) => source.scope.columns[from]!));
  return {
    scope,
    plan: source.plan,
    rows: async function* () {
      for await (const batch of source.rows()) yield batch.map((row) => permutation.map((from) => row[from] ?? null));
    },
  };
}

/** Removes and returns the pending conjuncts that can be evaluated on a join of `left` and `right`. */
function takeConjuncts(context: PlanContext, left: Scope, right: Scope): Expr | undefined {
  const taken: Expr[] = [];
  context.pending = context.pending.filter((conjunct) => {
    const side = sideOf(conjunct, left, right);
    if (side === 'both' && !readsOnly(conjunct, left.concat(right))) return true;
    taken.push(conjunct);
    return false;
  });
  return taken.reduce<Expr | undefined>((all, conjunct) => (all ? { kind: 'BinaryExpr', op: 'AND', left: all, right: conjunct } : conjunct), undefined);
}

/** True when every column `expr` references resolves in `scope` (and it has no subquery or variable). */
function readsOnly(expr: Expr, scope: Scope): boolean {
  return sideOf(expr, scope, Scope.empty) === 'left' || sideOf(expr, scope, Scope.empty) === 'none';
}

async function planRef(ref: TableRef, context: PlanContext, isNullSupplying: boolean): Promise<RowSource> {
  switch (ref.kind) {
    case 'TableNameRef': {
      const materialized = materializedTables.get(ref);
      if (materialized) {
        const alias = ref.alias ?? ref.table.name;
        registerAlias(context, alias);
        return renamed(memoryRowSource(materialized.scope, [...materialized.rows]), alias, undefined);
      }
      const databaseName = ref.table.db ?? context.session.currentDatabase;
      if (databaseName === undefined) throw mysqlError(ER_NO_DB_ERROR);
      if (isInformationSchema(databaseName)) {
        registerAlias(context, ref.alias ?? ref.table.name);
        return systemTableSource(ref.table.name, ref.alias ?? ref.table.name, context.catalog, context.session);
      }
      const timeZoneTable = findTimeZoneTable(databaseName, ref.table.name);
      if (timeZoneTable) {
        registerAlias(context, ref.alias ?? ref.table.name);
        return computedTableSource(timeZoneTable, databaseName, ref.alias ?? ref.table.name, context.catalog, context.session);
      }
      const table = context.catalog.getTable(databaseName, ref.table.name);
      const database = context.catalog.getDatabase(databaseName);
      const alias = ref.alias ?? table.name;
      if (table.view) return planView(table.view, alias, context, database.name);
      registerAlias(context, alias);
      const scope = tableScope(table, database.name, ref.alias);
      // A table on the NULL-supplying side of an outer join must see WHERE only after the join.
      const own = isNullSupplying ? [] : takeOwn(context, scope);
      return tableSource(table, database.name, ref.alias, own, context.session, context.params, { order: context.order, withHandles: context.withHandles });
    }
    case 'DerivedTableRef': {
      const alias = ref.alias ?? '';
      registerAlias(context, alias);
      return renamed(await context.planQuery(ref.query), alias, ref.columns);
    }
    case 'JoinRef':
      return planJoin(ref, context, isNullSupplying);
  }
}

/** A view in FROM: its stored SELECT, re-parsed and run like a derived table named after the view (or its alias). */
async function planView(view: NonNullable<TableInfo['view']>, alias: string, context: PlanContext, databaseName: string): Promise<RowSource> {
  registerAlias(context, alias);
  // Unqualified tables in the definition are the view's database's, whatever database the reader is in.
  const [statement] = parseSql(view.definition, { defaultDatabase: databaseName });
  if (!statement || (statement.kind !== 'SelectStmt' && statement.kind !== 'UnionStmt' && statement.kind !== 'ValuesStmt')) {
    throw mysqlError(ER_VIEW_INVALID, '', alias);
  }
  return renamed(await context.planQuery(statement), alias, view.columnNames);
}

/** A nested query's rows under the derived table's (or view's) alias and column names; TiDB shows its plan inline. */
function renamed(source: RowSource, alias: string, columnNames: readonly string[] | undefined): RowSource {
  const scope = new Scope(source.scope.columns.map((column, i) => ({ ...column, name: columnNames?.[i] ?? column.name, table: alias, database: '' })));
  return { scope, plan: source.plan, rows: () => source.rows() };
}

async function planJoin(ref: Extract<TableRef, { kind: 'JoinRef' }>, context: PlanContext, isNullSupplying: boolean): Promise<RowSource> {
  const isRight = ref.joinType === 'RIGHT';
  const kind: JoinKind = ref.joinType === 'LEFT' || isRight ? 'left' : 'inner';
  // RIGHT JOIN is a LEFT JOIN with the inputs swapped; columns are put back in written order afterwards.
  const outer = await planRef(isRight ? ref.right : ref.left, context, isNullSupplying);
  const inner = await planRef(isRight ? ref.left : ref.right, context, isNullSupplying || kind === 'left');
  const leftScope = isRight ? inner.scope : outer.scope;
  const rightScope = isRight ? outer.scope : inner.scope;
  const using = ref.using ?? (ref.isNatural ? commonColumns(leftScope, rightScope) : undefined);
  let condition = ref.on;
  if (using) condition = usingCondition(using, leftScope, rightScope, ref.on);
  if (kind === 'inner' && !isNullSupplying) {
    const pushed = takeConjuncts(context, outer.scope, inner.scope);
    if (pushed) condition = condition ? { kind: 'BinaryExpr', op: 'AND', left: condition, right: pushed } : pushed;
  }
  let joined = joinSource(outer, inner, kind, condition, context.session, context.params);
  if (isRight) joined = reorder(joined, outer.scope.columns.length, inner.scope.columns.length);
  if (using) joined = hideMerged(joined, using, leftScope.columns.length, isRight);
  return joined;
}

function registerAlias(context: PlanContext, alias: string): void {
  const key = alias.toLowerCase();
  if (context.aliases.has(key)) throw mysqlError(ER_NONUNIQ_TABLE, alias);
  context.aliases.add(key);
}

/** Removes and returns the pending conjuncts that read only `scope`. */
function takeOwn(context: PlanContext, scope: Scope): Expr[] {
  const own: Expr[] = [];
  context.pending = context.pending.filter((conjunct) => {
    if (sideOf(conjunct, scope, Scope.empty) !== 'left') return true;
    own.push(conjunct);
    return false;
  });
  return own;
}

function commonColumns(left: Scope, right: Scope): string[] {
  const rightNames = new Set(right.columns.filter((c) => !c.isHidden).map((c) => c.name.toLowerCase()));
  return left.columns.filter((c) => !c.isHidden && rightNames.has(c.name.toLowerCase())).map((c) => c.name);
}

function usingCondition(columns: readonly string[], left: Scope, right: Scope, on: Expr | undefined): Expr | undefined {
  let condition = on;
  for (const name of columns) {
    const leftColumn = left.columns.find((c) => !c.isHidden && c.name.toLowerCase() === name.toLowerCase());
    const rightColumn = right.columns.find((c) => !c.isHidden && c.name.toLowerCase() === name.toLowerCase());
    if (!leftColumn || !rightColumn) throw mysqlError(ER_BAD_FIELD_ERROR, name, 'from clause');
    const ref = (table: string): ColumnRefExpr => ({ kind: 'ColumnRefExpr', column: name, ...(table ? { table } : {}) });
    const equal: Expr = { kind: 'BinaryExpr', op: '=', left: ref(leftColumn.table), right: ref(rightColumn.table) };
    condition = condition ? { kind: 'BinaryExpr', op: 'AND', left: condition, right: equal } : equal;
  }
  return condition;
}

/** Swaps the two column groups of a swapped (RIGHT) join back into written order. */
function reorder(source: RowSource, firstWidth: number, secondWidth: number): RowSource {
  const columns = source.scope.columns;
  const scope = new Scope([...columns.slice(firstWidth), ...columns.slice(0, firstWidth)]);
  return {
    scope,
    plan: source.plan,
    rows: async function* () {
      for await (const batch of source.rows()) yield batch.map((row) => [...row.slice(firstWidth, firstWidth + secondWidth), ...row.slice(0, firstWidth)]);
    },
  };
}

/** Marks the right-hand copies of USING columns hidden (the left ones for RIGHT JOIN, which coalesce the other way). */
function hideMerged(source: RowSource, columns: readonly string[], leftWidth: number, isRight: boolean): RowSource {
  const names = new Set(columns.map((c) => c.toLowerCase()));
  const scope = new Scope(
    source.scope.columns.map((column, index) => {
      const isRightSide = index >= leftWidth;
      const shouldHide = names.has(column.name.toLowerCase()) && isRightSide !== isRight && !column.isHidden;
      return shouldHide ? { ...column, isHidden: true } : column;
    }),
  );
  return { scope, plan: source.plan, rows: () => source.rows() };
}
