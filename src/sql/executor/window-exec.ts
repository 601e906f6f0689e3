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
import type { Exec } from './exec.js';
import { prepareParts } from './prepare-parts.js';
import { compareSortKeys } from './sort-keys.js';
import { framesOf, peersOf } from './window-frames.js';
import { evaluateWindowFunction } from './window-functions.js';
import type { WindowRow } from './window-functions.js';

/** The batch size rows are handed on in. */
const BATCH_ROWS = 1024;

/**
 * Runs a Window over `input` (the plan's input, built, in partition order). Only the current partition is held in
 * memory, under the memory guard; each finished partition's rows are handed on before the next is read further.
 */
export async function* windowExec(plan: WindowPlan, input: Exec, session: ExecutionContext): Exec {
  const { partitionBy, orderBy, frame, functions, parts, explain } = plan;
  const warnings = session.warnings;
  const startedAt = startRun(explain.stats);
  try {
    const counts = functions.map((fn) => countOf(fn, warnings));
    const offsets: [number, number] = frame ? [rowsOffset(frame.start, plan.windowName, warnings), rowsOffset(frame.end, plan.windowName, warnings)] : [0, 0];
    const partitionKeys = partitionBy.map((expr) => ({ expr, isDescending: false }));
    let partition: WindowRow[] = [];
    let sources: Row[] = [];
    let currentKey: SqlValue[] | undefined;
    const out: Row[] = [];
    const finish = (): void => {
      if (partition.length === 0) return;
      const peers = peersOf(partition, orderBy, warnings);
      const frames = framesOf(frame, partition, peers, orderBy, offsets, warnings);
      const results = functions.map((fn, f) => evaluateWindowFunction(fn, f, { rows: partition, peers, frames }, counts[f]!));
      for (let i = 0; i < partition.length; i++) {
        const row = sources[i]!.slice();
        for (const values of results) row.push(values[i] ?? null);
        out.push(row);
      }
      explain.stats.rows += partition.length;
      partition = [];
      sources = [];
    };
    for await (const batch of input) {
      if (parts.length > 0) await prepareParts(parts, batch);
      for (const row of batch) {
        const key = partitionBy.map((expr) => expr.evaluate(row));
        if (currentKey !== undefined && compareSortKeys(key, currentKey, partitionKeys, warnings) !== 0) finish();
        currentKey = key;
        partition.push(windowRow(plan, row));
        sources.push(row);
        if (partition.length % MEMORY_CHECK_INTERVAL === 0) checkMemory();
      }
      while (out.length >= BATCH_ROWS) yield out.splice(0, BATCH_ROWS);
    }
    finish();
    for (let i = 0; i < out.length; i += BATCH_ROWS) yield out.slice(i, i + BATCH_ROWS);
  } finally {
    endRun(explain.stats, startedAt);
  }
}

/** What the functions and the frame need of one input row, evaluated as it arrives. */
function windowRow(plan: WindowPlan, row: Row): WindowRow {
  const order = plan.orderBy.map((key) => key.expr.evaluate(row));
  const args = plan.functions.map((fn) => argumentValues(fn, row));
  const frame = plan.frame;
  if (frame && (frame.start.kind === 'range' || frame.end.kind === 'range')) {
    const value = (bound: BoundPlan): SqlValue | undefined => (bound.kind === 'range' && order[0] !== null ? bound.bound.evaluate(row) : undefined);
    return { order, args, bounds: [value(frame.start), value(frame.end)] };
  }
  return { order, args };
}

function argumentValues(fn: WindowFunctionPlan, row: Row): SqlValue[] {
  switch (fn.kind) {
    case 'LAG':
    case 'LEAD':
      return fn.fallback ? [fn.value.evaluate(row), fn.fallback.evaluate(row)] : [fn.value.evaluate(row)];
    case 'FIRST_VALUE':
    case 'LAST_VALUE':
    case 'NTH_VALUE':
      return [fn.value.evaluate(row)];
    case 'AGGREGATE':
      return fn.args.map((arg) => arg.evaluate(row));
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
