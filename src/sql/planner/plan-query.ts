// planQuery: plans a query expression (SELECT or a set operation, its WITH expanded first) into a tree of plan nodes
// topped by an Output node: FROM and WHERE, GROUP BY and aggregates, HAVING, the select list, ORDER BY and LIMIT.
import { mysqlError, ER_NOT_SUPPORTED_YET, ER_INVALID_GROUP_FUNC_USE } from '../../errors/index.js';
import type { ColumnRefExpr, Expr, QueryExpr, SelectStmt } from '../ast/index.js';
import { Scope, compileExpr, forEachExpr } from '../expression/index.js';
import type { AsyncPart, CompileContext, CompiledExpr, OuterBinding } from '../expression/index.js';
import type { FieldType, Row } from '../types/index.js';
import { conjunction, splitConjuncts } from './access-path.js';
import { describeConditions, describeExpr } from './describe-expr.js';
import { AggregateExtractor } from './extract-aggregates.js';
import { checkFullGroupBy, dependenceConjuncts } from './full-group-by-check.js';
import type { CheckedItem } from './full-group-by-check.js';
import { PSEUDO_SELECTIVITY, operatorPlan } from './operator-plan.js';
import type { OperatorPlan } from './operator-plan.js';
import type { OrderRequest } from './ordered-path.js';
import type { OutputPlan, PhysicalPlan, SelectionPlan, SortKey } from './physical-plan.js';
import { planAggregate } from './plan-aggregate.js';
import type { PlanContext } from './plan-context.js';
import { planFrom, tableDual } from './plan-from.js';
import { evaluateLimit, outputOperators, resultScope } from './plan-output.js';
import { planSetOperation } from './plan-set-operation.js';
import {
  compileProjections,
  describeProjections,
  expandAliases,
  resolveGroupExpr,
  resolveOrderExpr,
  starColumns,
  substituteAliases,
} from './select-items.js';
import type { Item } from './select-items.js';
import { WindowDefinitions } from './window-definitions.js';
import { WindowExtractor } from './extract-windows.js';
import { planWindows, windowOrderRequest } from './plan-window.js';
import { Rollup, refuseGrouping } from './plan-rollup.js';
import type { LateralPlanner } from './plan-lateral.js';
import { expandWith } from './with-clause.js';
import { valuesAsQuery } from './values-query.js';
import { referencedColumnNames } from './referenced-columns.js';

/** Plans a query expression without running anything (a recursive CTE in its WITH is computed first). */
export async function planQuery(query: QueryExpr, context: PlanContext, outer?: OuterBinding): Promise<OutputPlan> {
  if (query.with) query = await expandWith(query, context.session, (cte) => planAndRun(cte, context, outer));
  switch (query.kind) {
    case 'SelectStmt':
      return planSelect(query, context, outer);
    case 'UnionStmt': {
      const left = await planQuery(query.left, context, outer);
      const right = await planQuery(query.right, context, outer);
      return planSetOperation(query, left, right, context);
    }
    case 'ValuesStmt':
      return planQuery(valuesAsQuery(query), context, outer);
  }
}

/** Plans a nested query and runs it at once through the executor (subqueries, recursive CTEs). */
export async function planAndRun(query: QueryExpr, context: PlanContext, outer: OuterBinding | undefined): Promise<{ plan: OutputPlan; scope: Scope; rows: Row[] }> {
  const plan = await planQuery(query, context, outer);
  return { plan, scope: plan.scope, rows: await context.materialize(plan, context.session) };
}

async function planSelect(select: SelectStmt, context: PlanContext, outer: OuterBinding | undefined): Promise<OutputPlan> {
  if (select.into) throw mysqlError(ER_NOT_SUPPORTED_YET, 'SELECT … INTO');
  const { session, params, subqueryPlans } = context;
  const runSubquery = async (query: QueryExpr, binding: OuterBinding): Promise<{ rows: Row[]; types: FieldType[] }> => {
    const result = await planAndRun(query, context, binding);
    const shown = subqueryPlans?.get(query);
    if (shown) addStats(shown, result.plan.explain);
    return { rows: result.rows, types: result.plan.columns.map((column) => column.type) };
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

  // The WINDOW clause is checked first; window functions may stand only in the select list and ORDER BY.
  const windowDefinitions = new WindowDefinitions(select.windows ?? []);
  WindowExtractor.refuseIn(select.where);
  for (const expr of select.groupBy ?? []) WindowExtractor.refuseIn(expr);
  WindowExtractor.refuseIn(select.having);

  const items = expandAliases(select);
  const isAggregate = (select.groupBy?.length ?? 0) > 0 || items.some((item) => item.expr && AggregateExtractor.contains(item.expr)) ||
    (select.having !== undefined && AggregateExtractor.contains(select.having)) || (select.orderBy ?? []).some((item) => AggregateExtractor.contains(item.expr)) ||
    windowDefinitions.windows.some((window) => AggregateExtractor.containsInWindow(window.spec));
  // A single table may deliver its rows in the order the first window wants, which then needs no sort.
  const windowOrder = isAggregate ? undefined : windowOrderRequest(items, windowDefinitions);

  // FROM and WHERE.
  let source: PhysicalPlan;
  let remaining: Expr[];
  if (select.from && select.from.length > 0) {
    const planned = await planFrom(select.from, select.where, context, (query) => planQuery(query, context, outer), {
      order: windowOrder?.request ?? orderRequest(select),
      columnNames: referencedColumnNames(select),
      lateral: lateralPlanner(context, outer),
    });
    source = planned.plan;
    remaining = planned.remaining;
  } else {
    source = tableDual(Scope.empty, [[]]);
    remaining = splitConjuncts(select.where);
  }
  const inputOrder = windowOrder && source.kind === 'TableReader' && source.access.isOrdered ? windowOrder.texts(source.scope) : [];
  const where = conjunction(remaining);
  if (where) {
    if (AggregateExtractor.contains(where)) throw mysqlError(ER_INVALID_GROUP_FUNC_USE);
    const parts: AsyncPart[] = [];
    source = selection(source, compileExpr(where, contextFor(source.scope, 'where clause', parts)), parts, remaining);
  }

  // GROUP BY and aggregates: aggregate calls become columns of the aggregated row layout.
  const extractor = new AggregateExtractor();
  const rewrite = (expr: Expr): Expr => (isAggregate ? extractor.rewrite(expr) : expr);
  let rewrittenItems = items.map((item) => (item.expr ? { ...item, expr: rewrite(item.expr) } : item));
  let groupedWindows = isAggregate ? windowDefinitions.map(rewrite) : windowDefinitions;
  const aliases = items.map((item) => item.alias);
  const havingResolved = select.having ? substituteAliases(select.having, items, source.scope) : undefined;
  if (select.having && havingResolved) WindowExtractor.refuseAliasIn(select.having, havingResolved, aliases);
  let having = havingResolved ? rewrite(havingResolved) : undefined;
  const orderBy = (select.orderBy ?? []).map((item) => ({ ...item, expr: resolveOrderExpr(item, items, source.scope, rewrite) }));
  const orderExprs = (): Expr[] => orderBy.flatMap((item) => (typeof item.expr === 'number' ? [] : [item.expr]));
  if (!select.withRollup) refuseGrouping([...rewrittenItems.map((item) => item.expr), having, ...orderExprs()]);
  let rollupWidth = 0;
  if (isAggregate) {
    const groupBy = (select.groupBy ?? []).map((expr) => {
      const resolved = resolveGroupExpr(expr, items, source.scope);
      WindowExtractor.refuseAliasIn(expr, resolved, aliases);
      return resolved;
    });
    const rollup = select.withRollup ? new Rollup(groupBy, source.scope, extractor.calls.length) : undefined;
    rollup?.checkGrouping([...rewrittenItems.map((item) => item.expr), having, ...orderExprs()]);
    if (session.isOnlyFullGroupBy) {
      const scope = source.scope;
      const checked = rewrittenItems.map((item): CheckedItem => (item.star ? { offsets: starColumns(item.star, scope) } : { expr: item.expr! }));
      checkFullGroupBy(checked, orderExprs(), groupBy, scope, dependenceConjuncts(select.where, select.from));
    }
    const groupedScope = source.scope;
    // GROUP BY keys and aggregate arguments may run subqueries (GROUP BY an alias of EXISTS(…)).
    source = planAggregate(source, groupBy, extractor.calls, context, contextFor(source.scope, 'group statement', []));
    if (rollup && source.kind === 'HashAgg') {
      // Expressions over grouped values read the group's columns from here on (NULL in super-aggregate rows).
      source = rollup.extend(source, groupedScope);
      const rolled = (expr: Expr): Expr => rollup.rewrite(expr);
      rewrittenItems = rewrittenItems.map((item) => (item.expr ? { ...item, expr: rolled(item.expr) } : item));
      having = having ? rolled(having) : undefined;
      for (const item of orderBy) if (typeof item.expr !== 'number') item.expr = rolled(item.expr);
      groupedWindows = groupedWindows.map(rolled);
      rollupWidth = rollup.width;
    }
  }
  if (having) {
    const parts: AsyncPart[] = [];
    source = selection(source, compileExpr(having, contextFor(source.scope, 'having clause', parts)), parts, splitConjuncts(having));
  }

  // Window functions, over the grouped and filtered rows; each call becomes a column of its Window operator.
  const windows = new WindowExtractor(groupedWindows, extractor.calls.length + rollupWidth);
  const windowedItems = rewrittenItems.map((item) => (item.expr ? { ...item, expr: windows.rewrite(item.expr) } : item));
  for (const item of orderBy) if (typeof item.expr !== 'number') item.expr = windows.rewrite(item.expr);
  if (windows.calls.length > 0 || windowDefinitions.windows.length > 0) {
    const windowInput = source;
    const planned = planWindows(windowInput, windows.calls, windows.definitions, (clause, parts) => contextFor(windowInput.scope, clause, parts), session, inputOrder);
    source = planned.plan;
    // Rows leave the last Window in its order: an ORDER BY it already satisfies needs no sort.
    const orderTexts = orderBy.map((item) => (typeof item.expr === 'number' ? '' : `${describeExpr(item.expr, source.scope)}${item.direction === 'DESC' ? ':desc' : ''}`));
    if (orderTexts.length > 0 && orderTexts.every((text, i) => text !== '' && planned.order[i] === text)) orderBy.length = 0;
  }

  const outputParts: AsyncPart[] = [];
  typing.subqueryTypes = await scalarSubqueryTypes(windowedItems, source.scope, outer, (query, binding) => planQuery(query, context, binding));
  const projections = compileProjections(windowedItems, source.scope, contextFor(source.scope, 'field list', outputParts));
  // A table read in ORDER BY order (see orderRequest) needs no sort; nothing above it reorders rows.
  if (source.kind === 'TableReader' && source.access.isOrdered) orderBy.length = 0;
  const sortKeys: SortKey[] = orderBy.map((item) => ({
    expr: typeof item.expr === 'number' ? projections[item.expr]!.expr : compileExpr(item.expr, contextFor(source.scope, 'order clause', outputParts)),
    isDescending: item.direction === 'DESC',
  }));
  const limit = evaluateLimit(select.limit, contextFor(Scope.empty, 'field list'));
  const input = source;
  const isTrivial =
    outputParts.length === 0 && projections.every((projection) => projection.expr.columnIndex !== undefined);
  const projectionText = (): string => describeProjections(windowedItems, input.scope);
  const operators = outputOperators(input.explain, {
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
    kind: 'Output',
    scope: resultScope(columns),
    explain: operators.top,
    input,
    columns,
    projections,
    sortKeys,
    isDistinct: select.isDistinct,
    limit,
    parts: outputParts,
    operators,
  };
}

/** TiDB's Selection over `input`: keeps the rows for which `filter` (the conjuncts) is true. */
function selection(input: PhysicalPlan, filter: CompiledExpr, parts: readonly AsyncPart[], conjuncts: readonly Expr[]): SelectionPlan {
  const explain = operatorPlan(
    'Selection',
    (input.explain.estRows ?? 0) * PSEUDO_SELECTIVITY,
    [input.explain],
    () => describeConditions(conjuncts, input.scope),
    { subqueries: parts },
  );
  return { kind: 'Selection', scope: input.scope, explain, input, filter, parts };
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
  plan: (query: QueryExpr, binding: OuterBinding) => Promise<OutputPlan>,
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
 * The ORDER BY a single-table SELECT may ask its table to deliver: plain columns in one direction, no grouping or
 * aggregates (which reorder or need all rows), and no select-list alias among the names (an alias may name an
 * expression). DISTINCT may: it keeps each first occurrence in input order, so rows read in order stay in order.
 */
function orderRequest(select: SelectStmt): OrderRequest | undefined {
  const orderBy = select.orderBy;
  if (!orderBy || orderBy.length === 0 || (select.groupBy?.length ?? 0) > 0) return undefined;
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

/** LATERAL derived tables are planned against the rows before them, then planned and run again for each such row. */
function lateralPlanner(context: PlanContext, outer: OuterBinding | undefined): LateralPlanner {
  return {
    outer,
    plan: (query, binding) => planQuery(query, context, binding),
    run: async (query, binding, shown) => {
      const result = await planAndRun(query, context, binding);
      addStats(shown, result.plan.explain);
      return result.rows;
    },
  };
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
