// Peer groups and frames of one window partition: which rows tie with each row on ORDER BY, and which rows each
// row's frame holds (ROWS by position, RANGE by value, with MySQL's placement of NULLs).
import type { SortKey } from '../planner/physical-plan.js';
import type { FramePlan } from '../planner/window-function-plan.js';
import { compareValues } from '../types/index.js';
import type { SqlValue, WarningSink } from '../types/index.js';
import { compareSortKeys } from './sort-keys.js';

/** One buffered row of a partition: its ORDER BY values and, for RANGE value bounds, its frame's bound values. */
export interface PartitionRow {
  readonly order: readonly SqlValue[];
  /** [start bound, end bound] values of a RANGE frame (undefined entries for bounds that are not values). */
  readonly bounds?: readonly [SqlValue | undefined, SqlValue | undefined];
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

/** Peer groups of a sorted partition; without ORDER BY every row is a peer of every other. */
export function peersOf(rows: readonly PartitionRow[], orderBy: readonly SortKey[], warnings: WarningSink): Peers {
  const size = rows.length;
  const first = new Int32Array(size);
  const last = new Int32Array(size);
  const ordinal = new Int32Array(size);
  let groupStart = 0;
  let group = 1;
  for (let i = 1; i <= size; i++) {
    if (i < size && (orderBy.length === 0 || compareSortKeys(rows[i]!.order, rows[i - 1]!.order, orderBy, warnings) === 0)) continue;
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
export function framesOf(
  frame: FramePlan | undefined,
  rows: readonly PartitionRow[],
  peers: Peers,
  orderBy: readonly SortKey[],
  offsets: readonly [number, number],
  warnings: WarningSink,
): Frames {
  const size = rows.length;
  const start = new Int32Array(size);
  const end = new Int32Array(size).fill(size - 1);
  if (!frame) return { start, end };
  const key = orderBy[0];
  const isAscending = key ? !key.isDescending : true;
  const collation = key?.expr.type.collation ?? '';
  /** Where candidate `j` stands against row `i`'s bound: -1 before it, 1 after it, 0 within. */
  const side = (j: number, i: number, which: 0 | 1): number => {
    const current = rows[i]!.order[0] ?? null;
    const candidate = rows[j]!.order[0] ?? null;
    const isStart = which === 0;
    const nullsAtInfinity = isStart ? isAscending : !isAscending;
    let isOutside: boolean;
    if (current === null) isOutside = candidate !== null && !nullsAtInfinity;
    else if (candidate === null) isOutside = nullsAtInfinity;
    else {
      const bound = rows[i]!.bounds![which] ?? null;
      let order = bound === null ? (isStart ? 1 : -1) : compareValues(candidate, bound, collation, warnings);
      if (!isAscending) order = -order;
      isOutside = isStart ? order < 0 : order > 0;
    }
    return isOutside ? (isStart ? -1 : 1) : 0;
  };
  const bound = (which: 0 | 1, i: number, pointer: number): number => {
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
        let at = pointer;
        if (which === 0) while (at < size && side(at, i, 0) < 0) at++;
        else while (at + 1 < size && side(at + 1, i, 1) === 0) at++;
        return at;
      }
    }
  };
  let startPointer = 0;
  let endPointer = -1;
  for (let i = 0; i < size; i++) {
    startPointer = bound(0, i, startPointer);
    endPointer = bound(1, i, endPointer);
    start[i] = startPointer;
    end[i] = endPointer;
  }
  return { start, end };
}
