// updateExec: runs a single-table UPDATE plan: collects the matching rows, evaluates the assignments, writes the
// rows that changed. Affected rows are the rows actually changed (matched with CLIENT_FOUND_ROWS).
import { mysqlError, ER_BAD_NULL_ERROR } from '../../errors/index.js';
import type { UpdatePlan } from '../planner/write-plan.js';
import type { OkResult } from '../statement-result.js';
import { TableWriters } from '../constraints/index.js';
import { coerceToColumn } from '../types/index.js';
import { collectMatchingRows } from './collect-matching-rows.js';
import { currentTimestampFor } from './column-defaults.js';
import { prepareParts } from './prepare-parts.js';
import { rowChanged } from './row-changed.js';
import { checkViewOptions } from './view-rows.js';
import { currentDateTime } from '../timezone/session-time-zone.js';

/** Runs `plan` once. */
export async function updateExec(plan: UpdatePlan): Promise<OkResult> {
  const { stmt, target, assignments, matching, context } = plan;
  const { session } = context;
  const table = target.table;
  const isStrict = session.isStrictMode && !stmt.isIgnore;
  const writers = new TableWriters({ catalog: context.catalog, session, txn: await session.transaction(), isStrict, isIgnore: stmt.isIgnore });
  const writer = writers.writer(table, target.databaseName);
  const rows = writer.rows;
  const matched = await collectMatchingRows(rows, target, matching, stmt, context);
  // InnoDB locks every matched row, also those the assignments leave unchanged.
  await rows.lockHandles(matched.map((item) => item.entry.handle), 'exclusive');
  // MySQL evaluates assignments left to right, each seeing the columns already assigned; one assignment at a time
  // over all rows lets its subqueries be prepared for the rows as they are at that point.
  const visible = matched.map((item) => [...item.visible]);
  const stored = matched.map((item) => [...item.entry.row]);
  for (const { offset, column, value, parts } of assignments) {
    if (parts.length > 0) await prepareParts(parts, visible);
    for (let i = 0; i < visible.length; i++) {
      const next = coerceToColumn(value.evaluate(visible[i]!), column.type, { columnName: column.name, tableName: table.name, rowNumber: i + 1, isStrict, warnings: session.warnings });
      if (next === null && column.isNotNull) throw mysqlError(ER_BAD_NULL_ERROR, column.name);
      visible[i]![offset] = next;
      stored[i]![column.offset] = next;
    }
  }
  const now = currentDateTime(session, 6);
  let changed = 0n;
  for (let i = 0; i < matched.length; i++) {
    const { handle, row } = matched[i]!.entry;
    const next = stored[i]!;
    if (!rowChanged(row, next, session)) continue;
    for (const column of table.columns) {
      if (column.onUpdateCurrentTimestamp && !assignments.some((a) => a.column.offset === column.offset)) next[column.offset] = currentTimestampFor(column, now);
    }
    if (target.levels.length > 0) await checkViewOptions(target, next, session);
    const newHandle = table.handleColumnOffset === undefined ? handle : (next[table.handleColumnOffset] as bigint);
    if ((await writer.update(handle, row, newHandle, next, undefined, i + 1)) !== false) changed++;
  }
  const affected = session.isFoundRowsMode ? BigInt(matched.length) : changed;
  return { kind: 'ok', affectedRows: affected, lastInsertId: 0n, info: `Rows matched: ${matched.length}  Changed: ${changed}  Warnings: ${session.warningCount}` };
}
