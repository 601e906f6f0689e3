// hashAggExec: groups input rows (GROUP BY, WITH ROLLUP) in a hash map and computes aggregates; output = the group's
// first row + results (+ a rollup's group values and level).
import type { ExecutionContext } from '../execution-context.js';
import { distinctKey } from '../expression/index.js';
import type { Accumulator } from '../expression/index.js';
import { checkMemory } from '../memory-guard.js';
import { endRun, startRun } from '../planner/operator-plan.js';
import type { HashAggPlan, SortKey } from '../planner/physical-plan.js';
import { compareOrderValues, compareValues } from '../types/index.js';
import type { FieldType, Row, SqlValue } from '../types/index.js';
import type { Exec } from './exec.js';
import { prepareParts } from './prepare-parts.js';

interface Group {
  readonly first: Row;
  readonly accumulators: Accumulator[];
  readonly ordered: { row: Row; values: SqlValue[] }[][];
  /** How many keys the group keeps (all of them but in a rollup's super-aggregate groups). */
  readonly level: number;
  readonly keyValues: readonly SqlValue[];
}

/**
 * Runs a HashAgg over `input`; without GROUP BY an empty input still yields one row. A rollup feeds each row to its
 * group at every level and hands the groups on in key order, each super-aggregate after the groups it sums.
 */
export async function* hashAggExec(plan: HashAggPlan, input: Exec, session: ExecutionContext): Exec {
  const { keys, aggregates, explain } = plan;
  const width = plan.input.scope.columns.length;
  const keyTypes = keys.map((key) => key.type);
  const levels = plan.rollup ? keys.map((_, i) => keys.length - i).concat(0) : [keys.length];
  const startedAt = startRun(explain.stats);
  const groups = new Map<string, Group>();
  const newGroup = (first: Row, level: number, keyValues: readonly SqlValue[]): Group => ({
    first,
    accumulators: aggregates.map((a) => a.kind.create()),
    ordered: aggregates.map(() => []),
    level,
    keyValues,
  });
  /** Feeds one row's argument values to each aggregate of `group`. */
  function addRow(group: Group, row: Row): void {
    for (let i = 0; i < aggregates.length; i++) {
      const aggregate = aggregates[i]!;
      const argExprs = aggregate.args;
      const values: SqlValue[] = new Array<SqlValue>(argExprs.length);
      for (let a = 0; a < argExprs.length; a++) values[a] = argExprs[a]!.evaluate(row);
      if (aggregate.orderBy.length > 0) group.ordered[i]!.push({ row, values });
      else group.accumulators[i]!.add(values);
    }
  }
  // Without GROUP BY or ROLLUP (sysbench's SUM over a range) every row feeds one group: no key, no map lookup.
  const isSingleGroup = keys.length === 0 && !plan.rollup;
  let inputRows = 0;
  for await (const batch of input) {
    // Before the first batch nothing is held yet: a short input (a SUM over a range) reads the heap statistics never.
    if (inputRows > 0) checkMemory(session);
    if (plan.parts.length > 0) await prepareParts(plan.parts, batch);
    inputRows += batch.length;
    if (isSingleGroup) {
      if (batch.length > 0 && groups.size === 0) groups.set('', newGroup(batch[0]!, 0, []));
      const group = groups.get('')!;
      for (const row of batch) addRow(group, row);
      continue;
    }
    for (const row of batch) {
      const keyValues = keys.map((k) => k.evaluate(row));
      const args = aggregates.map((aggregate) => aggregate.args.map((arg) => arg.evaluate(row)));
      for (const level of levels) {
        const prefix = level === keys.length ? keyValues : keyValues.slice(0, level);
        const key = keys.length === 0 ? '' : `${levels.length > 1 ? `${level}\u0001` : ''}${distinctKey(prefix, keyTypes)}`;
        let group = groups.get(key);
        if (!group) {
          group = newGroup(row, level, prefix);
          groups.set(key, group);
        }
        for (let i = 0; i < aggregates.length; i++) {
          if (aggregates[i]!.orderBy.length > 0) group.ordered[i]!.push({ row, values: args[i]! });
          else group.accumulators[i]!.add(args[i]!);
        }
      }
    }
  }
  if (groups.size === 0 && keys.length === 0) groups.set('', newGroup(new Array<SqlValue>(width).fill(null), 0, []));
  if (plan.rollup) {
    const expand = explain.children[0];
    if (expand) {
      expand.stats.loops++;
      expand.stats.rows += inputRows * levels.length;
    }
  }
  const ordered = plan.rollup ? [...groups.values()].sort((a, b) => compareRollupGroups(a, b, keyTypes, session)) : groups.values();
  const out: Row[] = [];
  for (const group of ordered) {
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
    if (plan.rollup) {
      for (let i = 0; i < keys.length; i++) row.push(i < group.level ? (group.keyValues[i] ?? null) : null);
      row.push(BigInt(group.level));
    }
    out.push(row);
    explain.stats.rows++;
    if (out.length >= 1024) yield out.splice(0, out.length);
  }
  endRun(explain.stats, startedAt);
  if (out.length > 0) yield out;
}

/** Rollup order: by key values (NULLs first), a rolled-up key after every value of it (MySQL's ROLLUP output). */
function compareRollupGroups(a: Group, b: Group, keyTypes: readonly FieldType[], session: ExecutionContext): number {
  for (let i = 0; i < keyTypes.length; i++) {
    const hasA = i < a.level;
    const hasB = i < b.level;
    if (!hasA || !hasB) return hasA === hasB ? 0 : hasA ? -1 : 1;
    const x = a.keyValues[i] ?? null;
    const y = b.keyValues[i] ?? null;
    const order = x === null || y === null ? (x === y ? 0 : x === null ? -1 : 1) : compareOrderValues(x, y, keyTypes[i]!, session.warnings);
    if (order !== 0) return order;
  }
  return 0;
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
