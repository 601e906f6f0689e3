// RowSource: a stream of row batches with the layout (scope) its rows follow; the unit operators compose.
import type { Scope } from '../expression/index.js';
import type { Row } from '../types/index.js';

/** Rows in batches, laid out as `scope`. `rows()` may be called more than once (a join's inner side re-reads). */
export interface RowSource {
  readonly scope: Scope;
  rows(): AsyncIterable<Row[]>;
}

/** A source over rows already in memory. */
export function memoryRowSource(scope: Scope, rows: readonly Row[]): RowSource {
  return {
    scope,
    rows: async function* () {
      if (rows.length > 0) yield [...rows];
      return Promise.resolve();
    },
  };
}
