// fetchByKeys: a base table's rows whose integer key column (the handle or an index's first column) equals given
// values, read by point gets or index prefix scans — the inner side of an index join.
import { Decimal } from 'decimal.js';
import type { ExecutionContext } from '../execution-context.js';
import type { KeyLookupPlan } from '../planner/physical-plan.js';
import { encodeIndexKey, prefixNext } from '../../storage/index.js';
import { TableRows } from '../table/table-rows.js';
import type { HandleRow } from '../table/table-rows.js';
import { toBoolean } from '../types/index.js';
import type { Row, SqlValue } from '../types/index.js';
import { sessionTimeZone } from '../timezone/session-time-zone.js';

/** The rows whose key column equals one of `values` (NULLs and values no integer equals are skipped), filtered. */
export async function fetchByKeys(lookup: KeyLookupPlan, values: readonly SqlValue[], session: ExecutionContext): Promise<Row[]> {
  const { table, index, filter } = lookup;
  const keys = integralKeys(values);
  if (keys.length === 0) return [];
  const rows = new TableRows(await session.transaction(), table, session, sessionTimeZone(session));
  let found: HandleRow[] = [];
  if (!index) {
    found = await rows.getMany(keys);
  } else {
    for (const key of keys) {
      const start = encodeIndexKey(BigInt(table.id), BigInt(index.id), [key]);
      const end = prefixNext(start);
      for await (const handles of rows.indexHandles(index, { start, end: end === undefined ? undefined : Buffer.from(end) })) {
        found.push(...(await rows.getMany(handles)));
      }
    }
  }
  if (filter) found = found.filter((entry) => toBoolean(filter.evaluate(entry.row), session.warnings) === true);
  // SELECT … FOR UPDATE locks the inner rows it joins, as a scan of the inner table would.
  if (session.lockingRead) found = [...(await rows.lockReadRows(found, session.lockingRead))];
  return found.map((entry) => entry.row);
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
