// materializeRows: a rows result read to the end, for results that must be complete before the first row is sent.
import { rowsResult } from '../sql/index.js';
import type { Row, RowsResult } from '../sql/index.js';

/** `result` with every row read (a locking read must finish locking before its first row is sent). */
export async function materializeRows(result: RowsResult): Promise<RowsResult> {
  if (result.complete) return result;
  const rows: Row[] = [];
  for await (const batch of result.rows) for (const row of batch) rows.push(row);
  return rowsResult(result.columns, rows);
}
