// evaluateWindowFunction: one window function's value for every row of a partition, from the rows' peer groups and
// frames (MySQL's definitions: https://dev.mysql.com/doc/refman/8.0/en/window-function-descriptions.html).
import type { Accumulator, AggregateKind } from '../expression/index.js';
import type { WindowFunctionPlan } from '../planner/window-function-plan.js';
import type { SqlValue } from '../types/index.js';
import type { Frames, Partition, Peers } from './window-frames.js';

/**
 * The values of function number `index` (`fn`) for each row of `partition` (`args[index]` holds what it reads:
 * its arguments, and LAG/LEAD's default). `count` is its constant argument for this execution: NTILE's buckets,
 * LAG/LEAD's offset, NTH_VALUE's position.
 */
export function evaluateWindowFunction(fn: WindowFunctionPlan, index: number, partition: Partition, peers: Peers, frames: Frames, count: number): SqlValue[] {
  const size = partition.size;
  const args = partition.args[index]!;
  const out = new Array<SqlValue>(size);
  const valueAt = (row: number): SqlValue => args[0]![row] ?? null;
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
        out[i] = at >= 0 && at < size ? valueAt(at) : (args[1]?.[i] ?? null);
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
      return aggregateOverFrames(fn.aggregate, args, frames, size);
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
function aggregateOverFrames(kind: AggregateKind, args: readonly SqlValue[][], frames: Frames, size: number): SqlValue[] {
  const out = new Array<SqlValue>(size);
  // One row's argument values at a time; accumulators read them during add() and keep none of the array.
  const values = new Array<SqlValue>(args.length);
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
      for (let j = to + 1; j <= end; j++) {
        for (let a = 0; a < args.length; a++) values[a] = args[a]![j] ?? null;
        accumulator.add(values);
      }
      to = end;
      result = accumulator.result();
    }
    out[i] = result;
  }
  return out;
}
