// hashRows: rows bucketed by the values of key expressions (the build side of hash and index joins).
import type { CompiledExpr } from '../expression/index.js';
import type { FieldType, Row, SqlValue } from '../types/index.js';
import { distinctKey } from './aggregate/accumulator.js';

/** Rows by the distinct key of their key values; rows with a NULL key can match nothing and are left out. */
export function hashRows(rows: readonly Row[], keys: readonly CompiledExpr[], types: readonly FieldType[]): Map<string, Row[]> {
  const table = new Map<string, Row[]>();
  for (const row of rows) {
    const values = keys.map((key) => key.evaluate(row));
    if (values.some((value) => value === null)) continue;
    const key = distinctKey(values, types);
    const bucket = table.get(key);
    if (bucket) bucket.push(row);
    else table.set(key, [row]);
  }
  return table;
}

/**
 * Joins each left row with its bucket of `table` (matched on the values of `leftKeys`; a NULL key matches nothing),
 * keeping the joined rows `matches` accepts; a left join pads an unmatched left row with `nulls`.
 */
export function probeRows(
  batch: readonly Row[],
  table: ReadonlyMap<string, Row[]>,
  leftKeys: readonly CompiledExpr[],
  types: readonly FieldType[],
  matches: (row: Row) => boolean,
  nulls: readonly SqlValue[] | undefined,
): Row[] {
  const out: Row[] = [];
  for (const leftRow of batch) {
    const values = leftKeys.map((key) => key.evaluate(leftRow));
    const candidates = values.some((value) => value === null) ? [] : (table.get(distinctKey(values, types)) ?? []);
    let isMatched = false;
    for (const rightRow of candidates) {
      const joined = leftRow.concat(rightRow);
      if (matches(joined)) {
        isMatched = true;
        out.push(joined);
      }
    }
    if (!isMatched && nulls) out.push(leftRow.concat(nulls));
  }
  return out;
}
