// executeQuery: runs SELECT and set operations: planQuery (planner) decides the plan, buildExec makes its operators.
import type { QueryExpr } from '../ast/index.js';
import type { Catalog } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import type { OuterBinding, Scope, StatementParams } from '../expression/index.js';
import type { OperatorPlan } from '../planner/operator-plan.js';
import type { OutputPlan, PointGetPlan } from '../planner/physical-plan.js';
import { planPointGet } from '../planner/plan-point-get.js';
import type { PlanContext, SubqueryPlans } from '../planner/plan-context.js';
import { planQuery } from '../planner/plan-query.js';
import { rowsResult } from '../statement-result.js';
import type { ResultColumn, RowsResult } from '../statement-result.js';
import type { Row } from '../types/index.js';
import { buildExec, collectRows } from './build-exec.js';
import { runPointGet } from './point-get-exec.js';
import { shortBounds } from './table-reader-exec.js';

/** A planned query ready to run: its plan, result columns, and `run()`, which runs it (again) each call. */
export interface BuiltQuery {
  readonly plan: OutputPlan;
  readonly columns: readonly ResultColumn[];
  run(): Promise<RowsResult>;
}

/** The context a statement is planned in, with the executor as the planner's way to run nested plans. */
export function planContext(catalog: Catalog, session: ExecutionContext, params?: StatementParams, subqueryPlans?: SubqueryPlans): PlanContext {
  return { catalog, session, params, materialize: collectRows, subqueryPlans };
}

/** Plans a query expression; nothing runs until `rows()` is called. */
export async function buildQuery(
  query: QueryExpr,
  catalog: Catalog,
  session: ExecutionContext,
  params?: StatementParams,
  subqueryPlans?: SubqueryPlans,
): Promise<BuiltQuery> {
  const plan = await planQuery(query, planContext(catalog, session, params, subqueryPlans));
  const pointGet = planPointGet(plan);
  return { plan, columns: plan.columns, run: () => runPlan(plan, pointGet, session) };
}

/** Runs a query expression and streams its rows. */
export async function executeQuery(
  query: QueryExpr,
  catalog: Catalog,
  session: ExecutionContext,
  params?: StatementParams,
  outer?: OuterBinding,
): Promise<RowsResult> {
  const plan = await planQuery(query, planContext(catalog, session, params), outer);
  return runPlan(plan, outer === undefined ? planPointGet(plan) : undefined, session);
}

/** Runs a query's plan: its PointGet in one step when it has one that still applies, else the operator tree. */
async function runPlan(plan: OutputPlan, pointGet: PointGetPlan | undefined, session: ExecutionContext): Promise<RowsResult> {
  const rows = pointGet ? await runPointGet(pointGet, session) : undefined;
  if (rows) return rowsResult(plan.columns, rows);
  // A query over a short handle range has few rows: read in full, it is done (its autocommit too) before the first
  // row is sent, and the result skips the row stream, as a point get's does.
  if (isShortRangeQuery(plan, session)) return rowsResult(plan.columns, await collectRows(plan, session));
  return { kind: 'rows', columns: plan.columns, rows: buildExec(plan, session) };
}

/** Whether `plan` reads one table by a short handle range (see shortBounds), with at most a grouping above it. */
function isShortRangeQuery(plan: OutputPlan, session: ExecutionContext): boolean {
  const input = plan.input.kind === 'HashAgg' ? plan.input.input : plan.input;
  if (input.kind !== 'TableReader' || input.withHandles || session.lockingRead) return false;
  const path = input.access.path;
  return path.kind === 'range' && shortBounds(path) !== undefined;
}

/** Runs a query to completion and returns its rows with their layout (CREATE TABLE … AS SELECT, view checks). */
export async function materializeQuery(
  query: QueryExpr,
  catalog: Catalog,
  session: ExecutionContext,
  params?: StatementParams,
  outer?: OuterBinding,
): Promise<{ scope: Scope; columns: readonly ResultColumn[]; rows: Row[]; plan: OperatorPlan }> {
  const plan = await planQuery(query, planContext(catalog, session, params), outer);
  return { scope: plan.scope, columns: plan.columns, rows: await collectRows(plan, session), plan: plan.explain };
}
