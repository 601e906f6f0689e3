// materializedTables: rows bound to a table reference node (a recursive CTE's result), read by FROM planning.
import type { TableNameRef } from '../ast/index.js';
import type { Scope } from '../expression/index.js';
import type { Row } from '../types/index.js';

/** Rows computed before planning, with the layout they follow. */
export interface MaterializedTable {
  readonly scope: Scope;
  readonly rows: readonly Row[];
}

/**
 * Keyed by the reference node itself: the rewritten query that holds the node keeps the rows alive exactly as long
 * as it is planned or run, and no name can collide with a real table.
 */
export const materializedTables = new WeakMap<TableNameRef, MaterializedTable>();
