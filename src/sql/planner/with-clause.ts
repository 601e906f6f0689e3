// expandWith: common table expressions (WITH [RECURSIVE]) rewritten into the query before it is planned.
import { mysqlError, ER_CTE_MAX_RECURSION_DEPTH, ER_CTE_RECURSIVE_REQUIRES_UNION, ER_NONUNIQ_TABLE } from '../../errors/index.js';
import type { CommonTableExpr, Expr, QueryExpr, SelectItem, TableNameRef, TableRef, UnionStmt } from '../ast/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { Scope, distinctKey, mapExpr } from '../expression/index.js';
import { materializedTables } from './materialized-tables.js';
import { toInteger } from '../types/index.js';
import type { Row } from '../types/index.js';
import { MEMORY_CHECK_INTERVAL, checkMemory } from '../memory-guard.js';

/** Runs a query to completion (planned by planQuery and run by the executor; injected to avoid an import cycle). */
export type MaterializeQuery = (query: QueryExpr) => Promise<{ scope: Scope; rows: Row[] }>;

/** What a CTE name stands for inside the query: its (rewritten) query, or rows already computed. */
type Binding =
  | { readonly kind: 'query'; readonly cte: CommonTableExpr }
  | { readonly kind: 'rows'; readonly name: string; readonly scope: Scope; readonly rows: readonly Row[] }
  | { readonly kind: 'probe'; readonly onHit: () => void };

type Bindings = ReadonlyMap<string, Binding>;

/**
 * Returns `query` without its WITH clause: every reference to a CTE (in FROM, joins, derived tables and subqueries,
 * unless an inner WITH redefines the name) becomes a derived table of the CTE's query, as MySQL merges or
 * materialises non-recursive CTEs. A recursive CTE is computed here, iterating its recursive member on the rows of
 * the previous round until no new rows come (UNION DISTINCT drops rows already seen), and its references read
 * those rows. Names compare case-insensitively, like table aliases.
 */
export async function expandWith(query: QueryExpr, session: ExecutionContext, materialize: MaterializeQuery): Promise<QueryExpr> {
  const clause = query.with;
  if (!clause) return query;
  const bindings = new Map<string, Binding>();
  for (const cte of clause.ctes) {
    const key = cte.name.toLowerCase();
    if (bindings.has(key)) throw mysqlError(ER_NONUNIQ_TABLE, cte.name);
    if (clause.isRecursive && readsName(cte.query, key)) {
      const { scope, rows } = await computeRecursive(cte, bindings, session, materialize);
      bindings.set(key, { kind: 'rows', name: cte.name, scope, rows });
    } else {
      bindings.set(key, { kind: 'query', cte: { ...cte, query: rewriteQuery(cte.query, bindings) } });
    }
  }
  const { with: _with, ...rest } = query;
  return rewriteQuery(rest, bindings);
}

async function computeRecursive(
  cte: CommonTableExpr,
  outer: Bindings,
  session: ExecutionContext,
  materialize: MaterializeQuery,
): Promise<{ scope: Scope; rows: Row[] }> {
  const key = cte.name.toLowerCase();
  const union = cte.query;
  // MySQL: the non-recursive members come first, then UNION [ALL|DISTINCT] and the members that read the CTE.
  if (union.kind !== 'UnionStmt' || readsName(union.left, key) || union.op !== 'UNION') {
    throw mysqlError(ER_CTE_RECURSIVE_REQUIRES_UNION, cte.name);
  }
  const anchor = await materialize(rewriteQuery(union.left, outer));
  const names = cte.columns ?? anchor.scope.columns.map((column) => column.name);
  const scope = new Scope(anchor.scope.columns.map((column, i) => ({ ...column, name: names[i] ?? column.name, table: cte.name, database: '' })));
  const types = scope.columns.map((column) => column.type);
  const seen = new Set<string>();
  const keep = (rows: readonly Row[]): Row[] => {
    if (union.isAll) return [...rows];
    return rows.filter((row) => {
      const rowKey = distinctKey(row, types);
      if (seen.has(rowKey)) return false;
      seen.add(rowKey);
      return true;
    });
  };
  const all: Row[] = keep(anchor.rows);
  let working = all.slice();
  const maxDepth = Number(toInteger(session.systemVariable('cte_max_recursion_depth', 'default'), session.warnings) ?? 1000n);
  for (let depth = 1; working.length > 0; depth++) {
    if (depth > maxDepth) throw mysqlError(ER_CTE_MAX_RECURSION_DEPTH, depth);
    const inner = new Map(outer);
    inner.set(key, { kind: 'rows', name: cte.name, scope, rows: working });
    const step = await materialize(rewriteQuery(union.right, inner));
    working = keep(step.rows);
    for (const row of working) {
      all.push(row);
      if (all.length % MEMORY_CHECK_INTERVAL === 0) checkMemory(session);
    }
  }
  return { scope, rows: all };
}

/** The query with CTE references replaced, descending into everything that can hold a table reference. */
function rewriteQuery(query: QueryExpr, bindings: Bindings): QueryExpr {
  if (bindings.size === 0) return query;
  let visible = bindings;
  if (query.with) {
    // An inner WITH shadows outer names for its own query (it is expanded when that query is planned).
    const shadowed = new Map(bindings);
    for (const cte of query.with.ctes) shadowed.delete(cte.name.toLowerCase());
    visible = shadowed;
    query = { ...query, with: { ...query.with, ctes: query.with.ctes.map((cte) => ({ ...cte, query: rewriteQuery(cte.query, bindings) })) } };
  }
  const expr = (e: Expr): Expr => rewriteExpr(e, visible);
  const optional = (e: Expr | undefined): Expr | undefined => (e === undefined ? undefined : expr(e));
  switch (query.kind) {
    case 'SelectStmt':
      return {
        ...query,
        items: query.items.map((item): SelectItem => (item.kind === 'SelectExprItem' ? { ...item, expr: expr(item.expr) } : item)),
        ...(query.from ? { from: query.from.map((ref) => rewriteRef(ref, visible)) } : {}),
        ...(query.where ? { where: optional(query.where)! } : {}),
        ...(query.groupBy ? { groupBy: query.groupBy.map(expr) } : {}),
        ...(query.having ? { having: optional(query.having)! } : {}),
        ...(query.orderBy ? { orderBy: query.orderBy.map((item) => ({ ...item, expr: expr(item.expr) })) } : {}),
      };
    case 'UnionStmt':
      return { ...query, left: rewriteQuery(query.left, visible), right: rewriteQuery(query.right, visible) } satisfies UnionStmt;
    case 'ValuesStmt':
      return { ...query, rows: query.rows.map((row) => row.map(expr)) };
  }
}

function rewriteRef(ref: TableRef, bindings: Bindings): TableRef {
  switch (ref.kind) {
    case 'TableNameRef': {
      if (ref.table.db !== undefined && ref.table.isImplicitDb !== true) return ref;
      const binding = bindings.get(ref.table.name.toLowerCase());
      if (!binding) return ref;
      const alias = ref.alias ?? ref.table.name;
      if (binding.kind === 'probe') {
        binding.onHit();
        return ref;
      }
      if (binding.kind === 'query') {
        return { kind: 'DerivedTableRef', query: binding.cte.query, alias, ...(binding.cte.columns ? { columns: binding.cte.columns } : {}) };
      }
      const node: TableNameRef = { kind: 'TableNameRef', table: { name: binding.name }, alias };
      materializedTables.set(node, { scope: binding.scope, rows: binding.rows });
      return node;
    }
    case 'DerivedTableRef':
      return { ...ref, query: rewriteQuery(ref.query, bindings) };
    case 'JsonTableRef':
      return { ...ref, expr: rewriteExpr(ref.expr, bindings) };
    case 'JoinRef':
      return { ...ref, left: rewriteRef(ref.left, bindings), right: rewriteRef(ref.right, bindings), ...(ref.on ? { on: rewriteExpr(ref.on, bindings) } : {}) };
  }
}

function rewriteExpr(expr: Expr, bindings: Bindings): Expr {
  return mapExpr(expr, (node) => {
    switch (node.kind) {
      case 'SubqueryExpr':
      case 'ExistsExpr':
        return { ...node, query: rewriteQuery(node.query, bindings) };
      case 'InSubqueryExpr':
        return { ...node, operand: rewriteExpr(node.operand, bindings), query: rewriteQuery(node.query, bindings) };
      case 'QuantifiedCompareExpr':
        return { ...node, left: rewriteExpr(node.left, bindings), query: rewriteQuery(node.query, bindings) };
      default:
        return undefined;
    }
  });
}

/** True when `query` references the unqualified table name `key` (lower-cased) where a CTE reference can be. */
function readsName(query: QueryExpr, key: string): boolean {
  let isFound = false;
  rewriteQuery(query, new Map<string, Binding>([[key, { kind: 'probe', onHit: () => (isFound = true) }]]));
  return isFound;
}
