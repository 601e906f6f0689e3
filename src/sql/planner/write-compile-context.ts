// writeCompileContext: compile contexts for UPDATE/DELETE/INSERT expressions that may hold subqueries.
import type { QueryExpr } from '../ast/index.js';
import type { AsyncPart, ClauseName, CompileContext, OuterBinding, Scope, SubqueryResult } from '../expression/index.js';
import type { PlanContext } from './plan-context.js';
import { planAndRun } from './plan-query.js';

/**
 * A context whose subqueries register in `parts`: the writer awaits `prepareParts(parts, rows)` on the rows it is
 * about to evaluate the expressions over, as a query's operators do per batch.
 */
export function writeCompileContext(scope: Scope, clause: ClauseName, context: PlanContext, parts: AsyncPart[]): CompileContext {
  const { session, params } = context;
  const runSubquery = async (query: QueryExpr, binding: OuterBinding): Promise<SubqueryResult> => {
    const result = await planAndRun(query, context, binding);
    return { rows: result.rows, types: result.plan.columns.map((column) => column.type) };
  };
  return { scope, clause, session, runSubquery, asyncParts: parts, ...(params ? { params } : {}) };
}
