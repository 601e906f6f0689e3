// compareSortKeys: ORDER BY comparison of evaluated sort keys, shared by the operators that sort rows.
import type { SortKey } from '../planner/physical-plan.js';
import { compareOrderValues } from '../types/index.js';
import type { SqlValue, WarningSink } from '../types/index.js';

/** Compares two rows' key values in `keys` order: NULLs first ascending (last descending), as MySQL sorts them. */
export function compareSortKeys(a: readonly SqlValue[], b: readonly SqlValue[], keys: readonly SortKey[], warnings: WarningSink): number {
  for (let i = 0; i < keys.length; i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    let order: number;
    if (x === null || y === null) order = x === y ? 0 : x === null ? -1 : 1;
    else order = compareOrderValues(x, y, keys[i]!.expr.type, warnings);
    if (order !== 0) return keys[i]!.isDescending ? -order : order;
  }
  return 0;
}
