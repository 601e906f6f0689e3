// PlanContext: what planning one statement needs: the catalog, the session, the `?` values, and a way to run a plan.
import type { QueryExpr } from '../ast/index.js';
import type { Catalog } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import type { StatementParams } from '../expression/index.js';
import type { Row } from '../types/index.js';
import type { OperatorPlan } from './operator-plan.js';
import type { PhysicalPlan } from './physical-plan.js';

/**
 * Runs a finished plan to completion. The executor supplies it (the planner never imports the executor): a subquery
 * is planned when its outer rows are known and run at once, and a recursive CTE is computed before the query that
 * reads it is planned, as TiDB's planner evaluates subqueries through a function the executor registers.
 */
export type MaterializePlan = (plan: PhysicalPlan, session: ExecutionContext) => Promise<Row[]>;

/**
 * The plans EXPLAIN shows for subqueries, by their AST node. A subquery is planned again for each run; EXPLAIN
 * ANALYZE adds each run's stats to the plan shown.
 */
export type SubqueryPlans = Map<QueryExpr, OperatorPlan>;

/** Inputs to planning one statement; shared by everything planned for it (nested queries included). */
export interface PlanContext {
  readonly catalog: Catalog;
  readonly session: ExecutionContext;
  /** Values bound to `?` placeholders: fixed, or late-bound for a plan that is kept (see LateBoundParams). */
  readonly params: StatementParams | undefined;
  readonly materialize: MaterializePlan;
  /** Set by EXPLAIN: where subqueries' plans are collected for display. */
  readonly subqueryPlans?: SubqueryPlans | undefined;
}
