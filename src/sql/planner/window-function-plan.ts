// WindowFunctionPlan and FramePlan: what a Window operator computes per row, as plain data the executor reads.
import type { AggregateKind, CompiledExpr } from '../expression/index.js';
import type { FieldType } from '../types/index.js';

/**
 * One window function of a Window node and its result type. Ranking functions read only the partition and its peer
 * groups; the value functions and aggregates read their frame. Offsets and counts (`NTILE(n)`, `LAG(x, n)`,
 * `NTH_VALUE(x, n)`) are constants or `?`, evaluated once per execution.
 */
export type WindowFunctionPlan = { readonly type: FieldType } & (
  | { readonly kind: 'ROW_NUMBER' | 'RANK' | 'DENSE_RANK' | 'PERCENT_RANK' | 'CUME_DIST' }
  | { readonly kind: 'NTILE'; readonly buckets: CompiledExpr }
  | { readonly kind: 'LAG' | 'LEAD'; readonly value: CompiledExpr; readonly offset: CompiledExpr; readonly fallback: CompiledExpr | undefined }
  | { readonly kind: 'FIRST_VALUE' | 'LAST_VALUE'; readonly value: CompiledExpr }
  | { readonly kind: 'NTH_VALUE'; readonly value: CompiledExpr; readonly position: CompiledExpr }
  | { readonly kind: 'AGGREGATE'; readonly aggregate: AggregateKind; readonly args: readonly CompiledExpr[] }
);

/**
 * One end of a frame. `unbounded`: the partition's first row (start) or last row (end); `current`: the row itself
 * (ROWS) or the first/last of its peers (RANGE); `rows`: `offset` rows before or after; `range`: the rows whose
 * ORDER BY value reaches `bound`, the current row's value minus or plus `offset`. Offsets are constants or `?`,
 * checked again when the statement runs.
 */
export type BoundPlan =
  | { readonly kind: 'unbounded' }
  | { readonly kind: 'current' }
  | { readonly kind: 'rows'; readonly offset: CompiledExpr; readonly isPreceding: boolean }
  | { readonly kind: 'range'; readonly bound: CompiledExpr; readonly offset: CompiledExpr };

/** A frame other than the whole partition. RANGE value bounds compare against the window's only ORDER BY key. */
export interface FramePlan {
  readonly units: 'ROWS' | 'RANGE';
  readonly start: BoundPlan;
  readonly end: BoundPlan;
}

/** Functions that read a frame (the others read their whole partition, whatever the frame clause says). */
export function isFramingFunction(kind: WindowFunctionPlan['kind']): boolean {
  return kind === 'AGGREGATE' || kind === 'FIRST_VALUE' || kind === 'LAST_VALUE' || kind === 'NTH_VALUE';
}
