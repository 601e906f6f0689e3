// keyLookup: a base table's rows whose integer key column (the handle or an index's first column) equals given
// values, read by point gets or index prefix scans — the inner side of an index join.
import { Decimal } from 'decimal.js';
import type { TableInfo } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import type { CompiledExpr } from '../expression/index.js';
import { PSEUDO_SELECTIVITY, operatorPlan } from '../planner/operator-plan.js';
import type { OperatorPlan } from '../planner/operator-plan.js';
import { encodeIndexKey, prefixNext } from '../../storage/index.js';
import { TableRows } from '../table/table-rows.js';
import type { HandleRow } from '../table/table-rows.js';
import { isIntegerType, toBoolean } from '../types/index.js';
import type { Row, SqlValue } from '../types/index.js';
import { sessionTimeZone } from '../timezone/session-time-zone.js';

/** Rows of one table by the values of one key column; the table's own filter already applied. */
export interface KeyLookup {
  /** The rows whose key column equals one of `values` (NULLs and values no integer equals are skipped). */
  fetch(values: readonly SqlValue[]): Promise<Row[]>;
  /** What EXPLAIN shows for the lookups, described by the join condition that decides the ranges. */
  plan(decidedBy: () => string): OperatorPlan;
}

/** Per lookup, TiDB's pseudo estimate of rows for one equality on an index. */
const ROWS_PER_KEY = 10;

/** A lookup on column `offset` of `table`, when it is the integer handle or the first column of an index. */
export function keyLookup(
  table: TableInfo,
  alias: string | undefined,
  offset: number,
  filter: { readonly expr: CompiledExpr; readonly text: () => string } | undefined,
  session: ExecutionContext,
): KeyLookup | undefined {
  const column = table.columns[offset];
  if (!column || !isIntegerType(column.type)) return undefined;
  const isHandle = table.handleColumnOffset === offset;
  const index = isHandle ? undefined : table.indexes.find((candidate) => candidate.columnOffsets[0] === offset && !(candidate.isPrimary && table.handleColumnOffset !== undefined));
  if (!isHandle && !index) return undefined;
  const object = `table:${alias ?? table.name}`;
  return {
    async fetch(values) {
      const keys = integralKeys(values);
      if (keys.length === 0) return [];
      const rows = new TableRows(await session.transaction(), table, session, sessionTimeZone(session));
      let found: HandleRow[] = [];
      if (isHandle) {
        found = await rows.getMany(keys);
      } else {
        for (const key of keys) {
          const start = encodeIndexKey(BigInt(table.id), BigInt(index!.id), [key]);
          const end = prefixNext(start);
          for await (const handles of rows.indexHandles(index!, { start, end: end === undefined ? undefined : Buffer.from(end) })) {
            found.push(...(await rows.getMany(handles)));
          }
        }
      }
      if (filter) found = found.filter((entry) => toBoolean(filter.expr.evaluate(entry.row), session.warnings) === true);
      // SELECT … FOR UPDATE locks the inner rows it joins, as a scan of the inner table would.
      if (session.lockingRead) found = [...(await rows.lockReadRows(found, session.lockingRead))];
      return found.map((entry) => entry.row);
    },
    plan(decidedBy) {
      const info = (): string => `range: decided by [${decidedBy()}], keep order:false, stats:pseudo`;
      const scan = isHandle
        ? operatorPlan('TableRangeScan', ROWS_PER_KEY, [], info, { accessObject: object })
        : operatorPlan('IndexRangeScan', ROWS_PER_KEY, [], info, {
            accessObject: `${object}, index:${index!.name}(${index!.columnOffsets.map((o) => table.columns[o]!.name).join(', ')})`,
          });
      return filter ? operatorPlan('Selection', ROWS_PER_KEY * PSEUDO_SELECTIVITY, [scan], filter.text) : scan;
    },
  };
}

/** The distinct integer values among `values` (an integer column can equal no other value). */
function integralKeys(values: readonly SqlValue[]): bigint[] {
  const keys = new Set<bigint>();
  for (const value of values) {
    if (typeof value === 'bigint') keys.add(value);
    else if (typeof value === 'number' && Number.isInteger(value)) keys.add(BigInt(value));
    else if (value instanceof Decimal && value.isInteger()) keys.add(BigInt(value.toFixed(0)));
  }
  return [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
