// collectMatchingRows: the rows of one table a WHERE selects, materialised before UPDATE/DELETE modify them.
import { mysqlError, ER_WRONG_ARGUMENTS } from '../../errors/index.js';
import type { Expr, Limit, OrderItem } from '../ast/index.js';
import type { TableInfo } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { compileExpr } from '../expression/index.js';
import type { CompileContext } from '../expression/index.js';
import { chooseAccessPath } from '../planner/access-path.js';
import type { HandleRow, TableRows } from '../table/table-rows.js';
import { compareValues, toBoolean, toInteger } from '../types/index.js';

/**
 * Reads every row matching `where` (via the best access path), sorted by `orderBy` and cut by `limit`. Materialising
 * first keeps a statement from seeing its own changes (the Halloween problem).
 */
export async function collectMatchingRows(
  rows: TableRows,
  table: TableInfo,
  clauses: { where?: Expr | undefined; orderBy?: readonly OrderItem[] | undefined; limit?: Limit | undefined },
  context: CompileContext,
  session: ExecutionContext,
): Promise<HandleRow[]> {
  const filter = clauses.where ? compileExpr(clauses.where, { ...context, clause: 'where clause' }) : undefined;
  const path = chooseAccessPath(table, clauses.where, context);
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
  return matched;
}
