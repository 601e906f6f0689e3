// RowSource: a stream of row batches with the layout (scope) its rows follow; the unit operators compose.
import type { Scope } from '../expression/index.js';
import { operatorPlan } from '../planner/operator-plan.js';
import type { OperatorPlan } from '../planner/operator-plan.js';
import type { Row } from '../types/index.js';
import type { KeyLookup } from './key-lookup.js';

/**
 * Rows in batches, laid out as `scope`. `rows()` may be called more than once (a join's inner side re-reads).
 * `plan` describes the operator (and its inputs) for EXPLAIN; the operator counts its output rows into `plan.stats`.
 */
export interface RowSource {
  readonly scope: Scope;
  readonly plan: OperatorPlan;
  /** The rows come in the ORDER BY order that was asked of the source (see planner/ordered-path.ts). */
  readonly providesOrder?: boolean;
  /** A base table can fetch its rows by the values of some key columns (the inner side of an index join). */
  readonly keyLookup?: (columnOffset: number) => KeyLookup | undefined;
  rows(): AsyncIterable<Row[]>;
}

/** A source over rows already in memory (TiDB's TableDual for `SELECT` without FROM). */
export function memoryRowSource(scope: Scope, rows: readonly Row[], plan?: OperatorPlan): RowSource {
  const described = plan ?? operatorPlan('TableDual', rows.length, [], () => `rows:${rows.length}`);
  return {
    scope,
    plan: described,
    rows: async function* () {
      described.stats.loops++;
      described.stats.rows += rows.length;
      if (rows.length > 0) yield [...rows];
      return Promise.resolve();
    },
  };
}
