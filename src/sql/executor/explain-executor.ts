// executeExplain: EXPLAIN [ANALYZE] [FORMAT='row'|'brief'|'json'|'tree'] of a query or write, printing the plan that would run.
import { mysqlError, ER_NOT_SUPPORTED_YET, ER_UNKNOWN_EXPLAIN_FORMAT } from '../../errors/index.js';
import type { ExplainableStmt, ExplainStmt, TableRef } from '../ast/index.js';
import type { AutoIncrementAllocator, Catalog } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { varcharType } from '../expression/index.js';
import type { StatementParams } from '../expression/index.js';
import { formatPlanJson } from '../planner/format-plan-json.js';
import type { ExplainedWrite, ShownSubquery } from '../planner/format-plan-json.js';
import { formatPlanTreeText } from '../planner/format-plan-tree-text.js';
import { EXPLAIN_ANALYZE_COLUMNS, EXPLAIN_COLUMNS, formatPlanTree } from '../planner/format-plan-tree.js';
import type { ExplainNode } from '../planner/format-plan-tree.js';
import type { OperatorPlan } from '../planner/operator-plan.js';
import type { SubqueryPlans } from '../planner/plan-context.js';
import { planQuery } from '../planner/plan-query.js';
import { expressionColumn, rowsResult } from '../statement-result.js';
import type { RowsResult } from '../statement-result.js';
import { buildInsert } from './insert-executor.js';
import { buildQuery, planContext } from './select-executor.js';
import { buildDelete, buildUpdate } from './update-executor.js';

/** Formats MySQL or TiDB know but we do not print. */
const KNOWN_FORMATS = new Set(['TIDB_JSON', 'DOT', 'VERBOSE', 'TRUE_CARD_COST', 'COST_TRACE', 'PLAN_TREE', 'BINARY']);

/**
 * Plans the statement as running it would (the same planner calls) and prints the plan nodes' descriptions; ANALYZE
 * then runs it (a write really writes, as in TiDB) and adds what each operator did. Subqueries are planned once more
 * for display, under an Apply, because they are planned anew for each run.
 * https://docs.pingcap.com/tidb/stable/explain-overview
 */
export async function executeExplain(
  stmt: ExplainStmt,
  catalog: Catalog,
  allocator: AutoIncrementAllocator,
  session: ExecutionContext,
  params?: StatementParams,
): Promise<RowsResult> {
  const format = explainFormat(stmt.format);
  if (format === 'JSON' && stmt.isAnalyze) throw mysqlError(ER_NOT_SUPPORTED_YET, 'EXPLAIN ANALYZE with JSON format');
  const subqueryPlans: SubqueryPlans = new Map();
  const target = stmt.stmt;
  let root: OperatorPlan;
  let run: () => Promise<void>;
  switch (target.kind) {
    case 'SelectStmt':
    case 'UnionStmt':
    case 'ValuesStmt': {
      const planned = await buildQuery(target, catalog, session, params, subqueryPlans);
      root = planned.plan.explain;
      run = async () => {
        for await (const batch of (await planned.run()).rows) void batch;
      };
      break;
    }
    case 'InsertStmt': {
      const planned = await buildInsert(target, catalog, allocator, session, params);
      root = planned.plan;
      run = async () => void (await planned.run());
      break;
    }
    case 'UpdateStmt':
    case 'DeleteStmt': {
      const planned = target.kind === 'UpdateStmt' ? buildUpdate(target, catalog, session, params) : buildDelete(target, catalog, session, params);
      root = planned.plan;
      run = async () => void (await planned.run());
      break;
    }
  }
  await planSubqueries(root, subqueryPlans, catalog, session, params);
  if (stmt.isAnalyze) await run();
  if (format === 'JSON' || format === 'TREE') {
    const subqueriesOf = (plan: OperatorPlan): ShownSubquery[] =>
      (plan.subqueries ?? []).flatMap((ref) => {
        const shown = ref.query && subqueryPlans.get(ref.query);
        return shown ? [{ plan: shown, isDependent: ref.binding?.isReferenced === true }] : [];
      });
    const options = { subqueriesOf, write: explainedWrite(target) };
    const text = format === 'JSON' ? formatPlanJson(root, options) : formatPlanTreeText(root, { ...options, isAnalyze: stmt.isAnalyze });
    return rowsResult([expressionColumn('EXPLAIN', varcharType(MAX_EXPLAIN_TEXT))], [[text]]);
  }
  const isBrief = format === 'BRIEF';
  const rows = formatPlanTree(explainNode(root, undefined, subqueryPlans), { isBrief, isAnalyze: stmt.isAnalyze });
  const names = stmt.isAnalyze ? EXPLAIN_ANALYZE_COLUMNS : EXPLAIN_COLUMNS;
  return rowsResult(
    names.map((name) => expressionColumn(name, varcharType(256))),
    rows,
  );
}

/** The declared length of the single EXPLAIN column of FORMAT=JSON / TREE (MySQL sends it as a long text). */
const MAX_EXPLAIN_TEXT = 65535;

/**
 * FORMAT = 'row' (the default; MySQL's TRADITIONAL prints the same), 'brief', MySQL's 'json' and 'tree'; anything
 * else is an error.
 */
function explainFormat(format: string | undefined): 'ROW' | 'BRIEF' | 'JSON' | 'TREE' {
  const name = (format ?? 'ROW').toUpperCase();
  if (name === 'ROW' || name === 'TRADITIONAL') return 'ROW';
  if (name === 'BRIEF' || name === 'JSON' || name === 'TREE') return name;
  if (KNOWN_FORMATS.has(name)) throw mysqlError(ER_NOT_SUPPORTED_YET, `EXPLAIN FORMAT=${name}`);
  throw mysqlError(ER_UNKNOWN_EXPLAIN_FORMAT, format ?? '');
}

/** The table a write names (its alias if it has one), which MySQL's forms mark as written. */
function explainedWrite(target: ExplainableStmt): ExplainedWrite | undefined {
  switch (target.kind) {
    case 'InsertStmt':
      return { kind: 'insert', table: target.table.name };
    case 'UpdateStmt':
      return { kind: 'update', table: firstTableName(target.tables[0]) };
    case 'DeleteStmt':
      return { kind: 'delete', table: target.alias ?? target.targets[0]?.name ?? '' };
    default:
      return undefined;
  }
}

/** The name the first table of a FROM list goes by (the left-most of a join). */
function firstTableName(ref: TableRef | undefined): string {
  if (!ref) return '';
  if (ref.kind === 'JoinRef') return firstTableName(ref.left);
  return ref.kind === 'TableNameRef' ? (ref.alias ?? ref.table.name) : ref.alias ?? '';
}

/** Plans, for display, every subquery an operator of `plan` evaluates (and theirs, recursively). */
async function planSubqueries(plan: OperatorPlan, plans: SubqueryPlans, catalog: Catalog, session: ExecutionContext, params: StatementParams | undefined): Promise<void> {
  for (const ref of plan.subqueries ?? []) {
    if (!ref.query || plans.has(ref.query)) continue;
    const planned = await planQuery(ref.query, planContext(catalog, session, params, plans), ref.binding);
    plans.set(ref.query, planned.explain);
    await planSubqueries(planned.explain, plans, catalog, session, params);
  }
  for (const child of plan.children) await planSubqueries(child, plans, catalog, session, params);
}

/**
 * The printed tree. An operator that runs subqueries for its input gets an Apply below it: the input is the Apply's
 * outer side (Build), each subquery an inner side (Probe), run once per distinct outer row (once if uncorrelated).
 */
function explainNode(plan: OperatorPlan, role: string | undefined, plans: SubqueryPlans): ExplainNode {
  let children: ExplainNode[] = plan.children.map((child, i) => explainNode(child, plan.roles?.[i], plans));
  const subqueries = (plan.subqueries ?? []).map((ref) => ref.query && plans.get(ref.query)).filter((shown): shown is OperatorPlan => shown !== undefined);
  if (subqueries.length > 0) {
    const input = plan.children[0];
    const outer = children.map((child) => ({ ...child, role: 'Build' }));
    children = [
      {
        operator: 'Apply',
        estRows: input?.estRows ?? 1,
        accessObject: '',
        info: 'cache:per distinct outer row',
        stats: input ? input.stats : plan.stats,
        children: [...outer, ...subqueries.map((shown) => explainNode(shown, 'Probe', plans))],
      },
    ];
  }
  return { operator: plan.operator, role, estRows: plan.estRows, accessObject: plan.accessObject, info: plan.info(), stats: plan.stats, children };
}
