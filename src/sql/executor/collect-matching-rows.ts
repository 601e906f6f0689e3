// collectMatchingRows: the rows of one table a WHERE selects, materialised before UPDATE/DELETE modify them.
import { mysqlError, ER_WRONG_ARGUMENTS } from '../../errors/index.js';
import type { Expr, Limit, OrderItem } from '../ast/index.js';
import type { Catalog } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { compileExpr } from '../expression/index.js';
import type { AsyncPart } from '../expression/index.js';
import { chooseAccessPath } from '../planner/access-path.js';
import type { HandleRow, TableRows } from '../table/table-rows.js';
import { compareValues, toBoolean, toInteger } from '../types/index.js';
import type { SqlValue } from '../types/index.js';
import { prepareParts } from './prepare-parts.js';
import { writeCompileContext } from './write-compile-context.js';
import { visibleRows } from './write-target.js';
import type { TargetRow, WriteTarget } from './write-target.js';

/**
 * Reads every row matching `where` (via the best access path, through the target's views), sorted by `orderBy` and
 * cut by `limit`. Materialising first keeps a statement from seeing its own changes (the Halloween problem).
 * Subqueries in WHERE and ORDER BY run once per distinct outer row, prepared over all candidate rows at once.
 */
export async function collectMatchingRows(
  rows: TableRows,
  target: WriteTarget,
  clauses: { where?: Expr | undefined; orderBy?: readonly OrderItem[] | undefined; limit?: Limit | undefined },
  catalog: Catalog,
  session: ExecutionContext,
  params: readonly SqlValue[] | undefined,
): Promise<TargetRow[]> {
  const whereParts: AsyncPart[] = [];
  const filter = clauses.where ? compileExpr(clauses.where, writeCompileContext(target.scope, 'where clause', catalog, session, params, whereParts)) : undefined;
  const path = chooseAccessPath(target.table, target.access.where, target.access.context);
  const candidates: HandleRow[] = [];
  if (path.kind === 'point') {
    candidates.push(...(await rows.getMany(path.handles)));
  } else if (path.kind === 'index') {
    for (const range of path.ranges) {
      for await (const handles of rows.indexHandles(path.index, range)) candidates.push(...(await rows.getMany(handles)));
    }
  } else {
    const range = path.kind === 'range' ? { ...(path.low === undefined ? {} : { low: path.low }), ...(path.high === undefined ? {} : { high: path.high }) } : {};
    if (path.kind !== 'range' || path.low === undefined || path.high === undefined || path.low <= path.high) {
      for await (const batch of rows.scan(range)) candidates.push(...batch);
    }
  }
  let matched = await visibleRows(target, candidates, session);
  if (filter) {
    if (whereParts.length > 0) await prepareParts(whereParts, matched.map((entry) => entry.visible));
    matched = matched.filter((entry) => toBoolean(filter.evaluate(entry.visible), session.warnings) === true);
  }
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
        const order = x === null || y === null ? (x === y ? 0 : x === null ? -1 : 1) : compareValues(x, y, keys[i]!.expr.type.collation, session.warnings);
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
  return matched;
}
