// multiUpdateExec / multiDeleteExec: run UPDATE and DELETE over a join: read every joined row passing WHERE into
// memory, then write each target row once, with the first joined row it appears in.
import { mysqlError, ER_BAD_NULL_ERROR } from '../../errors/index.js';
import type { ExecutionContext } from '../execution-context.js';
import type { JoinRead, JoinTarget, MultiDeletePlan, MultiUpdatePlan } from '../planner/write-plan.js';
import type { OkResult } from '../statement-result.js';
import { TableWriters } from '../constraints/index.js';
import { coerceToColumn, toBoolean } from '../types/index.js';
import type { Row, SqlValue } from '../types/index.js';
import { buildExec } from './build-exec.js';
import { currentTimestampFor } from './column-defaults.js';
import { prepareParts } from './prepare-parts.js';
import { rowChanged } from './row-changed.js';
import { currentDateTime } from '../timezone/session-time-zone.js';

/** Each matched stored row (by handle) → the first joined row it appeared in; a row is written at most once. */
type FirstSeen = Map<bigint, number>;

/** Affected rows count changed rows (matched with CLIENT_FOUND_ROWS). */
export async function multiUpdateExec(plan: MultiUpdatePlan, session: ExecutionContext): Promise<OkResult> {
  const { stmt, assignments } = plan;
  const targetList = plan.targets;
  const joined = await readJoin(plan.read, session);
  const seen = new Map<JoinTarget, FirstSeen>(targetList.map((target) => [target, firstSeen(target, joined)]));

  // Evaluate the assignments over copies of the joined rows some target row is first seen in, left to right.
  const firstFor = new Map<number, Set<JoinTarget>>();
  for (const target of targetList) {
    for (const index of seen.get(target)!.values()) {
      const set = firstFor.get(index) ?? new Set<JoinTarget>();
      set.add(target);
      firstFor.set(index, set);
    }
  }
  const indexes = [...firstFor.keys()].sort((a, b) => a - b);
  const copies = new Map<number, SqlValue[]>(indexes.map((index) => [index, [...joined[index]!]]));
  const isStrict = session.isStrictMode && !stmt.isIgnore;
  for (const { offset, target, column, value, parts } of assignments) {
    const rows = indexes.filter((index) => firstFor.get(index)!.has(target)).map((index) => copies.get(index)!);
    if (parts.length > 0) await prepareParts(parts, rows);
    rows.forEach((row, i) => {
      const next = coerceToColumn(value.evaluate(row), column.type, { columnName: column.name, rowNumber: i + 1, isStrict, warnings: session.warnings });
      if (next === null && column.isNotNull) throw mysqlError(ER_BAD_NULL_ERROR, column.name);
      row[offset] = next;
    });
  }

  const writers = new TableWriters({ catalog: plan.context.catalog, session, txn: await session.transaction(), isStrict, isIgnore: stmt.isIgnore });
  const now = currentDateTime(session, 6);
  let matched = 0;
  let changed = 0n;
  for (const target of targetList) {
    const writer = writers.writer(target.table, target.databaseName);
    const rows = writer.rows;
    const targetSeen = seen.get(target)!;
    await rows.lockHandles([...targetSeen.keys()], 'exclusive');
    const assigned = new Set(assignments.filter((a) => a.target === target).map((a) => a.column.offset));
    for (const [handle, index] of targetSeen) {
      matched++;
      const before = storedRow(target, joined[index]!);
      const after = storedRow(target, copies.get(index)!);
      if (!rowChanged(before, after, session)) continue;
      for (const column of target.table.columns) if (column.onUpdateCurrentTimestamp && !assigned.has(column.offset)) after[column.offset] = currentTimestampFor(column, now);
      const newHandle = target.table.handleColumnOffset === undefined ? handle : (after[target.table.handleColumnOffset] as bigint);
      if ((await writer.update(handle, before, newHandle, after, undefined, index + 1)) !== false) changed++;
    }
  }
  const affected = session.isFoundRowsMode ? BigInt(matched) : changed;
  return { kind: 'ok', affectedRows: affected, lastInsertId: 0n, info: `Rows matched: ${matched}  Changed: ${changed}  Warnings: ${session.warningCount}` };
}

/** Affected rows are the rows deleted from all targets. */
export async function multiDeleteExec(plan: MultiDeletePlan, session: ExecutionContext): Promise<OkResult> {
  const targetList = plan.targets;
  const joined = await readJoin(plan.read, session);
  const writers = new TableWriters({ catalog: plan.context.catalog, session, txn: await session.transaction(), isStrict: session.isStrictMode, isIgnore: plan.stmt.isIgnore });
  let deleted = 0n;
  for (const target of targetList) {
    const targetSeen = firstSeen(target, joined);
    const writer = writers.writer(target.table, target.databaseName);
    await writer.rows.lockHandles([...targetSeen.keys()], 'exclusive');
    for (const [handle, index] of targetSeen) if ((await writer.delete(handle, storedRow(target, joined[index]!))) !== false) deleted++;
  }
  return { kind: 'ok', affectedRows: deleted, lastInsertId: 0n, info: '' };
}

/** Every joined row passing WHERE, subqueries included, read into memory before anything is written. */
async function readJoin(read: JoinRead, session: ExecutionContext): Promise<Row[]> {
  const { filter, parts } = read;
  const rows: Row[] = [];
  for await (const batch of buildExec(read.join, session)) {
    if (filter && parts.length > 0) await prepareParts(parts, batch);
    for (const row of batch) if (!filter || toBoolean(filter.evaluate(row), session.warnings) === true) rows.push(row);
  }
  return rows;
}

/** Where each of the target's stored rows first appears among the joined rows. */
function firstSeen(target: JoinTarget, joined: readonly Row[]): FirstSeen {
  const seen: FirstSeen = new Map();
  joined.forEach((row, index) => {
    const handle = row[target.handleOffset];
    // A NULL handle is the padding of an outer join: no stored row.
    if (typeof handle === 'bigint' && !seen.has(handle)) seen.set(handle, index);
  });
  return seen;
}

function storedRow(target: JoinTarget, joined: Row): SqlValue[] {
  return target.columnOffsets.map((offset) => joined[offset] ?? null);
}
