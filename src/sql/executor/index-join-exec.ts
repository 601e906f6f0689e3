// planIndexJoin: TiDB's IndexJoin: for each batch of outer rows, fetch only the inner rows whose key matches (point
// gets or index prefix scans) instead of reading and hashing the whole inner table.
import type { Expr } from '../ast/index.js';
import type { Scope } from '../expression/index.js';
import { splitConjuncts } from '../planner/access-path.js';
import { describeConditions, describeExpr } from '../planner/describe-expr.js';
import { endRun, operatorPlan, startRun } from '../planner/operator-plan.js';
import { isIntegerType } from '../types/index.js';
import type { Row, SqlValue } from '../types/index.js';
import { hashRows, probeRows, rebatch } from './hash-rows.js';
import type { EquiKey, JoinKind } from './join-exec.js';
import type { RowSource } from './row-source.js';

/**
 * Without statistics the choice follows the pseudo estimates: an outer side estimated at no more than this many rows
 * (a point get, a short range, an index equality) probes the inner table by key; larger ones hash it.
 */
const MAX_OUTER_ROWS = 1000;

/**
 * An index join when some equality key compares an integer outer expression with an integer column of the inner
 * base table that is its handle or leads an index, and the outer side is small; otherwise undefined (hash join).
 */
export function planIndexJoin(
  left: RowSource,
  right: RowSource,
  kind: JoinKind,
  keys: readonly EquiKey[],
  rest: Expr | undefined,
  scope: Scope,
  matches: (row: Row) => boolean,
): RowSource | undefined {
  if (!right.keyLookup || (left.plan.estRows ?? Infinity) > MAX_OUTER_ROWS) return undefined;
  let chosen: { key: EquiKey; lookup: NonNullable<ReturnType<NonNullable<RowSource['keyLookup']>>> } | undefined;
  for (const key of keys) {
    const offset = key.right.columnIndex;
    if (offset === undefined || !isIntegerType(key.left.type)) continue;
    const lookup = right.keyLookup(offset);
    if (lookup) {
      chosen = { key, lookup };
      break;
    }
  }
  if (!chosen) return undefined;
  const { key: lookupKey, lookup } = chosen;
  const rightWidth = right.scope.columns.length;
  const types = keys.map((key) => key.right.type);
  const inner = lookup.plan(() => describeConditions([lookupKey.condition], scope));
  const info = (): string => {
    const parts = [
      `${kind === 'left' ? 'left outer join' : 'inner join'}, inner:${inner.operator}`,
      `outer key:${describeExpr(lookupKey.outer, scope)}`,
      `equal cond:${describeConditions(keys.map((key) => key.condition), scope)}`,
    ];
    if (rest) parts.push(`other cond:${describeConditions(splitConjuncts(rest), scope)}`);
    return parts.join(', ');
  };
  const plan = operatorPlan('IndexJoin', left.plan.estRows, [left.plan, inner], info, { roles: ['Build', 'Probe'] });
  return {
    scope,
    plan,
    rows: async function* () {
      const startedAt = startRun(plan.stats);
      const nulls: SqlValue[] = new Array<SqlValue>(rightWidth).fill(null);
      try {
        for await (const batch of left.rows()) {
          const fetched = await lookup.fetch(batch.map((row) => lookupKey.left.evaluate(row)));
          inner.stats.rows += fetched.length;
          inner.stats.loops++;
          const table = hashRows(
            fetched,
            keys.map((key) => key.right),
            types,
          );
          yield* rebatch(
            probeRows(
              batch,
              table,
              keys.map((key) => key.left),
              types,
              matches,
              kind === 'left' ? nulls : undefined,
            ),
            plan,
          );
        }
      } finally {
        endRun(plan.stats, startedAt);
      }
    },
  };
}
