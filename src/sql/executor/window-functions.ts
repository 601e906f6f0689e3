// evaluateWindowFunction: one window function's value for every row of a partition, from the rows' peer groups and
// frames (MySQL's definitions: https://dev.mysql.com/doc/refman/8.0/en/window-function-descriptions.html).
import type { Accumulator, AggregateKind } from '../expression/index.js';
import type { WindowFunctionPlan } from '../planner/window-function-plan.js';
import type { SqlValue } from '../types/index.js';
import type { Frames, PartitionRow, Peers } from './window-frames.js';

/** A buffered row with the argument values of each function of its Window operator. */
export interface WindowRow extends PartitionRow {
  /** `args[f]`: the values function f reads from this row (its arguments; LAG/LEAD also their default). */
  readonly args: readonly (readonly SqlValue[])[];
}

/** A partition ready for evaluation. */
export interface Partition {
  readonly rows: readonly WindowRow[];
  readonly peers: Peers;
  readonly frames: Frames;
}

/**
 * The values of function number `index` (`fn`) for each row of `partition`. `count` is its constant argument for
 * this execution: NTILE's buckets, LAG/LEAD's offset, NTH_VALUE's position.
 */
export function evaluateWindowFunction(fn: WindowFunctionPlan, index: number, partition: Partition, count: number): SqlValue[] {
  const { rows, peers, frames } = partition;
  const size = rows.length;
  const out = new Array<SqlValue>(size);
  const valueAt = (row: number): SqlValue => rows[row]!.args[index]![0] ?? null;
  switch (fn.kind) {
    case 'ROW_NUMBER':
      for (let i = 0; i < size; i++) out[i] = BigInt(i + 1);
      return out;
    case 'RANK':
      for (let i = 0; i < size; i++) out[i] = BigInt(peers.first[i]! + 1);
      return out;
    case 'DENSE_RANK':
      for (let i = 0; i < size; i++) out[i] = BigInt(peers.ordinal[i]!);
      return out;
    case 'PERCENT_RANK':
      for (let i = 0; i < size; i++) out[i] = size > 1 ? peers.first[i]! / (size - 1) : 0;
      return out;
    case 'CUME_DIST':
      for (let i = 0; i < size; i++) out[i] = (peers.last[i]! + 1) / size;
      return out;
    case 'NTILE':
      return ntile(size, count);
    case 'LAG':
    case 'LEAD':
      for (let i = 0; i < size; i++) {
        const at = fn.kind === 'LAG' ? i - count : i + count;
        out[i] = at >= 0 && at < size ? valueAt(at) : (rows[i]!.args[index]![1] ?? null);
      }
      return out;
    case 'FIRST_VALUE':
    case 'LAST_VALUE':
    case 'NTH_VALUE':
      for (let i = 0; i < size; i++) {
        const start = frames.start[i]!;
        const end = frames.end[i]!;
        const at = fn.kind === 'FIRST_VALUE' ? start : fn.kind === 'LAST_VALUE' ? end : start + count - 1;
        out[i] = start <= end && at <= end ? valueAt(at) : null;
      }
      return out;
    case 'AGGREGATE':
      return aggregateOverFrames(fn.aggregate, index, partition);
  }
}

/** NTILE(n): rows split into n buckets in order, the first (rows mod n) buckets one row larger. */
function ntile(size: number, buckets: number): SqlValue[] {
  const out = new Array<SqlValue>(size);
  const small = Math.floor(size / buckets);
  const larger = size % buckets;
  const inLarger = larger * (small + 1);
  for (let i = 0; i < size; i++) out[i] = BigInt(i < inLarger ? Math.floor(i / (small + 1)) + 1 : larger + Math.floor((i - inLarger) / small) + 1);
  return out;
}

/**
 * An aggregate over each row's frame. Frames only move forward, so an accumulator keeps adding rows while its
 * frame's start stays put (running totals, whole partitions); a frame whose start moves is summed again. Rows with
 * the same frame (RANGE peers) share one result.
 */
function aggregateOverFrames(kind: AggregateKind, index: number, partition: Partition): SqlValue[] {
  const { rows, frames } = partition;
  const size = rows.length;
  const out = new Array<SqlValue>(size);
  let accumulator: Accumulator | undefined;
  let from = 0;
  let to = -1;
  let result: SqlValue | undefined;
  let emptyResult: SqlValue | undefined;
  for (let i = 0; i < size; i++) {
    const start = frames.start[i]!;
    const end = frames.end[i]!;
    if (start > end) {
      emptyResult ??= kind.create().result();
      out[i] = emptyResult;
      continue;
    }
    if (result === undefined || start !== from || end !== to) {
      if (!accumulator || start !== from || end < to) {
        accumulator = kind.create();
        from = start;
        to = start - 1;
      }
      for (let j = to + 1; j <= end; j++) accumulator.add(rows[j]!.args[index]!);
      to = end;
      result = accumulator.result();
    }
    out[i] = result;
  }
  return out;
}
