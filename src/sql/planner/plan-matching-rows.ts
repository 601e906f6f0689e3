// planMatchingRows: how a single-table UPDATE or DELETE finds its rows: the access path from its WHERE (or, through
// views, the innermost view's), and the read, Sort/TopN/Limit that EXPLAIN shows.
import type { Expr, Limit, OrderItem } from '../ast/index.js';
import { LateBoundParams, containsParam, withCurrentValues } from '../expression/index.js';
import { chooseAccessPath, accessConditions, conjunction, consumesAll, isSamePathShape, splitConjuncts } from './access-path.js';
import { substituteGeneratedColumns } from './generated-column-substitution.js';
import type { AccessPath } from './access-path.js';
import { describeExpr } from './describe-expr.js';
import { operatorPlan } from './operator-plan.js';
import { tableReadPlan } from './table-read-plan.js';
import type { MatchingRowsPlan } from './write-plan.js';
import type { WriteTarget } from './write-target.js';

/** The clauses of UPDATE/DELETE that pick their rows. */
export type MatchClauses = { where?: Expr | undefined; orderBy?: readonly OrderItem[] | undefined; limit?: Limit | undefined };

/**
 * Chooses the access path from the statement's WHERE (or, through views, the innermost view's) and describes the
 * read. Conjuncts the path satisfies by construction are dropped from the filter only for a base table: through a
 * view the filter runs over the view's columns, not the table's.
 */
export function planMatchingRows(target: WriteTarget, alias: string | undefined, clauses: MatchClauses): MatchingRowsPlan {
  const { context } = target.access;
  // On a base table a condition on an indexed generated column's expression reads as one on the column (MySQL's
  // substitution); through views the conditions stay as written.
  const isBase = target.levels.length === 0;
  const conjuncts = isBase ? substituteGeneratedColumns(target.table, alias, splitConjuncts(clauses.where), withCurrentValues(context)) : splitConjuncts(clauses.where);
  const where = isBase ? conjunction(conjuncts) : target.access.where;
  const choose = (): AccessPath => chooseAccessPath(target.table, where, withCurrentValues(context));
  const path = choose();
  const params = context.params;
  const isLateBound = params instanceof LateBoundParams && where !== undefined && containsParam(where);
  // A reused plan's path is chosen anew for each execution's values; it stays only while that path consumes the
  // conjuncts its filter left out.
  const consumed = isBase ? accessConditions(path) : [];
  const filterConjuncts = conjuncts.filter((conjunct) => !consumed.includes(conjunct));
  const read = tableReadPlan(target.table, alias, path, filterConjuncts, target.scope);
  let top = read.top;
  const orderBy = clauses.orderBy ?? [];
  const sortText = (): string => orderBy.map((item) => `${describeExpr(item.expr, target.scope)}${item.direction === 'DESC' ? ':desc' : ''}`).join(', ');
  const count = (): string => (clauses.limit ? describeExpr(clauses.limit.count) : '');
  if (orderBy.length > 0 && clauses.limit) top = operatorPlan('TopN', top.estRows, [top], () => `${sortText()}, offset:0, count:${count()}`);
  else if (orderBy.length > 0) top = operatorPlan('Sort', top.estRows, [top], sortText);
  else if (clauses.limit) top = operatorPlan('Limit', top.estRows, [top], () => `offset:0, count:${count()}`);
  const plan: MatchingRowsPlan = { path, filterConjuncts, read, top };
  if (isLateBound) {
    params.onRebind(() => {
      const next = choose();
      if (!isSamePathShape(plan.path, next) || !consumesAll(next, consumed)) return false;
      plan.path = next;
      return true;
    });
  }
  return plan;
}

