// executeQuery: runs SELECT (joins, WHERE, GROUP BY/aggregates, HAVING, DISTINCT, ORDER BY, LIMIT) and UNION.
import type { StatementParams } from '../expression/index.js';
import { mysqlError, ER_BAD_FIELD_ERROR, ER_NOT_SUPPORTED_YET, ER_WRONG_ARGUMENTS, ER_WRONG_NUMBER_OF_COLUMNS_IN_SELECT, ER_INVALID_GROUP_FUNC_USE } from '../../errors/index.js';
import type { ColumnRefExpr, Expr, Limit, OrderItem, QueryExpr, SelectStmt, UnionStmt } from '../ast/index.js';
import type { Catalog } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { Scope, compileExpr, forEachExpr, mapExpr, unifyTypes } from '../expression/index.js';
import type { AsyncPart, CompileContext, CompiledExpr, OuterBinding, ScopeColumn } from '../expression/index.js';
import { planFrom } from '../planner/plan-from.js';
import type { OrderRequest } from '../planner/ordered-path.js';
import { splitConjuncts } from '../planner/access-path.js';
import { expressionColumn } from '../statement-result.js';
import type { ResultColumn, RowsResult } from '../statement-result.js';
import { toBoolean, toInteger } from '../types/index.js';
import type { FieldType, Row } from '../types/index.js';
import { AggregateExtractor } from './aggregate/extract-aggregates.js';
import { aggregateSource } from './aggregate/aggregate-exec.js';
import { distinctKey } from './aggregate/accumulator.js';
import { memoryRowSource } from './row-source.js';
import { prepareParts } from './prepare-parts.js';
import type { RowSource } from './row-source.js';
import { conjunction } from './table-source.js';
import { expandWith } from './with-clause.js';
import { checkFullGroupBy } from './full-group-by-check.js';
import type { CheckedItem } from './full-group-by-check.js';
import { outputPlan, outputRows } from './output-rows.js';
import type { Projection, SortKey } from './output-rows.js';
import { tableResultColumn } from './table-scope.js';
import { describeConditions, describeExpr } from '../planner/describe-expr.js';
import { PSEUDO_SELECTIVITY, endRun, operatorPlan, startRun } from '../planner/operator-plan.js';
import type { OperatorPlan } from '../planner/operator-plan.js';

/** A planned query: result columns, the plan EXPLAIN prints, and its rows (each `rows()` call runs it again). */
export interface PlannedQuery extends RowSource {
  readonly columns: readonly ResultColumn[];
}

/**
 * The plans EXPLAIN shows for subqueries, by their AST node. A subquery is planned again for each run; EXPLAIN
 * ANALYZE adds each run's stats to the plan shown.
 */
export type SubqueryPlans = Map<QueryExpr, OperatorPlan>;

/** Plans a query expression without running anything. */
export async function planQuery(
  query: QueryExpr,
  catalog: Catalog,
  session: ExecutionContext,
  params?: StatementParams,
  outer?: OuterBinding,
  subqueryPlans?: SubqueryPlans,
): Promise<PlannedQuery> {
  if (query.with) query = await expandWith(query, session, (cte) => materializeQuery(cte, catalog, session, params, outer, subqueryPlans));
  switch (query.kind) {
    case 'SelectStmt':
      return planSelect(query, catalog, session, params, outer, subqueryPlans);
    case 'UnionStmt':
      return planUnion(query, catalog, session, params, outer, subqueryPlans);
    case 'ValuesStmt':
      throw mysqlError(ER_NOT_SUPPORTED_YET, 'VALUES statements');
  }
}

/** Runs a query expression and streams its rows. */
export async function executeQuery(
  query: QueryExpr,
  catalog: Catalog,
  session: ExecutionContext,
  params?: StatementParams,
  outer?: OuterBinding,
): Promise<RowsResult> {
  const planned = await planQuery(query, catalog, session, params, outer);
  return { kind: 'rows', columns: planned.columns, rows: planned.rows() };
}

/** Runs a query to completion and returns its rows with their layout (subqueries, INSERT … SELECT, view checks). */
export async function materializeQuery(
  query: QueryExpr,
  catalog: Catalog,
  session: ExecutionContext,
  params?: StatementParams,
  outer?: OuterBinding,
  subqueryPlans?: SubqueryPlans,
): Promise<{ scope: Scope; columns: readonly ResultColumn[]; rows: Row[]; plan: OperatorPlan }> {
  const planned = await planQuery(query, catalog, session, params, outer, subqueryPlans);
  const rows: Row[] = [];
  for await (const batch of planned.rows()) for (const row of batch) rows.push(row);
  return { scope: planned.scope, columns: planned.columns, rows, plan: planned.plan };
}

function resultScope(columns: readonly ResultColumn[]): Scope {
  return new Scope(
    columns.map((column) => ({
      name: column.name,
      table: '',
      database: '',
      type: column.type,
      isNotNull: column.isNotNull,
    })),
  );
}

async function planSelect(
  select: SelectStmt,
  catalog: Catalog,
  session: ExecutionContext,
  params?: StatementParams,
  outer?: OuterBinding,
  subqueryPlans?: SubqueryPlans,
): Promise<PlannedQuery> {
  if (select.into) throw mysqlError(ER_NOT_SUPPORTED_YET, 'SELECT … INTO');
  const runSubquery = async (query: QueryExpr, binding: OuterBinding): Promise<{ rows: Row[]; types: FieldType[] }> => {
    const result = await materializeQuery(query, catalog, session, params, binding, subqueryPlans);
    const shown = subqueryPlans?.get(query);
    if (shown) addStats(shown, result.plan);
    return { rows: result.rows, types: result.columns.map((column) => column.type) };
  };
  // Filled in once the FROM scope is known, before the select list compiles.
  const typing: { subqueryTypes?: ReadonlyMap<QueryExpr, FieldType> | undefined } = {};
  const contextFor = (scope: Scope, clause: CompileContext['clause'], asyncParts?: AsyncPart[]): CompileContext => ({
    scope,
    clause,
    session,
    outer,
    runSubquery,
    asyncParts,
    subqueryTypes: typing.subqueryTypes,
    ...(params ? { params } : {}),
  });

  // FROM and WHERE.
  let source: RowSource;
  let remaining: Expr[];
  if (select.from && select.from.length > 0) {
    const planned = await planFrom(
      select.from,
      select.where,
      catalog,
      session,
      params,
      (query) => planQuery(query, catalog, session, params, outer, subqueryPlans),
      { order: orderRequest(select) },
    );
    source = planned.source;
    remaining = planned.remaining;
  } else {
    source = memoryRowSource(Scope.empty, [[]]);
    remaining = splitConjuncts(select.where);
  }
  const where = conjunction(remaining);
  if (where) {
    if (AggregateExtractor.contains(where)) throw mysqlError(ER_INVALID_GROUP_FUNC_USE);
    const parts: AsyncPart[] = [];
    source = filterSource(
      source,
      compileExpr(where, contextFor(source.scope, 'where clause', parts)),
      parts,
      session,
      remaining,
    );
  }

  // GROUP BY and aggregates: aggregate calls become columns of the aggregated row layout.
  const items = expandAliases(select);
  const isAggregate = (select.groupBy?.length ?? 0) > 0 || items.some((item) => item.expr && AggregateExtractor.contains(item.expr)) ||
    (select.having !== undefined && AggregateExtractor.contains(select.having)) || (select.orderBy ?? []).some((item) => AggregateExtractor.contains(item.expr));
  const extractor = new AggregateExtractor();
  const rewrite = (expr: Expr): Expr => (isAggregate ? extractor.rewrite(expr) : expr);
  const rewrittenItems = items.map((item) => (item.expr ? { ...item, expr: rewrite(item.expr) } : item));
  const having = select.having ? rewrite(substituteAliases(select.having, items, source.scope)) : undefined;
  const orderBy = (select.orderBy ?? []).map((item) => ({ ...item, expr: resolveOrderExpr(item, items, source.scope, rewrite) }));
  if (isAggregate) {
    const groupBy = (select.groupBy ?? []).map((expr) => resolveGroupExpr(expr, items, source.scope));
    if (session.isOnlyFullGroupBy) {
      const scope = source.scope;
      const checked = rewrittenItems.map((item): CheckedItem => (item.star ? { offsets: starColumns(item.star, scope) } : { expr: item.expr! }));
      const orderExprs = orderBy.flatMap((item) => (typeof item.expr === 'number' ? [] : [item.expr]));
      checkFullGroupBy(checked, orderExprs, groupBy, scope, splitConjuncts(select.where));
    }
    source = aggregateSource(source, groupBy, extractor.calls, contextFor(source.scope, 'group statement', []));
  }
  if (having) {
    const parts: AsyncPart[] = [];
    source = filterSource(
      source,
      compileExpr(having, contextFor(source.scope, 'having clause', parts)),
      parts,
      session,
      splitConjuncts(having),
    );
  }

  const outputParts: AsyncPart[] = [];
  typing.subqueryTypes = await scalarSubqueryTypes(rewrittenItems, source.scope, outer, (query, binding) => planQuery(query, catalog, session, params, binding));
  const projections = compileProjections(rewrittenItems, source.scope, contextFor(source.scope, 'field list', outputParts));
  // A table read in ORDER BY order (see orderRequest) needs no sort; nothing above it reorders rows.
  if (source.providesOrder === true) orderBy.length = 0;
  const sortKeys: SortKey[] = orderBy.map((item) => ({
    expr: typeof item.expr === 'number' ? projections[item.expr]!.expr : compileExpr(item.expr, contextFor(source.scope, 'order clause', outputParts)),
    isDescending: item.direction === 'DESC',
  }));
  const limit = evaluateLimit(select.limit, contextFor(Scope.empty, 'field list'));
  const input = source;
  const isTrivial =
    outputParts.length === 0 && projections.every((projection) => projection.expr.columnIndex !== undefined);
  const projectionText = (): string => describeProjections(rewrittenItems, input.scope);
  const plan = outputPlan(input.plan, {
    ...(isTrivial ? {} : { projection: projectionText }),
    subqueries: outputParts,
    ...(select.isDistinct ? { distinct: projectionText } : {}),
    sort: orderBy.map((item) => ({
      text: () => (typeof item.expr === 'number' ? `Column#${item.expr}` : describeExpr(item.expr, input.scope)),
      isDescending: item.direction === 'DESC',
    })),
    limit,
  });
  const columns = projections.map((projection) => projection.column);
  return {
    columns,
    scope: resultScope(columns),
    plan: plan.top,
    rows: () => outputRows(input, projections, sortKeys, select.isDistinct, limit, session, plan, outputParts),
  };
}

/**
 * The column types of the scalar subqueries in the select list, so that result metadata says what they return (an
 * integer for `(SELECT COUNT(*) …)`) and drivers decode it as such. Each is planned, not run; one that fails to plan
 * keeps the default type and reports its error when it runs.
 */
async function scalarSubqueryTypes(
  items: readonly Item[],
  scope: Scope,
  outer: OuterBinding | undefined,
  plan: (query: QueryExpr, binding: OuterBinding) => Promise<PlannedQuery>,
): Promise<ReadonlyMap<QueryExpr, FieldType> | undefined> {
  let types: Map<QueryExpr, FieldType> | undefined;
  for (const item of items) {
    if (!item.expr) continue;
    const queries: QueryExpr[] = [];
    forEachExpr(item.expr, (node) => {
      if (node.kind === 'SubqueryExpr') queries.push(node.query);
    });
    for (const query of queries) {
      try {
        const planned = await plan(query, { scope, current: [], wasRead: false, parent: outer });
        if (planned.columns.length === 1) (types ??= new Map()).set(query, planned.columns[0]!.type);
      } catch {
        // Reported when the subquery runs.
      }
    }
  }
  return types;
}

/**
 * The ORDER BY a single-table SELECT may ask its table to deliver: plain columns in one direction, no grouping,
 * aggregates or DISTINCT (which reorder or need all rows), and no select-list alias among the names (an alias may
 * name an expression).
 */
function orderRequest(select: SelectStmt): OrderRequest | undefined {
  const orderBy = select.orderBy;
  if (!orderBy || orderBy.length === 0 || select.isDistinct || (select.groupBy?.length ?? 0) > 0) return undefined;
  if (select.items.some((item) => item.kind !== 'SelectStarItem' && AggregateExtractor.contains(item.expr))) return undefined;
  if (select.having !== undefined) return undefined;
  const aliases = new Set(select.items.flatMap((item) => (item.kind !== 'SelectStarItem' && item.alias ? [item.alias.toLowerCase()] : [])));
  const columns: ColumnRefExpr[] = [];
  for (const item of orderBy) {
    if (item.expr.kind !== 'ColumnRefExpr' || (item.expr.table === undefined && aliases.has(item.expr.column.toLowerCase()))) return undefined;
    columns.push(item.expr);
  }
  const isDescending = orderBy[0]!.direction === 'DESC';
  if (orderBy.some((item) => (item.direction === 'DESC') !== isDescending)) return undefined;
  return { columns, isDescending, hasLimit: select.limit !== undefined };
}

/** The select list as a Projection's operator info. */
function describeProjections(items: readonly Item[], scope: Scope): string {
  return items
    .map((item) =>
      item.star
        ? starColumns(item.star, scope)
            .map((offset) =>
              describeExpr(
                { kind: 'ColumnRefExpr', column: scope.columns[offset]!.name, table: scope.columns[offset]!.table },
                scope,
              ),
            )
            .join(', ')
        : describeExpr(item.expr!, scope),
    )
    .join(', ');
}

/** A select item with a star expanded later, or an expression with its alias and source text. */
interface Item {
  readonly expr?: Expr;
  readonly star?: { readonly db?: string | undefined; readonly table?: string | undefined };
  readonly alias?: string | undefined;
  readonly text: string;
  /** The result column name: the alias, the column name, or the expression as written. */
  readonly name?: string;
}

function expandAliases(select: SelectStmt): Item[] {
  return select.items.map((item) =>
    item.kind === 'SelectStarItem'
      ? { star: { db: item.db, table: item.table }, text: '*' }
      : { expr: item.expr, alias: item.alias, text: item.text, name: item.alias ?? (item.expr.kind === 'ColumnRefExpr' ? item.expr.column : item.text) },
  );
}

/** Replaces unqualified names that are not input columns but are select-list aliases by the aliased expression. */
function substituteAliases(expr: Expr, items: readonly Item[], scope: Scope): Expr {
  return mapExpr(expr, (node) => {
    if (node.kind !== 'ColumnRefExpr' || node.table !== undefined || scope.has(node)) return undefined;
    const aliased = items.find((item) => item.alias?.toLowerCase() === node.column.toLowerCase());
    return aliased?.expr;
  });
}

/** GROUP BY position (1-based), alias, or expression, as MySQL resolves them. */
function resolveGroupExpr(expr: Expr, items: readonly Item[], scope: Scope): Expr {
  if (expr.kind === 'NumberLiteralExpr' && expr.numberKind === 'int') {
    const item = items[Number(expr.text) - 1];
    if (!item?.expr) throw mysqlError(ER_BAD_FIELD_ERROR, expr.text, 'group statement');
    return item.expr;
  }
  return substituteAliases(expr, items, scope);
}

/** ORDER BY position (index into the projections), alias, or expression (with aggregates rewritten). */
function resolveOrderExpr(item: OrderItem, items: readonly Item[], scope: Scope, rewrite: (expr: Expr) => Expr): Expr | number {
  const expr = item.expr;
  if (expr.kind === 'NumberLiteralExpr' && expr.numberKind === 'int') {
    const position = Number(expr.text);
    if (position < 1 || position > countColumns(items, scope)) throw mysqlError(ER_BAD_FIELD_ERROR, expr.text, 'order clause');
    return position - 1;
  }
  if (expr.kind === 'ColumnRefExpr' && expr.table === undefined) {
    const index = items.findIndex((candidate) => candidate.alias?.toLowerCase() === expr.column.toLowerCase());
    if (index >= 0 && !items.slice(0, index).some((candidate) => candidate.star)) return index;
  }
  return rewrite(substituteAliases(expr, items, scope));
}

function starColumns(star: NonNullable<Item['star']>, scope: Scope): number[] {
  const offsets: number[] = [];
  scope.columns.forEach((column, offset) => {
    if (column.isHidden || column.name.startsWith('\u0000')) return;
    if (star.table !== undefined && column.table.toLowerCase() !== star.table.toLowerCase()) return;
    if (star.db !== undefined && column.database.toLowerCase() !== star.db.toLowerCase()) return;
    offsets.push(offset);
  });
  return offsets;
}

function countColumns(items: readonly Item[], scope: Scope): number {
  return items.reduce((sum, item) => sum + (item.star ? starColumns(item.star, scope).length : 1), 0);
}

function compileProjections(items: readonly Item[], scope: Scope, context: CompileContext): Projection[] {
  const projections: Projection[] = [];
  for (const item of items) {
    if (item.star) {
      const offsets = starColumns(item.star, scope);
      if (offsets.length === 0 && (item.star.table !== undefined || scope.columns.length === 0)) {
        if (item.star.table !== undefined) throw mysqlError(ER_BAD_FIELD_ERROR, `${item.star.table}.*`, 'field list');
        throw mysqlError(ER_NOT_SUPPORTED_YET, 'SELECT * without tables');
      }
      for (const offset of offsets) {
        const column = scope.columns[offset]!;
        projections.push({ column: resultColumn(column, column.name), expr: { type: column.type, isNullable: !column.isNotNull, evaluate: (row) => row[offset] ?? null, columnIndex: offset } });
      }
      continue;
    }
    const expr = compileExpr(item.expr!, context);
    const name = item.name ?? item.text;
    const source = expr.columnIndex === undefined ? undefined : scope.columns[expr.columnIndex];
    projections.push({ column: source && !source.name.startsWith('\u0000') ? resultColumn(source, name) : expressionColumn(name, expr.type, !expr.isNullable), expr });
  }
  return projections;
}

function resultColumn(column: ScopeColumn, name: string): ResultColumn {
  if (column.origin) return tableResultColumn(column.origin.table, column.database, column.origin.offset, name, column.table);
  return { ...expressionColumn(name, column.type, column.isNotNull), table: column.table, orgName: column.name };
}

/** TiDB's Selection: keeps the rows for which `filter` (the conjuncts) is true; subqueries run per batch first. */
function filterSource(
  source: RowSource,
  filter: CompiledExpr,
  parts: readonly AsyncPart[],
  session: ExecutionContext,
  conjuncts: readonly Expr[],
): RowSource {
  const warnings = session.warnings;
  const plan = operatorPlan(
    'Selection',
    (source.plan.estRows ?? 0) * PSEUDO_SELECTIVITY,
    [source.plan],
    () => describeConditions(conjuncts, source.scope),
    { subqueries: parts },
  );
  return {
    scope: source.scope,
    plan,
    rows: async function* () {
      const startedAt = startRun(plan.stats);
      try {
        for await (const batch of source.rows()) {
          if (parts.length > 0) await prepareParts(parts, batch);
          const kept: Row[] = [];
          for (const row of batch) if (toBoolean(filter.evaluate(row), warnings) === true) kept.push(row);
          plan.stats.rows += kept.length;
          if (kept.length > 0) yield kept;
        }
      } finally {
        endRun(plan.stats, startedAt);
      }
    },
  };
}

function evaluateLimit(limit: Limit | undefined, context: CompileContext): { count: number; offset: number } | undefined {
  if (!limit) return undefined;
  const value = (expr: Expr): number => {
    const compiled = compileExpr(expr, context);
    const number = compiled.constantValue === undefined ? null : toInteger(compiled.constantValue, context.session.warnings);
    if (number === null || number < 0n) throw mysqlError(ER_WRONG_ARGUMENTS, 'LIMIT');
    return number > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(number);
  };
  return { count: value(limit.count), offset: limit.offset ? value(limit.offset) : 0 };
}

function combineRows(op: UnionStmt['op'], isAll: boolean, left: readonly Row[], right: readonly Row[], types: readonly FieldType[]): Row[] {
  const keyOf = (row: Row): string => distinctKey(row, types);
  const distinct = (rows: readonly Row[]): Row[] => {
    const seen = new Set<string>();
    return rows.filter((row) => {
      const key = keyOf(row);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };
  if (op === 'UNION') return isAll ? [...left, ...right] : distinct([...left, ...right]);
  const counts = new Map<string, number>();
  for (const row of right) counts.set(keyOf(row), (counts.get(keyOf(row)) ?? 0) + 1);
  const kept = left.filter((row) => {
    const key = keyOf(row);
    const count = counts.get(key) ?? 0;
    if (op === 'INTERSECT') {
      if (count === 0) return false;
      if (isAll) counts.set(key, count - 1);
      return true;
    }
    if (count === 0) return true;
    if (isAll) counts.set(key, count - 1);
    return false;
  });
  return isAll ? kept : distinct(kept);
}

/**
 * UNION / INTERSECT / EXCEPT [ALL|DISTINCT]: both sides materialised when run, columns named after the left side,
 * types unified. The ALL forms keep multiplicities as MySQL 8.0.31 does (INTERSECT ALL: the smaller count; EXCEPT
 * ALL: the difference of counts).
 */
async function planUnion(
  union: UnionStmt,
  catalog: Catalog,
  session: ExecutionContext,
  params?: StatementParams,
  outer?: OuterBinding,
  subqueryPlans?: SubqueryPlans,
): Promise<PlannedQuery> {
  const left = await planQuery(union.left, catalog, session, params, outer, subqueryPlans);
  const right = await planQuery(union.right, catalog, session, params, outer, subqueryPlans);
  if (left.columns.length !== right.columns.length) throw mysqlError(ER_WRONG_NUMBER_OF_COLUMNS_IN_SELECT);
  const types: FieldType[] = left.columns.map((column, i) => unifyTypes([column.type, right.columns[i]!.type]));
  const columns = left.columns.map((column, i) =>
    expressionColumn(column.name, types[i]!, column.isNotNull && right.columns[i]!.isNotNull),
  );
  const scope = resultScope(columns);
  const context: CompileContext = { scope, clause: 'order clause', session, ...(params ? { params } : {}) };
  const sortKeys: SortKey[] = (union.orderBy ?? []).map((item) => {
    const expr = item.expr;
    if (expr.kind === 'NumberLiteralExpr' && expr.numberKind === 'int') {
      const index = Number(expr.text) - 1;
      if (index < 0 || index >= columns.length) throw mysqlError(ER_BAD_FIELD_ERROR, expr.text, 'order clause');
      return { expr: { type: types[index]!, isNullable: true, evaluate: (row: Row) => row[index] ?? null }, isDescending: item.direction === 'DESC' };
    }
    const unqualified = expr.kind === 'ColumnRefExpr' ? { ...expr, table: undefined, db: undefined } : expr;
    return { expr: compileExpr(unqualified, context), isDescending: item.direction === 'DESC' };
  });
  const limit = evaluateLimit(union.limit, { ...context, scope: Scope.empty });
  const projections: Projection[] = columns.map((column, index) => ({
    column,
    expr: { type: column.type, isNullable: true, evaluate: (row: Row) => row[index] ?? null },
  }));
  const setPlan = setOperationPlan(union, left.plan, right.plan, scope);
  const combined: RowSource = {
    scope,
    plan: setPlan.top,
    rows: async function* () {
      const startedAt = performance.now();
      const leftRows: Row[] = [];
      for await (const batch of left.rows()) for (const row of batch) leftRows.push(row);
      const rightRows: Row[] = [];
      for await (const batch of right.rows()) for (const row of batch) rightRows.push(row);
      const rows = combineRows(union.op, union.isAll, leftRows, rightRows, types);
      const elapsed = performance.now() - startedAt;
      for (const node of setPlan.nodes) {
        node.stats.loops++;
        node.stats.timeMs += elapsed;
        node.stats.rows += node === setPlan.concat ? leftRows.length + rightRows.length : rows.length;
      }
      if (rows.length > 0) yield rows;
    },
  };
  const plan = outputPlan(combined.plan, {
    subqueries: [],
    sort: (union.orderBy ?? []).map((item) => ({
      text: () => describeExpr(item.expr, scope),
      isDescending: item.direction === 'DESC',
    })),
    limit,
  });
  return {
    columns,
    scope,
    plan: plan.top,
    rows: () => outputRows(combined, projections, sortKeys, false, limit, session, plan),
  };
}

/**
 * UNION ALL is TiDB's Union; UNION (DISTINCT) a HashAgg over it; INTERSECT and EXCEPT count rows of the right side
 * in a hash map and filter the left (`concat` is the node whose rows are both inputs together, when there is one).
 */
function setOperationPlan(
  union: UnionStmt,
  left: OperatorPlan,
  right: OperatorPlan,
  scope: Scope,
): { top: OperatorPlan; nodes: OperatorPlan[]; concat?: OperatorPlan } {
  const groupBy = (): string => `group by:${scope.columns.map((_, i) => `Column#${i}`).join(', ')}`;
  if (union.op === 'UNION') {
    const concat = operatorPlan('Union', (left.estRows ?? 0) + (right.estRows ?? 0), [left, right]);
    if (union.isAll) return { top: concat, nodes: [concat], concat };
    const distinct = operatorPlan('HashAgg', (concat.estRows ?? 0) * PSEUDO_SELECTIVITY, [concat], groupBy);
    return { top: distinct, nodes: [concat, distinct], concat };
  }
  const name = union.op === 'INTERSECT' ? 'Intersect' : 'Except';
  const node = operatorPlan(
    name,
    (left.estRows ?? 0) * PSEUDO_SELECTIVITY,
    [left, right],
    () => (union.isAll ? 'all' : 'distinct'),
    { roles: ['Probe', 'Build'] },
  );
  return { top: node, nodes: [node] };
}

/** Adds the stats of one run of a subquery's plan to the plan EXPLAIN shows for it (same shape, node by node). */
function addStats(shown: OperatorPlan, run: OperatorPlan): void {
  if (shown === run) return;
  shown.stats.rows += run.stats.rows;
  shown.stats.loops += run.stats.loops;
  shown.stats.timeMs += run.stats.timeMs;
  shown.children.forEach((child, i) => {
    const other = run.children[i];
    if (other && other.operator === child.operator) addStats(child, other);
  });
}
