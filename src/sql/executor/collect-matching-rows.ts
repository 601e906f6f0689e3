// collectMatchingRows: the rows of one table a WHERE selects, materialised before UPDATE/DELETE modify them.
import { mysqlError, ER_WRONG_ARGUMENTS } from '../../errors/index.js';
import type { Expr, Limit, OrderItem } from '../ast/index.js';
import type { TableInfo } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { compileExpr } from '../expression/index.js';
import type { CompileContext } from '../expression/index.js';
import { accessConditions, chooseAccessPath } from '../planner/access-path.js';
import type { AccessPath } from '../planner/access-path.js';
import { describeExpr } from '../planner/describe-expr.js';
import { operatorPlan } from '../planner/operator-plan.js';
import type { OperatorPlan } from '../planner/operator-plan.js';
import { recordTableRead, tableReadPlan } from '../planner/table-read-plan.js';
import type { TableReadPlan } from '../planner/table-read-plan.js';
import type { HandleRow, TableRows } from '../table/table-rows.js';
import { splitConjuncts } from '../planner/access-path.js';
import { conjunction } from './table-source.js';
import { compareValues, toBoolean, toInteger } from '../types/index.js';

type MatchClauses = { where?: Expr | undefined; orderBy?: readonly OrderItem[] | undefined; limit?: Limit | undefined };

/** How UPDATE/DELETE find their rows: the access path, and the plan EXPLAIN shows (a table read, then Sort/TopN/Limit). */
export interface MatchingRowsPlan {
  readonly path: AccessPath;
  readonly filterConjuncts: readonly Expr[];
  readonly read: TableReadPlan;
  readonly top: OperatorPlan;
}

export function planMatchingRows(table: TableInfo, alias: string | undefined, clauses: MatchClauses, context: CompileContext): MatchingRowsPlan {
  const path = chooseAccessPath(table, clauses.where, context);
  const consumed = accessConditions(path);
  const filterConjuncts = splitConjuncts(clauses.where).filter((conjunct) => !consumed.includes(conjunct));
  const read = tableReadPlan(table, alias, path, filterConjuncts, context.scope);
  let top = read.top;
  const orderBy = clauses.orderBy ?? [];
  const sortText = (): string => orderBy.map((item) => `${describeExpr(item.expr, context.scope)}${item.direction === 'DESC' ? ':desc' : ''}`).join(', ');
  const count = (): string => (clauses.limit ? describeExpr(clauses.limit.count) : '');
  if (orderBy.length > 0 && clauses.limit) top = operatorPlan('TopN', top.estRows, [top], () => `${sortText()}, offset:0, count:${count()}`);
  else if (orderBy.length > 0) top = operatorPlan('Sort', top.estRows, [top], sortText);
  else if (clauses.limit) top = operatorPlan('Limit', top.estRows, [top], () => `offset:0, count:${count()}`);
  return { path, filterConjuncts, read, top };
}

/**
 * Reads every row matching `where` (via the planned access path), sorted by `orderBy` and cut by `limit`.
 * Materialising first keeps a statement from seeing its own changes (the Halloween problem).
 */
export async function collectMatchingRows(
  rows: TableRows,
  plan: MatchingRowsPlan,
  clauses: MatchClauses,
  context: CompileContext,
  session: ExecutionContext,
): Promise<HandleRow[]> {
  const startedAt = performance.now();
  const where = conjunction(plan.filterConjuncts);
  const filter = where ? compileExpr(where, { ...context, clause: 'where clause' }) : undefined;
  const path = plan.path;
  const candidates: HandleRow[] = [];
  if (path.kind === 'point') {
    candidates.push(...(await rows.getMany(path.handles)));
  } else if (path.kind === 'index') {
    for (const range of path.ranges) {
      for await (const handles of rows.indexHandles(path.index, range)) candidates.push(...(await rows.getMany(handles)));
    }
  } else {
    const range = path.kind === 'range' ? { ...(path.low === undefined ? {} : { low: path.low }), ...(path.high === undefined ? {} : { high: path.high }) } : {};
    for await (const batch of rows.scan(range)) candidates.push(...batch);
  }
  let matched = filter ? candidates.filter((entry) => toBoolean(filter.evaluate(entry.row), session.warnings) === true) : candidates;
  const filterCount = matched.length;
  if (clauses.orderBy && clauses.orderBy.length > 0) {
    const keys = clauses.orderBy.map((item) => ({ expr: compileExpr(item.expr, { ...context, clause: 'order clause' }), isDescending: item.direction === 'DESC' }));
    const decorated = matched.map((entry) => ({ entry, values: keys.map((key) => key.expr.evaluate(entry.row)) }));
    decorated.sort((a, b) => {
      for (let i = 0; i < keys.length; i++) {
        const x = a.values[i] ?? null;
        const y = b.values[i] ?? null;
        const order = x === null || y === null ? (x === y ? 0 : x === null ? -1 : 1) : compareValues(x, y, keys[i]!.expr.type.collation, session.warnings);
        if (order !== 0) return keys[i]!.isDescending ? -order : order;
      }
      return 0;
    });
    matched = decorated.map((item) => item.entry);
  }
  if (clauses.limit) {
    const count = toInteger(compileExpr(clauses.limit.count, context).constantValue ?? null, session.warnings);
    if (count === null || count < 0n) throw mysqlError(ER_WRONG_ARGUMENTS, 'LIMIT');
    matched = matched.slice(0, Number(count));
  }
  recordTableRead(plan.read, candidates.length, filterCount, startedAt);
  if (plan.top !== plan.read.top) {
    plan.top.stats.loops++;
    plan.top.stats.rows += matched.length;
  }
  return matched;
}
