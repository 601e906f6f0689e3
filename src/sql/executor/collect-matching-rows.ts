// collectMatchingRows: the rows of one table a WHERE selects, materialised before UPDATE/DELETE modify them.
import { mysqlError, ER_WRONG_ARGUMENTS } from '../../errors/index.js';
import { compileExpr } from '../expression/index.js';
import type { AsyncPart } from '../expression/index.js';
import { conjunction } from '../planner/access-path.js';
import type { AccessPath } from '../planner/access-path.js';
import type { PlanContext } from '../planner/plan-context.js';
import type { MatchClauses } from '../planner/plan-matching-rows.js';
import { recordTableRead } from '../planner/table-read-plan.js';
import type { MatchingRowsPlan } from '../planner/write-plan.js';
import { writeCompileContext } from '../planner/write-compile-context.js';
import type { WriteTarget } from '../planner/write-target.js';
import type { HandleRow, TableRows } from '../table/table-rows.js';
import { compareOrderValues, toBoolean, toInteger } from '../types/index.js';
import { prepareParts } from './prepare-parts.js';
import { visibleRows } from './view-rows.js';
import type { TargetRow } from './view-rows.js';

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
  context: PlanContext,
): Promise<TargetRow[]> {
  const { session } = context;
  const startedAt = performance.now();
  const whereParts: AsyncPart[] = [];
  const where = conjunction(plan.filterConjuncts);
  const filter = where ? compileExpr(where, writeCompileContext(target.scope, 'where clause', context, whereParts)) : undefined;
  const candidates = await readCandidates(rows, plan.path);
  let matched = await visibleRows(target, candidates, session);
  if (filter) {
    if (whereParts.length > 0) await prepareParts(whereParts, matched.map((entry) => entry.visible));
    matched = matched.filter((entry) => toBoolean(filter.evaluate(entry.visible), session.warnings) === true);
  }
  const filterCount = matched.length;
  if (clauses.orderBy && clauses.orderBy.length > 0) {
    const orderParts: AsyncPart[] = [];
    const orderContext = writeCompileContext(target.scope, 'order clause', context, orderParts);
    const keys = clauses.orderBy.map((item) => ({ expr: compileExpr(item.expr, orderContext), isDescending: item.direction === 'DESC' }));
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
