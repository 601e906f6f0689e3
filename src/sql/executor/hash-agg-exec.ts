// hashAggExec: groups input rows (GROUP BY) in a hash map and computes aggregates; output = the group's first row +
// results.
import type { ExecutionContext } from '../execution-context.js';
import { distinctKey } from '../expression/index.js';
import type { Accumulator } from '../expression/index.js';
import { checkMemory } from '../memory-guard.js';
import { endRun, startRun } from '../planner/operator-plan.js';
import type { HashAggPlan, SortKey } from '../planner/physical-plan.js';
import { compareValues } from '../types/index.js';
import type { Row, SqlValue } from '../types/index.js';
import type { Exec } from './exec.js';
import { prepareParts } from './prepare-parts.js';

/** Runs a HashAgg over `input`; without GROUP BY an empty input still yields one row. */
export async function* hashAggExec(plan: HashAggPlan, input: Exec, session: ExecutionContext): Exec {
  const { keys, aggregates, explain } = plan;
  const width = plan.input.scope.columns.length;
  const keyTypes = keys.map((key) => key.type);
  const startedAt = startRun(explain.stats);
  const groups = new Map<string, { first: Row; accumulators: Accumulator[]; ordered: { row: Row; values: SqlValue[] }[][] }>();
  for await (const batch of input) {
    checkMemory(session);
    if (plan.parts.length > 0) await prepareParts(plan.parts, batch);
    for (const row of batch) {
      const key = keys.length === 0 ? '' : distinctKey(keys.map((k) => k.evaluate(row)), keyTypes);
      let group = groups.get(key);
      if (!group) {
        group = { first: row, accumulators: aggregates.map((a) => a.kind.create()), ordered: aggregates.map(() => []) };
        groups.set(key, group);
      }
      for (let i = 0; i < aggregates.length; i++) {
        const aggregate = aggregates[i]!;
        const values = aggregate.args.map((arg) => arg.evaluate(row));
        if (aggregate.orderBy.length > 0) group.ordered[i]!.push({ row, values });
        else group.accumulators[i]!.add(values);
      }
    }
  }
  if (groups.size === 0 && keys.length === 0) {
    groups.set('', { first: new Array<SqlValue>(width).fill(null), accumulators: aggregates.map((a) => a.kind.create()), ordered: aggregates.map(() => []) });
  }
  const out: Row[] = [];
  for (const group of groups.values()) {
    const row: Row = group.first.slice(0, width);
    for (let i = 0; i < aggregates.length; i++) {
      const aggregate = aggregates[i]!;
      const accumulator = group.accumulators[i]!;
      if (aggregate.orderBy.length > 0) {
        const entries = group.ordered[i]!;
        entries.sort((a, b) => compareOrdered(a.row, b.row, aggregate.orderBy, session));
        for (const entry of entries) accumulator.add(entry.values);
      }
      row.push(accumulator.result());
    }
    out.push(row);
    explain.stats.rows++;
    if (out.length >= 1024) yield out.splice(0, out.length);
  }
  endRun(explain.stats, startedAt);
  if (out.length > 0) yield out;
}

function compareOrdered(a: Row, b: Row, keys: readonly SortKey[], session: ExecutionContext): number {
  for (const key of keys) {
    const x = key.expr.evaluate(a);
    const y = key.expr.evaluate(b);
    const order = x === null || y === null ? (x === y ? 0 : x === null ? -1 : 1) : compareValues(x, y, key.expr.type.collation, session.warnings);
    if (order !== 0) return key.isDescending ? -order : order;
  }
  return 0;
}
