// CHECK TABLE: verifies each table's secondary indexes against its rows, answering MySQL's four-column report.
// https://dev.mysql.com/doc/refman/8.0/en/check-table.html (what is checked is TiDB's ADMIN CHECK TABLE).
import { mysqlError, ER_NO_SUCH_TABLE } from '../../errors/index.js';
import type { CheckTableStmt } from '../ast/index.js';
import type { Catalog } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import type { RowsResult } from '../statement-result.js';
import { TableRows } from '../table/table-rows.js';
import { reportOnTables } from './maintenance-report.js';

/** One report row per table checked (two for a table that failed, as MySQL reports it). */
export function executeCheckTable(stmt: CheckTableStmt, catalog: Catalog, context: ExecutionContext): Promise<RowsResult> {
  return reportOnTables(stmt.tables, 'check', catalog, context, async ({ database, name, table }) => {
    if (table === undefined) return [['Error', mysqlError(ER_NO_SUCH_TABLE, database, name).message], ['status', 'Operation failed']];
    // A view has no rows or indexes of its own.
    const problem = table.view ? undefined : await new TableRows(await context.transaction(), table, undefined, undefined).checkIndexes();
    return problem === undefined ? [['status', 'OK']] : [['error', problem], ['error', 'Corrupt']];
  });
}
