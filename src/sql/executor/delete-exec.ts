// deleteExec: runs a single-table DELETE plan: collects the matching rows, locks and deletes them.
import type { DeletePlan } from '../planner/write-plan.js';
import type { OkResult } from '../statement-result.js';
import { TableWriters } from '../constraints/index.js';
import { collectMatchingRows } from './collect-matching-rows.js';

/** Runs `plan` once; affected rows are the rows it deleted (not those its foreign keys' cascades deleted). */
export async function deleteExec(plan: DeletePlan): Promise<OkResult> {
  const { stmt, target, matching, context } = plan;
  const { session } = context;
  const writers = new TableWriters({ catalog: context.catalog, session, txn: await session.transaction(), isStrict: session.isStrictMode, isIgnore: stmt.isIgnore });
  const writer = writers.writer(target.table, target.databaseName);
  const matched = await collectMatchingRows(writer.rows, target, matching, stmt, context);
  await writer.rows.lockHandles(matched.map((item) => item.entry.handle), 'exclusive');
  let deleted = 0n;
  for (const { entry } of matched) if ((await writer.delete(entry.handle, entry.row)) !== false) deleted++;
  return { kind: 'ok', affectedRows: deleted, lastInsertId: 0n, info: '' };
}
