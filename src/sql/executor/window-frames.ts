// One window partition held by column (no array per row), its peer groups (which rows tie on ORDER BY) and frames
// (which rows each row's frame holds: ROWS by position, RANGE by value, with MySQL's placement of NULLs).
import type { SortKey } from '../planner/physical-plan.js';
import type { FramePlan } from '../planner/window-function-plan.js';
import { compareValues } from '../types/index.js';
import type { SqlValue, WarningSink } from '../types/index.js';
import { columnComparator } from './sort-keys.js';

/**
 * The rows of one partition, by column: `order[k][i]` is row i's k-th ORDER BY value; `bounds` its RANGE frame's
 * start and end bound values (when the bound is a value); `args[f][a][i]` the a-th value function f reads.
 */
export interface Partition {
  size: number;
  readonly order: SqlValue[][];
  readonly bounds: readonly [SqlValue[] | undefined, SqlValue[] | undefined];
  readonly args: SqlValue[][][];
}

/** Each row's peer group: the first and last index of the rows that tie with it on ORDER BY. */
export interface Peers {
  readonly first: Int32Array;
  readonly last: Int32Array;
  /** 1 for the first group, 2 for the next, … (DENSE_RANK). */
  readonly ordinal: Int32Array;
}

/** Each row's frame as inclusive indexes; empty where `start > end`. */
export interface Frames {
  readonly start: Int32Array;
  readonly end: Int32Array;
}

/** An empty partition with room for the given ORDER BY keys, frame bounds and function arguments. */
export function emptyPartition(orderKeys: number, frame: FramePlan | undefined, argCounts: readonly number[]): Partition {
  const isRange = (which: 'start' | 'end'): boolean => frame?.[which].kind === 'range';
  return {
    size: 0,
    order: Array.from({ length: orderKeys }, () => []),
    bounds: [isRange('start') ? [] : undefined, isRange('end') ? [] : undefined],
    args: argCounts.map((count) => Array.from({ length: count }, () => [])),
  };
}

/** Peer groups of a sorted partition; without ORDER BY every row is a peer of every other. */
export function peersOf(partition: Partition, orderBy: readonly SortKey[], warnings: WarningSink): Peers {
  const size = partition.size;
  const first = new Int32Array(size);
  const last = new Int32Array(size);
  const ordinal = new Int32Array(size);
  const compare = columnComparator(orderBy, partition.order, warnings);
  let groupStart = 0;
  let group = 1;
  for (let i = 1; i <= size; i++) {
    if (i < size && compare(i, i - 1) === 0) continue;
    for (let j = groupStart; j < i; j++) {
      first[j] = groupStart;
      last[j] = i - 1;
      ordinal[j] = group;
    }
    groupStart = i;
    group++;
  }
  return { first, last, ordinal };
}

/**
 * The frame of every row. `offsets` are the ROWS offsets of the start and end bounds, evaluated for this execution.
 * RANGE value bounds follow MySQL's Window::before_or_after_frame: a row is before the frame when its value sorts
 * before the start bound, after it when it sorts after the end bound, NULLs sitting where the order puts them.
 */
export function framesOf(frame: FramePlan | undefined, partition: Partition, peers: Peers, orderBy: readonly SortKey[], offsets: readonly [number, number], warnings: WarningSink): Frames {
  const size = partition.size;
  const start = new Int32Array(size);
  const end = new Int32Array(size).fill(size - 1);
  if (!frame) return { start, end };
  const key = orderBy[0];
  const isAscending = key ? !key.isDescending : true;
  const collation = key?.expr.type.collation ?? '';
  const values = partition.order[0] ?? [];
  /** Whether candidate `j` lies outside row `i`'s bound: before the start bound (0) or after the end bound (1). */
  const isOutside = (j: number, i: number, which: 0 | 1): boolean => {
    const current = values[i] ?? null;
    const candidate = values[j] ?? null;
    const isStart = which === 0;
    const nullsAtInfinity = isStart ? isAscending : !isAscending;
    if (current === null) return candidate !== null && !nullsAtInfinity;
    if (candidate === null) return nullsAtInfinity;
    const bound = partition.bounds[which]![i] ?? null;
    let order = bound === null ? (isStart ? 1 : -1) : compareValues(candidate, bound, collation, warnings);
    if (!isAscending) order = -order;
    return isStart ? order < 0 : order > 0;
  };
  const boundOf = (which: 0 | 1, i: number, pointer: number): number => {
    const plan = which === 0 ? frame.start : frame.end;
    switch (plan.kind) {
      case 'unbounded':
        return which === 0 ? 0 : size - 1;
      case 'current':
        return frame.units === 'ROWS' ? i : which === 0 ? peers.first[i]! : peers.last[i]!;
      case 'rows': {
        const at = i + (plan.isPreceding ? -offsets[which] : offsets[which]);
        return which === 0 ? Math.max(0, Math.min(size, at)) : Math.max(-1, Math.min(size - 1, at));
      }
      case 'range': {
        // Frames only move forward: each bound starts from where the previous row's stopped.
        let at = pointer;
        if (which === 0) while (at < size && isOutside(at, i, 0)) at++;
        else while (at + 1 < size && !isOutside(at + 1, i, 1)) at++;
        return at;
      }
    }
  };
  let startPointer = 0;
  let endPointer = -1;
  for (let i = 0; i < size; i++) {
    startPointer = boundOf(0, i, startPointer);
    endPointer = boundOf(1, i, endPointer);
    start[i] = startPointer;
    end[i] = endPointer;
  }
  return { start, end };
}
