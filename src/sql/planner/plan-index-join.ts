// planIndexJoin: TiDB's IndexJoin: for each batch of outer rows, fetch only the inner rows whose key matches (point
// gets or index prefix scans) instead of reading and hashing the whole inner table.
import { isUsableIndex } from './index-visibility.js';
import type { ExecutionContext } from '../execution-context.js';
import type { Expr } from '../ast/index.js';
import type { TableInfo } from '../catalog/index.js';
import { compileExpr } from '../expression/index.js';
import type { CompiledExpr, Scope } from '../expression/index.js';
import { isIntegerType } from '../types/index.js';
import { conjunction, splitConjuncts } from './access-path.js';
import { describeConditions, describeExpr } from './describe-expr.js';
import { PSEUDO_SELECTIVITY, operatorPlan } from './operator-plan.js';
import type { OperatorPlan } from './operator-plan.js';
import type { EquiKey, IndexJoinPlan, JoinKind, KeyLookupPlan, PhysicalPlan, TableReaderPlan } from './physical-plan.js';
import type { PlanContext } from './plan-context.js';
import { tableAccess } from './table-read-plan.js';
import { indexEqualRows, statsSuffix } from './stats-estimates.js';

/**
 * Without statistics the choice follows the pseudo estimates: an outer side estimated at no more than this many rows
 * (a point get, a short range, an index equality) probes the inner table by key; larger ones hash it.
 */
const MAX_OUTER_ROWS = 1000;

/** Per lookup, TiDB's pseudo estimate of rows for one equality on an index. */
const ROWS_PER_KEY = 10;

/**
 * An index join when some equality key compares an integer outer expression with an integer column of the inner
 * base table that is its handle or leads an index, and the outer side is small; otherwise undefined (hash join).
 */
export function planIndexJoin(
  left: PhysicalPlan,
  right: PhysicalPlan,
  kind: JoinKind,
  keys: readonly EquiKey[],
  rest: Expr | undefined,
  residual: CompiledExpr | undefined,
  scope: Scope,
  context: PlanContext,
): IndexJoinPlan | undefined {
  if (right.kind !== 'TableReader' || right.withHandles || (left.explain.estRows ?? Infinity) > MAX_OUTER_ROWS) return undefined;
  let chosen: { key: EquiKey; lookup: LookupTarget } | undefined;
  for (const key of keys) {
    const offset = key.right.columnIndex;
    if (offset === undefined || !isIntegerType(key.left.type)) continue;
    const lookup = lookupTarget(right.table, offset, context.session);
    if (lookup) {
      chosen = { key, lookup };
      break;
    }
  }
  if (!chosen) return undefined;
  const { key: lookupKey } = chosen;
  const lookup = keyLookupPlan(right, chosen.lookup, () => describeConditions([lookupKey.condition], scope), context);
  const inner = lookup.explain;
  const info = (): string => {
    const parts = [
      `${kind === 'left' ? 'left outer join' : 'inner join'}, inner:${inner.operator}`,
      `outer key:${describeExpr(lookupKey.outer, scope)}`,
      `equal cond:${describeConditions(keys.map((key) => key.condition), scope)}`,
    ];
    if (rest) parts.push(`other cond:${describeConditions(splitConjuncts(rest), scope)}`);
    return parts.join(', ');
  };
  const explain = operatorPlan('IndexJoin', left.explain.estRows, [left.explain, inner], info, { roles: ['Build', 'Probe'] });
  return { kind: 'IndexJoin', scope, explain, outer: left, lookup, lookupKey, keys, joinKind: kind, residual, innerWidth: right.scope.columns.length };
}

/** The key an inner table can be fetched by: its integer handle, or the integer first column of an index. */
type LookupTarget = { readonly isHandle: true } | { readonly isHandle: false; readonly index: TableInfo['indexes'][number] };

/** A lookup on column `offset` of `table`, when it is the integer handle or the first column of an index. */
function lookupTarget(table: TableInfo, offset: number, session: ExecutionContext): LookupTarget | undefined {
  const column = table.columns[offset];
  if (!column || !isIntegerType(column.type)) return undefined;
  if (table.handleColumnOffset === offset) return { isHandle: true };
  const index = table.indexes.find((candidate) => candidate.columnOffsets[0] === offset && !(candidate.isPrimary && table.handleColumnOffset !== undefined) && isUsableIndex(candidate, session));
  return index ? { isHandle: false, index } : undefined;
}

/** The inner side of an index join: the table's own conjuncts as its filter, EXPLAIN's range scan (and Selection). */
function keyLookupPlan(reader: TableReaderPlan, target: LookupTarget, decidedBy: () => string, context: PlanContext): KeyLookupPlan {
  const { table, alias, conjuncts } = reader;
  const ownWhere = conjunction(conjuncts);
  const filter = ownWhere
    ? compileExpr(ownWhere, { scope: reader.scope, clause: 'where clause', session: context.session, ...(context.params ? { params: context.params } : {}) })
    : undefined;
  const object = `table:${alias ?? table.name}`;
  const info = (): string => `range: decided by [${decidedBy()}], keep order:false${statsSuffix(table)}`;
  // With statistics a handle matches one row and an index key the table's rows over the column's NDV.
  const rowsPerKey = table.stats === undefined ? ROWS_PER_KEY : target.isHandle ? 1 : indexEqualRows(table, target.index, 1);
  const scan = target.isHandle
    ? operatorPlan('TableRangeScan', rowsPerKey, [], info, { accessObject: object, access: tableAccess(table, alias, 'handle', 'eq_ref') })
    : operatorPlan('IndexRangeScan', rowsPerKey, [], info, {
        accessObject: `${object}, index:${target.index.name}(${target.index.columnOffsets.map((o) => table.columns[o]!.name).join(', ')})`,
        access: tableAccess(table, alias, target.index, target.index.isUnique ? 'eq_ref' : 'ref'),
      });
  const explain: OperatorPlan = filter
    ? operatorPlan('Selection', rowsPerKey * PSEUDO_SELECTIVITY, [scan], () => describeConditions(conjuncts, reader.scope))
    : scan;
  return { table, index: target.isHandle ? undefined : target.index, filter, explain };
}
