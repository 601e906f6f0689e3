// windowExec: TiDB's Window operator: over rows sorted by PARTITION BY then ORDER BY, buffers one partition at a
// time and appends each window function's value to every row of it.
import type { ExecutionContext } from '../execution-context.js';
import { MEMORY_CHECK_INTERVAL, checkMemory } from '../memory-guard.js';
import { windowArgument } from '../planner/compile-window-function.js';
import { endRun, startRun } from '../planner/operator-plan.js';
import type { WindowPlan } from '../planner/physical-plan.js';
import { frameOffset } from '../planner/plan-window-frame.js';
import type { BoundPlan, WindowFunctionPlan } from '../planner/window-function-plan.js';
import type { Row, SqlValue, WarningSink } from '../types/index.js';
import type { CompiledExpr } from '../expression/index.js';
import { keysComparator } from './sort-keys.js';
import type { Exec } from './exec.js';
import { prepareParts } from './prepare-parts.js';
import { emptyPartition, framesOf, peersOf } from './window-frames.js';
import type { Partition } from './window-frames.js';
import { evaluateWindowFunction } from './window-functions.js';

/** The batch size rows are handed on in. */
const BATCH_ROWS = 1024;

/**
 * Runs a Window over `input` (the plan's input, built, in partition order). Only the current partition is held in
 * memory (by column, under the memory guard); each finished partition's rows are handed on before the next is read
 * further.
 */
export async function* windowExec(plan: WindowPlan, input: Exec, session: ExecutionContext): Exec {
  const { partitionBy, orderBy, frame, functions, parts, explain } = plan;
  const warnings = session.warnings;
  const startedAt = startRun(explain.stats);
  try {
    const counts = functions.map((fn) => countOf(fn, warnings));
    const offsets: [number, number] = frame ? [rowsOffset(frame.start, plan.windowName, warnings), rowsOffset(frame.end, plan.windowName, warnings)] : [0, 0];
    const readers = functions.map(argumentReaders);
    const isSameKey = keysComparator(partitionBy.map((expr) => ({ expr, isDescending: false })), warnings);
    const fresh = (): Partition => emptyPartition(orderBy.length, frame, readers.map((list) => list.length));
    const startBound = frame?.start.kind === 'range' ? frame.start.bound : undefined;
    const endBound = frame?.end.kind === 'range' ? frame.end.bound : undefined;
    let partition = fresh();
    let sources: Row[] = [];
    // The partition key of the rows buffered, and a scratch array the next row's key is evaluated into.
    let currentKey: SqlValue[] | undefined;
    let nextKey = new Array<SqlValue>(partitionBy.length);
    const out: Row[] = [];
    const finish = (): void => {
      if (partition.size === 0) return;
      const peers = peersOf(partition, orderBy, warnings);
      const frames = framesOf(frame, partition, peers, orderBy, offsets, warnings);
      const results = functions.map((fn, f) => evaluateWindowFunction(fn, f, partition, peers, frames, counts[f]!));
      for (let i = 0; i < partition.size; i++) {
        const row = plan.isInputOwned ? sources[i]! : sources[i]!.slice();
        for (const values of results) row.push(values[i] ?? null);
        out.push(row);
      }
      explain.stats.rows += partition.size;
      partition = fresh();
      sources = [];
    };
    for await (const batch of input) {
      if (parts.length > 0) await prepareParts(parts, batch);
      for (const row of batch) {
        for (let k = 0; k < partitionBy.length; k++) nextKey[k] = partitionBy[k]!.evaluate(row);
        if (currentKey === undefined || isSameKey(nextKey, currentKey) !== 0) {
          finish();
          [currentKey, nextKey] = [nextKey, currentKey ?? new Array<SqlValue>(partitionBy.length)];
        }
        for (let k = 0; k < orderBy.length; k++) partition.order[k]!.push(orderBy[k]!.expr.evaluate(row));
        const orderValue = partition.order[0]?.[partition.size] ?? null;
        // A RANGE bound is the row's ORDER BY value moved by the offset; NULL values need none.
        if (startBound) partition.bounds[0]!.push(orderValue === null ? null : startBound.evaluate(row));
        if (endBound) partition.bounds[1]!.push(orderValue === null ? null : endBound.evaluate(row));
        for (let f = 0; f < readers.length; f++) {
          const list = readers[f]!;
          for (let a = 0; a < list.length; a++) partition.args[f]![a]!.push(list[a]!.evaluate(row));
        }
        partition.size++;
        sources.push(row);
        if (partition.size % MEMORY_CHECK_INTERVAL === 0) checkMemory(session);
      }
      while (out.length >= BATCH_ROWS) yield out.splice(0, BATCH_ROWS);
    }
    finish();
    for (let i = 0; i < out.length; i += BATCH_ROWS) yield out.slice(i, i + BATCH_ROWS);
  } finally {
    endRun(explain.stats, startedAt);
  }
}

/** The expressions a function reads from each row: its arguments, and LAG/LEAD's default. */
function argumentReaders(fn: WindowFunctionPlan): readonly CompiledExpr[] {
  switch (fn.kind) {
    case 'LAG':
    case 'LEAD':
      return fn.fallback ? [fn.value, fn.fallback] : [fn.value];
    case 'FIRST_VALUE':
    case 'LAST_VALUE':
    case 'NTH_VALUE':
      return [fn.value];
    case 'AGGREGATE':
      return fn.args;
    default:
      return [];
  }
}

/** A function's constant count for this execution (a `?` may differ between executions of one plan). */
function countOf(fn: WindowFunctionPlan, warnings: WarningSink): number {
  switch (fn.kind) {
    case 'NTILE':
      return windowArgument(fn.buckets.evaluate([]), fn.kind, warnings);
    case 'LAG':
    case 'LEAD':
      return windowArgument(fn.offset.evaluate([]), fn.kind, warnings);
    case 'NTH_VALUE':
      return windowArgument(fn.position.evaluate([]), fn.kind, warnings);
    default:
      return 0;
  }
}

/**
 * A bound's offset for this execution, checked (3586 for NULL or negative): a ROWS offset as an integer (a `?`
 * holding 2.7 counts 2, as MySQL pins it to integer); a RANGE offset only checked (its bound is computed per row).
 */
function rowsOffset(bound: BoundPlan, windowName: string, warnings: WarningSink): number {
  if (bound.kind === 'range') frameOffset(bound.offset.evaluate([]), windowName, warnings);
  return bound.kind === 'rows' ? Math.floor(frameOffset(bound.offset.evaluate([]), windowName, warnings)) : 0;
}
