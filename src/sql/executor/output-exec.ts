// outputExec: the top of a query: projection, DISTINCT, ORDER BY (sort or TopN) and LIMIT.
import type { ExecutionContext } from '../execution-context.js';
import { distinctKey } from '../expression/index.js';
import { MEMORY_CHECK_INTERVAL, checkMemory } from '../memory-guard.js';
import type { OperatorPlan } from '../planner/operator-plan.js';
import type { OutputOperators, OutputPlan } from '../planner/physical-plan.js';
import { isIntegerType, isTextType } from '../types/index.js';
import type { Row, SqlValue } from '../types/index.js';
import type { CompiledExpr } from '../expression/index.js';
import type { Exec } from './exec.js';
import { prepareParts } from './prepare-parts.js';
import { keysComparator } from './sort-keys.js';

/**
 * Projection, DISTINCT, ORDER BY and LIMIT over `source` (the plan's input, built); streams when none of them needs
 * the whole input. One generator, not a wrapper around another: every layer of async generator costs each query
 * (each batch) more promise hops.
 */
export function outputExec(plan: OutputPlan, source: Exec, session: ExecutionContext): Exec {
  const { projections, sortKeys, isDistinct, limit, parts } = plan;
  let projected = 0;
  let distinctRows = 0;
  let returned = 0;
  const project = (row: Row): Row => {
    projected++;
    const out: SqlValue[] = new Array<SqlValue>(projections.length);
    for (let i = 0; i < projections.length; i++) out[i] = projections[i]!.expr.evaluate(row);
    return out;
  };
  // DISTINCT over exactly the ORDER BY columns (sysbench's SELECT DISTINCT c … ORDER BY c): the sort brings equal
  // rows together, so duplicates go by comparing neighbours instead of a collation key per row in a hash set.
  const isDistinctBySort = isDistinct && sortKeys.length > 0 && isSortedByProjection(projections, sortKeys);
  const record = (startedAt: number): void => recordOutput(plan.operators, { projected, distinctRows, returned }, startedAt);
  // DISTINCT without a sort streams too (first occurrences in input order, as the collected path keeps them), so
  // rows already in ORDER BY order (an index read) or a LIMIT stop early instead of reading everything first.
  return sortKeys.length === 0 ? streamed() : collected();

  async function* streamed(): AsyncGenerator<Row[]> {
    const startedAt = performance.now();
    try {
      if (limit?.count === 0) return;
      let skip = limit?.offset ?? 0;
      let remaining = limit?.count ?? Infinity;
      const types = projections.map((projection) => projection.expr.type);
      const seen = new Set<string>();
      for await (const batch of source) {
        if (parts.length > 0) await prepareParts(parts, batch);
        const out: Row[] = [];
        for (const row of batch) {
          let projectedRow: Row | undefined;
          if (isDistinct) {
            projectedRow = project(row);
            const key = distinctKey(projectedRow, types);
            if (seen.has(key)) continue;
            seen.add(key);
            distinctRows++;
            if (seen.size % MEMORY_CHECK_INTERVAL === 0) checkMemory(session);
          }
          if (skip > 0) {
            skip--;
            continue;
          }
          out.push(projectedRow ?? project(row));
          if (--remaining === 0) break;
        }
        returned += out.length;
        if (out.length > 0) yield out;
        if (remaining === 0) return;
      }
    } finally {
      record(startedAt);
    }
  }

  async function* collected(): AsyncGenerator<Row[]> {
    const startedAt = performance.now();
    try {
      if (limit?.count === 0) return;
      const types = projections.map((projection) => projection.expr.type);
      const seen = new Set<string>();
      const kept: { out: Row; keys: SqlValue[] }[] = [];
      const compareKeys = keysComparator(sortKeys, session.warnings);
      const compare = (a: { keys: SqlValue[] }, b: { keys: SqlValue[] }): number => compareKeys(a.keys, b.keys);
      // TopN: ORDER BY … LIMIT keeps only the rows that can still make the cut, pruning (with a stable sort, so ties
      // keep their input order as a full sort would) whenever the buffer doubles.
      const topN = limit && sortKeys.length > 0 && !isDistinct ? limit.offset + limit.count : undefined;
      const pruneAt = topN === undefined ? Infinity : Math.max(2 * topN, 1024);
      for await (const batch of source) {
        if (parts.length > 0) await prepareParts(parts, batch);
        for (const row of batch) {
          const out = project(row);
          if (isDistinct && !isDistinctBySort) {
            const key = distinctKey(out, types);
            if (seen.has(key)) continue;
            seen.add(key);
            distinctRows++;
          }
          kept.push({ out, keys: sortKeys.map((key) => key.expr.evaluate(row)) });
          if (kept.length >= pruneAt) {
            kept.sort(compare);
            kept.length = topN!;
          }
          if (kept.length % MEMORY_CHECK_INTERVAL === 0) checkMemory(session);
        }
      }
      if (sortKeys.length > 0) kept.sort(compare);
      if (isDistinctBySort) {
        // The sort is stable: the first row of each run of equal keys is the one met first, as the hash set keeps.
        let length = 0;
        for (const entry of kept) if (length === 0 || compare(kept[length - 1]!, entry) !== 0) kept[length++] = entry;
        kept.length = length;
        distinctRows = length;
      }
      const start = limit?.offset ?? 0;
      const end = limit ? start + limit.count : kept.length;
      const slice = kept.slice(start, end).map((entry) => entry.out);
      returned = slice.length;
      for (let i = 0; i < slice.length; i += 1024) yield slice.slice(i, i + 1024);
    } finally {
      record(startedAt);
    }
  }
}

/**
 * Whether the sort keys are the projected columns themselves, every one of them and nothing else, all of types whose
 * ORDER BY comparison and DISTINCT equality agree (integers; text by its collation, not ENUM/SET): rows equal as
 * DISTINCT sees them then compare equal on the keys, and rows that differ do not.
 */
function isSortedByProjection(projections: OutputPlan['projections'], sortKeys: OutputPlan['sortKeys']): boolean {
  const isComparable = (expr: CompiledExpr): boolean =>
    expr.columnIndex !== undefined && expr.type.valueSet === undefined && (isIntegerType(expr.type) || isTextType(expr.type));
  if (!projections.every((projection) => isComparable(projection.expr)) || !sortKeys.every((key) => isComparable(key.expr))) return false;
  const projected = new Set(projections.map((projection) => projection.expr.columnIndex));
  const sorted = new Set(sortKeys.map((key) => key.expr.columnIndex));
  return projected.size === sorted.size && [...projected].every((index) => sorted.has(index));
}

/** Adds one execution's row counts and time to the EXPLAIN ANALYZE stats of an Output plan's operators. */
export function recordOutput(
  plan: OutputOperators,
  counts: { projected: number; distinctRows: number; returned: number },
  startedAt: number,
): void {
  const elapsed = performance.now() - startedAt;
  const record = (node: OperatorPlan | undefined, rows: number): void => {
    if (!node) return;
    node.stats.loops++;
    node.stats.rows += rows;
    node.stats.timeMs += elapsed;
  };
  record(plan.projection, plan.order || plan.distinct ? counts.projected : counts.returned);
  record(plan.distinct, plan.order ? counts.distinctRows : counts.returned);
  record(plan.order, counts.returned);
}
