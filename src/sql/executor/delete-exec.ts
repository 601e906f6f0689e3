// deleteExec: runs a single-table DELETE plan: collects the matching rows, locks and deletes them.
import type { DeletePlan } from '../planner/write-plan.js';
import type { OkResult } from '../statement-result.js';
import { TableRows } from '../table/table-rows.js';
import { collectMatchingRows } from './collect-matching-rows.js';
import { sessionTimeZone } from '../timezone/session-time-zone.js';

/** Runs `plan` once; affected rows are the rows deleted. */
export async function deleteExec(plan: DeletePlan): Promise<OkResult> {
  const { stmt, target, matching, context } = plan;
  const { session } = context;
  const rows = new TableRows(await session.transaction(), target.table, session, sessionTimeZone(session));
  const matched = await collectMatchingRows(rows, target, matching, stmt, context);
  await rows.lockHandles(matched.map((item) => item.entry.handle), 'exclusive');
  for (const { entry } of matched) await rows.delete(entry.handle, entry.row);
  return { kind: 'ok', affectedRows: BigInt(matched.length), lastInsertId: 0n, info: '' };
}
