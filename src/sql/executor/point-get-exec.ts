// runPointGet: a PointGet plan's rows in one step: the handles' rows read (and locked), filtered, projected.
import type { ExecutionContext } from '../execution-context.js';
import type { PointGetPlan } from '../planner/physical-plan.js';
import { recordTableRead } from '../planner/table-read-plan.js';
import { TableRows } from '../table/table-rows.js';
import { sessionTimeZone } from '../timezone/session-time-zone.js';
import { toBoolean } from '../types/index.js';
import type { Row, SqlValue } from '../types/index.js';
import { recordOutput } from './output-exec.js';

/**
 * The result rows of a PointGet plan, or undefined when the plan's access path (re-chosen for a reused plan's new
 * values) is no longer a point get, so the caller runs the operator tree. A locking read locks the rows that pass
 * the filter before projecting them, as the table reader does.
 */
export async function runPointGet(plan: PointGetPlan, session: ExecutionContext): Promise<Row[] | undefined> {
  const { reader, output } = plan;
  const path = reader.access.path;
  const lockMode = session.lockingRead;
  // A locking read with LIMIT locks only the rows it returns: the table reader's chunked locking does that.
  if (path.kind !== 'point' || (lockMode && output.limit)) return undefined;
  const startedAt = performance.now();
  const rows = new TableRows(await session.transaction(), reader.table, session, sessionTimeZone(session));
  const filter = reader.filter;
  const isKept = (row: Row): boolean => !filter || toBoolean(filter.evaluate(row), session.warnings) === true;
  let readCount = 0;
  let found: Row[];
  if (lockMode) {
    const entries = await rows.getMany(path.handles);
    readCount = entries.length;
    found = (await rows.lockReadRows(entries.filter((entry) => isKept(entry.row)), lockMode)).map((entry) => entry.row);
  } else if (path.handles.length === 1) {
    const row = await rows.get(path.handles[0]!);
    readCount = row ? 1 : 0;
    found = row && isKept(row) ? [row] : [];
  } else {
    const entries = await rows.getMany(path.handles);
    readCount = entries.length;
    found = [];
    for (const entry of entries) if (isKept(entry.row)) found.push(entry.row);
  }
  recordTableRead(reader.read, readCount, found.length, startedAt);
  const { projections, limit } = output;
  const start = limit?.offset ?? 0;
  const end = limit ? Math.min(start + limit.count, found.length) : found.length;
  const result: Row[] = [];
  for (let r = start; r < end; r++) {
    const row = found[r]!;
    const out: SqlValue[] = new Array<SqlValue>(projections.length);
    for (let i = 0; i < projections.length; i++) out[i] = projections[i]!.expr.evaluate(row);
    result.push(out);
  }
  recordOutput(output.operators, { projected: result.length, distinctRows: 0, returned: result.length }, startedAt);
  return result;
}
