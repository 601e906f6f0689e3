// collectMatchingRows: the rows of one table a WHERE selects, materialised before UPDATE/DELETE modify them.
import type { StatementParams } from '../expression/index.js';
import { mysqlError, ER_WRONG_ARGUMENTS } from '../../errors/index.js';
import type { Expr, Limit, OrderItem } from '../ast/index.js';
import type { Catalog } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { LateBoundParams, compileExpr, containsParam, withCurrentValues } from '../expression/index.js';
import type { AsyncPart } from '../expression/index.js';
import { accessConditions, chooseAccessPath, conjunction, isSamePathShape, splitConjuncts } from '../planner/access-path.js';
import type { AccessPath } from '../planner/access-path.js';
import { describeExpr } from '../planner/describe-expr.js';
import { operatorPlan } from '../planner/operator-plan.js';
import type { OperatorPlan } from '../planner/operator-plan.js';
import { recordTableRead, tableReadPlan } from '../planner/table-read-plan.js';
import type { TableReadPlan } from '../planner/table-read-plan.js';
import type { HandleRow, TableRows } from '../table/table-rows.js';
import { compareOrderValues, toBoolean, toInteger } from '../types/index.js';
import { prepareParts } from './prepare-parts.js';
import { writeCompileContext } from './write-compile-context.js';
import { visibleRows } from './write-target.js';
import type { TargetRow, WriteTarget } from './write-target.js';

type MatchClauses = { where?: Expr | undefined; orderBy?: readonly OrderItem[] | undefined; limit?: Limit | undefined };

/** How UPDATE/DELETE find their rows: the access path, and the plan EXPLAIN shows (a table read, then Sort/TopN/Limit). */
export interface MatchingRowsPlan {
  /** Chosen again for each execution of a reused plan whose WHERE has `?` placeholders. */
  path: AccessPath;
  /** The WHERE conjuncts still tested on the rows read (those the path guarantees are left out). */
  readonly filterConjuncts: readonly Expr[];
  readonly read: TableReadPlan;
  readonly top: OperatorPlan;
}

/**
 * Chooses the access path from the statement's WHERE (or, through views, the innermost view's) and describes the
 * read. Conjuncts the path satisfies by construction are dropped from the filter only for a base table: through a
 * view the filter runs over the view's columns, not the table's.
 */
export function planMatchingRows(target: WriteTarget, alias: string | undefined, clauses: MatchClauses): MatchingRowsPlan {
  const { where, context } = target.access;
  const choose = (): AccessPath => chooseAccessPath(target.table, where, withCurrentValues(context));
  const path = choose();
  const params = context.params;
  const isLateBound = params instanceof LateBoundParams && where !== undefined && containsParam(where);
  // A reused plan tests every conjunct: its path is chosen anew for each execution's values.
  const consumed = target.levels.length === 0 && !isLateBound ? accessConditions(path) : [];
  const filterConjuncts = splitConjuncts(clauses.where).filter((conjunct) => !consumed.includes(conjunct));
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
      if (!isSamePathShape(plan.path, next)) return false;
      plan.path = next;
      return true;
    });
  }
  return plan;
}

/**
 * Reads every row matching `where` (via the planned access path, through the target's views), sorted by `orderBy`
 * and cut by `limit`. Materialising first keeps a statement from seeing its own changes (the Halloween problem).
 * Subqueries in WHERE and ORDER BY run once per distinct outer row, prepared over all candidate rows at once.
 */
export async function collectMatchingRows(
  rows: TableRows,
  target: WriteTarget,
  plan: MatchingRowsPlan,
  clauses: MatchClauses,
  catalog: Catalog,
  session: ExecutionContext,
  params: StatementParams | undefined,
): Promise<TargetRow[]> {
  const startedAt = performance.now();
  const whereParts: AsyncPart[] = [];
  const where = conjunction(plan.filterConjuncts);
  const filter = where ? compileExpr(where, writeCompileContext(target.scope, 'where clause', catalog, session, params, whereParts)) : undefined;
  const candidates = await readCandidates(rows, plan.path);
  let matched = await visibleRows(target, candidates, session);
  if (filter) {
    if (whereParts.length > 0) await prepareParts(whereParts, matched.map((entry) => entry.visible));
    matched = matched.filter((entry) => toBoolean(filter.evaluate(entry.visible), session.warnings) === true);
  }
  const filterCount = matched.length;
  if (clauses.orderBy && clauses.orderBy.length > 0) {
    const orderParts: AsyncPart[] = [];
    const context = writeCompileContext(target.scope, 'order clause', catalog, session, params, orderParts);
    const keys = clauses.orderBy.map((item) => ({ expr: compileExpr(item.expr, context), isDescending: item.direction === 'DESC' }));
    if (orderParts.length > 0) await prepareParts(orderParts, matched.map((entry) => entry.visible));
    const decorated = matched.map((entry) => ({ entry, values: keys.map((key) => key.expr.evaluate(entry.visible)) }));
    decorated.sort((a, b) => {
      for (let i = 0; i < keys.length; i++) {
        const x = a.values[i] ?? null;
        const y = b.values[i] ?? null;
        const order = x === null || y === null ? (x === y ? 0 : x === null ? -1 : 1) : compareOrderValues(x, y, keys[i]!.expr.type, session.warnings);
        if (order !== 0) return keys[i]!.isDescending ? -order : order;
      }
      return 0;
    });
    matched = decorated.map((item) => item.entry);
  }
  if (clauses.limit) {
    const count = toInteger(compileExpr(clauses.limit.count, target.access.context).constantValue ?? null, session.warnings);
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

async function readCandidates(rows: TableRows, path: AccessPath): Promise<HandleRow[]> {
  const candidates: HandleRow[] = [];
  switch (path.kind) {
    case 'point':
      candidates.push(...(await rows.getMany(path.handles)));
      break;
    case 'index':
      for (const range of path.ranges) {
        for await (const handles of rows.indexHandles(path.index, range)) candidates.push(...(await rows.getMany(handles)));
      }
      break;
    case 'range':
      if (path.low !== undefined && path.high !== undefined && path.low > path.high) break;
      for await (const batch of rows.scan({ ...(path.low === undefined ? {} : { low: path.low }), ...(path.high === undefined ? {} : { high: path.high }) })) {
        candidates.push(...batch);
      }
      break;
    case 'full':
      for await (const batch of rows.scan()) candidates.push(...batch);
  }
  return candidates;
}
