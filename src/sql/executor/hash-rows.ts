// hashRows: rows bucketed by the values of key expressions (the build side of hash and index joins).
import type { CompiledExpr } from '../expression/index.js';
import type { FieldType, Row } from '../types/index.js';
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
