// visibleRows / checkViewOptions: the rows a write through updatable views sees, and WITH CHECK OPTION on what it writes.
import { mysqlError, ER_VIEW_CHECK_FAILED } from '../../errors/index.js';
import type { ExecutionContext } from '../execution-context.js';
import type { WriteTarget } from '../planner/write-target.js';
import type { HandleRow } from '../table/table-rows.js';
import { toBoolean } from '../types/index.js';
import type { Row } from '../types/index.js';
import { prepareParts } from './prepare-parts.js';

/** A stored row with the row the statement sees. */
export interface TargetRow {
  readonly entry: HandleRow;
  readonly visible: Row;
}


/** The rows of `entries` the target's views let through, each with the row the statement sees. */
export async function visibleRows(target: WriteTarget, entries: readonly HandleRow[], session: ExecutionContext): Promise<TargetRow[]> {
  let current: { entry: HandleRow; row: Row }[] = entries.map((entry) => ({ entry, row: entry.row }));
  for (const level of target.levels) {
    if (level.parts.length > 0) await prepareParts(level.parts, current.map((item) => item.row));
    if (level.where) {
      const where = level.where;
      current = current.filter((item) => toBoolean(where.evaluate(item.row), session.warnings) === true);
    }
    current = current.map((item) => ({ entry: item.entry, row: level.items.map((expr) => expr.evaluate(item.row)) }));
  }
  return current.map((item) => ({ entry: item.entry, visible: item.row }));
}

/**
 * WITH CHECK OPTION: a row written through a view must stay visible through it. LOCAL checks the view's own WHERE,
 * CASCADED also every view below it; a view without the option checks nothing itself, but views below it with the
 * option still check theirs (https://dev.mysql.com/doc/refman/8.0/en/view-check-option.html). 1369 on failure.
 */
export async function checkViewOptions(target: WriteTarget, stored: Row, session: ExecutionContext): Promise<void> {
  const levels = target.levels;
  const checked = new Set<number>();
  let isForced = false;
  for (let i = levels.length - 1; i >= 0; i--) {
    const level = levels[i]!;
    if (isForced || level.checkOption !== undefined) checked.add(i);
    if (level.checkOption === 'CASCADED') isForced = true;
  }
  if (checked.size === 0) return;
  let row = stored;
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i]!;
    if (checked.has(i) && level.where) {
      if (level.parts.length > 0) await prepareParts(level.parts, [row]);
      if (toBoolean(level.where.evaluate(row), session.warnings) !== true) throw mysqlError(ER_VIEW_CHECK_FAILED, level.databaseName, level.name);
    }
    row = level.items.map((expr) => expr.evaluate(row));
  }
}
