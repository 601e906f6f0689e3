// ORDER BY comparison of evaluated sort keys, shared by the operators that sort rows or find ties: one comparator
// per key, chosen once by the key's type (integers and doubles compare without the generic conversions).
import type { SortKey } from '../planner/physical-plan.js';
import { TypeKind, compareOrderValues, isIntegerType } from '../types/index.js';
import type { FieldType, SqlValue, WarningSink } from '../types/index.js';

/** Compares two values of one key; NULL sorts first. */
export type ValueComparator = (x: SqlValue, y: SqlValue) => number;

/**
 * A comparator for values of `type`: NULLs first, then MySQL's order for the type. Integers (bigint) and doubles
 * (number) compare directly; anything else (or an unexpected representation) goes through compareOrderValues.
 */
export function valueComparator(type: FieldType, warnings: WarningSink): ValueComparator {
  const generic = (x: Exclude<SqlValue, null>, y: Exclude<SqlValue, null>): number => compareOrderValues(x, y, type, warnings);
  const isPrimitive = (isIntegerType(type) && type.valueSet === undefined) || type.kind === TypeKind.Double || type.kind === TypeKind.Float;
  return (x, y) => {
    if (x === null || y === null) return x === y ? 0 : x === null ? -1 : 1;
    if (isPrimitive && ((typeof x === 'bigint' && typeof y === 'bigint') || (typeof x === 'number' && typeof y === 'number'))) return x < y ? -1 : x > y ? 1 : 0;
    return generic(x, y);
  };
}

/** Compares two rows' key values in `keys` order: NULLs first ascending (last descending), as MySQL sorts them. */
export function keysComparator(keys: readonly SortKey[], warnings: WarningSink): (a: readonly SqlValue[], b: readonly SqlValue[]) => number {
  const comparators = keys.map((key) => valueComparator(key.expr.type, warnings));
  const signs = keys.map((key) => (key.isDescending ? -1 : 1));
  return (a, b) => {
    for (let k = 0; k < comparators.length; k++) {
      const order = comparators[k]!(a[k] ?? null, b[k] ?? null);
      if (order !== 0) return order * signs[k]!;
    }
    return 0;
  };
}

/**
 * A comparator of rows `i` and `j` of key columns (`columns[k][i]` is row i's value of key k), for sorting an index
 * array or finding peers without an array per row.
 */
export function columnComparator(keys: readonly SortKey[], columns: readonly (readonly SqlValue[])[], warnings: WarningSink): (i: number, j: number) => number {
  const comparators = keys.map((key) => valueComparator(key.expr.type, warnings));
  const signs = keys.map((key) => (key.isDescending ? -1 : 1));
  return (i, j) => {
    for (let k = 0; k < comparators.length; k++) {
      const column = columns[k]!;
      const order = comparators[k]!(column[i] ?? null, column[j] ?? null);
      if (order !== 0) return order * signs[k]!;
    }
    return 0;
  };
}
